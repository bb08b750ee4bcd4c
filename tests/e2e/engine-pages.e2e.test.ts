/**
 * Detection on whole pages in real Chromium, through the content script:
 * - every tests/e2e/fixtures/pages/engine/*.html (written with the engine) is loaded and
 *   its alert level checked against its `<meta name="sentinel-expect">`
 *   (silent → no alert or data-level none; medium+ → medium|high; high → high);
 * - dynamic pages (tests/e2e/fixtures/pages/page/): a scam block injected 2 s after
 *   load, an SPA moving to a scam view and back, a scam ad in a normal news page,
 *   scam text in a same-origin iframe, in an open shadow root, and in a cross-origin
 *   iframe (its own content-script instance reporting into the tab).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { FIXTURES, startServer, type FixtureServer } from './support/server';
import { settled } from './support/settled';
import { alertLevel, badgeText, tabIdOf, waitForAlertLevel } from './support/pages';

const ENGINE_DIR = join(FIXTURES, 'engine');
const FRAME_HOST = 'frame-partner.test';

type Expect = 'silent' | 'medium+' | 'high';
interface EngineFixture {
  file: string;
  expect: Expect;
}

function engineFixtures(): EngineFixture[] {
  let files: string[] = [];
  try {
    files = readdirSync(ENGINE_DIR).filter((f) => f.endsWith('.html')).sort();
  } catch {
    return [];
  }
  return files.map((file) => {
    const html = readFileSync(join(ENGINE_DIR, file), 'utf8');
    const m = /<meta\s+name=["']sentinel-expect["']\s+content=["']([^"']+)["']/i.exec(html);
    return { file, expect: (m?.[1] ?? 'missing') as Expect };
  });
}

const fixtures = engineFixtures();
const warns = fixtures.filter((f) => f.expect === 'medium+' || f.expect === 'high');
const silent = fixtures.filter((f) => f.expect === 'silent');

let ext: ExtensionBrowser;
let server: FixtureServer;

beforeAll(async () => {
  server = await startServer();
  // A top page on 127.0.0.1 that frames a page from another origin.
  server.route('/page/cross-origin-frame.html', () => ({
    body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>邻里圈</title></head><body>
<h1>邻里圈</h1><p>今天小区停水两小时，请提前储水。</p>
<iframe id="partner" src="${server.url('/page/iframe-inner-scam.html', FRAME_HOST)}" width="600" height="200"></iframe></body></html>`,
  }));
  ext = await launchWithExtension({ mapHosts: [FRAME_HOST] });
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(server.url(path));
  return page;
}

describe('engine fixture pages', () => {
  test('the engine has written fixture pages with a valid sentinel-expect', () => {
    expect(fixtures.length, `no pages in ${ENGINE_DIR}`).toBeGreaterThan(0);
    for (const f of fixtures) expect(['silent', 'medium+', 'high'], f.file).toContain(f.expect);
  });

  // (vitest rejects an empty suite; the test above already fails when there are no pages)
  describe.runIf(warns.length > 0)('warns', () => {
    test.each(warns.map((f) => [f.file, f.expect] as const))('%s → %s', async (file, want) => {
      const page = await open(`/engine/${file}`);
      const wanted = want === 'high' ? ['high'] : ['medium', 'high'];
      const level = await waitForAlertLevel(page, wanted, 10_000).catch(() => alertLevel(page));
      await page.close();
      expect(wanted, `${file}: alert level ${level}`).toContain(level);
    });
  });

  describe.runIf(silent.length > 0)('stays silent', () => {
    test.each(silent.map((f) => [f.file] as const))('%s', async (file) => {
      const page = await open(`/engine/${file}`);
      await settled(ext, page);
      await page.waitForTimeout(300);
      const level = await alertLevel(page);
      await page.close();
      expect(['absent', 'none'], `${file}: alert level ${level}`).toContain(level);
    });
  });
});

describe('dynamic pages', () => {
  describe('warns', () => {
    test('a scam block injected 2 s after load', async () => {
      const page = await open('/page/injected-late.html');
      await settled(ext, page);
      expect(['absent', 'none']).toContain(await alertLevel(page)); // benign until the block arrives
      expect(await waitForAlertLevel(page, ['medium', 'high'], 10_000)).toMatch(/medium|high/);
      expect(await page.evaluate(() => typeof (window as { injectedAt?: number }).injectedAt)).toBe('number');
      await page.close();
    });

    test('a scam ad inside an otherwise normal news page', async () => {
      const page = await open('/page/news-with-ad.html');
      expect(await waitForAlertLevel(page, ['medium', 'high'])).toMatch(/medium|high/);
      await page.close();
    });

    test('scam text inside a same-origin iframe warns on the top page, once', async () => {
      const page = await open('/page/iframe-same-origin.html');
      expect(await waitForAlertLevel(page, ['medium', 'high'])).toMatch(/medium|high/);
      // The frame is read by the top page's instance: no second alert inside the frame.
      const frame = page.frames().find((f) => f.url().endsWith('/iframe-inner-scam.html'))!;
      expect(await frame.evaluate(() => document.querySelectorAll('scam-sentinel-alert').length)).toBe(0);
      await page.close();
    });

    test('scam text inside an open shadow root', async () => {
      const page = await open('/page/shadow.html');
      expect(await waitForAlertLevel(page, ['medium', 'high'])).toMatch(/medium|high/);
      await page.close();
    });

    test('scam text inside a cross-origin iframe: the frame warns and the tab gets a badge', async () => {
      const page = await open('/page/cross-origin-frame.html');
      let frame: Frame | undefined;
      await expect.poll(() => (frame = page.frames().find((f) => f.url().includes(FRAME_HOST))) !== undefined).toBe(true);
      await frame!.waitForFunction(() => /medium|high/.test(document.querySelector('scam-sentinel-alert')?.getAttribute('data-level') ?? ''), null, {
        timeout: 10_000,
      });
      const tabId = await tabIdOf(ext, page);
      await expect.poll(() => badgeText(ext, tabId), { timeout: 10_000 }).toMatch(/^!+$/);
      await page.close();
    });

    test('an SPA that pushState()s from a benign view to a scam view warns on the scam view', async () => {
      const page = await open('/page/spa.html');
      await settled(ext, page);
      expect(['absent', 'none']).toContain(await alertLevel(page));
      await page.click('#to-offer');
      expect(page.url()).toMatch(/\/page\/spa\/offer$/);
      expect(await waitForAlertLevel(page, ['medium', 'high'])).toMatch(/medium|high/);
      await page.close();
    });
  });

  describe('stays silent', () => {
    test('the SPA going back (popstate) to its benign view gets a fresh, silent verdict', async () => {
      const page = await open('/page/spa.html');
      await settled(ext, page);
      await page.evaluate(() => (window as unknown as { go(v: string): void }).go('offer'));
      await waitForAlertLevel(page, ['medium', 'high']);
      await page.goBack();
      expect(page.url()).toMatch(/\/page\/spa\.html$/);
      expect(await waitForAlertLevel(page, ['none', 'absent'])).toMatch(/none|absent/);
      const tabId = await tabIdOf(ext, page);
      await expect.poll(() => badgeText(ext, tabId), { timeout: 10_000 }).toBe('');
      await page.close();
    });

    test('a benign page that updates itself ten times a second', async () => {
      const page = await open('/page/benign-ticker.html');
      await settled(ext, page);
      await page.waitForTimeout(2_500);
      expect(['absent', 'none']).toContain(await alertLevel(page));
      await page.close();
    });
  });
});
