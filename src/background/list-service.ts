/**
 * The blacklist as the rest of the background sees it: URL → verdict, and the only
 * way lists change (replace / remove), each change rebuilding the merged index aside
 * and swapping it in with ONE transaction (list-store.ts).
 *
 * Precedence (src/lists/precedence.ts): the person's own allow list, then their own block
 * list, then the merged index (subscription/seed allow beats block inside it).
 * The in-memory index is only a cache of the 'merged' record: a restarted worker
 * loads it again in one read; nothing here must survive a restart.
 */
import type { IdentifierEntry, IdentifierKind, ListEntry, UrlVerdict } from '../lists/types';
import { identifierMetaKey, LEVEL_BITS } from '../lists/compact-index';
import { keyHashHex } from '../lists/hash';
import { GENUINE_SERVICE_NUMBERS } from '../lists/service-numbers';
import { LEVEL_ACTION, userLevelMatch } from '../lists/precedence';
import type { CompiledIndex, IndexProbe, ListEngine } from './list-engine';
import { runSliced, type SliceStats } from '../lists/slices';
import { metaKeyOf, type HitMetaTuple, type ListMeta, type ListStore, type UserLists } from './list-store';
import { rebuildStored, runTextJob, slicedDrive, type ListChange, type TextJob, type TextJobResult } from './list-rebuild';
import type { ListBuilder } from './list-builder-client';

// The DNR plan's one home is list-rebuild.ts; re-exported for callers and tests.
export { dnrPlanFrom, dnrPlanSteps } from './list-rebuild';

export interface SeedList {
  /** Bumped whenever the bundled file changes; a newer build replaces the stored seed. */
  version: number;
  name: string;
  /** Validated entries of the bundled list (src/lists/seed.ts loadSeed). */
  entries: () => ListEntry[];
}

export interface ListServiceDeps {
  store: ListStore;
  engine: ListEngine;
  seed: SeedList;
  now: () => number;
  log?: (msg: string) => void;
  /** For what should never happen (the list builder failing): the tests watch for it. */
  logError?: (msg: string) => void;
  /** Monotonic clock (performance.now) for the timing lines in the log; optional. */
  clock?: () => number;
  /** Called after every committed change: the DNR rules must follow the stored plan of `generation`. */
  onListRulesChanged?: (generation: number) => Promise<void>;
  /**
   * Builds big text lists off this thread (a dedicated Worker: list-builder-client.ts).
   * Without one, or when it fails, the same job runs here in slices.
   */
  builder?: ListBuilder;
  onUserRulesChanged?: (user: UserLists) => Promise<void>;
}

/** A listed identifier the page showed (by hash), with where it is listed. */
export interface IdentifierHit {
  kind: IdentifierKind;
  hash: string;
  source: string;
  category: ListEntry['category'];
  firstSeen: number;
}

export interface VerdictInfo {
  verdict: UrlVerdict;
  host: string | null;
}

export const SEED_ID = 'seed';
export const MAX_USER_HOSTS = 5000;

export { hostInDomain } from '../lists/precedence';

/** Downloads at least this big are parsed and indexed by the list builder, off the worker's thread. */
export const BUILDER_MIN_BYTES = 512 * 1024;

let genuine: Set<string> | null = null;
/** Hashes of the genuine service numbers, as a page would send them (computed once). */
function genuineHashes(): Set<string> {
  genuine ??= new Set([...GENUINE_SERVICE_NUMBERS].map((n) => keyHashHex('phone', n)));
  return genuine;
}

export function createListService(deps: ListServiceDeps) {
  const { store, engine } = deps;
  // memRecords: metadata for the in-memory seed fallback (nothing stored yet).
  type Cached = { generation: number; index: CompiledIndex; memRecords?: Map<string, ListEntry[]> };
  let cached: Cached | null = null;
  let userCache: UserLists | null = null;
  // Metadata of the last few hit keys (a cache of IndexedDB reads, cleared on every swap).
  const shardCache = new Map<string, HitMetaTuple[]>();
  let chain: Promise<unknown> = Promise.resolve();
  // List metadata as last read (a cache, emptied by every write): a verdict names its list
  // without waiting behind the list builder's long write transaction.
  const metaCache = new Map<string, ListMeta | null>();
  // The list builder failed once: this worker builds everything itself (memory only:
  // a restarted worker tries the builder again).
  let builderFailed = false;

  /** Run list changes one at a time (a lock, not state: losing it on restart is harmless). */
  function serialized<T>(fn: () => Promise<T>): Promise<T> {
    const run = chain.then(fn, fn);
    chain = run.catch(() => undefined);
    return run;
  }

  function seedEntries(): ListEntry[] {
    return deps.seed.entries();
  }

  let loading: Promise<Cached> | null = null;
  async function index(): Promise<CompiledIndex> {
    if (cached) return cached.index;
    // One read however many verdicts ask at once.
    loading ??= loadStored().finally(() => {
      loading = null;
    });
    return (await loading).index;
  }

  /** Read the stored merged index (or build the seed's in memory) and make it the one in use. */
  async function loadStored(): Promise<Cached> {
    const t0 = deps.clock?.() ?? 0;
    const merged = await store.loadMerged({ cold: !cached }).catch((err: unknown) => {
      deps.log?.(`loading merged index failed: ${String(err)}`);
      return null;
    });
    const t1 = deps.clock?.() ?? 0;
    let loaded: CompiledIndex | null = null;
    try {
      loaded = merged ? await runSliced(engine.loadIndexSteps(merged.bytes)) : null;
    } catch (err) {
      // A corrupt or foreign blob: protect with the seed until the next list change rebuilds it.
      deps.log?.(`merged index unreadable: ${String(err)}`);
    }
    let next: Cached;
    if (merged && loaded) {
      next = { generation: merged.generation, index: loaded };
      if (deps.clock) deps.log?.(`merged index: ${loaded.size} keys, read ${Math.round(t1 - t0)} ms, load ${Math.round(deps.clock() - t1)} ms`);
    } else {
      // Nothing stored yet (first start, or storage refused): the bundled seed still protects.
      await engine.ready(); // validating the seed needs the Public Suffix List (loaded on first need)
      const entries = seedEntries();
      const memRecords = new Map<string, ListEntry[]>();
      for (const e of entries) {
        const k = metaKeyOf(e);
        memRecords.set(k, [...(memRecords.get(k) ?? []), e]);
      }
      next = { generation: 0, index: engine.buildIndex(entries), memRecords };
    }
    cached = next;
    return next;
  }

  async function userLists(): Promise<UserLists> {
    userCache ??= await store.getUserLists();
    return userCache;
  }

  /** Metadata records of every hit key (one shard read each), then the confirmed verdict. */
  async function confirmHits(probe: IndexProbe): Promise<UrlVerdict> {
    const mem = cached?.memRecords;
    if (mem) return engine.confirm(probe, (k) => mem.get(k), deps.now());
    const keys = [...new Set(probe.hits.map((h) => h.metaKey))];
    const records = new Map<string, ListEntry[]>();
    await Promise.all(
      keys.map(async (key) => {
        let tuples = shardCache.get(key);
        if (!tuples) {
          tuples = await store.hitMeta(key).catch(() => []);
          if (shardCache.size >= 64) shardCache.delete(shardCache.keys().next().value!);
          shardCache.set(key, tuples);
        }
        const sep = key.indexOf(':');
        const kind = key.slice(0, sep) as ListEntry['kind'];
        const value = key.slice(sep + 1);
        records.set(
          key,
          tuples.map(([source, action, category, firstSeen, expires]) =>
            expires === undefined ? { kind, value, action, category, source, firstSeen } : { kind, value, action, category, source, firstSeen, expires },
          ),
        );
      }),
    );
    return engine.confirm(probe, (k) => records.get(k), deps.now());
  }

  async function rebuild(change: ListChange): Promise<void> {
    metaCache.clear();
    const clock = deps.clock ?? (() => 0);
    // Everything long is built ASIDE in slices (src/lists/slices.ts): between slices the
    // event loop is free, so navigation checks answer from the current index meanwhile.
    const stats: SliceStats = { slices: 0, longestMs: 0 };
    const r = await rebuildStored({ store, engine, now: deps.now, drive: slicedDrive(stats) }, change, clock);
    cached = { generation: r.generation, index: r.index };
    shardCache.clear();
    metaCache.clear();
    const t2 = clock();
    await deps.onListRulesChanged?.(r.generation);
    if (deps.clock) deps.log?.(`lists swapped: ${r.entries} entries, build ${Math.round(r.timings.buildMs)} ms (${stats.slices} slices, longest ${Math.round(stats.longestMs)} ms), commit ${Math.round(r.timings.commitMs)} ms, rules ${Math.round(clock() - t2)} ms`);
  }

  /** A text list: by the list builder when big (this thread stays free), else here in slices. */
  async function textJob(job: TextJob): Promise<TextJobResult> {
    try {
      return await textJobUncached(job);
    } finally {
      metaCache.clear();
    }
  }

  async function textJobUncached(job: TextJob): Promise<TextJobResult> {
    const big = job.download !== undefined || (job.bytes?.length ?? 0) >= BUILDER_MIN_BYTES;
    if (deps.builder && !builderFailed && big) {
      const t0 = deps.clock?.() ?? 0;
      try {
        if (job.bytes) await store.putJobBytes(job.meta.id, job.bytes);
        const r = await deps.builder.runText({ jobId: job.meta.id, meta: job.meta, patch: job.patch, maxEntries: job.maxEntries, now: deps.now(), ...(job.download ? { download: job.download } : {}) });
        if (r.ok) {
          // The builder committed a new generation: read it, then swap (the old index
          // answers until then, so no verdict waits for the read).
          await loadStored();
          shardCache.clear();
          await deps.onListRulesChanged?.(r.generation);
          if (deps.clock) deps.log?.(`list ${job.meta.id} built off-thread: ${r.entryCount} entries in ${Math.round(deps.clock() - t0)} ms`);
        }
        return r;
      } catch (err) {
        // No builder after all (offscreen refused, worker crashed): same job, here, in
        // slices; and no more downloads left to it while this worker lives.
        builderFailed = true;
        (deps.logError ?? deps.log)?.(`list builder unavailable (${String(err).slice(0, 200)}); building in the worker`);
        await store.dropJobBytes(job.meta.id).catch(() => undefined);
        // A download left to the builder was never made here: the next update makes it.
        if (!job.bytes) return { ok: false, code: 'network', detail: 'list builder unavailable; the next update downloads the list here' };
      }
    }
    const stats: SliceStats = { slices: 0, longestMs: 0 };
    const r = await runTextJob({ store, engine, now: deps.now, drive: slicedDrive(stats) }, job);
    if (!r.ok) return r;
    cached = { generation: r.generation, index: r.index! };
    shardCache.clear();
    await deps.onListRulesChanged?.(r.generation);
    return { ok: true, generation: r.generation, entryCount: r.entryCount, rejected: r.rejected };
  }

  return {
    index,
    userLists,
    /** Run `fn` under the same lock as list swaps. */
    withLock: <T>(fn: () => Promise<T>) => serialized(fn),
    async getMeta(id: string): Promise<ListMeta | null> {
      if (metaCache.has(id)) return metaCache.get(id)!;
      const meta = await store.getMeta(id);
      metaCache.set(id, meta);
      return meta;
    },
    allMeta: () => store.allMeta(),
    entriesOf: (id: string) => store.getEntries(id),
    identifiersOf: (id: string) => store.getIdentifiers(id),
    /**
     * Which of these identifiers (kind + hash, as the page sends them) are listed? Block
     * entries only (identifiers are never "allowed"); expired entries and genuine service
     * numbers (src/lists/service-numbers.ts) are never reported.
     */
    async identifierHits(ids: ReadonlyArray<{ kind: IdentifierKind; hash: string }>): Promise<IdentifierHit[]> {
      const ix = await index();
      const blockBits = LEVEL_BITS.userBlock | LEVEL_BITS.listBlock;
      const out: IdentifierHit[] = [];
      for (const { kind, hash } of ids) {
        if (kind === 'phone' && genuineHashes().has(hash)) continue;
        if (!(ix.findHash(hash) & blockBits)) continue;
        const key = identifierMetaKey(kind, hash);
        const tuples = cached?.memRecords ? [] : await store.hitMeta(key).catch(() => []);
        const now = deps.now();
        const live = tuples.filter(([, action, , , expires]) => action === 'block' && (expires === undefined || expires > now));
        // Earliest listing first: "listed since" is the oldest date any list gives.
        live.sort((a, b) => a[3] - b[3]);
        const best = live[0];
        if (best) out.push({ kind, hash, source: best[0], category: best[2], firstSeen: best[3] });
      }
      return out;
    },
    /** Generation of the merged index in use (0 = bundled seed built in memory). */
    async generation(): Promise<number> {
      await index();
      return cached?.generation ?? 0;
    },
    /** URL → verdict: user allow, user block, then the merged index. */
    async verdict(url: string): Promise<VerdictInfo> {
      const host = engine.canonicalHost(url);
      if (!host) return { verdict: { result: 'none', type: 'none' }, host: null };
      // The person's own lists first (src/lists/precedence.ts), then the merged index.
      const mine = userLevelMatch(host, await userLists());
      if (mine) {
        const action = LEVEL_ACTION[mine.level];
        const { host: value, addedAt } = mine.entry;
        return {
          host,
          verdict: {
            result: action,
            type: action === 'allow' ? 'allowlist' : 'blocklist',
            match: value,
            entry: { kind: 'domain', value, action, category: 'unknown', source: 'user', firstSeen: addedAt },
          },
        };
      }
      const probe = (await index()).probe(url);
      if (probe.verdict.result === 'none') return { host, verdict: probe.verdict };
      return { host, verdict: await confirmHits(probe) };
    },
    /** Install or refresh the bundled seed list (first start, or a newer build). */
    ensureSeed(): Promise<void> {
      return serialized(async () => {
        await engine.ready(); // the seed's version getter validates it: needs the Public Suffix List
        const meta = await store.getMeta(SEED_ID);
        if (meta && (meta.version ?? 0) >= deps.seed.version && (await store.loadMerged())) return;
        const entries = seedEntries();
        const now = deps.now();
        await rebuild({
          meta: {
            id: SEED_ID,
            kind: 'seed',
            name: deps.seed.name,
            format: 'feed',
            version: deps.seed.version,
            addedAt: meta?.addedAt ?? now,
            lastSuccess: now,
            failures: 0,
            entryCount: entries.length,
          },
          entries,
        });
      });
    },
    /** Swap in a list's new entries and identifiers (already parsed and verified). Atomic. */
    replaceList(meta: ListMeta, entries: ListEntry[], identifiers: IdentifierEntry[] = []): Promise<void> {
      return serialized(() => rebuild({ meta: { ...meta, entryCount: entries.length + identifiers.length }, entries, identifiers }));
    },
    /** Downloads at least this big are left to the list builder (undefined: none available). */
    offThreadFrom(): number | undefined {
      return deps.builder && !builderFailed ? BUILDER_MIN_BYTES : undefined;
    },
    /** Parse a downloaded text list and swap it in (atomic; see textJob). Never throws. */
    replaceFromText(job: TextJob): Promise<TextJobResult> {
      return serialized(() => textJob(job));
    },
    /** Add a subscription that has no entries yet (its first update fills it). */
    addList(meta: ListMeta): Promise<void> {
      return serialized(async () => {
        if (await store.getMeta(meta.id)) throw new Error('exists');
        metaCache.clear();
        await store.putMeta(meta);
        metaCache.clear();
      });
    },
    removeList(id: string): Promise<void> {
      if (id === SEED_ID) return Promise.reject(new Error('the bundled list cannot be removed'));
      return serialized(() => rebuild({ removeId: id }));
    },
    /** Status-only change (errors, backoff): serialized with swaps so it never overwrites one. */
    updateMeta(id: string, patch: Partial<ListMeta>): Promise<ListMeta | null> {
      return serialized(async () => {
        metaCache.clear();
        const meta = await store.getMeta(id);
        if (!meta) return null;
        const next = { ...meta, ...patch };
        await store.putMeta(next);
        metaCache.clear();
        return next;
      });
    },
    /** Add/remove a host on the person's own allow or block list (allow and block exclude each other). */
    setUserHost(host: string, action: 'allow' | 'block', present: boolean): Promise<UserLists> {
      return serialized(async () => {
        const user = await store.getUserLists();
        const other = action === 'allow' ? 'block' : 'allow';
        const next: UserLists = { id: 'user', allow: [...user.allow], block: [...user.block] };
        next[action] = next[action].filter((u) => u.host !== host);
        if (present) {
          next[other] = next[other].filter((u) => u.host !== host);
          if (next[action].length >= MAX_USER_HOSTS) throw new Error('user list full');
          next[action].push({ host, addedAt: deps.now() });
        }
        await store.putUserLists(next);
        userCache = next;
        await deps.onUserRulesChanged?.(next);
        return next;
      });
    },
    /** Forget in-memory caches (tests use it to simulate a cold worker). */
    dropCaches(): void {
      cached = null;
      userCache = null;
      shardCache.clear();
      metaCache.clear();
    },
  };
}
export type ListService = ReturnType<typeof createListService>;
