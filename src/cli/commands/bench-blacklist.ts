/**
 * `sentinel bench blacklist [--entries N] [--lookups M] [--flat-urls] [--json]`: speed and size of the
 * compact blacklist index. Names come from ../shared/domains/dev-domains.tsv (measurement
 * only, never copied into the repo) expanded synthetically to N entries (default
 * 1,000,000): the real names, then "<n>-<name>" and "<n>.<name>" variants; 4% of entries
 * are URL prefixes and 1% exact hosts, so URL-prefix probes are exercised. Falls back to
 * synthetic names when the file is absent. Reported, never asserted.
 *
 * Targets from issue 4: lookupP50Us ≤ 2, lookupP99Us ≤ 20, buildMs ≤ 3000,
 * bytesPerEntry ≤ 16, diff10kMs ≤ 200.
 *   lookup*      full path per URL string: canonicalize → expressions → probes → verdict
 *                (…CpuUs / …CpuMs: process CPU time, less distorted than wall-clock on a busy machine)
 *   indexProbe*  the same lookups on pre-canonicalized URLs (the index alone)
 *   buildMs      index from N entries (hash + radix sort + dedupe)
 *   feedBuildMs  a full signed-feed snapshot of N entries: JSON parse + zod + canonical
 *                check of every entry + index build (what an update costs end to end)
 *   loadMs       fromBytes of the serialized index (a cold worker's one read, minus I/O)
 *   diff10kMs    applyDiff with 5,000 additions and 5,000 removals
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { canonicalize, type CanonicalUrl } from '../../url/canonicalize';
import { lookalike } from '../../url/lookalike';
import { CompactIndex, type IndexKey } from '../../lists/compact-index';
import { normalizeEntryValue } from '../../lists/entries';
import { parseSnapshot, type FeedEntry, type FeedManifest } from '../../lists/feed';
import { buildIndex, lookupUrl } from '../../lists/lookup';
import type { ListEntry } from '../../lists/types';
import type { CliIo } from '../io';

export const summary = 'blacklist index: lookupP50Us, lookupP99Us, buildMs, bytesPerEntry, diff10kMs';

const DOMAINS_TSV = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'domains', 'dev-domains.tsv');

function opt(args: string[], name: string, dflt: number): number {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(String(args[i + 1]).replace(/_/g, '')) : dflt;
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : dflt;
}

/** Deterministic PRNG (mulberry32) so runs are comparable. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function baseNames(): { names: string[]; source: string; negatives: string[] } {
  if (existsSync(DOMAINS_TSV)) {
    const rows = readFileSync(DOMAINS_TSV, 'utf8').split('\n').slice(1).map((l) => l.split('\t'));
    const names = rows.map((r) => r[0]!).filter((d) => d && /^[a-z0-9.-]+$/.test(d) && normalizeEntryValue('domain', d).ok);
    const negatives = rows.filter((r) => r[2] === 'allow_hard_negative').map((r) => r[0]!);
    return { names, source: 'shared/domains/dev-domains.tsv (expanded)', negatives };
  }
  const r = rng(7);
  const names = Array.from({ length: 50_000 }, (_, i) => `${Math.floor(r() * 1e9).toString(36)}${i}.example`);
  return { names, source: 'synthetic', negatives: [] };
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

export async function run(args: string[], io: CliIo): Promise<number> {
  const n = opt(args, '--entries', 1_000_000);
  const lookups = opt(args, '--lookups', 200_000);
  const { names, source, negatives } = baseNames();

  // ---- entries
  const r = rng(42);
  const entries: ListEntry[] = new Array(n);
  const seen = new Set<string>();
  for (let i = 0, k = 0; i < n; k++) {
    const base = names[k % names.length]!;
    const round_ = Math.floor(k / names.length);
    const tag = round_.toString(36);
    const dashOk = base.indexOf('.') + tag.length + 1 <= 63;
    const host = round_ === 0 ? base : round_ % 2 && dashOk ? `${tag}-${base}` : `${tag}.${base}`;
    if (host.length > 240) continue;
    const roll = r();
    const kind = roll < 0.04 ? 'urlPrefix' : roll < 0.05 ? 'host' : 'domain';
    const value = kind === 'urlPrefix' ? `${host}/p${i.toString(36)}/` : host;
    const key = `${kind}:${value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    entries[i++] = { kind, value, action: 'block', category: 'unknown', source: 'bench', firstSeen: 0 };
  }
  seen.clear();

  // ---- warm-up: JIT-compile build, diff and lookup on a small index first
  {
    const small = buildIndex(entries.slice(0, 20_000));
    small.applyDiff({ add: [{ kind: 'domain', value: 'warm.test', level: 'listBlock' }], remove: [] });
    for (let i = 0; i < 20_000; i++) lookupUrl(small, `https://www.${entries[i]!.value}`);
  }

  // ---- build
  let c0 = process.cpuUsage();
  let t = performance.now();
  const index = buildIndex(entries);
  const buildMs = performance.now() - t;
  const buildCpuMs = process.cpuUsage(c0).user / 1000;
  const bytes = index.toBytes();
  t = performance.now();
  const loaded = CompactIndex.fromBytes(bytes);
  const loadMs = performance.now() - t;

  // ---- lookups: half hits (random subdomain/path on a listed name), half misses
  let urls: string[] = new Array(lookups);
  for (let i = 0; i < lookups; i++) {
    const e = entries[Math.floor(r() * n)]!;
    if (i % 2 === 0) {
      urls[i] = e.kind === 'urlPrefix' ? `https://${e.value}page${i}.html?x=${i}` : `https://www.${e.value}/path/${i}/index.html?q=${i}`;
    } else {
      urls[i] = `https://m.not-listed-${i.toString(36)}.${e.value.split('/')[0]}.test/a/b/${i}?q=1`;
    }
  }
  // --flat-urls: the URLs as the worker receives them (deserialized, flat strings). Built by
  // concatenation they are V8 cons strings, flattened (copied) on their first read, i.e.
  // inside the timed loop below, a cost no real lookup pays. Off by default (the historical method).
  const flatUrls = args.includes('--flat-urls');
  if (flatUrls) urls = structuredClone(urls);
  for (let i = 0; i < Math.min(20_000, lookups); i++) lookupUrl(loaded, urls[i]!); // warm-up
  const times = new Float64Array(lookups);
  let hits = 0;
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < lookups; i++) {
    const s = performance.now();
    const v = lookupUrl(loaded, urls[i]!);
    times[i] = performance.now() - s;
    if (v.verdict.result === 'block') hits++;
  }
  // CPU time per lookup: less sensitive than wall-clock percentiles to other processes on a shared machine.
  const lookupMeanCpuUs = process.cpuUsage(cpu0).user / lookups;
  times.sort();
  const canon: CanonicalUrl[] = urls.map((u) => {
    const c = canonicalize(u);
    if (!c.ok) throw new Error(u);
    return c.url;
  });
  const probeTimes = new Float64Array(lookups);
  for (let i = 0; i < lookups; i++) {
    const s = performance.now();
    lookupUrl(loaded, canon[i]!);
    probeTimes[i] = performance.now() - s;
  }
  probeTimes.sort();

  // ---- diff: 5k adds + 5k removes
  const add: IndexKey[] = Array.from({ length: 5000 }, (_, i) => ({ kind: 'domain', value: `added-${i}.bench.test`, level: 'listBlock' }));
  const remove: IndexKey[] = Array.from({ length: 5000 }, (_, i) => {
    const e = entries[(i * 197) % n]!;
    return { kind: e.kind, value: e.value, level: 'listBlock' };
  });
  let next = loaded;
  const diffRuns: number[] = [];
  const diffCpu: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    c0 = process.cpuUsage();
    t = performance.now();
    next = loaded.applyDiff({ add, remove });
    diffRuns.push(performance.now() - t);
    diffCpu.push(process.cpuUsage(c0).user / 1000);
  }
  const diff10kMs = diffRuns.sort((a, b) => a - b)[1]!; // median of 3

  // ---- full signed-feed snapshot → validated entries → index (signature/sha256 excluded)
  const feedEntries: FeedEntry[] = entries.map((e) => ({ kind: e.kind, value: e.value, action: e.action, category: e.category, firstSeen: e.firstSeen }));
  const snapBytes = new TextEncoder().encode(JSON.stringify({ format: 'scamsentinel-list', listId: 'bench', listVersion: 1, entries: feedEntries }));
  t = performance.now();
  const parsed = parseSnapshot(snapBytes, { listId: 'bench', listVersion: 1 } as FeedManifest);
  if (!parsed.ok) throw new Error(parsed.error.message);
  buildIndex(
    (function* () {
      for (const e of parsed.value.entries) yield { kind: e.kind, value: e.value, action: e.action, source: 'bench' };
    })(),
  );
  const feedBuildMs = performance.now() - t;

  // ---- lookalike false positives on hard negatives (measure only)
  let lookalikeHardNegatives = 0;
  for (const d of negatives) {
    const c = canonicalize(`http://${d}/`);
    if (c.ok && lookalike(c.url.host)) lookalikeHardNegatives++;
  }

  const result = {
    bench: 'blacklist',
    entries: n,
    names: source,
    keys: index.size,
    lookups,
    flatUrls,
    hitRate: round(hits / lookups, 3),
    lookupP50Us: round(percentile(times, 0.5) * 1000),
    lookupP99Us: round(percentile(times, 0.99) * 1000),
    lookupMeanCpuUs: round(lookupMeanCpuUs),
    indexProbeP50Us: round(percentile(probeTimes, 0.5) * 1000),
    indexProbeP99Us: round(percentile(probeTimes, 0.99) * 1000),
    buildMs: round(buildMs, 1),
    buildCpuMs: round(buildCpuMs, 1),
    feedBuildMs: round(feedBuildMs, 1),
    loadMs: round(loadMs, 1),
    loadAvg: round(loadavg()[0]!, 1),
    serializedBytes: bytes.length,
    bytesPerEntry: round(bytes.length / n),
    diff10kMs: round(diff10kMs, 1),
    diff10kCpuMs: round(diffCpu.sort((a, b) => a - b)[1]!, 1),
    diffResultKeys: next.size,
    lookalikeHardNegativesChecked: negatives.length,
    lookalikeHardNegativesCautioned: lookalikeHardNegatives,
    targets: { lookupP50Us: 2, lookupP99Us: 20, buildMs: 3000, bytesPerEntry: 16, diff10kMs: 200 },
  };
  if (args.includes('--json')) io.out(JSON.stringify(result));
  else for (const [k, v] of Object.entries(result)) io.out(`${k.padEnd(32)} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  return 0;
}
