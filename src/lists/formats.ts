/**
 * Parsers for the list formats people already publish. PURE, strict and bounded.
 *
 *   hosts    "0.0.0.0 scam-demo.example"      → domain block (as uBlock Origin reads hosts
 *            files: the host and its subdomains). Only sink addresses (0.0.0.0, 127.0.0.1,
 *            ::, ::1) count; "1.2.3.4 host" remaps a name and is refused.
 *   adblock  "||scam-demo.example^"           → domain block; "@@||x^" → domain allow;
 *            "$document|doc|all|important|popup" options accepted, any other option is
 *            skipped (e.g. $third-party would block far more than the author meant);
 *            "|https://host/path/" or "||host/path/" → URL prefix (Safe Browsing form:
 *            a path ending in "/" covers everything below it, otherwise the exact path);
 *            cosmetic (##), regex (/…/) and unanchored patterns are skipped.
 *   plain    one per line: "scam-demo.example" or "*.scam-demo.example" (domain),
 *            "https://host/path" (URL prefix; a bare "https://host/" becomes a domain),
 *            "203.0.113.7" (ip), and identifiers "phone:…", "bankCard:…", "usdt:…",
 *            "qq:…", "wechat:…" for the on-page check.
 *   Comments: lines starting with "#" or "!" (and " #…" after a hosts entry).
 *
 * Bounds: LIST_LIMITS (size, lines, line length); a list with no valid entry at all is an
 * error (so a feed of `javascript:` URLs is refused as a whole, with per-line reasons).
 * Duplicates are dropped; the same value both allowed and blocked in one list keeps the
 * allow (precedence of types.ts) and is counted as a conflict.
 */
import { normalizeEntryValue, normalizeIdentifier, type EntryRejection, REJECTION_TEXT } from './entries';
import type { Category } from '../engine/types';
import type { EntryKind, IdentifierEntry, IdentifierKind, ListAction, ListEntry } from './types';

import type { TextListFormat } from './vocabulary';
import { runSync, STEP, type Steps } from './slices';
export { TEXT_LIST_FORMATS, type TextListFormat } from './vocabulary';

export const LIST_LIMITS = {
  /** Largest list accepted, in bytes (or UTF-16 units for a string). */
  maxBytes: 64 * 1024 * 1024,
  maxLines: 2_000_000,
  maxLineLength: 4096,
  /** Per-line problems reported back (the counts are always complete). */
  maxIssues: 50,
};
export type ListLimits = typeof LIST_LIMITS;

export type ListParseErrorCode = 'too-large' | 'too-many-lines' | 'binary' | 'bad-encoding' | 'no-entries';
export interface ListError {
  code: ListParseErrorCode;
  message: string;
  /** Per-line reasons when code is 'no-entries'. */
  issues?: ListIssue[];
}

export type LineRejection = EntryRejection | 'hosts-not-sink' | 'line-too-long' | 'unrecognized';
export interface ListIssue {
  line: number;
  reason: LineRejection;
  /** The line, cut to 80 characters. */
  text: string;
}

export interface ParsedList {
  format: Exclude<TextListFormat, 'auto'>;
  entries: ListEntry[];
  identifiers: IdentifierEntry[];
  /** Lines refused (invalid value, javascript: URL …). */
  rejected: number;
  /** Lines understood but deliberately not used (cosmetic filters, unsupported options, localhost …). */
  skipped: number;
  duplicates: number;
  conflicts: number;
  issues: ListIssue[];
}

export type ListParseResult = { ok: true; list: ParsedList } | { ok: false; error: ListError };

export interface ParseOptions {
  /** List id written into every entry's `source`. */
  source: string;
  /** firstSeen for every entry (ms since epoch). */
  now: number;
  category?: Category | 'unknown';
  limits?: Partial<ListLimits>;
}

export const LINE_REJECTION_TEXT: Record<LineRejection, string> = {
  ...REJECTION_TEXT,
  'hosts-not-sink': 'hosts line maps a name to a real address instead of blocking it',
  'line-too-long': 'line too long',
  unrecognized: 'line not understood',
};

/** Bytes → text with the size cap and encoding checks applied first. */
export function decodeListBytes(bytes: Uint8Array, limits: Partial<ListLimits> = {}): { ok: true; text: string } | { ok: false; error: ListError } {
  const max = limits.maxBytes ?? LIST_LIMITS.maxBytes;
  if (bytes.length > max) return { ok: false, error: { code: 'too-large', message: `list is ${bytes.length} bytes, more than the ${max} allowed` } };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: { code: 'bad-encoding', message: 'list is not valid UTF-8 text' } };
  }
  return { ok: true, text };
}

/** Guess the format from the first data lines. */
export function sniffFormat(text: string): Exclude<TextListFormat, 'auto'> {
  const lines = text.slice(0, 50_000).split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  if (lines.some((l) => /^\[adblock/i.test(l) || /^(@@)?\|\|?[a-z0-9]/i.test(l))) return 'adblock';
  const data = lines.filter((l) => !l.startsWith('!')).slice(0, 200);
  const hostsLike = data.filter((l) => /^(0\.0\.0\.0|127\.0\.0\.1|::1?|::0)\s+\S/.test(l)).length;
  return data.length > 0 && hostsLike * 2 >= data.length ? 'hosts' : 'plain';
}

type LineResult =
  | { type: 'entry'; kind: EntryKind; value: string; action: ListAction }
  | { type: 'entries'; items: { kind: EntryKind; value: string; action: ListAction }[] }
  | { type: 'identifier'; kind: IdentifierKind; value: string }
  | { type: 'skip' }
  | { type: 'reject'; reason: LineRejection };

const SINKS = new Set(['0.0.0.0', '127.0.0.1', '::', '::0', '::1', '0:0:0:0:0:0:0:0', '0:0:0:0:0:0:0:1']);
const LOCAL_NAMES = new Set(['localhost', 'localhost.localdomain', 'local', 'broadcasthost', 'ip6-localhost', 'ip6-loopback', 'ip6-localnet', 'ip6-mcastprefix', 'ip6-allnodes', 'ip6-allrouters', 'ip6-allhosts', '0.0.0.0']);
const OK_ADBLOCK_OPTIONS = new Set(['document', 'doc', 'all', 'important', 'popup']);
const IDENT_PREFIX: Record<string, IdentifierKind> = { phone: 'phone', tel: 'phone', bankcard: 'bankCard', card: 'bankCard', usdt: 'usdtAddress', trc20: 'usdtAddress', qq: 'qq', wechat: 'wechat', weixin: 'wechat' };

function norm(kind: EntryKind, raw: string, action: ListAction): LineResult {
  const r = normalizeEntryValue(kind, raw);
  return r.ok ? { type: 'entry', kind, value: r.value, action } : { type: 'reject', reason: r.reason };
}

/** A URL or host token from a plain list / adblock rule. */
function urlOrHost(token: string, action: ListAction): LineResult {
  if (/^[a-z][a-z0-9+.-]*:/i.test(token) && !/^[^:/]+:\d+(\/|$)/.test(token)) {
    if (!/^https?:\/\//i.test(token)) return { type: 'reject', reason: 'not-http-url' };
    const r = normalizeEntryValue('urlPrefix', token);
    if (!r.ok) return { type: 'reject', reason: r.reason };
    // "host/" alone is the whole site: a domain entry says that more plainly.
    if (r.value.endsWith('/') && r.value.indexOf('/') === r.value.length - 1) {
      const host = r.value.slice(0, -1);
      return norm(/^[\d.]+$|^\[/.test(host) ? 'ip' : 'domain', host, action);
    }
    return { type: 'entry', kind: 'urlPrefix', value: r.value, action };
  }
  const host = token.replace(/^\*\./, '').replace(/\.$/, '');
  if (/^[\d.]+$/.test(host) || /^\[?[0-9a-f:]+\]?$/i.test(host) && host.includes(':')) {
    return norm('ip', host.includes(':') && !host.startsWith('[') ? `[${host}]` : host, action);
  }
  return norm('domain', host, action);
}

function parseHostsLine(line: string): LineResult {
  const parts = line.replace(/\s#.*$/, '').trim().split(/\s+/);
  if (parts.length < 2) return { type: 'reject', reason: 'unrecognized' };
  if (!SINKS.has(parts[0]!)) return { type: 'reject', reason: 'hosts-not-sink' };
  const items: { kind: EntryKind; value: string; action: ListAction }[] = [];
  let reason: LineRejection | null = null;
  for (const name of parts.slice(1)) {
    if (LOCAL_NAMES.has(name.toLowerCase())) continue;
    const r = norm('domain', name, 'block');
    if (r.type === 'entry') items.push(r);
    else if (r.type === 'reject') reason ??= r.reason;
  }
  if (items.length) return { type: 'entries', items };
  return reason ? { type: 'reject', reason } : { type: 'skip' };
}

function parseAdblockLine(line: string): LineResult {
  if (/^\[adblock/i.test(line)) return { type: 'skip' };
  if (/javascript:/i.test(line)) return { type: 'reject', reason: 'not-http-url' };
  if (/#[@?$%]?#/.test(line) || line.startsWith('/')) return { type: 'skip' };
  let s = line;
  const action: ListAction = s.startsWith('@@') ? 'allow' : 'block';
  if (action === 'allow') s = s.slice(2);
  const dollar = s.lastIndexOf('$');
  if (dollar >= 0) {
    const opts = s.slice(dollar + 1).split(',').map((o) => o.trim().toLowerCase());
    if (!opts.every((o) => OK_ADBLOCK_OPTIONS.has(o))) return { type: 'skip' };
    s = s.slice(0, dollar);
  }
  let m = /^\|\|([^/^|*]+)\^?\|?$/.exec(s);
  if (m) return norm('domain', m[1]!, action);
  m = /^\|\|([^/^|*]+)(\/[^*^|]*)\|?$/.exec(s);
  if (m) return urlOrHost(`http://${m[1]}${m[2]}`, action);
  m = /^\|([a-z][a-z0-9+.-]*:[^*^|]*)\|?$/i.exec(s);
  if (m) return urlOrHost(m[1]!, action);
  return { type: 'skip' };
}

function parsePlainLine(line: string): LineResult {
  const token = line.split(/\s+/)[0]!;
  const m = /^([a-z0-9]+):(.+)$/i.exec(token);
  if (m && IDENT_PREFIX[m[1]!.toLowerCase()] && !/^\/\//.test(m[2]!)) {
    const kind = IDENT_PREFIX[m[1]!.toLowerCase()]!;
    const r = normalizeIdentifier(kind, line.slice(m[1]!.length + 1));
    return r.ok ? { type: 'identifier', kind, value: r.value } : { type: 'reject', reason: r.reason };
  }
  return urlOrHost(token, 'block');
}

const PLAIN_HOST_LINE = /^(?=[a-z0-9_.-]*[a-z_-])[a-z0-9_-]+(?:\.[a-z0-9_-]+)+$/;

/** Parse a text list. Never throws; returns a typed error for whole-list problems. */
export function parseTextList(text: string, format: TextListFormat, opts: ParseOptions): ListParseResult {
  return runSync(parseTextListSteps(text, format, opts));
}

/** parseTextList as steps (src/lists/slices.ts): the worker parses a 1M-line list in slices. */
export function* parseTextListSteps(text: string, format: TextListFormat, opts: ParseOptions): Steps<ListParseResult> {
  const limits = { ...LIST_LIMITS, ...opts.limits };
  if (text.length > limits.maxBytes) return { ok: false, error: { code: 'too-large', message: `list is larger than the ${limits.maxBytes} bytes allowed` } };
  if (text.includes('\u0000')) return { ok: false, error: { code: 'binary', message: 'list contains binary data (NUL bytes), not text' } };
  const fmt = format === 'auto' ? sniffFormat(text) : format;
  // Most lists end lines with \n alone: a plain split is several times faster than the regex.
  const lines = text.includes('\r') ? text.split(/\r?\n|\r/) : text.split('\n');
  if (lines.length > limits.maxLines) return { ok: false, error: { code: 'too-many-lines', message: `list has ${lines.length} lines, more than the ${limits.maxLines} allowed` } };
  const category = opts.category ?? 'unknown';
  const byKey = new Map<string, ListEntry>();
  const idents = new Map<string, IdentifierEntry>();
  const list: ParsedList = { format: fmt, entries: [], identifiers: [], rejected: 0, skipped: 0, duplicates: 0, conflicts: 0, issues: [] };
  const issue = (line: number, reason: LineRejection, text: string) => {
    list.rejected++;
    if (list.issues.length < limits.maxIssues) list.issues.push({ line, reason, text: text.slice(0, 80) });
  };
  const add = (kind: EntryKind, value: string, action: ListAction) => {
    const key = `${kind}:${value}`;
    const prev = byKey.get(key);
    if (!prev) {
      byKey.set(key, { kind, value, action, category, source: opts.source, firstSeen: opts.now });
    } else if (prev.action === action) list.duplicates++;
    else {
      list.conflicts++;
      prev.action = 'allow';
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line || line.startsWith('#') || (line.startsWith('!') && fmt !== 'hosts')) continue;
    if (line.length > limits.maxLineLength) {
      issue(i + 1, 'line-too-long', line);
      continue;
    }
    // Fast path: a plain list line that is a bare lower-case host name (most lines of most
    // lists) goes straight to the domain check, with the same result as parsePlainLine
    // (a fast-check property in tests/unit/lists/formats.test.ts): no colon, slash, star,
    // space or trailing dot, and one character at least that no IP address has.
    if (fmt === 'plain' && PLAIN_HOST_LINE.test(line)) {
      const r = normalizeEntryValue('domain', line);
      if (r.ok) add('domain', r.value, 'block');
      else issue(i + 1, r.reason, line);
      if ((i & (STEP - 1)) === STEP - 1) yield;
      continue;
    }
    const r = fmt === 'hosts' ? parseHostsLine(line) : fmt === 'adblock' ? parseAdblockLine(line) : parsePlainLine(line);
    switch (r.type) {
      case 'entry':
        add(r.kind, r.value, r.action);
        break;
      case 'entries':
        for (const it of r.items) add(it.kind, it.value, it.action);
        break;
      case 'identifier': {
        const key = `${r.kind}:${r.value}`;
        if (idents.has(key)) list.duplicates++;
        else idents.set(key, { kind: r.kind, value: r.value, category, source: opts.source, firstSeen: opts.now });
        break;
      }
      case 'skip':
        list.skipped++;
        break;
      case 'reject':
        issue(i + 1, r.reason, line);
        break;
    }
    if ((i & (STEP - 1)) === STEP - 1) yield;
  }
  list.entries = [...byKey.values()];
  list.identifiers = [...idents.values()];
  if (list.entries.length === 0 && list.identifiers.length === 0) {
    return { ok: false, error: { code: 'no-entries', message: `no valid entries (${list.rejected} lines refused, ${list.skipped} skipped)`, issues: list.issues } };
  }
  return { ok: true, list };
}
