import { describe, expect, test } from 'vitest';
import { validPhone } from '../../../src/ui/options';
import { listFreshness } from '../../../src/ui/popup';
import type { Request } from '../../../src/ui/report-panel';

describe('family phone numbers', () => {
  test.each([['138 0013 8000'], ['+86 10 1234-5678'], ['(010) 12345678'], ['96110']])('accepts %s', (p) => expect(validPhone(p)).toBe(true));
  test.each([['javascript:alert(1)'], ['12'], [''], ['1'.repeat(31)], ['tel:110'], ['<b>110</b>']])('refuses %j', (p) => expect(validPhone(p)).toBe(false));
});

describe('list freshness in the popup', () => {
  const fake = (impl: () => Promise<unknown>) => (async () => impl()) as unknown as Request;
  test('newest successful update wins', async () => {
    const lists = [{ lastSuccess: 10 }, { lastSuccess: null }, { lastSuccess: 30 }];
    expect(await listFreshness(fake(async () => ({ lists, user: { allow: [], block: [] } })))).toBe(30);
  });
  test('no lists or no lists service → null', async () => {
    expect(await listFreshness(fake(async () => ({ lists: [], user: { allow: [], block: [] } })))).toBeNull();
    expect(await listFreshness(fake(async () => Promise.reject(new Error('no handler'))))).toBeNull();
  });
});
