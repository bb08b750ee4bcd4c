/**
 * The one list rebuild: every stored list (plus a change) → the merged index, the DNR
 * plan, the hit metadata shards, all built ASIDE and written in ONE transaction
 * (list-store.ts commit). And the one text-list job: decode → parse → keep firstSeen →
 * rebuild.
 *
 * Written once, driven two ways (`drive`):
 *   - in the service worker, in slices (src/lists/slices.ts runSliced), for small lists;
 *   - in the list builder (entrypoints/list-builder.ts, a dedicated Worker: Chromium
 *     hosts it in the offscreen document, Firefox in the background page), at once, for
 *     big ones: then not one millisecond of parsing, sorting or garbage collection for a
 *     1,000,000-entry list happens on the thread that answers navigations.
 *
 * No extension API here: the store (IndexedDB) and the engine are passed in.
 */
import type { IdentifierEntry, ListEntry } from '../lists/types';
import { runSliced, runSync, SLICE_MS, STEP, type SliceStats, type Steps } from '../lists/slices';
import type { ListErrorCode, TextListFormat } from '../lists/vocabulary';
import type { CompiledIndex, ListEngine } from './list-engine';
import { buildHitMetaSteps, encodeDnrPlanSteps, encodeEntriesSteps, encodeIdentifiersSteps, StorageQuotaError, type DnrPlanSource, type ListMeta, type ListStore } from './list-store';
import { DEFAULT_DNR_OPTIONS } from './dnr';

/** Runs step generators to completion: sliced (worker) or at once (list builder, CLI). */
export type Drive = <T>(steps: Steps<T>) => Promise<T>;

export const slicedDrive = (stats?: SliceStats): Drive => (steps) => runSliced(steps, SLICE_MS, stats);
export const atOnceDrive: Drive = async (steps) => runSync(steps);

export interface RebuildDeps {
  store: ListStore;
  engine: ListEngine;
  now: () => number;
  drive: Drive;
}

export interface ListChange {
  meta?: ListMeta;
  entries?: ListEntry[];
  identifiers?: IdentifierEntry[];
  removeId?: string;
}

/** The DNR plan from entries: domains (and IPs) only, allow beats block. */
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

export function dnrPlanFrom(entries: readonly ListEntry[], now: number): DnrPlanSource {
  return runSync(dnrPlanSteps(entries, now));
}

/** Carry `firstSeen` over from the entries a list had before ("listed since" stays true). */
export function* keepFirstSeenSteps<E extends { kind: string; value: string; firstSeen: number }>(before: readonly E[], next: E[], keyOf: (e: E) => string): Steps<E[]> {
  if (before.length === 0) return next;
  const seen = new Map<string, number>();
  for (let i = 0; i < before.length; i++) {
    seen.set(keyOf(before[i]!), before[i]!.firstSeen);
    if ((i & (STEP - 1)) === STEP - 1) yield;
  }
  const out = new Array<E>(next.length);
  for (let i = 0; i < next.length; i++) {
    const e = next[i]!;
    const s = seen.get(keyOf(e));
    out[i] = s !== undefined && s < e.firstSeen ? { ...e, firstSeen: s } : e;
    if ((i & (STEP - 1)) === STEP - 1) yield;
  }
  return out;
}
export const entryKey = (e: Pick<ListEntry, 'kind' | 'value' | 'action'>) => `${e.kind}|${e.value}|${e.action}`;
export const identifierKey = (e: Pick<IdentifierEntry, 'kind' | 'value'>) => `${e.kind}|${e.value}`;

export interface Rebuilt {
  generation: number;
  index: CompiledIndex;
  entries: number;
  timings: { buildMs: number; commitMs: number };
}

/** Rebuild the merged index from every stored list plus `change`, and commit it atomically. */
export async function rebuildStored(deps: RebuildDeps, change: ListChange, clock: () => number = () => 0): Promise<Rebuilt> {
  const { store, engine, drive } = deps;
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
  const t0 = clock();
  const built = await drive(engine.buildIndexSteps(all, ids));
  const generation = (await store.currentGeneration()) + 1;
  const plan = await drive(dnrPlanSteps(all, deps.now()));
  const dnr = await drive(encodeDnrPlanSteps(plan, DEFAULT_DNR_OPTIONS.maxDomains));
  const hitMeta = await drive(buildHitMetaSteps(all, ids));
  const encoded = {
    entries: change.entries ? await drive(encodeEntriesSteps(change.entries)) : undefined,
    identifiers: change.entries || change.identifiers ? await drive(encodeIdentifiersSteps(change.identifiers ?? [])) : undefined,
  };
  const bytes = built.toBytes();
  const t1 = clock();
  await store.commit({ ...change, encoded, merged: { bytes, generation, builtAt: deps.now() }, dnr, hitMeta });
  return { generation, index: built, entries: all.length, timings: { buildMs: t1 - t0, commitMs: clock() - t1 } };
}

/** A text list to parse and swap in (a subscription's new download). */
export interface TextJob {
  meta: ListMeta;
  /** Fields to set on the stored meta when the swap commits (freshness, etag …). */
  patch: Partial<ListMeta>;
  /** The downloaded list; or, for the list builder only, where to download it (`download`). */
  bytes?: Uint8Array;
  download?: { url: string; timeoutMs: number; maxBytes: number };
  maxEntries: number;
}

export type TextJobResult = { ok: true; generation: number; entryCount: number; rejected: number } | { ok: false; code: ListErrorCode; detail?: string };

/**
 * Decode, parse, keep firstSeen, rebuild and commit one text list. Never throws: every
 * failure is a list error code the updater records (backoff), and nothing stored changes.
 */
export async function runTextJob(deps: RebuildDeps, job: TextJob): Promise<TextJobResult & { index?: CompiledIndex }> {
  const { meta } = job;
  const now = deps.now();
  if (!job.bytes) return { ok: false, code: 'storage', detail: 'no downloaded list' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(job.bytes);
  } catch {
    return { ok: false, code: 'bad-format', detail: 'not UTF-8 text' };
  }
  try {
    await deps.engine.ready(); // the Public Suffix List, on first need (src/url/url-data.ts)
  } catch (err) {
    return { ok: false, code: 'storage', detail: String(err).slice(0, 200) };
  }
  const parsed = await deps.drive(deps.engine.parseListSteps(text, meta.format as TextListFormat, meta.id, now));
  if (!parsed.ok) return { ok: false, code: parsed.code, detail: parsed.detail };
  if (parsed.entries.length === 0 && parsed.identifiers.length === 0) return { ok: false, code: 'empty', detail: `${parsed.rejected} lines refused` };
  const count = parsed.entries.length + parsed.identifiers.length;
  if (count > job.maxEntries) return { ok: false, code: 'too-large', detail: `${count} entries` };
  try {
    const entries = await deps.drive(keepFirstSeenSteps(await deps.store.getEntries(meta.id), parsed.entries, entryKey));
    const identifiers = await deps.drive(keepFirstSeenSteps(await deps.store.getIdentifiers(meta.id), parsed.identifiers, identifierKey));
    const current = (await deps.store.getMeta(meta.id)) ?? meta;
    const next: ListMeta = { ...current, ...job.patch, rejectedCount: parsed.rejected, entryCount: count };
    const r = await rebuildStored(deps, { meta: next, entries, identifiers });
    return { ok: true, generation: r.generation, entryCount: count, rejected: parsed.rejected, index: r.index };
  } catch (err) {
    if (err instanceof StorageQuotaError) return { ok: false, code: 'quota' };
    return { ok: false, code: 'storage', detail: String(err).slice(0, 200) };
  }
}
