/**
 * Cold service worker → first blacklist verdict, in real Chromium. Run by hand after a
 * build into SENTINEL_OUT_DIR (default .output):
 *
 *   SENTINEL_OUT_DIR=.output-listglue npx wxt build
 *   SENTINEL_OUT_DIR=.output-listglue npx tsx tests/perf/blacklist-cold-start.ts [--entries N] [--runs R]
 *
 * With --entries N, a synthetic plain list of N domains is served from 127.0.0.1 and
 * subscribed first (so the merged index the cold worker loads holds N + seed entries).
 * Each run stops the worker (CDP, as Chrome does when idle), then an extension page sends
 * `ui-bg/url-verdict` for a listed URL: the time covers worker start-up, module
 * evaluation, opening IndexedDB, the one read of the merged index, the probe and the
 * hit-metadata read. Prints one JSON object. Reported, never asserted.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchWithExtension } from '../e2e/support/browser';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const entries = opt('entries', 0);
const runs = opt('runs', 15);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function main() {
  const list = Array.from({ length: entries }, (_, i) => `d${i}-bench.example`).join('\n');
  const srv = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(list));
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as AddressInfo).port;
  const ext = await launchWithExtension();
  // The worker logs how long reading and loading the merged index took (list-service.ts).
  const loads: string[] = [];
  const swaps: string[] = [];
  const listen = (w: import('playwright-core').Worker) =>
    w.on('console', (m) => {
      const text = m.text();
      if (text.includes('merged index:')) loads.push(text.replace(/^.*merged index: /, ''));
      if (text.includes('lists swapped:')) swaps.push(text.replace(/^.*lists swapped: /, ''));
    });
  ext.context.serviceWorkers().forEach(listen);
  ext.context.on('serviceworker', listen);
  try {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('popup.html'));
    const send = (type: string, payload: unknown) =>
      page.evaluate(async ([type, payload]) => {
        const t0 = performance.now();
        const r = (await chrome.runtime.sendMessage({ type, payload })) as { ok: boolean; data?: { result?: string } };
        return { ms: performance.now() - t0, result: r.data?.result ?? (r.ok ? 'ok' : 'error') };
      }, [type, payload] as const);
    // Wait until the bundled list is stored (onInstalled).
    for (let i = 0; i < 200; i++) {
      const rows = await page.evaluate(() => chrome.declarativeNetRequest.getDynamicRules().then((r) => r.length));
      if (rows > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    let buildMs = 0;
    if (entries > 0) {
      const t0 = Date.now();
      const added = await page.evaluate(
        (url) => chrome.runtime.sendMessage({ type: 'ui-bg/lists-add', payload: { url, format: 'plain' } }),
        `http://127.0.0.1:${port}/bench.txt`,
      );
      buildMs = Date.now() - t0;
      const list = (added as { ok: boolean; data?: { ok: boolean; list?: { entryCount: number; lastError: unknown } } }).data;
      if (!list?.ok || !list.list?.entryCount) throw new Error(`subscribing failed: ${JSON.stringify(added).slice(0, 500)}`);
    }
    const url = entries > 0 ? `https://www.d${entries - 1}-bench.example/x` : 'https://www.scam-demo.example/x';
    const cold: number[] = [];
    const warm: number[] = [];
    // Baseline: the same cold start answering a message that touches no list (worker boot cost).
    const boot: number[] = [];
    for (let i = 0; i < runs; i++) {
      await ext.stopServiceWorker();
      boot.push((await send('ui-bg/get-tab-state', { tabId: 1 })).ms);
    }
    for (let i = 0; i < runs; i++) {
      await ext.stopServiceWorker();
      const c = await send('ui-bg/url-verdict', { url });
      if (c.result !== 'block') throw new Error(`expected a block verdict, got ${c.result}`);
      cold.push(c.ms);
      warm.push((await send('ui-bg/url-verdict', { url })).ms);
    }
    const r = (x: number) => Math.round(x * 10) / 10;
    console.log(
      JSON.stringify({
        entries: entries + 5,
        runs,
        subscribeAndSwapMs: buildMs,
        coldFirstVerdictMsP50: r(pct(cold, 50)),
        coldFirstVerdictMsP90: r(pct(cold, 90)),
        warmVerdictMsP50: r(pct(warm, 50)),
        coldNoListMessageMsP50: r(pct(boot, 50)),
        workerLog: { lastSwap: swaps.at(-1) ?? null, coldIndexLoads: loads.slice(-3) },
      }),
    );
  } finally {
    await ext.close();
    srv.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
