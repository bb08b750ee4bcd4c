#!/usr/bin/env node
// `npm run test:e2e [-- file…]`: build the Chrome extension once, then run the real-Chromium
// specs (vitest.e2e.config.ts) against it; extra arguments select spec files. The last
// line is `N passed, N failed` (what .ci/run reads). `npm test` runs these too, with
// everything else.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

if (run('npx', ['wxt', 'build']) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
mkdirSync(join(root, 'test-results'), { recursive: true });
const out = join(root, 'test-results', 'e2e-only.json');
const status = run('npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)], { SENTINEL_BUILT: '1' });
const report = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : { numPassedTests: 0, numFailedTests: 1 };
const failed = report.numFailedTests + (status !== 0 && report.numFailedTests === 0 ? 1 : 0);
console.log(`${report.numPassedTests} passed, ${failed} failed`);
process.exit(status === 0 ? 0 : 1);
