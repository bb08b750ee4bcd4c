/**
 * A cross-origin frame's verdict and the top frame's verdict arrive in any order (and
 * concurrently): the tab keeps the worse one until the next top navigation.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import { createBackground } from '../../../src/background/main';
import { openSentinelDb } from '../../../src/background/db';
import type { Verdict } from '../../../src/engine/types';
import { memoryArea } from '../support/memory-area';

const tab = (id: number, frameId = 0) => ({ id: 'ext', url: 'https://news.example/', tab: { id }, frameId });
const popup = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
const verdictOf = (level: Verdict['level']): Verdict => ({ level, score: level === 'none' ? 0 : 50, categories: level === 'none' ? [] : ['investment'], evidence: [] });

let badges: Map<number, string>;
function start() {
  return createBackground({
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext/',
    session: memoryArea(),
    local: memoryArea(),
    badge: {
      async setBadgeText({ tabId, text }) {
        badges.set(tabId, text);
      },
      async setBadgeBackgroundColor() {},
    },
    db: () => openSentinelDb(),
    now: () => 1_700_000_000_000,
    log: () => undefined,
  });
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  badges = new Map();
});

const scanned = (url: string, level: Verdict['level']) => ({ type: 'cs-bg/page-scanned', payload: { url, verdict: verdictOf(level) } });
const level = async (bg: ReturnType<typeof start>, tabId: number) =>
  ((await bg.route({ type: 'ui-bg/get-tab-state', payload: { tabId } }, popup)) as { data: { verdict: Verdict | null } }).data.verdict?.level;

describe('warns', () => {
  test('the frame reports high first, then the top frame reports none: the tab stays high', async () => {
    const bg = start();
    await bg.route(scanned('https://ads.example/frame', 'high'), tab(1, 7));
    await bg.route(scanned('https://news.example/', 'none'), tab(1));
    expect(await level(bg, 1)).toBe('high');
    expect(badges.get(1)).not.toBe('');
  });

  test('both arrive at the same time', async () => {
    const bg = start();
    await Promise.all([bg.route(scanned('https://news.example/', 'none'), tab(2)), bg.route(scanned('https://ads.example/frame', 'high'), tab(2, 3))]);
    expect(await level(bg, 2)).toBe('high');
  });
});

describe('stays silent', () => {
  test('after a top navigation the old frame verdict no longer counts', async () => {
    const bg = start();
    await bg.route(scanned('https://ads.example/frame', 'high'), tab(3, 7));
    await bg.onTopNavigation(3);
    await bg.route(scanned('https://news.example/next', 'none'), tab(3));
    expect(await level(bg, 3)).toBe('none');
    expect(badges.get(3)).toBe('');
  });
});
