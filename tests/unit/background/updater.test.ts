/**
 * Updater: conditional fetch, caps, timeouts, bad input, backoff and the start-up rule,
 * with fetch, clock, randomness and alarms passed in. Every failure must leave the
 * previous list working.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import { sentinelEngine } from '../../../src/background/list-engine';
import type { ListMeta } from '../../../src/background/list-store';
import { createUpdater, DEFAULT_LIMITS, fetchCapped, UPDATE_ALARM, type FeedDriver } from '../../../src/background/updater';
import { fakeFetch, freshDb, makeService, T0, type Served } from './list-fixtures';

const URL1 = 'https://lists.example/scam.txt';
const HOUR = 3600_000;
let db: ReturnType<typeof freshDb>;
beforeEach(() => {
  db = freshDb();
});

const subMeta = (extra: Partial<ListMeta> = {}): ListMeta => ({ id: 's1', kind: 'subscription', name: 'Community list', url: URL1, format: 'auto', addedAt: T0, failures: 0, entryCount: 0, ...extra });

function setup(route: (h: Record<string, string>) => Served, opts: { feed?: FeedDriver; limits?: Partial<typeof DEFAULT_LIMITS> } = {}) {
  const { lists, clock, store } = makeService(db);
  const net = fakeFetch({ [URL1]: route });
  const alarms: Array<{ name: string; when: number }> = [];
  const updater = createUpdater({
    lists,
    engine: sentinelEngine,
    fetch: net.fn as never,
    now: () => clock.now,
    random: () => 0.5,
    alarms: { create: (name, info) => void alarms.push({ name, ...info }), clear: (name) => void alarms.push({ name: `clear:${name}`, when: 0 }) },
    feed: opts.feed,
    limits: { timeoutMs: 200, ...opts.limits },
  });
  return { lists, clock, net, alarms, updater, store };
}

async function blocked(lists: ReturnType<typeof makeService>['lists'], host: string) {
  return (await lists.verdict(`https://${host}/`)).verdict.result === 'block';
}

describe('updates', () => {
  test('a plain list is fetched, parsed and swapped in; the next request is conditional; 304 keeps it fresh', async () => {
    let calls = 0;
    const { lists, clock, net, updater } = setup((h) => {
      calls++;
      if (h['If-None-Match'] === '"v1"') return { status: 304 };
      return { body: 'bad-shop.example\nfake-bank.example\n', headers: { etag: '"v1"', 'last-modified': 'Mon, 23 Nov 2026 08:00:00 GMT' } };
    });
    await lists.addList(subMeta());
    const m1 = await updater.update('s1');
    expect(m1).toMatchObject({ entryCount: 2, etag: '"v1"', failures: 0, lastSuccess: T0 });
    expect(await blocked(lists, 'www.fake-bank.example')).toBe(true);
    clock.now += 13 * HOUR;
    const m2 = await updater.update('s1');
    expect(net.requests[1]!.headers).toMatchObject({ 'If-None-Match': '"v1"', 'If-Modified-Since': 'Mon, 23 Nov 2026 08:00:00 GMT' });
    expect(m2).toMatchObject({ entryCount: 2, lastSuccess: T0 + 13 * HOUR });
    expect(calls).toBe(2);
    expect(await blocked(lists, 'bad-shop.example')).toBe(true);
  });

  test('a later update replaces the list as a whole and keeps first-seen dates of known entries', async () => {
    let body = 'a.example\nb.example\n';
    const { lists, clock, updater } = setup(() => ({ body }));
    await lists.addList(subMeta());
    await updater.update('s1');
    clock.now += HOUR;
    body = 'b.example\nc.example\n';
    await updater.update('s1');
    expect(await blocked(lists, 'a.example')).toBe(false);
    expect(await blocked(lists, 'c.example')).toBe(true);
    expect((await lists.verdict('https://b.example/')).verdict.entry?.firstSeen).toBe(T0);
    expect((await lists.verdict('https://c.example/')).verdict.entry?.firstSeen).toBe(T0 + HOUR);
  });
});

describe('bad input keeps the previous list and says why', () => {
  const cases: Array<[string, (h: Record<string, string>) => Served, string, Partial<typeof DEFAULT_LIMITS>?]> = [
    ['server error', () => ({ status: 500, body: 'oops' }), 'http'],
    ['hanging server', () => ({ hang: true }), 'timeout'],
    ['hanging in the middle of the body', () => ({
      async *chunks() {
        yield new TextEncoder().encode('x.example\n');
        await new Promise(() => undefined);
      },
    }), 'timeout'],
    ['1 GB response (cut off at the cap while streaming)', () => ({
      headers: {},
      async *chunks() {
        const mb = new Uint8Array(1024 * 1024).fill(0x61);
        for (let i = 0; i < 1024; i++) yield mb;
      },
    }), 'too-large', { maxBytes: 4 * 1024 * 1024 }],
    ['declared oversize', () => ({ body: 'x.example\n', headers: { 'content-length': String(2 ** 31) } }), 'too-large'],
    ['truncated download (shorter than content-length)', () => ({
      headers: { 'content-length': '1000' },
      async *chunks() {
        yield new TextEncoder().encode('x.example\n');
      },
    }), 'truncated'],
    ['a list of javascript: URLs', () => ({ body: 'javascript:alert(1)\njavascript:fetch("//x")\ndata:text/html,hi\n' }), 'empty'],
    ['an empty body', () => ({ body: '' }), 'empty'],
  ];
  test.each(cases)('%s', async (_name, route, code, limits) => {
    let good = true;
    const { lists, updater } = setup((h) => (good ? { body: 'old-scam.example\n' } : route(h)), { limits });
    await lists.addList(subMeta());
    await updater.update('s1');
    good = false;
    const m = await updater.update('s1');
    expect(m?.lastError?.code).toBe(code);
    expect(m?.failures).toBe(1);
    expect(m?.lastSuccess).toBe(T0);
    expect(await blocked(lists, 'old-scam.example')).toBe(true);
  });

  test('storage quota exceeded: a plain "quota" status, the previous list and the seed keep working', async () => {
    const { lists, updater, store } = setup(() => ({ body: 'new-scam.example\n' }));
    await lists.ensureSeed();
    await lists.addList(subMeta());
    const { StorageQuotaError } = await import('../../../src/background/list-store');
    const commit = store.commit;
    store.commit = async () => {
      throw new StorageQuotaError('QuotaExceededError');
    };
    const m = await updater.update('s1');
    store.commit = commit;
    expect(m?.lastError?.code).toBe('quota');
    expect(await blocked(lists, 'new-scam.example')).toBe(false);
    expect(await blocked(lists, 'scam-demo.example')).toBe(true);
  });

  test('the byte cap stops reading early: a 1 GB body is not consumed', async () => {
    let produced = 0;
    const net = fakeFetch({
      [URL1]: () => ({
        async *chunks() {
          const mb = new Uint8Array(1024 * 1024);
          for (let i = 0; i < 1024; i++) {
            produced++;
            yield mb;
          }
        },
      }),
    });
    const r = await fetchCapped(net.fn as never, URL1, { timeoutMs: 5000, maxBytes: 8 * 1024 * 1024 });
    expect(r).toMatchObject({ ok: false, code: 'too-large' });
    expect(produced).toBeLessThan(12);
  });

  test('a network failure is "network", not "truncated"', async () => {
    const r = await fetchCapped(fakeFetch({}).fn as never, 'https://nowhere.example/', { timeoutMs: 100, maxBytes: 10 });
    expect(r).toMatchObject({ ok: false, code: 'network' });
  });

  test('a signed-feed driver error (e.g. bad signature, rollback) is recorded the same way', async () => {
    let verdict: 'ok' | 'bad' = 'ok';
    const feed: FeedDriver = {
      async update() {
        return verdict === 'ok' ? { kind: 'updated', entries: [{ kind: 'domain', value: 'feed-scam.example', action: 'block', category: 'investment', source: 's1', firstSeen: T0 }], version: 5 } : { kind: 'error', code: 'bad-signature' };
      },
    };
    const { lists, updater } = setup(() => ({ body: '' }), { feed });
    await lists.addList(subMeta({ format: 'feed', publicKey: 'k' }));
    expect(await updater.update('s1')).toMatchObject({ version: 5, entryCount: 1 });
    verdict = 'bad';
    expect((await updater.update('s1'))?.lastError?.code).toBe('bad-signature');
    expect(await blocked(lists, 'feed-scam.example')).toBe(true);
  });
});

describe('schedule', () => {
  test('failures back off exponentially (1, 2, 4 … min, capped at 1 h) and success resets', async () => {
    let up = false;
    const { lists, clock, updater } = setup(() => (up ? { body: 'x.example\n' } : { status: 503 }));
    await lists.addList(subMeta());
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      const m = await updater.update('s1');
      delays.push(m!.nextDue! - clock.now);
      clock.now = m!.nextDue!;
    }
    expect(delays.slice(0, 4)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(Math.max(...delays)).toBe(HOUR);
    up = true;
    const ok = await updater.update('s1');
    expect(ok).toMatchObject({ failures: 0, lastError: undefined });
    expect(ok!.nextDue! - clock.now).toBe(DEFAULT_LIMITS.intervalMs);
  });

  test('the alarm is set at the earliest due list, never sooner than 30 s', async () => {
    const { lists, updater, alarms } = setup(() => ({ body: 'x.example\n' }));
    await lists.addList(subMeta());
    await updater.runDue();
    const last = alarms.at(-1)!;
    expect(last.name).toBe(UPDATE_ALARM);
    expect(last.when).toBe(T0 + DEFAULT_LIMITS.intervalMs);
  });

  test('with no subscription there is no alarm (no needless wake-ups)', async () => {
    const { lists, updater, alarms } = setup(() => ({ body: 'x.example\n' }));
    await lists.ensureSeed();
    await updater.runDue({ startup: true });
    expect(alarms.filter((a) => a.name === UPDATE_ALARM)).toEqual([]);
    expect(alarms.at(-1)?.name).toBe(`clear:${UPDATE_ALARM}`);
  });

  test('a PC switched on after a week offline updates at start-up, not at the next period', async () => {
    const { lists, clock, net, updater } = setup(() => ({ body: 'x.example\n' }));
    await lists.addList(subMeta());
    await updater.update('s1');
    // Off for a week; the last attempt before shutdown had failed, with a backoff far in the future.
    await lists.updateMeta('s1', { nextDue: T0 + 30 * 24 * HOUR });
    clock.now = T0 + 7 * 24 * HOUR;
    expect(await updater.runDue()).toEqual([]);
    const before = net.requests.length;
    expect(await updater.runDue({ startup: true })).toEqual(['s1']);
    expect(net.requests.length).toBe(before + 1);
    expect((await lists.getMeta('s1'))?.lastSuccess).toBe(clock.now);
  });

  test('a list updated recently is not refetched at start-up', async () => {
    const { lists, clock, net, updater } = setup(() => ({ body: 'x.example\n' }));
    await lists.addList(subMeta());
    await updater.update('s1');
    clock.now += HOUR;
    await updater.runDue({ startup: true });
    expect(net.requests.length).toBe(1);
  });

  test('two triggers at once fetch only once', async () => {
    const { lists, net, updater } = setup(() => ({ body: 'x.example\n' }));
    await lists.addList(subMeta());
    await Promise.all([updater.update('s1'), updater.update('s1')]);
    expect(net.requests.length).toBe(1);
  });
});
