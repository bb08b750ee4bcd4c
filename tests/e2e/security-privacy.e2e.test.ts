/**
 * Privacy proof, Chromium: every URL request the browser's network stack starts during a
 * full session (scam and plain pages, popup, options, a list subscription + update, a
 * report) is read back from Chromium's own net log (--log-net-log), which sees the
 * service worker's fetches as well as the pages'. Only the pages the test visits and the
 * subscription URL it configured may appear; no request carries page text or another
 * page's URL.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type BrowserContext } from 'playwright-core';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, EXTENSION_DIR } from './support/browser';
import { startServer, type FixtureServer } from './support/server';

let server: FixtureServer;
let dir: string;
let requests: string[] = [];
const PAGE_TEXT = ['资金转入安全账户', '涉嫌洗钱', '保本保息'];

beforeAll(async () => {
  server = await startServer();
  server.route('/lists/privacy.txt', () => ({ type: 'text/plain; charset=utf-8', body: 'privacy-scam.example\n' }));
  dir = await mkdtemp(join(tmpdir(), 'sentinel-privacy-'));
  const netlog = join(dir, 'netlog.json');
  const context: BrowserContext = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, '--no-sandbox', '--disable-gpu', `--log-net-log=${netlog}`, '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const id = new URL(sw.url()).host;
  const ext = (p: string) => `chrome-extension://${id}/${p}`;
  const page = await context.newPage();
  for (const p of ['/warn/high.html', '/plain.html', '/warn/medium.html', '/engine/neg-bank-wealth.html']) {
    await page.goto(server.url(p));
    await page.waitForTimeout(800);
  }
  const popup = await context.newPage();
  await popup.goto(ext('popup.html'));
  await popup.waitForTimeout(500);
  const options = await context.newPage();
  await options.goto(ext('options.html'));
  await options.getByTestId('list-url').fill(server.url('/lists/privacy.txt'));
  await options.getByTestId('list-add').click();
  await options.getByTestId('list-item').filter({ hasText: '/lists/privacy.txt' }).getByTestId('list-update').click();
  await options.waitForTimeout(1500);
  await popup.evaluate((u) => chrome.runtime.sendMessage({ type: 'ui-bg/report-create', payload: { url: u, kind: 'scam', from: 'popup', evidence: ['资金转入安全账户'] } }), server.url('/warn/high.html'));
  await page.waitForTimeout(500);
  await context.close();
  // Every "url" parameter of every event (a regex, not JSON.parse: the log may end mid-array).
  const text = await readFile(netlog, 'utf8');
  requests = [...new Set([...text.matchAll(/"url":"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string))];
}, 120_000);
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('privacy proof (Chromium net log of a full session)', () => {
  test('the only network requests are the visited pages and the configured subscription', () => {
    const network = requests.filter((u) => /^(https?|wss?):/i.test(u));
    expect(network.length).toBeGreaterThan(0); // the log really recorded the session
    const allowed = (u: string) => u.startsWith(server.origin + '/');
    const extra = network.filter((u) => !allowed(u));
    // Chromium's own background calls (its component updater and account check, not ours;
    // present without the extension too) go nowhere: every name but 127.0.0.1 resolves to
    // NOTFOUND. Exactly these two endpoints are tolerated; anything else fails.
    const ours = extra.filter((u) => !/^https?:\/\/(update\.googleapis\.com\/service\/update2\/|accounts\.google\.com\/ListAccounts\?)/.test(u));
    // The summary the README quotes.
    console.log(`[privacy] ${network.length} network URLs: ${network.filter(allowed).length} to the test server (pages + subscription), ${extra.length - ours.length} Chromium-own (unresolvable), ${ours.length} other`);
    for (const u of extra) console.log(`[privacy] not ours: ${u.slice(0, 120)}`);
    expect(ours).toEqual([]);
    const listFetches = network.filter((u) => u.includes('/lists/'));
    expect(listFetches.every((u) => u.startsWith(server.url('/lists/privacy.txt')))).toBe(true);
    expect(listFetches.length).toBeGreaterThan(0);
  });

  test('no request carries page text or the URL of a page', () => {
    const toServerOther = requests.filter((u) => u.includes('/lists/'));
    for (const u of requests) {
      for (const t of PAGE_TEXT) {
        expect(decodeURIComponent(u)).not.toContain(t);
      }
    }
    for (const u of toServerOther) expect(decodeURIComponent(u)).not.toMatch(/warn|plain|engine|high\.html/);
  });
});
