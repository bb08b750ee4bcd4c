#!/usr/bin/env node
// `npm test`: every check, in order, each counted; the last line is `N passed, N failed`
// over all of them (unit tests + Chromium e2e + Firefox e2e + the typecheck/lint/build/web-ext steps).
// It keeps going after a failure so one run shows everything that is wrong.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const results = join(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];
const started = Date.now();

function step(name, cmd, args, env = {}) {
  const t0 = Date.now();
  process.stdout.write(`\n── ${name} ──\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  process.stdout.write(`── ${name}: ${ok ? 'ok' : `FAILED (exit ${r.status})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s ──\n`);
  return ok;
}

function count(name, ok) {
  if (ok) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

/** Run vitest with a JSON report and count its individual tests. */
function vitest(name, config, extraEnv = {}) {
  const out = join(results, `${name}.json`);
  const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  if (config) args.push('-c', config);
  const ok = step(name, 'npx', args, extraEnv);
  if (!existsSync(out)) {
    count(`${name} (no report)`, false);
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  for (const file of report.testResults ?? []) {
    for (const t of file.assertionResults ?? []) if (t.status === 'failed') failures.push(`${name}: ${t.fullName}`);
  }
  // A suite that failed to load has no failed tests but a failed run.
  if (!ok && report.numFailedTests === 0) count(`${name} (suite errors)`, false);
}

count('typecheck', step('typecheck', 'npx', ['tsc', '--noEmit']));
count('lint', step('lint', 'npx', ['eslint', '.']));
vitest('unit');
count('build chrome-mv3', step('build chrome-mv3', 'npx', ['wxt', 'build']));
const firefoxOk = step('build firefox-mv3', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3']);
count('build firefox-mv3', firefoxOk);
if (firefoxOk) {
  // web-ext lint exits non-zero on errors (warnings are printed, not fatal).
  count('web-ext lint (firefox-mv3)', step('web-ext lint (firefox-mv3)', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--no-config-discovery']));
}
vitest('e2e', 'vitest.e2e.config.ts', { SENTINEL_BUILT: '1' });
// Firefox ESR tier (puppeteer-core over WebDriver BiDi), on the firefox-mv3 build above.
if (firefoxOk) vitest('firefox', 'vitest.firefox.config.ts', { SENTINEL_BUILT: '1' });
else count('firefox (build failed)', false);

const secs = ((Date.now() - started) / 1000).toFixed(0);
if (failures.length) {
  process.stdout.write(`\nFailed:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
}
process.stdout.write(`\nnpm test finished in ${secs} s\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
