/**
 * The seam between the background glue (store, updater, nav guard) and the PURE list
 * modules (src/lists, src/url). Everything the glue needs from them goes through this
 * small interface, so the glue never depends on their internals.
 *
 * Lookup in two steps, as src/lists/lookup.ts intends: `probe` decides from the compact
 * index alone (hash flags, no entry text); only on a hit does the glue read the
 * metadata records of the hit keys (`hitKeys`) and `confirm` the verdict with them
 * (drops hash collisions and expired entries, fills in category/source/firstSeen).
 */
import { CompactIndex } from '../lists/compact-index';
import { parseTextList, parseTextListSteps, type ListParseResult } from '../lists/formats';
import type { Steps } from '../lists/slices';
import type { ListErrorCode, TextListFormat } from '../lists/vocabulary';
import { buildIndex, buildIndexSteps, confirmVerdict, lookupUrl, type IndexHit } from '../lists/lookup';
import type { IdentifierEntry, ListEntry, UrlVerdict } from '../lists/types';
import { parseKeyHashHex } from '../lists/hash';
import { canonicalize } from '../url/canonicalize';
import { lookalike as lookalikeHost } from '../url/lookalike';
import type { LocalizedText } from '../engine/types';
import { loadUrlData } from './url-data-loader';


export interface IndexProbe {
  verdict: UrlVerdict;
  hits: readonly IndexHit[];
}

/** A compiled, immutable lookup index with its own serialized form (toBytes/fromBytes). */
export interface CompiledIndex {
  probe(url: string): IndexProbe;
  /** Level flags of a key given by its hash (src/lists/hash.ts keyHashHex); 0 when absent. */
  findHash(hashHex: string): number;
  toBytes(): Uint8Array;
  readonly size: number;
}

export type ParseOutcome = { ok: true; entries: ListEntry[]; identifiers: IdentifierEntry[]; rejected: number } | { ok: false; code: ListErrorCode; detail: string };

export interface ListEngine {
  parseList(text: string, format: TextListFormat, source: string, now: number): ParseOutcome;
  buildIndex(entries: readonly ListEntry[], identifiers?: readonly IdentifierEntry[]): CompiledIndex;
  /** buildIndex as steps, driven by the caller (sliced in the worker, at once in the list builder). */
  buildIndexSteps(entries: readonly ListEntry[], identifiers: readonly IdentifierEntry[]): Steps<CompiledIndex>;
  /** parseList as steps, driven by the caller. */
  parseListSteps(text: string, format: TextListFormat, source: string, now: number): Steps<ParseOutcome>;
  /** The stored index, checked as steps (sliced in the worker: a 1M-key index). */
  loadIndexSteps(bytes: Uint8Array): Steps<CompiledIndex>;
  confirm(probe: IndexProbe, records: (metaKey: string) => readonly ListEntry[] | undefined, now: number): UrlVerdict;
  /** Canonical ASCII host of an http(s) URL, or null (other schemes, malformed). */
  canonicalHost(url: string): string | null;
  /** Lookalike of a protected brand (caution only, never a block). Loads the URL data on first use. */
  lookalike(url: string): Promise<LookalikeInfo | null>;
  /**
   * Load what parsing lists needs (the Public Suffix List: src/url/url-data.ts) on first
   * need. Await before parseList* (list-rebuild.ts does); a no-op once loaded.
   */
  ready(): Promise<void>;
}

export interface LookalikeInfo {
  brandId: string;
  /** The imitated brand's name in every UI language. */
  brand: LocalizedText;
  reason: 'confusable' | 'brand-label' | 'edit-distance' | 'brand-keyword';
  /** The host label (Unicode) that looked like the brand. */
  label: string;
}

function wrap(ix: CompactIndex): CompiledIndex {
  return {
    probe: (url) => {
      const r = lookupUrl(ix, url);
      return { verdict: r.verdict, hits: r.hits };
    },
    findHash: (hex) => {
      const h = parseKeyHashHex(hex);
      return h ? ix.find(h[0], h[1]) : 0;
    },
    toBytes: () => ix.toBytes(),
    get size() {
      return ix.size;
    },
  };
}

const PARSE_ERRORS: Record<string, ListErrorCode> = {
  'too-large': 'too-large',
  'too-many-lines': 'too-large',
  binary: 'bad-format',
  'bad-encoding': 'bad-format',
  'no-entries': 'empty',
};

function outcome(r: ListParseResult): ParseOutcome {
  if (!r.ok) return { ok: false, code: PARSE_ERRORS[r.error.code] ?? 'bad-format', detail: r.error.message.slice(0, 200) };
  return { ok: true, entries: r.list.entries, identifiers: r.list.identifiers, rejected: r.list.rejected };
}

export const sentinelEngine: ListEngine = {
  parseList: (text, format, source, now) => outcome(parseTextList(text, format, { source, now })),
  buildIndex: (entries, identifiers = []) => wrap(buildIndex(entries, identifiers)),
  *buildIndexSteps(entries, identifiers) {
    return wrap(yield* buildIndexSteps(entries, identifiers));
  },
  *parseListSteps(text, format, source, now) {
    return outcome(yield* parseTextListSteps(text, format, { source, now }));
  },
  *loadIndexSteps(bytes) {
    return wrap(yield* CompactIndex.fromBytesSteps(bytes));
  },
  confirm: (probe, records, now) => confirmVerdict(probe.hits, records, now),
  canonicalHost(url) {
    if (!/^https?:\/\//i.test(url.trim())) return null;
    const r = canonicalize(url);
    return r.ok ? r.url.host : null;
  },
  ready: loadUrlData,
  async lookalike(url) {
    const host = sentinelEngine.canonicalHost(url);
    if (!host) return null;
    await loadUrlData();
    const m = lookalikeHost(host);
    return m ? { brandId: m.brand.id, brand: m.brand.name, reason: m.reason, label: m.label } : null;
  },
};
