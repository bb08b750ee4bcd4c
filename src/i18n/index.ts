/**
 * Tiny runtime i18n. We do not use browser.i18n for UI text because the user can
 * choose the language in options (browser.i18n follows the browser only); the
 * manifest name/description still come from assets/public/_locales.
 */
import type { Locale } from '../engine/types';
import { zhCN, type Catalog, type MessageKey } from './locales/zh-CN';
import { zhTW } from './locales/zh-TW';
import { en } from './locales/en';

export type { MessageKey, Catalog };
export const CATALOGS: Record<Locale, Catalog> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

export { localeFromTag, resolveLocale } from './locale-tag';

export function t(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const template = CATALOGS[locale][key] ?? zhCN[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
