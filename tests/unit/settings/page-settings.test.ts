/**
 * The content script's zod-free settings reader (src/settings/page-settings.ts) gives the
 * same answer as migrateSettings for every field it returns: a table of stored values
 * (current, old versions, corrupt fields, junk) and random ones.
 */
import { describe, expect, test } from 'vitest';
import { migrateSettings, SETTINGS_VERSION, STORAGE_KEYS, DEFAULT_SETTINGS } from '../../../src/settings/schema';
import { PAGE_SETTINGS_VERSION, readPageSettings, SETTINGS_KEY } from '../../../src/settings/page-settings';

const pageView = (stored: unknown) => {
  const s = migrateSettings(stored);
  return { sensitivity: s.sensitivity, disabledCategories: s.disabledCategories, language: s.language, familyContact: s.familyContact, elderMode: s.elderMode };
};
const v2 = { ...DEFAULT_SETTINGS, sensitivity: 'strict', disabledCategories: ['gambling'], language: 'zh-TW', familyContact: { name: '女儿', phone: '13800138000', relation: 'daughter' }, elderMode: true, shareSiteNames: true };

const TABLE: Array<[string, unknown]> = [
  ['nothing stored', undefined],
  ['null', null],
  ['an array', ['strict']],
  ['a string', 'settings'],
  ['current settings', v2],
  ['current, elder mode on', { ...v2, elderMode: true }],
  ['v1 (elder mode did not exist: off)', { ...v2, version: 1, elderMode: true }],
  ['unversioned partial', { sensitivity: 'relaxed' }],
  ['unversioned with elder mode set (migration switches it off)', { sensitivity: 'relaxed', elderMode: true }],
  ['future version keeps valid fields', { ...v2, version: 9 }],
  ['fractional version', { ...v2, version: 1.5 }],
  ['negative version', { ...v2, version: -1 }],
  ['NaN version', { ...v2, version: Number.NaN }],
  ['string version (treated as unversioned)', { ...v2, version: '2' }],
  ['bad sensitivity', { ...v2, sensitivity: 'paranoid' }],
  ['one bad category drops the list', { ...v2, disabledCategories: ['gambling', 'aliens'] }],
  ['categories not an array', { ...v2, disabledCategories: 'gambling' }],
  ['bad language', { ...v2, language: 'klingon' }],
  ['contact name too long', { ...v2, familyContact: { name: 'x'.repeat(41), phone: '1' } }],
  ['contact phone too long', { ...v2, familyContact: { name: 'a', phone: '1'.repeat(31) } }],
  ['contact with an unknown relation', { ...v2, familyContact: { name: 'a', phone: '1', relation: 'cousin' } }],
  ['contact without relation', { ...v2, familyContact: { name: 'a', phone: '1' } }],
  ['contact with extra keys (stripped)', { ...v2, familyContact: { name: 'a', phone: '1', evil: '<script>' } }],
  ['contact is an array', { ...v2, familyContact: ['a', '1'] }],
  ['contact is a string', { ...v2, familyContact: '13800138000' }],
  ['elder mode not a boolean', { ...v2, elderMode: 'yes' }],
  ['inherited junk is ignored', Object.assign(Object.create({ sensitivity: 'strict' }), { version: 2 })],
];

describe('readPageSettings = migrateSettings for the page fields', () => {
  test.each(TABLE)('%s', (_n, stored) => expect(readPageSettings(stored)).toEqual(pageView(stored)));

  test('random stored values (seeded)', () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const values = {
      version: [undefined, 0, 1, 2, 3, '2', null, 1.5],
      sensitivity: [undefined, 'strict', 'standard', 'relaxed', 'max', 3],
      disabledCategories: [undefined, [], ['romance'], ['romance', 'x'], 'romance', null],
      language: [undefined, 'auto', 'en', 'zh-CN', 'zh-TW', 'de', 0],
      familyContact: [undefined, null, { name: 'a', phone: '1' }, { name: 'a', phone: '1', relation: 'son' }, { name: 1, phone: '1' }, { name: 'a' }, []],
      elderMode: [undefined, true, false, 1, 'true'],
    };
    for (let i = 0; i < 2000; i++) {
      const stored: Record<string, unknown> = {};
      for (const [k, opts] of Object.entries(values)) {
        const v = pick(opts as readonly unknown[]);
        if (v !== undefined) stored[k] = v;
      }
      expect(readPageSettings(stored), JSON.stringify(stored)).toEqual(pageView(stored));
    }
  });

  test('knows the current settings version and key (a new version must be taught to the page reader)', () => {
    expect(PAGE_SETTINGS_VERSION).toBe(SETTINGS_VERSION);
    expect(SETTINGS_KEY).toBe(STORAGE_KEYS.settings);
  });
});
