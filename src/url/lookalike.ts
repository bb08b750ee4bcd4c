/**
 * Lookalike domains of protected Chinese brands and public services. PURE.
 * The verdict is at most 'caution' naming the brand, NEVER 'block': a lookalike is a
 * suspicion, and the genuine site must never be blocked by a mistake here.
 *
 * Data: assets/lists/protected-brands.json (brand, real domains, ASCII tokens, service
 * numbers). Confusables: Unicode's UTS #39 confusables.txt through the `unhomoglyph`
 * package (nodeca; the data table of confusables.txt as JSON). The `confusables` npm
 * package is NOT used: it is a hand-made English profanity map, not UTS #39 data.
 * That table and the Public Suffix List are loaded on first need (src/url/url-data.ts):
 * callers `await ensureUrlData(...)` before the first check (the extension does it in
 * list-engine.ts; the CLI and tests install them from the packages).
 *
 * A host is checked label by label (public suffix excluded; hyphen parts too):
 *   genuine     host under a brand's real domain, or under gov.cn / edu.cn (registration
 *               there is restricted)                         → silent
 *   confusable  skeleton(label) = skeleton(token), label ≠ token   "аlipay" (Cyrillic а), "icbc" in xn--…
 *   brand-label label = token on a non-genuine domain             "icbc.com.cn.evil.top", "alipay.top"
 *   edit-distance one insertion/deletion/substitution/transposition from a token of ≥ 5
 *               letters                                           "alipey", "taoboa"
 *   brand-keyword token inside the label with something else      "icbc-kefu", "myalipay", "ccb-vip",
 *               (tokens < 4 letters only as a hyphen part or next to a keyword/digits),
 *               or a digit run equal to a service number           "95588-cn", "icbc95588"
 * skeleton(s) = lowercase(NFD(map(NFD(s)))) per UTS #39 §4, lowercased because host
 * labels are case-insensitive.
 */
import { confusableMap, publicSuffixIcann } from './url-data';
import { toUnicode } from 'punycode/punycode.es6.js';
import brandsJson from '../../assets/lists/protected-brands.json';
import type { LocalizedText } from '../engine/types';
import type { UrlVerdict } from '../lists/types';

export interface ProtectedBrand {
  id: string;
  name: LocalizedText;
  domains: string[];
  tokens: string[];
  numbers: string[];
}

export type LookalikeReason = 'confusable' | 'brand-label' | 'edit-distance' | 'brand-keyword';

export interface LookalikeMatch {
  brand: ProtectedBrand;
  reason: LookalikeReason;
  /** The label (Unicode form) that looked like the brand. */
  label: string;
}

export const PROTECTED_BRANDS: readonly ProtectedBrand[] = brandsJson.brands;
const KEYWORDS: readonly string[] = brandsJson.keywords;
const RESTRICTED_SUFFIXES = ['gov.cn', 'edu.cn', 'mil.cn'];

export function skeleton(s: string): string {
  return confusableMap(s.normalize('NFD')).normalize('NFD').toLowerCase();
}

/** True when a and b differ by at most one edit (insert, delete, substitute, adjacent swap). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

interface Prepared {
  brand: ProtectedBrand;
  tokens: { token: string; skel: string }[];
}

// Built on the first check, not at import: skeleton() needs the confusables table
// (loaded on first need) and its one regex of ~6,000 alternatives.
let preparedCache: Prepared[] | null = null;
const prepared = (): Prepared[] => (preparedCache ??= PROTECTED_BRANDS.map((brand) => ({ brand, tokens: brand.tokens.map((t) => ({ token: t, skel: skeleton(t) })) })));
const keywordSet = new Set(KEYWORDS);

function isGenuine(host: string): boolean {
  for (const s of RESTRICTED_SUFFIXES) if (host === s || host.endsWith('.' + s)) return true;
  for (const b of PROTECTED_BRANDS) for (const d of b.domains) if (host === d || host.endsWith('.' + d)) return true;
  return false;
}

/** Short token next to a keyword or digits: "ccbvip", "kefuccb", "jd618". */
function shortTokenAffix(part: string, token: string): boolean {
  if (part.startsWith(token)) {
    const rest = part.slice(token.length);
    if (keywordSet.has(rest) || /^\d{1,6}$/.test(rest)) return true;
  }
  if (part.endsWith(token)) {
    const rest = part.slice(0, part.length - token.length);
    if (keywordSet.has(rest)) return true;
  }
  return false;
}

function checkLabel(label: string): LookalikeMatch | null {
  const parts = label.includes('-') ? [label, ...label.split('-').filter(Boolean)] : [label];
  const ascii = /^[\x20-\x7e]*$/.test(label);
  for (const { brand, tokens } of prepared()) {
    for (const { token, skel } of tokens) {
      for (const part of parts) {
        if (part === token) return { brand, reason: part === label ? 'brand-label' : 'brand-keyword', label };
        if (!ascii && skeleton(part) === skel) return { brand, reason: 'confusable', label };
        if (ascii && token.length >= 5 && withinOneEdit(part, token) && !/^\d+$/.test(part)) return { brand, reason: 'edit-distance', label };
      }
      if (token.length >= 4) {
        if (label.includes(token) || (!ascii && skeleton(label).includes(skel))) return { brand, reason: 'brand-keyword', label };
      } else if (parts.slice(1).includes(token) || parts.some((p) => shortTokenAffix(p, token))) {
        return { brand, reason: 'brand-keyword', label };
      }
    }
    if (brand.numbers.length) {
      const runs = label.match(/\d+/g) ?? [];
      if (runs.some((r) => brand.numbers.includes(r))) return { brand, reason: 'brand-keyword', label };
    }
  }
  return null;
}

/**
 * Lookalike check of a canonical ASCII host (punycode, lowercase). null = stay silent.
 *   lookalike("icbc-kefu.top")    → { brand: 中国工商银行, reason: 'brand-keyword' }
 *   lookalike("www.icbc.com.cn")  → null (genuine)
 */
export function lookalike(host: string): LookalikeMatch | null {
  // Not a DNS name (too long) or an IP: nothing to imitate, and no unbounded work on hostile input.
  if (!host || host.length > 253 || host.startsWith('[') || /^[\d.]+$/.test(host)) return null;
  if (isGenuine(host)) return null;
  const suffix = publicSuffixIcann(host) ?? '';
  const rest = suffix && host.endsWith('.' + suffix) ? host.slice(0, host.length - suffix.length - 1) : host;
  if (!rest) return null;
  for (const raw of rest.split('.')) {
    if (!raw || raw === 'www') continue;
    let label = raw;
    if (raw.startsWith('xn--')) {
      try {
        label = toUnicode(raw);
      } catch {
        continue;
      }
    }
    const m = checkLabel(label);
    if (m) return m;
  }
  return null;
}

/** The lookalike result as a UrlVerdict: 'caution' naming the brand (zh-CN name), never 'block'. */
export function lookalikeVerdict(host: string): UrlVerdict {
  const m = lookalike(host);
  return m ? { result: 'caution', type: 'lookalike', brand: m.brand.name['zh-CN'], match: m.label } : { result: 'none', type: 'none' };
}
