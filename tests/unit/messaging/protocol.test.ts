import { describe, expect, test } from 'vitest';
import { parseEnvelope } from '../../../src/messaging/protocol';

const verdict = { level: 'high', score: 80, categories: ['investment'], evidence: [] };

describe('parseEnvelope accepts', () => {
  test.each([
    ['a page verdict', { type: 'cs-bg/page-scanned', payload: { url: 'https://a.example/', verdict } }],
    ['a tab-state query', { type: 'ui-bg/get-tab-state', payload: { tabId: 3 } }],
  ])('%s', (_name, raw) => {
    expect(parseEnvelope(raw)).toMatchObject({ ok: true, type: raw.type });
  });
});

describe('parseEnvelope rejects with a clear message', () => {
  test.each([
    ['not an object', 'hello', /not a ScamSentinel message/],
    ['unknown type', { type: 'cs-bg/steal-cookies', payload: {} }, /unknown message type/],
    ['prototype key as type', { type: '__proto__', payload: {} }, /unknown message type/],
    ['huge URL', { type: 'cs-bg/page-scanned', payload: { url: 'x'.repeat(5000), verdict } }, /invalid cs-bg\/page-scanned/],
    ['bad level', { type: 'cs-bg/page-scanned', payload: { url: 'u', verdict: { ...verdict, level: 'critical' } } }, /invalid/],
    ['negative tab id', { type: 'ui-bg/get-tab-state', payload: { tabId: -1 } }, /invalid/],
    ['too much evidence', { type: 'cs-bg/page-scanned', payload: { url: 'u', verdict: { ...verdict, evidence: Array(51).fill({}) } } }, /invalid/],
  ])('%s', (_name, raw, message) => {
    const result = parseEnvelope(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
