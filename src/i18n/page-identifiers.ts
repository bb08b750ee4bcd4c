/**
 * Page-side strings for listed identifiers (src/page/identifiers.ts), in their own small
 * catalog so the content script carries only what the page shows. zh-CN first.
 * `{kind}`, `{value}`, `{list}`, `{date}` are filled by identifierEvidence().
 */
import type { Locale } from '../engine/types';
import type { IdentifierKind } from '../lists/types';

interface IdentifierStrings {
  kind: Record<IdentifierKind, string>;
  /** The evidence line: which identifier, on which list, since when. */
  listed: string;
  /** Same, when the list gives no date. */
  listedNoDate: string;
  advice: string;
  /** Name of the person's own list. */
  ownList: string;
}

export const IDENTIFIER_STRINGS: Record<Locale, IdentifierStrings> = {
  'zh-CN': {
    kind: { phone: '电话', bankCard: '银行卡号', usdtAddress: 'USDT 收款地址', qq: 'QQ 号', wechat: '微信号' },
    listed: '此页面上的{kind} {value} 在反诈名单上（{list}，{date} 收录）',
    listedNoDate: '此页面上的{kind} {value} 在反诈名单上（{list}）',
    advice: '不要拨打、转账或添加这个联系方式。已经联系过的，请拨打 96110 咨询。',
    ownList: '您自己的名单',
  },
  'zh-TW': {
    kind: { phone: '電話', bankCard: '銀行卡號', usdtAddress: 'USDT 收款地址', qq: 'QQ 號', wechat: '微信號' },
    listed: '此頁面上的{kind} {value} 在反詐名單上（{list}，{date} 收錄）',
    listedNoDate: '此頁面上的{kind} {value} 在反詐名單上（{list}）',
    advice: '不要撥打、轉帳或加這個聯絡方式。已經聯絡過的，請撥打 96110 諮詢。',
    ownList: '您自己的名單',
  },
  en: {
    kind: { phone: 'phone number', bankCard: 'bank card', usdtAddress: 'USDT address', qq: 'QQ number', wechat: 'WeChat ID' },
    listed: 'The {kind} {value} on this page is on an anti-fraud list ({list}, listed {date})',
    listedNoDate: 'The {kind} {value} on this page is on an anti-fraud list ({list})',
    advice: 'Do not call, pay or add this contact. If you already did, call the anti-fraud hotline 96110.',
    ownList: 'your own list',
  },
};

export function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => params[name] ?? m);
}
