import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, migrateSettings, SETTINGS_VERSION } from '../../../src/settings/schema';
import { loadSettings, saveSettings } from '../../../src/settings/store';
import { memoryArea } from '../support/memory-area';

describe('migrateSettings', () => {
  test.each([
    ['nothing stored', undefined, DEFAULT_SETTINGS],
    ['garbage', 'not settings', DEFAULT_SETTINGS],
    ['an array', [1, 2], DEFAULT_SETTINGS],
    ['unversioned v0 shape keeps its choices', { sensitivity: 'strict', language: 'en' }, { ...DEFAULT_SETTINGS, sensitivity: 'strict', language: 'en' }],
    ['current version passes through', { ...DEFAULT_SETTINGS, sensitivity: 'relaxed' }, { ...DEFAULT_SETTINGS, sensitivity: 'relaxed' }],
    [
      'one corrupt field is defaulted, the valid ones are kept',
      { ...DEFAULT_SETTINGS, sensitivity: 'paranoid', language: 'zh-TW', disabledCategories: ['gambling'] },
      { ...DEFAULT_SETTINGS, language: 'zh-TW', disabledCategories: ['gambling'] },
    ],
    ['unknown category is not accepted', { ...DEFAULT_SETTINGS, disabledCategories: ['nope'] }, DEFAULT_SETTINGS],
  ])('%s', (_name, stored, expected) => {
    expect(migrateSettings(stored)).toEqual({ ...expected, version: SETTINGS_VERSION });
  });
});

describe('settings store', () => {
  test('save merges a patch and load reads it back', async () => {
    const area = memoryArea();
    await saveSettings(area, { sensitivity: 'strict' });
    expect((await loadSettings(area)).sensitivity).toBe('strict');
    expect((await loadSettings(area)).language).toBe('auto');
  });
  test('an invalid patch is refused and nothing stored is lost', async () => {
    const area = memoryArea();
    await saveSettings(area, { language: 'en' });
    await expect(saveSettings(area, { sensitivity: 'loud' as never })).rejects.toThrow();
    expect((await loadSettings(area)).language).toBe('en');
  });
});

// Issue 9: version 1 → 2 adds elder mode and site-name sharing, switched off, and loses nothing.
describe('migration from version 1', () => {
  const v1 = {
    version: 1,
    sensitivity: 'strict',
    disabledCategories: ['gambling', 'illegal_service'],
    language: 'zh-TW',
    familyContact: { name: '小芳', phone: '138 0000 0000' },
  };
  test('every version-1 field is kept exactly; the new ones arrive off', () => {
    expect(migrateSettings(v1)).toEqual({ ...v1, version: 2, elderMode: false, shareSiteNames: false });
  });
  test('a version-1 record with no contact keeps null', () => {
    expect(migrateSettings({ ...v1, familyContact: null }).familyContact).toBeNull();
  });
  test('a corrupt version-1 field is defaulted, the rest kept', () => {
    expect(migrateSettings({ ...v1, language: 'klingon' })).toEqual({ ...v1, language: 'auto', version: 2, elderMode: false, shareSiteNames: false });
  });
  test('a stored v1 record loads as v2 through the store', async () => {
    const area = memoryArea();
    await area.set({ settings: v1 });
    expect(await loadSettings(area)).toMatchObject({ version: 2, familyContact: v1.familyContact, sensitivity: 'strict' });
  });
  test('a version-2 record with elder mode on passes through', () => {
    const v2 = { ...v1, version: 2, elderMode: true, shareSiteNames: true, familyContact: { ...v1.familyContact, relation: 'daughter' } };
    expect(migrateSettings(v2)).toEqual(v2);
  });
});
