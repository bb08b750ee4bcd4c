/** Page objects for our extension pages: tests speak in what a person does. */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

export const ALERT = 'scam-sentinel-alert';

/** Level shown by the in-page alert host ('absent' when there is no host). */
export async function alertLevel(page: Page): Promise<string> {
  return page.evaluate((tag) => document.querySelector(tag)?.getAttribute('data-level') ?? 'absent', ALERT);
}

export async function waitForAlertLevel(page: Page, levels: string[], timeout = 10_000): Promise<string> {
  await page.waitForFunction(
    ([tag, wanted]) => wanted.includes(document.querySelector(tag as string)?.getAttribute('data-level') ?? 'absent'),
    [ALERT, levels] as const,
    { timeout },
  );
  return alertLevel(page);
}

/** The tab id of a page, asked from the service worker. */
export async function tabIdOf(ext: ExtensionBrowser, page: Page): Promise<number> {
  const sw = await ext.worker();
  const url = page.url();
  const id = await sw.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`no tab for ${url}`);
  return id;
}

export async function badgeText(ext: ExtensionBrowser, tabId: number): Promise<string> {
  const sw = await ext.worker();
  return sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

export class PopupPage {
  constructor(readonly page: Page) {}
  static async open(ext: ExtensionBrowser, tabId: number, lang?: string): Promise<PopupPage> {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 420, height: 600 });
    await page.goto(ext.extensionUrl(`popup.html?tabId=${tabId}${lang ? `&lang=${lang}` : ''}`));
    await page.getByTestId('verdict').waitFor();
    return new PopupPage(page);
  }
  verdictLevel(): Promise<string | null> {
    return this.page.getByTestId('verdict').getAttribute('data-level');
  }
  reasonsText(): Promise<string> {
    return this.page.getByTestId('reasons').innerText();
  }
}

export class OptionsPage {
  constructor(readonly page: Page) {}
  static async open(ext: ExtensionBrowser, lang?: string): Promise<OptionsPage> {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl(`options.html${lang ? `?lang=${lang}` : ''}`));
    await page.getByTestId('options-root').waitFor();
    return new OptionsPage(page);
  }
}

export class WarningPage {
  constructor(readonly page: Page) {}
  static async open(ext: ExtensionBrowser, query: string): Promise<WarningPage> {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl(`warning.html${query}`));
    return new WarningPage(page);
  }
  /** The page has rendered (or shown its error state). */
  async ready(): Promise<void> {
    await this.page.getByTestId('warning-ready').waitFor({ state: 'attached' });
  }
}

/**
 * Put a host on (or take it off) the person's own block list, as the options page does:
 * the interstitial only speaks for hosts the background really lists.
 */
export async function setUserBlocked(ext: ExtensionBrowser, host: string, present = true): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('options.html'));
  const res = (await page.evaluate(
    (payload) => chrome.runtime.sendMessage({ type: 'ui-bg/lists-user-set', payload }),
    { host, action: 'block' as const, present },
  )) as { ok: boolean; data?: { ok: boolean } };
  await page.close();
  if (!res?.ok || !res.data?.ok) throw new Error(`could not ${present ? 'block' : 'unblock'} ${host}: ${JSON.stringify(res)}`);
}

/** Read all rows of an IndexedDB object store from inside the service worker. */
export async function readStore(ext: ExtensionBrowser, store: string): Promise<unknown[]> {
  const sw = await ext.worker();
  return sw.evaluate(
    (name) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('scam-sentinel');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            resolve(req.result);
            db.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}
