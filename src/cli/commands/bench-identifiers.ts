/**
 * `sentinel bench identifiers [--lookups N] [--listed M] [--json]`: the identifier check
 * (issue 11). Reported, never asserted.
 *   extract20kMs        extractIdentifiers on a 20,000-character page of ordinary prose
 *                       with a few contacts (median of 30 runs; …CpuMs: process CPU time)
 *   extract20kDenseMs   the same on a page with a number in every sentence (~800 digit runs)
 *   indexProbes10kMs    10,000 hash probes into a compact index of M = 1,000,000 listed
 *                       identifiers (1% hits): the index part of a worker lookup. The whole
 *                       worker path (message handler, metadata reads on hits) is measured
 *                       by tests/perf/identifier-lookup.ts
 * The text is synthetic (no corpus text is used).
 */
import { loadavg } from 'node:os';
import { extractIdentifiers } from '../../lists/identifier-extract';
import { keyHashHex } from '../../lists/hash';
import { parseKeyHashHex } from '../../lists/hash';
import { buildIndex } from '../../lists/lookup';
import type { IdentifierKind } from '../../lists/types';
import type { CliIo } from '../io';

export const summary = 'identifiers: extract20kMs (≤ 1 ms), indexProbes10kMs';

/** Synthetic identifier number i of a kind (shared with tests/perf/identifier-lookup.ts). */
export function identifierValue(kind: IdentifierKind, i: number): string {
  return kind === 'phone' ? `1${3 + (i % 7)}${String(i % 1e9).padStart(9, '0')}` : kind === 'bankCard' ? `62${String(i).padStart(16, '0')}` : kind === 'qq' ? String(10_000 + i) : `wx_${i.toString(36)}x`;
}

function opt(args: string[], name: string, dflt: number): number {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(String(args[i + 1]).replace(/_/g, '')) : dflt;
  return Number.isFinite(v) && v > 0 ? Math.floor(v) : dflt;
}
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const PROSE = [
  '本店经营家用电器维修，空调、冰箱、洗衣机、热水器均可上门。',
  'Our technicians arrive within two hours and quote before any work starts.',
  '所有配件提供一年质保，收费标准在店内公示，欢迎监督。',
  '营业时间为每天早上八点到晚上八点，节假日不休息。',
  '请保管好您的收据，以便日后保修使用。',
];

function page(chars: number, dense: boolean): string {
  let s = '';
  for (let i = 0; s.length < chars; i++) {
    s += PROSE[i % PROSE.length]!;
    if (dense) s += `联系电话 138 0013 ${String(1000 + (i % 9000))}，价格 ${i * 13} 元。`;
    else if (i % 60 === 7) s += `预约电话：138-0013-${String(1000 + i)}，客服微信：shop_service${i}。`;
  }
  return s.slice(0, chars);
}

function timeExtract(text: string): { ms: number; cpuMs: number; found: number } {
  for (let i = 0; i < 10; i++) extractIdentifiers([text]); // warm-up
  const ms: number[] = [];
  const cpu: number[] = [];
  let found = 0;
  for (let i = 0; i < 30; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    found = extractIdentifiers([text]).length;
    ms.push(performance.now() - t0);
    cpu.push(process.cpuUsage(c0).user / 1000);
  }
  return { ms: median(ms), cpuMs: median(cpu), found };
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const lookups = opt(args, '--lookups', 10_000);
  const listedCount = opt(args, '--listed', 1_000_000);
  const prose = timeExtract(page(20_000, false));
  const dense = timeExtract(page(20_000, true));

  // ---- pure index probes by hash (what the worker does per identifier before any read)
  const kinds: IdentifierKind[] = ['phone', 'bankCard', 'qq', 'wechat'];
  const value = (kind: IdentifierKind, i: number) => identifierValue(kind, i);
  const index = buildIndex(
    [],
    (function* () {
      for (let i = 0; i < listedCount; i++) {
        const kind = kinds[i % kinds.length]!;
        yield { kind, value: value(kind, i), source: 'bench' };
      }
    })(),
  );
  const asks = Array.from({ length: lookups }, (_, i) => {
    const kind = kinds[i % kinds.length]!;
    const v = i % 100 === 0 ? value(kind, (i * 7919) % listedCount) : value(kind, listedCount + i);
    return keyHashHex(kind, v);
  });
  const c0 = process.cpuUsage();
  const t1 = performance.now();
  let hits = 0;
  for (const h of asks) {
    const p = parseKeyHashHex(h)!;
    if (index.find(p[0], p[1])) hits++;
  }
  const lookupMs = performance.now() - t1;
  const lookupCpuMs = process.cpuUsage(c0).user / 1000;

  const result = {
    bench: 'identifiers',
    extract20kMs: round(prose.ms),
    extract20kCpuMs: round(prose.cpuMs),
    extract20kFound: prose.found,
    extract20kDenseMs: round(dense.ms),
    extract20kDenseFound: dense.found,
    listedIdentifiers: listedCount,
    lookups,
    lookupHits: hits,
    indexProbes10kMs: round(lookupMs, 2),
    indexProbes10kCpuMs: round(lookupCpuMs, 2),

    loadAvg: round(loadavg()[0]!, 1),
    targets: { extract20kMs: 1 },
  };
  if (args.includes('--json')) io.out(JSON.stringify(result));
  else for (const [k, v] of Object.entries(result)) io.out(`${k.padEnd(24)} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  return 0;
}
