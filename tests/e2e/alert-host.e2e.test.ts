/**
 * Our alert host on a page that defined its own custom element named
 * `scam-sentinel-alert` (and sabotaged attachShadow) before the content script ran:
 * the automation contract `<scam-sentinel-alert data-level data-categories>` still
 * holds, our closed alert is shown, and the page's constructor never runs on ours.
 *
 * What Chromium does (checked here in an isolated world like the content script's):
 * `customElements` is null there, and createElement / createElementNS(XHTML) of a
 * name the page defined RUN THE PAGE'S CONSTRUCTOR; an element in the MathML
 * namespace is never upgraded.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { startServer, type FixtureServer } from './support/server';
import { alertLevel, waitForAlertLevel } from './support/pages';
import { shadowText } from './support/closed-shadow';

let ext: ExtensionBrowser;
let server: FixtureServer;
beforeAll(async () => {
  server = await startServer();
  // A high-level scam text on a page of 30,000 elements (over MODAL_MAX_ELEMENTS).
  server.route('/big/high.html', () => ({
    body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>公安通知</title></head><body>
<p>我是公安局民警，你的银行账户涉嫌洗钱案件，已被冻结。为配合调查，请立即将全部资金转账到指定安全账户进行资金清查，不要告诉家人，否则以妨碍司法处理。</p>
<p>请下载会议软件开启屏幕共享，按照民警指引操作，输入短信验证码完成验资。</p>
${'<p>社区通知：本周六上午在活动室开展义诊，请居民带好医保卡。</p>\n'.repeat(30_000)}</body></html>`,
  }));
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const constructed = (page: Page) => page.evaluate(() => (window as unknown as { pageConstructed: number }).pageConstructed);

describe('a page that owns a custom element named scam-sentinel-alert', () => {
  test('in an isolated world, createElement and createElementNS(XHTML) run the page constructor; MathML does not', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/page/bad/globals.html'));
    const cdp = await ext.context.newCDPSession(page);
    const tree = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', { frameId: tree.frameTree.frame.id, worldName: 'probe' })) as { executionContextId: number };
    const run = async (expression: string) => ((await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, returnByValue: true })) as { result: { value: unknown } }).result.value;
    expect(await run('window.customElements === null')).toBe(true);
    const before = await constructed(page);
    await run(`document.createElementNS('http://www.w3.org/1999/xhtml', 'scam-sentinel-alert'), 0`);
    expect(await constructed(page)).toBe(before + 1);
    await run(`document.documentElement.append(document.createElementNS('http://www.w3.org/1998/Math/MathML', 'scam-sentinel-alert')), 0`);
    expect(await constructed(page)).toBe(before + 1);
    await cdp.detach();
    await page.close();
  });

  test('our alert still appears under the contract element, and the page constructor never runs', async () => {
    const page = await ext.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(server.url('/page/bad/globals.html'));
    // (polled: the page broke MutationObserver and setTimeout, which waitForFunction needs)
    await expect.poll(() => alertLevel(page), { timeout: 15_000, interval: 250 }).toMatch(/^(medium|high)$/);
    const host = await page.evaluate(() => {
      const hosts = document.querySelectorAll('scam-sentinel-alert');
      const el = hosts[0]!;
      return { count: hosts.length, categories: el.getAttribute('data-categories'), mode: el.getAttribute('data-mode'), pageAttr: el.getAttribute('data-page'), open: el.shadowRoot };
    });
    expect(host).toMatchObject({ count: 1, pageAttr: null, open: null });
    expect(host.categories).not.toBe('');
    expect(host.mode).toMatch(/banner|dialog/);
    expect(await shadowText(page, 'scam-sentinel-alert')).toMatch(/保本保息|安全账户/);
    expect(await constructed(page)).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});

describe('a very large page (more elements than a modal dialog can afford)', () => {
  test('the high alert still interrupts: on top, focused, Tab stays inside, Escape leaves the banner', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/big/high.html'), { timeout: 60_000 });
    expect(await waitForAlertLevel(page, ['high'], 30_000)).toBe('high');
    await expect.poll(() => page.evaluate(() => document.querySelector('scam-sentinel-alert')?.getAttribute('data-mode')), { timeout: 10_000 }).toBe('dialog');
    // On top of the page in the middle of the window, and the page behind cannot be clicked.
    await expect.poll(() => page.evaluate(() => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.closest('scam-sentinel-alert')?.localName ?? null)).toBe('scam-sentinel-alert');
    expect(await page.evaluate(() => document.elementFromPoint(5, 5)?.closest('scam-sentinel-alert')?.localName ?? null)).toBe('scam-sentinel-alert');
    const focusOurs = () => page.evaluate(() => document.activeElement?.closest('scam-sentinel-alert')?.localName ?? null);
    await expect.poll(focusOurs).toBe('scam-sentinel-alert');
    for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
    expect(await focusOurs()).toBe('scam-sentinel-alert');
    expect(await shadowText(page, 'scam-sentinel-alert')).toContain('96110');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.querySelector('scam-sentinel-alert')?.getAttribute('data-mode'))).toBe('banner');
    await page.close();
  });
});
