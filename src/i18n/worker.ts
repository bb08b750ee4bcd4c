/**
 * The only strings the service worker shows (the "blocked in a background tab"
 * notification), in their own small catalog so the worker does not carry every page's
 * text. The full catalogs (src/i18n/locales/*.ts) include these, so `t(locale, key)`
 * keeps working everywhere.
 */
import type { Locale } from '../engine/types';

export const WORKER_STRINGS = {
  'zh-CN': {
    'lists.notify.title': '反诈哨兵拦住了一个诈骗网站',
    'lists.notify.body': '一个后台标签页要打开 {host}，它在诈骗网站名单上，已经替您拦下了。',
  },
  'zh-TW': {
    'lists.notify.title': '反詐哨兵攔住了一個詐騙網站',
    'lists.notify.body': '一個背景分頁要開啟 {host}，它在詐騙網站名單上，已經替您攔下了。',
  },
  en: {
    'lists.notify.title': 'ScamSentinel stopped a scam website',
    'lists.notify.body': 'A tab in the background tried to open {host}, which is on a scam website list. It was stopped for you.',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type WorkerKey = keyof (typeof WORKER_STRINGS)['zh-CN'];

export function tWorker(locale: Locale, key: WorkerKey, params?: Record<string, string | number>): string {
  const template: string = WORKER_STRINGS[locale][key] ?? WORKER_STRINGS['zh-CN'][key];
  return params ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : template;
}
