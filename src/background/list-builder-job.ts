/**
 * What the list builder Worker (entrypoints/list-builder.ts) does with one job: validate
 * it, take the downloaded bytes the background left in IndexedDB, and run the same text
 * job the background would (list-rebuild.ts runTextJob), at once: this thread answers
 * nothing else. The result is small; the new index reaches the background through
 * IndexedDB. No extension API: only IndexedDB, which a Worker of our origin shares.
 */
import { builderProtocol } from '../messaging/protocol';
import type { Db } from './db';
import { createListStore, type ListMeta } from './list-store';
import { sentinelEngine } from './list-engine';
import { atOnceDrive, runTextJob, type TextJobResult } from './list-rebuild';
import { fetchCapped, type FetchFn } from './fetch-capped';

export async function runBuilderJob(raw: unknown, db: () => Promise<Db>, fetchFn: FetchFn = (url, init) => fetch(url, init)): Promise<TextJobResult> {
  const type = (raw as { type?: unknown } | null)?.type;
  if (type !== 'bg-builder/text-job') return { ok: false, code: 'bad-format', detail: 'not a list builder job' };
  const parsed = builderProtocol['bg-builder/text-job'].request.safeParse((raw as { payload?: unknown }).payload);
  if (!parsed.success) return { ok: false, code: 'bad-format', detail: `invalid job: ${parsed.error.issues[0]?.message ?? 'bad payload'}`.slice(0, 200) };
  const job = parsed.data;
  const store = createListStore(db);
  let bytes: Uint8Array | null;
  let patch = job.patch as Partial<ListMeta>;
  if (job.download) {
    // The worker saw only the headers of this big download: fetch it here, with its caps.
    const got = await fetchCapped(fetchFn, job.download.url, { timeoutMs: job.download.timeoutMs, maxBytes: job.download.maxBytes });
    if (!got.ok) return { ok: false, code: got.code, ...(got.detail ? { detail: got.detail } : {}) };
    if (got.status !== 200) return { ok: false, code: 'http', detail: String(got.status) };
    bytes = got.bytes;
    patch = { ...patch, etag: got.etag, lastModified: got.lastModified };
  } else {
    bytes = await store.takeJobBytes(job.jobId);
  }
  if (!bytes) return { ok: false, code: 'storage', detail: 'the downloaded list was not found' };
  const r = await runTextJob(
    { store, engine: sentinelEngine, now: () => job.now, drive: atOnceDrive },
    { meta: job.meta as unknown as ListMeta, patch, bytes, maxEntries: job.maxEntries },
  );
  return r.ok ? { ok: true, generation: r.generation, entryCount: r.entryCount, rejected: r.rejected } : r;
}
