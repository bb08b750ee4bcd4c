import { browser } from 'wxt/browser';
import type { Locale } from '../engine/types';
import { resolveLocale } from '../i18n';
import { loadSettings } from '../settings/store';

/** The UI language: the user's choice in options, else the browser's. Sets <html lang>. */
export async function loadUiLocale(): Promise<Locale> {
  const settings = await loadSettings(browser.storage.local);
  const forced = new URLSearchParams(location.search).get('lang');
  const locale = forced === 'en' || forced === 'zh-CN' || forced === 'zh-TW' ? forced : resolveLocale(settings.language, navigator.language);
  document.documentElement.lang = locale;
  return locale;
}
