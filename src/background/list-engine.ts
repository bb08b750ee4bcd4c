/**
 * The seam between the background glue (store, updater, nav guard) and the PURE list
 * modules (src/lists, src/url). Everything the glue needs from them goes through this
 * small interface, so the glue never depends on their internals.
 */
import type { ListEntry, UrlVerdict } from '../lists/types';

/** Formats a subscription can be published in. 'auto' sniffs plain/hosts/adblock. */
export const LIST_FORMATS = ['auto', 'hosts', 'adblock', 'plain', 'feed'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

/** A compiled, immutable lookup index with its own serialized form (toBytes/fromBytes). */
export interface CompiledIndex {
  /** Verdict for a raw URL (canonicalized inside). Allow entries beat block entries. */
  lookup(url: string): UrlVerdict;
  toBytes(): Uint8Array;
  readonly size: number;
}

export interface ParsedList {
  entries: ListEntry[];
  /** Lines that were not understood or were refused (e.g. `javascript:` URLs). */
  rejected: number;
}

export interface ListEngine {
  parseList(text: string, format: Exclude<ListFormat, 'feed'>, source: string, now: number): ParsedList;
  buildIndex(entries: readonly ListEntry[]): CompiledIndex;
  loadIndex(bytes: Uint8Array): CompiledIndex;
  /** Canonical lowercase punycode host of a URL, or null when it is not http(s). */
  canonicalHost(url: string): string | null;
  /** Lookalike of a protected brand (caution only, never a block). */
  lookalike(url: string): { brand: string } | null;
}
