/**
 * The blacklist as the rest of the background sees it: URL → verdict, and the only
 * way lists change (replace / remove), each change rebuilding the merged index aside
 * and swapping it in with ONE transaction (list-store.ts).
 *
 * Precedence (src/lists/types.ts): the person's own allow list, then their own block
 * list, then the merged index (subscription/seed allow beats block inside it).
 * The in-memory index is only a cache of the 'merged' record: a restarted worker
 * loads it again in one read; nothing here must survive a restart.
 */
import type { ListEntry, UrlVerdict } from '../lists/types';
import type { CompiledIndex, ListEngine, ListFormat } from './list-engine';
import { buildHitMeta, type DnrPlanSource, type ListMeta, type ListStore, type UserLists } from './list-store';

export interface SeedList {
  /** Bumped whenever the bundled file changes; a newer build replaces the stored seed. */
  version: number;
  name: string;
  text: string;
  format: Exclude<ListFormat, 'feed'>;
}

export interface ListServiceDeps {
  store: ListStore;
  engine: ListEngine;
  seed: SeedList;
  now: () => number;
  log?: (msg: string) => void;
  /** Called after every committed change with what the DNR rules must become. */
  onListRulesChanged?: (plan: DnrPlanSource, generation: number) => Promise<void>;
  onUserRulesChanged?: (user: UserLists) => Promise<void>;
}

export interface VerdictInfo {
  verdict: UrlVerdict;
  host: string | null;
}

export const SEED_ID = 'seed';
export const MAX_USER_HOSTS = 5000;

/** Does `host` equal `domain` or end with `.domain`? */
export function hostInDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

export function dnrPlanFrom(entries: readonly ListEntry[], now: number): DnrPlanSource {
  const block = new Set<string>();
  const allow = new Set<string>();
  for (const e of entries) {
    if (e.expires !== undefined && e.expires <= now) continue;
    // DNR requestDomains match the domain and every subdomain: exactly our 'domain'
    // kind (and IP literals). Exact hosts and URL prefixes stay with the nav guard.
    if (e.kind !== 'domain' && e.kind !== 'ip') continue;
    (e.action === 'allow' ? allow : block).add(e.value);
  }
  for (const a of allow) block.delete(a);
  return { block: [...block], allow: [...allow] };
}

export function createListService(deps: ListServiceDeps) {
  const { store, engine } = deps;
  let cached: { generation: number; index: CompiledIndex } | null = null;
  let userCache: UserLists | null = null;
  let chain: Promise<unknown> = Promise.resolve();

  /** Run list changes one at a time (a lock, not state: losing it on restart is harmless). */
  function serialized<T>(fn: () => Promise<T>): Promise<T> {
    const run = chain.then(fn, fn);
    chain = run.catch(() => undefined);
    return run;
  }

  function seedEntries(): ListEntry[] {
    return engine.parseList(deps.seed.text, deps.seed.format, SEED_ID, 0).entries;
  }

  async function index(): Promise<CompiledIndex> {
    if (cached) return cached.index;
    const merged = await store.loadMerged().catch((err: unknown) => {
      deps.log?.(`loading merged index failed: ${String(err)}`);
      return null;
    });
    if (merged) {
      cached = { generation: merged.generation, index: engine.loadIndex(merged.bytes) };
    } else {
      // Nothing stored yet (first start, or storage refused): the bundled seed still protects.
      cached = { generation: 0, index: engine.buildIndex(seedEntries()) };
    }
    return cached.index;
  }

  async function userLists(): Promise<UserLists> {
    userCache ??= await store.getUserLists();
    return userCache;
  }

  /** The index holds no entry text: read the metadata of the matching key (one shard read). */
  async function entryForHit(v: UrlVerdict): Promise<ListEntry | undefined> {
    if (!v.metaKey) return undefined;
    const sep = v.metaKey.indexOf(':');
    const kind = v.metaKey.slice(0, sep) as ListEntry['kind'];
    const value = v.metaKey.slice(sep + 1);
    const wanted = v.result === 'allow' ? 'allow' : 'block';
    const tuples = await store.hitMeta(v.metaKey).catch(() => []);
    const t = tuples.find((x) => x[1] === wanted) ?? tuples[0];
    if (!t) return undefined;
    const [source, action, category, firstSeen, expires] = t;
    return expires === undefined ? { kind, value, action, category, source, firstSeen } : { kind, value, action, category, source, firstSeen, expires };
  }

  async function rebuild(change: { meta?: ListMeta; entries?: ListEntry[]; removeId?: string }): Promise<void> {
    const metas = await store.allMeta();
    const all: ListEntry[] = [];
    for (const m of metas) {
      if (m.id === change.removeId || m.id === change.meta?.id) continue;
      all.push(...(await store.getEntries(m.id)));
    }
    if (change.entries) all.push(...change.entries);
    const built = engine.buildIndex(all);
    const previous = await store.loadMerged();
    const generation = (previous?.generation ?? 0) + 1;
    const plan = dnrPlanFrom(all, deps.now());
    await store.commit({ ...change, merged: { bytes: built.toBytes(), generation, builtAt: deps.now() }, dnr: plan, hitMeta: buildHitMeta(all) });
    cached = { generation, index: built };
    await deps.onListRulesChanged?.(plan, generation);
  }

  return {
    index,
    userLists,
    getMeta: (id: string) => store.getMeta(id),
    allMeta: () => store.allMeta(),
    entriesOf: (id: string) => store.getEntries(id),
    /** Generation of the merged index in use (0 = bundled seed built in memory). */
    async generation(): Promise<number> {
      await index();
      return cached?.generation ?? 0;
    },
    /** URL → verdict: user allow, user block, then the merged index. */
    async verdict(url: string): Promise<VerdictInfo> {
      const host = engine.canonicalHost(url);
      if (!host) return { verdict: { result: 'none', type: 'none' }, host: null };
      const user = await userLists();
      const allow = user.allow.find((u) => hostInDomain(host, u.host));
      if (allow) {
        return {
          host,
          verdict: { result: 'allow', type: 'allowlist', match: allow.host, entry: { kind: 'domain', value: allow.host, action: 'allow', category: 'unknown', source: 'user', firstSeen: allow.addedAt } },
        };
      }
      const block = user.block.find((u) => hostInDomain(host, u.host));
      if (block) {
        return {
          host,
          verdict: { result: 'block', type: 'blocklist', match: block.host, entry: { kind: 'domain', value: block.host, action: 'block', category: 'unknown', source: 'user', firstSeen: block.addedAt } },
        };
      }
      const v = (await index()).lookup(url);
      if (v.result === 'none') return { host, verdict: v };
      const entry = v.entry ?? (await entryForHit(v));
      if (entry?.expires !== undefined && entry.expires <= deps.now()) return { host, verdict: { result: 'none', type: 'none' } };
      return { host, verdict: entry ? { ...v, entry } : v };
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
            format: deps.seed.format,
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
    /** Swap in a list's new entries (already parsed and verified). Atomic. */
    replaceList(meta: ListMeta, entries: ListEntry[]): Promise<void> {
      return serialized(() => rebuild({ meta: { ...meta, entryCount: entries.length }, entries }));
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
    },
  };
}
export type ListService = ReturnType<typeof createListService>;
