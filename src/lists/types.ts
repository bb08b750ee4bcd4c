/**
 * Blacklist vocabulary shared by the pure list modules (src/lists, src/url) and the
 * background glue (src/background/list-*). PURE.
 *
 * Precedence (highest first; tested in tests/unit/lists):
 *   1. user allow      (the person or their family said "this site is fine")
 *   2. user block
 *   3. subscription/seed allow entries
 *   4. subscription/seed block entries
 * Within one level the most specific match wins (URL prefix > exact host > domain).
 */
import type { Category } from '../engine/types';

export const ENTRY_KINDS = ['domain', 'host', 'urlPrefix', 'ip'] as const;
/** domain: the registrable domain or any subdomain; host: exactly this host; urlPrefix: canonical URL prefix; ip: an IPv4/IPv6 literal. */
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const IDENTIFIER_KINDS = ['phone', 'bankCard', 'usdtAddress', 'qq', 'wechat'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export type ListAction = 'block' | 'allow';

export interface ListEntry {
  kind: EntryKind;
  /** Canonical form: punycode lowercase host, canonical URL prefix, or normalized IP. */
  value: string;
  action: ListAction;
  category: Category | 'unknown';
  /** Id of the list (seed, subscription id, 'user'). */
  source: string;
  firstSeen: number; // ms since epoch
  expires?: number; // ms since epoch
}

export interface IdentifierEntry {
  kind: IdentifierKind;
  value: string;
  category: Category | 'unknown';
  source: string;
  firstSeen: number;
}

export type UrlVerdictType = 'blocklist' | 'allowlist' | 'lookalike' | 'none';

export interface UrlVerdict {
  result: 'block' | 'allow' | 'caution' | 'none';
  type: UrlVerdictType;
  /** The lookup expression or entry value that matched. */
  match?: string;
  entry?: ListEntry;
  /** For lookalikes: the protected brand being imitated (e.g. '中国工商银行'). */
  brand?: string;
}
