/**
 * One download of a list or feed part: a GET with a timeout over the whole transfer and a
 * byte cap enforced while streaming, conditional on ETag / Last-Modified. No extension
 * API: used by the updater in the worker and by the list builder Worker alike.
 */
import type { ListErrorCode } from '../lists/vocabulary';

export type FetchFn = (url: string, init: { headers: Record<string, string>; signal: AbortSignal; cache: 'no-store'; credentials: 'omit' }) => Promise<Response>;

export type FetchOutcome =
  | { ok: true; status: 304; etag?: string; lastModified?: string }
  | { ok: true; status: 200; bytes: Uint8Array; etag?: string; lastModified?: string }
  | { ok: true; status: 'deferred'; length: number; etag?: string; lastModified?: string }
  | { ok: false; code: ListErrorCode; detail?: string };

export interface FetchOptions {
  etag?: string;
  lastModified?: string;
  maxBytes?: number;
  /**
   * A body of at least this many bytes, or of no declared length (chunked, or encoded),
   * is not read here: the outcome is `deferred`, and the list builder downloads it off
   * this thread.
   */
  deferAbove?: number;
}

/** GET with a timeout over the whole transfer and a byte cap enforced while streaming. */
export async function fetchCapped(fetchFn: FetchFn, url: string, opts: FetchOptions & { timeoutMs: number; maxBytes: number }): Promise<FetchOutcome> {
  const ac = new AbortController();
  let timedOut = false;
  let onTimeout: () => void = () => undefined;
  // Raced against every await below: a fetch or body stream that ignores the abort
  // signal still cannot hold the update forever.
  const expired = new Promise<never>((_, reject) => {
    onTimeout = () => reject(new Error('timeout'));
  });
  expired.catch(() => undefined);
  const timer = setTimeout(() => {
    timedOut = true;
    ac.abort();
    onTimeout();
  }, opts.timeoutMs);
  const headers: Record<string, string> = {};
  if (opts.etag) headers['If-None-Match'] = opts.etag;
  if (opts.lastModified) headers['If-Modified-Since'] = opts.lastModified;
  let received = 0;
  let lengthKnown = false;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    const res = await Promise.race([fetchFn(url, { headers, signal: ac.signal, cache: 'no-store', credentials: 'omit' }), expired]);
    const etag = res.headers.get('etag') ?? undefined;
    const lastModified = res.headers.get('last-modified') ?? undefined;
    if (res.status === 304) return { ok: true, status: 304, etag, lastModified };
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, code: 'http', detail: String(res.status) };
    }
    // The declared length counts bytes on the wire: with a Content-Encoding (gzip, br)
    // the body we read is the decoded text, longer, so that length says nothing of it.
    const encoding = (res.headers.get('content-encoding') ?? '').trim().toLowerCase();
    const wireLength = Number(res.headers.get('content-length') ?? NaN);
    const declared = encoding === '' || encoding === 'identity' ? wireLength : NaN;
    if (Number.isFinite(declared) && declared > opts.maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, code: 'too-large', detail: String(declared) };
    }
    if (opts.deferAbove !== undefined && !(Number.isFinite(declared) && declared < opts.deferAbove)) {
      // Big, or of unknown size (chunked, or encoded: gzip): the list builder downloads it
      // (a second GET, off this thread); stop this one before reading any of the body.
      // Even reading the first chunks here holds this thread: Chromium moves everything
      // already in the pipe (megabytes) into the stream in one task.
      await res.body?.cancel().catch(() => undefined);
      ac.abort();
      return { ok: true, status: 'deferred', length: declared, etag, lastModified }; // NaN: unknown
    }
    if (!res.body) return { ok: false, code: 'truncated' };
    if (Number.isFinite(declared)) {
      // Length known and within the cap: let the browser read the body natively (no
      // chunk-by-chunk copying on this thread, which also answers navigation checks).
      lengthKnown = true;
      const whole = new Uint8Array(await Promise.race([res.arrayBuffer(), expired]));
      received = whole.byteLength;
      if (received !== declared) return { ok: false, code: 'truncated', detail: `${received}/${declared}` };
      return { ok: true, status: 200, bytes: whole, etag, lastModified };
    }
    // Length unknown (chunked) or encoded: streamed, the cap counted on the decoded bytes
    // (a small gzip body cannot unpack into gigabytes here).
    reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), expired]);
      if (done) break;
      received += value.byteLength;
      if (received > opts.maxBytes) {
        await reader.cancel().catch(() => undefined);
        ac.abort();
        return { ok: false, code: 'too-large', detail: `>${opts.maxBytes}` };
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(received);
    let off = 0;
    for (const c of chunks) {
      bytes.set(c, off);
      off += c.byteLength;
    }
    return { ok: true, status: 200, bytes, etag, lastModified };
  } catch (err) {
    if (timedOut) {
      reader?.cancel().catch(() => undefined);
      return { ok: false, code: 'timeout' };
    }
    // A connection dropped after some bytes arrived is a truncated download.
    return { ok: false, code: received > 0 || lengthKnown ? 'truncated' : 'network', detail: String(err).slice(0, 200) };
  } finally {
    clearTimeout(timer);
  }
}
