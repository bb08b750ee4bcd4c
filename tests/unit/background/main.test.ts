/**
 * Background wiring with in-memory storage and fake-indexeddb (real idb code path).
 * A "restart" is a brand-new background instance over the same storage, which is
 * exactly what an MV3 service-worker restart is.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import { createBackground } from '../../../src/background/main';
import { openSentinelDb } from '../../../src/background/db';
import type { Verdict } from '../../../src/engine/types';
import { memoryArea } from '../support/memory-area';

const tab = (id: number, frameId = 0) => ({ id: 'ext', url: 'https://shop.example/', tab: { id }, frameId });
const popup = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
const verdictOf = (level: Verdict['level']): Verdict => ({ level, score: level === 'none' ? 0 : 50, categories: level === 'none' ? [] : ['investment'], evidence: [] });

let session: ReturnType<typeof memoryArea>;
let badges: Map<number, { text: string; color: string }>;

function start() {
  return createBackground({
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext/',
    session,
    local: memoryArea(),
    badge: {
      async setBadgeText({ tabId, text }) {
        badges.set(tabId, { color: badges.get(tabId)?.color ?? '', text });
      },
      async setBadgeBackgroundColor({ tabId, color }) {
        badges.set(tabId, { text: badges.get(tabId)?.text ?? '', color });
      },
    },
    db: () => openSentinelDb(),
    now: () => 1_700_000_000_000,
    log: () => undefined,
  });
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  session = memoryArea();
  badges = new Map();
});

describe('records and shows', () => {
  test('a medium verdict sets the badge, is recorded, and survives a worker restart', async () => {
    const bg = start();
    const reply = await bg.route({ type: 'cs-bg/page-scanned', payload: { url: 'https://shop.example/', verdict: verdictOf('medium') } }, tab(4));
    expect(reply).toEqual({ ok: true, data: { alertLevel: 'medium', dismissed: false } });
    expect(badges.get(4)?.text).toBe('!!');
    expect(await bg.events.recent()).toHaveLength(1);

    const restarted = start();
    const state = await restarted.route({ type: 'ui-bg/get-tab-state', payload: { tabId: 4 } }, popup);
    expect(state).toMatchObject({ ok: true, data: { url: 'https://shop.example/', verdict: { level: 'medium' } } });
    expect(await restarted.events.recent()).toHaveLength(1);
  });

  test('a dismissal is remembered for the site for this session', async () => {
    const bg = start();
    await bg.route({ type: 'cs-bg/dismiss-alert', payload: { url: 'https://shop.example/a' } }, tab(4));
    const reply = await start().route({ type: 'cs-bg/page-scanned', payload: { url: 'https://shop.example/b', verdict: verdictOf('high') } }, tab(4));
    expect(reply).toMatchObject({ ok: true, data: { dismissed: true } });
  });

  test('a child frame can raise the tab verdict but not lower it', async () => {
    const bg = start();
    await bg.route({ type: 'cs-bg/page-scanned', payload: { url: 'https://shop.example/', verdict: verdictOf('none') } }, tab(5));
    await bg.route({ type: 'cs-bg/page-scanned', payload: { url: 'https://ads.example/frame', verdict: verdictOf('high') } }, tab(5, 3));
    await bg.route({ type: 'cs-bg/page-scanned', payload: { url: 'https://other.example/frame', verdict: verdictOf('none') } }, tab(5, 4));
    const state = await bg.route({ type: 'ui-bg/get-tab-state', payload: { tabId: 5 } }, popup);
    expect(state).toMatchObject({ ok: true, data: { url: 'https://shop.example/', verdict: { level: 'high' } } });
  });
});

describe('stays quiet', () => {
  test('a clean page is not recorded and clears the badge', async () => {
    const bg = start();
    await bg.route({ type: 'cs-bg/page-scanned', payload: { url: 'https://shop.example/', verdict: verdictOf('none') } }, tab(6));
    expect(badges.get(6)?.text).toBe('');
    expect(await bg.events.recent()).toHaveLength(0);
  });

  test('a new top-level navigation forgets the old verdict', async () => {
    const bg = start();
    await bg.route({ type: 'cs-bg/page-scanned', payload: { url: 'https://shop.example/', verdict: verdictOf('high') } }, tab(7));
    await bg.onTopNavigation(7);
    expect(badges.get(7)?.text).toBe('');
    expect(await bg.route({ type: 'ui-bg/get-tab-state', payload: { tabId: 7 } }, popup)).toMatchObject({ ok: true, data: { verdict: null } });
  });
});
