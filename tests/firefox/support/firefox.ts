/**
 * Launches Debian's Firefox ESR with the firefox-mv3 build installed as a temporary
 * add-on, driven by puppeteer-core over WebDriver BiDi (Playwright cannot drive ESR 153:
 * its context creation fails on `emulation.setMediaFeaturesOverride`). Facts behind
 * every choice here: ../shared/toolchain.md, "Firefox".
 *
 *  - `extensions.webextensions.uuids` pins the moz-extension:// host, so tests know it;
 *  - `network.dns.localDomains` resolves the test host names to 127.0.0.1;
 *  - `--remote-allow-system-access` lets BiDi open and evaluate in moz-extension:// pages
 *    and in the browser's own (chrome) scope, where the console and the event page live;
 *  - Firefox sends no load events for extension documents (nor for an http navigation
 *    that DNR redirects to one), so navigation is `browsingContext.navigate` with
 *    wait: 'none' followed by polling `location.href`.
 * Every request that could leave the machine is switched off by prefs (no updates,
 * telemetry, safe-browsing or captive-portal checks), so a stray request shows up as
 * a failure rather than as traffic.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '..', '..', '..', process.env.SENTINEL_OUT_DIR ?? '.output', 'firefox-mv3');
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '..', '..', '..', 'assets', 'screenshots');
export const GECKO_ID = 'scam-sentinel@scamsentinel.org';
/** Fixed for the tests only; a real install gets a random UUID per profile. */
export const EXT_UUID = '5c0a6f1e-7d0b-4b7e-9a53-2f1d3c5e8a11';
export const EXT_ORIGIN = `moz-extension://${EXT_UUID}`;

export interface FirefoxOptions {
  mapHosts?: string[];
  /** UI language of the browser (needs firefox-esr-l10n-<lang> for the browser chrome). */
  locale?: string;
}

export interface FirefoxExtension {
  browser: Browser;
  extUrl(path: string): string;
  newPage(): Promise<Page>;
  /** Navigate without waiting for load events; resolves when location.href satisfies `until`. */
  navigate(page: Page, url: string, until?: (href: string) => boolean, timeout?: number): Promise<string>;
  /** Run `fn` in an extension page (popup.html), where `browser.*` is the extension's API. */
  inExtension<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Evaluate in the browser's privileged (chrome) scope. */
  chrome<R>(expression: string): Promise<R>;
  /** Uncaught errors and console.error lines the extension left in the browser console. */
  consoleErrors(): Promise<string[]>;
  /** Suspend the MV3 event page (Firefox's stand-in for stopping a service worker). */
  suspendBackground(): Promise<void>;
  close(): Promise<void>;
}

const QUIET_PREFS: Record<string, unknown> = {
  'app.update.auto': false,
  'app.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.ping-centre.telemetry': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.topsites.contile.enabled': false,
  'media.gmp-manager.url': '',
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.http.speculative-parallel-limit': 0,
  'dom.disable_open_during_load': false,
};

export async function launchFirefox(opts: FirefoxOptions = {}): Promise<FirefoxExtension> {
  const locale = opts.locale ?? 'zh-CN';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      ...QUIET_PREFS,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXT_UUID }),
      'network.dns.localDomains': (opts.mapHosts ?? []).join(','),
      'intl.locale.requested': locale,
      'intl.accept_languages': locale === 'en' ? 'en-US, en' : `${locale}, zh, en`,
    },
  });
  try {
    const id = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
  } catch (err) {
    await browser.close();
    throw err;
  }

  const send = <R>(method: string, params: object) => (browser as unknown as { connection: { send(m: string, p: object): Promise<{ result: R }> } }).connection.send(method, params).then((r) => r.result);
  const contextOf = (page: Page) => (page.mainFrame() as unknown as { _id: string })._id;

  const navigate = async (page: Page, url: string, until: (href: string) => boolean = (h) => h === url, timeout = 15_000) => {
    await send('browsingContext.navigate', { context: contextOf(page), url, wait: 'none' });
    const deadline = Date.now() + timeout;
    let href = '';
    for (;;) {
      href = await page.evaluate(() => (document.readyState === 'loading' ? '' : location.href)).catch(() => '');
      if (href && until(href)) return href;
      if (Date.now() > deadline) throw new Error(`navigation to ${url} ended at ${href || '(loading)'}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  let chromeContext: string | undefined;
  const chrome = async <R>(expression: string): Promise<R> => {
    if (!chromeContext) {
      const tree = await send<{ contexts: Array<{ context: string; url: string }> }>('browsingContext.getTree', { 'moz:scope': 'chrome' });
      chromeContext = tree.contexts.find((c) => c.url.startsWith('chrome://browser/'))?.context ?? tree.contexts[0]!.context;
    }
    // JSON across the wire: BiDi would otherwise hand back arrays as lists of remote values.
    const out = await send<{ type: string; result?: { type: string; value?: unknown }; exceptionDetails?: { text: string } }>('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context: chromeContext },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (out.type === 'exception') throw new Error(`chrome scope: ${out.exceptionDetails?.text}`);
    const json = out.result?.value;
    return (typeof json === 'string' ? JSON.parse(json) : undefined) as R;
  };

  let handle: Page | undefined;
  const extUrl = (path: string) => `${EXT_ORIGIN}/${path.replace(/^\//, '')}`;
  const newPage = () => browser.newPage();

  return {
    browser,
    extUrl,
    newPage,
    navigate,
    async inExtension(fn, arg) {
      // One extension page kept open for the whole run: closing a page while its own
      // requests are in flight makes Firefox log "Promise rejected after context unloaded".
      if (!handle || handle.isClosed()) {
        const page = await newPage();
        await navigate(page, extUrl('popup.html'), (h) => h.startsWith(EXT_ORIGIN));
        await waitFor(() => page.evaluate(() => Boolean(document.querySelector('[data-testid="verdict"]'))), Boolean, 10_000, 'the popup');
        handle = page;
      }
      return (await handle.evaluate(fn as never, arg as never)) as never;
    },
    chrome,
    async consoleErrors() {
      // nsIScriptError flags: 0 = error, 1 = warning. Only our extension's origin.
      return chrome<string[]>(`(() => {
        const out = [];
        for (const m of Services.console.getMessageArray()) {
          if (!(m instanceof Ci.nsIScriptError) || (m.flags & 1)) continue;
          // Raised by our code (its source is one of our files), not a page's security
          // error that merely names our URL (a page probing moz-extension://…).
          const where = m.sourceName || '';
          // Firefox's own note that it dropped the reply to a page that had already gone
          // away (a navigation while a message was in flight): not an error of ours.
          if (/^Promise (resolved|rejected) after context unloaded/.test(m.errorMessage || '')) continue;
          if (where.includes(${JSON.stringify(EXT_UUID)})) out.push(m.errorMessage + ' @ ' + m.sourceName + ':' + m.lineNumber);
        }
        return out;
      })()`);
    },
    async suspendBackground() {
      await chrome(`(async () => {
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const ext = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(GECKO_ID)});
        await ext.terminateBackground({ ignoreDevToolsAttached: true });
        return ext.backgroundState;
      })()`);
    },
    async close() {
      await browser.close();
    },
  };
}

/** Save a screenshot into assets/screenshots (the README shows them). */
export async function firefoxScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`) as `${string}.png`;
  await page.screenshot({ path });
  return path;
}

/** Level shown by the in-page alert host ('absent' when there is none). */
export const alertLevel = (page: Page) => page.evaluate(() => document.querySelector('scam-sentinel-alert')?.getAttribute('data-level') ?? 'absent');

export async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeout = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    last = await read().catch(() => last);
    if (last !== undefined && ok(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
