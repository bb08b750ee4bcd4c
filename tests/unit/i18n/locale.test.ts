import { describe, expect, test } from 'vitest';
import { localeFromTag, resolveLocale, t } from '../../../src/i18n';

describe('localeFromTag', () => {
  test.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans-SG', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['en-US', 'en'],
    ['fr-FR', 'zh-CN'],
    [undefined, 'zh-CN'],
  ])('%s → %s', (tag, locale) => expect(localeFromTag(tag)).toBe(locale));
});

test('an explicit language choice wins over the browser', () => {
  expect(resolveLocale('en', 'zh-CN')).toBe('en');
  expect(resolveLocale('auto', 'zh-TW')).toBe('zh-TW');
});

test('t fills placeholders and falls back to the key template', () => {
  expect(t('en', 'level.high')).toBe('High risk');
  expect(t('zh-CN', 'level.high')).toBe('高风险');
});
