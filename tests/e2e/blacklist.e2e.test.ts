/**
 * Blacklist in real Chromium: pages on blacklisted hosts (mapped to 127.0.0.1) are
 * replaced by warning.html before they load; subscriptions added on the options page
 * work without a restart; bad feeds leave the previous list working with a clear status;
 * a worker stopped mid-update leaves the old list whole; bypasses survive a restart.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, screenshot, type ExtensionBrowser } from './support/browser';
import { startServer, type FixtureServer } from './support/server';
import { OptionsPage, readStore } from './support/pages';
import { generateFeedKeyPair, type FeedKeyPair } from '../../src/lists/feed';
import { publish, snapshotOf } from '../unit/background/feed-fixtures';

const HOSTS = ['scam-demo.example', 'fake-police.example', 'pension-demo.example', 'allowed-demo.example', 'shared-hosting-demo.example', 'sub-scam.example', 'feed-scam.example', 'old-scam.example', 'new-scam.example', 'mine-allowed.example'];

let ext: ExtensionBrowser;
let server: FixtureServer;

/** A second server for list files whose behaviour the tests switch (hang, stream 1 GB, cut off …). */
interface FeedServer {
  url(path: string): string;
  mode: Record<string, (res: ServerResponse) => void>;
  bytesSent: Record<string, number>;
  close(): Promise<void>;
}
let feeds: FeedServer;

async function startFeedServer(): Promise<FeedServer> {
  const mode: FeedServer['mode'] = {};
  const bytesSent: Record<string, number> = {};
  const sockets = new Set<import('node:net').Socket>();
  const srv: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const handler = mode[path];
    if (!handler) return void res.writeHead(404).end('not found');
    handler(res);
  });
  srv.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as AddressInfo).port;
  return {
    url: (p) => `http://127.0.0.1:${port}${p}`,
    mode,
    bytesSent,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        srv.close(() => r());
      }),
  };
}

const serve = (body: string | Uint8Array, type = 'text/plain; charset=utf-8') => (res: ServerResponse) => {
  res.writeHead(200, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
};

beforeAll(async () => {
  server = await startServer();
  feeds = await startFeedServer();
  ext = await launchWithExtension({ mapHosts: HOSTS });
  await waitForRules();
  // A hanging server is given up after 3 s instead of the default 60 s (clamped setting).
  const sw = await ext.worker();
  await sw.evaluate(() => chrome.storage.local.set({ 'lists:timeoutMs': 3000 }));
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
  await feeds?.close();
});

/** The bundled list's DNR rules are installed on first run (onInstalled). */
async function waitForRules() {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const sw = await ext.worker();
    const domains = await sw.evaluate(async () => (await chrome.declarativeNetRequest.getDynamicRules()).flatMap((r) => r.condition.requestDomains ?? []));
    if (domains.includes('scam-demo.example')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the bundled list never reached declarativeNetRequest');
}

const warningPrefix = () => ext.extensionUrl('warning.html');
const hostRequests = (host: string) => server.requests.filter((r) => r.host === host);

async function visit(url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url).catch(() => undefined);
  return page;
}

/** Navigate and report where the tab ended up: 'warning' or 'page'. */
async function outcome(url: string): Promise<'warning' | 'page'> {
  const page = await visit(url);
  await page.waitForLoadState('load').catch(() => undefined);
  // A nav-guard redirect happens right after the navigation starts; leave it time to land
  // so that 'page' really means "not redirected".
  await page.waitForTimeout(500);
  await page.waitForLoadState('load').catch(() => undefined);
  const settled = page.url().startsWith(warningPrefix()) ? 'warning' : 'page';
  await page.close();
  return settled;
}

async function ask<T>(type: string, payload: unknown): Promise<T> {
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('popup.html'));
  const r = await page.evaluate(([type, payload]) => chrome.runtime.sendMessage({ type, payload }), [type, payload] as const);
  await page.close();
  return r as T;
}

describe('warns before the page loads', () => {
  test('a DNR-covered seed domain shows warning.html and the server never receives the page request', async () => {
    const before = hostRequests('scam-demo.example').length;
    const page = await visit(server.url('/plain.html', 'scam-demo.example'));
    await page.waitForURL(`${warningPrefix()}**`);
    const u = new URL(page.url());
    expect(u.searchParams.get('k')).toBe('blacklist');
    expect(u.searchParams.get('u')).toBe(server.url('/plain.html', 'scam-demo.example'));
    await page.getByTestId('warning-root').waitFor();
    await screenshot(page, 'blacklist-warning-zh-CN');
    expect(hostRequests('scam-demo.example').length).toBe(before);
    // Subdomains too, and the warning page can ask why.
    expect(await outcome(server.url('/plain.html?x=1', 'www.scam-demo.example'))).toBe('warning');
    await page.close();
    const why = await ask<{ ok: boolean; data: Record<string, unknown> }>('ui-bg/url-verdict', { url: server.url('/plain.html', 'scam-demo.example') });
    expect(why.data).toMatchObject({ result: 'block', listId: 'seed', category: 'investment', match: 'scam-demo.example' });
  });

  test('a URL-prefix entry (not expressible in DNR) is caught by the navigation guard with the exact URL contract', async () => {
    const target = server.url('/~scam/pay.html?a=1&b=2', 'shared-hosting-demo.example');
    const page = await visit(target);
    // The guard aborts the navigation it redirects, so poll the tab's URL.
    await expect.poll(() => page.url(), { timeout: 10_000 }).toBe(`${warningPrefix()}?u=${encodeURIComponent(target)}&k=blacklist`);
    await page.close();
    // The same shared host outside the scam folder is fine.
    expect(await outcome(server.url('/plain.html', 'shared-hosting-demo.example'))).toBe('page');
  });
});

describe('stays silent', () => {
  test('an allowlisted host and an unknown host load normally', async () => {
    expect(await outcome(server.url('/plain.html', 'allowed-demo.example'))).toBe('page');
    expect(await outcome(server.url('/plain.html'))).toBe('page');
    expect(hostRequests('allowed-demo.example').length).toBeGreaterThan(0);
  });
});

describe('subscriptions on the options page', () => {
  test('a plain list added on the options page takes effect at once, without a restart', async () => {
    feeds.mode['/lists/community.txt'] = serve('# community list\nsub-scam.example\n');
    expect(await outcome(server.url('/plain.html', 'sub-scam.example'))).toBe('page');
    const options = await OptionsPage.open(ext);
    await options.page.getByTestId('list-url').fill(feeds.url('/lists/community.txt'));
    await options.page.getByTestId('list-add').click();
    const item = options.page.getByTestId('list-item').filter({ hasText: feeds.url('/lists/community.txt') });
    await expect.poll(() => item.getByTestId('list-status').innerText(), { timeout: 15_000 }).toContain('名单刚刚更新');
    await screenshot(options.page, 'blacklist-options-zh-CN');
    const before = hostRequests('sub-scam.example').length;
    const page = await visit(server.url('/plain.html', 'sub-scam.example'));
    await page.waitForURL(`${warningPrefix()}**`);
    expect(hostRequests('sub-scam.example').length).toBe(before);
    await page.close();
    await options.page.close();
  });

  test('the person\'s own allow list wins over a list', async () => {
    const options = await OptionsPage.open(ext);
    await options.page.getByTestId('user-host').fill('sub-scam.example');
    await options.page.getByTestId('user-allow-add').click();
    await expect.poll(() => options.page.getByTestId('user-allow-list').innerText()).toContain('sub-scam.example');
    expect(await outcome(server.url('/plain.html', 'sub-scam.example'))).toBe('page');
    await options.page.getByTestId('user-allow-list').getByTestId('user-remove').click();
    await expect.poll(() => options.page.getByTestId('user-allow-list').innerText()).not.toContain('sub-scam.example');
    expect(await outcome(server.url('/plain.html', 'sub-scam.example'))).toBe('warning');
    await options.page.close();
  });
});
