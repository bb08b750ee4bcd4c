#!/usr/bin/env node
// Brings this machine up to date for `npm start` / `npm test`, using only Node built-ins
// (it runs before node_modules exists):
//   1. npm dependencies: `npm ci` when node_modules is missing or package-lock.json changed;
//   2. Debian `chromium`, `firefox-esr` (+ its zh-CN language pack, for the Firefox e2e tier)
//      and a CJK font: installed with apt-get when missing and running as root, otherwise
//      a one-line instruction and exit 1.
import { createHash } from 'node:crypto';
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const say = (msg) => process.stdout.write(`[setup] ${msg}\n`);
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) {
    process.stderr.write(`[setup] failed: ${cmd} ${args.join(' ')}\n`);
    process.exit(r.status ?? 1);
  }
};

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`[setup] Node ${process.versions.node} is too old: install Node 20.19+ (Vite 8 needs it).\n`);
  process.exit(1);
}

// 1. npm packages
const lock = readFileSync(join(root, 'package-lock.json'));
const want = createHash('sha256').update(lock).digest('hex');
const stamp = join(root, 'node_modules', '.sentinel-lock-sha256');
const have = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
if (have !== want) {
  say(existsSync(join(root, 'node_modules')) ? 'package-lock.json changed: npm ci' : 'installing npm packages: npm ci');
  run('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(stamp, want);
}
if (!existsSync(join(root, '.wxt', 'tsconfig.json'))) run('npx', ['wxt', 'prepare']);

// 2. Chromium + CJK font (Debian)
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasFont = () => {
  try {
    return execSync('fc-list :lang=zh family', { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
};
const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const missing = [];
if (!existsSync(chromium)) missing.push('chromium');
if (!existsSync(firefox)) missing.push('firefox-esr');
// The zh-CN language pack lives under /usr/lib/firefox-esr (the "UI in zh-CN" test needs it).
if (!existsSync('/usr/lib/firefox-esr/browser/extensions/langpack-zh-CN@firefox-esr.mozilla.org.xpi') && !process.env.FIREFOX_PATH) missing.push('firefox-esr-l10n-zh-cn');
if (!hasFont()) missing.push('fonts-wqy-microhei');
if (missing.length) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    process.stderr.write(`[setup] missing ${missing.join(', ')}. Run: sudo apt-get install -y ${missing.join(' ')}\n`);
    process.exit(1);
  }
  say(`installing ${missing.join(' ')} with apt-get (about 30 s for chromium, 60 s with firefox-esr, the first time)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', ...missing], { env });
}
