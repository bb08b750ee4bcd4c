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
