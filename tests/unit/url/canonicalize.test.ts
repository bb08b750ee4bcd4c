/**
 * URL canonicalization and lookup expressions (Safe Browsing Update API rules).
 * Starts with a worked example of every lookup expression for one URL (like the Go
 * client's urls_test.go), then a table of hostile vectors.
 */
import { describe, expect, it } from 'vitest';
import { canonicalize, lookupExpressions, lookupHosts, lookupPaths, parseIPv4, recursiveUnescape, unescapeOnce } from '../../../src/url/canonicalize';

function canon(u: string): string {
  const r = canonicalize(u);
  if (!r.ok) throw new Error(`${u}: ${r.error}`);
  return r.url.canonical;
}

describe('worked example: every lookup expression of one URL', () => {
  const r = canonicalize(' http://A.B.c.d.e.f.g/1/./2/../2/3.html?p=1#frag');
  it('canonicalizes', () => {
    expect(r.ok && r.url.canonical).toBe('http://a.b.c.d.e.f.g/1/2/3.html?p=1');
  });
  it('hosts: exact host, then up to 4 from the last 5 components', () => {
    expect(r.ok && lookupHosts(r.url)).toEqual(['a.b.c.d.e.f.g', 'c.d.e.f.g', 'd.e.f.g', 'e.f.g', 'f.g']);
  });
  it('paths: exact with query, exact, then directory prefixes deepest first, root last', () => {
    expect(r.ok && lookupPaths(r.url)).toEqual(['/1/2/3.html?p=1', '/1/2/3.html', '/1/2/', '/1/', '/']);
  });
  it('expressions: hosts × paths (25 here)', () => {
    expect(r.ok && lookupExpressions(r.url)).toEqual([
      'a.b.c.d.e.f.g/1/2/3.html?p=1', 'a.b.c.d.e.f.g/1/2/3.html', 'a.b.c.d.e.f.g/1/2/', 'a.b.c.d.e.f.g/1/', 'a.b.c.d.e.f.g/',
      'c.d.e.f.g/1/2/3.html?p=1', 'c.d.e.f.g/1/2/3.html', 'c.d.e.f.g/1/2/', 'c.d.e.f.g/1/', 'c.d.e.f.g/',
      'd.e.f.g/1/2/3.html?p=1', 'd.e.f.g/1/2/3.html', 'd.e.f.g/1/2/', 'd.e.f.g/1/', 'd.e.f.g/',
      'e.f.g/1/2/3.html?p=1', 'e.f.g/1/2/3.html', 'e.f.g/1/2/', 'e.f.g/1/', 'e.f.g/',
      'f.g/1/2/3.html?p=1', 'f.g/1/2/3.html', 'f.g/1/2/', 'f.g/1/', 'f.g/',
    ]);
  });
  it("the spec's own example: http://a.b.c/1/2.html?param=1", () => {
    const s = canonicalize('http://a.b.c/1/2.html?param=1');
    expect(s.ok && lookupExpressions(s.url).sort()).toEqual(
      ['a.b.c/1/2.html?param=1', 'a.b.c/1/2.html', 'a.b.c/', 'a.b.c/1/', 'b.c/1/2.html?param=1', 'b.c/1/2.html', 'b.c/', 'b.c/1/'].sort(),
    );
  });
  it('caps at 5 hosts × 6 paths', () => {
    const s = canonicalize('http://a.b.c.d.e.f.g.h.i/1/2/3/4/5/6.html?q=1');
    expect(s.ok && lookupHosts(s.url)).toHaveLength(5);
    expect(s.ok && lookupPaths(s.url)).toEqual(['/1/2/3/4/5/6.html?q=1', '/1/2/3/4/5/6.html', '/1/2/3/', '/1/2/', '/1/', '/']);
    expect(s.ok && lookupExpressions(s.url)).toHaveLength(30);
  });
  it('an IP host is looked up only as itself', () => {
    const s = canonicalize('http://3279880203/a/b');
    expect(s.ok && lookupHosts(s.url)).toEqual(['195.127.0.11']);
  });
});

// [input, canonical] — the first group is the Safe Browsing documentation's own table.
const VECTORS: Array<[string, string]> = [
  // repeated percent-unescaping, then one escape of bytes ≤ 0x20, ≥ 0x7F, '#', '%'
  ['http://host/%25%32%35', 'http://host/%25'],
  ['http://host/%25%32%35%25%32%35', 'http://host/%25%25'],
  ['http://host/%2525252525252525', 'http://host/%25'],
  ['http://host/asdf%25%32%35asd', 'http://host/asdf%25asd'],
  ['http://host/%%%25%32%35asd%%', 'http://host/%25%25%25asd%25%25'],
  ['http://www.google.com/', 'http://www.google.com/'],
  ['http://%31%36%38%2e%31%38%38%2e%39%39%2e%32%36/%2E%73%65%63%75%72%65/%77%77%77%2E%65%62%61%79%2E%63%6F%6D/', 'http://168.188.99.26/.secure/www.ebay.com/'],
  ['http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/', 'http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/'],
  ['http://host%23.com/%257Ea%2521b%2540c%2523d%2524e%25f%255E00%252611%252A22%252833%252944_55%252B', 'http://host%23.com/~a!b@c%23d$e%25f^00&11*22(33)44_55+'],
  ['http://3279880203/blah', 'http://195.127.0.11/blah'],
  ['http://www.google.com/blah/..', 'http://www.google.com/'],
  ['www.google.com/', 'http://www.google.com/'],
  ['www.google.com', 'http://www.google.com/'],
  ['http://www.evil.com/blah#frag', 'http://www.evil.com/blah'],
  ['http://www.GOOgle.com/', 'http://www.google.com/'],
  ['http://www.google.com.../', 'http://www.google.com/'],
  ['http://www.google.com/foo\tbar\rbaz\n2', 'http://www.google.com/foobarbaz2'],
  ['http://www.google.com/q?', 'http://www.google.com/q?'],
  ['http://www.google.com/q?r?', 'http://www.google.com/q?r?'],
  ['http://www.google.com/q?r?s', 'http://www.google.com/q?r?s'],
  ['http://evil.com/foo#bar#baz', 'http://evil.com/foo'],
  ['http://evil.com/foo;', 'http://evil.com/foo;'],
  ['http://evil.com/foo?bar;', 'http://evil.com/foo?bar;'],
  ['http://%01%80.com/', 'http://%01%80.com/'],
  ['http://notrailingslash.com', 'http://notrailingslash.com/'],
  ['http://www.gotaport.com:1234/', 'http://www.gotaport.com/'],
  ['  http://www.google.com/  ', 'http://www.google.com/'],
  ['http:// leadingspace.com/', 'http://%20leadingspace.com/'],
  ['http://%20leadingspace.com/', 'http://%20leadingspace.com/'],
  ['%20leadingspace.com/', 'http://%20leadingspace.com/'],
  ['https://www.securesite.com/', 'https://www.securesite.com/'],
  ['http://host.com/ab%23cd', 'http://host.com/ab%23cd'],
  ['http://host.com//twoslashes?more//slashes', 'http://host.com/twoslashes?more//slashes'],
  // IPv4 in decimal / octal / hex / short forms
  ['http://0x7f.1/', 'http://127.0.0.1/'],
  ['http://017700000001/', 'http://127.0.0.1/'],
  ['http://127.1/', 'http://127.0.0.1/'],
  ['http://0xC0A80001/', 'http://192.168.0.1/'],
  ['http://0300.0250.0.01/', 'http://192.168.0.1/'],
  ['http://%31%32%37.0.0.1/', 'http://127.0.0.1/'],
  ['http://256.1.1.1/', 'http://256.1.1.1/'], // not an IP (WHATWG); left as a name
  ['http://4294967296/', 'http://4294967296/'], // ≥ 2^32: not an IP
  ['http://[2001:DB8::1]/', 'http://[2001:db8::1]/'],
  // host: case, dots, userinfo, port, IDN
  ['http://www..google...com../', 'http://www.google.com/'],
  ['http://user:pass@Example.COM:8080/a', 'http://example.com/a'],
  ['http://evil.example@good.example/', 'http://good.example/'],
  ['http://例子.测试/', 'http://xn--fsqu00a.xn--0zwm56d/'],
  ['http://%E4%BE%8B%E5%AD%90.%E6%B5%8B%E8%AF%95/', 'http://xn--fsqu00a.xn--0zwm56d/'],
  ['http://ＥＸＡＭＰＬＥ．ｃｏｍ/', 'http://example.com/'],
  ['http://%65xample.com/', 'http://example.com/'],
  ['http://exa\tmple.com/', 'http://example.com/'],
  ['HtTpS://Scam-Demo.Example./Path/?x=1#y', 'https://scam-demo.example/Path/?x=1'],
  ['www.google.com:80/x', 'http://www.google.com/x'],
  // path: /./ and /../, //, backslash, percent-encoded dots
  ['http://a.com/b/c/../../..//d', 'http://a.com/d'],
  ['http://example.com/%2e%2e/%2e/a', 'http://example.com/a'],
  ['http://a.com/%25252e%25252e/b', 'http://a.com/b'],
  ['http://a.com\\b\\c/', 'http://a.com/b/c/'],
  ['http://a.com/你好', 'http://a.com/%E4%BD%A0%E5%A5%BD'],
  ['http://a.com/?q=%2523', 'http://a.com/?q=%23'],
  ['http://a.com/#%41', 'http://a.com/'],
  ['HTTP://A.COM/B', 'http://a.com/B'],
  ['https://a.com:443/', 'https://a.com/'],
  ['  \thttp://a.com/  ', 'http://a.com/'],
];

describe('canonicalize: hostile vectors', () => {
  it.each(VECTORS)('%j → %j', (input, expected) => {
    expect(canon(input)).toBe(expected);
  });
  it('is idempotent on every vector', () => {
    for (const [, expected] of VECTORS) {
      expect(canon(expected)).toBe(expected);
    }
  });
});

describe('canonicalize: hostile sizes stay fast', () => {
  // No timing assertion (speed belongs to benchmarks): a quadratic unescape runs for minutes
  // on these inputs and fails by vitest's test timeout.
  it('deeply nested escapes unescape in one pass (no O(n²))', () => {
    expect(canon('http://a.com/%' + '25'.repeat(30_000))).toBe('http://a.com/%25');
    expect(canon('http://a.com/' + '%2'.repeat(20_000) + '5'.repeat(1))).toMatch(/^http:\/\/a\.com\//);
  });
  it('one-pass unescape agrees with repeated passes', () => {
    for (const s of ['%2%35', '%%32%35', '%252525', '%%%25%32%35asd%%', '%4', '%%41%', '%2541%2542', '%%%']) {
      let slow = s;
      for (;;) {
        const next = unescapeOnce(slow);
        if (next === slow) break;
        slow = next;
      }
      expect(recursiveUnescape(s), s).toBe(slow);
    }
  });
});

describe('canonicalize: refused inputs', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['javascript:alert(1)', 'invalid-scheme-path'],
    ['data:text/html,<script>alert(1)</script>', 'invalid-scheme-path'],
    ['mailto:x@y.com', 'invalid-scheme-path'],
    ['http:///path', 'missing-host'],
    ['http://[::1/', 'bad-host'],
    ['http://' + 'a'.repeat(70_000) + '.com/', 'too-long'],
  ])('%j → %s', (input, error) => {
    const r = canonicalize(input);
    expect(r.ok ? 'ok' : r.error).toBe(error);
  });
});

describe('parseIPv4', () => {
  it.each([
    ['1.2.3.4', '1.2.3.4'],
    ['0x01020304', '1.2.3.4'],
    ['1.2.772', '1.2.3.4'],
    ['1.131844', '1.2.3.4'],
    ['010.0.0.1', '8.0.0.1'],
    ['09.1.1.1', ''],
    ['1.2.3.4.5', ''],
    ['example.com', ''],
  ])('%s → %j', (input, out) => {
    expect(parseIPv4(input)).toBe(out);
  });
});
