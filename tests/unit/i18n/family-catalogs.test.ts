import { describe, expect, test } from 'vitest';
import { FAMILY_CATALOGS, ft } from '../../../src/i18n/family';
import { familyZhCN, type FamilyKey } from '../../../src/i18n/family/zh-CN';

const keys = Object.keys(familyZhCN) as FamilyKey[];
const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('family catalogs (issue 9)', () => {
  test.each(['zh-TW', 'en'] as const)('%s has every key, non-empty, with the same {params}', (locale) => {
    for (const k of keys) {
      const text = FAMILY_CATALOGS[locale][k];
      expect(text, k).toBeTruthy();
      expect(params(text), k).toEqual(params(familyZhCN[k]));
    }
  });
  test('English is not Chinese and zh-TW is not zh-CN (no copy-paste)', () => {
    expect(keys.filter((k) => /[\u4e00-\u9fff]/.test(FAMILY_CATALOGS.en[k]))).toEqual([]);
    expect(keys.filter((k) => /[\u4e00-\u9fff]/.test(familyZhCN[k]) && FAMILY_CATALOGS['zh-TW'][k] === familyZhCN[k]).length).toBeLessThan(keys.length / 3);
  });
  test('the approval prompt says exactly what the issue asks', () => {
    expect(ft('zh-CN', 'approve.call.daughter')).toBe('给女儿打电话，请她念一下验证器里的 6 位数字');
    expect(ft('zh-CN', 'elder.leave')).toBe('离开这个网站');
  });
  test('elder sentences are short: one idea each (≤ 16 characters for the rules)', () => {
    for (const k of ['elder.rule1', 'elder.rule2', 'elder.rule3'] as const) expect(familyZhCN[k].length).toBeLessThanOrEqual(16);
  });
});
