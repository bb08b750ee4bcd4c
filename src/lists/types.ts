/**
 * Blacklist vocabulary shared by the pure list modules (src/lists, src/url) and the
 * background glue (src/background/list-*). PURE.
 *
 * Precedence (highest first; tested in tests/unit/lists/precedence.test.ts):
 *   1. user allow      (the person or their family said "this site is fine")
 *   2. user block
 *   3. subscription/seed allow entries
 *   4. subscription/seed block entries
 * Within one level the most specific match wins (URL prefix > exact host = IP > domain;
 * among URL prefixes the longer one, among domains the one with more labels). The level
 * decides the verdict; specificity only decides which entry is reported as the match.
 * "User" means a source id of 'user' or starting with 'user:' (e.g. 'user:family').
 *
 * Worked example: seed blocks domain `scam-demo.example`, the user allows host
 * `safe.scam-demo.example` → https://safe.scam-demo.example/x is 'allow' (level 1 beats
 * level 4); https://other.scam-demo.example/ stays 'block'.
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

/** Precedence levels, highest first (see the header). */
export const LIST_LEVELS = ['userAllow', 'userBlock', 'listAllow', 'listBlock'] as const;
export type ListLevel = (typeof LIST_LEVELS)[number];

/** True for the person's own (or family) lists: source 'user' or 'user:…'. */
export function isUserSource(source: string): boolean {
  return source === 'user' || source.startsWith('user:');
}

export function levelOf(entry: Pick<ListEntry, 'source' | 'action'>): ListLevel {
  if (isUserSource(entry.source)) return entry.action === 'allow' ? 'userAllow' : 'userBlock';
  return entry.action === 'allow' ? 'listAllow' : 'listBlock';
}

/** Rank used inside one level: higher is more specific. */
export const KIND_SPECIFICITY: Record<EntryKind, number> = { urlPrefix: 3, host: 2, ip: 2, domain: 1 };

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
