/**
 * Blacklist storage and verdicts over fake-indexeddb (the real idb code path). A "cold
 * worker" is a new service instance over the same database.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import { dnrPlanFrom, hostInDomain } from '../../../src/background/list-service';
import { decodeEntries, encodeEntries, StorageQuotaError, type ListMeta } from '../../../src/background/list-store';
import type { ListEntry } from '../../../src/lists/types';
import { freshDb, makeService, T0 } from './list-fixtures';

let db: ReturnType<typeof freshDb>;
beforeEach(() => {
  db = freshDb();
});

const sub = (id: string, extra: Partial<ListMeta> = {}): ListMeta => ({ id, kind: 'subscription', name: id, url: `https://lists.example/${id}.txt`, format: 'plain', addedAt: T0, failures: 0, entryCount: 0, ...extra });
const block = (value: string, source: string, extra: Partial<ListEntry> = {}): ListEntry => ({ kind: 'domain', value, action: 'block', category: 'investment', source, firstSeen: T0, ...extra });

describe('warns', () => {
  test.each([
    ['http://scam-demo.example/', 'scam-demo.example'],
    ['https://www.scam-demo.example/login?x=1', 'scam-demo.example'],
    ['https://FAKE-POLICE.example./case', 'fake-police.example'],
  ])('the bundled seed blocks %s before anything was stored', async (url, match) => {
    const { lists } = makeService(db);
    const v = await lists.verdict(url);
    expect(v.verdict).toMatchObject({ result: 'block', type: 'blocklist', match });
  });

  test('after ensureSeed a cold worker loads the merged index in one read and fetches hit metadata only on a hit', async () => {
    const { lists } = makeService(db);
    await lists.ensureSeed();
    const { store, lists: cold } = makeService(db);
    let shardReads = 0;
    const hitMeta = store.hitMeta.bind(store);
    store.hitMeta = async (k) => {
      shardReads++;
      return hitMeta(k);
    };
    expect((await cold.verdict('https://example.org/')).verdict.result).toBe('none');
    expect(shardReads).toBe(0);
    const v = await cold.verdict('https://pension-demo.example/a');
    expect(v.verdict).toMatchObject({ result: 'block', entry: { source: 'seed', value: 'pension-demo.example' } });
    expect(await cold.generation()).toBe(1);
  });

  test('a subscription swap is visible to a cold worker and keeps the seed', async () => {
    const { lists } = makeService(db);
    await lists.ensureSeed();
    await lists.replaceList(sub('s1'), [block('bad-shop.example', 's1')]);
    const { lists: cold } = makeService(db);
    expect((await cold.verdict('https://m.bad-shop.example/')).verdict).toMatchObject({ result: 'block', entry: { source: 's1', category: 'investment' } });
    expect((await cold.verdict('https://scam-demo.example/')).verdict.result).toBe('block');
    expect((await cold.getMeta('s1'))?.entryCount).toBe(1);
  });

  test('the person\'s own block list blocks a host no list knows', async () => {
    const { lists } = makeService(db);
    await lists.setUserHost('mine.example', 'block', true);
    expect((await lists.verdict('https://x.mine.example/')).verdict).toMatchObject({ result: 'block', entry: { source: 'user' } });
  });
});

describe('stays silent', () => {
  test.each(['https://allowed-demo.example/', 'https://example.org/', 'javascript:alert(1)', 'not a url', 'chrome-extension://x/warning.html'])('%s is not blocked', async (url) => {
    const { lists } = makeService(db);
    await lists.ensureSeed();
    expect((await lists.verdict(url)).verdict.result).not.toBe('block');
  });

  test('the person\'s allow list beats every list, including their own block list', async () => {
    const { lists } = makeService(db);
    await lists.ensureSeed();
    await lists.setUserHost('scam-demo.example', 'allow', true);
    expect((await lists.verdict('https://scam-demo.example/')).verdict).toMatchObject({ result: 'allow', type: 'allowlist' });
    await lists.setUserHost('scam-demo.example', 'allow', false);
    expect((await lists.verdict('https://scam-demo.example/')).verdict.result).toBe('block');
  });

  test('an expired entry no longer blocks', async () => {
    const { lists, clock } = makeService(db);
    await lists.replaceList(sub('s1'), [block('old.example', 's1', { expires: T0 + 1000 })]);
    expect((await lists.verdict('https://old.example/')).verdict.result).toBe('block');
    clock.now = T0 + 2000;
    expect((await lists.verdict('https://old.example/')).verdict.result).toBe('none');
  });

  test('removing a subscription removes its entries but never the seed', async () => {
    const { lists } = makeService(db);
    await lists.ensureSeed();
    await lists.replaceList(sub('s1'), [block('bad-shop.example', 's1')]);
    await lists.removeList('s1');
    expect((await lists.verdict('https://bad-shop.example/')).verdict.result).toBe('none');
    await expect(lists.removeList('seed')).rejects.toThrow();
    expect((await lists.verdict('https://scam-demo.example/')).verdict.result).toBe('block');
  });
});

describe('atomic swap', () => {
  test('a failed commit (quota) leaves the whole previous list in place', async () => {
    const { lists, store } = makeService(db);
    await lists.ensureSeed();
    await lists.replaceList(sub('s1'), [block('v1.example', 's1')]);
    const commit = store.commit.bind(store);
    store.commit = async () => {
      throw new StorageQuotaError('QuotaExceededError');
    };
    await expect(lists.replaceList(sub('s1'), [block('v2.example', 's1')])).rejects.toBeInstanceOf(StorageQuotaError);
    store.commit = commit;
    const { lists: cold } = makeService(db);
    expect((await cold.verdict('https://v1.example/')).verdict.result).toBe('block');
    expect((await cold.verdict('https://v2.example/')).verdict.result).toBe('none');
    expect((await cold.verdict('https://scam-demo.example/')).verdict.result).toBe('block');
  });

  test('a commit that fails on its LAST write rolls back the earlier writes of the same transaction', async () => {
    const { lists, store } = makeService(db);
    await lists.replaceList(sub('s1', { version: 1 }), [block('v1.example', 's1')]);
    const commit = store.commit.bind(store);
    // meta, entries and merged are queued before the hit-metadata shards; a shard that
    // cannot be stored makes the transaction abort after those writes were issued.
    store.commit = (change) => commit({ ...change, hitMeta: [...change.hitMeta.slice(0, -1), (() => 1) as unknown as Uint8Array] });
    await expect(lists.replaceList(sub('s1', { version: 2 }), [block('v2.example', 's1')])).rejects.toThrow();
    store.commit = commit;
    const { lists: cold } = makeService(db);
    expect((await cold.getMeta('s1'))?.version).toBe(1);
    expect((await cold.entriesOf('s1')).map((e) => e.value)).toEqual(['v1.example']);
    expect((await cold.verdict('https://v1.example/')).verdict.result).toBe('block');
    expect((await cold.verdict('https://v2.example/')).verdict.result).toBe('none');
    expect(await cold.generation()).toBe(1);
  });

  test('concurrent swaps are serialized: neither update is lost', async () => {
    const { lists } = makeService(db);
    await Promise.all([lists.replaceList(sub('a'), [block('a.example', 'a')]), lists.replaceList(sub('b'), [block('b.example', 'b')])]);
    const { lists: cold } = makeService(db);
    expect((await cold.verdict('https://a.example/')).verdict.result).toBe('block');
    expect((await cold.verdict('https://b.example/')).verdict.result).toBe('block');
  });
});

describe('large lists', () => {
  test('a 200,000-entry subscription swaps in and a cold worker finds its last entry', async () => {
    const { lists } = makeService(db);
    await lists.ensureSeed();
    const entries = Array.from({ length: 200_000 }, (_, i) => block(`d${i}-bench.example`, 'big'));
    await lists.replaceList(sub('big'), entries);
    const { lists: cold } = makeService(db);
    expect((await cold.verdict('https://www.d199999-bench.example/')).verdict).toMatchObject({ result: 'block', entry: { source: 'big' } });
    expect((await cold.verdict('https://d200000-bench.example/')).verdict.result).toBe('none');
  }, 60_000);
});

describe('helpers', () => {
  test('entries round-trip through their stored form', () => {
    const e = [block('x.example', 's1'), block('y.example', 's1', { expires: 5, kind: 'host', action: 'allow' })];
    expect(decodeEntries(encodeEntries(e), 's1')).toEqual(e);
  });
  test.each([
    ['a.b.example', 'b.example', true],
    ['b.example', 'b.example', true],
    ['ab.example', 'b.example', false],
    ['b.example.evil', 'b.example', false],
  ])('hostInDomain(%s, %s) = %s', (h, d, want) => expect(hostInDomain(h, d)).toBe(want));
  test('DNR plan takes domains and IPs, drops expired and allowed ones', () => {
    const plan = dnrPlanFrom(
      [block('a.example', 's'), block('b.example', 's', { expires: T0 - 1 }), block('c.example', 's', { kind: 'host' }), block('d.example', 's', { action: 'allow' }), block('d.example', 's'), block('1.2.3.4', 's', { kind: 'ip' })],
      T0,
    );
    expect(plan).toEqual({ block: ['a.example', '1.2.3.4'], allow: ['d.example'] });
  });
});

describe('damaged storage', () => {
  test('a corrupt merged index falls back to the bundled seed instead of failing open', async () => {
    const { lists } = makeService(db);
    await lists.ensureSeed();
    const d = await db();
    const row = (await d.get('listBlobs', 'merged'))!;
    await d.put('listBlobs', { ...row, bytes: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]) });
    const { lists: cold } = makeService(db);
    expect((await cold.verdict('https://scam-demo.example/')).verdict.result).toBe('block');
    expect((await cold.verdict('https://example.org/')).verdict.result).toBe('none');
  });
});
