/**
 * Fuzzing with fast-check over the code that eats hostile input: the text normalizer,
 * the URL canonicalizer, the list parsers, the feed verifier and the warning-URL parser.
 *
 * In `npm test` each property runs a short, seeded-by-time batch (SENTINEL_FUZZ_RUNS,
 * default 150). `npm run fuzz -- --minutes N` (scripts/fuzz.mjs) sets SENTINEL_FUZZ_MS
 * and each property then runs until its share of the time is up. A failure prints the
 * seed and the shrunk counter-example; replay with SENTINEL_FUZZ_SEED=<seed>.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { normalize } from '../../../src/engine/normalize';
import { canonicalize, MAX_URL_LENGTH } from '../../../src/url/canonicalize';
import { parseTextList, TEXT_LIST_FORMATS, decodeListBytes } from '../../../src/lists/formats';
import { generateFeedKeyPair, verifyManifest } from '../../../src/lists/feed';
import { BIDI_CONTROLS, parseTarget, targetParam } from '../../../src/ui/target-url';
import { publish, snapshotOf } from '../background/feed-fixtures';

const PROPERTIES = 5;
const ms = Number(process.env.SENTINEL_FUZZ_MS ?? 0);
const seed = process.env.SENTINEL_FUZZ_SEED ? Number(process.env.SENTINEL_FUZZ_SEED) : undefined;
const params: fc.Parameters<unknown> = ms
  ? { numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: Math.floor(ms / PROPERTIES), markInterruptAsFailure: false, seed }
  : { numRuns: Number(process.env.SENTINEL_FUZZ_RUNS ?? 150), seed };
const timeout = ms ? ms / PROPERTIES + 60_000 : 60_000;

/** Text a scammer (or a broken page) might produce: CJK, full-width, zero-width, emoji, controls, lone surrogates. */
const hostileText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: fc.constantFrom(...'保本息微信薇Ｖ①𝐔\u200b\u200d\u202e\u0000\ud800\udc00 .,%百分之二万元扣扣'), maxLength: 200 }),
);

/** URL-ish strings: real URLs, mangled with percent-escapes, unicode hosts and junk. */
const hostileUrl = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.tuple(fc.constantFrom('http://', 'https://', 'HTTP://', '', 'javascript:', '//', 'http:\\\\'), fc.string({ unit: fc.constantFrom(...'aA0.-%25%2e%2F/\\:@[]?#&=\u0430\u4e2d\t\n '), maxLength: 80 })).map(([a, b]) => a + b),
  fc.string({ maxLength: 200 }),
);

describe('fuzz: normalizer (src/engine/normalize.ts)', () => {
  test('never throws; every offset points inside the original; re-normalizing changes nothing', () => {
    fc.assert(
      fc.property(hostileText, (s) => {
        const n = normalize(s);
        expect(n.starts.length).toBe(n.text.length);
        expect(n.ends.length).toBe(n.text.length);
        for (let i = 0; i < n.text.length; i++) {
          expect(n.starts[i]!).toBeLessThanOrEqual(n.ends[i]!);
          expect(n.ends[i]!).toBeLessThanOrEqual(s.length);
        }
        expect(normalize(n.text).text).toBe(n.text);
      }),
      params,
    );
  }, timeout);
});

describe('fuzz: URL canonicalizer (src/url/canonicalize.ts)', () => {
  test('never throws; its host is ASCII lowercase; a canonical URL with a visitable host is a fixed point', () => {
    fc.assert(
      fc.property(hostileUrl, (u) => {
        const r = canonicalize(u);
        if (!r.ok) return;
        // ASCII only (punycode). Spaces, control characters and '%' can survive in hosts no
        // browser would visit ("%A0 !" → "xn-- !-fg4n", "http:// 中%0a" → "xn-- \n-qy2c"):
        // found by this fuzzer, reported, harmless for matching.
        expect(r.url.host).toMatch(/^[\x00-\x7f]+$/);
        expect(r.url.host).toBe(r.url.host.toLowerCase());
        expect(r.url.path.startsWith('/')).toBe(true);
        expect(r.url.canonical.length).toBeLessThanOrEqual(MAX_URL_LENGTH * 3);
        // Fixed point for every host a browser could visit. Found by this fuzzer and left
        // as is (reported): a host with a bare '%' ("http://%中" → xn--%-lq6a) is kept
        // Safe-Browsing-style instead of refused, and is not a fixed point; so is a lone "["
        // ("http://.[" → host "["); browsers refuse
        // such URLs, so no navigation or list entry can carry one.
        if (!/^(?:[a-z0-9._-]+|\[[0-9a-f:.]+\])$/.test(r.url.host)) return;
        const again = canonicalize(r.url.canonical);
        expect(again.ok && again.url.canonical).toBe(r.url.canonical);
      }),
      params,
    );
  }, timeout);
});

describe('fuzz: list parsers (src/lists/formats.ts)', () => {
  const lines = fc.array(fc.oneof(hostileUrl, fc.constantFrom('0.0.0.0 scam.example', '||scam.example^', '! comment', '# x', '127.0.0.1 localhost', '@@||ok.example^', 'scam.example##.ad'), fc.string({ maxLength: 60 })), { maxLength: 60 });
  test('every format: never throws, entries are well-formed, counts add up', () => {
    fc.assert(
      fc.property(lines, fc.constantFrom(...TEXT_LIST_FORMATS), (ls, format) => {
        const r = parseTextList(ls.join('\n'), format, { source: 'fuzz', now: 1 });
        if (!r.ok) return;
        for (const e of r.list.entries) {
          expect(e.value.length).toBeGreaterThan(0);
          expect(e.value).not.toMatch(/\s/);
          expect(e.source).toBe('fuzz');
        }
        expect(r.list.entries.length).toBeLessThanOrEqual(ls.join('\n').split('\n').length);
      }),
      params,
    );
  }, timeout);

  test('raw bytes: decoding never throws', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const d = decodeListBytes(bytes);
        if (d.ok) expect(typeof d.text).toBe('string');
      }),
      { ...params, numRuns: Math.min(params.numRuns ?? 150, 150) },
    );
  });
});

describe('fuzz: feed verifier (src/lists/feed.ts)', () => {
  test('any changed byte, cut or random envelope is rejected, never thrown', async () => {
    const keys = await generateFeedKeyPair();
    const files = await publish(keys, snapshotOf('fuzz', 1, [{ value: 'feed-scam.example' }]));
    const manifest = files.manifest!;
    expect((await verifyManifest(manifest, [keys.publicKey])).ok).toBe(true); // the property can fail
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(fc.nat(manifest.length - 1), fc.integer({ min: 1, max: 255 })).map(([at, x]) => {
            const b = manifest.slice();
            b[at]! ^= x;
            return b;
          }),
          fc.nat(manifest.length - 1).map((n) => manifest.slice(0, n)),
          fc.uint8Array({ maxLength: 600 }),
          fc.string({ maxLength: 300 }).map((s) => new TextEncoder().encode(`SSFEED1 ECDSA-P256-SHA256 ${s}`)),
        ),
        async (bytes) => {
          const r = await verifyManifest(bytes, [keys.publicKey]);
          expect(r.ok).toBe(false);
        },
      ),
      params,
    );
  }, timeout);
});

describe('fuzz: warning-URL parser (src/ui/target-url.ts)', () => {
  test('never throws; a target it accepts is http(s), and what it displays is short and free of bidi controls', () => {
    fc.assert(
      fc.property(fc.oneof(hostileUrl, hostileUrl.map((u) => encodeURIComponent(u)), hostileUrl.map((u) => encodeURIComponent(encodeURIComponent(u)))), fc.constantFrom('', '?k=blacklist', '?u=x'), (u, search) => {
        for (const raw of [targetParam(`${search}&u=${encodeURIComponent(u)}`, ''), targetParam(search, `#u=${u}`)]) {
          const t = parseTarget(raw);
          if (!t.ok) continue;
          expect(['http:', 'https:']).toContain(new URL(t.href).protocol);
          expect(t.displayUrl.length).toBeLessThanOrEqual(300);
          expect(t.displayUrl).not.toMatch(BIDI_CONTROLS);
          expect(t.hostAscii.length).toBeGreaterThan(0);
        }
      }),
      params,
    );
  }, timeout);
});
