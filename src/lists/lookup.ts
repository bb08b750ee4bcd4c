/**
 * URL → verdict over a CompactIndex, with the precedence of types.ts. PURE.
 *
 * Probes, most specific first (this order is what "most specific wins" means):
 *   1. urlPrefix keys: every Safe Browsing expression of the URL (≤ 30), only when the
 *      index holds URL prefixes at all;
 *   2. host key: the exact host; ip key when the host is an IP literal;
 *   3. domain keys: the host and each parent down to two labels (at most 10 labels are
 *      looked at), longest first.
 * `lookupUrl` decides from the index flags alone (synchronous; what the navigation guard
 * needs). `confirmVerdict` re-decides with the metadata records of the hits (fetched by
 * the glue by metaKey, only on a hit): it drops hash collisions (no record), expired
 * entries, and fills in `entry` (category, source, firstSeen).
 *
 *   index: listBlock domain "scam-demo.example", listAllow host "allowed-demo.example"
 *   lookupUrl(ix, "https://www.scam-demo.example/x") → block, match "scam-demo.example"
 *   lookupUrl(ix, "http://allowed-demo.example/")   → allow (allowlist)
 */
import { canonicalize, lookupExpressions, type CanonicalUrl } from '../url/canonicalize';
import { CompactIndex, LEVEL_BITS, metaKey, type IndexKey } from './compact-index';
import { normalizeIdentifier } from './entries';
import {
  KIND_SPECIFICITY,
  LIST_LEVELS,
  levelOf,
  type EntryKind,
  type IdentifierEntry,
  type IdentifierKind,
  type ListEntry,
  type ListLevel,
  type UrlVerdict,
} from './types';

export interface IndexHit {
  kind: EntryKind;
  /** The probed value: an expression, host, IP or domain suffix. */
  value: string;
  /** LEVEL_BITS mask of the levels this key is listed at. */
  levels: number;
  metaKey: string;
}

export interface UrlLookup {
  canonical: CanonicalUrl | null;
  /** Hits in probe order (most specific first). */
  hits: IndexHit[];
  verdict: UrlVerdict;
}

const NONE: UrlVerdict = Object.freeze({ result: 'none', type: 'none' }) as UrlVerdict;
const MAX_DOMAIN_LABELS = 10;

/** Probe the index for a URL (string or already canonical). */
export function lookupUrl(index: CompactIndex, url: string | CanonicalUrl): UrlLookup {
  let c: CanonicalUrl;
  if (typeof url === 'string') {
    const r = canonicalize(url);
    if (!r.ok) return { canonical: null, hits: [], verdict: NONE };
    c = r.url;
  } else c = url;
  const hits: IndexHit[] = [];
  const probe = (kind: EntryKind, value: string) => {
    const levels = index.levels(kind, value);
    if (levels) hits.push({ kind, value, levels, metaKey: metaKey(kind, value) });
  };
  if (index.hasKind('urlPrefix')) for (const e of lookupExpressions(c)) probe('urlPrefix', e);
  const host = c.host;
  if (c.isIp) probe('ip', host);
  else {
    probe('host', host);
    // Domain suffixes, longest first, at most MAX_DOMAIN_LABELS labels, at least two.
    let dots = 0;
    for (let i = host.length - 1; i >= 0; i--) if (host.charCodeAt(i) === 46) dots++;
    let pos = 0;
    let labels = dots + 1;
    while (labels > MAX_DOMAIN_LABELS) {
      pos = host.indexOf('.', pos) + 1;
      labels--;
    }
    while (labels >= 2) {
      probe('domain', pos === 0 ? host : host.slice(pos));
      pos = host.indexOf('.', pos) + 1;
      labels--;
    }
  }
  return { canonical: c, hits, verdict: resolveHits(hits) };
}

function verdictFor(level: ListLevel, hit: IndexHit, entry?: ListEntry): UrlVerdict {
  const allow = level === 'userAllow' || level === 'listAllow';
  const v: UrlVerdict = { result: allow ? 'allow' : 'block', type: allow ? 'allowlist' : 'blocklist', match: hit.value, level, metaKey: hit.metaKey };
  if (entry) v.entry = entry;
  return v;
}

/** Highest level wins; within it, the first (most specific) hit. */
export function resolveHits(hits: readonly IndexHit[]): UrlVerdict {
  if (hits.length === 0) return NONE;
  for (const level of LIST_LEVELS) {
    const bit = LEVEL_BITS[level];
    for (const h of hits) if (h.levels & bit) return verdictFor(level, h);
  }
  return NONE;
}

/**
 * Re-decide with the hits' metadata records (`records(metaKey)` → the entries stored under
 * that key, from any source). Entries that are expired at `now`, or whose level the index
 * did not flag, are ignored; a hit with no surviving entry was a hash collision or is stale.
 */
export function confirmVerdict(hits: readonly IndexHit[], records: (metaKey: string) => readonly ListEntry[] | undefined, now: number): UrlVerdict {
  type Cand = { level: ListLevel; hit: IndexHit; entry: ListEntry; order: number };
  const cands: Cand[] = [];
  hits.forEach((hit, order) => {
    for (const entry of records(hit.metaKey) ?? []) {
      if (entry.kind !== hit.kind || entry.value !== hit.value) continue;
      if (entry.expires !== undefined && entry.expires <= now) continue;
      const level = levelOf(entry);
      if (!(hit.levels & LEVEL_BITS[level])) continue;
      cands.push({ level, hit, entry, order });
    }
  });
  if (cands.length === 0) return NONE;
  cands.sort(
    (a, b) =>
      LIST_LEVELS.indexOf(a.level) - LIST_LEVELS.indexOf(b.level) ||
      a.order - b.order ||
      KIND_SPECIFICITY[b.entry.kind] - KIND_SPECIFICITY[a.entry.kind] ||
      b.entry.firstSeen - a.entry.firstSeen,
  );
  const best = cands[0]!;
  return verdictFor(best.level, best.hit, best.entry);
}

/** Index keys for entries (what CompactIndex.build takes). */
export function* indexKeysOf(entries: Iterable<Pick<ListEntry, 'kind' | 'value' | 'action' | 'source'>>): Generator<IndexKey> {
  for (const e of entries) yield { kind: e.kind, value: e.value, level: levelOf(e) };
}

/** Index keys for identifiers (phone, bank card …): always a block at the source's level. */
export function* identifierKeysOf(ids: Iterable<Pick<IdentifierEntry, 'kind' | 'value' | 'source'>>): Generator<IndexKey> {
  for (const e of ids) yield { kind: e.kind, value: e.value, level: levelOf({ source: e.source, action: 'block' }) };
}

/** Convenience: build an index straight from entries (and identifiers). */
export function buildIndex(
  entries: Iterable<Pick<ListEntry, 'kind' | 'value' | 'action' | 'source'>>,
  identifiers: Iterable<Pick<IdentifierEntry, 'kind' | 'value' | 'source'>> = [],
): CompactIndex {
  return CompactIndex.build(
    (function* () {
      yield* indexKeysOf(entries);
      yield* identifierKeysOf(identifiers);
    })(),
  );
}

/**
 * Is this identifier (as found on a page) listed? Returns the metaKey to confirm with, or
 * null. Allowed-by-user identifiers are not modelled: identifiers are block-only.
 *   lookupIdentifier(ix, 'phone', '+86 138 0013 8000') → "phone:13800138000" when listed
 */
export function lookupIdentifier(index: CompactIndex, kind: IdentifierKind, raw: string): string | null {
  const n = normalizeIdentifier(kind, raw);
  if (!n.ok) return null;
  return index.levels(kind, n.value) ? metaKey(kind, n.value) : null;
}
