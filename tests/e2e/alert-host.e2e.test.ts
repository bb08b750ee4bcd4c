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
import { alertLevel } from './support/pages';
import { shadowText } from './support/closed-shadow';

let ext: ExtensionBrowser;
let server: FixtureServer;
beforeAll(async () => {
  server = await startServer();
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
