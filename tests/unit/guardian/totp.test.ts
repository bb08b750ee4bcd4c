import { describe, expect, test } from 'vitest';
import { hotp, otpauthUri, stepOf, totp, verifyTotp, type TotpAlgorithm } from '../../../src/guardian/totp';
import { base32Decode, base32Encode } from '../../../src/guardian/base32';

const enc = (s: string) => new TextEncoder().encode(s);
// RFC 6238 Appendix B: the seeds are ASCII "1234567890" repeated to the hash's key size.
const SEEDS: Record<TotpAlgorithm, Uint8Array> = {
  'SHA-1': enc('12345678901234567890'),
  'SHA-256': enc('12345678901234567890123456789012'),
  'SHA-512': enc('1234567890123456789012345678901234567890123456789012345678901234'),
};
// [time (s), SHA-1, SHA-256, SHA-512] — 8-digit codes, straight from the RFC's table.
const VECTORS: Array<[number, string, string, string]> = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('RFC 6238 test vectors', () => {
  test.each(VECTORS)('t=%i s', async (time, sha1, sha256, sha512) => {
    expect(await totp(SEEDS['SHA-1'], time * 1000, { digits: 8 })).toBe(sha1);
    expect(await totp(SEEDS['SHA-256'], time * 1000, { digits: 8, algorithm: 'SHA-256' })).toBe(sha256);
    expect(await totp(SEEDS['SHA-512'], time * 1000, { digits: 8, algorithm: 'SHA-512' })).toBe(sha512);
    // The 6 digits the approval code uses are the last 6 of the 8.
    expect(await totp(SEEDS['SHA-1'], time * 1000)).toBe(sha1.slice(2));
  });
  test('RFC 4226 Appendix D HOTP values', async () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    for (let i = 0; i < expected.length; i++) expect(await hotp(SEEDS['SHA-1'], i)).toBe(expected[i]);
  });
});

describe('verifyTotp with an injected clock', () => {
  const secret = SEEDS['SHA-1'];
  const t = 1111111109_000; // step 37037036, code 081804
  describe('accepts', () => {
    test('the current code', async () => expect(await verifyTotp(secret, '081804', t)).toBe(stepOf(t)));
    test('the previous step (read out just before the window changed)', async () => {
      expect(await verifyTotp(secret, await totp(secret, t - 30_000), t)).toBe(stepOf(t) - 1);
    });
    test('the next step (clocks a little apart)', async () => {
      expect(await verifyTotp(secret, await totp(secret, t + 30_000), t)).toBe(stepOf(t) + 1);
    });
    test('after the clock went back (a "last used" step in the future does not block today)', async () => {
      expect(await verifyTotp(secret, '081804', t, stepOf(t) + 1000)).toBe(stepOf(t));
    });
    test('spaces in the typed code', async () => expect(await verifyTotp(secret, '081 804', t)).not.toBeNull());
  });
  describe('refuses', () => {
    test('a code two steps old', async () => expect(await verifyTotp(secret, await totp(secret, t - 60_000), t)).toBeNull());
    test('a code two steps ahead', async () => expect(await verifyTotp(secret, await totp(secret, t + 60_000), t)).toBeNull());
    test('the same step twice (replay)', async () => expect(await verifyTotp(secret, '081804', t, stepOf(t))).toBeNull());
    test.each(['', '12345', '1234567', 'abcdef', '08180４'])('malformed %j', async (code) => expect(await verifyTotp(secret, code, t)).toBeNull());
    test('another secret', async () => expect(await verifyTotp(enc('abcdefghijabcdefghij'), '081804', t)).toBeNull());
  });
});

describe('base32 (RFC 4648 §10) and otpauth URI', () => {
  test.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('%j ↔ %s', (plain, coded) => {
    expect(base32Encode(enc(plain))).toBe(coded);
    expect(new TextDecoder().decode(base32Decode(coded)!)).toBe(plain);
  });
  test('decode refuses other characters', () => expect(base32Decode('MZXW1')).toBeNull());
  test('otpauth URI carries the secret, issuer and period', () => {
    const uri = otpauthUri('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', '妈妈的电脑', '反诈哨兵');
    expect(uri.startsWith('otpauth://totp/')).toBe(true);
    const q = new URL(uri).searchParams;
    expect(q.get('secret')).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(q.get('issuer')).toBe('反诈哨兵');
    expect(q.get('period')).toBe('30');
    expect(q.get('digits')).toBe('6');
  });
});
