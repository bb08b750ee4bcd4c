/**
 * Loads the URL data (Public Suffix List, confusables: src/url/url-data.ts) on first need,
 * from the extension's own package: /url-data.json, generated at build time by
 * wxt.config.ts. Works in the service worker, the list builder Worker and Firefox's
 * background page alike (same-origin fetch of a packaged file; no network, no
 * web_accessible_resources). Kept out of start-up: a cold wake that answers from the
 * merged index never loads it.
 */
import { ensureUrlData } from '../url/url-data';

export const URL_DATA_PATH = '/url-data.json';

export function loadUrlData(): Promise<void> {
  return ensureUrlData(async () => {
    const res = await fetch(new URL(URL_DATA_PATH, globalThis.location.href));
    if (!res.ok) throw new Error(`URL data: ${URL_DATA_PATH} answered ${res.status}`);
    return res.json();
  });
}
