/**
 * URL → verdict over a CompactIndex, with the precedence of types.ts. PURE.
 *
 * Probes, most specific first (this order is what "most specific wins" means):
 *   1. urlPrefix keys: the Safe Browsing expressions of the URL (≤ 30), only for host
 *      suffixes that carry a 'urlPrefixHost' marker (most carry none);
 *   2. host key: the exact host; ip key when the host is an IP literal;
 *   3. domain keys: the host and each parent down to two labels (suffixes of at most 10
 *      labels), longest first.
 * Keys are hashed straight from the host string (no substrings), so a miss allocates
 * nothing but the result object.
 * `lookupUrl` decides from the index flags alone (synchronous; what the navigation guard
 * needs). `confirmVerdict` re-decides with the metadata records of the hits (fetched by
 * the glue by metaKey, only on a hit): it drops hash collisions (no record), expired
 * entries, and fills in `entry` (category, source, firstSeen).
 *
 *   index: listBlock domain "scam-demo.example", listAllow host "allowed-demo.example"
 *   lookupUrl(ix, "https://www.scam-demo.example/x") → block, match "scam-demo.example"
 *   lookupUrl(ix, "http://allowed-demo.example/")   → allow (allowlist)
 */
import { canonicalize, canonicalizeFast, type CanonicalUrl } from '../url/canonicalize';
import { hashKey, hashPrefixes, hostSuffixHashes } from './hash';
import { CompactIndex, LEVEL_BITS, metaKey, type IndexKey } from './compact-index';
import { normalizeIdentifier } from './entries';
import type { Steps } from './slices';
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

const MAX_CUTS = 8;
/** Label-aligned suffixes hashed per host; hosts with more labels are only probed on their last ones. */
const MAX_SUFFIXES = 11;
const starts = new Int32Array(MAX_SUFFIXES);
/** Probes of one host, filtered together (CompactIndex.filterMask): domain suffixes, markers, exact host. */
const PROBES = 2 * MAX_SUFFIXES + 1;
const probeHi = new Uint32Array(PROBES);
const probeLo = new Uint32Array(PROBES);
const words = new Uint32Array(PROBES);
const markHi = new Uint32Array(MAX_SUFFIXES);
const markLo = new Uint32Array(MAX_SUFFIXES);
const cuts = new Int32Array(MAX_CUTS);
const outHi = new Uint32Array(MAX_CUTS);
const outLo = new Uint32Array(MAX_CUTS);
const one = new Uint32Array(2);

/** Probe the index for a URL (string or already canonical). Allocates nothing on a miss but the result. */
export function lookupUrl(index: CompactIndex, url: string | CanonicalUrl): UrlLookup {
  let c: CanonicalUrl;
  if (typeof url === 'string') {
    const fast = canonicalizeFast(url); // = canonicalize(url) when it answers, without the wrapper
    if (fast) c = fast;
    else {
      const r = canonicalize(url);
      if (!r.ok) return { canonical: null, hits: [], verdict: NONE };
      c = r.url;
    }
  } else c = url;
  let prefixHits: IndexHit[] | null = null;
  let hits: IndexHit[] | null = null;
  const host = c.host;
  const withPrefixes = index.hasKind('urlPrefix');
  // Every lookup path is a prefix of tail = "path?query": hashed in one pass per host suffix.
  // Computed only when a URL-prefix probe is due (behind a marker; most lookups have none).
  let tail: string | null = null;
  let ncuts = 0;
  if (c.isIp) {
    if (withPrefixes) {
      tail = tailOf(c);
      ncuts = pathCuts(c, tail);
      prefixHits = probePaths(index, host, 0, tail, ncuts, prefixHits);
    }
    hits = probe(index, 'ip', host, hits);
  } else {
    // One backward pass hashes the exact host ('host' key) and every label-aligned suffix
    // (shortest first, k = 0 is the TLD); probe the host, then the suffixes longest first:
    //   domain keys for suffixes of 2..MAX_DOMAIN_LABELS labels;
    //   URL-prefix paths for the Safe Browsing host set (exact host + suffixes of ≤ 5 labels).
    // Slots of probeHi/probeLo: [0, count) domain suffixes, then the exact host, then
    // (with URL prefixes) [count + 1, 2 count + 1) the markers.
    const count = hostSuffixHashes(host, starts, probeHi, probeLo, markHi, markLo, one);
    probeHi[count] = one[0]!;
    probeLo[count] = one[1]!;
    let nprobes = count + 1;
    if (withPrefixes) {
      for (let k = 0; k < count; k++) {
        probeHi[nprobes] = markHi[k]!;
        probeLo[nprobes++] = markLo[k]!;
      }
    }
    // The filter in front of the table answers most probes (absent keys), its reads overlapping.
    const maybe = index.filterMask(probeHi, probeLo, nprobes, words);
    if (maybe & (1 << count)) {
      const hostLevels = index.find(one[0]!, one[1]!);
      if (hostLevels) hits = [hit('host', host, hostLevels)];
    }
    for (let k = count - 1; k >= 1; k--) {
      const nLabels = k + 1;
      const pos = starts[k]!;
      if (nLabels <= MAX_DOMAIN_LABELS && maybe & (1 << k)) {
        const levels = index.find(probeHi[k]!, probeLo[k]!);
        if (levels) (hits ??= []).push(hit('domain', pos === 0 ? host : host.slice(pos), levels));
      }
      if (withPrefixes && (pos === 0 || nLabels <= 5) && maybe & (1 << (count + 1 + k)) && index.find(markHi[k]!, markLo[k]!)) {
        if (tail === null) {
          tail = tailOf(c);
          ncuts = pathCuts(c, tail);
        }
        prefixHits = probePaths(index, host, pos, tail, ncuts, prefixHits);
      }
    }
    if (withPrefixes && count > 0 && starts[count - 1] !== 0) {
      // Host longer than MAX_SUFFIXES labels: the exact host still gets its URL-prefix probes.
      hashKey('urlPrefixHost', host, one);
      if (index.find(one[0]!, one[1]!)) {
        if (tail === null) {
          tail = tailOf(c);
          ncuts = pathCuts(c, tail);
        }
        prefixHits = probePaths(index, host, 0, tail, ncuts, prefixHits);
      }
    }
  }
  const list = prefixHits ? (hits ? prefixHits.concat(hits) : prefixHits) : (hits ?? []);
  return { canonical: c, hits: list, verdict: list.length === 0 ? NONE : resolveHits(list) };
}

/** "path?query", or the path when the query is absent or empty. */
function tailOf(c: CanonicalUrl): string {
  return c.query ? `${c.path}?${c.query}` : c.path;
}

function hit(kind: EntryKind, value: string, levels: number): IndexHit {
  return { kind, value, levels, metaKey: metaKey(kind, value) };
}

function probe(index: CompactIndex, kind: EntryKind, s: string, hits: IndexHit[] | null): IndexHit[] | null {
  hashKey(kind, s, one);
  const levels = index.find(one[0]!, one[1]!);
  if (!levels) return hits;
  (hits ??= []).push(hit(kind, s, levels));
  return hits;
}

/** URL-prefix probes for the host suffix starting at `pos` (its marker was found), most specific path first. */
function probePaths(index: CompactIndex, host: string, pos: number, tail: string, ncuts: number, hits: IndexHit[] | null): IndexHit[] | null {
  hashPrefixes('urlPrefix', host, pos, tail, cuts, ncuts, outHi, outLo);
  for (let k = ncuts - 1; k >= 0; k--) {
    const levels = index.find(outHi[k]!, outLo[k]!);
    if (levels) (hits ??= []).push(hit('urlPrefix', host.slice(pos) + tail.slice(0, cuts[k]!), levels));
  }
  return hits;
}

/**
 * Lengths of the lookup paths of lookupPaths() as prefixes of `tail` ("path?query"),
 * ascending: "/", "/a/", "/a/b/", "/a/b/c/" (≤ 3 below root), the exact path, path?query.
 */
function pathCuts(c: CanonicalUrl, tail: string): number {
  let n = 0;
  cuts[n++] = 1;
  const path = c.path;
  let comps = 0;
  for (let i = 1; i < path.length && comps < 3; i++) {
    if (path.charCodeAt(i) === 47) {
      comps++;
      // A directory prefix that is the whole path is the exact path, added below.
      if (i + 1 < path.length) cuts[n++] = i + 1;
    }
  }
  if (path.length > 1) cuts[n++] = path.length;
  if (tail.length > path.length + 1) cuts[n++] = tail.length;
  return n;
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
  return CompactIndex.build(allKeysOf(entries, identifiers));
}

function* allKeysOf(
  entries: Iterable<Pick<ListEntry, 'kind' | 'value' | 'action' | 'source'>>,
  identifiers: Iterable<Pick<IdentifierEntry, 'kind' | 'value' | 'source'>>,
): Generator<IndexKey> {
  yield* indexKeysOf(entries);
  yield* identifierKeysOf(identifiers);
}

/** buildIndex as steps (src/lists/slices.ts): the worker builds a 1M-entry index in slices. */
export function buildIndexSteps(
  entries: Iterable<Pick<ListEntry, 'kind' | 'value' | 'action' | 'source'>>,
  identifiers: Iterable<Pick<IdentifierEntry, 'kind' | 'value' | 'source'>> = [],
): Steps<CompactIndex> {
  return CompactIndex.buildSteps(allKeysOf(entries, identifiers));
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
