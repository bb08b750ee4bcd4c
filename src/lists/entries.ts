/**
 * Validation and normalization of single list entries and identifiers. PURE.
 * Every list format (hosts, adblock, plain, signed feed, user lists) goes through these,
 * so "what a valid entry value is" is decided in one place.
 *
 *   domain     "Scam-Demo.Example."        → "scam-demo.example"   (punycode, lowercase; not a public suffix)
 *   host       "例子.测试"                   → "xn--fsqu00a.xn--0zwm56d"
 *   ip         "0x7f.1"                     → "127.0.0.1"
 *   urlPrefix  "https://Host.example/a/./b/?x=1#f" → "host.example/a/b/?x=1"
 *              (Safe Browsing expression form: scheme dropped; matches the exact path, or
 *               every path below it when it ends with "/"; http(s) only, `javascript:` refused)
 *   phone      "+86 138-0013-8000"          → "13800138000"
 *   bankCard   "6222 0200 0000 0000 000"    → "6222020000000000000"
 *   usdtAddress "T…" (TRC20 base58, 34 chars, case kept) or "0x…" (ERC20, lowercased)
 *   qq         "10001"                      → "10001"
 *   wechat     "Scam_Kefu01"                → "scam_kefu01"
 * Domains and hosts need the Public Suffix List (src/url/url-data.ts, loaded on first
 * need): callers await ensureUrlData() before normalizing them.
 */
import { publicSuffixIcann } from '../url/url-data';
import { canonicalize, parseIPv4 } from '../url/canonicalize';
import type { EntryKind, IdentifierKind } from './types';

export type EntryRejection =
  | 'empty'
  | 'too-long'
  | 'not-http-url'
  | 'bad-url'
  | 'bad-host'
  | 'ip-as-domain'
  | 'single-label'
  | 'public-suffix'
  | 'not-ip'
  | 'bad-identifier';

export type NormalizeResult = { ok: true; value: string } | { ok: false; reason: EntryRejection };

/** Plain-language reasons, for CLI output and logs (the options page localizes the codes itself). */
export const REJECTION_TEXT: Record<EntryRejection, string> = {
  empty: 'empty value',
  'too-long': 'value too long',
  'not-http-url': 'only http:// and https:// URLs are accepted (javascript:, data:, file: … are refused)',
  'bad-url': 'not a valid URL',
  'bad-host': 'not a valid host name',
  'ip-as-domain': 'an IP address must be listed as kind "ip"',
  'single-label': 'a host name needs at least two labels (e.g. example.com)',
  'public-suffix': 'a public suffix (e.g. com, com.cn) cannot be listed',
  'not-ip': 'not an IP address',
  'bad-identifier': 'not a valid identifier of this kind',
};

export const MAX_VALUE_LENGTH = 2048;
const LABEL_RE = /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)$/;

/** Canonical host of a bare host name (no scheme, path or port), or a rejection. */
export function normalizeHost(raw: string): NormalizeResult {
  const t = raw.trim();
  if (!t) return { ok: false, reason: 'empty' };
  if (t.length > 253 * 4) return { ok: false, reason: 'too-long' };
  if (/[/?#@\s:\\]/.test(t.replace(/^\[.*\]$/, 'v6'))) return { ok: false, reason: 'bad-host' };
  const c = canonicalize(`http://${t}/`);
  if (!c.ok) return { ok: false, reason: 'bad-host' };
  const host = c.url.host;
  if (c.url.isIp) return { ok: true, value: host };
  if (host.length > 253) return { ok: false, reason: 'too-long' };
  const labels = host.split('.');
  if (!labels.every((l) => LABEL_RE.test(l))) return { ok: false, reason: 'bad-host' };
  return { ok: true, value: host };
}

/** Already-canonical ASCII host names (what feeds and most lists contain): skip the URL parser. */
const FAST_HOST_RE = /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)$/;

export function normalizeEntryValue(kind: EntryKind, raw: string): NormalizeResult {
  if (raw.length > MAX_VALUE_LENGTH) return { ok: false, reason: 'too-long' };
  if (kind === 'urlPrefix') return normalizeUrlPrefix(raw);
  if ((kind === 'domain' || kind === 'host') && raw.length <= 253 && FAST_HOST_RE.test(raw) && parseIPv4(raw) === '') {
    // Same result as the slow path below (pinned by tests/unit/lists/formats.test.ts).
    if (publicSuffixIcann(raw) === raw) return { ok: false, reason: 'public-suffix' };
    return { ok: true, value: raw };
  }
  const h = normalizeHost(raw);
  if (!h.ok) return h;
  const isIp = h.value.startsWith('[') || parseIPv4(h.value) === h.value;
  if (kind === 'ip') return isIp ? h : { ok: false, reason: 'not-ip' };
  if (isIp) return { ok: false, reason: 'ip-as-domain' };
  if (!h.value.includes('.')) return { ok: false, reason: 'single-label' };
  if (publicSuffixIcann(h.value) === h.value) return { ok: false, reason: 'public-suffix' };
  return h;
}

/** "https://host/path?q" or "host/path?q" → "host/path?q" (Safe Browsing expression form). */
export function normalizeUrlPrefix(raw: string): NormalizeResult {
  const t = raw.trim();
  if (!t) return { ok: false, reason: 'empty' };
  let url = t;
  if (!/^https?:\/\//i.test(t)) {
    // Expression form "host/path" (what feeds store) is fine; any other scheme is not.
    if (/^[a-z][a-z0-9+.-]*:/i.test(t) && !/^[^:/]+:\d+(\/|$)/.test(t)) return { ok: false, reason: 'not-http-url' };
    if (!t.includes('/') || t.startsWith('/')) return { ok: false, reason: 'bad-url' };
    url = `http://${t}`;
  }
  const c = canonicalize(url);
  if (!c.ok) return { ok: false, reason: 'bad-url' };
  const u = c.url;
  if (!u.isIp) {
    const h = normalizeEntryValue('host', u.host);
    if (!h.ok) return h;
  }
  return { ok: true, value: `${u.host}${u.path}${u.query ? '?' + u.query : ''}` };
}

export function normalizeIdentifier(kind: IdentifierKind, raw: string): NormalizeResult {
  const t = raw.trim();
  if (!t) return { ok: false, reason: 'empty' };
  if (t.length > 64) return { ok: false, reason: 'too-long' };
  const bad = { ok: false, reason: 'bad-identifier' } as const;
  switch (kind) {
    case 'phone': {
      if (!/^\+?[\d\s()-]+$/.test(t)) return bad;
      let d = t.replace(/\D/g, '');
      if (/^(0086|86)1[3-9]\d{9}$/.test(d)) d = d.replace(/^(0086|86)/, '');
      // 7–15 digits, or a 95xxx(xxx) service number (what fake "bank hotlines" look like).
      return (d.length >= 7 && d.length <= 15) || /^95\d{3,6}$/.test(d) ? { ok: true, value: d } : bad;
    }
    case 'bankCard': {
      if (!/^[\d\s-]+$/.test(t)) return bad;
      const d = t.replace(/\D/g, '');
      return d.length >= 12 && d.length <= 19 ? { ok: true, value: d } : bad;
    }
    case 'usdtAddress':
      if (/^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(t)) return { ok: true, value: t };
      if (/^0x[0-9a-fA-F]{40}$/.test(t)) return { ok: true, value: t.toLowerCase() };
      return bad;
    case 'qq':
      return /^[1-9]\d{4,10}$/.test(t) ? { ok: true, value: t } : bad;
    case 'wechat':
      return /^[a-zA-Z][-_a-zA-Z0-9]{5,19}$/.test(t) ? { ok: true, value: t.toLowerCase() } : bad;
  }
}
