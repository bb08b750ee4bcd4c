/**
 * Issue 11: big lists are built off the worker's thread (the list builder), and what the
 * worker still does is done in small pieces: the merged index and a waiting download are
 * stored in parts, the DNR plan in small records read only as far as the DNR budget, and
 * a big plan is installed at most `chunk` domains per updateDynamicRules call.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { createDnr, type DnrRule } from '../../../src/background/dnr';
import { createDnrStateStore, createDnrSyncer } from '../../../src/background/dnr-state';
import { builderJobFrom, builderResult, type ListBuilder } from '../../../src/background/list-builder-client';
import { runBuilderJob } from '../../../src/background/list-builder-job';
import { BUILDER_MIN_BYTES } from '../../../src/background/list-service';
import { createListStore, encodeDnrPlanSteps, MERGED_PART, type ListMeta } from '../../../src/background/list-store';
import { runSync } from '../../../src/lists/slices';
import { fakeDnr, fakeFetch, freshDb, makeService, T0 } from './list-fixtures';
import { createUpdater } from '../../../src/background/updater';
import { fetchCapped } from '../../../src/background/fetch-capped';
import { sentinelEngine } from '../../../src/background/list-engine';
import { memoryArea } from '../support/memory-area';

let db: ReturnType<typeof freshDb>;
beforeEach(() => {
  db = freshDb();
});

const WARN = 'chrome-extension://ext/warning.html';
const sub = (id: string, extra: Partial<ListMeta> = {}): ListMeta => ({ id, kind: 'subscription', name: id, url: `https://lists.example/${id}.txt`, format: 'plain', addedAt: T0, failures: 0, entryCount: 0, ...extra });
const bigList = (n: number, tag: string) => new TextEncoder().encode(Array.from({ length: n }, (_, k) => `d${k}-${tag}.example`).join('\n'));

describe('stored in parts', () => {
  test('a download larger than one part comes back byte for byte, once', async () => {
    const store = createListStore(db);
    const bytes = new Uint8Array(MERGED_PART + 123).map((_, i) => (i * 7) & 255);
    await store.putJobBytes('s1', bytes);
    expect(await store.takeJobBytes('s1')).toEqual(bytes);
    expect(await store.takeJobBytes('s1')).toBeNull();
  });

  test('a merged index larger than one part is read back whole, and answers', async () => {
    const { lists, store } = makeService(db);
    await lists.replaceList(sub('big'), Array.from({ length: 80_000 }, (_, k) => ({ kind: 'domain' as const, value: `p${k}.example`, action: 'block' as const, category: 'unknown' as const, source: 'big', firstSeen: T0 })));
    const merged = (await store.loadMerged())!;
    expect(merged.bytes.length).toBeGreaterThan(MERGED_PART);
    const { lists: cold } = makeService(db);
    expect((await cold.verdict('https://www.p79999.example/')).verdict.result).toBe('block');
    expect((await cold.verdict('https://p80000.example/')).verdict.result).toBe('none');
  });

  test('more than ten parts (keys sort as text: merged:10 before merged:2) read back the same in one request (a cold worker) and part by part (a swap); a missing part makes both unreadable', async () => {
    const store = createListStore(db);
    const parts = 12;
    const bytes = new Uint8Array(parts * MERGED_PART - 5).map((_, i) => (i * 31 + (i >> 17)) & 255);
    const d = await db();
    await d.put('listBlobs', { id: 'merged', bytes: bytes.slice(0, MERGED_PART), parts, size: bytes.length, generation: 7, builtAt: T0 });
    for (let i = 1; i < parts; i++) await d.put('listBlobs', { id: `merged:${i}`, bytes: bytes.slice(i * MERGED_PART, (i + 1) * MERGED_PART), generation: 7 });
    const same = (x: Uint8Array | undefined) => !!x && Buffer.from(x).equals(Buffer.from(bytes));
    expect(same((await store.loadMerged({ cold: true }))?.bytes)).toBe(true);
    expect(same((await store.loadMerged())?.bytes)).toBe(true);
    await d.put('listBlobs', { id: 'merged:10', bytes: bytes.slice(10 * MERGED_PART, 11 * MERGED_PART), generation: 6 }); // a part of another build
    expect(await store.loadMerged({ cold: true })).toBeNull();
    expect(await store.loadMerged()).toBeNull();
    await d.delete('listBlobs', 'merged:10');
    expect(await store.loadMerged({ cold: true })).toBeNull();
    expect(await store.loadMerged()).toBeNull();
  });

  test('a missing part makes the stored index unreadable (the seed protects), never a short index', async () => {
    const { lists, store } = makeService(db);
    await lists.replaceList(sub('big'), Array.from({ length: 80_000 }, (_, k) => ({ kind: 'domain' as const, value: `p${k}.example`, action: 'block' as const, category: 'unknown' as const, source: 'big', firstSeen: T0 })));
    await (await db()).delete('listBlobs', 'merged:1');
    expect(await store.loadMerged()).toBeNull();
  });

  test('the DNR plan is read only as far as the budget, and says how big it is', async () => {
    const { lists, store } = makeService(db);
    await lists.replaceList(sub('big'), Array.from({ length: 20_000 }, (_, k) => ({ kind: 'domain' as const, value: `q${k}.example`, action: k < 3 ? ('allow' as const) : ('block' as const), category: 'unknown' as const, source: 'big', firstSeen: T0 })));
    const all = (await store.loadDnrSource())!;
    const part = (await store.loadDnrSource(500))!;
    expect(all.block.length).toBe(19_997);
    expect(part.block).toEqual(all.block.slice(0, 500));
    expect(part.blockTotal).toBe(19_997);
    expect(part.allow.sort()).toEqual(['q0.example', 'q1.example', 'q2.example']);
    expect(await store.dnrPlanSize()).toMatchObject({ block: 19_997, allow: 3 });
  });
});

describe('the stored DNR plan holds only what the budget can install', () => {
  const plan = (n: number) => ({ block: Array.from({ length: n }, (_, k) => `s${k}.example`), allow: ['ok.example'] });
  test.each([
    ['a plan over the budget: the first maxBlock domains stored, all counted', 25_000, 10_000, 10_000],
    ['a plan within the budget: all stored', 9_000, 10_000, 9_000],
    ['no budget given: all stored', 25_000, undefined, 25_000],
  ])('%s', (_name, n, max, stored) => {
    const p = plan(n);
    const enc = runSync(encodeDnrPlanSteps(p, max));
    const decoded = enc.block.flatMap((b) => new TextDecoder().decode(b).split('\n'));
    expect(decoded).toEqual(p.block.slice(0, stored));
    expect(enc.blockTotal).toBe(n);
    expect(enc.allowTotal).toBe(1);
  });
});

describe('DNR rules in pieces', () => {
  const plan = (n: number) => ({ block: Array.from({ length: n }, (_, k) => `r${k}.example`), allow: ['ok.example'] });
  const domainsPerCall = (calls: Array<{ addRules?: DnrRule[] }>) => calls.map((c) => (c.addRules ?? []).reduce((n, r) => n + (r.condition.requestDomains?.length ?? 0), 0));

  function recording() {
    const api = fakeDnr();
    const calls: Array<{ removeRuleIds?: number[]; addRules?: DnrRule[] }> = [];
    const update = api.updateDynamicRules.bind(api);
    api.updateDynamicRules = async (o) => {
      calls.push(o);
      return update(o);
    };
    return { api, calls };
  }

  test.each([
    ['fits one call: one atomic call', 9, 1],
    ['bigger: one rule per call, none over the chunk, then the unused ids removed', 95, 12],
  ])('%s', async (_name, n, expectedCalls) => {
    const { api, calls } = recording();
    const dnr = createDnr(api, { warningPage: WARN, maxDomains: 1000, chunk: 10 });
    const r = await dnr.syncListRules(plan(n));
    expect(calls.length).toBe(expectedCalls);
    expect(Math.max(...domainsPerCall(calls))).toBeLessThanOrEqual(10);
    // In pieces: allow rules go in first, each call replaces one rule in place.
    if (calls.length > 1) {
      expect(calls[0]!.addRules![0]!.action.type).toBe('allow');
      for (const c of calls.slice(0, -1)) expect(c.removeRuleIds).toEqual([c.addRules![0]!.id]);
    }
    const installed = api.dynamic.filter((x) => x.action.type === 'redirect').flatMap((x) => x.condition.requestDomains ?? []);
    expect(installed.sort()).toEqual(plan(n).block.sort());
    expect(r).toEqual({ covered: n, total: n });
  });

  test('a smaller plan after a bigger one: rules replaced in place, the ids no longer used removed', async () => {
    const { api } = recording();
    const dnr = createDnr(api, { warningPage: WARN, maxDomains: 1000, chunk: 10 });
    await dnr.syncListRules(plan(95));
    await dnr.syncListRules({ block: Array.from({ length: 25 }, (_, k) => `n${k}.example`), allow: [] });
    const redirects = api.dynamic.filter((x) => x.action.type === 'redirect');
    expect(redirects.flatMap((x) => x.condition.requestDomains ?? []).sort()).toEqual(Array.from({ length: 25 }, (_, k) => `n${k}.example`).sort());
    expect(api.dynamic.filter((x) => x.action.type === 'allow')).toEqual([]);
  });

  test('a plan beyond the budget: the first `maxDomains` in rules, the total reported', async () => {
    const { api } = recording();
    const dnr = createDnr(api, { warningPage: WARN, maxDomains: 30, chunk: 10 });
    expect(await dnr.syncListRules({ ...plan(30), blockTotal: 95 })).toEqual({ covered: 30, total: 95 });
  });

  test('the syncer reads the stored plan up to the budget and records the generation', async () => {
    const { lists, store } = makeService(db);
    await lists.replaceList(sub('big'), Array.from({ length: 57 }, (_, k) => ({ kind: 'domain' as const, value: `s${k}.example`, action: 'block' as const, category: 'unknown' as const, source: 'big', firstSeen: T0 })));
    const { api, calls } = recording();
    const dnr = createDnr(api, { warningPage: WARN, maxDomains: 40, chunk: 10 });
    const state = createDnrStateStore(memoryArea());
    const syncer = createDnrSyncer({ dnr, state, store, warningPage: WARN });
    const s = await syncer.sync();
    expect(s).toMatchObject({ generation: await lists.generation(), covered: 40, total: 57 });
    expect(calls.length).toBe(5); // 4 rules of 10, then the ids no longer used
    // Nothing to do the second time when asked only if needed.
    await syncer.sync({ ifNeeded: true });
    expect(calls.length).toBe(5);
  });
});

describe('the list builder job', () => {
  test('builds, commits, and a worker that reads the store afterwards blocks the new list', async () => {
    const store = createListStore(db);
    const { lists } = makeService(db);
    await lists.ensureSeed();
    await lists.addList(sub('s1'));
    await store.putJobBytes('s1', bigList(3000, 'job'));
    const r = await runBuilderJob({ type: 'bg-builder/text-job', payload: { jobId: 's1', meta: sub('s1'), patch: { lastSuccess: T0 }, maxEntries: 10_000, now: T0 } }, db);
    expect(r).toEqual({ ok: true, generation: 2, entryCount: 3000, rejected: 0 });
    const { lists: after } = makeService(db);
    expect((await after.verdict('https://d2999-job.example/')).verdict.result).toBe('block');
    expect((await after.verdict('https://scam-demo.example/')).verdict.result).toBe('block');
    expect((await after.getMeta('s1'))?.lastSuccess).toBe(T0);
    expect(await store.takeJobBytes('s1')).toBeNull();
  });

  test.each([
    ['not a job', { type: 'ui-bg/lists-add', payload: {} }, 'bad-format'],
    ['a job with a bad meta', { type: 'bg-builder/text-job', payload: { jobId: 's1', meta: { id: 's1' }, patch: {}, maxEntries: 10, now: T0 } }, 'bad-format'],
    ['a job whose download is missing', { type: 'bg-builder/text-job', payload: { jobId: 'nope', meta: sub('nope'), patch: {}, maxEntries: 10, now: T0 } }, 'storage'],
  ])('refuses %s, and nothing stored changes', async (_name, raw, code) => {
    const { lists, store } = makeService(db);
    await lists.ensureSeed();
    const before = await store.currentGeneration();
    const r = await runBuilderJob(raw, db);
    expect(r).toMatchObject({ ok: false, code });
    expect(await store.currentGeneration()).toBe(before);
  });

  test('a list over the entry cap is refused with too-large, the download dropped', async () => {
    const store = createListStore(db);
    await store.putJobBytes('s1', bigList(50, 'cap'));
    expect(await runBuilderJob({ type: 'bg-builder/text-job', payload: { jobId: 's1', meta: sub('s1'), patch: {}, maxEntries: 10, now: T0 } }, db)).toMatchObject({ ok: false, code: 'too-large' });
    expect(await store.takeJobBytes('s1')).toBeNull();
  });

  test.each([[null], [{ ok: true }], [{ ok: false, code: 'nonsense' }], [{ ok: true, generation: 0, entryCount: 1, rejected: 0 }]])('a builder answer like %j is not taken for a result', (raw) => {
    expect(() => builderResult(raw)).toThrow(/nonsense/);
  });
});

describe('the worker hands big downloads to the builder', () => {
  function withBuilder(fail = false) {
    const jobs: string[] = [];
    const builder: ListBuilder = {
      async runText(job) {
        jobs.push(job.jobId);
        if (fail) throw new Error('offscreen refused');
        // In-thread here; in the extension the same function runs in a dedicated Worker.
        return runBuilderJob({ type: 'bg-builder/text-job', payload: job }, db);
      },
    };
    return { jobs, ...makeService(db, { builder }) };
  }

  test.each([
    ['a big download goes to the builder', BUILDER_MIN_BYTES, false, ['s1']],
    ['a small one is built here', 10, false, []],
    ['a builder that fails: built here after all', BUILDER_MIN_BYTES, true, ['s1']],
  ])('%s, and the new list blocks right after', async (_name, minBytes, fail, expectedJobs) => {
    const { lists, jobs } = withBuilder(fail);
    await lists.ensureSeed();
    await lists.addList(sub('s1'));
    const n = Math.max(2, Math.ceil((minBytes as number) / 16));
    const r = await lists.replaceFromText({ meta: sub('s1'), patch: {}, bytes: bigList(n, 'b'), maxEntries: 10_000_000 });
    expect(r).toMatchObject({ ok: true, entryCount: n });
    expect(jobs).toEqual(expectedJobs);
    expect((await lists.verdict(`https://d${n - 1}-b.example/`)).verdict.result).toBe('block');
    expect((await lists.verdict('https://unlisted-b.example/')).verdict.result).toBe('none');
  });
});

describe('the offscreen document takes jobs only from our background', () => {
  const own = { id: 'ext', backgroundUrl: 'chrome-extension://ext/background.js' };
  const job = { type: 'bg-builder/text-job', payload: { jobId: 's1' } };
  test('takes: a job from our background script', () => {
    expect(builderJobFrom(job, { id: 'ext', url: own.backgroundUrl }, own)).toEqual({ jobId: 's1' });
  });
  test.each([
    ['a content script (in a tab)', job, { id: 'ext', url: 'https://bank.example/', tab: { id: 3 } }],
    ['a content script claiming our background URL', job, { id: 'ext', url: own.backgroundUrl, tab: { id: 3 } }],
    ['another extension', job, { id: 'other', url: 'chrome-extension://other/background.js' }],
    ['one of our pages (the popup)', job, { id: 'ext', url: 'chrome-extension://ext/popup.html' }],
    ['another message type', { type: 'ui-bg/lists-add', payload: {} }, { id: 'ext', url: own.backgroundUrl }],
    ['a job without a payload', { type: 'bg-builder/text-job' }, { id: 'ext', url: own.backgroundUrl }],
    ['not an object', 'bg-builder/text-job', { id: 'ext', url: own.backgroundUrl }],
  ])('refuses: %s', (_name, msg, sender) => {
    expect(builderJobFrom(msg, sender, own)).toBeNull();
  });
});

describe('a big download is fetched by the builder, not the worker', () => {
  const URL1 = 'https://lists.example/s1.txt';
  const body = (n: number) => Array.from({ length: n }, (_, k) => `d${k}-dl.example`).join('\n');
  const served = (text: string) => () => ({ body: text, headers: { 'content-length': String(new TextEncoder().encode(text).length), etag: '"v1"' } });

  test('fetchCapped: a declared length at the threshold is deferred, its body never read', async () => {
    let pulled = 0;
    const net = fakeFetch({ [URL1]: () => ({ headers: { 'content-length': '100' }, chunks: async function* () { for (let k = 0; k < 100; k++) { pulled++; yield new Uint8Array(1); } } }) });
    expect(await fetchCapped(net.fn as never, URL1, { timeoutMs: 1000, maxBytes: 1000, deferAbove: 100 })).toMatchObject({ ok: true, status: 'deferred', length: 100 });
    expect(pulled).toBeLessThanOrEqual(1); // the stream's own first pull at most, not the body
    // Below it, or with no declared length: read here as before.
    expect(await fetchCapped(net.fn as never, URL1, { timeoutMs: 1000, maxBytes: 1000, deferAbove: 101 })).toMatchObject({ ok: true, status: 200 });
  });

  test('fetchCapped: with no declared length (chunked) and a builder, the download is deferred before its body is read', async () => {
    let pulled = 0;
    const chunked = () => ({ headers: {}, chunks: async function* () { for (let k = 0; k < 1000; k++) { pulled++; yield new Uint8Array(10); } } });
    const net = fakeFetch({ [URL1]: chunked });
    expect(await fetchCapped(net.fn as never, URL1, { timeoutMs: 1000, maxBytes: 100_000, deferAbove: 100 })).toMatchObject({ ok: true, status: 'deferred' });
    expect(pulled).toBeLessThanOrEqual(1);
    // With no builder (no deferAbove), a chunked body is streamed here.
    const small = fakeFetch({ [URL1]: () => ({ headers: {}, chunks: async function* () { yield new Uint8Array(40); } }) });
    expect(await fetchCapped(small.fn as never, URL1, { timeoutMs: 1000, maxBytes: 100_000 })).toMatchObject({ ok: true, status: 200, bytes: new Uint8Array(40) });
  });

  describe('fetchCapped: an encoded body (Content-Encoding) is measured by its decoded bytes, not its wire length', () => {
    // The browser hands fetch the decoded body, while Content-Length counts the gzip bytes.
    const gz = (decoded: number, wire: number) => () => ({ headers: { 'content-encoding': 'gzip', 'content-length': String(wire) }, chunks: async function* () { for (let k = 0; k < decoded / 10; k++) yield new Uint8Array(10).fill(97); } });
    test.each([
      ['a decoded body longer than its wire length is whole, not truncated', gz(500, 60), {}, { ok: true, status: 200 }],
      ['a decoded body over the cap is too large, however small on the wire', gz(5000, 60), {}, { ok: false, code: 'too-large' }],
      ['an encoded body, however small on the wire, is deferred to a builder (its size is unknown)', gz(500, 60), { deferAbove: 1000 }, { ok: true, status: 'deferred' }],
      ['an identity body whose wire length is over the cap is refused before reading', () => ({ headers: { 'content-encoding': 'identity', 'content-length': '5000' }, body: 'x' }), {}, { ok: false, code: 'too-large' }],
    ])('%s', async (_name, route, extra, want) => {
      const net = fakeFetch({ [URL1]: route as never });
      expect(await fetchCapped(net.fn as never, URL1, { timeoutMs: 1000, maxBytes: 1000, ...extra })).toMatchObject(want);
    });
  });

  test('warns: an update whose list is big goes to the builder with a download job; the list blocks and keeps its ETag', async () => {
    const text = body(Math.ceil(BUILDER_MIN_BYTES / 14));
    const net = fakeFetch({ [URL1]: served(text) });
    const jobs: Array<{ download?: { url: string } }> = [];
    const builder: ListBuilder = {
      async runText(job) {
        jobs.push(job);
        return runBuilderJob({ type: 'bg-builder/text-job', payload: job }, db, net.fn as never);
      },
    };
    const { lists } = makeService(db, { builder });
    const updater = createUpdater({ lists, engine: sentinelEngine, fetch: net.fn as never, now: () => T0, random: () => 0.5, limits: { timeoutMs: 2000 } });
    await lists.ensureSeed();
    await lists.addList(sub('s1', { url: URL1 }));
    const meta = await updater.update('s1');
    expect(meta?.lastError).toBeUndefined();
    expect(jobs.map((j) => j.download?.url)).toEqual([URL1]);
    expect(net.requests.length).toBe(2); // headers only here, then the builder's download
    expect(meta?.etag).toBe('"v1"');
    const last = text.slice(text.lastIndexOf('\n') + 1);
    expect((await lists.verdict(`https://${last}/`)).verdict.result).toBe('block');
  });

  test.each([
    ['the builder\'s download fails (HTTP 500)', () => ({ status: 500 }), 'http'],
    ['the builder\'s download is cut short', () => ({ body: 'a.example\n', headers: { 'content-length': '999' } }), 'truncated'],
  ])('stays silent: %s → the list stays as it was, with a status', async (_name, route, code) => {
    const net = fakeFetch({ [URL1]: route });
    const r = await runBuilderJob({ type: 'bg-builder/text-job', payload: { jobId: 's1', meta: sub('s1'), patch: {}, maxEntries: 10, now: T0, download: { url: URL1, timeoutMs: 2000, maxBytes: 10_000 } } }, db, net.fn as never);
    expect(r).toMatchObject({ ok: false, code });
  });

  test('refuses a download job for a non-http URL', async () => {
    const r = await runBuilderJob({ type: 'bg-builder/text-job', payload: { jobId: 's1', meta: sub('s1'), patch: {}, maxEntries: 10, now: T0, download: { url: 'javascript:alert(1)', timeoutMs: 2000, maxBytes: 10 } } }, db);
    expect(r).toMatchObject({ ok: false, code: 'bad-format' });
  });

  test('a builder that fails: the update reports it, and the next one downloads here', async () => {
    const text = body(Math.ceil(BUILDER_MIN_BYTES / 14));
    const net = fakeFetch({ [URL1]: served(text) });
    const builder: ListBuilder = { runText: async () => Promise.reject(new Error('offscreen refused')) };
    const { lists } = makeService(db, { builder });
    const updater = createUpdater({ lists, engine: sentinelEngine, fetch: net.fn as never, now: () => T0, random: () => 0.5, limits: { timeoutMs: 2000 } });
    await lists.ensureSeed();
    await lists.addList(sub('s1', { url: URL1 }));
    expect((await updater.update('s1'))?.lastError?.code).toBe('network');
    expect(lists.offThreadFrom()).toBeUndefined();
    expect((await updater.update('s1'))?.lastError).toBeUndefined();
    expect((await lists.verdict('https://d0-dl.example/')).verdict.result).toBe('block');
  });
});
