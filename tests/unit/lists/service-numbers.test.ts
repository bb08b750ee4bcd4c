/**
 * The in-code allow set: genuine service numbers are never flagged, even when a list
 * carries them (pinned end to end by tests/unit/background/identifiers.test.ts).
 */
import { describe, expect, test } from 'vitest';
import { GENUINE_SERVICE_NUMBERS, isGenuineServiceNumber } from '../../../src/lists/service-numbers';
import { normalizeIdentifier } from '../../../src/lists/entries';

describe('genuine (never flagged)', () => {
  test.each(['95588', '95533', '95599', '95566', '95555', '95188', '95017', '12345', '110', '120', '96110', '12306', '10086'])('%s', (n) => {
    expect(isGenuineServiceNumber(n)).toBe(true);
  });
  test('every member is digits only, as normalizeIdentifier gives phone values', () => {
    for (const n of GENUINE_SERVICE_NUMBERS) expect(n).toMatch(/^\d{3,8}$/);
  });
  test('a 95xxx line as a list would write it normalizes to a member', () => {
    const n = normalizeIdentifier('phone', '95588');
    expect(n.ok && isGenuineServiceNumber(n.value)).toBe(true);
  });
});

describe('not genuine (may be flagged when listed)', () => {
  test.each(['13800138000', '95123', '4001234567', '01065123456', '955880', '9558'])('%s', (n) => {
    expect(isGenuineServiceNumber(n)).toBe(false);
  });
});
