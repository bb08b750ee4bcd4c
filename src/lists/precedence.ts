/**
 * THE allow/block precedence, in one place (the URL lookup, the list service and the DNR
 * rule priorities all take it from here). PURE.
 *
 * Levels, highest first (tested in tests/unit/lists/precedence.test.ts):
 *   1. userAllow   the person (or family) said "this site is fine"
 *   2. userBlock   the person blocked it
 *   3. listAllow   a subscription's / the seed's allow entry
 *   4. listBlock   a subscription's / the seed's block entry
 * The highest level with a match decides; within one level the most specific match is
 * reported (URL prefix > exact host = IP > domain; KIND_SPECIFICITY). "User" is a source
 * of 'user' or 'user:…' (e.g. 'user:family').
 *
 * Worked example: seed blocks domain `scam-demo.example`, the user allows
 * `safe.scam-demo.example` → https://safe.scam-demo.example/x is 'allow' (level 1 beats
 * level 4); https://other.scam-demo.example/ stays 'block'.
 */
import type { EntryKind, ListEntry } from './types';

export const LIST_LEVELS = ['userAllow', 'userBlock', 'listAllow', 'listBlock'] as const;
export type ListLevel = (typeof LIST_LEVELS)[number];

/** What a level does. */
export const LEVEL_ACTION: Record<ListLevel, 'allow' | 'block'> = { userAllow: 'allow', userBlock: 'block', listAllow: 'allow', listBlock: 'block' };

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

/**
 * declarativeNetRequest priorities (higher wins), derived from the level order: listBlock
 * 10, listAllow 20, userBlock 30, userAllow 40; "continue once" (a session bypass of a
 * blocked host) sits above every level.
 */
export const DNR_PRIORITY: Record<ListLevel | 'bypass', number> = {
  ...(Object.fromEntries(LIST_LEVELS.map((l, i) => [l, (LIST_LEVELS.length - i) * 10])) as Record<ListLevel, number>),
  bypass: (LIST_LEVELS.length + 1) * 10,
};

/** Does `host` equal `domain` or end with `.domain`? (user entries cover subdomains) */
export function hostInDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

export interface UserHostEntry {
  host: string;
  addedAt: number;
}

/** The person's own lists, checked before any index: the first user level that matches `host`. */
export function userLevelMatch(host: string, user: { allow: readonly UserHostEntry[]; block: readonly UserHostEntry[] }): { level: 'userAllow' | 'userBlock'; entry: UserHostEntry } | null {
  for (const level of LIST_LEVELS) {
    if (level !== 'userAllow' && level !== 'userBlock') continue;
    const entry = (level === 'userAllow' ? user.allow : user.block).find((u) => hostInDomain(host, u.host));
    if (entry) return { level, entry };
  }
  return null;
}
