/**
 * Foundation vertical slice in real Chromium: page text → engine → background →
 * badge + IndexedDB record + in-page alert → popup; survives a worker restart.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, screenshot, type ExtensionBrowser } from './support/browser';
import { startServer, type FixtureServer } from './support/server';
import { alertLevel, badgeText, PopupPage, readStore, tabIdOf, waitForAlertLevel } from './support/pages';

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

describe('warns', () => {
  test('a fraud page gets a medium+ alert, a badge, a popup verdict and an event record that survive a worker restart', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/fraud-investment.html'));
    const level = await waitForAlertLevel(page, ['medium', 'high']);
    expect(['medium', 'high']).toContain(level);
    expect(await page.locator('scam-sentinel-alert').getAttribute('data-categories')).toContain('investment');
    await screenshot(page, 'slice-fraud-page-zh-CN');

    const tabId = await tabIdOf(ext, page);
    expect(await badgeText(ext, tabId)).toMatch(/^!+$/);

    const popup = await PopupPage.open(ext, tabId);
    expect(await popup.verdictLevel()).toBe(level);
    await screenshot(popup.page, 'slice-popup-zh-CN');
    await popup.page.close();

    // Prove the restart is real: module memory (a marker) must be gone afterwards.
    await (await ext.worker()).evaluate(() => Object.assign(globalThis, { __sentinelMarker: 1 }));
    await ext.stopServiceWorker();
    const after = await PopupPage.open(ext, tabId);
    expect(await (await ext.worker()).evaluate(() => 'sentinelMarker' in globalThis || '__sentinelMarker' in globalThis)).toBe(false);
    expect(await after.verdictLevel()).toBe(level);
    const events = (await readStore(ext, 'events')) as Array<{ url: string }>;
    expect(events.some((e) => e.url.endsWith('/fraud-investment.html'))).toBe(true);
  });
});

describe('stays silent', () => {
  test('a plain page gets no alert, no badge, and the popup says no risk', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/plain.html'));
    const tabId = await tabIdOf(ext, page);
    // The popup only has a verdict once the content script has reported.
    await expect.poll(async () => (await PopupPage.open(ext, tabId)).verdictLevel(), { timeout: 10_000 }).toBe('none');
    expect(['absent', 'none']).toContain(await alertLevel(page));
    expect(await badgeText(ext, tabId)).toBe('');
  });
});
