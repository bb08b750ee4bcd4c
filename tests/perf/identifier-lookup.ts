/**
 * 10,000 identifier lookups through the worker's own code: the `cs-bg/identifiers` handler
 * (src/background/identifier-handlers.ts) → list-service identifierHits → compact index →
 * metadata shard read on a hit, over IndexedDB (fake-indexeddb in Node: the same idb code
 * the extension runs; a browser's IndexedDB has other constants). A stored list of M
 * identifiers (default 1,000,000), questions in batches of 100 as a page sends them, 1% of
 * them listed. Prints one JSON object. Reported, never asserted.
 *
 *   npx tsx tests/perf/identifier-lookup.ts [--listed M] [--lookups N]
 */
import 'fake-indexeddb/auto';
import { loadavg } from 'node:os';
import { openSentinelDb } from '../../src/background/db';
import { createListStore } from '../../src/background/list-store';
import { createListService } from '../../src/background/list-service';
import { sentinelEngine } from '../../src/background/list-engine';
import { identifierHandlers } from '../../src/background/identifier-handlers';
import type { MessageSender } from '../../src/background/router';
import { keyHashHex } from '../../src/lists/hash';
import type { IdentifierEntry, IdentifierKind } from '../../src/lists/types';
import { identifierValue } from '../../src/cli/commands/bench-identifiers';
import { installUrlDataFromPackages } from '../../src/url/url-data-source';

installUrlDataFromPackages(); // the extension fetches it on first need (src/url/url-data.ts)

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const listedCount = opt('listed', 1_000_000);
const lookups = opt('lookups', 10_000);
const kinds: IdentifierKind[] = ['phone', 'bankCard', 'qq', 'wechat'];

async function main() {
  const listed: IdentifierEntry[] = Array.from({ length: listedCount }, (_, i) => {
    const kind = kinds[i % kinds.length]!;
    return { kind, value: identifierValue(kind, i), category: 'unknown', source: 'bench', firstSeen: 0 };
  });
  let dbp: ReturnType<typeof openSentinelDb> | undefined;
  const db = () => (dbp ??= openSentinelDb());
  const store = createListStore(db);
  const lists = createListService({ store, engine: sentinelEngine, seed: { version: 1, name: 'seed', entries: () => [] }, now: () => 1 });
  const t0 = performance.now();
  await lists.replaceList({ id: 'bench', kind: 'subscription', name: 'bench', format: 'plain', addedAt: 0, failures: 0, entryCount: 0 }, [], listed);
  const storeMs = performance.now() - t0;
  // A cold worker: a new service over the same database.
  const cold = createListService({ store, engine: sentinelEngine, seed: { version: 1, name: 'seed', entries: () => [] }, now: () => 1 });
  const handle = identifierHandlers(cold)['cs-bg/identifiers'];
  const asks = Array.from({ length: lookups }, (_, i) => {
    const kind = kinds[i % kinds.length]!;
    const v = i % 100 === 0 ? identifierValue(kind, (i * 7919) % listedCount) : identifierValue(kind, listedCount + i);
    return { kind, hash: keyHashHex(kind, v) };
  });
  const c1 = performance.now();
  await handle({ ids: asks.slice(0, 1) }, {} as MessageSender); // the cold worker's one index read
  const firstMs = performance.now() - c1;
  const batches: number[] = [];
  let hits = 0;
  const cpu0 = process.cpuUsage();
  const t1 = performance.now();
  for (let i = 0; i < asks.length; i += 100) {
    const s = performance.now();
    hits += (await handle({ ids: asks.slice(i, i + 100) }, {} as MessageSender)).listed.length;
    batches.push(performance.now() - s);
  }
  const totalMs = performance.now() - t1;
  batches.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      bench: 'identifier-lookup (worker code path, fake-indexeddb)',
      listedIdentifiers: listedCount,
      storeListMs: Math.round(storeMs),
      coldFirstAnswerMs: Math.round(firstMs),
      lookups,
      hits,
      lookups10kMs: Math.round(totalMs * 10) / 10,
      lookups10kCpuMs: Math.round(process.cpuUsage(cpu0).user / 100) / 10,
      batchOf100P50Ms: Math.round(batches[Math.floor(batches.length / 2)]! * 100) / 100,
      batchOf100MaxMs: Math.round(batches[batches.length - 1]! * 100) / 100,
      loadAvg: Math.round(loadavg()[0]! * 10) / 10,
    }),
  );
}
void main();
