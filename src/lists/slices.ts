/**
 * Long list work (parsing, index building, encoding 1,000,000 entries) written ONCE as a
 * generator that `yield`s every few thousand items, and driven in one of two ways:
 *
 *   runSync(steps)          to completion, in one go (CLI, unit tests, small lists)
 *   runSliced(steps, ms)    in slices of about `ms` milliseconds, giving the event loop
 *                           back between slices (the service worker: navigation checks
 *                           keep answering while a big subscription is built aside)
 *
 * Pure: no extension API. The yielder is setTimeout(0), which every JS host has.
 */
export type Steps<T> = Generator<void, T, void>;

/** Longest stretch list work keeps the worker's event loop (ms) before it yields. */
export const SLICE_MS = 4;

/** Items between two yields of a step generator (cheap enough to check the clock this often). */
export const STEP = 4096;

export function runSync<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export interface SliceStats {
  slices: number;
  /** Longest slice, ms (one yield step may overrun the budget a little). */
  longestMs: number;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Drive `steps`, handing the event loop back whenever a slice has run `budgetMs`. */
export async function runSliced<T>(steps: Steps<T>, budgetMs = SLICE_MS, stats?: SliceStats): Promise<T> {
  let t0 = now();
  for (;;) {
    const r = steps.next();
    if (r.done) {
      if (stats) {
        stats.slices++;
        stats.longestMs = Math.max(stats.longestMs, now() - t0);
      }
      return r.value;
    }
    const t = now();
    if (t - t0 >= budgetMs) {
      if (stats) {
        stats.slices++;
        stats.longestMs = Math.max(stats.longestMs, t - t0);
      }
      await yieldToLoop();
      t0 = now();
    }
  }
}

/** `items.map(fn)` as steps. */
export function* mapSteps<A, B>(items: readonly A[], fn: (a: A) => B): Steps<B[]> {
  const out = new Array<B>(items.length);
  for (let i = 0; i < items.length; i++) {
    out[i] = fn(items[i]!);
    if ((i & (STEP - 1)) === STEP - 1) yield;
  }
  return out;
}

/**
 * JSON of a large array, built in pieces (one JSON.stringify of 1M tuples is a single
 * task of a second or more): the same bytes as TextEncoder(JSON.stringify(items.map(fn))).
 */
export function* jsonArraySteps<A>(items: readonly A[], fn: (a: A) => unknown): Steps<Uint8Array> {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (let i = 0; i < items.length; i += STEP) {
    const chunk = items.slice(i, i + STEP).map(fn);
    const json = JSON.stringify(chunk);
    // "[a,b]" → "a,b"; pieces joined with ",".
    const piece = enc.encode((i === 0 ? '' : ',') + json.slice(1, -1));
    parts.push(piece);
    total += piece.length;
    yield;
  }
  const out = new Uint8Array(total + 2);
  out[0] = 0x5b; // [
  let o = 1;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  out[o] = 0x5d; // ]
  return out;
}
