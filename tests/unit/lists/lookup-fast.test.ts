/**
 * The fast URL lookup (filter in front of the table, probes of one host filtered
 * together, canonicalization fast path) against a plain reference: every lookup
 * expression probed one by one with CompactIndex.levels, in the documented order
 * (lookup.ts header), after the full canonicalization. Same hits, same order, same verdict.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompactIndex, type IndexKey } from '../../../src/lists/compact-index';
import { hashKey } from '../../../src/lists/hash';
import { buildIndex, lookupUrl, resolveHits, type IndexHit } from '../../../src/lists/lookup';
import { metaKey } from '../../../src/lists/compact-index';
import { canonicalizeFull, lookupExpressions, type CanonicalUrl } from '../../../src/url/canonicalize';
import type { EntryKind, ListEntry, ListLevel } from '../../../src/lists/types';

/** The straightforward lookup: expressions as strings, one probe each. */
function reference(ix: CompactIndex, c: CanonicalUrl): IndexHit[] {
  const hits: IndexHit[] = [];
  const add = (kind: EntryKind, value: string) => {
    const levels = ix.levels(kind, value);
    if (levels) hits.push({ kind, value, levels, metaKey: metaKey(kind, value) });
  };
  // A single-label host ("localhost") gets no URL-prefix probes: behaviour kept as it was
  // before the fast lookup (lookupUrl walks suffixes of two labels or more).
  if (c.isIp || c.host.includes('.')) for (const e of lookupExpressions(c)) add('urlPrefix', e);
  if (c.isIp) {
    add('ip', c.host);
    return hits;
  }
  add('host', c.host);
  const labels = c.host.split('.');
  for (let n = Math.min(10, labels.length); n >= 2; n--) add('domain', labels.slice(-n).join('.'));
  return hits;
}

const LABELS = ['a', 'b', 'www', 'm', 'scam', 'shop', 'example', 'com', 'cn', 'test'];
const label = fc.constantFrom(...LABELS);
const hostArb = fc.array(label, { minLength: 1, maxLength: 13 }).map((l) => l.join('.'));
const pathArb = fc.array(fc.constantFrom('x', 'y', 'p1', 'z.html', ''), { maxLength: 5 }).map((p) => '/' + p.join('/'));
const LEVELS: ListLevel[] = ['userAllow', 'userBlock', 'listAllow', 'listBlock'];
const keyArb: fc.Arbitrary<IndexKey> = fc.oneof(
  fc.record({ kind: fc.constant<EntryKind>('domain'), value: hostArb, level: fc.constantFrom(...LEVELS) }),
  fc.record({ kind: fc.constant<EntryKind>('host'), value: hostArb, level: fc.constantFrom(...LEVELS) }),
  fc.record({ kind: fc.constant<EntryKind>('urlPrefix'), value: fc.tuple(hostArb, pathArb).map(([h, p]) => h + p), level: fc.constantFrom(...LEVELS) }),
  fc.record({ kind: fc.constant<EntryKind>('ip'), value: fc.constantFrom('203.0.113.7', '10.0.0.1'), level: fc.constantFrom(...LEVELS) }),
);
const urlArb = fc
  .tuple(fc.constantFrom('http://', 'https://', 'HTTPS://', ''), fc.oneof(hostArb, fc.constantFrom('203.0.113.7', '0xcb.0.113.7', 'WWW.Scam.example')), pathArb, fc.option(fc.constantFrom('q=1', '', 'a=b&c')), fc.option(fc.constantFrom('', 'frag')))
  .map(([s, h, p, q, f]) => `${s}${h}${p}${q === null ? '' : '?' + q}${f === null ? '' : '#' + f}`);

describe('lookupUrl equals the one-probe-per-expression reference', () => {
  it('on random lists and URLs (hits, their order, the verdict)', () => {
    fc.assert(
      fc.property(fc.array(keyArb, { maxLength: 40 }), fc.array(urlArb, { minLength: 1, maxLength: 10 }), (keys, urls) => {
        const ix = CompactIndex.build(keys);
        for (const u of urls) {
          const r = canonicalizeFull(u);
          const got = lookupUrl(ix, u);
          if (!r.ok) {
            expect(got.canonical).toBeNull();
            continue;
          }
          const want = reference(ix, r.url);
          expect(got.canonical).toStrictEqual(r.url);
          expect(got.hits).toStrictEqual(want);
          expect(got.verdict).toStrictEqual(resolveHits(want));
        }
      }),
      { numRuns: 1000 },
    );
  });
  it('finds a listed domain, host and URL prefix (the reference is not vacuous)', () => {
    const ix = CompactIndex.build([
      { kind: 'domain', value: 'scam.example', level: 'listBlock' },
      { kind: 'host', value: 'www.shop.example', level: 'userBlock' },
      { kind: 'urlPrefix', value: 'shop.example/p1/', level: 'listBlock' },
    ]);
    const hitsOf = (u: string) => lookupUrl(ix, u).hits.map((h) => `${h.kind}:${h.value}`);
    expect(hitsOf('https://a.b.scam.example/x')).toEqual(['domain:scam.example']);
    expect(hitsOf('https://www.shop.example/p1/z.html?q=1')).toEqual(['urlPrefix:shop.example/p1/', 'host:www.shop.example']);
    expect(hitsOf('https://www.shop.example/p2/')).toEqual(['host:www.shop.example']);
    expect(hitsOf('https://example.com/')).toEqual([]);
  });
});

describe('the filter in front of the index', () => {
  const entries: ListEntry[] = Array.from({ length: 30_000 }, (_, i) => ({
    kind: i % 10 === 0 ? 'urlPrefix' : i % 10 === 1 ? 'host' : 'domain',
    value: i % 10 === 0 ? `p${i}.example/a${i}/` : `site${i}.example`,
    action: 'block',
    category: 'unknown',
    source: 'sub1',
    firstSeen: 0,
  }));
  const ix = buildIndex(entries);
  it('has no false negatives: every listed key is found, also after a byte round trip', () => {
    const loaded = CompactIndex.fromBytes(ix.toBytes());
    for (const e of entries) {
      expect(ix.levels(e.kind, e.value)).toBe(8);
      expect(loaded.levels(e.kind, e.value)).toBe(8);
    }
  });
  it('filterMask sets the bit of every present key and clears most absent ones', () => {
    const hi = new Uint32Array(32);
    const lo = new Uint32Array(32);
    const words = new Uint32Array(32);
    const one = new Uint32Array(2);
    let absent = 0;
    let passed = 0;
    for (let i = 0; i < 40_000; i += 32) {
      for (let j = 0; j < 32; j++) {
        // Alternate listed and unlisted names.
        const n = i + j;
        hashKey('domain', n % 2 ? `site${n}.example` : `other${n}.example`, one);
        hi[j] = one[0]!;
        lo[j] = one[1]!;
      }
      const mask = ix.filterMask(hi, lo, 32, words);
      for (let j = 0; j < 32; j++) {
        const present = ix.find(hi[j]!, lo[j]!) !== 0;
        if (present) expect(mask & (1 << j)).not.toBe(0);
        else {
          absent++;
          if (mask & (1 << j)) passed++;
        }
      }
    }
    expect(absent).toBeGreaterThan(20_000);
    expect(passed / absent).toBeLessThan(0.05);
  });
  it('works on the empty index and on a one-key index', () => {
    expect(CompactIndex.empty().levels('domain', 'a.example')).toBe(0);
    const one = CompactIndex.build([{ kind: 'domain', value: 'a.example', level: 'userAllow' }]);
    expect(one.levels('domain', 'a.example')).toBe(1);
    expect(one.levels('domain', 'b.example')).toBe(0);
    expect(lookupUrl(one, 'https://x.a.example/').verdict).toMatchObject({ result: 'allow', match: 'a.example' });
  });
});
