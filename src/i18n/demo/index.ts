/** t() for the outreach demo's own catalog (src/i18n/demo/*). */
import type { Locale } from '../../engine/types';
import { demoEn } from './en';
import { demoZhCN, type DemoCatalog, type DemoKey } from './zh-CN';
import { demoZhTW } from './zh-TW';

export type { DemoKey };
export const DEMO_CATALOGS: Record<Locale, DemoCatalog> = { 'zh-CN': demoZhCN, 'zh-TW': demoZhTW, en: demoEn };

export function dt(locale: Locale, key: DemoKey, params?: Record<string, string | number>): string {
  const template = DEMO_CATALOGS[locale][key] ?? demoZhCN[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
