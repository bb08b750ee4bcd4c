import { describe, expect, test } from 'vitest';
import { parseKind, parseTarget, segmentHost, targetParam } from '../../../src/ui/target-url';

describe('accepts (can be proceeded to)', () => {
  test.each([
    ['https://scam-demo.example/pay?x=1', 'scam-demo.example'],
    ['http://127.0.0.1:8080/plain.html', '127.0.0.1'],
    ['  https://A.Example/  ', 'a.example'],
    ['https%3A%2F%2Fnested.example%2F', 'nested.example'],
    ['https%253A%252F%252Fdouble.example%252F', 'double.example'],
  ])('%s → host %s', (raw, host) => {
    const r = parseTarget(raw);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.hostAscii).toBe(host);
  });

  test('punycode is shown decoded with lookalike letters marked', () => {
    const r = parseTarget('https://xn--80ak6aa92e.com/'); // аррӏе.com, all Cyrillic
    expect(r.ok && r.isIdn).toBe(true);
    if (!r.ok) return;
    expect(r.hostDisplay.map((s) => s.text).join('')).toBe('аррӏе.com');
    expect(r.hostDisplay[0]).toEqual({ text: 'аррӏе', suspicious: true });
    expect(r.hasSuspicious).toBe(true);
  });

  test('mixed script: only the foreign letter is marked', () => {
    const r = parseTarget('https://pаypal.example/'); // Cyrillic а
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.hostAscii.startsWith('xn--')).toBe(true);
    expect(r.hostDisplay).toEqual([
      { text: 'p', suspicious: false },
      { text: 'а', suspicious: true },
      { text: 'ypal.example', suspicious: false },
    ]);
  });

  test('Chinese IDNs are not marked', () => {
    const r = parseTarget('https://xn--fiqs8s.cn/'); // 中国.cn
    expect(r.ok && r.hostDisplay).toEqual([{ text: '中国.cn', suspicious: false }]);
  });

  test('RTL override characters are neutralized in the displayed URL', () => {
    const r = parseTarget('https://a.example/\u202Egnp.exe');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.displayUrl).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});

describe('refuses (error state, no proceed)', () => {
  test.each([
    [null, 'missing'],
    ['', 'missing'],
    ['javascript:alert(1)', 'scheme'],
    ['JaVaScRiPt:alert(1)', 'scheme'],
    ['javascript%3Aalert(1)', 'scheme'],
    ['data:text/html,<script>alert(1)</script>', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['chrome://settings', 'scheme'],
    ['not a url', 'malformed'],
    ['http://', 'malformed'],
    ['https%3A%E0%A4%A', 'malformed'],
    ['https://' + 'a'.repeat(100_000) + '.example/', 'too-long'],
  ])('%j → %s', (raw, reason) => {
    expect(parseTarget(raw as string | null)).toEqual({ ok: false, reason });
  });
});

describe('where the target comes from (still hostile either way)', () => {
  test.each([
    // DNR redirect: the raw URL after #u=, every & ? # of it kept
    ['?k=blacklist', '#u=https://x.example/a?b=1&c=2#frag', 'https://x.example/a?b=1&c=2#frag'],
    ['?k=blacklist', '#u=javascript:alert(1)//&k=page', null],
    // nav guard / links: the encoded query parameter
    [`?u=${encodeURIComponent('https://x.example/a?b=1&c=2')}&k=blacklist`, '', 'https://x.example/a?b=1&c=2'],
    ['?k=blacklist', '#other', null],
    ['?k=blacklist', '', null],
  ])('%s %s → %s', (search, hash, href) => {
    const r = parseTarget(targetParam(search, hash));
    expect(r.ok ? r.href : null).toBe(href);
  });
});

describe('helpers', () => {
  test('segmentHost keeps ASCII runs together', () => expect(segmentHost('ab.cd')).toEqual([{ text: 'ab.cd', suspicious: false }]));
  test('fullwidth letters are suspicious', () => expect(segmentHost('ａpple')[0]).toEqual({ text: 'ａ', suspicious: true }));
  test.each([
    ['page', 'page'],
    ['blacklist', 'blacklist'],
    [null, 'blacklist'],
    ['<script>', 'blacklist'],
  ])('kind %j → %s', (raw, kind) => expect(parseKind(raw)).toBe(kind));
});
