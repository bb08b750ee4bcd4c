/** Data hygiene of the bundled seed list (like MetaMask's tests on its shipped config). */
import { describe, expect, it } from 'vitest';
import seedJson from '../../../assets/lists/seed.json';
import { normalizeEntryValue } from '../../../src/lists/entries';
import { buildIndex, lookupUrl } from '../../../src/lists/lookup';
import { loadSeed } from '../../../src/lists/seed';

describe('seed list hygiene', () => {
  const entries = seedJson.entries;
  it('loads through the same validation as a signed snapshot', () => {
    expect(() => loadSeed()).not.toThrow();
    expect(loadSeed().entries).toHaveLength(entries.length);
  });
  it('is ASCII/punycode only and already canonical', () => {
    for (const e of entries) {
      expect(e.value, e.value).toMatch(/^[\x21-\x7e]+$/);
      const n = normalizeEntryValue(e.kind as 'domain', e.value);
      expect(n, e.value).toEqual({ ok: true, value: e.value });
    }
  });
  it('has no duplicates', () => {
    const keys = entries.map((e) => `${e.kind}:${e.value}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it('uses only reserved demo names (.example), never real domains', () => {
    for (const e of entries) expect(e.value.split('/')[0]).toMatch(/\.example$/);
  });
  it('contains the demo domains the tests and demos rely on', () => {
    const ix = buildIndex(loadSeed().entries);
    const v = (u: string) => lookupUrl(ix, u).verdict;
    expect(v('https://scam-demo.example/')).toMatchObject({ result: 'block', match: 'scam-demo.example' });
    expect(v('https://fake-police.example/')).toMatchObject({ result: 'block' });
    expect(v('https://pension-demo.example/')).toMatchObject({ result: 'block' });
    expect(v('https://allowed-demo.example/')).toMatchObject({ result: 'allow', type: 'allowlist' });
    expect(v('https://shared-hosting-demo.example/~scam/offer.html')).toMatchObject({ result: 'block' });
    expect(v('https://shared-hosting-demo.example/~someone-else/')).toMatchObject({ result: 'none' });
  });
  it('categories match the demos', () => {
    const cat = Object.fromEntries(entries.map((e) => [e.value, e.category]));
    expect(cat['scam-demo.example']).toBe('investment');
    expect(cat['fake-police.example']).toBe('impersonation_authority');
    expect(cat['pension-demo.example']).toBe('pension');
  });
});
