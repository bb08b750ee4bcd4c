/**
 * The few family strings the content script needs (elder-mode alert and cooling-off).
 * Kept apart so the content script, which runs on every page, does not carry the whole
 * family catalogs; the full catalogs (zh-CN.ts, zh-TW.ts, en.ts) include these by spreading.
 */
import type { Locale } from '../../engine/types';

const zhCN = {
  'elder.leave': '离开这个网站',
  'elder.readAgain': '再读一遍',
  'elder.alertTitle': '危险！这个网站可能是骗子。',
  'elder.bannerTitle': '小心！这个网页有骗子常说的话。',
  'elder.kind': '这可能是：{kind}。',
  'elder.rule1': '不要转账。',
  'elder.rule2': '不要说出验证码。',
  'elder.rule3': '先给家人打电话。',
  'elder.call96110': '打 96110 反诈专线',
  'elder.askFamily': '我还想继续看（要家人同意）',
} as const;
export type FamilyPageKey = keyof typeof zhCN;
const zhTW: Record<FamilyPageKey, string> = {
  'elder.leave': '離開這個網站',
  'elder.readAgain': '再讀一遍',
  'elder.alertTitle': '危險！這個網站可能是騙子。',
  'elder.bannerTitle': '小心！這個網頁有騙子常說的話。',
  'elder.kind': '這可能是：{kind}。',
  'elder.rule1': '不要轉帳。',
  'elder.rule2': '不要說出驗證碼。',
  'elder.rule3': '先給家人打電話。',
  'elder.call96110': '打 96110 反詐專線',
  'elder.askFamily': '我還想繼續看（要家人同意）',
};
const en: Record<FamilyPageKey, string> = {
  'elder.leave': 'Leave this website',
  'elder.readAgain': 'Read it again',
  'elder.alertTitle': 'Danger! This website may be a scam.',
  'elder.bannerTitle': 'Careful! This page uses words scammers use.',
  'elder.kind': 'It may be: {kind}.',
  'elder.rule1': 'Do not send money.',
  'elder.rule2': 'Do not tell anyone a code.',
  'elder.rule3': 'Call your family first.',
  'elder.call96110': 'Call 96110, the anti-fraud line',
  'elder.askFamily': 'I still want to look (family must agree)',
};
export const FAMILY_PAGE: { 'zh-CN': typeof zhCN; 'zh-TW': Record<FamilyPageKey, string>; en: Record<FamilyPageKey, string> } = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

export function fpt(locale: Locale, key: FamilyPageKey, params?: Record<string, string | number>): string {
  const template = FAMILY_PAGE[locale][key] ?? zhCN[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
