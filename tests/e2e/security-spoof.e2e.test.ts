/**
 * Security battery, Chromium: the spoofed interstitial and fingerprinting.
 *
 * The attack (issue 12): a web page opens our warning.html with parameters that make us
 * call a real bank a scam site — `?k=blacklist&u=https://www.icbc.com.cn/`, the DNR
 * `#u=` form, `k=page&tab=`, nested encodings — by navigating to it, framing it, or
 * opening it in a new window.
 *
 * Two walls, each tested on its own:
 *  1. the browser: warning.html is web-accessible with `use_dynamic_url` (wxt.config.ts),
 *     so at the extension's fixed id a web page cannot open, frame or fetch it at all
 *     (ERR_BLOCKED_BY_CLIENT) — which also means a page cannot detect us through it;
 *  2. the page itself (src/ui/warning.ts): should the per-session id ever leak, it
 *     states only what the background confirms (a listed URL, or a medium/high verdict
 *     recorded for that very tab and URL), renders a neutral page otherwise, and refuses
 *     to render in a frame.
 * And the redirect we need still works: DNR sends a listed host to the dynamic URL, also
 * after a browser restart (the dynamic id is new each session; the rules follow).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from './support/browser';
import { startServer, type FixtureServer } from './support/server';
import { tabIdOf, waitForAlertLevel } from './support/pages';

const BANK = 'https://www.icbc.com.cn/';
const SCAM = 'scam-demo.example';
let ext: ExtensionBrowser;
let server: FixtureServer;
/** chrome-extension://<per-session id>/warning.html, as runtime.getURL gives it. */
let dynamicWarning: string;

beforeAll(async () => {
  server = await startServer();
  ext = await launchWithExtension({ mapHosts: [SCAM] });
  const sw = await ext.worker();
  dynamicWarning = await sw.evaluate(() => chrome.runtime.getURL('/warning.html'));
  await waitForRules(ext);
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function waitForRules(e: { worker(): Promise<{ evaluate<R>(fn: () => Promise<R>): Promise<R> }> }): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const sw = await e.worker();
    const n = await sw.evaluate(async () => (await chrome.declarativeNetRequest.getDynamicRules()).filter((r) => r.action.type === 'redirect').length);
    if (n > 0) return;
    if (Date.now() > deadline) throw new Error('no DNR redirect rule installed');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every parameter form of the attack, as a query+hash to append to warning.html. */
const forms = (tab?: number): Array<[string, string]> => [
  ['?u=&k=blacklist', `?k=blacklist&u=${encodeURIComponent(BANK)}`],
  ['#u= (the DNR form)', `?k=blacklist#u=${BANK}`],
  ['#u= percent-encoded', `?k=blacklist#u=${encodeURIComponent(BANK)}`],
  ['?u= encoded twice', `?k=blacklist&u=${encodeURIComponent(encodeURIComponent(BANK))}`],
  ['?u= encoded three times', `?k=blacklist&u=${encodeURIComponent(encodeURIComponent(encodeURIComponent(BANK)))}`],
  ['no k at all', `?u=${encodeURIComponent(BANK)}`],
  ['k=page without a tab', `?k=page&u=${encodeURIComponent(BANK)}`],
  ['k=page with a made-up tab', `?k=page&tab=${tab ?? 1}&u=${encodeURIComponent(BANK)}`],
  ['k=page, tab id overflowing', `?k=page&tab=99999999999999999999&u=${encodeURIComponent(BANK)}`],
];

const staticWarning = () => ext.extensionUrl('warning.html');
const isOurs = (url: string) => url.startsWith(`chrome-extension://${ext.extensionId}/`) || url.startsWith(dynamicWarning.replace(/warning\.html$/, ''));

async function attacker(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(server.url('/plain.html'));
  return page;
}

/** The page (or frame) shows the neutral page: no site named, no danger words, nothing to proceed to. */
async function expectNeutral(target: Page | Frame): Promise<void> {
  await target.locator('[data-testid="warning-ready"]').waitFor({ state: 'attached', timeout: 10_000 });
  expect(await target.locator('[data-testid="warning-unconfirmed"]').count()).toBe(1);
  expect(await target.locator('[data-testid="warning-title"]').count()).toBe(0);
  expect(await target.locator('[data-testid="proceed"]').count()).toBe(0);
  const text = await target.locator('body').innerText();
  expect(text).not.toMatch(/icbc/i);
  expect(text).not.toMatch(/危险|诈骗网站名单|Danger/);
}

describe('wall 1 — the browser: at the fixed id, warning.html is out of reach for web pages', () => {
  test('navigating to it (location.href), every parameter form → refused by Chromium, our page never runs', async () => {
    const page = await attacker();
    for (const [name, q] of forms()) {
      await page.goto(server.url('/plain.html'));
      await page.evaluate((u) => void (location.href = u), staticWarning() + q);
      await page.waitForURL((u) => !u.href.startsWith(server.origin), { timeout: 10_000 });
      expect(page.url(), name).toMatch(/^chrome-error:/);
      expect(await page.locator('[data-testid="warning-ready"]').count(), name).toBe(0);
    }
    await page.close();
  });

  test('a link the person clicks (a real click) → refused too', async () => {
    const page = await attacker();
    await page.evaluate((u) => {
      const a = document.createElement('a');
      a.id = 'bait';
      a.href = u;
      a.textContent = '查看安全提示';
      document.body.prepend(a);
    }, staticWarning() + forms()[0]![1]);
    await page.click('#bait');
    await page.waitForURL((u) => !u.href.startsWith(server.origin), { timeout: 10_000 });
    expect(page.url()).toMatch(/^chrome-error:/);
    await page.close();
  });

  test('framing it (<iframe>), every parameter form → refused, no frame runs our page', async () => {
    const page = await attacker();
    const srcs = forms().map(([, q]) => staticWarning() + q);
    await page.evaluate((list) => {
      for (const src of list) {
        const f = document.createElement('iframe');
        f.src = src;
        document.body.append(f);
      }
    }, srcs);
    await expect.poll(() => page.frames().filter((f) => f.url().startsWith('chrome-error:')).length, { timeout: 10_000 }).toBe(srcs.length);
    expect(page.frames().filter((f) => isOurs(f.url()))).toEqual([]);
    await page.close();
  });

  test('opening it in a new window (window.open), every parameter form → refused', async () => {
    const page = await attacker();
    for (const [name, q] of forms()) {
      const [popup] = await Promise.all([ext.context.waitForEvent('page'), page.evaluate((u) => void window.open(u, '_blank'), staticWarning() + q)]);
      await popup.waitForURL((u) => u.href !== 'about:blank', { timeout: 10_000 }).catch(() => undefined);
      await expect.poll(() => popup.url(), { timeout: 10_000 }).toMatch(/^chrome-error:/);
      expect(await popup.locator('[data-testid="warning-ready"]').count(), name).toBe(0);
      await popup.close();
    }
    await page.close();
  });

  test('fingerprinting: fetch and <img> probes answer the same for our id as for an extension that is not installed', async () => {
    const page = await attacker();
    const NOT_INSTALLED = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    const probe = (id: string) =>
      page.evaluate(async (extId) => {
        const out: string[] = [];
        for (const path of ['warning.html', 'manifest.json', 'icons/16.png', 'popup.html']) {
          const url = `chrome-extension://${extId}/${path}`;
          out.push(await fetch(url).then((r) => `fetch ${r.status}`, (e: Error) => `fetch ${e.name}`));
          out.push(
            await new Promise<string>((resolve) => {
              const img = new Image();
              img.onload = () => resolve('img load');
              img.onerror = () => resolve('img error');
              img.src = url;
            }),
          );
        }
        return out;
      }, id);
    const ours = await probe(ext.extensionId);
    expect(ours).toEqual(await probe(NOT_INSTALLED));
    expect(ours.every((r) => r.endsWith('TypeError') || r === 'img error')).toBe(true);
    await page.close();
  });
});

describe('wall 2 — the page: even at a leaked per-session id, it states only what the background confirms', () => {
  test('navigated to from a web page, every parameter form → neutral page', async () => {
    const page = await attacker();
    for (const [, q] of forms()) {
      await page.goto(server.url('/plain.html'));
      await page.evaluate((u) => void (location.href = u), dynamicWarning + q);
      await page.waitForURL((u) => isOurs(u.href), { timeout: 10_000 });
      await expectNeutral(page);
    }
    await page.close();
  });

  test('k=page naming a real tab: a plain tab, or a scam tab with another URL → neutral page', async () => {
    const bank = await attacker();
    const bankTab = await tabIdOf(ext, bank);
    const scam = await ext.context.newPage();
    await scam.goto(server.url('/warn/high.html'));
    await waitForAlertLevel(scam, ['high']);
    const scamTab = await tabIdOf(ext, scam);
    const page = await attacker();
    for (const q of [`?k=page&tab=${bankTab}&u=${encodeURIComponent(bank.url())}`, `?k=page&tab=${scamTab}&u=${encodeURIComponent(BANK)}`, `?k=page&tab=${scamTab}#u=${BANK}`]) {
      await page.goto(server.url('/plain.html'));
      await page.evaluate((u) => void (location.href = u), dynamicWarning + q);
      await page.waitForURL((u) => isOurs(u.href), { timeout: 10_000 });
      await expectNeutral(page);
    }
    await Promise.all([bank.close(), scam.close(), page.close()]);
  });

  test('framed by a web page, even for a listed host → refuses to render (no text, no buttons)', async () => {
    const page = await attacker();
    const srcs = [...forms().map(([, q]) => dynamicWarning + q), `${dynamicWarning}?k=blacklist&u=${encodeURIComponent(`https://${SCAM}/`)}`];
    await page.evaluate((list) => {
      for (const src of list) {
        const f = document.createElement('iframe');
        f.src = src;
        document.body.append(f);
      }
    }, srcs);
    const ours = () => page.frames().filter((f) => isOurs(f.url()));
    await expect
      .poll(async () => (await Promise.all(ours().map((f) => f.evaluate(() => document.getElementById('app')?.getAttribute('data-state') ?? '').catch(() => '')))).filter((s) => s === 'framed').length, { timeout: 10_000 })
      .toBe(srcs.length);
    for (const f of ours()) {
      expect(await f.evaluate(() => document.body.innerText)).not.toMatch(/icbc|危险|Danger|scam-demo/i);
      expect(await f.evaluate(() => document.querySelectorAll('button, a').length)).toBe(0);
    }
    await page.close();
  });

  test('opened in a new window, every parameter form → neutral page', async () => {
    const page = await attacker();
    for (const [, q] of forms()) {
      const [popup] = await Promise.all([ext.context.waitForEvent('page'), page.evaluate((u) => void window.open(u, '_blank'), dynamicWarning + q)]);
      await popup.waitForURL((u) => isOurs(u.href), { timeout: 10_000 });
      await expectNeutral(popup);
      await popup.close();
    }
    await page.close();
  });
});

describe('our own redirect still works', () => {
  test('a listed host is sent to the dynamic URL by DNR; the danger page renders; the server never sees the request', async () => {
    const page = await ext.context.newPage();
    const before = server.requests.filter((r) => r.host === SCAM).length;
    await page.goto(server.url('/plain.html', SCAM)).catch(() => undefined);
    await page.waitForURL((u) => isOurs(u.href), { timeout: 10_000 });
    await page.getByTestId('warning-title').waitFor();
    expect(await page.getByTestId('target-host').innerText()).toBe(SCAM);
    expect(server.requests.filter((r) => r.host === SCAM).length).toBe(before);
    const sw = await ext.worker();
    const targets = await sw.evaluate(async () => (await chrome.declarativeNetRequest.getDynamicRules()).flatMap((r) => (r.action.redirect?.regexSubstitution ? [r.action.redirect.regexSubstitution] : [])));
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) expect(t.startsWith(dynamicWarning)).toBe(true);
    await page.close();
  });

  test('after a browser restart (a new per-session id) the stored DNR rules follow, and a listed host still gets the interstitial', async () => {
    // A profile of its own, launched twice: the second launch is a browser restart.
    const profile = await mkdtemp(join(tmpdir(), 'sentinel-restart-'));
    const launch = () =>
      chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        ignoreDefaultArgs: ['--disable-extensions'],
        args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, '--no-sandbox', '--disable-gpu', `--host-resolver-rules=MAP ${SCAM} 127.0.0.1 , MAP * ~NOTFOUND , EXCLUDE 127.0.0.1`],
      });
    const workerOf = async (ctx: BrowserContext) => ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 20_000 }));
    const ids: string[] = [];
    try {
      for (let round = 0; round < 2; round++) {
        const ctx = await launch();
        try {
          const sw = await workerOf(ctx);
          await waitForRules({ worker: async () => sw });
          ids.push(await sw.evaluate(() => chrome.runtime.getURL('/warning.html')));
          // The rules point at this session's id (re-synced on startup when it changed).
          await expect
            .poll(() => sw.evaluate(async (w) => (await chrome.declarativeNetRequest.getDynamicRules()).filter((r) => r.action.type === 'redirect').every((r) => r.action.redirect?.regexSubstitution?.startsWith(w)), ids[round]!), { timeout: 10_000 })
            .toBe(true);
          const page = await ctx.newPage();
          await page.goto(server.url(`/plain.html?round=${round}`, SCAM)).catch(() => undefined);
          await page.waitForURL((u) => u.protocol === 'chrome-extension:', { timeout: 10_000 });
          await page.getByTestId('warning-title').waitFor({ timeout: 10_000 });
        } finally {
          await ctx.close();
        }
      }
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
    expect(ids[0]).not.toBe(ids[1]);
  });
});
