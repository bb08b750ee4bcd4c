/**
 * The family strings (issue 9) live in their own catalogs so the main catalogs stay
 * untouched; same {param} syntax and zh-CN fallback as src/i18n/index.ts.
 */
import type { Locale } from '../../engine/types';
import { familyZhCN, type FamilyKey } from './zh-CN';
import { familyZhTW } from './zh-TW';
import { familyEn } from './en';

export type { FamilyKey };
export const FAMILY_CATALOGS: Record<Locale, Record<FamilyKey, string>> = { 'zh-CN': familyZhCN, 'zh-TW': familyZhTW, en: familyEn };

export function ft(locale: Locale, key: FamilyKey, params?: Record<string, string | number>): string {
  const template = FAMILY_CATALOGS[locale][key] ?? familyZhCN[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
