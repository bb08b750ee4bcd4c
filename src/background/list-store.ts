/**
 * Blacklist storage in IndexedDB (stores `lists` and `listBlobs` of src/background/db.ts).
 *
 *   lists      one metadata record per list (ListMeta), plus the small user list record
 *              (id 'user': the person's own allow/block hosts, checked before any list).
 *   listBlobs  'entries:<id>'  that list's entries (needed to rebuild the merged index)
 *              'ids:<id>'      that list's identifiers (phone, bank card, USDT, QQ, WeChat)
 *              'merged'        the serialized merged index of seed + subscriptions, its first
 *              'merged:<i>'    MERGED_PART bytes and the rest in parts read in parallel: no
 *                              single read deserializes megabytes on the worker's thread
 *              'generation'    the merged index's generation alone (cheap to read)
 *              'dnr'           which generation the DNR plan below belongs to, and its totals
 *              'dnr:b:<i>' / 'dnr:a:<i>'  the blocked / allowed domains the DNR rules are
 *                              built from, DNR_PLAN_CHUNK per record ('\n'-joined), so the
 *                              worker reads them one small record at a time
 *              'job:<id>'      a downloaded list handed to the list builder (deleted by it)
 *              'hitmeta:<b>'   entry metadata (category, source, firstSeen, expiry) in
 *                              HIT_META_BUCKETS shards keyed by metaKey ("domain:x.example");
 *                              the index holds no entry text, so a hit reads ONE shard
 *
 * Atomicity (see ARCHITECTURE.md lesson 8): a new list is parsed and the new merged index
 * is built ASIDE, in memory; then meta + entries + merged + dnr are written in ONE
 * readwrite transaction over both stores. A worker killed before the commit leaves the
 * old list; IndexedDB rolls an interrupted transaction back, so never half a list.
 */
import type { Db } from './db';
import type { IdentifierEntry, ListEntry } from '../lists/types';
import { identifierMetaKey } from '../lists/compact-index';
import { keyHashHex } from '../lists/hash';
import { jsonArraySteps, runSync, STEP, type Steps } from '../lists/slices';
import type { ListErrorCode, ListFormat } from '../lists/vocabulary';

export type ListKind = 'seed' | 'subscription';

// The list vocabulary (formats, error codes) lives in src/lists/vocabulary.ts.

export interface ListMeta {
  id: string;
  kind: ListKind;
  name: string;
  url?: string;
  format: ListFormat;
  /** Signed feeds: the pinned publisher public key (as given by the publisher). */
  publicKey?: string;
  /** Feed list version (signed feeds) or seed version. Never goes backwards. */
  version?: number;
  /** Signed feeds: the listId the publisher's manifest names (a different one is refused). */
  feedListId?: string;
  etag?: string;
  lastModified?: string;
  addedAt: number;
  /** Last time the list was confirmed current (200 applied, or 304 Not Modified). */
  lastSuccess?: number;
  lastAttempt?: number;
  lastError?: { code: ListErrorCode; detail?: string; at: number };
  /** Consecutive failures (drives exponential backoff). */
  failures: number;
  /** Earliest time the updater should try this list again. */
  nextDue?: number;
  entryCount: number;
  rejectedCount?: number;
}

export interface UserHost {
  host: string;
  addedAt: number;
}
export interface UserLists {
  id: 'user';
  allow: UserHost[];
  block: UserHost[];
}

export interface MergedRecord {
  id: 'merged';
  bytes: Uint8Array;
  generation: number;
  builtAt: number;
  [k: string]: unknown;
}

/** What the DNR rules are built from (domains only; see dnr.ts). */
export interface DnrPlanSource {
  block: string[];
  allow: string[];
  /** Blocked domains in the whole plan, when `block` holds only the first of them. */
  blockTotal?: number;
}

/** Domains per stored DNR plan record (one record ≈ 200 KB, parsed in about a millisecond). */
export const DNR_PLAN_CHUNK = 8000;

/** The DNR plan as stored: '\n'-joined domain chunks (UTF-8), built aside in steps. */
export interface EncodedDnrPlan {
  block: Uint8Array[];
  allow: Uint8Array[];
  blockTotal: number;
  allowTotal: number;
}

export function* encodeDnrPlanSteps(plan: DnrPlanSource, maxBlock = Infinity): Steps<EncodedDnrPlan> {
  const enc = new TextEncoder();
  const pieces = function* (xs: readonly string[]): Steps<Uint8Array[]> {
    const out: Uint8Array[] = [];
    for (let i = 0; i < xs.length; i += DNR_PLAN_CHUNK) {
      out.push(enc.encode(xs.slice(i, i + DNR_PLAN_CHUNK).join('\n')));
      yield;
    }
    return out;
  };
  // Only the first `maxBlock` blocked domains are ever installed (the DNR budget): the rest
  // is not stored (22 MB less to write for a 1M-entry list), only counted.
  return { block: yield* pieces(plan.block.length > maxBlock ? plan.block.slice(0, maxBlock) : plan.block), allow: yield* pieces(plan.allow), blockTotal: plan.block.length, allowTotal: plan.allow.length };
}
/** Bytes per stored part of the merged index and of a waiting download. */
export const MERGED_PART = 512 * 1024;
const partsOf = (bytes: Uint8Array): Uint8Array[] => {
  const out: Uint8Array[] = [];
  // slice, not subarray: a view would be cloned with its whole buffer.
  for (let o = 0; o < bytes.length || out.length === 0; o += MERGED_PART) out.push(bytes.slice(o, o + MERGED_PART));
  return out;
};
/** Parts copied into one buffer of `size` bytes as they come; `done()` is null if they fell short. */
function partsJoiner(size: number) {
  const out = new Uint8Array(size);
  let o = 0;
  return {
    /** False if this part overflows `size`. */
    add(part: Uint8Array | ArrayBuffer): boolean {
      const b = asBytes(part);
      if (o + b.length > size) return false;
      out.set(b, o);
      o += b.length;
      return true;
    },
    done: (): Uint8Array | null => (o === size ? out : null),
  };
}
const joinParts = (parts: ReadonlyArray<Uint8Array | ArrayBuffer>, size: number): Uint8Array | null => {
  const joined = partsJoiner(size);
  return parts.every((p) => joined.add(p)) ? joined.done() : null;
};

const dnrChunkKey = (kind: 'b' | 'a', i: number) => `dnr:${kind}:${i}`;
const decodeChunk = (bytes: ArrayBuffer | Uint8Array): string[] => {
  const text = new TextDecoder().decode(bytes);
  return text ? text.split('\n') : [];
};

export class StorageQuotaError extends Error {
  constructor(cause: unknown) {
    super(`storage quota exceeded: ${String(cause)}`);
    this.name = 'StorageQuotaError';
  }
}

export function isQuotaError(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name ?? '';
  return name === 'QuotaExceededError' || /quota/i.test(String(err));
}

// Entries are stored as compact tuples: [kind, value, action, category, firstSeen, expires?].
type EntryTuple = [ListEntry['kind'], string, ListEntry['action'], ListEntry['category'], number, number?];

const entryTuple = (e: ListEntry): EntryTuple =>
  e.expires === undefined ? [e.kind, e.value, e.action, e.category, e.firstSeen] : [e.kind, e.value, e.action, e.category, e.firstSeen, e.expires];

export function encodeEntries(entries: readonly ListEntry[]): Uint8Array {
  return runSync(encodeEntriesSteps(entries));
}
/** encodeEntries as steps (src/lists/slices.ts): same bytes, built in pieces. */
export const encodeEntriesSteps = (entries: readonly ListEntry[]): Steps<Uint8Array> => jsonArraySteps(entries, entryTuple);

export function decodeEntries(bytes: Uint8Array | ArrayBuffer, source: string): ListEntry[] {
  const tuples = JSON.parse(new TextDecoder().decode(bytes)) as EntryTuple[];
  return tuples.map(([kind, value, action, category, firstSeen, expires]) =>
    expires === undefined ? { kind, value, action, category, source, firstSeen } : { kind, value, action, category, source, firstSeen, expires },
  );
}

const entriesKey = (id: string) => `entries:${id}`;
const idsKey = (id: string) => `ids:${id}`;

// Identifiers are stored as [kind, value, category, firstSeen, expires?].
type IdTuple = [IdentifierEntry['kind'], string, IdentifierEntry['category'], number, number?];

const idTuple = (e: IdentifierEntry): IdTuple => (e.expires === undefined ? [e.kind, e.value, e.category, e.firstSeen] : [e.kind, e.value, e.category, e.firstSeen, e.expires]);

export function encodeIdentifiers(ids: readonly IdentifierEntry[]): Uint8Array {
  return runSync(encodeIdentifiersSteps(ids));
}
export const encodeIdentifiersSteps = (ids: readonly IdentifierEntry[]): Steps<Uint8Array> => jsonArraySteps(ids, idTuple);

export function decodeIdentifiers(bytes: Uint8Array | ArrayBuffer, source: string): IdentifierEntry[] {
  const tuples = JSON.parse(new TextDecoder().decode(bytes)) as IdTuple[];
  return tuples.map(([kind, value, category, firstSeen, expires]) =>
    expires === undefined ? { kind, value, category, source, firstSeen } : { kind, value, category, source, firstSeen, expires },
  );
}

/** 1,000,000 entries → ~250 per shard (~20 KB of JSON to parse on a hit). */
export const HIT_META_BUCKETS = 4096;
/** [source, action, category, firstSeen, expires?] */
export type HitMetaTuple = [string, ListEntry['action'], ListEntry['category'], number, number?];

/** Same key as src/lists/compact-index.ts metaKey(kind, value). */
export const metaKeyOf = (e: Pick<ListEntry, 'kind' | 'value'>) => `${e.kind}:${e.value}`;

/** FNV-1a over UTF-16 code units → shard number. */
export function hitMetaBucket(metaKey: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < metaKey.length; i++) {
    h ^= metaKey.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % HIT_META_BUCKETS;
}

/**
 * Shards of [metaKey, source, action, category, firstSeen, expires?] rows. Arrays, not
 * objects keyed by metaKey: 1M keys in objects cost ~10x more to build and stringify.
 */
export function buildHitMeta(entries: readonly ListEntry[], identifiers: readonly IdentifierEntry[] = []): Uint8Array[] {
  return runSync(buildHitMetaSteps(entries, identifiers));
}

/** buildHitMeta as steps (src/lists/slices.ts), for the worker. */
export function* buildHitMetaSteps(entries: readonly ListEntry[], identifiers: readonly IdentifierEntry[] = []): Steps<Uint8Array[]> {
  const shards: unknown[][][] = Array.from({ length: HIT_META_BUCKETS }, () => []);
  let n = 0;
  for (const e of entries) {
    const key = metaKeyOf(e);
    shards[hitMetaBucket(key)]!.push(e.expires === undefined ? [key, e.source, e.action, e.category, e.firstSeen] : [key, e.source, e.action, e.category, e.firstSeen, e.expires]);
    if ((++n & (STEP - 1)) === 0) yield;
  }
  // Identifiers under their hash (the page sends hashes): an identifier is always a block.
  for (const e of identifiers) {
    const key = identifierMetaKey(e.kind, keyHashHex(e.kind, e.value));
    shards[hitMetaBucket(key)]!.push(e.expires === undefined ? [key, e.source, 'block', e.category, e.firstSeen] : [key, e.source, 'block', e.category, e.firstSeen, e.expires]);
    if ((++n & (STEP - 1)) === 0) yield;
  }
  const enc = new TextEncoder();
  const out: Uint8Array[] = [];
  for (let b = 0; b < shards.length; b++) {
    out.push(enc.encode(JSON.stringify(shards[b])));
    shards[b] = [];
    if ((b & 63) === 63) yield;
  }
  return out;
}
const asBytes = (b: ArrayBuffer | Uint8Array): Uint8Array => (b instanceof Uint8Array ? b : new Uint8Array(b));

export function createListStore(db: () => Promise<Db>) {
  return {
    async allMeta(): Promise<ListMeta[]> {
      const rows = await (await db()).getAll('lists');
      return rows.filter((r) => r.id !== 'user') as unknown as ListMeta[];
    },
    async getMeta(id: string): Promise<ListMeta | null> {
      if (id === 'user') return null;
      return ((await (await db()).get('lists', id)) as unknown as ListMeta | undefined) ?? null;
    },
    /** Status-only write (attempt time, error, backoff): never touches entries or the index. */
    async putMeta(meta: ListMeta): Promise<void> {
      await (await db()).put('lists', meta as unknown as ListMeta & Record<string, unknown>);
    },
    async getEntries(id: string): Promise<ListEntry[]> {
      const row = await (await db()).get('listBlobs', entriesKey(id));
      return row ? decodeEntries(row.bytes, id) : [];
    },
    async getIdentifiers(id: string): Promise<IdentifierEntry[]> {
      const row = await (await db()).get('listBlobs', idsKey(id));
      return row ? decodeIdentifiers(row.bytes, id) : [];
    },
    /**
     * The merged index. `cold`: nothing answers until it is read (a worker waking up), so
     * all its parts in one request, the fastest way. Otherwise (a swap, while the current
     * index answers) one part after the other: each arrives (and is deserialized, and
     * copied into place) in its own task, so navigation checks answer in between. Asked
     * all at once they come back together, in one long task.
     */
    async loadMerged(opts: { cold?: boolean } = {}): Promise<MergedRecord | null> {
      const d = await db();
      const tx = d.transaction('listBlobs');
      const row = await tx.store.get('merged');
      if (!row) return null;
      const parts = Number(row.parts ?? 1);
      if (parts <= 1) return { ...row, bytes: asBytes(row.bytes) } as MergedRecord;
      const size = Number(row.size);
      if (!Number.isSafeInteger(size) || size < 0) return null;
      let all: Array<{ id: string; bytes: Uint8Array | ArrayBuffer; generation?: number }> | undefined;
      if (opts.cold) {
        // Keys 'merged:1' … sort as text ('merged:10' before 'merged:2'): placed by number.
        all = new Array(parts);
        all[0] = row;
        for (const r of await tx.store.getAll(IDBKeyRange.bound('merged:', 'merged;', false, true))) {
          const i = Number(String(r.id).slice('merged:'.length));
          if (Number.isInteger(i) && i > 0 && i < parts) all[i] = r;
        }
      }
      const joined = partsJoiner(size);
      for (let i = 0; i < parts; i++) {
        const r = all ? all[i] : i === 0 ? row : await tx.store.get(`merged:${i}`);
        if (!r || r.generation !== row.generation || !joined.add(r.bytes)) return null;
      }
      const bytes = joined.done();
      return bytes ? ({ ...row, bytes } as MergedRecord) : null;
    },
    /** Metadata of one key, read only on a hit (one shard). */
    async hitMeta(metaKey: string): Promise<HitMetaTuple[]> {
      const row = await (await db()).get('listBlobs', `hitmeta:${hitMetaBucket(metaKey)}`);
      if (!row) return [];
      const rows = JSON.parse(new TextDecoder().decode(row.bytes)) as Array<[string, ...HitMetaTuple]>;
      return rows.filter((r) => r[0] === metaKey).map((r) => r.slice(1) as HitMetaTuple);
    },
    /** Generation of the stored merged index (0: none), from a tiny record: no 8 MB read. */
    async currentGeneration(): Promise<number> {
      const d = await db();
      const row = await d.get('listBlobs', 'generation');
      if (row) return Number(row.generation ?? 0);
      return Number((await d.get('listBlobs', 'merged'))?.generation ?? 0);
    },
    /**
     * The DNR plan of the stored generation: the first `maxBlock` blocked domains (the DNR
     * budget; no more is stored: list-rebuild.ts) and every allowed one, read one small
     * record at a time so the worker is never busy for long; `blockTotal` tells how many
     * the whole plan has.
     */
    async loadDnrSource(maxBlock = Infinity): Promise<(DnrPlanSource & { generation: number; blockTotal: number }) | null> {
      const d = await db();
      const row = await d.get('listBlobs', 'dnr');
      if (!row) return null;
      const generation = Number(row.generation ?? 0);
      if (typeof row.blockChunks !== 'number') {
        // Stored by an earlier version: one JSON record.
        const parsed = JSON.parse(new TextDecoder().decode(row.bytes)) as DnrPlanSource;
        return { block: parsed.block.slice(0, maxBlock), allow: parsed.allow, blockTotal: parsed.block.length, generation };
      }
      const read = async (kind: 'b' | 'a', chunks: number, max: number): Promise<string[]> => {
        const out: string[] = [];
        for (let i = 0; i < chunks && out.length < max; i++) {
          const r = await d.get('listBlobs', dnrChunkKey(kind, i));
          for (const x of r ? decodeChunk(r.bytes) : []) if (out.length < max) out.push(x);
        }
        return out;
      };
      const block = await read('b', Number(row.blockChunks), maxBlock);
      const allow = await read('a', Number(row.allowChunks ?? 0), Infinity);
      return { block, allow, blockTotal: Number(row.blockTotal ?? block.length), generation };
    },
    /** How many domains the stored DNR plan has (one small read). */
    async dnrPlanSize(): Promise<{ generation: number; block: number; allow: number } | null> {
      const row = await (await db()).get('listBlobs', 'dnr');
      if (!row) return null;
      if (typeof row.blockTotal !== 'number') return { generation: Number(row.generation ?? 0), block: Infinity, allow: 0 };
      return { generation: Number(row.generation ?? 0), block: row.blockTotal, allow: Number(row.allowTotal ?? 0) };
    },
    /** A downloaded list waiting for the list builder (written by the worker, read by the builder). */
    async putJobBytes(id: string, bytes: Uint8Array): Promise<void> {
      const d = await db();
      const tx = d.transaction('listBlobs', 'readwrite');
      tx.store.delete(IDBKeyRange.bound(`job:${id}:`, `job:${id};`, false, true)).catch(() => undefined);
      // One part per task (each put copies and clones its part right away): the worker stays free.
      let parts = 0;
      for (let o = 0; o < bytes.length || parts === 0; o += MERGED_PART) await tx.store.put({ id: `job:${id}:${parts++}`, bytes: bytes.slice(o, o + MERGED_PART) });
      await tx.store.put({ id: `job:${id}`, bytes: new Uint8Array(0), parts, size: bytes.length });
      await tx.done;
    },
    async takeJobBytes(id: string): Promise<Uint8Array | null> {
      const d = await db();
      const row = await d.get('listBlobs', `job:${id}`);
      if (!row) return null;
      const parts = await Promise.all(Array.from({ length: Number(row.parts ?? 0) }, (_, i) => d.get('listBlobs', `job:${id}:${i}`)));
      await this.dropJobBytes(id);
      if (parts.some((p) => !p)) return null;
      return joinParts(parts.map((p) => p!.bytes), Number(row.size));
    },
    async dropJobBytes(id: string): Promise<void> {
      const tx = (await db()).transaction('listBlobs', 'readwrite');
      await Promise.all([tx.store.delete(`job:${id}`), tx.store.delete(IDBKeyRange.bound(`job:${id}:`, `job:${id};`, false, true)), tx.done]);
    },
    async getUserLists(): Promise<UserLists> {
      const row = (await (await db()).get('lists', 'user')) as unknown as UserLists | undefined;
      return row ?? { id: 'user', allow: [], block: [] };
    },
    async putUserLists(lists: UserLists): Promise<void> {
      await (await db()).put('lists', lists as unknown as UserLists & Record<string, unknown>);
    },
    /**
     * The one atomic swap: list meta + its entries (or their removal) + the merged index +
     * the DNR source, in a single transaction. Throws StorageQuotaError on quota.
     */
    async commit(change: {
      meta?: ListMeta;
      entries?: readonly ListEntry[];
      identifiers?: readonly IdentifierEntry[];
      removeId?: string;
      /** entries / identifiers already encoded aside (encodeEntriesSteps), so the transaction does no long work. */
      encoded?: { entries?: Uint8Array; identifiers?: Uint8Array };
      merged: { bytes: Uint8Array; generation: number; builtAt: number };
      /** The DNR plan, encoded aside (encodeDnrPlanSteps). */
      dnr: EncodedDnrPlan;
      /** HIT_META_BUCKETS shards from buildHitMeta (all rewritten: no stale shard survives). */
      hitMeta: Uint8Array[];
    }): Promise<void> {
      const d = await db();
      const tx = d.transaction(['lists', 'listBlobs'], 'readwrite');
      const lists = tx.objectStore('lists');
      const blobs = tx.objectStore('listBlobs');
      try {
        const writes: Promise<unknown>[] = [];
        // Every request promise gets a handler right away: if a later write throws, the
        // transaction aborts and these reject; the abort surfaces once, through tx.done.
        const track = (...ps: Promise<unknown>[]) => ps.forEach((p) => writes.push(p.catch(() => undefined)));
        tx.done.catch(() => undefined);
        if (change.removeId) {
          track(lists.delete(change.removeId), blobs.delete(entriesKey(change.removeId)), blobs.delete(idsKey(change.removeId)));
        }
        if (change.meta) {
          track(lists.put(change.meta as unknown as ListMeta & Record<string, unknown>));
          if (change.entries) track(blobs.put({ id: entriesKey(change.meta.id), bytes: change.encoded?.entries ?? encodeEntries(change.entries) }));
          if (change.entries || change.identifiers) {
            track(blobs.put({ id: idsKey(change.meta.id), bytes: change.encoded?.identifiers ?? encodeIdentifiers(change.identifiers ?? []) }));
          }
        }
        track(blobs.put({ id: 'generation', bytes: new Uint8Array(0), generation: change.merged.generation }));
        const parts = partsOf(change.merged.bytes);
        track(blobs.delete(IDBKeyRange.bound('merged:', 'merged;', false, true)));
        parts.slice(1).forEach((bytes, i) => track(blobs.put({ id: `merged:${i + 1}`, bytes, generation: change.merged.generation })));
        track(blobs.put({ id: 'merged', bytes: parts[0]!, parts: parts.length, size: change.merged.bytes.length, generation: change.merged.generation, builtAt: change.merged.builtAt }));
        change.hitMeta.forEach((bytes, b) => track(blobs.put({ id: `hitmeta:${b}`, bytes })));
        const { dnr } = change;
        // Old plan records go (keys 'dnr:…' sort between 'dnr:' and 'dnr;'), the new ones come in.
        track(blobs.delete(IDBKeyRange.bound('dnr:', 'dnr;', false, true)));
        dnr.block.forEach((bytes, i) => track(blobs.put({ id: dnrChunkKey('b', i), bytes })));
        dnr.allow.forEach((bytes, i) => track(blobs.put({ id: dnrChunkKey('a', i), bytes })));
        track(blobs.put({ id: 'dnr', bytes: new Uint8Array(0), generation: change.merged.generation, blockChunks: dnr.block.length, allowChunks: dnr.allow.length, blockTotal: dnr.blockTotal, allowTotal: dnr.allowTotal }));
        await Promise.all(writes);
        await tx.done;
      } catch (err) {
        try {
          tx.abort();
        } catch {
          /* already finished or aborted */
        }
        if (isQuotaError(err)) throw new StorageQuotaError(err);
        throw err;
      }
    },
  };
}
export type ListStore = ReturnType<typeof createListStore>;
