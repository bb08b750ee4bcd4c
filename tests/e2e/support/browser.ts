/**
 * Launches Debian's Chromium with the unpacked extension (headless new mode), kept
 * off the network: --host-resolver-rules maps every name to NOTFOUND except
 * 127.0.0.1/localhost and the test hostnames we map to 127.0.0.1 on purpose.
 * Facts behind these flags: ../shared/toolchain.md.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtemp, rm, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const EXTENSION_DIR = resolve(import.meta.dirname, '..', '..', '..', process.env.SENTINEL_OUT_DIR ?? '.output', 'chrome-mv3');
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '..', '..', '..', 'assets', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LaunchOptions {
  /** Hostnames to resolve to 127.0.0.1 (e.g. a blacklisted demo domain). */
  mapHosts?: string[];
  locale?: string;
  /** Show a window (needs a display). Default: headless. */
  headed?: boolean;
  /** Load this unpacked extension instead of ours (benchmarks: a do-nothing baseline). */
  extensionDir?: string;
  /** Keep the first-run welcome tab the extension opens on install (default: close it, so it cannot take the foreground mid-test). */
  keepWelcome?: boolean;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker(): Promise<Worker>;
  extensionUrl(path: string): string;
  /** Stop the MV3 service worker (as Chrome does when idle) and wait until it is gone. */
  stopServiceWorker(): Promise<void>;
  swErrors: string[];
  close(): Promise<void>;
}

export async function launchWithExtension(opts: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'sentinel-profile-'));
  const extDir = opts.extensionDir ?? EXTENSION_DIR;
  const maps = (opts.mapHosts ?? []).map((h) => `MAP ${h} 127.0.0.1`);
  const rules = [...maps, 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1', 'EXCLUDE localhost'].join(' , ');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: !opts.headed,
    locale: opts.locale ?? 'zh-CN',
    viewport: { width: 1280, height: 800 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      `--host-resolver-rules=${rules}`,
      `--lang=${opts.locale ?? 'zh-CN'}`,
    ],
  });
  const swErrors: string[] = [];
  const watch = (w: Worker) => {
    w.on('console', (msg) => {
      if (msg.type() === 'error') swErrors.push(msg.text());
    });
  };
  context.on('serviceworker', watch);
  let sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  watch(sw);
  const extensionId = new URL(sw.url()).host;
  if (!opts.keepWelcome) {
    // The background opens welcome.html on install (issue 9): close it before tests start.
    const isWelcome = (p: Page) => p.url().startsWith(`chrome-extension://${extensionId}/welcome.html`);
    const welcome = context.pages().find(isWelcome) ?? (await context.waitForEvent('page', { predicate: (p) => isWelcome(p) || p.url() === 'about:blank', timeout: 5_000 }).catch(() => null));
    if (welcome) {
      await welcome.waitForURL(/welcome\.html/, { timeout: 5_000 }).catch(() => undefined);
      if (isWelcome(welcome)) await welcome.close();
    }
  }

  const worker = async (): Promise<Worker> => {
    const live = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    if (live) return live;
    // Wake it: opening an extension page starts the worker.
    const page = await context.newPage();
    const waiting = context.waitForEvent('serviceworker', { timeout: 15_000 });
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    sw = await waiting.catch(() => context.serviceWorkers()[0]!);
    await page.close();
    return sw;
  };

  return {
    context,
    extensionId,
    worker,
    swErrors,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async stopServiceWorker() {
      // The CDP ServiceWorker domain only sees workers of the target's origin, so talk
      // to it from an extension-origin page that sends no messages (an icon).
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/icons/16.png`);
      const cdp = await context.newCDPSession(page);
      let stopped = false;
      cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
        if (event.versions.some((v) => v.scriptURL.includes(extensionId) && v.runningStatus === 'stopped')) stopped = true;
      });
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      const deadline = Date.now() + 10_000;
      while (!stopped && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      await cdp.detach();
      await page.close();
      if (!stopped) throw new Error('service worker did not stop');
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Save a screenshot of what a person sees into assets/screenshots (shown in the README). */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

export async function writeJson(path: string, data: unknown) {
  await writeFile(path, JSON.stringify(data, null, 2));
}
