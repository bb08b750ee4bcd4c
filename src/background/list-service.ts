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
import { runSliced, runSync, SLICE_MS, STEP, type SliceStats, type Steps } from '../lists/slices';
import { buildHitMetaSteps, encodeEntriesSteps, encodeIdentifiersSteps, metaKeyOf, type HitMetaTuple, type DnrPlanSource, type ListMeta, type ListStore, type UserLists } from './list-store';

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
  /** Monotonic clock (performance.now) for the timing lines in the log; optional. */
  clock?: () => number;
  /** Called after every committed change with what the DNR rules must become. */
  onListRulesChanged?: (plan: DnrPlanSource, generation: number) => Promise<void>;
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

export function dnrPlanFrom(entries: readonly ListEntry[], now: number): DnrPlanSource {
  return runSync(dnrPlanSteps(entries, now));
}

/** dnrPlanFrom as steps (src/lists/slices.ts), for the worker. */
export function* dnrPlanSteps(entries: readonly ListEntry[], now: number): Steps<DnrPlanSource> {
  const block = new Set<string>();
  const allow = new Set<string>();
  let n = 0;
  for (const e of entries) {
    if ((++n & (STEP - 1)) === 0) yield;
    if (e.expires !== undefined && e.expires <= now) continue;
    // DNR requestDomains match the domain and every subdomain: exactly our 'domain'
    // kind (and IP literals). Exact hosts and URL prefixes stay with the nav guard.
    if (e.kind !== 'domain' && e.kind !== 'ip') continue;
    (e.action === 'allow' ? allow : block).add(e.value);
  }
  for (const a of allow) block.delete(a);
  const out = { block: [...block], allow: [...allow] };
  yield;
  return out;
}

let genuine: Set<string> | null = null;
/** Hashes of the genuine service numbers, as a page would send them (computed once). */
function genuineHashes(): Set<string> {
  genuine ??= new Set([...GENUINE_SERVICE_NUMBERS].map((n) => keyHashHex('phone', n)));
  return genuine;
}

export function createListService(deps: ListServiceDeps) {
  const { store, engine } = deps;
  // memRecords: metadata for the in-memory seed fallback (nothing stored yet).
  let cached: { generation: number; index: CompiledIndex; memRecords?: Map<string, ListEntry[]> } | null = null;
  let userCache: UserLists | null = null;
  // Metadata of the last few hit keys (a cache of IndexedDB reads, cleared on every swap).
  const shardCache = new Map<string, HitMetaTuple[]>();
  let chain: Promise<unknown> = Promise.resolve();

  /** Run list changes one at a time (a lock, not state: losing it on restart is harmless). */
  function serialized<T>(fn: () => Promise<T>): Promise<T> {
    const run = chain.then(fn, fn);
    chain = run.catch(() => undefined);
    return run;
  }

  function seedEntries(): ListEntry[] {
    return deps.seed.entries();
  }

  async function index(): Promise<CompiledIndex> {
    if (cached) return cached.index;
    const t0 = deps.clock?.() ?? 0;
    const merged = await store.loadMerged().catch((err: unknown) => {
      deps.log?.(`loading merged index failed: ${String(err)}`);
      return null;
    });
    const t1 = deps.clock?.() ?? 0;
    let loaded: CompiledIndex | null = null;
    try {
      loaded = merged ? engine.loadIndex(merged.bytes) : null;
    } catch (err) {
      // A corrupt or foreign blob: protect with the seed until the next list change rebuilds it.
      deps.log?.(`merged index unreadable: ${String(err)}`);
    }
    if (merged && loaded) {
      cached = { generation: merged.generation, index: loaded };
      if (deps.clock) deps.log?.(`merged index: ${loaded.size} keys, read ${Math.round(t1 - t0)} ms, load ${Math.round(deps.clock() - t1)} ms`);
    } else {
      // Nothing stored yet (first start, or storage refused): the bundled seed still protects.
      const entries = seedEntries();
      const memRecords = new Map<string, ListEntry[]>();
      for (const e of entries) {
        const k = metaKeyOf(e);
        memRecords.set(k, [...(memRecords.get(k) ?? []), e]);
      }
      cached = { generation: 0, index: engine.buildIndex(entries), memRecords };
    }
    return cached.index;
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

  async function rebuild(change: { meta?: ListMeta; entries?: ListEntry[]; identifiers?: IdentifierEntry[]; removeId?: string }): Promise<void> {
    const metas = await store.allMeta();
    const all: ListEntry[] = [];
    const ids: IdentifierEntry[] = [];
    for (const m of metas) {
      if (m.id === change.removeId || m.id === change.meta?.id) continue;
      // Element by element: spreading 100,000+ entries into push() overflows the stack.
      for (const e of await store.getEntries(m.id)) all.push(e);
      for (const e of await store.getIdentifiers(m.id)) ids.push(e);
    }
    if (change.entries) for (const e of change.entries) all.push(e);
    if (change.identifiers) for (const e of change.identifiers) ids.push(e);
    const clock = deps.clock ?? (() => 0);
    const t0 = clock();
    // Everything long is built ASIDE in slices (src/lists/slices.ts): between slices the
    // event loop is free, so navigation checks answer from the current index meanwhile.
    const stats: SliceStats = { slices: 0, longestMs: 0 };
    const built = await engine.buildIndexSliced(all, ids, stats);
    const generation = (await store.currentGeneration()) + 1;
    const plan = await runSliced(dnrPlanSteps(all, deps.now()), SLICE_MS, stats);
    const hitMeta = await runSliced(buildHitMetaSteps(all, ids), SLICE_MS, stats);
    const encoded = {
      entries: change.entries ? await runSliced(encodeEntriesSteps(change.entries), SLICE_MS, stats) : undefined,
      identifiers: change.entries || change.identifiers ? await runSliced(encodeIdentifiersSteps(change.identifiers ?? []), SLICE_MS, stats) : undefined,
    };
    const bytes = built.toBytes();
    const t1 = clock();
    await store.commit({ ...change, encoded, merged: { bytes, generation, builtAt: deps.now() }, dnr: plan, hitMeta });
    const t2 = clock();
    cached = { generation, index: built };
    shardCache.clear();
    await deps.onListRulesChanged?.(plan, generation);
    if (deps.clock) deps.log?.(`lists swapped: ${all.length} entries, build ${Math.round(t1 - t0)} ms (${stats.slices} slices, longest ${Math.round(stats.longestMs)} ms), commit ${Math.round(t2 - t1)} ms, rules ${Math.round(clock() - t2)} ms`);
  }

  return {
    index,
    userLists,
    /** Run `fn` under the same lock as list swaps. */
    withLock: <T>(fn: () => Promise<T>) => serialized(fn),
    getMeta: (id: string) => store.getMeta(id),
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
    /** Add a subscription that has no entries yet (its first update fills it). */
    addList(meta: ListMeta): Promise<void> {
      return serialized(async () => {
        if (await store.getMeta(meta.id)) throw new Error('exists');
        await store.putMeta(meta);
      });
    },
    removeList(id: string): Promise<void> {
      if (id === SEED_ID) return Promise.reject(new Error('the bundled list cannot be removed'));
      return serialized(() => rebuild({ removeId: id }));
    },
    /** Status-only change (errors, backoff): serialized with swaps so it never overwrites one. */
    updateMeta(id: string, patch: Partial<ListMeta>): Promise<ListMeta | null> {
      return serialized(async () => {
        const meta = await store.getMeta(id);
        if (!meta) return null;
        const next = { ...meta, ...patch };
        await store.putMeta(next);
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
    },
  };
}
export type ListService = ReturnType<typeof createListService>;
