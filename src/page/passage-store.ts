/**
 * The page's current text, kept per block so a change re-reads one block instead of
 * the page, and grouped into buckets of about `bucketChars` so a change re-scans one
 * bucket instead of the page.
 *
 * The page verdict is the engine's (src/engine/page.ts): the content script hands it
 * every passage in reading order and only decides how much work goes between yields.
 * Buckets exist for memory: `dirty` says a bucket changed since the last pass.
 *
 * Buckets are assigned when an entry first appears and never move, so appending text
 * (a chat, an infinite feed) re-scans only the last bucket. When the total passes
 * `maxChars`, the oldest buckets that came from later changes are dropped first
 * (the page's first screenful, bucket 0, is kept).
 */
import type { Passage } from './visible-text';

export interface Entry {
  key: object;
  element: Element | null;
  texts: string[];
  chars: number;
  bucket: Bucket;
}

export interface Bucket {
  id: number;
  entries: Set<Entry>;
  chars: number;
  /** Needs a (re)scan. */
  dirty: boolean;
  /** Created by a later change (evictable) rather than the first read. */
  fromChange: boolean;
}

export interface StoreOptions {
  bucketChars?: number;
  maxChars?: number;
}

export function createPassageStore(opts: StoreOptions = {}) {
  const bucketChars = opts.bucketChars ?? 64_000;
  const maxChars = opts.maxChars ?? 2_500_000;
  const entries = new Map<object, Entry>();
  let buckets: Bucket[] = [];
  let total = 0;
  let nextId = 0;

  const newBucket = (fromChange: boolean): Bucket => {
    const b: Bucket = { id: nextId++, entries: new Set(), chars: 0, dirty: true, fromChange };
    buckets.push(b);
    return b;
  };

  const drop = (e: Entry) => {
    entries.delete(e.key);
    e.bucket.entries.delete(e);
    e.bucket.chars -= e.chars;
    e.bucket.dirty = true;
    total -= e.chars;
  };

  const evict = () => {
    while (total > maxChars) {
      const victim = buckets.find((b) => b.fromChange && b.entries.size > 0) ?? buckets.find((b, i) => i > 0 && b.entries.size > 0);
      if (!victim) break;
      for (const e of [...victim.entries]) drop(e);
    }
    buckets = buckets.filter((b, i) => i === buckets.length - 1 || b.entries.size > 0 || b.id === 0);
  };

  return {
    /** Set the texts of a block (empty = forget it). */
    set(key: object, element: Element | null, texts: string[], fromChange = false): void {
      const chars = texts.reduce((n, t) => n + t.length, 0);
      const old = entries.get(key);
      if (old) {
        if (chars === 0) {
          drop(old);
          return;
        }
        if (old.chars === chars && old.element === element && old.texts.length === texts.length && old.texts.every((t, i) => t === texts[i])) return;
        old.bucket.chars += chars - old.chars;
        total += chars - old.chars;
        old.texts = texts;
        old.chars = chars;
        old.element = element;
        old.bucket.dirty = true;
        return;
      }
      if (chars === 0) return;
      let bucket = buckets[buckets.length - 1];
      if (!bucket || bucket.chars >= bucketChars || bucket.fromChange !== fromChange) bucket = newBucket(fromChange);
      const e: Entry = { key, element, texts, chars, bucket };
      entries.set(key, e);
      bucket.entries.add(e);
      bucket.chars += chars;
      bucket.dirty = true;
      total += chars;
      if (total > maxChars) evict();
    },
    has: (key: object) => entries.has(key),
    delete(key: object): void {
      const e = entries.get(key);
      if (e) drop(e);
    },
    /** Forget every entry for which `alive` says false. */
    prune(alive: (key: object) => boolean): void {
      for (const e of [...entries.values()]) if (!alive(e.key)) drop(e);
    },
    keys: () => entries.keys(),
    total: () => total,
    buckets: () => buckets,
    clear(): void {
      entries.clear();
      buckets = [];
      total = 0;
    },
  };
}

export type PassageStore = ReturnType<typeof createPassageStore>;

/** The bucket's passages in reading order. */
export function bucketPassages(b: Bucket): Passage[] {
  const out: Passage[] = [];
  for (const e of b.entries) for (const text of e.texts) out.push({ text, element: e.element });
  return out;
}
