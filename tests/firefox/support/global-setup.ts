/** Builds the Firefox extension once before the Firefox run unless the caller already did (SENTINEL_BUILT=1). */
import { execFileSync } from 'node:child_process';

export default function setup() {
  if (process.env.SENTINEL_BUILT === '1') return;
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { stdio: 'inherit' });
}
