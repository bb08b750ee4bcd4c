import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchWithExtension } from '../e2e/support/browser';
async function main() {
  const list = Array.from({ length: 1_000_000 }, (_, k) => `d${k}-bench.example`).join('\n');
  const srv = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(list));
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as AddressInfo).port;
  const ext = await launchWithExtension();
  const sw = await ext.worker();
  await new Promise(r => setTimeout(r, 3000));
  await sw.evaluate(`(() => { const g = globalThis; g.lags = []; let last = performance.now(); let lastPh = g.__ph; g.T0 = performance.now();
    g.iv = setInterval(() => { const t = performance.now(); if (t - last > 15) g.lags.push([Math.round(t - g.T0), Math.round(t - last), lastPh, g.__ph]); last = t; lastPh = g.__ph; }, 3); })()`);
  const adder = await ext.context.newPage();
  await adder.goto(ext.extensionUrl('popup.html'));
  await adder.evaluate((url) => chrome.runtime.sendMessage({ type: 'ui-bg/lists-add', payload: { url, format: 'plain' } }), `http://127.0.0.1:${port}/bench.txt`);
  await new Promise(r => setTimeout(r, 8000));
  console.log(JSON.stringify(await sw.evaluate('globalThis.lags')));
  await ext.close(); srv.close();
}
main();
