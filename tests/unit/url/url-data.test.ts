import fc from 'fast-check';
import { getPublicSuffix } from 'tldts';
import unhomoglyph from 'unhomoglyph';
import { describe, expect, test, vi } from 'vitest';
import { confusableMap, installUrlData, publicSuffixIcann } from '../../../src/url/url-data';
import { buildUrlData } from '../../../src/url/url-data-source';

// The URL data is loaded on first need (src/url/url-data.ts). Its public-suffix lookup
// must answer exactly as tldts does, its confusables map exactly as unhomoglyph does.
const tldts = (h: string) => getPublicSuffix(h, { allowPrivateDomains: false }) ?? null;

const HOSTS = [
  'icbc.com.cn', 'www.icbc.com.cn', 'com.cn', 'cn', 'gov.cn', 'a.b.c.gov.cn', 'example.com', 'com',
  'x.github.io', 'github.io', 'blogspot.com', 'a.blogspot.com', 'foo.co.uk', 'co.uk', 'uk',
  'city.kawasaki.jp', 'a.city.kawasaki.jp', 'kawasaki.jp', 'b.kawasaki.jp', 'x.b.kawasaki.jp',
  'www.ck', 'a.www.ck', 'ck', 'a.ck', 'xn--fiqs8s', 'a.xn--fiqs8s', 'xn--55qx5d.cn', 'a.b.bd', 'bd',
  'scam-demo.example', 'localhost', 'a.local', 'onion', 'x.onion', '127.0.0.1', '[::1]', '', '.', 'a..com',
  'com.', 'a.com.', 'UPPER.COM', 'a_b.com', '-a.com', 'x'.repeat(64) + '.com', 'a.s3.amazonaws.com',
  'a.appspot.com', 'a.no', 'a.oslo.no', 'a.b.oslo.no', 'a.sch.uk', 'b.a.sch.uk', 'a.nom.br', 'a.b.nom.br',
];

describe('publicSuffixIcann answers as tldts (allowPrivateDomains: false)', () => {
  test.each(HOSTS)('%s', (host) => {
    expect(publicSuffixIcann(host)).toBe(tldts(host));
  });

  test('random hosts over suffix-like labels', () => {
    const label = fc.constantFrom('com', 'cn', 'uk', 'co', 'jp', 'kawasaki', 'city', 'www', 'ck', 'github', 'io', 'a', 'x-y', 'xn--fiqs8s', 'sch', 'no', 'oslo', 'br', 'nom', 'gov', 'edu', '*', '');
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 5 }), (labels) => {
        const host = labels.join('.');
        expect(publicSuffixIcann(host)).toBe(tldts(host));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('confusableMap maps as unhomoglyph', () => {
  test.each(['аlipay', 'іcbc', 'ｔａｏｂａｏ', 'paypaI', 'ccb', '中国工商银行', 'ḃoc', 'a.b-c', ''])('%s', (s) => {
    expect(confusableMap(s)).toBe(unhomoglyph(s));
  });
});

describe('installUrlData refuses broken data (nothing half-installed)', () => {
  const good = buildUrlData();
  test.each([
    ['not an object', null],
    ['foreign file', { ...good, format: 'other' }],
    ['trie arrays of the wrong length', { ...good, suffixes: { ...good.suffixes, edgeStart: good.suffixes.edgeStart.slice(1) } }],
    ['label text cut short', { ...good, suffixes: { ...good.suffixes, labelText: good.suffixes.labelText.slice(1) } }],
    ['non-integer flags', { ...good, suffixes: { ...good.suffixes, nodeFlags: ['x'] } }],
    ['confusable that maps to a number', { ...good, confusables: { a: 1 } }],
  ])('%s', (_name, raw) => {
    expect(() => installUrlData(raw)).toThrow(/URL data/);
    expect(publicSuffixIcann('icbc.com.cn')).toBe('com.cn'); // the installed data still answers
  });

  test('before anything is installed, a lookup says so instead of guessing', async () => {
    vi.resetModules();
    const fresh = await import('../../../src/url/url-data');
    expect(fresh.urlDataInstalled()).toBe(false);
    expect(() => fresh.publicSuffixIcann('a.com')).toThrow(/not loaded/);
    expect(() => fresh.confusableMap('a')).toThrow(/not loaded/);
    let loads = 0;
    await Promise.all([1, 2, 3].map(() => fresh.ensureUrlData(async () => (loads++, buildUrlData()))));
    expect(loads).toBe(1);
    expect(fresh.publicSuffixIcann('a.com')).toBe('com');
  });
});
