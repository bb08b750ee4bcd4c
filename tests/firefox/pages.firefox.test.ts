/**
 * Firefox ESR, in-page side: the content script warns at the right level on scam pages
 * and stays silent on hard negatives, the payment-moment pause opens on a scam page's
 * bank-card field (and not on a genuine checkout), the UI speaks zh-CN, and the
 * extension leaves no error in the browser console. One Firefox for the whole file.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alertLevel, firefoxScreenshot, launchFirefox, waitFor, type FirefoxExtension } from './support/firefox';
import { FIXTURES, startServer, type FixtureServer } from '../e2e/support/server';

let ff: FirefoxExtension;
let server: FixtureServer;

beforeAll(async () => {
  server = await startServer();
  ff = await launchFirefox({ locale: 'zh-CN' });
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

const expectOf = (file: string) => /<meta\s+name=["']sentinel-expect["']\s+content=["']([^"']+)["']/i.exec(readFileSync(join(FIXTURES, 'engine', file), 'utf8'))?.[1];

/** Wait until the background holds a verdict for exactly this page's URL (the scan is done). */
async function settled(page: Page): Promise<void> {
  const url = await page.evaluate(() => location.href);
  await waitFor(
    () =>
      ff.inExtension(async (u) => {
        const tab = (await browser.tabs.query({})).find((t) => t.url === u);
        if (tab?.id === undefined) return false;
        const key = `tab:${tab.id}`;
        const state = (await browser.storage.session.get(key))[key] as { url?: string } | undefined;
        return state?.url === u;
      }, url),
    Boolean,
    15_000,
    `a verdict for ${url}`,
  );
}

async function open(path: string): Promise<Page> {
  const page = await ff.newPage();
  await page.goto(server.url(path), { waitUntil: 'load' });
  return page;
}

const SCAMS = ['auth-safe-account.html', 'inv-mentor-platform.html', 'phish-subsidy.html', 'cs-refund.html'];
const NEGATIVES = ['neg-police-publicity.html', 'neg-bank-wealth.html', 'neg-news-retelling.html'];

describe('Firefox: warns on scam pages at the right level', () => {
  test.each(SCAMS)('Firefox: %s', async (file) => {
    const want = expectOf(file);
    const page = await open(`/engine/${file}`);
    const level = await waitFor(() => alertLevel(page), (l) => l === 'medium' || l === 'high', 15_000, `an alert on ${file}`);
    if (want === 'high') expect(level).toBe('high');
    else expect(['medium', 'high']).toContain(level);
    await page.close();
  });

  test('Firefox: the high alert interrupts in the top layer (screenshot for the README)', async () => {
    const page = await open('/warn/high.html');
    await waitFor(() => alertLevel(page), (l) => l === 'high', 15_000, 'a high alert');
    const mode = await waitFor(() => page.evaluate(() => document.querySelector('scam-sentinel-alert')?.getAttribute('data-mode')), (m) => m === 'dialog', 10_000, 'dialog mode');
    expect(mode).toBe('dialog');
    // Our closed shadow root: the page sees the host, never what is inside.
    expect(await page.evaluate(() => (document.querySelector('scam-sentinel-alert') as Element & { shadowRoot: ShadowRoot | null }).shadowRoot)).toBeNull();
    // The element in the middle of the window is ours (modal dialog on top of the page).
    expect(await page.evaluate(() => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.closest('scam-sentinel-alert')?.localName ?? null)).toBe('scam-sentinel-alert');
    await firefoxScreenshot(page, 'firefox-alert-zh-CN');
    await page.close();
  });
});

describe('Firefox: stays silent on hard negatives', () => {
  test.each(NEGATIVES)('Firefox: %s', async (file) => {
    expect(expectOf(file)).toBe('silent');
    const page = await open(`/engine/${file}`);
    await settled(page);
    expect(['absent', 'none', 'low']).toContain(await alertLevel(page));
    await page.close();
  });
});

const pauseState = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('scam-sentinel-pause');
    return el ? { open: el.getAttribute('data-open'), action: el.getAttribute('data-action') } : null;
  });

describe('Firefox: the moment of payment', () => {
  test('Firefox: focusing the bank-card field on a scam page opens the cooling-off dialog; the field gets no input meanwhile', async () => {
    const page = await open('/warn/scam-pay.html');
    await waitFor(() => alertLevel(page), (l) => l === 'medium' || l === 'high', 15_000, 'an alert');
    if ((await page.evaluate(() => document.querySelector('scam-sentinel-alert')?.getAttribute('data-mode'))) === 'dialog') await page.keyboard.press('Escape');
    await page.click('#card');
    const state = await waitFor(() => pauseState(page), (s) => s?.open === 'true', 10_000, 'the pause dialog');
    expect(state).toMatchObject({ open: 'true', action: 'bankCard' });
    // Typing goes to our modal dialog, not to the page's field.
    await page.keyboard.type('6212');
    expect(await page.$eval('#card', (el) => (el as HTMLInputElement).value)).toBe('');
    await page.close();
  });

  test('Firefox: a genuine checkout gets no cooling-off dialog', async () => {
    const page = await open('/warn/checkout.html');
    await settled(page);
    await page.click('#card');
    await new Promise((r) => setTimeout(r, 500));
    expect(await pauseState(page)).toBeNull();
    await page.close();
  });
});

describe('Firefox: the UI in zh-CN', () => {
  test('Firefox: the browser runs in zh-CN and our popup and options speak Simplified Chinese', async () => {
    expect(await ff.chrome<string>('Services.locale.appLocaleAsBCP47')).toBe('zh-CN');
    const page = await ff.newPage();
    await ff.navigate(page, ff.extUrl('options.html'), (h) => h.startsWith(ff.extUrl('options.html')));
    const opts = await waitFor(
      () => page.evaluate(() => ({ lang: document.documentElement.lang, ready: Boolean(document.querySelector('[data-testid="options-root"]')), text: document.body.innerText })),
      (o) => o.ready && /名单订阅|灵敏度/.test(o.text),
      10_000,
      'options page',
    );
    expect(opts.lang).toBe('zh-CN');
    expect(opts.text).toMatch(/名单订阅|灵敏度/);
    const name = await ff.inExtension(() => ({ ui: browser.i18n.getUILanguage(), name: browser.i18n.getMessage('extName') }), null);
    expect(name).toEqual({ ui: 'zh-CN', name: '反诈哨兵' });
    await page.close();
  });
});

describe('Firefox: no errors', () => {
  test('Firefox: the extension left no uncaught error or console.error in the browser console', async () => {
    const errors = await ff.consoleErrors();
    expect(errors).toEqual([]);
  });
});
