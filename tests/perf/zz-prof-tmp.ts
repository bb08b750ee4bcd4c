import { launchWithExtension } from '../e2e/support/browser';
const ext = await launchWithExtension();
const logs: string[] = [];
const listen = (w: import('playwright-core').Worker) => w.on('console', (m) => { if (m.text().startsWith('EVAL')) logs.push(m.text()); });
ext.context.serviceWorkers().forEach(listen);
ext.context.on('serviceworker', listen);
const page = await ext.context.newPage();
await page.goto(ext.extensionUrl('popup.html'));
await new Promise((r) => setTimeout(r, 2000));
for (let i = 0; i < 8; i++) {
  await ext.stopServiceWorker();
  const ms = await page.evaluate(async () => { const t0 = performance.now(); await chrome.runtime.sendMessage({ type: 'ui-bg/get-tab-state', payload: { tabId: 1 } }); return performance.now() - t0; });
  await new Promise((r) => setTimeout(r, 200));
  console.log(Math.round(ms), logs.at(-1));
}
await ext.close();
