#!/usr/bin/env node
// `npm run fuzz -- --minutes N` (default 5): the fast-check properties of
// tests/unit/fuzz/ run until their share of N minutes is up, instead of the short batch
// `npm test` runs. `--seed S` replays a failure reported by an earlier run.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const args = process.argv.slice(2);
const value = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const minutes = Number(value('minutes', '5'));
if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 24 * 60) {
  process.stderr.write('usage: npm run fuzz -- --minutes N [--seed S]\n');
  process.exit(2);
}
const seed = value('seed', undefined);
const env = { ...process.env, SENTINEL_FUZZ_MS: String(Math.round(minutes * 60_000)), ...(seed ? { SENTINEL_FUZZ_SEED: seed } : {}) };
process.stdout.write(`[fuzz] ${minutes} min over tests/unit/fuzz${seed ? ` (seed ${seed})` : ''}\n`);
const r = spawnSync('npx', ['vitest', 'run', 'tests/unit/fuzz'], { cwd: join(import.meta.dirname, '..'), stdio: 'inherit', env });
process.exit(r.status ?? 1);
