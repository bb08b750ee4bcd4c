/**
 * Identifiers on the page, in real Chromium: a subscription (plain list served from
 * 127.0.0.1) lists a phone number, a TRC20 USDT address and a WeChat ID — and, wrongly,
 * the genuine bank line 95588. Pages showing a listed identifier (spaced, full-width,
 * 薇信 spelling) warn at high with "此页面上的电话 138…8000 在反诈名单上（…）" and the
 * number highlighted; a page showing genuine service numbers and unlisted numbers stays
 * silent. Pages carry no scam wording, so only the list can make them warn.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { startServer, type FixtureServer } from './support/server';
import { ALERT, alertLevel, waitForAlertLevel } from './support/pages';
import { shadowText } from './support/closed-shadow';
import { settled } from './support/settled';

const LIST = ['# test list', 'phone:13800138000', 'usdt:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'wechat:scam_kefu01', 'phone:95588', 'example-unrelated.example'].join('\n');

let ext: ExtensionBrowser;
let server: FixtureServer;

beforeAll(async () => {
  server = await startServer();
  server.route('/lists/', () => ({ type: 'text/plain; charset=utf-8', body: LIST }));
  ext = await launchWithExtension();
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('options.html'));
  // Wait for the bundled list (onInstalled), then subscribe.
  for (let i = 0; i < 100; i++) {
    if ((await page.evaluate(() => chrome.declarativeNetRequest.getDynamicRules().then((r) => r.length))) > 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const added = (await page.evaluate(
    (url) => chrome.runtime.sendMessage({ type: 'ui-bg/lists-add', payload: { url, format: 'plain', name: '测试反诈名单' } }),
    server.url('/lists/ids.txt'),
  )) as { ok: boolean; data?: { ok: boolean; list?: { entryCount: number } } };
  if (!added.data?.ok || !added.data.list?.entryCount) throw new Error(`subscribing failed: ${JSON.stringify(added)}`);
  await page.close();
}, 60_000);
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(server.url(path));
  return page;
}

const highlighted = (page: Page) =>
  page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights.get('scam-sentinel-phrase');
    return h ? [...h].map((r) => r.toString()) : [];
  });

describe('warns: a listed identifier on the page', () => {
  const cases = [
    { path: '/identifiers/listed-phone-spaced.html', evidence: '此页面上的电话 138…8000 在反诈名单上（测试反诈名单，', shown: '1 3 8-0013-8000' },
    { path: '/identifiers/listed-phone-fullwidth.html', evidence: '此页面上的电话 138…8000 在反诈名单上（测试反诈名单，', shown: '１３８００１３８０００' },
    { path: '/identifiers/listed-usdt-wechat.html', evidence: '此页面上的USDT 收款地址 TR7NHq…Lj6t 在反诈名单上（测试反诈名单，', shown: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t' },
    { path: '/identifiers/listed-usdt-wechat.html', evidence: '此页面上的微信号 sc…01 在反诈名单上（测试反诈名单，', shown: 'scam_kefu01' },
  ];
  for (const c of cases) {
    test(`${c.path}: ${c.shown}`, async () => {
      const page = await open(c.path);
      try {
        expect(await waitForAlertLevel(page, ['high'], 15_000)).toBe('high');
        const text = await shadowText(page, ALERT);
        expect(text).toContain(c.evidence);
        expect(text).toMatch(/收录）/);
        await expect.poll(() => highlighted(page), { timeout: 5_000 }).toContain(c.shown);
      } finally {
        await page.close();
      }
    }, 30_000);
  }
});

describe('stays silent: genuine service numbers and unlisted numbers', () => {
  test('95588 (listed by mistake), 110, 96110, 12345, an unlisted mobile, landline, QQ and WeChat', async () => {
    const page = await open('/identifiers/genuine-numbers.html');
    try {
      await settled(ext, page);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await alertLevel(page)).toMatch(/^(absent|none)$/);
      expect(await highlighted(page)).toEqual([]);
    } finally {
      await page.close();
    }
  }, 30_000);
});
