/**
 * `npm start`: build the extension and open Debian's Chromium with it, first on the
 * outreach gallery (demo.html, "反诈宣传演示"), then on a tour of
 * demo pages served from 127.0.0.1 (a scam page, a normal page, a blacklisted demo
 * site, the popup and the options page).
 *   - with a display ($DISPLAY / $WAYLAND_DISPLAY): a real window; close it to exit;
 *   - without one: the same tour headless, screenshots saved to screenshots/start/,
 *     their paths printed, exit 0.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../tests/e2e/support/browser';
import { startServer } from '../tests/e2e/support/server';
import { tabIdOf } from '../tests/e2e/support/pages';

const DEMO_BLOCKED_HOST = 'scam-demo.example';
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.SENTINEL_HEADLESS !== '1';
const outDir = resolve(import.meta.dirname, '..', 'screenshots', 'start');

execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
const server = await startServer();
const ext = await launchWithExtension({ headed, mapHosts: [DEMO_BLOCKED_HOST] });
const shots: string[] = [];
const shot = async (page: Page, name: string) => {
  if (headed) return;
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, `${name}.png`);
  await page.screenshot({ path });
  shots.push(path);
};
const settle = (page: Page, ms = 1500) => page.waitForTimeout(ms);

try {
  // The outreach gallery comes first: it works with no server and no network.
  const gallery = await ext.context.newPage();
  await gallery.goto(ext.extensionUrl('demo.html'));
  await gallery.getByTestId('case-list').waitFor({ timeout: 10_000 }).catch(() => undefined);
  await shot(gallery, '0-demo-gallery');

  const scam = await ext.context.newPage();
  await scam.goto(server.url('/fraud-investment.html'));
  await scam.waitForSelector('scam-sentinel-alert[data-level="medium"], scam-sentinel-alert[data-level="high"]', { timeout: 10_000 }).catch(() => undefined);
  await settle(scam, 500);
  await shot(scam, '1-scam-page-alert');

  const plain = await ext.context.newPage();
  await plain.goto(server.url('/plain.html'));
  await settle(plain);
  await shot(plain, '2-normal-page-silent');

  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(ext.extensionUrl(`popup.html?tabId=${await tabIdOf(ext, scam)}`));
  await settle(popup, 800);
  await shot(popup, '3-popup-verdict');

  const blocked = await ext.context.newPage();
  await blocked.goto(server.url('/plain.html', DEMO_BLOCKED_HOST)).catch(() => undefined);
  await settle(blocked);
  await shot(blocked, '4-blacklisted-site-interstitial');

  const options = await ext.context.newPage();
  await options.goto(ext.extensionUrl('options.html'));
  await settle(options, 800);
  await shot(options, '5-options');

  if (headed) {
    await gallery.bringToFront();
    process.stdout.write('ScamSentinel is running in Chromium. Close the browser window to finish.\n');
    await new Promise<void>((done) => ext.context.on('close', () => done()));
  } else {
    process.stdout.write('No display found: ran the demo tour headless. Screenshots:\n');
    for (const path of shots) process.stdout.write(`  ${path}\n`);
  }
} finally {
  await ext.close().catch(() => undefined);
  await server.close();
}
