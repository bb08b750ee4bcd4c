/** hosts / adblock / plain list parsers: strict, bounded, deduplicated, precedence on conflicts. */
import { describe, expect, it, test } from 'vitest';
import fc from 'fast-check';
import { decodeListBytes, parseTextList, sniffFormat, type ParsedList, type TextListFormat } from '../../../src/lists/formats';
import { normalizeEntryValue, normalizeIdentifier } from '../../../src/lists/entries';

const opts = { source: 'sub1', now: 1000 };
function parse(text: string, format: TextListFormat = 'auto'): ParsedList {
  const r = parseTextList(text, format, opts);
  if (!r.ok) throw new Error(r.error.message);
  return r.list;
}
const summary = (l: ParsedList) => l.entries.map((e) => `${e.action} ${e.kind} ${e.value}`);

describe('sniffFormat', () => {
  it.each([
    ['0.0.0.0 a.example\n0.0.0.0 b.example', 'hosts'],
    ['# hosts\n127.0.0.1 localhost\n0.0.0.0 a.example', 'hosts'],
    ['[Adblock Plus 2.0]\n! c\n||a.example^', 'adblock'],
    ['||a.example^', 'adblock'],
    ['a.example\nb.example', 'plain'],
    ['https://a.example/x', 'plain'],
  ])('%j → %s', (text, fmt) => expect(sniffFormat(text)).toBe(fmt));
});

describe('hosts files', () => {
  it('reads sink lines as domain blocks and skips localhost names', () => {
    const l = parse('# comment\n127.0.0.1 localhost\n::1 ip6-localhost\n0.0.0.0 Scam-Demo.Example # inline\n0.0.0.0 a.example b.example\n', 'hosts');
    expect(summary(l)).toEqual(['block domain scam-demo.example', 'block domain a.example', 'block domain b.example']);
    expect(l.skipped).toBe(2);
  });
  it('refuses lines that remap a name to a real address', () => {
    const l = parse('0.0.0.0 ok.example\n1.2.3.4 bank.example\n', 'hosts');
    expect(summary(l)).toEqual(['block domain ok.example']);
    expect(l.issues).toEqual([{ line: 2, reason: 'hosts-not-sink', text: '1.2.3.4 bank.example' }]);
  });
});

describe('adblock lists', () => {
  it('reads ||domain^, @@ exceptions, accepted options and URL prefixes', () => {
    const l = parse(
      [
        '[Adblock Plus 2.0]',
        '! Title: demo',
        '||scam-demo.example^',
        '||fake-police.example^$document',
        '@@||allowed-demo.example^',
        '|https://shared.example/~scam/',
        '||host.example/phish/login.php|',
      ].join('\n'),
    );
    expect(summary(l)).toEqual([
      'block domain scam-demo.example',
      'block domain fake-police.example',
      'allow domain allowed-demo.example',
      'block urlPrefix shared.example/~scam/',
      'block urlPrefix host.example/phish/login.php',
    ]);
  });
  it('skips what it cannot honour exactly (cosmetic, regex, third-party options, unanchored)', () => {
    const l = parse('||ok.example^\nexample.com##.ad\n/banner\\d+/\n||ads.example^$third-party\nbanner.gif\n', 'adblock');
    expect(summary(l)).toEqual(['block domain ok.example']);
    expect(l.skipped).toBe(4);
    expect(l.rejected).toBe(0);
  });
});

describe('plain lists', () => {
  it('reads domains, wildcards, URLs, IPs and identifiers', () => {
    const l = parse('scam-demo.example\n*.wild.example\nhttps://shared.example/~scam/\nhttps://whole-site.example/\n203.0.113.7\nphone:+86 138 0013 8000\nqq:10001\n', 'plain');
    expect(summary(l)).toEqual([
      'block domain scam-demo.example',
      'block domain wild.example',
      'block urlPrefix shared.example/~scam/',
      'block domain whole-site.example',
      'block ip 203.0.113.7',
    ]);
    expect(l.identifiers.map((i) => `${i.kind}:${i.value}`)).toEqual(['phone:13800138000', 'qq:10001']);
    expect(l.entries[0]).toMatchObject({ source: 'sub1', firstSeen: 1000, category: 'unknown' });
  });
});

describe('bad input battery (text lists)', () => {
  it('a list made only of javascript:/data: URLs is refused as a whole, with reasons', () => {
    const r = parseTextList('javascript:alert(1)\njavascript:void(0)\ndata:text/html,x\n', 'plain', opts);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('no-entries');
      expect(r.error.issues?.map((i) => i.reason)).toEqual(['not-http-url', 'not-http-url', 'not-http-url']);
    }
  });
  it('javascript: lines among good ones are refused one by one', () => {
    const l = parse('good.example\njavascript:alert(1)\n|javascript:alert(1)\n', 'plain');
    expect(summary(l)).toEqual(['block domain good.example']);
    expect(l.rejected).toBe(2);
    const a = parse('||good.example^\n|javascript:alert(1)\n', 'adblock');
    expect(a.rejected).toBe(1);
  });
  it('duplicates are dropped and counted', () => {
    const l = parse('a.example\nA.EXAMPLE\na.example.\n', 'plain');
    expect(summary(l)).toEqual(['block domain a.example']);
    expect(l.duplicates).toBe(2);
  });
  it('a value both allowed and blocked keeps the allow (precedence) and counts a conflict', () => {
    const l = parse('||x.example^\n@@||x.example^\n||y.example^\n', 'adblock');
    expect(summary(l)).toEqual(['allow domain x.example', 'block domain y.example']);
    expect(l.conflicts).toBe(1);
  });
  it('refuses public suffixes, single labels and garbage', () => {
    const l = parse('ok.example\ncom\ncom.cn\nlocalhost\nexa mple.com\nhttp://\n', 'plain');
    expect(summary(l)).toEqual(['block domain ok.example']);
    expect(l.issues.map((i) => i.reason)).toEqual(['single-label', 'public-suffix', 'single-label', 'single-label', 'bad-url']);
  });
  it('caps size, lines, line length and reported issues', () => {
    expect(parseTextList('a.example\n'.repeat(100), 'plain', { ...opts, limits: { maxBytes: 500 } })).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(parseTextList('a.example\n'.repeat(100), 'plain', { ...opts, limits: { maxLines: 50 } })).toMatchObject({ ok: false, error: { code: 'too-many-lines' } });
    const long = parse(`ok.example\n${'a'.repeat(5000)}.example\n`, 'plain');
    expect(long.issues[0]?.reason).toBe('line-too-long');
    const many = parse(`ok.example\n${'javascript:x\n'.repeat(200)}`, 'plain');
    expect(many.rejected).toBe(200);
    expect(many.issues).toHaveLength(50);
  });
  it('refuses binary and non-UTF-8 bytes', () => {
    expect(parseTextList('a.example\n\u0000\u0001', 'plain', opts)).toMatchObject({ ok: false, error: { code: 'binary' } });
    expect(decodeListBytes(new Uint8Array([0x61, 0xff, 0xfe]))).toMatchObject({ ok: false, error: { code: 'bad-encoding' } });
    expect(decodeListBytes(new Uint8Array(2000), { maxBytes: 1000 })).toMatchObject({ ok: false, error: { code: 'too-large' } });
    expect(decodeListBytes(new TextEncoder().encode('a.example'))).toEqual({ ok: true, text: 'a.example' });
  });
  it('an empty list is an error, not an empty protection', () => {
    expect(parseTextList('# nothing here\n', 'plain', opts)).toMatchObject({ ok: false, error: { code: 'no-entries' } });
  });
});

describe('entry normalization', () => {
  it.each([
    ['domain', 'Scam-Demo.Example.', 'scam-demo.example'],
    ['domain', '例子.测试', 'xn--fsqu00a.xn--0zwm56d'],
    ['ip', '0x7f.1', '127.0.0.1'],
    ['urlPrefix', 'https://Host.example/a/./b/?x=1#f', 'host.example/a/b/?x=1'],
    ['urlPrefix', 'host.example/a/', 'host.example/a/'],
    ['domain', 'xn--fsqu00a.xn--0zwm56d', 'xn--fsqu00a.xn--0zwm56d'],
    ['host', 'a_b.example', 'a_b.example'],
  ] as const)('%s %j → %j', (kind, raw, value) => expect(normalizeEntryValue(kind, raw)).toEqual({ ok: true, value }));
  it.each([
    ['urlPrefix', 'javascript:alert(1)', 'not-http-url'],
    ['urlPrefix', 'ftp://x.example/', 'not-http-url'],
    ['domain', '1.2.3.4', 'ip-as-domain'],
    ['ip', 'a.example', 'not-ip'],
    ['domain', 'a.example/path', 'bad-host'],
    ['domain', 'co.uk', 'public-suffix'],
    ['domain', '0x7f.1', 'ip-as-domain'], // looks like a host name, is an IPv4 form
    ['domain', '-a.example', 'bad-host'],
    ['host', 'a.example-', 'bad-host'],
  ] as const)('%s %j refused: %s', (kind, raw, reason) => expect(normalizeEntryValue(kind, raw)).toEqual({ ok: false, reason }));
  it.each([
    ['phone', '+86 138-0013-8000', '13800138000'],
    ['bankCard', '6222 0200 0000 0000 000', '6222020000000000000'],
    ['usdtAddress', 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8', 'TJRabPrwbZy45sbavfcjinPJC18kjpRTv8'],
    ['qq', '10001', '10001'],
    ['wechat', 'Scam_Kefu01', 'scam_kefu01'],
  ] as const)('identifier %s %j → %j', (kind, raw, value) => expect(normalizeIdentifier(kind, raw)).toEqual({ ok: true, value }));
  it.each([
    ['phone', '12ab'],
    ['bankCard', '1234'],
    ['usdtAddress', 'T0000'],
    ['qq', '0123'],
    ['wechat', '1abcdef'],
  ] as const)('identifier %s %j refused', (kind, raw) => expect(normalizeIdentifier(kind, raw).ok).toBe(false));
});

describe('the fast path for bare host lines gives the full parser\'s result', () => {
  // A line with a trailing " \t#x" never takes the fast path (parsePlainLine takes its first
  // token): both forms must give the same entries and the same rejections.
  const label = fc.stringMatching(/^[a-z0-9_-]{1,12}$/);
  const line = fc.oneof(
    fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('.')),
    fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 2, maxLength: 5 }).map((ns) => ns.join('.')),
    fc.constantFrom('com', 'co.uk', 'github.io', 'a..b', '-a.example', 'a-.example', '_x.example', 'x.example.', 'xn--fiqs8s.example', '1.2.3.4', '0x7f.1', 'a.b', `${'a'.repeat(64)}.example`),
  );
  test('on arbitrary and tricky lines', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), (lines) => {
        const fast = parseTextList(lines.join('\n'), 'plain', { source: 's', now: 0 });
        const slow = parseTextList(lines.map((l) => `${l} \t#x`).join('\n'), 'plain', { source: 's', now: 0 });
        expect(fast.ok).toBe(slow.ok);
        if (fast.ok && slow.ok) {
          expect(fast.list.entries).toEqual(slow.list.entries);
          expect(fast.list.rejected).toBe(slow.list.rejected);
          expect(fast.list.issues.map((i) => [i.line, i.reason])).toEqual(slow.list.issues.map((i) => [i.line, i.reason]));
        }
      }),
      { numRuns: 300 },
    );
  });
});
