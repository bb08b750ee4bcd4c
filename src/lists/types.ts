/**
 * Blacklist vocabulary shared by the pure list modules (src/lists, src/url) and the
 * background glue (src/background/list-*). PURE.
 *
 * Precedence (user allow > user block > list allow > list block, with a worked example):
 * src/lists/precedence.ts, the one home of that order.
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
  /** Normalized by src/lists/entries.ts normalizeIdentifier (digits only for numbers, lowercase ids). */
  value: string;
  category: Category | 'unknown';
  source: string;
  firstSeen: number;
  expires?: number;
}

// The precedence (levels, their order, specificity) lives in src/lists/precedence.ts.
export { LIST_LEVELS, type ListLevel, isUserSource, levelOf, KIND_SPECIFICITY } from './precedence';
import type { ListLevel } from './precedence';

export type UrlVerdictType = 'blocklist' | 'allowlist' | 'lookalike' | 'none';

export interface UrlVerdict {
  result: 'block' | 'allow' | 'caution' | 'none';
  type: UrlVerdictType;
  /** The lookup expression or entry value that matched. */
  match?: string;
  entry?: ListEntry;
  /** For lookalikes: the protected brand being imitated (e.g. '中国工商银行'). */
  brand?: string;
  /** Which precedence level decided a list verdict. */
  level?: ListLevel;
  /** Key of the metadata record of the matching entry (src/lists/compact-index.ts metaKey). */
  metaKey?: string;
}
