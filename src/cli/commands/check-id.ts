/**
 * `sentinel check-id VALUE [--kind phone|bankCard|usdtAddress|qq|wechat] [--list FILE…] [--no-seed] [--json]`:
 * is a phone number, bank card, USDT address, QQ number or WeChat ID on a list? The same
 * pure modules as the extension: the page's extraction (src/lists/identifier-extract.ts)
 * finds the identifier in VALUE (spaced or full-width digits, "微信:…", "QQ …"), or
 * `--kind` (or "kind:value") names it; genuine service numbers are never flagged.
 *
 *   $ npm run -s sentinel -- check-id '138 0013 8000' --list ids.txt
 *   identifier   phone 13800138000 (shown as 138…8000)
 *   verdict      listed — file:ids.txt, since 2026-03-01
 */
import { loadListFile } from './check-url';
import { extractIdentifiers, maskIdentifier } from '../../lists/identifier-extract';
import { normalizeIdentifier } from '../../lists/entries';
import { isGenuineServiceNumber } from '../../lists/service-numbers';
import { loadSeed } from '../../lists/seed';
import { IDENTIFIER_KINDS, type IdentifierEntry, type IdentifierKind } from '../../lists/types';
import type { CliIo } from '../io';

export const summary = 'is a phone / bank card / USDT / QQ / WeChat identifier listed: check-id VALUE [--kind K] [--list FILE…] [--json]';

/** The identifiers VALUE names: "kind:value", --kind, or what the page extraction finds in it. */
export function identifiersIn(value: string, kind?: IdentifierKind): Array<{ kind: IdentifierKind; value: string }> {
  const prefixed = /^(phone|bankCard|usdt|usdtAddress|qq|wechat):(.+)$/.exec(value);
  if (prefixed) kind = (prefixed[1] === 'usdt' ? 'usdtAddress' : prefixed[1]) as IdentifierKind;
  const raw = prefixed ? prefixed[2]! : value;
  if (kind) {
    const n = normalizeIdentifier(kind, raw.normalize('NFKC'));
    return n.ok ? [{ kind, value: n.value }] : [];
  }
  const found = extractIdentifiers([raw]).map((f) => ({ kind: f.kind, value: f.value }));
  if (found.length) return found;
  // A genuine service number (the extraction drops those): say so rather than guess.
  const digits = raw.normalize('NFKC').replace(/[\s-]/g, '');
  if (isGenuineServiceNumber(digits)) return [{ kind: 'phone', value: digits }];
  // Bare digits after no marker: maybe a QQ number.
  const qq = normalizeIdentifier('qq', raw.trim());
  return qq.ok ? [{ kind: 'qq', value: qq.value }] : [];
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const json = args.includes('--json');
  const noSeed = args.includes('--no-seed');
  const lists: string[] = [];
  let kind: IdentifierKind | undefined;
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--list' || a === '--kind') {
      const v = args[++i];
      if (!v) {
        io.err(`check-id: ${a} needs a value`);
        return 2;
      }
      if (a === '--list') lists.push(v);
      else if ((IDENTIFIER_KINDS as readonly string[]).includes(v)) kind = v as IdentifierKind;
      else {
        io.err(`check-id: --kind is one of ${IDENTIFIER_KINDS.join(', ')}`);
        return 2;
      }
    } else if (a === '--json' || a === '--no-seed') continue;
    else if (a.startsWith('--')) {
      io.err(`check-id: unknown option ${a}`);
      return 2;
    } else if (value === undefined) value = a;
    else {
      io.err('check-id: give one value (quote it if it has spaces)');
      return 2;
    }
  }
  if (!value) {
    io.err('usage: sentinel check-id VALUE [--kind phone|bankCard|usdtAddress|qq|wechat] [--list FILE…] [--no-seed] [--json]');
    return 2;
  }
  const ids = identifiersIn(value, kind);
  if (ids.length === 0) {
    if (json) io.out(JSON.stringify({ input: value, identifiers: [] }));
    else io.err('check-id: no phone number, bank card, USDT address, QQ number or WeChat ID found (give --kind?)');
    return 2;
  }
  const now = Date.now();
  const listed: IdentifierEntry[] = noSeed ? [] : [...loadSeed().identifiers];
  const notes: string[] = noSeed ? [] : ['seed: bundled list'];
  for (const f of lists) {
    const loaded = loadListFile(f, io.readFile(f), now);
    listed.push(...loaded.identifiers);
    notes.push(loaded.note);
  }
  const results = ids.map((id) => {
    const genuine = id.kind === 'phone' && isGenuineServiceNumber(id.value);
    const hits = genuine ? [] : listed.filter((e) => e.kind === id.kind && e.value === id.value && (e.expires === undefined || e.expires > now));
    return { ...id, shown: maskIdentifier(id.kind, id.value), genuine, listed: hits.map((h) => ({ source: h.source, category: h.category, firstSeen: h.firstSeen })) };
  });
  if (json) {
    io.out(JSON.stringify({ input: value, identifiers: results, lists: notes }));
    return 0;
  }
  for (const n of notes) io.out(`list         ${n}`);
  for (const r of results) {
    io.out(`identifier   ${r.kind} ${r.value} (shown as ${r.shown})`);
    if (r.genuine) io.out('verdict      genuine service number: never flagged');
    else if (r.listed.length === 0) io.out('verdict      not listed');
    else for (const h of r.listed) io.out(`verdict      listed — ${h.source}, since ${new Date(h.firstSeen).toISOString().slice(0, 10)}${h.category !== 'unknown' ? `, category ${h.category}` : ''}`);
  }
  return 0;
}
