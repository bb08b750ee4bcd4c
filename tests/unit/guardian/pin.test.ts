import { describe, expect, test } from 'vitest';
import { hashPin, MIN_PIN_ITERATIONS, PIN_ITERATIONS, validPin, verifyPin } from '../../../src/guardian/pin';
import { afterFailure, delayAfter, FREE_TRIES, isLocked, MAX_DELAY_MS, triesLeft, UNLOCKED } from '../../../src/guardian/lockout';

describe('PIN hash', () => {
  test('is PBKDF2 with ≥ 200k iterations and a random salt; the PIN itself is nowhere in it', async () => {
    const a = await hashPin('2468');
    const b = await hashPin('2468');
    expect(a.algo).toBe('PBKDF2-SHA-256');
    expect(a.iterations).toBe(PIN_ITERATIONS);
    expect(a.iterations).toBeGreaterThanOrEqual(200_000);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(JSON.stringify(a)).not.toContain('2468');
  });
  test('known answer: fixed salt gives a fixed hash (PBKDF2-HMAC-SHA256)', async () => {
    const salt = new Uint8Array(16).fill(7);
    const r1 = await hashPin('1234', { salt, iterations: MIN_PIN_ITERATIONS });
    const r2 = await hashPin('1234', { salt, iterations: MIN_PIN_ITERATIONS });
    expect(r1.hash).toBe(r2.hash);
    const { pbkdf2Sync } = await import('node:crypto');
    expect(r1.hash).toBe(pbkdf2Sync('1234', Buffer.from(salt), MIN_PIN_ITERATIONS, 32, 'sha256').toString('base64'));
  });
  describe('verifies', () => {
    test('the right PIN', async () => expect(await verifyPin('2468', await hashPin('2468'))).toBe(true));
  });
  describe('refuses', () => {
    test.each(['2469', '24680', '', '246８'])('%j', async (pin) => expect(await verifyPin(pin, await hashPin('2468', { iterations: MIN_PIN_ITERATIONS }))).toBe(false));
    test('a damaged record', async () => expect(await verifyPin('2468', { ...(await hashPin('2468')), hash: '%%%' })).toBe(false));
  });
  test('PIN shape: 4–8 digits', () => {
    expect(['1234', '12345678'].every(validPin)).toBe(true);
    expect(['123', '123456789', 'abcd', '12 34'].some(validPin)).toBe(false);
  });
  test('too few iterations is refused', async () => {
    await expect(hashPin('1234', { iterations: 1000 })).rejects.toThrow();
  });
});

describe('wrong-PIN lockout', () => {
  test('the first 4 wrong tries do not lock; the 5th does; delays grow and are capped', () => {
    let s = UNLOCKED;
    const now = 1_000_000;
    for (let i = 1; i < FREE_TRIES; i++) {
      s = afterFailure(s, now);
      expect(isLocked(s, now)).toBe(false);
    }
    expect(triesLeft(s)).toBe(1);
    s = afterFailure(s, now);
    expect(isLocked(s, now)).toBe(true);
    expect(s.lockedUntil - now).toBe(30_000);
    expect(isLocked(s, now + 30_001)).toBe(false);
    const delays = [5, 6, 7, 8, 20].map(delayAfter);
    expect(delays.slice(0, 4)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(delays[4]).toBe(MAX_DELAY_MS);
  });
});
