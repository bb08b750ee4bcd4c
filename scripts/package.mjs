#!/usr/bin/env node
/**
 * `npm run package` (issue 9): the files a family member installs.
 *   wxt zip                     → .output/<name>-<version>-chrome.zip   (Chrome / Edge)
 *   wxt zip -b firefox --mv3    → .output/<name>-<version>-firefox.zip  (+ -sources.zip for review)
 * then .output/SHA256SUMS (`sha256sum -c SHA256SUMS` checks a download).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.env.SENTINEL_OUT_DIR ?? '.output';
const run = (args) => execFileSync('npx', ['wxt', 'zip', ...args], { stdio: 'inherit' });
run([]);
run(['-b', 'firefox', '--mv3']);
const zips = readdirSync(out).filter((f) => f.endsWith('.zip')).sort();
const lines = zips.map((f) => `${createHash('sha256').update(readFileSync(join(out, f))).digest('hex')}  ${f}`);
writeFileSync(join(out, 'SHA256SUMS'), `${lines.join('\n')}\n`);
console.log(`\n${out}/SHA256SUMS\n${lines.join('\n')}`);
