/** Which of our locales to use: the person's choice, else the browser's language. No catalogs here. */
import type { Locale } from '../engine/types';
import type { LanguageChoice } from '../settings/schema';

/** Map a BCP-47 tag (navigator.language) to one of our locales. zh-Hant/TW/HK/MO → zh-TW. */
export function localeFromTag(tag: string | undefined): Locale {
  const t = (tag ?? '').toLowerCase();
  if (t.startsWith('zh')) return /hant|-tw|-hk|-mo/.test(t) ? 'zh-TW' : 'zh-CN';
  if (t.startsWith('en')) return 'en';
  return 'zh-CN';
}

export function resolveLocale(choice: LanguageChoice, browserTag: string | undefined): Locale {
  return choice === 'auto' ? localeFromTag(browserTag) : choice;
}
