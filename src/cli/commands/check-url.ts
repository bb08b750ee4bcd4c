/**
 * `sentinel check-url URL [--list FILE…] [--no-seed] [--json]`: the canonical URL, its
 * Safe Browsing lookup expressions, and the verdict with its source, using the bundled
 * seed list plus any lists given (hosts / adblock / plain text, or a feed snapshot JSON),
 * and the lookalike check when no list decides. Same pure modules as the extension.
 *
 *   $ npm run -s sentinel -- check-url 'https://www.scam-demo.example/x'
 *   canonical    https://www.scam-demo.example/x
 *   ...
 *   verdict      block (blocklist): domain scam-demo.example — source seed, category investment
 */
import { basename } from 'node:path';
import { canonicalize, lookupExpressions } from '../../url/canonicalize';
import { lookalike } from '../../url/lookalike';
import { registrableDomain } from '../../url/registrable';
import { metaKey } from '../../lists/compact-index';
import { feedEntriesToList, feedIdentifiersToList, snapshotSchema } from '../../lists/feed';
import { parseTextList } from '../../lists/formats';
import { buildIndex, confirmVerdict, lookupUrl } from '../../lists/lookup';
import { loadSeed } from '../../lists/seed';
import type { IdentifierEntry, ListEntry, UrlVerdict } from '../../lists/types';
import type { CliIo } from '../io';

export const summary = 'canonical URL, lookup expressions and list verdict: check-url URL [--list FILE…] [--json]';

/** Entries of one list file: a feed snapshot (JSON) or a text list (format sniffed). */
export function loadListFile(path: string, text: string, now: number): { entries: ListEntry[]; identifiers: IdentifierEntry[]; note: string } {
  const source = `file:${basename(path)}`;
  if (text.trimStart().startsWith('{')) {
    const p = snapshotSchema().safeParse(JSON.parse(text));
    if (!p.success) throw new Error(`${path}: not a ScamSentinel snapshot: ${p.error.issues[0]?.message ?? ''}`);
    return {
      entries: feedEntriesToList(p.data.entries, source),
      identifiers: feedIdentifiersToList(p.data.identifiers ?? [], source),
      note: `${path}: snapshot v${p.data.listVersion}, ${p.data.entries.length} entries, ${p.data.identifiers?.length ?? 0} identifiers`,
    };
  }
  const r = parseTextList(text, 'auto', { source, now });
  if (!r.ok) throw new Error(`${path}: ${r.error.message}`);
  const l = r.list;
  return { entries: l.entries, identifiers: l.identifiers, note: `${path}: ${l.format}, ${l.entries.length} entries, ${l.identifiers.length} identifiers, ${l.rejected} refused, ${l.skipped} skipped, ${l.duplicates} duplicates` };
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const json = args.includes('--json');
  const noSeed = args.includes('--no-seed');
  const lists: string[] = [];
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--list') {
      const f = args[++i];
      if (!f) {
        io.err('check-url: --list needs a file');
        return 2;
      }
      lists.push(f);
    } else if (a === '--json' || a === '--no-seed') continue;
    else if (a.startsWith('--')) {
      io.err(`check-url: unknown option ${a}`);
      return 2;
    } else if (url === undefined) url = a;
    else {
      io.err('check-url: give one URL');
      return 2;
    }
  }
  if (!url) {
    io.err('usage: sentinel check-url URL [--list FILE…] [--no-seed] [--json]');
    return 2;
  }
  const c = canonicalize(url);
  if (!c.ok) {
    if (json) io.out(JSON.stringify({ input: url, canonical: null, expressions: [], verdict: { result: 'none', type: 'none' }, error: c.error }));
    else io.err(`check-url: not a checkable URL (${c.error})`);
    return 2;
  }
  const now = Date.now();
  const entries: ListEntry[] = noSeed ? [] : [...loadSeed().entries];
  const notes: string[] = noSeed ? [] : ['seed: bundled list'];
  for (const f of lists) {
    const loaded = loadListFile(f, io.readFile(f), now);
    entries.push(...loaded.entries);
    notes.push(loaded.note);
  }
  const records = new Map<string, ListEntry[]>();
  for (const e of entries) {
    const k = metaKey(e.kind, e.value);
    const list = records.get(k);
    if (list) list.push(e);
    else records.set(k, [e]);
  }
  const index = buildIndex(entries);
  const { hits } = lookupUrl(index, c.url);
  let verdict: UrlVerdict = confirmVerdict(hits, (k) => records.get(k), now);
  const look = lookalike(c.url.host);
  if (verdict.result === 'none' && look) verdict = { result: 'caution', type: 'lookalike', brand: look.brand.name['zh-CN'], match: look.label };
  const expressions = lookupExpressions(c.url);
  if (json) {
    io.out(
      JSON.stringify({
        input: url,
        canonical: c.url.canonical,
        host: c.url.host,
        registrableDomain: registrableDomain(c.url.host),
        expressions,
        verdict,
        ...(look ? { lookalike: { brandId: look.brand.id, brand: look.brand.name, reason: look.reason, label: look.label } } : {}),
        lists: notes,
      }),
    );
    return 0;
  }
  io.out(`canonical    ${c.url.canonical}`);
  io.out(`registrable  ${registrableDomain(c.url.host) ?? '(none)'}`);
  io.out(`expressions  (${expressions.length})`);
  for (const e of expressions) io.out(`  ${e}`);
  for (const n of notes) io.out(`list         ${n}`);
  io.out(`verdict      ${describe(verdict)}`);
  if (look && verdict.type !== 'lookalike') io.out(`lookalike    ${look.brand.name['zh-CN']} (${look.reason}, label "${look.label}")`);
  return 0;
}

function describe(v: UrlVerdict): string {
  if (v.result === 'none') return 'none (not on any list)';
  if (v.type === 'lookalike') return `caution (lookalike of ${v.brand}, label "${v.match}")`;
  const e = v.entry;
  return `${v.result} (${v.type}): ${e ? e.kind : ''} ${v.match} — level ${v.level}${e ? `, source ${e.source}, category ${e.category}` : ''}`;
}
