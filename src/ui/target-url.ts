/**
 * The warning page's `u` parameter is HOSTILE: anyone can link to warning.html with
 * anything in it. This turns it into either a target we may offer to proceed to
 * (http/https only) with a display form of its host, or an error reason.
 *
 *   ?u=https%3A%2F%2Fxn--80ak6aa92e.com%2F  → ok, host "аррӏе.com" with every Cyrillic
 *                                              letter marked as confusable
 *   ?u=javascript%3Aalert(1)                → error 'scheme'
 *   ?u=<100 KB>                             → error 'too-long'
 *   ?u=https%253A%252F%252Fa.example        → decoded twice (nested encoding) → ok
 *   ?k=blacklist#u=https://a.example/p?b=1&c=2#frag
 *                                            → the DNR redirect's form: the RAW URL in the
 *                                              fragment (DNR cannot percent-encode), every
 *                                              `&`, `?` and `#` of it kept
 */
import { toUnicode } from 'punycode/punycode.es6.js';

export const MAX_TARGET_LENGTH = 4096;

/** Bidi controls (LRM/RLM, embeddings, overrides, isolates): never shown as-is. */
export const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/g;

export interface HostSegment {
  text: string;
  /** A character that imitates a Latin letter or mixes scripts: shown outlined. */
  suspicious: boolean;
}

export type TargetParse =
  | {
      ok: true;
      href: string;
      /** Host as the network sees it (punycode). */
      hostAscii: string;
      /** Host for people: punycode decoded, split into marked/unmarked runs. */
      hostDisplay: HostSegment[];
      isIdn: boolean;
      hasSuspicious: boolean;
      /** The whole URL for display, bidi controls neutralized, capped. */
      displayUrl: string;
    }
  | { ok: false; reason: 'missing' | 'too-long' | 'malformed' | 'scheme' };

/**
 * Letters that are fine in a Chinese-speaking user's host names: ASCII, digits,
 * CJK ideographs, kana, hangul, bopomofo. Any other letter (Cyrillic а, Greek ο,
 * Latin ı/ɑ, fullwidth ａ …) is how lookalike domains are built.
 */
function isSuspiciousChar(ch: string): boolean {
  if (/^[\x00-\x7F]$/.test(ch)) return false;
  if (/\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}|\p{Script=Bopomofo}/u.test(ch)) return false;
  if (ch === '\u3002' || ch === '\u30FC') return false; // ideographic full stop, prolonged sound mark
  return true;
}

export function segmentHost(host: string): HostSegment[] {
  const out: HostSegment[] = [];
  for (const ch of host) {
    const suspicious = isSuspiciousChar(ch);
    const last = out[out.length - 1];
    if (last && last.suspicious === suspicious) last.text += ch;
    else out.push({ text: ch, suspicious });
  }
  return out;
}

function decodeHost(ascii: string): string {
  try {
    return toUnicode(ascii);
  } catch {
    return ascii;
  }
}

// The URL format itself (targetParam, parseKind, WarningKind) lives in src/url/warning-url.ts.
export { parseKind, targetParam, type WarningKind } from '../url/warning-url';

export function parseTarget(raw: string | null | undefined): TargetParse {
  if (raw === null || raw === undefined || raw.trim() === '') return { ok: false, reason: 'missing' };
  if (raw.length > MAX_TARGET_LENGTH) return { ok: false, reason: 'too-long' };
  let value = raw.trim();
  // Nested encodings: "https%3A%2F%2F…" (encoded once more than needed), at most 3 rounds.
  for (let i = 0; i < 3 && /^[a-z][a-z0-9+.-]*%(25)*3a/i.test(value); i++) {
    try {
      value = decodeURIComponent(value);
    } catch {
      return { ok: false, reason: 'malformed' };
    }
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'scheme' };
  if (!url.hostname) return { ok: false, reason: 'malformed' };
  const hostAscii = url.hostname;
  const hostUnicode = decodeHost(hostAscii);
  const hostDisplay = segmentHost(hostUnicode);
  let displayUrl: string;
  try {
    displayUrl = decodeURI(url.href);
  } catch {
    displayUrl = url.href;
  }
  displayUrl = displayUrl.replace(BIDI_CONTROLS, '\uFFFD').slice(0, 300);
  return {
    ok: true,
    href: url.href,
    hostAscii,
    hostDisplay,
    isIdn: hostUnicode !== hostAscii,
    hasSuspicious: hostDisplay.some((s) => s.suspicious),
    displayUrl,
  };
}
