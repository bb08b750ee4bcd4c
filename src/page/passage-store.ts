/**
 * The page's current text, kept per block so a change re-reads one block instead of
 * the page, and grouped into buckets of about `bucketChars` so a change re-scans one
 * bucket instead of the page.
 *
 * Why buckets and not one engine call per page: a single `scanPassages` call is
 * synchronous; on a 2 MB page it would block the page for tens of milliseconds. Why
 * not one call per passage: the engine judges passages *in context* (a news article
 * quoting a scammer next to "警方提醒" stays silent), so a normal page (under
 * `bucketChars` of text, i.e. nearly all pages) is always scanned whole, in one call.
 * Only bigger pages are split, and their bucket verdicts are merged (worst wins).
 *
 * Buckets are assigned when an entry first appears and never move, so appending text
 * (a chat, an infinite feed) re-scans only the last bucket. When the total passes
 * `maxChars`, the oldest buckets that came from later changes are dropped first
 * (the page's first screenful, bucket 0, is kept).
 */
import type { Evidence, Verdict } from '../engine/types';
import { levelRank } from '../engine/types';
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
  result: { verdict: Verdict; passages: Passage[] } | null;
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
    const b: Bucket = { id: nextId++, entries: new Set(), chars: 0, dirty: true, fromChange, result: null };
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

/** Split passages into runs of at most `maxChars` (one engine call each). */
export function chunkPassages(passages: readonly Passage[], maxChars: number): Passage[][] {
  const out: Passage[][] = [];
  let cur: Passage[] = [];
  let n = 0;
  for (const p of passages) {
    if (cur.length && n + p.text.length > maxChars) {
      out.push(cur);
      cur = [];
      n = 0;
    }
    cur.push(p);
    n += p.text.length;
  }
  if (cur.length) out.push(cur);
  return out;
}

/**
 * Merge verdicts of consecutive passage runs into one page verdict. The worst run
 * decides level and score; categories are the union (worst run first); evidence is
 * concatenated with `span.passage` shifted to index the concatenated passage list.
 * Worked example: runs of 3 and 2 passages; evidence at passage 1 of run 2 → passage 4.
 */
export function mergeVerdicts(parts: ReadonlyArray<{ verdict: Verdict; passageCount: number }>): Verdict {
  if (parts.length === 1) return parts[0]!.verdict;
  let worst: Verdict | null = null;
  const evidence: Evidence[] = [];
  let offset = 0;
  for (const { verdict, passageCount } of parts) {
    if (!worst || levelRank(verdict.level) > levelRank(worst.level) || (verdict.level === worst.level && verdict.score > worst.score)) worst = verdict;
    for (const e of verdict.evidence) {
      evidence.push(offset === 0 ? e : { ...e, spans: e.spans.map((s) => ({ ...s, passage: (s.passage ?? 0) + offset })) });
    }
    offset += passageCount;
  }
  if (!worst) return { level: 'none', score: 0, categories: [], evidence: [] };
  const categories = [...worst.categories];
  for (const { verdict } of parts) for (const c of verdict.categories) if (!categories.includes(c)) categories.push(c);
  evidence.sort((a, b) => b.weight - a.weight);
  return { level: worst.level, score: worst.score, categories, evidence };
}
