/**
 * A small, correct ListEngine used until/unless the compact index of src/lists is
 * wired in (see list-engine.ts). Host lookups walk the host's suffixes in a Map
 * (a.b.example.com → b.example.com → example.com → com); URL prefixes are a short
 * linear scan. Precedence follows src/lists/types.ts: allow beats block, and within
 * one action the most specific match (URL prefix > exact host > domain) wins.
 */
import type { ListEntry, UrlVerdict } from '../lists/types';
import type { CompiledIndex, ListEngine, ParsedList } from './list-engine';

const HOST_RE = /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)*[a-z0-9-]{1,63}$/;

export function canonicalHost(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url.trim().replace(/[\t\r\n]/g, ''));
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.hostname.replace(/\.+$/, '').replace(/^\[|\]$/g, '');
  return host || null;
}

/** Turn one list line's host part into a canonical host, or null. */
function hostFromToken(token: string): string | null {
  const t = token.trim().toLowerCase();
  if (!t || t.includes('/') || t.includes(':') || t.startsWith('.')) return null;
  const h = canonicalHost(`http://${t}/`);
  return h && HOST_RE.test(h) ? h : null;
}

type ParsedLine = { kind: 'domain' | 'urlPrefix'; value: string; action: 'block' | 'allow' };

function parseLine(line: string, format: 'hosts' | 'adblock' | 'plain'): ParsedLine | null {
  let s = line.trim();
  if (!s || s.startsWith('#') || s.startsWith('!') || s.startsWith('[')) return null;
  if (format === 'hosts') {
    const parts = s.split(/\s+/);
    if (parts.length < 2 || !/^(0\.0\.0\.0|127\.0\.0\.1|::1?|::)$/.test(parts[0]!)) return null;
    const host = hostFromToken(parts[1]!);
    return host && host !== 'localhost' ? { kind: 'domain', value: host, action: 'block' } : null;
  }
  if (format === 'adblock') {
    const allow = s.startsWith('@@');
    if (allow) s = s.slice(2);
    const m = /^\|\|([^/^$*|]+)\^(\$.*)?$/.exec(s);
    if (!m || (m[2] && !/^\$(document|doc|all)?$/.test(m[2]))) return null;
    const host = hostFromToken(m[1]!);
    return host ? { kind: 'domain', value: host, action: allow ? 'allow' : 'block' } : null;
  }
  if (/^https?:\/\//i.test(s)) {
    let u: URL;
    try {
      u = new URL(s);
    } catch {
      return null;
    }
    if (u.pathname === '/' && !u.search) return { kind: 'domain', value: canonicalHost(u.href)!, action: 'block' };
    return { kind: 'urlPrefix', value: `${u.protocol}//${u.host}${u.pathname}${u.search}`.toLowerCase(), action: 'block' };
  }
  const host = hostFromToken(s.split(/\s+/)[0]!);
  return host ? { kind: 'domain', value: host, action: 'block' } : null;
}

function sniff(text: string): 'hosts' | 'adblock' | 'plain' {
  const sample = text.slice(0, 20_000).split('\n').filter((l) => l.trim() && !/^[#!]/.test(l.trim()));
  if (sample.some((l) => /^\s*(0\.0\.0\.0|127\.0\.0\.1)\s+\S/.test(l))) return 'hosts';
  if (sample.some((l) => /^(@@)?\|\|/.test(l.trim()))) return 'adblock';
  return 'plain';
}

export function parseListBasic(text: string, format: 'auto' | 'hosts' | 'adblock' | 'plain', source: string, now: number): ParsedList {
  const fmt = format === 'auto' ? sniff(text) : format;
  const entries: ListEntry[] = [];
  const seen = new Set<string>();
  let rejected = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || /^[#!\[]/.test(trimmed)) continue;
    const parsed = parseLine(trimmed, fmt);
    if (!parsed) {
      rejected++;
      continue;
    }
    const key = `${parsed.kind}|${parsed.action}|${parsed.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({ ...parsed, category: 'unknown', source, firstSeen: now });
  }
  return { entries, rejected };
}

class BasicIndex implements CompiledIndex {
  private readonly hosts = new Map<string, ListEntry[]>();
  private readonly prefixes: ListEntry[] = [];
  constructor(private readonly entries: readonly ListEntry[]) {
    for (const e of entries) {
      if (e.kind === 'urlPrefix') this.prefixes.push(e);
      else {
        const list = this.hosts.get(e.value);
        if (list) list.push(e);
        else this.hosts.set(e.value, [e]);
      }
    }
  }
  get size() {
    return this.entries.length;
  }
  lookup(url: string): UrlVerdict {
    const host = canonicalHost(url);
    if (!host) return { result: 'none', type: 'none' };
    const lower = url.toLowerCase();
    const found: Array<{ e: ListEntry; rank: number }> = [];
    for (const e of this.prefixes) if (lower.startsWith(e.value)) found.push({ e, rank: 3 });
    const labels = host.split('.');
    for (let i = 0; i < labels.length; i++) {
      const suffix = labels.slice(i).join('.');
      for (const e of this.hosts.get(suffix) ?? []) {
        if (e.kind === 'host' && i > 0) continue;
        if (e.kind === 'ip' && i > 0) continue;
        found.push({ e, rank: e.kind === 'domain' ? 1 : 2 });
      }
    }
    if (!found.length) return { result: 'none', type: 'none' };
    found.sort((a, b) => (a.e.action === b.e.action ? b.rank - a.rank : a.e.action === 'allow' ? -1 : 1));
    const best = found[0]!.e;
    return best.action === 'allow'
      ? { result: 'allow', type: 'allowlist', match: best.value, entry: best }
      : { result: 'block', type: 'blocklist', match: best.value, entry: best };
  }
  toBytes(): Uint8Array {
    return new TextEncoder().encode(JSON.stringify(this.entries));
  }
}

export const basicEngine: ListEngine = {
  parseList: parseListBasic,
  buildIndex: (entries) => new BasicIndex(entries),
  loadIndex: (bytes) => new BasicIndex(JSON.parse(new TextDecoder().decode(bytes)) as ListEntry[]),
  canonicalHost,
  lookalike: () => null,
};
