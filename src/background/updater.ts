/**
 * Subscription updater. fetch, the clock, randomness and alarms come in as parameters.
 *
 * One update of one list:
 *   conditional GET (If-None-Match / If-Modified-Since) → 304: just "still fresh"
 *   → body streamed with a byte cap (a 1 GB response is cut off at the cap, not read)
 *     and one overall timeout (a server that hangs before or during the body)
 *   → signed feeds: verified BEFORE parsing (feed driver), older versions refused
 *   → parsed, built aside, swapped in one transaction (list-service.ts)
 * Any failure leaves the previous list in use and records a plain error code + backoff.
 *
 * Schedule: one alarm at the earliest `nextDue` of all lists. Success → next in
 * UPDATE_INTERVAL ± 10 % jitter; failure → 1 min, 2, 4 … capped at 1 h, ± 20 % jitter.
 * At browser start-up any list older than UPDATE_INTERVAL is updated at once, so a PC
 * switched on once a week fetches within seconds of start, not at the next period.
 */
import type { IdentifierEntry, ListEntry } from '../lists/types';
import { runSliced } from '../lists/slices';
import { entryKey, identifierKey, keepFirstSeenSteps } from './list-rebuild';
import type { ListEngine } from './list-engine';
import { StorageQuotaError, type ListMeta } from './list-store';
import type { ListErrorCode } from '../lists/vocabulary';
import type { ListService } from './list-service';
import { fetchCapped, type FetchFn, type FetchOptions, type FetchOutcome } from './fetch-capped';

export const UPDATE_ALARM = 'lists:update';
export const DEFAULT_LIMITS = {
  timeoutMs: 60_000,
  maxBytes: 64 * 1024 * 1024,
  maxEntries: 2_000_000,
  intervalMs: 12 * 3600_000,
  backoffBaseMs: 60_000,
  backoffMaxMs: 3600_000,
  /** Chromium refuses alarms sooner than 30 s. */
  minAlarmDelayMs: 30_000,
};
export type UpdaterLimits = typeof DEFAULT_LIMITS;

// The download itself (caps, timeout, conditional GET) lives in fetch-capped.ts.
export { fetchCapped, type FetchFn, type FetchOptions, type FetchOutcome } from './fetch-capped';
/** What a signed-feed driver returns (verification happens inside, before any parsing). */
export type FeedResult =
  | { kind: 'unchanged'; etag?: string; lastModified?: string }
  | { kind: 'updated'; entries: ListEntry[]; identifiers?: IdentifierEntry[]; version: number; listId?: string; etag?: string; lastModified?: string; rejected?: number }
  | { kind: 'error'; code: ListErrorCode; detail?: string };

export interface FeedDriver {
  update(
    meta: ListMeta,
    fetchBytes: (url: string, opts?: FetchOptions) => Promise<FetchOutcome>,
    current: () => Promise<ListEntry[]>,
    currentIds?: () => Promise<IdentifierEntry[]>,
  ): Promise<FeedResult>;
}

export interface AlarmsApi {
  create(name: string, info: { when: number }): unknown;
  clear?(name: string): unknown;
}

export interface UpdaterDeps {
  lists: ListService;
  engine: ListEngine;
  fetch: FetchFn;
  now: () => number;
  random?: () => number;
  alarms?: AlarmsApi;
  feed?: FeedDriver;
  limits?: Partial<UpdaterLimits>;
  /** Per-install override of the download timeout (ms), read at each download. */
  timeoutMs?: () => Promise<number | undefined>;
  log?: (msg: string) => void;
}


export function createUpdater(deps: UpdaterDeps) {
  const limits: UpdaterLimits = { ...DEFAULT_LIMITS, ...deps.limits };
  const random = deps.random ?? Math.random;
  const inFlight = new Map<string, Promise<ListMeta | null>>();

  const nextAfterSuccess = (now: number) => now + Math.round(limits.intervalMs * (0.9 + 0.2 * random()));
  const backoff = (failures: number) => Math.round(Math.min(limits.backoffBaseMs * 2 ** Math.max(0, failures - 1), limits.backoffMaxMs) * (0.8 + 0.4 * random()));

  const fetchBytes = async (url: string, opts: FetchOptions = {}) =>
    fetchCapped(deps.fetch, url, { ...opts, timeoutMs: (await deps.timeoutMs?.().catch(() => undefined)) ?? limits.timeoutMs, maxBytes: opts.maxBytes ?? limits.maxBytes });

  async function fail(meta: ListMeta, code: ListErrorCode, detail?: string): Promise<ListMeta | null> {
    const now = deps.now();
    const failures = (meta.failures ?? 0) + 1;
    deps.log?.(`list ${meta.id} update failed: ${code}${detail ? ` (${detail})` : ''}`);
    return deps.lists.updateMeta(meta.id, { lastAttempt: now, lastError: { code, ...(detail ? { detail } : {}), at: now }, failures, nextDue: now + backoff(failures) });
  }

  function fresh(now: number, extra: Partial<ListMeta> = {}): Partial<ListMeta> {
    return { ...extra, lastAttempt: now, lastSuccess: now, lastError: undefined, failures: 0, nextDue: nextAfterSuccess(now) };
  }

  async function updateOnce(meta: ListMeta): Promise<ListMeta | null> {
    const now = deps.now();
    if (meta.kind !== 'subscription' || !meta.url) return meta;
    if (meta.format === 'feed') {
      if (!deps.feed) return fail(meta, 'bad-format', 'signed feeds unavailable');
      const r = await deps.feed.update(meta, fetchBytes, () => deps.lists.entriesOf(meta.id), () => deps.lists.identifiersOf(meta.id));
      if (r.kind === 'error') return fail(meta, r.code, r.detail);
      if (r.kind === 'unchanged') return deps.lists.updateMeta(meta.id, fresh(now, { etag: r.etag ?? meta.etag, lastModified: r.lastModified ?? meta.lastModified }));
      if (r.entries.length > limits.maxEntries) return fail(meta, 'too-large', `${r.entries.length} entries`);
      return commit(meta, r.entries, { ...fresh(now), version: r.version, ...(r.listId ? { feedListId: r.listId } : {}), etag: r.etag, lastModified: r.lastModified, rejectedCount: r.rejected ?? 0 }, r.identifiers);
    }
    // A big download (declared 512 KB or more), or one of unknown size, is left to the
    // list builder, which fetches it again off this thread: receiving 20 MB here alone
    // holds this thread over 100 ms.
    const got = await fetchBytes(meta.url, { etag: meta.etag, lastModified: meta.lastModified, deferAbove: deps.lists.offThreadFrom() });
    if (!got.ok) return fail(meta, got.code, got.detail);
    if (got.status === 304) return deps.lists.updateMeta(meta.id, fresh(now, { etag: got.etag ?? meta.etag, lastModified: got.lastModified ?? meta.lastModified }));
    // Decode, parse and swap in: off this thread for a big list (the list builder), else
    // here in slices; either way navigation checks keep answering (list-rebuild.ts).
    // Deferred: the builder sets etag / lastModified from its own download.
    const job =
      got.status === 'deferred'
        ? { patch: fresh(now), download: { url: meta.url, timeoutMs: (await deps.timeoutMs?.().catch(() => undefined)) ?? limits.timeoutMs, maxBytes: limits.maxBytes } }
        : { patch: { ...fresh(now), etag: got.etag, lastModified: got.lastModified }, bytes: got.bytes };
    const r = await deps.lists.replaceFromText({ meta, ...job, maxEntries: limits.maxEntries });
    if (!r.ok) return fail((await deps.lists.getMeta(meta.id)) ?? meta, r.code, r.detail);
    return deps.lists.getMeta(meta.id);
  }

  async function commit(meta: ListMeta, entries: ListEntry[], patch: Partial<ListMeta>, identifiers: IdentifierEntry[] = []): Promise<ListMeta | null> {
    // Keep firstSeen of entries we already had, so "listed since" stays true across updates.
    const merged = await runSliced(keepFirstSeenSteps(await deps.lists.entriesOf(meta.id), entries, entryKey));
    const current = (await deps.lists.getMeta(meta.id)) ?? meta;
    const next: ListMeta = { ...current, ...patch };
    try {
      const ids = await runSliced(keepFirstSeenSteps(await deps.lists.identifiersOf(meta.id), identifiers, identifierKey));
      await deps.lists.replaceList(next, merged, ids);
    } catch (err) {
      if (err instanceof StorageQuotaError) return fail(current, 'quota');
      return fail(current, 'storage', String(err).slice(0, 200));
    }
    return deps.lists.getMeta(meta.id);
  }

  async function schedule(): Promise<number | null> {
    if (!deps.alarms) return null;
    const metas = (await deps.lists.allMeta()).filter((m) => m.kind === 'subscription');
    if (!metas.length) {
      // Nothing to update: no alarm, no needless wake-ups.
      await deps.alarms.clear?.(UPDATE_ALARM);
      return null;
    }
    const now = deps.now();
    const earliest = Math.min(...metas.map((m) => m.nextDue ?? now));
    const when = Math.max(earliest, now + limits.minAlarmDelayMs);
    await deps.alarms.create(UPDATE_ALARM, { when });
    return when;
  }

  const api = {
    limits,
    fetchBytes,
    /** Update one list now (the options page's "update now", or a new subscription). */
    update(id: string): Promise<ListMeta | null> {
      const running = inFlight.get(id);
      if (running) return running;
      const run = (async () => {
        const meta = await deps.lists.getMeta(id);
        if (!meta) return null;
        try {
          return await updateOnce(meta);
        } catch (err) {
          return fail(meta, 'storage', String(err).slice(0, 200));
        }
      })().finally(() => inFlight.delete(id));
      inFlight.set(id, run);
      return run;
    },
    /**
     * Update every list that is due. `startup`: also every list not confirmed fresh within
     * one interval (the PC was off; backoff from before does not apply).
     */
    async runDue(opts: { startup?: boolean } = {}): Promise<string[]> {
      const now = deps.now();
      const metas = (await deps.lists.allMeta()).filter((m) => m.kind === 'subscription');
      const due = metas.filter((m) => (m.nextDue ?? 0) <= now || (opts.startup && now - (m.lastSuccess ?? 0) >= limits.intervalMs));
      // Safety net first: if the worker dies mid-update, this alarm retries.
      if (deps.alarms && due.length) await deps.alarms.create(UPDATE_ALARM, { when: now + 5 * 60_000 });
      for (const m of due) await api.update(m.id);
      await schedule();
      return due.map((m) => m.id);
    },
    schedule,
    backoff,
  };
  return api;
}
export type Updater = ReturnType<typeof createUpdater>;
