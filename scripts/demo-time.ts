/**
 * `npm run demo:time`: how long from installing the extension to the first live demo,
 * on this machine, along the path a volunteer takes: the toolbar icon (popup) →
 * "反诈宣传演示" → the first case's "开始演示" → "下一步" three times → the live warning.
 * Prints the machine time of each phase (median of 3 fresh profiles) and the number of
 * actions; a person's reading and clicking time is NOT measured here (see README).
 */
import { execFileSync } from 'node:child_process';
import { launchWithExtension } from '../tests/e2e/support/browser';

if (process.env.SENTINEL_BUILT !== '1') execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });

type Phase = 'install (browser start + extension worker)' | 'popup → gallery tab' | 'gallery → first case' | 'first case → live warning' | 'total';
const runs: Array<Record<Phase, number>> = [];
for (let run = 0; run < 3; run++) {
  const t0 = performance.now();
  const ext = await launchWithExtension();
  const t1 = performance.now();
  const popup = await ext.context.newPage();
  await popup.goto(ext.extensionUrl('popup.html'));
  const opened = ext.context.waitForEvent('page');
  await popup.getByTestId('open-demo').click(); // action 2 (action 1: the toolbar icon)
  const gallery = await opened;
  await gallery.getByTestId('case-list').waitFor();
  const t2 = performance.now();
  await gallery.locator('button[data-testid^="case-"]').first().click(); // action 3
  await gallery.getByTestId('slide').waitFor();
  const t3 = performance.now();
  for (let i = 0; i < 3; i++) await gallery.getByTestId('next').click(); // actions 4–6
  await gallery.waitForFunction(() => document.querySelector<HTMLIFrameElement>('iframe[data-testid=stage]')?.contentDocument?.querySelector('scam-sentinel-alert[data-mode="dialog"], scam-sentinel-alert[data-mode="banner"]') ?? null, undefined, { timeout: 20_000 });
  const t4 = performance.now();
  runs.push({
    'install (browser start + extension worker)': t1 - t0,
    'popup → gallery tab': t2 - t1,
    'gallery → first case': t3 - t2,
    'first case → live warning': t4 - t3,
    total: t4 - t0,
  });
  await ext.close();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
process.stdout.write('| phase | median of 3 (s) | runs (s) |\n|---|---:|---|\n');
for (const phase of Object.keys(runs[0]!) as Phase[]) {
  const xs = runs.map((r) => r[phase] / 1000);
  process.stdout.write(`| ${phase} | ${median(xs).toFixed(1)} | ${xs.map((x) => x.toFixed(1)).join(', ')} |\n`);
}
process.stdout.write('actions after install: 6 (toolbar icon, 反诈宣传演示, 开始演示, 下一步 ×3)\n');
