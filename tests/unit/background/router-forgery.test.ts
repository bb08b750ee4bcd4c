/**
 * Message forgery at the background's trust boundary (src/background/router.ts), through
 * the real background wiring (in-memory storage, fake-indexeddb): a content script that
 * claims another tab or another site, an extension page sending content-script-only
 * messages, malformed / oversized / deeply nested payloads. Each is rejected, logged,
 * and leaves storage, the event log and the badge untouched.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import { createBackground } from '../../../src/background/main';
import { openSentinelDb } from '../../../src/background/db';
import { MAX_MESSAGE_CHARS } from '../../../src/background/router';
import { memoryArea } from '../support/memory-area';

const high = { level: 'high', score: 90, categories: ['investment'], evidence: [] };
const cs = { id: 'ext', url: 'https://shop.example/page', tab: { id: 7, url: 'https://shop.example/page' }, frameId: 0 };
const popup = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
const warning = { id: 'ext', url: 'chrome-extension://ext/warning.html?k=blacklist' };

let session: ReturnType<typeof memoryArea>;
let local: ReturnType<typeof memoryArea>;
let logs: string[];
let badges: number;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  session = memoryArea();
  local = memoryArea();
  logs = [];
  badges = 0;
});

function start() {
  return createBackground({
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext/',
    session,
    local,
    badge: {
      async setBadgeText() {
        badges++;
      },
      async setBadgeBackgroundColor() {
        badges++;
      },
    },
    db: () => openSentinelDb(),
    now: () => 1_700_000_000_000,
    log: (msg) => void logs.push(msg),
  });
}

const nested = (depth: number) => {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = { v };
  return v;
};

describe('rejected, logged, nothing stored', () => {
  test.each<[string, unknown, object]>([
    ['a content script claims another tab id', { type: 'cs-bg/page-scanned', payload: { tabId: 3, url: cs.url, verdict: high } }, cs],
    ['a content script files a verdict for another site (a bank)', { type: 'cs-bg/page-scanned', payload: { url: 'https://www.icbc.com.cn/', verdict: high } }, cs],
    ['a content script dismisses alerts for another site', { type: 'cs-bg/dismiss-alert', payload: { url: 'https://scam.example/' } }, cs],
    ['an extension page sends a content-script-only message', { type: 'cs-bg/page-scanned', payload: { url: 'https://shop.example/page', verdict: high } }, popup],
    ['the warning page sends a content-script-only message', { type: 'cs-bg/dismiss-alert', payload: { url: 'https://shop.example/page' } }, warning],
    ['a content script sends a UI-only message', { type: 'ui-bg/proceed', payload: { url: 'https://scam.example/', scope: 'always' } }, cs],
    ['another extension', { type: 'cs-bg/page-scanned', payload: { url: cs.url, verdict: high } }, { ...cs, id: 'other-extension' }],
    ['malformed: not an envelope', 'page-scanned high', cs],
    ['malformed: unknown type', { type: 'cs-bg/set-everything', payload: {} }, cs],
    ['malformed: prototype-named type', { type: '__proto__', payload: {} }, cs],
    ['malformed: verdict level out of the vocabulary', { type: 'cs-bg/page-scanned', payload: { url: cs.url, verdict: { ...high, level: 'critical' } } }, cs],
    ['malformed: score is NaN-like', { type: 'cs-bg/page-scanned', payload: { url: cs.url, verdict: { ...high, score: 1e400 } } }, cs],
    ['oversized: a 1 MB URL', { type: 'cs-bg/page-scanned', payload: { url: `https://shop.example/${'a'.repeat(1_000_000)}`, verdict: high } }, cs],
    ['oversized: 10,000 evidence items', { type: 'cs-bg/page-scanned', payload: { url: cs.url, verdict: { ...high, evidence: Array.from({ length: 10_000 }, () => ({ ruleId: 'r' })) } } }, cs],
    ['deeply nested (100,000 levels)', { type: 'cs-bg/page-scanned', payload: { url: cs.url, verdict: high, extra: nested(100_000) } }, cs],
    ['deeply nested inside the verdict (1,000 levels)', { type: 'cs-bg/page-scanned', payload: { url: cs.url, verdict: { ...high, evidence: [nested(1_000)] } } }, cs],
  ])('%s', async (_name, raw, sender) => {
    const bg = start();
    const reply = await bg.route(raw, sender);
    expect(reply.ok).toBe(false);
    expect(logs.some((l) => l.startsWith('rejected'))).toBe(true);
    // One short line: the payload itself never reaches the log.
    for (const l of logs) expect(l.length).toBeLessThan(200);
    expect(session.data).toEqual({});
    expect(local.data).toEqual({});
    expect(await bg.events.recent(10)).toEqual([]);
    expect(badges).toBe(0);
  });
});

describe('accepted (the same shapes from the right sender)', () => {
  test('a content script reporting its own page is stored and badged', async () => {
    const bg = start();
    const reply = await bg.route({ type: 'cs-bg/page-scanned', payload: { url: cs.url, verdict: high } }, cs);
    expect(reply.ok).toBe(true);
    expect(Object.keys(session.data)).toContain('tab:7');
    expect(badges).toBeGreaterThan(0);
    expect(logs).toEqual([]);
  });

  test('a message just under the size cap is parsed (and judged on its content)', async () => {
    const bg = start();
    const url = `https://shop.example/${'a'.repeat(3000)}`;
    const reply = await bg.route({ type: 'cs-bg/dismiss-alert', payload: { url } }, { ...cs, url });
    expect(reply.ok).toBe(true);
    expect(JSON.stringify({ url }).length).toBeLessThan(MAX_MESSAGE_CHARS);
  });
});
