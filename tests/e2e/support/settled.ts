/** Waiting helpers for page-scanning specs (content script → background). */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';
import { tabIdOf } from './pages';
import { STORAGE_KEYS } from '../../../src/settings/schema';

/** Wait until the content script has reported this page's current URL (the tab has a verdict for it). */
export async function settled(ext: ExtensionBrowser, page: Page): Promise<void> {
  const sw = await ext.worker();
  const tabId = await tabIdOf(ext, page);
  const key = `${STORAGE_KEYS.tabPrefix}${tabId}`;
  await expect
    .poll(
      () =>
        sw.evaluate(async ([k, url]) => {
          const state = (await chrome.storage.session.get(k))[k] as { url?: string } | undefined;
          return state?.url === url;
        }, [key, page.url()] as const),
      { timeout: 10_000 },
    )
    .toBe(true);
}

