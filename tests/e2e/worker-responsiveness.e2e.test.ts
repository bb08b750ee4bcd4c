/**
 * The worker keeps answering navigation checks while a 1,000,000-entry subscription is
 * added, in real Chromium: a page asks `ui-bg/url-verdict` (the nav guard's lookup) for a
 * listed URL every 25 ms during the add. Asserted: every answer is right (the listed site
 * stays blocked throughout, nothing half-built is ever consulted) and answers keep coming
 * while the list is built. The answer TIMES are printed, never asserted (issue 11 target:
 * < 20 ms; the measured figure is in the README, from tests/perf/worker-responsiveness.ts).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';

const ENTRIES = 1_000_000;
let ext: ExtensionBrowser;
let srv: ReturnType<typeof createServer>;
let port = 0;

beforeAll(async () => {
  const list = Array.from({ length: ENTRIES }, (_, k) => `d${k}-resp.example`).join('\n');
  srv = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(list));
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  port = (srv.address() as AddressInfo).port;
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
  srv?.close();
});

test('navigation checks keep answering, correctly, while a 1M-entry list is added', async () => {
  const adder = await ext.context.newPage();
  await adder.goto(ext.extensionUrl('popup.html'));
  await expect.poll(() => adder.evaluate(() => chrome.declarativeNetRequest.getDynamicRules().then((r) => r.length)), { timeout: 20_000 }).toBeGreaterThan(0);
  const asker = await ext.context.newPage();
  await asker.goto(ext.extensionUrl('popup.html'));
  await asker.evaluate(() => {
    const w = window as unknown as { log: Array<{ ms: number; result: string }>; stop: boolean };
    w.log = [];
    w.stop = false;
    void (async () => {
      while (!w.stop) {
        const t0 = performance.now();
        const r = (await chrome.runtime.sendMessage({ type: 'ui-bg/url-verdict', payload: { url: 'https://www.scam-demo.example/x' } })) as { data?: { result?: string } };
        w.log.push({ ms: performance.now() - t0, result: r.data?.result ?? 'error' });
        await new Promise((res) => setTimeout(res, 25));
      }
    })();
  });
  const t0 = Date.now();
  const added = (await adder.evaluate(
    (url) => chrome.runtime.sendMessage({ type: 'ui-bg/lists-add', payload: { url, format: 'plain' } }),
    `http://127.0.0.1:${port}/resp.txt`,
  )) as { data?: { ok: boolean; list?: { entryCount: number } } };
  const addMs = Date.now() - t0;
  const log = await asker.evaluate(() => {
    const w = window as unknown as { log: Array<{ ms: number; result: string }>; stop: boolean };
    w.stop = true;
    return w.log;
  });
  expect(added.data?.ok).toBe(true);
  expect(added.data?.list?.entryCount).toBe(ENTRIES);
  expect(log.length).toBeGreaterThan(1);
  expect(log.filter((a) => a.result !== 'block')).toEqual([]);
  // The new list answers too, once added.
  const r = (await asker.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-bg/url-verdict', payload: { url: 'https://www.d999999-resp.example/' } }))) as { data?: { result?: string } };
  expect(r.data?.result).toBe('block');
  const ms = log.map((a) => a.ms).sort((a, b) => a - b);
  console.log(`[worker-responsiveness] add ${addMs} ms, ${log.length} answers during it, p50 ${ms[Math.floor(ms.length / 2)]!.toFixed(1)} ms, max ${ms.at(-1)!.toFixed(1)} ms`);
}, 240_000);
