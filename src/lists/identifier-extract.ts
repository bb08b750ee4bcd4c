/**
 * Contact identifiers on a page: the phone number, bank card, USDT address, QQ number or
 * WeChat ID a scam page steers its victim to. Uses the engine normalizer's folds for the
 * characters identifiers are made of (full-width → ASCII, src/engine/normalize.ts VARIANTS
 * for the markers: 薇信/VX/wx → 微信, 扣扣 → qq) and accepts spaced, hyphenated and
 * zero-width-split digits ("1 3 8-0013-8000", "１３８００１３８０００"). The fold is 1:1, so
 * spans point straight into the original text for highlighting. Pure string work (no
 * DOM, PURE): the content script (src/page/identifiers.ts) feeds it the passages it
 * already read; `sentinel check-id` uses it on its argument.
 *
 * Accepted (each validated, so a random digit run is not a "phone"):
 *   phone    mainland mobile 1[3-9]xxxxxxxxx (optional +86/0086), landline with area
 *            code 0xx(x)-xxxxxxx(x), 400 service lines, 95xxx(xxx) service numbers
 *   bankCard 16–19 digits passing Luhn
 *   usdt     TRC20 "T…" (base58check) and ERC20 "0x…" (EIP-55 when mixed case)
 *   qq       5–11 digits, ONLY right after a QQ marker ("QQ", "扣扣", "QQ号：")
 *   wechat   a WeChat ID, ONLY right after a WeChat marker ("微信", "薇信", "VX", "wx号")
 * Genuine service numbers (src/lists/service-numbers.ts) are dropped here: never sent.
 *
 *   extractIdentifiers(["请拨打 1 3 8-0013-8000 联系"]) → [{ kind: 'phone', value: '13800138000', … }]
 */
import { VARIANTS } from '../engine/normalize';
import { eip55Valid, luhnValid, trc20Valid } from './identifier-checks';
import { isGenuineServiceNumber } from './service-numbers';
import type { IdentifierKind } from './types';

export interface FoundIdentifier {
  kind: IdentifierKind;
  /** Normalized as src/lists/entries.ts normalizeIdentifier does (digits only, lowercase ids). */
  value: string;
  /** Where it was seen (passage index, half-open range in the ORIGINAL passage text); ≤ 5 spans. */
  spans: Array<{ passage: number; start: number; end: number }>;
}

/** Most distinct identifiers reported per page (a page listing thousands is not a contact page). */
export const MAX_IDENTIFIERS = 100;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The normalizer's own spellings of a marker (薇信, V信, vx, wechat … → 微信; 扣扣 → qq), longest first. */
function markerSource(canonical: string): string {
  const forms = [canonical, ...VARIANTS.filter(([, to]) => to === canonical).map(([from]) => from)];
  return forms.sort((a, b) => b.length - a.length).map(escape).join('|');
}
// Separators allowed between digits: spaces, hyphens, and the invisible characters used to
// break up numbers (zero-width space/joiners, word joiner, BOM).
const SEP = '[ \\u00a0\\u3000\\-\\u200b-\\u200d\\u2060\\ufeff]{0,2}';
const DIGIT_RUN = new RegExp(`\\+?\\d(?:${SEP}\\d)*`, 'g');
const QQ_RE = new RegExp(`(?:${markerSource('qq')})(?:号码|号|群)?[:：]? ?([1-9](?:${SEP}\\d){4,10})(?!\\d)`, 'gi');
const WECHAT_RE = new RegExp(`(?:${markerSource('微信')})(?:号码|号|id)?[:：]? ?([a-z][-_a-z0-9]{5,19})(?![-_a-z0-9])`, 'gi');
const TRC_RE = /T[1-9A-HJ-NP-Za-km-z]{33}(?![0-9a-z])/gi;
const ETH_RE = /0x[0-9a-f]{40}(?![0-9a-z])/gi;

/**
 * The part of the normalizer identifiers need, kept 1:1 (one code unit in, one out, so
 * spans need no offset map): full-width ASCII (０-９, Ａ-Ｚ, ：) → ASCII, ideographic space →
 * space. Case is kept (addresses are case-sensitive); the patterns are case-insensitive.
 * Running the whole normalize() costs 2–4 ms per 20,000 characters here, this ~0.1 ms.
 */
export function foldForIdentifiers(text: string): string {
  return /[\uff01-\uff5e\u3000]/.test(text) ? text.replace(/[\uff01-\uff5e\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0))) : text;
}

/** What a run of digits is, as a phone or bank card; null when it is neither. */
export function classifyDigits(digits: string): { kind: 'phone' | 'bankCard'; value: string } | null {
  let d = digits;
  if (/^(?:0086|86)1[3-9]\d{9}$/.test(d)) d = d.replace(/^(?:0086|86)/, '');
  if (/^1[3-9]\d{9}$/.test(d)) return { kind: 'phone', value: d };
  if (/^0(?:10|2\d|[3-9]\d\d)[2-9]\d{6,7}$/.test(d) && d.length <= 12) return { kind: 'phone', value: d };
  if (/^400\d{7}$/.test(d)) return { kind: 'phone', value: d };
  if (/^95\d{3,6}$/.test(d)) return { kind: 'phone', value: d };
  if (/^[3-6]\d{15,18}$/.test(d) && luhnValid(d)) return { kind: 'bankCard', value: d };
  return null;
}

/** ASCII letter, digit or underscore: a digit run glued to one is part of some other token. */
function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

export function extractIdentifiers(passages: readonly string[]): FoundIdentifier[] {
  const found = new Map<string, FoundIdentifier>();
  const add = (kind: IdentifierKind, value: string, passage: number, start: number, end: number) => {
    if (kind === 'phone' && isGenuineServiceNumber(value)) return;
    const key = `${kind}:${value}`;
    let f = found.get(key);
    if (!f) {
      if (found.size >= MAX_IDENTIFIERS) return;
      f = { kind, value, spans: [] };
      found.set(key, f);
    }
    if (f.spans.length < 5) f.spans.push({ passage, start, end });
  };
  passages.forEach((original, p) => {
    const text = foldForIdentifiers(original);
    // Phones and bank cards: each digit run, split at its separators when the whole run is
    // not one identifier ("13800138000 6222…" is two).
    for (const m of text.matchAll(DIGIT_RUN)) {
      const at = m.index;
      if (at > 0 && isWordChar(text.charCodeAt(at - 1))) continue;
      const end = at + m[0].length;
      if (end < text.length && isWordChar(text.charCodeAt(end))) continue;
      const groups: Array<{ digits: string; from: number; to: number }> = [];
      for (const g of m[0].matchAll(/\d+/g)) groups.push({ digits: g[0], from: at + g.index, to: at + g.index + g[0].length });
      if (m[0].startsWith('+')) groups[0]!.from = at;
      for (let i = 0; i < groups.length; ) {
        let best = -1;
        let bestHit: ReturnType<typeof classifyDigits> = null;
        let digits = '';
        for (let j = i; j < groups.length && j < i + 8; j++) {
          digits += groups[j]!.digits;
          if (digits.length > 21) break;
          const hit = classifyDigits(digits);
          if (hit) {
            best = j;
            bestHit = hit;
          }
        }
        if (bestHit) {
          add(bestHit.kind, bestHit.value, p, groups[i]!.from, groups[best]!.to);
          i = best + 1;
        } else i++;
      }
    }
    for (const m of text.matchAll(QQ_RE)) {
      const digits = m[1]!.replace(/\D/g, '');
      const from = m.index + m[0].length - m[1]!.length;
      add('qq', digits, p, from, from + m[1]!.length);
    }
    for (const m of text.matchAll(WECHAT_RE)) {
      const from = m.index + m[0].length - m[1]!.length;
      add('wechat', m[1]!.toLowerCase(), p, from, from + m[1]!.length);
    }
    // Addresses are case-sensitive (base58check, EIP-55): checked on the characters as written.
    for (const m of text.matchAll(TRC_RE)) {
      if (m.index > 0 && isWordChar(text.charCodeAt(m.index - 1))) continue;
      if (trc20Valid(m[0])) add('usdtAddress', m[0], p, m.index, m.index + m[0].length);
    }
    for (const m of text.matchAll(ETH_RE)) {
      if (m.index > 0 && isWordChar(text.charCodeAt(m.index - 1))) continue;
      if (eip55Valid(m[0])) add('usdtAddress', m[0].toLowerCase(), p, m.index, m.index + m[0].length);
    }
  });
  return [...found.values()];
}

/** How an identifier is shown in a warning: enough to recognise it, not the whole of it. */
export function maskIdentifier(kind: IdentifierKind, value: string): string {
  const keep = (head: number, tail: number) => (value.length <= head + tail ? value : `${value.slice(0, head)}…${value.slice(-tail)}`);
  switch (kind) {
    case 'phone':
      return value.length <= 8 ? value : keep(3, 4);
    case 'bankCard':
      return keep(4, 4);
    case 'usdtAddress':
      return keep(6, 4);
    case 'qq':
    case 'wechat':
      return keep(2, 2);
  }
}

