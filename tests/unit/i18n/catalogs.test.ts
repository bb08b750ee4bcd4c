/**
 * Every catalog has every key of the source catalog (zh-CN), no empty strings, and
 * the same {placeholders}: a missing or mistyped key fails here, not in front of a user.
 */
import { describe, expect, test } from 'vitest';
import { CATALOGS } from '../../../src/i18n';
import { zhCN } from '../../../src/i18n/locales/zh-CN';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const sourceKeys = Object.keys(zhCN).sort();

describe.each(Object.entries(CATALOGS))('catalog %s', (_locale, catalog) => {
  test('has exactly the source keys', () => {
    const keys = Object.keys(catalog).sort();
    expect(sourceKeys.filter((k) => !keys.includes(k)), 'missing keys').toEqual([]);
    expect(keys.filter((k) => !sourceKeys.includes(k)), 'unknown keys').toEqual([]);
  });
  test('has no empty or untrimmed strings', () => {
    const bad = Object.entries(catalog).filter(([, v]) => typeof v !== 'string' || !v.trim() || v !== v.trim());
    expect(bad).toEqual([]);
  });
  test('uses the same placeholders as the source', () => {
    const bad = Object.entries(catalog).filter(([k, v]) => placeholders(v).join() !== placeholders(zhCN[k as keyof typeof zhCN]).join());
    expect(bad).toEqual([]);
  });
});

describe('catalogs differ where they should', () => {
  test('en is not a copy of zh-CN', () => {
    const same = Object.keys(zhCN).filter((k) => CATALOGS.en[k as keyof typeof zhCN] === zhCN[k as keyof typeof zhCN] && /[\u4e00-\u9fff]/.test(zhCN[k as keyof typeof zhCN]));
    // Language names are written in their own script on purpose.
    expect(same.filter((k) => !k.startsWith('options.lang.'))).toEqual([]);
  });
});
