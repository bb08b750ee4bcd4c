/**
 * Hostile and pathological pages (issue 2 and 3 "Bad input", page side), in real
 * Chromium. For each page: the extension still reaches a verdict (scam pages here
 * carry scam text, so the tab gets a medium+ verdict), the page's own script still
 * computes its own value, and afterwards a plain fraud page in the same browser
 * still gets its alert, with no uncaught error in the service worker's log.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { startServer, type FixtureServer } from './support/server';
import { alertLevel, badgeText, PopupPage, tabIdOf, waitForAlertLevel } from './support/pages';

const FRAME_HOST = 'frames-partner.test';
const SCAM = '<p>本平台理财项目保本保息，稳赚不赔，日收益百分之三，导师一对一带单。</p><p>添加客服微信领取名额，充值请转账到指定安全账户，不要告诉家人。</p>';
const BENIGN_LINE = '社区通知：本周六上午在活动室开展义诊，请居民带好医保卡，按时参加。';

let ext: ExtensionBrowser;
let server: FixtureServer;

beforeAll(async () => {
  server = await startServer();
  // 5 MB of visible text: a scam block first, then 5 MB of ordinary paragraphs.
  server.route('/bad/huge.html', () => {
    const para = `<p>${BENIGN_LINE}</p>\n`;
    const count = Math.ceil((5 * 1024 * 1024) / BENIGN_LINE.length);
    return {
      body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>会员福利</title></head><body>${SCAM}\n${para.repeat(count)}
<script>window.pageValue = document.body.innerText.length;</script></body></html>`,
    };
  });
  // 50 frames: 40 same-origin (one carries the scam), 10 cross-origin.
  server.route('/bad/frames.html', () => {
    const frames: string[] = [];
    for (let i = 0; i < 50; i++) {
      const src = i >= 40 ? server.url(`/bad/frame-part.html?i=${i}`, FRAME_HOST) : i === 37 ? '/bad/frame-scam.html' : `/bad/frame-part.html?i=${i}`;
      frames.push(`<iframe src="${src}" width="120" height="60" onload="window.loaded=(window.loaded||0)+1"></iframe>`);
    }
    return { body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>相册</title></head><body><h1>相册</h1>${frames.join('')}</body></html>` };
  });
  server.route('/bad/frame-part.html', () => ({ body: `<!doctype html><meta charset="utf-8"><p>${BENIGN_LINE}</p>` }));
  server.route('/bad/frame-scam.html', () => ({ body: `<!doctype html><meta charset="utf-8">${SCAM}` }));
  ext = await launchWithExtension({ mapHosts: [FRAME_HOST] });
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function open(path: string): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await ext.context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(server.url(path), { timeout: 60_000 });
  return { page, pageErrors };
}

/** The tab's verdict as the popup shows it (works even if the page broke our alert). */
async function tabLevel(page: Page): Promise<string | null> {
  const tabId = await tabIdOf(ext, page);
  const popup = await PopupPage.open(ext, tabId);
  const level = await popup.verdictLevel();
  await popup.page.close();
  return level;
}

async function expectTabWarns(page: Page, timeout = 15_000) {
  await expect.poll(() => tabLevel(page), { timeout, interval: 250 }).toMatch(/^(medium|high)$/);
}

const pageValue = (page: Page) => page.evaluate(() => (window as unknown as { pageValue: unknown }).pageValue);

describe('warns, and the page keeps its own behaviour', () => {
  test('a page that removed its <body>', async () => {
    const { page } = await open('/page/bad/no-body.html');
    expect(await waitForAlertLevel(page, ['medium', 'high'])).toMatch(/medium|high/);
    expect(await pageValue(page)).toBe('no-body');
    await page.close();
  });

  test('a 5 MB text page (scam in its first screen)', async () => {
    const { page } = await open('/bad/huge.html');
    expect(await waitForAlertLevel(page, ['medium', 'high'], 30_000)).toMatch(/medium|high/);
    expect(await pageValue(page)).toBeGreaterThan(5_000_000);
    await page.close();
  });

  test('a page whose own scripts throw (at load, in timers, unhandled rejections)', async () => {
    const { page, pageErrors } = await open('/page/bad/throws.html');
    expect(await waitForAlertLevel(page, ['medium', 'high'])).toMatch(/medium|high/);
    expect(await pageValue(page)).toBe(42);
    const ticks = await page.evaluate(() => (window as unknown as { ticks: number }).ticks);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { ticks: number }).ticks)).toBeGreaterThan(ticks);
    // Only the page's own errors: nothing of ours leaked into the page.
    expect(pageErrors.length).toBeGreaterThan(0);
    for (const e of pageErrors) expect(e).toMatch(/page|null|Cannot read/);
    await page.close();
  });

  test('a page that defined our names first (window.ScamSentinel, <scam-sentinel-alert>, sabotaged prototypes)', async () => {
    const { page, pageErrors } = await open('/page/bad/globals.html');
    // Fail safe: whatever the page did to the alert element, the tab's verdict reaches the badge and popup.
    await expectTabWarns(page);
    const tabId = await tabIdOf(ext, page);
    expect(await badgeText(ext, tabId)).toMatch(/^!+$/);
    // The page's own globals and element are untouched.
    expect(
      await page.evaluate(() => {
        const w = window as unknown as { ScamSentinel: { version: string }; scamSentinel: string; __SCAM_SENTINEL__: string; browser: { page: boolean } };
        return [w.ScamSentinel.version, w.scamSentinel, w.__SCAM_SENTINEL__, w.browser.page, (window as unknown as { pageValue: string }).pageValue];
      }),
    ).toEqual(['page', 'page', 'page', true, 'untouched']);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  test('50 iframes (40 same-origin, 10 cross-origin), scam in frame 37', async () => {
    const { page } = await open('/bad/frames.html');
    await expect.poll(() => page.evaluate(() => (window as unknown as { loaded?: number }).loaded ?? 0), { timeout: 20_000 }).toBe(50);
    expect(await waitForAlertLevel(page, ['medium', 'high'], 15_000)).toMatch(/medium|high/);
    await page.close();
  });

  test('5,000 levels of nesting', async () => {
    const { page } = await open('/page/bad/deep.html');
    expect(await pageValue(page)).toBeGreaterThanOrEqual(5000);
    expect(await waitForAlertLevel(page, ['medium', 'high'], 15_000)).toMatch(/medium|high/);
    await page.close();
  });

  test('text split into one <span> per character', async () => {
    const { page } = await open('/page/bad/per-char.html');
    expect(await pageValue(page)).toBeGreaterThan(50);
    expect(await waitForAlertLevel(page, ['medium', 'high'])).toMatch(/medium|high/);
    await page.close();
  });

  test('a page that mutates forever (every 5 ms, bursts of 2,000 nodes), scam arriving after 3 s', async () => {
    const { page } = await open('/page/bad/mutate-forever.html');
    expect(await waitForAlertLevel(page, ['medium', 'high'], 20_000)).toMatch(/medium|high/);
    // The page's own timer kept its pace (5 ms interval; generous floor for a loaded 2-core box).
    const a = (await pageValue(page)) as number;
    await page.waitForTimeout(1_000);
    const b = (await pageValue(page)) as number;
    expect(b - a).toBeGreaterThan(50);
    await page.close();
  });
});

describe('afterwards', () => {
  test('a plain fraud page in the same browser still gets its alert', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/fraud-investment.html'));
    expect(await waitForAlertLevel(page, ['medium', 'high'])).toMatch(/medium|high/);
    await page.close();
  });

  test('a plain page stays silent', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/plain.html'));
    await expect.poll(() => tabLevel(page), { timeout: 10_000 }).toBe('none');
    expect(['absent', 'none']).toContain(await alertLevel(page));
    await page.close();
  });

  test('no uncaught error in the service worker log', () => {
    expect(ext.swErrors).toEqual([]);
  });
});
