import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { eip55Valid, keccak256, luhnValid, sha256, trc20Valid } from '../../../src/lists/identifier-checks';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('digests match published vectors', () => {
  test.each(['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(200), '反诈'])('sha256(%j) equals node:crypto', (s) => {
    expect(hex(sha256(new TextEncoder().encode(s)))).toBe(createHash('sha256').update(s).digest('hex'));
  });
  test.each([
    ['', 'c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470'],
    ['abc', '4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45'],
  ])('keccak256(%j) (Ethereum padding, not SHA3-256)', (s, want) => {
    expect(hex(keccak256(new TextEncoder().encode(s)))).toBe(want);
  });
});

describe('accepted', () => {
  test.each(['4111111111111111', '6011111111111117', '5555555555554444'])('Luhn %s', (d) => expect(luhnValid(d)).toBe(true));
  test.each(['TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'])('TRC20 %s', (a) => expect(trc20Valid(a)).toBe(true));
  // EIP-55's own examples, plus all-lower and all-upper hex (no checksum to check).
  test.each([
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
    '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed',
    '0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED',
  ])('ETH %s', (a) => expect(eip55Valid(a)).toBe(true));
});

describe('refused', () => {
  test.each(['4111111111111112', '1234', 'abcd111111111111'])('Luhn %s', (d) => expect(luhnValid(d)).toBe(false));
  test.each(['TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6', 'AR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj0t'])('TRC20 %s', (a) =>
    expect(trc20Valid(a)).toBe(false),
  );
  test.each(['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe', '0xZZAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'])('ETH %s', (a) =>
    expect(eip55Valid(a)).toBe(false),
  );
});
