/**
 * Security battery, Firefox ESR: the hostile pages of tests/e2e/support/hostile-attacks.ts
 * against our alert, and the spoofed interstitial.
 *
 * Firefox has no use_dynamic_url (wxt.config.ts): warning.html stays reachable by web
 * pages, but only at moz-extension://<UUID>/, a random UUID per profile that a page
 * cannot guess (these tests pin it with a pref, so they play an attacker who already
 * knows it). What stops the spoof here is the page itself: it renders only what the
 * background confirms, a neutral page otherwise, nothing in a frame.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { alertLevel, launchFirefox, waitFor, EXT_ORIGIN, type FirefoxExtension } from './support/firefox';
import { startServer, type FixtureServer } from '../e2e/support/server';
import { ATTACKS, OUR_WORDS, attackPage } from '../e2e/support/hostile-attacks';

const BANK = 'https://www.icbc.com.cn/';
let ff: FirefoxExtension;
let server: FixtureServer;
let decoder: Page;

beforeAll(async () => {
  server = await startServer();
  for (const [i, a] of ATTACKS.entries()) server.route(`/attack/${i}.html`, () => ({ body: attackPage(a) }));
  ff = await launchFirefox({ locale: 'zh-CN' });
  decoder = await ff.newPage();
  await decoder.goto(server.url('/plain.html'));
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

const WARNING = `${EXT_ORIGIN}/warning.html`;
const forms: Array<[string, string]> = [
  ['?u=&k=blacklist', `?k=blacklist&u=${encodeURIComponent(BANK)}`],
  ['#u= (the DNR form)', `?k=blacklist#u=${BANK}`],
  ['?u= encoded twice', `?k=blacklist&u=${encodeURIComponent(encodeURIComponent(BANK))}`],
  ['no k at all', `?u=${encodeURIComponent(BANK)}`],
  ['k=page with a made-up tab', `?k=page&tab=1&u=${encodeURIComponent(BANK)}`],
];

/** The neutral page: no site named, no danger words, nothing to proceed to. */
async function expectNeutral(target: Page | Frame, name: string): Promise<void> {
  const seen = await waitFor(
    () =>
      target.evaluate(() => ({
        ready: Boolean(document.querySelector('[data-testid="warning-ready"]')),
        unconfirmed: document.querySelectorAll('[data-testid="warning-unconfirmed"]').length,
        title: document.querySelectorAll('[data-testid="warning-title"]').length,
        proceed: document.querySelectorAll('[data-testid="proceed"]').length,
        text: document.body.innerText,
      })),
    (s) => s.ready,
    10_000,
    `the warning page (${name})`,
  );
  expect(seen, name).toMatchObject({ unconfirmed: 1, title: 0, proceed: 0 });
  expect(seen.text, name).not.toMatch(/icbc|危险|诈骗网站名单|Danger/i);
}

describe('Firefox security: the spoofed interstitial (an attacker who knows the profile\'s UUID)', () => {
  test('Firefox: navigated to from a web page, every parameter form → neutral page', async () => {
    const page = await ff.newPage();
    for (const [name, q] of forms) {
      await page.goto(server.url('/plain.html'));
      await page.evaluate((u) => void (location.href = u), WARNING + q);
      await waitFor(() => page.evaluate(() => location.href), (h) => h.startsWith(WARNING), 10_000, name);
      await expectNeutral(page, name);
    }
    await page.close();
  });

  test('Firefox: framed by a web page, every parameter form → refuses to render', async () => {
    const page = await ff.newPage();
    await page.goto(server.url('/plain.html'));
    await page.evaluate((list) => {
      for (const src of list) {
        const f = document.createElement('iframe');
        f.src = src;
        document.body.append(f);
      }
    }, forms.map(([, q]) => WARNING + q));
    const states = await waitFor(
      async () => Promise.all(page.frames().filter((f) => f !== page.mainFrame()).map((f) => f.evaluate(() => ({ state: document.getElementById('app')?.getAttribute('data-state') ?? '', text: document.body?.innerText ?? '', buttons: document.querySelectorAll('button, a').length })).catch(() => null))),
      (s) => s.filter((x) => x?.state === 'framed').length === forms.length,
      10_000,
      'every frame to refuse',
    );
    for (const s of states) {
      expect(s!.text).not.toMatch(/icbc|危险|Danger/i);
      expect(s!.buttons).toBe(0);
    }
    await page.close();
  });

  test('Firefox: opened in a new window (window.open), every parameter form → neutral page', async () => {
    const page = await ff.newPage();
    await page.goto(server.url('/plain.html'));
    for (const [name, q] of forms) {
      const before = new Set(await ff.browser.pages());
      await page.evaluate((u) => void window.open(u, '_blank'), WARNING + q);
      const popup = await waitFor(async () => (await ff.browser.pages()).find((p) => !before.has(p)), Boolean, 10_000, `the new window (${name})`);
      await waitFor(() => popup!.evaluate(() => location.href), (h) => h.startsWith(WARNING), 10_000, name);
      await expectNeutral(popup!, name);
      await popup!.close();
    }
    await page.close();
  });

  test('Firefox: fingerprinting — only a page that already knows the random UUID can fetch warning.html; any other UUID fails the same way as no extension', async () => {
    const page = await ff.newPage();
    await page.goto(server.url('/plain.html'));
    const probe = (url: string) => page.evaluate((u) => fetch(u).then((r) => `status ${r.status}`, (e: Error) => e.name), url);
    expect(await probe(`${WARNING}`)).toBe('status 200'); // with the UUID: detectable (README says so)
    const other = await probe('moz-extension://00000000-0000-4000-8000-000000000000/warning.html');
    expect(other).toBe('TypeError');
    expect(await probe(`${EXT_ORIGIN}/manifest.json`)).toBe('TypeError'); // not web-accessible
    await page.close();
  });
});

/**
 * The attacks run in Firefox: all but two. "flood mutations" tests our own scheduler,
 * which is browser-independent and costs 25 s here (it runs in Chromium). "move it off
 * screen" is a KNOWN FIREFOX GAP: `html { filter: opacity(0) }` makes Firefox paint the
 * whole top layer invisible too (Chromium paints the top layer outside the root's
 * filter); resetting the page's own root filter is not done yet. README "Firefox".
 */
const FIREFOX_ATTACKS = ATTACKS.map((a, i) => [a.name, i, a] as const).filter(([name]) => name !== 'flood mutations' && name !== 'move it off screen');

/** Share of the window painted in our dialog's background (#fef2f2). */
async function paintedShare(page: Page): Promise<number> {
  const png = Buffer.from(await page.screenshot()).toString('base64');
  return decoder.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let hits = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i]! - 0xfe) < 3 && Math.abs(d[i + 1]! - 0xf2) < 3 && Math.abs(d[i + 2]! - 0xf2) < 3) hits++;
    return hits / (d.length / 4);
  }, png);
}

describe('Firefox security: a hostile page cannot read, hide, move, cover, remove, click or silence our alert', () => {
  let tab: Page;
  beforeAll(async () => {
    tab = await ff.newPage();
  });

  test.each(FIREFOX_ATTACKS)('Firefox: %s', async (_name, i, attack) => {
    await tab.goto(server.url(`/attack/${i}.html`));
    await waitFor(() => alertLevel(tab), (l) => l === 'high', 20_000, `a high alert (${attack.name})`);
    await new Promise((r) => setTimeout(r, 800)); // let the attack run against the shown alert
    const painted = await waitFor(() => paintedShare(tab), (p) => p >= 0.05, 5_000, `our dialog painted on screen (${attack.name})`);
    expect(painted).toBeGreaterThanOrEqual(0.05);
    const state = await tab.evaluate(() => {
      const w = window as unknown as { __attack: { leaked: string[]; constructed?: number }; __own: number; __ticks: number };
      return { leaked: w.__attack.leaked.join('\n'), constructed: w.__attack.constructed ?? 0, own: w.__own, ticks: w.__ticks, mode: document.querySelector('scam-sentinel-alert')?.getAttribute('data-mode') ?? 'absent' };
    });
    for (const word of OUR_WORDS) expect(state.leaked, `${attack.name} read our words`).not.toMatch(word);
    expect(state.constructed).toBe(0);
    if (attack.dismissAttempt) expect(state.mode).toBe('dialog');
    await tab.evaluate(() => (document.getElementById('own') as HTMLButtonElement).click());
    expect(await tab.evaluate(() => (window as unknown as { __own: number }).__own)).toBe(state.own + 1);
    expect(state.ticks).toBeGreaterThan(3);
    // A real scam page in the same tab still warns.
    await tab.goto(server.url('/warn/high.html'));
    await waitFor(() => alertLevel(tab), (l) => l === 'high', 15_000, 'the next scam page');
  });

  test('Firefox: no uncaught error from the extension during the battery', async () => {
    expect(await ff.consoleErrors()).toEqual([]);
  });
});
