/**
 * `sentinel feed keygen|build|verify|diff`: publish and check ScamSentinel signed feeds as
 * static files (format: src/lists/feed.ts header and README "## Blacklist").
 *
 *   feed keygen --out DIR
 *       writes DIR/feed-private.key (PKCS#8, keep secret, mode 600) and DIR/feed-public.key
 *       (SPKI, give it to subscribers to pin); prints the public key and its keyId.
 *   feed build --list FILE --list-id ID --version N --key DIR/feed-private.key --out DIR
 *             [--category CAT] [--title TEXT] [--created ISO] [--keep-diffs K]
 *       FILE: a hosts / adblock / plain list or a snapshot JSON. Writes DIR/full-N.json,
 *       DIR/diff-<v>-N.json from each older DIR/full-<v>.json (the newest K, default 10) and
 *       the signed DIR/manifest. Upload DIR as is; upload `manifest` last.
 *   feed verify DIR --pub KEYFILE_OR_KEY [--installed N] [--json]
 *       checks the manifest signature, every part's size and sha256, parses them, and
 *       prints what an extension holding version N would do (planUpdate).
 *   feed diff OLD.json NEW.json [--json]
 *       the changes between two snapshots.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES, type Category } from '../../engine/types';
import {
  buildFeed,
  computeDiff,
  generateFeedKeyPair,
  parseDiff,
  parseSnapshot,
  planUpdate,
  publicKeyFromPrivate,
  snapshotSchema,
  verifyManifest,
  verifyPart,
  type FeedEntry,
  type FeedSnapshot,
} from '../../lists/feed';
import { parseTextList } from '../../lists/formats';
import type { CliIo } from '../io';

export const summary = 'signed list feeds as static files: feed keygen|build|verify|diff';

function opt(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function readSnapshot(path: string): FeedSnapshot {
  const p = snapshotSchema().safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!p.success) throw new Error(`${path}: not a snapshot: ${p.error.issues[0]?.message ?? ''}`);
  return p.data;
}

function readKey(v: string): string {
  return existsSync(v) ? readFileSync(v, 'utf8').trim() : v.trim();
}

async function keygen(args: string[], io: CliIo): Promise<number> {
  const out = opt(args, '--out');
  if (!out) {
    io.err('usage: sentinel feed keygen --out DIR');
    return 2;
  }
  mkdirSync(out, { recursive: true });
  const priv = join(out, 'feed-private.key');
  if (existsSync(priv)) {
    io.err(`feed keygen: ${priv} exists; refusing to overwrite a signing key`);
    return 2;
  }
  const k = await generateFeedKeyPair();
  writeFileSync(priv, k.privateKey + '\n', { mode: 0o600 });
  chmodSync(priv, 0o600);
  writeFileSync(join(out, 'feed-public.key'), k.publicKey + '\n');
  io.out(JSON.stringify({ keyId: k.keyId, publicKey: k.publicKey, privateKeyFile: priv, publicKeyFile: join(out, 'feed-public.key') }));
  return 0;
}

async function build(args: string[], io: CliIo): Promise<number> {
  const list = opt(args, '--list');
  const listId = opt(args, '--list-id');
  const version = Number(opt(args, '--version'));
  const keyFile = opt(args, '--key');
  const out = opt(args, '--out');
  const category = (opt(args, '--category') ?? 'unknown') as Category | 'unknown';
  if (!list || !listId || !Number.isInteger(version) || version < 1 || !keyFile || !out) {
    io.err('usage: sentinel feed build --list FILE --list-id ID --version N --key PRIVATE_KEY_FILE --out DIR [--category CAT] [--title T] [--created ISO] [--keep-diffs K]');
    return 2;
  }
  if (category !== 'unknown' && !CATEGORIES.includes(category)) {
    io.err(`feed build: unknown category ${category} (one of ${CATEGORIES.join(', ')})`);
    return 2;
  }
  const text = readFileSync(list, 'utf8');
  let snapshot: FeedSnapshot;
  if (text.trimStart().startsWith('{')) {
    snapshot = { ...readSnapshot(list), listId, listVersion: version, format: 'scamsentinel-list' };
  } else {
    const now = Date.now();
    const r = parseTextList(text, 'auto', { source: listId, now, category });
    if (!r.ok) {
      io.err(`feed build: ${list}: ${r.error.message}`);
      return 1;
    }
    for (const i of r.list.issues) io.err(`  ${list}:${i.line}: ${i.reason}: ${i.text}`);
    const entries: FeedEntry[] = r.list.entries.map((e) => ({ kind: e.kind, value: e.value, action: e.action, category: e.category, firstSeen: e.firstSeen }));
    const identifiers = r.list.identifiers.map((e) => ({ kind: e.kind, value: e.value, category: e.category, firstSeen: e.firstSeen }));
    snapshot = { format: 'scamsentinel-list', listId, listVersion: version, entries, ...(identifiers.length ? { identifiers } : {}) };
  }
  mkdirSync(out, { recursive: true });
  const keep = Number(opt(args, '--keep-diffs') ?? 10);
  const previous = readdirSync(out)
    .map((f) => /^full-(\d+)\.json$/.exec(f))
    .filter((m): m is RegExpExecArray => !!m && Number(m[1]) < version)
    .map((m) => readSnapshot(join(out, m[0])))
    .filter((s) => s.listId === listId)
    .sort((a, b) => b.listVersion - a.listVersion)
    .slice(0, keep);
  // Keep firstSeen stable across versions (so unchanged entries are not re-sent in diffs).
  const newest = previous[0];
  if (newest) {
    const seen = new Map(newest.entries.map((e) => [`${e.kind}:${e.value}|${e.action}`, e.firstSeen]));
    snapshot.entries = snapshot.entries.map((e) => ({ ...e, firstSeen: seen.get(`${e.kind}:${e.value}|${e.action}`) ?? e.firstSeen }));
  }
  const privateKey = readKey(keyFile);
  const publicKey = await publicKeyFromPrivate(privateKey);
  const title = opt(args, '--title');
  const built = await buildFeed(snapshot, previous, { privateKey, publicKey }, { created: opt(args, '--created') ?? new Date().toISOString(), ...(title ? { title } : {}) });
  // Parts first, manifest last: a reader never sees a manifest whose parts are missing.
  for (const [name, bytes] of built.files) if (name !== 'manifest') writeFileSync(join(out, name), bytes);
  writeFileSync(join(out, 'manifest'), built.files.get('manifest')!);
  io.out(
    JSON.stringify({
      listId,
      listVersion: version,
      entries: snapshot.entries.length,
      files: [...built.files.keys()],
      diffsFrom: built.manifest.diffs.map((d) => d.from),
      out,
    }),
  );
  return 0;
}

async function verify(args: string[], io: CliIo): Promise<number> {
  const dir = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--')));
  const pub = opt(args, '--pub');
  if (!dir || !pub) {
    io.err('usage: sentinel feed verify DIR --pub PUBLIC_KEY_FILE_OR_KEY [--installed N] [--json]');
    return 2;
  }
  const report: Record<string, unknown> = { dir };
  const problems: string[] = [];
  const m = await verifyManifest(readFileSync(join(dir, 'manifest')), [readKey(pub)]);
  if (!m.ok) {
    problems.push(`manifest: ${m.error.code}: ${m.error.message}`);
  } else {
    const man = m.value.manifest;
    Object.assign(report, { listId: man.listId, listVersion: man.listVersion, created: man.created, keyId: m.value.keyId, entries: man.full.entries });
    for (const ref of [man.full, ...man.diffs]) {
      const path = join(dir, ref.path);
      if (!existsSync(path)) {
        problems.push(`${ref.path}: missing`);
        continue;
      }
      const bytes = new Uint8Array(readFileSync(path));
      const v = await verifyPart(bytes, ref);
      if (!v.ok) {
        problems.push(`${ref.path}: ${v.error.code}: ${v.error.message}`);
        continue;
      }
      const p = 'from' in ref ? parseDiff(bytes, man, ref.from) : parseSnapshot(bytes, man);
      if (!p.ok) problems.push(`${ref.path}: ${p.error.code}: ${p.error.message}`);
    }
    const installed = opt(args, '--installed');
    if (installed !== undefined) report.plan = planUpdate({ listId: man.listId, listVersion: Number(installed) }, man);
  }
  report.ok = problems.length === 0;
  report.problems = problems;
  if (args.includes('--json')) io.out(JSON.stringify(report));
  else {
    for (const [k, v] of Object.entries(report)) if (k !== 'problems') io.out(`${k.padEnd(12)} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
    for (const p of problems) io.out(`problem      ${p}`);
  }
  return problems.length ? 1 : 0;
}

async function diff(args: string[], io: CliIo): Promise<number> {
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length !== 2) {
    io.err('usage: sentinel feed diff OLD.json NEW.json [--json]');
    return 2;
  }
  const d = computeDiff(readSnapshot(files[0]!), readSnapshot(files[1]!));
  if (args.includes('--json')) io.out(JSON.stringify(d));
  else {
    io.out(`from ${d.from} to ${d.to}: +${d.add.length} −${d.remove.length}`);
    for (const a of d.add) io.out(`+ ${a.action} ${a.kind} ${a.value}`);
    for (const r of d.remove) io.out(`- ${r.action} ${r.kind} ${r.value}`);
  }
  return 0;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'keygen':
      return keygen(rest, io);
    case 'build':
      return build(rest, io);
    case 'verify':
      return verify(rest, io);
    case 'diff':
      return diff(rest, io);
    default:
      io.err('usage: sentinel feed keygen|build|verify|diff …');
      return 2;
  }
}
