/**
 * Signed feed subscriptions end to end in the glue (real WebCrypto, fake-indexeddb):
 * verify before parse, pinned keys, sha256 of parts, rollback refusal, diffs. Each bad
 * feed leaves the previous list in use with a clear error code.
 */
import 'fake-indexeddb/auto';
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createFeedDriver, pinnedKeysOf } from '../../../src/background/feed-driver';
import { sentinelEngine } from '../../../src/background/list-engine';
import type { ListMeta } from '../../../src/background/list-store';
import { createUpdater } from '../../../src/background/updater';
import { generateFeedKeyPair, type FeedKeyPair } from '../../../src/lists/feed';
import { publish, snapshotOf } from './feed-fixtures';
import { fakeFetch, freshDb, makeService, T0 } from './list-fixtures';

const BASE = 'https://feeds.example/anti-fraud/';
let keys: FeedKeyPair;
let otherKeys: FeedKeyPair;
let db: ReturnType<typeof freshDb>;
beforeAll(async () => {
  keys = await generateFeedKeyPair();
  otherKeys = await generateFeedKeyPair();
});
beforeEach(() => {
  db = freshDb();
});

function setup(files: () => Record<string, Uint8Array>, publicKey = keys.publicKey) {
  const { lists, clock } = makeService(db);
  const routes = new Proxy({} as Record<string, () => { body: Uint8Array } | { status: number }>, {
    get: (_t, url: string) => () => {
      const f = files()[url.slice(BASE.length)];
      return f ? { body: f } : { status: 404 };
    },
  });
  const net = fakeFetch(routes as never);
  const updater = createUpdater({ lists, engine: sentinelEngine, fetch: net.fn as never, now: () => clock.now, random: () => 0.5, feed: createFeedDriver(), limits: { timeoutMs: 2000 } });
  const meta: ListMeta = { id: 'f1', kind: 'subscription', name: 'Feed', url: `${BASE}manifest`, format: 'feed', publicKey, addedAt: T0, failures: 0, entryCount: 0 };
  return { lists, clock, net, updater, meta };
}
const blocked = async (lists: ReturnType<typeof makeService>['lists'], host: string) => (await lists.verdict(`https://${host}/`)).verdict.result === 'block';

describe('applies', () => {
  test('a full snapshot, then a diff from the installed version', async () => {
    const v1 = snapshotOf('cn-anti-fraud', 1, [{ value: 'feed-a.example' }, { value: 'feed-b.example' }]);
    const v2 = snapshotOf('cn-anti-fraud', 2, [{ value: 'feed-b.example' }, { value: 'feed-c.example', category: 'pension' }]);
    let files = await publish(keys, v1);
    const { lists, net, updater, meta } = setup(() => files);
    await lists.addList(meta);
    expect(await updater.update('f1')).toMatchObject({ version: 1, feedListId: 'cn-anti-fraud', entryCount: 2 });
    expect(await blocked(lists, 'feed-a.example')).toBe(true);
    files = await publish(keys, v2, v1);
    expect(await updater.update('f1')).toMatchObject({ version: 2, entryCount: 2, lastError: undefined });
    expect(net.requests.map((r) => r.url.slice(BASE.length))).toEqual(['manifest', 'full-1.json', 'manifest', 'diff-1-2.json']);
    expect(await blocked(lists, 'feed-a.example')).toBe(false);
    expect((await lists.verdict('https://feed-c.example/')).verdict).toMatchObject({ result: 'block', entry: { category: 'pension', source: 'f1' } });
  });

  test('the same version again is "still fresh", nothing re-downloaded', async () => {
    const files = await publish(keys, snapshotOf('l', 3, [{ value: 'x.example' }]));
    const { lists, net, updater, meta } = setup(() => files);
    await lists.addList(meta);
    await updater.update('f1');
    await updater.update('f1');
    expect(net.requests.filter((r) => r.url.endsWith('full-3.json'))).toHaveLength(1);
  });
});

describe('refuses, keeping the previous list', () => {
  const tamper = (f: Record<string, Uint8Array>, name: string, fn: (b: Uint8Array) => Uint8Array) => ({ ...f, [name]: fn(f[name]!) });
  const flipLast = (b: Uint8Array) => {
    const c = b.slice();
    c[c.length - 3] = c[c.length - 3]! ^ 1;
    return c;
  };
  // Installed: version 3. Each case serves a publication that must be refused.
  type Pubs = { v5: Record<string, Uint8Array>; v5OtherKey: Record<string, Uint8Array>; v2: Record<string, Uint8Array> };
  const cases: Array<[string, (p: Pubs) => Record<string, Uint8Array>, string]> = [
    ['bad signature (manifest changed in transit)', (p) => tamper(p.v5, 'manifest', flipLast), 'bad-signature'],
    ['signed by a key that is not pinned', (p) => p.v5OtherKey, 'wrong-key'],
    ['wrong sha256 (part swapped)', (p) => tamper(p.v5, 'full-5.json', flipLast), 'bad-hash'],
    ['truncated part', (p) => tamper(p.v5, 'full-5.json', (b) => b.slice(0, b.length - 10)), 'truncated'],
    ['oversize part (longer than the signed size)', (p) => tamper(p.v5, 'full-5.json', (b) => new Uint8Array([...b, ...new Uint8Array(5000)])), 'too-large'],
    ['older version (rollback)', (p) => p.v2, 'rollback'],
    ['manifest that is not a feed at all', () => ({ manifest: new TextEncoder().encode('<html>hello</html>') }), 'bad-signature'],
  ];
  test.each(cases)('%s', async (_name, make, code) => {
    let files = await publish(keys, snapshotOf('l', 3, [{ value: 'kept.example' }]));
    const { lists, updater, meta } = setup(() => files);
    await lists.addList(meta);
    expect((await updater.update('f1'))?.version).toBe(3);
    const newer = snapshotOf('l', 5, [{ value: 'new.example' }]);
    files = make({ v5: await publish(keys, newer), v5OtherKey: await publish(otherKeys, newer), v2: await publish(keys, snapshotOf('l', 2, [{ value: 'new.example' }])) });
    const m = await updater.update('f1');
    expect(m?.lastError?.code).toBe(code);
    expect(m?.version).toBe(3);
    expect(await blocked(lists, 'kept.example')).toBe(true);
    expect(await blocked(lists, 'new.example')).toBe(false);
  });

  test('no pinned key: refused before anything is fetched', async () => {
    const files = await publish(keys, snapshotOf('l', 1, [{ value: 'x.example' }]));
    const { lists, net, updater, meta } = setup(() => files, 'not a key');
    await lists.addList(meta);
    expect((await updater.update('f1'))?.lastError?.code).toBe('wrong-key');
    expect(net.requests).toHaveLength(0);
  });

  test('pinned keys are read from pasted text', () => {
    expect(pinnedKeysOf(`  ${keys.publicKey},\n${otherKeys.publicKey} junk `)).toEqual([keys.publicKey, otherKeys.publicKey]);
  });
});
