/**
 * The pure list modules behind one small object, shaped like the background's
 * ListEngine seam (src/background/list-engine.ts: parseList, buildIndex, loadIndex,
 * canonicalHost, lookalike), so the glue can swap it in for its basic engine. PURE.
 *
 *   const ix = compactEngine.buildIndex(entries);       // or loadIndex(bytesFromIdb)
 *   ix.lookup('https://www.scam-demo.example/')          // { result: 'block', match: 'scam-demo.example', metaKey, level }
 *   ix.lookupDetailed(url).hits                          // → fetch metadata by hit.metaKey, then confirmVerdict()
 *   ix.withDiff({ add, remove })                         // new UrlIndex, `ix` untouched (build aside, swap)
 */
import { canonicalize } from '../url/canonicalize';
import { lookalike as lookalikeHost, type LookalikeMatch } from '../url/lookalike';
import { CompactIndex, type IndexDiff } from './compact-index';
import { parseTextList, type ListError, type ParsedList, type TextListFormat } from './formats';
import { buildIndex, lookupUrl, type UrlLookup } from './lookup';
import type { IdentifierEntry, ListEntry, UrlVerdict } from './types';

export class UrlIndex {
  constructor(readonly index: CompactIndex) {}
  get size(): number {
    return this.index.size;
  }
  /** Verdict from the index flags alone (precedence of types.ts). */
  lookup(url: string): UrlVerdict {
    return lookupUrl(this.index, url).verdict;
  }
  lookupDetailed(url: string): UrlLookup {
    return lookupUrl(this.index, url);
  }
  withDiff(diff: IndexDiff): UrlIndex {
    return new UrlIndex(this.index.applyDiff(diff));
  }
  toBytes(): Uint8Array {
    return this.index.toBytes();
  }
}

export type EngineParsedList = ParsedList | (Pick<ParsedList, 'entries' | 'identifiers' | 'rejected'> & { error: ListError });

export const compactEngine = {
  /** Never throws; on a whole-list error returns no entries and `error`. */
  parseList(text: string, format: TextListFormat, source: string, now: number): EngineParsedList {
    const r = parseTextList(text, format, { source, now });
    if (r.ok) return r.list;
    return { entries: [], identifiers: [], rejected: r.error.issues?.length ?? 0, error: r.error };
  },
  buildIndex(entries: readonly ListEntry[], identifiers: readonly IdentifierEntry[] = []): UrlIndex {
    return new UrlIndex(buildIndex(entries, identifiers));
  },
  /** Throws IndexFormatError on a corrupt or foreign blob (rebuild from entries then). */
  loadIndex(bytes: Uint8Array | ArrayBuffer): UrlIndex {
    return new UrlIndex(CompactIndex.fromBytes(bytes));
  },
  mergeIndexes(indexes: readonly UrlIndex[]): UrlIndex {
    return new UrlIndex(CompactIndex.merge(indexes.map((i) => i.index)));
  },
  /** Canonical host (punycode, lowercase, dotted-quad IPs) of an http(s) URL, else null. */
  canonicalHost(url: string): string | null {
    const c = canonicalize(url);
    return c.ok && (c.url.scheme === 'http' || c.url.scheme === 'https') ? c.url.host : null;
  },
  /** Lookalike of a protected brand: caution only. `brand` is the zh-CN name; `match.brand.name` has all locales. */
  lookalike(url: string): { brand: string; brandId: string; match: LookalikeMatch } | null {
    const host = compactEngine.canonicalHost(url);
    const m = host ? lookalikeHost(host) : null;
    return m ? { brand: m.brand.name['zh-CN'], brandId: m.brand.id, match: m } : null;
  },
};
