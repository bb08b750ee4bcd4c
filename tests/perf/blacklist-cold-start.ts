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
 *
 * The machine's load is cancelled out by a baseline measured in the same run: a
 * do-nothing MV3 extension (a service worker that only answers messages), launched in a
 * second browser, stopped and woken the same way, runs interleaved with ours.
 * `coldRatioP50` = our cold first verdict p50 / the do-nothing extension's cold wake p50.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension, type ExtensionBrowser } from '../e2e/support/browser';

/** A do-nothing MV3 extension: its worker answers every message at once. */
async function nullExtension(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sentinel-null-ext-'));
  await mkdir(join(dir, 'icons'));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'null', version: '1.0', background: { service_worker: 'sw.js' } }));
  await writeFile(join(dir, 'sw.js'), 'chrome.runtime.onMessage.addListener((m, s, reply) => { reply({ ok: true, data: { result: "none" } }); });\n');
  await writeFile(join(dir, 'popup.html'), '<!doctype html><title>null</title>');
  await copyFile(join(import.meta.dirname, '..', '..', 'assets', 'public', 'icons', '16.png'), join(dir, 'icons', '16.png'));
  return dir;
}

async function sender(ext: ExtensionBrowser) {
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('popup.html'));
  return (type: string, payload: unknown) =>
    page.evaluate(async ([type, payload]) => {
      const t0 = performance.now();
      const r = (await chrome.runtime.sendMessage({ type, payload })) as { ok: boolean; data?: { result?: string } };
      return { ms: performance.now() - t0, result: r.data?.result ?? (r.ok ? 'ok' : 'error') };
    }, [type, payload] as const);
}

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
  const baseline = await launchWithExtension({ extensionDir: await nullExtension() });
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
    const sendNull = await sender(baseline);
    const nullCold: number[] = [];
    for (let i = 0; i < runs; i++) {
      await baseline.stopServiceWorker();
      nullCold.push((await sendNull('null', {})).ms);
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
        doNothingColdWakeMsP50: r(pct(nullCold, 50)),
        coldRatioP50: Math.round((pct(cold, 50) / pct(nullCold, 50)) * 100) / 100,
        warmVerdictMsP50: r(pct(warm, 50)),
        coldNoListMessageMsP50: r(pct(boot, 50)),
        workerLog: { lastSwap: swaps.at(-1) ?? null, coldIndexLoads: loads.slice(-3) },
      }),
    );
  } finally {
    await ext.close();
    await baseline.close();
    srv.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
