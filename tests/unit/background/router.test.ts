import { describe, expect, test, vi } from 'vitest';
import { createRouter, type MessageSender } from '../../../src/background/router';

const deps = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/' };
const fromTab: MessageSender = { id: 'ext', url: 'https://page.example/', tab: { id: 7 }, frameId: 0 };
const fromPopup: MessageSender = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
const verdict = { level: 'none', score: 0, categories: [], evidence: [] };

function router() {
  const pageScanned = vi.fn(async () => ({ alertLevel: 'none' as const, dismissed: false }));
  const getTabState = vi.fn(async () => ({ url: null, verdict: null, scannedAt: null }));
  const route = createRouter({ 'cs-bg/page-scanned': pageScanned, 'ui-bg/get-tab-state': getTabState }, deps);
  return { route, pageScanned, getTabState };
}

describe('routes messages from the right sender', () => {
  test('content script → page-scanned', async () => {
    const { route, pageScanned } = router();
    const reply = await route({ type: 'cs-bg/page-scanned', payload: { url: 'https://page.example/', verdict } }, fromTab);
    expect(reply).toEqual({ ok: true, data: { alertLevel: 'none', dismissed: false } });
    expect(pageScanned).toHaveBeenCalledOnce();
  });
  test('popup → get-tab-state', async () => {
    const { route, getTabState } = router();
    expect(await route({ type: 'ui-bg/get-tab-state', payload: { tabId: 1 } }, fromPopup)).toMatchObject({ ok: true });
    expect(getTabState).toHaveBeenCalledOnce();
  });
});

describe('refuses', () => {
  test.each([
    ['ui message from a web page content script', { type: 'ui-bg/get-tab-state', payload: { tabId: 1 } }, fromTab],
    ['content message from an extension page', { type: 'cs-bg/page-scanned', payload: { url: 'u', verdict } }, fromPopup],
    ['message from another extension', { type: 'ui-bg/get-tab-state', payload: { tabId: 1 } }, { ...fromPopup, id: 'other' }],
    ['content message without a tab', { type: 'cs-bg/page-scanned', payload: { url: 'u', verdict } }, { id: 'ext', url: 'https://x/' }],
  ])('%s', async (_name, raw, sender) => {
    const { route, pageScanned, getTabState } = router();
    const reply = await route(raw, sender as MessageSender);
    expect(reply.ok).toBe(false);
    expect(pageScanned).not.toHaveBeenCalled();
    expect(getTabState).not.toHaveBeenCalled();
  });

  test('a handler whose output breaks the protocol', async () => {
    const route = createRouter({ 'ui-bg/get-tab-state': async () => ({ url: 5 }) as never }, deps);
    expect(await route({ type: 'ui-bg/get-tab-state', payload: { tabId: 1 } }, fromPopup)).toEqual({ ok: false, error: 'internal: bad response for ui-bg/get-tab-state' });
  });

  test('a handler that throws does not leak its error', async () => {
    const route = createRouter({ 'ui-bg/get-tab-state': async () => { throw new Error('secret detail'); } }, deps);
    const reply = await route({ type: 'ui-bg/get-tab-state', payload: { tabId: 1 } }, fromPopup);
    expect(reply).toEqual({ ok: false, error: 'failed: ui-bg/get-tab-state' });
  });
});
