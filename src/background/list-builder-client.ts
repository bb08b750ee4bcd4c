/**
 * The list builder: a dedicated Worker (entrypoints/list-builder.ts) that parses a big
 * downloaded list, rebuilds the merged index and commits it to IndexedDB, so none of
 * that work (seconds, and the garbage collection of a million objects) runs on the thread
 * that answers navigation checks.
 *
 * Where the Worker lives:
 *   Firefox   the background is a page: it starts the Worker itself.
 *   Chromium  a service worker cannot start Workers, so an offscreen document (reason
 *             WORKERS) does it; the service worker talks to the document with the one
 *             protocol message `bg-builder/text-job`, and closes it after the job.
 * Only small things cross: the job (ids, meta, limits) and the result. The downloaded
 * bytes go through IndexedDB ('job:<id>', list-store.ts), the new index comes back the
 * same way ('merged').
 */
import { builderProtocol } from '../messaging/protocol';
import type { TextJobResult } from './list-rebuild';
import type { ListMeta } from './list-store';

/** What the builder is asked (validated on arrival with builderProtocol's request schema). */
export interface BuilderJob {
  jobId: string;
  meta: ListMeta;
  patch: Partial<ListMeta>;
  maxEntries: number;
  now: number;
  /** Download the list here (the worker only read its headers: it is big). */
  download?: { url: string; timeoutMs: number; maxBytes: number };
}

export interface ListBuilder {
  runText(job: BuilderJob): Promise<TextJobResult>;
}

/** Validate what came back (a crashed or foreign builder must not pass as a success). */
export function builderResult(raw: unknown): TextJobResult {
  // Looked up here, not at import: protocol schemas are built on first use (protocol.ts).
  const r = builderProtocol['bg-builder/text-job'].response.safeParse(raw);
  if (!r.success) throw new Error(`list builder answered nonsense: ${r.error.issues[0]?.message ?? 'bad result'}`);
  return r.data as TextJobResult;
}

/** Run one job in a fresh dedicated Worker, then end it (nothing is kept between jobs). */
export function runInWorker(makeWorker: () => Worker, job: BuilderJob, timeoutMs = 10 * 60_000): Promise<TextJobResult> {
  return new Promise((resolve, reject) => {
    const w = makeWorker();
    const done = (fn: () => void) => {
      clearTimeout(timer);
      w.terminate();
      fn();
    };
    const timer = setTimeout(() => done(() => reject(new Error('list builder timed out'))), timeoutMs);
    w.onmessage = (e: MessageEvent) => done(() => {
      try {
        resolve(builderResult(e.data));
      } catch (err) {
        reject(err);
      }
    });
    w.onerror = (e: ErrorEvent) => done(() => reject(new Error(`list builder failed: ${e.message}`)));
    w.postMessage({ type: 'bg-builder/text-job', payload: job });
  });
}

export interface OffscreenApi {
  createDocument(params: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

/** Chromium: the Worker in an offscreen document, opened for the job and closed after it. */
export function offscreenBuilder(offscreen: OffscreenApi, sendMessage: (msg: unknown) => Promise<unknown>, url: string): ListBuilder {
  return {
    async runText(job) {
      try {
        await offscreen.createDocument({ url, reasons: ['WORKERS'], justification: 'Build large blocklists in a worker so the browser stays responsive' });
      } catch (err) {
        // One offscreen document per extension: one already open (a worker restart) is fine.
        if (!/single offscreen|already/i.test(String(err))) throw err;
      }
      try {
        return builderResult(await sendMessage({ type: 'bg-builder/text-job', payload: job }));
      } finally {
        await offscreen.closeDocument().catch(() => undefined);
      }
    },
  };
}

/** Firefox (and any background with Workers): start the Worker directly. */
export function workerBuilder(scriptUrl: string): ListBuilder {
  return { runText: (job) => runInWorker(() => new Worker(scriptUrl), job) };
}

/**
 * Is this runtime message a list builder job from our own background? The offscreen
 * document hears every runtime message (content scripts' too): only a
 * `bg-builder/text-job` sent by our background script, from no tab, is taken. The
 * job's payload is validated again by the Worker (list-builder-job.ts).
 */
export function builderJobFrom(msg: unknown, sender: { id?: string; url?: string; tab?: unknown }, own: { id: string; backgroundUrl: string }): BuilderJob | null {
  if (!msg || typeof msg !== 'object' || (msg as { type?: unknown }).type !== 'bg-builder/text-job') return null;
  if (sender.id !== own.id || sender.tab !== undefined || sender.url !== own.backgroundUrl) return null;
  const payload = (msg as { payload?: unknown }).payload;
  return payload && typeof payload === 'object' ? (payload as BuilderJob) : null;
}
