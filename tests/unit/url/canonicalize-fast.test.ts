/**
 * The canonicalization fast path (canonicalizeFast) against the full Safe Browsing path
 * (canonicalizeFull): wherever the fast path answers, it gives exactly the full path's
 * result; on anything it is unsure of it declines (null) and canonicalize() takes the
 * full path. Tables of "answers" and "declines", then properties over arbitrary strings,
 * generated web URLs and adversarial URLs built from the characters each step rewrites.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalize, canonicalizeFast, canonicalizeFull, MAX_URL_LENGTH } from '../../../src/url/canonicalize';

function full(u: string) {
  const r = canonicalizeFull(u);
  return r.ok ? r.url : null;
}

/** The fast path either declines or agrees with the full path, field by field. */
function agrees(u: string): boolean {
  const f = canonicalizeFast(u);
  if (f === null) return true;
  expect(f).toStrictEqual(full(u));
  return true;
}

describe('fast path answers (already canonical, or only a fragment to drop / a "/" to add)', () => {
  it.each([
    ['https://www.example.com/a/b.html?q=1', 'https://www.example.com/a/b.html?q=1'],
    ['http://example.com/', 'http://example.com/'],
    ['https://www.example.com/a/b.html?q=1#top', 'https://www.example.com/a/b.html?q=1'],
    ['http://notrailingslash.com', 'http://notrailingslash.com/'],
    ['http://example.com?x=1', 'http://example.com/?x=1'],
    ['http://example.com#frag', 'http://example.com/'],
    ['http://www.google.com/q?', 'http://www.google.com/q?'],
    ['http://www.google.com/q?r?s', 'http://www.google.com/q?r?s'],
    ['http://evil.com/foo;', 'http://evil.com/foo;'],
    ['http://evil.com/foo#bar#baz', 'http://evil.com/foo'],
    ['https://1.example.com/.well-known/x', 'https://1.example.com/.well-known/x'],
    ['https://xn--fiqs8s.example/a..b/...', 'https://xn--fiqs8s.example/a..b/...'],
    ['https://a_b-c.example/p?back\\slash=1', 'https://a_b-c.example/p?back\\slash=1'],
    ['https://195.example/', 'https://195.example/'],
    ['http://1e5/', 'http://1e5/'],
  ])('%s → %s', (input, canonical) => {
    const f = canonicalizeFast(input);
    expect(f?.canonical).toBe(canonical);
    expect(f).toStrictEqual(full(input));
    expect(canonicalize(input)).toStrictEqual({ ok: true, url: f });
  });
});

describe('fast path declines (the full path rewrites or rejects these)', () => {
  it.each([
    'HTTP://example.com/', // scheme case
    'http://Example.com/', // host case
    'www.example.com/', // no scheme
    'ftp://example.com/', // other scheme
    'http:/example.com/', // not "//"
    'http://user@example.com/', // userinfo
    'http://example.com:8080/', // port
    'http://1.2.3.4/', // IPv4
    'http://3279880203/blah', // IPv4, decimal
    'http://0x7f.1/', // IPv4, hex
    'http://[::1]/', // IPv6
    'http://example.com./', // trailing dot
    'http://.example.com/', // leading dot
    'http://www..example.com/', // double dot
    'http:///path', // empty host
    'http://exa%6dple.com/', // escape in host
    'http://例子.测试/', // IDN
    'http://example.com/%41', // escape in path
    'http://example.com/?q=%E4%B8%AD', // escape in query
    'http://example.com/a b', // space
    'http://example.com/a\tb', // tab
    'http://example.com/ä', // non-ASCII
    'http://example.com/a\\b', // backslash in path
    'http://example.com\\a', // backslash after host
    'http://example.com//a', // "//"
    'http://example.com/a/./b', // "/./"
    'http://example.com/a/../b', // "/../"
    'http://example.com/a/.', // ends in "/."
    'http://example.com/a/..', // ends in "/.."
    'http://example.com/a/.?q', // "/." before the query
    'http://example.com/a/..#f', // "/.." before the fragment
    ' http://example.com/', // surrounding whitespace
    'http://example.com/\u00a0',
    `http://example.com/${'a'.repeat(MAX_URL_LENGTH)}`, // too long
  ])('%j', (input) => {
    expect(canonicalizeFast(input)).toBeNull();
  });
});

/** Pieces that exercise every rewriting step of the full path. */
const HOST_PIECES = ['a', 'b', 'z', 'A', '0', '1', '9', '255', '256', '0x', '0x7f', 'xn--p1ai', '-', '_', '.', '..', '@', ':', '80', '[', ']', '::1', '%', '%2e', '%41', '%2541', '\\', '/', '?', '#', ' ', '\t', 'é', '中', '\u00a0', 'com', 'www'];
const PATH_PIECES = ['/', '//', '.', '..', '/./', '/../', 'a', 'B', '1', '%', '%25', '%41', '%2e', '%zz', '?', '#', '\\', ';', '=', '&', '~', '@', ':', ' ', '\t', '\n', '\u007f', 'é', '"', "'", '<', '>', '{', '}', '|', '^', '`'];
const SCHEMES = ['http://', 'https://', 'HTTP://', 'Https://', 'http:/', 'http:', 'ftp://', 'h://', '', ' http://', 'http://user:pw@', 'https://a@'];

const adversarial = fc
  .tuple(
    fc.constantFrom(...SCHEMES),
    fc.array(fc.constantFrom(...HOST_PIECES), { maxLength: 8 }),
    fc.array(fc.constantFrom(...PATH_PIECES), { maxLength: 12 }),
  )
  .map(([s, h, p]) => s + h.join('') + p.join(''));

/** Mostly canonical URLs with one small perturbation somewhere: the boundary the fast path must get right. */
const nearCanonical = fc
  .tuple(
    fc.constantFrom('http://', 'https://'),
    fc.array(fc.stringMatching(/^[a-z0-9_-]{1,8}$/), { minLength: 1, maxLength: 5 }),
    fc.array(fc.stringMatching(/^[a-z0-9._~;=-]{0,6}$/), { maxLength: 5 }),
    fc.option(fc.stringMatching(/^[a-z0-9=&?/\\.]{0,10}$/)),
    fc.option(fc.string({ maxLength: 6 })),
    fc.nat(),
    fc.constantFrom(...HOST_PIECES, ...PATH_PIECES),
  )
  .map(([scheme, labels, segs, query, frag, at, insert]) => {
    const url = `${scheme}${labels.join('.')}${segs.length ? '/' + segs.join('/') : ''}${query === null ? '' : '?' + query}${frag === null ? '' : '#' + frag}`;
    const i = at % (url.length + 2);
    return i > url.length ? url : url.slice(0, i) + insert + url.slice(i);
  });

describe('property: the fast path gives exactly the full result, or declines', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), agrees), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), agrees), { numRuns: 2000 });
  });
  it('on generated web URLs (fragments, queries, userinfo, ports)', () => {
    fc.assert(fc.property(fc.webUrl({ withFragments: true, withQueryParameters: true }), agrees), { numRuns: 3000 });
  });
  it('on adversarial URLs built from the characters each step rewrites', () => {
    fc.assert(fc.property(adversarial, agrees), { numRuns: 10000 });
  });
  it('on canonical URLs with one perturbation', () => {
    fc.assert(fc.property(nearCanonical, agrees), { numRuns: 10000 });
  });
  it('answers for most already-canonical URLs (so the properties above are not vacuous)', () => {
    let canonical = 0;
    let answered = 0;
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true }), (u) => {
        const f = full(u);
        if (f && f.canonical === u && !f.isIp && !u.includes('%') && !/:\d|@/.test(u)) {
          canonical++;
          if (canonicalizeFast(u)) answered++;
        }
      }),
      { numRuns: 2000 },
    );
    expect(canonical).toBeGreaterThan(100);
    expect(answered / canonical).toBeGreaterThan(0.95);
  });
});
