import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '../src/page/main';
import { createClient } from '../src/messaging/client';
import { migrateSettings, STORAGE_KEYS } from '../src/settings/schema';
import { resolveLocale } from '../src/i18n/locale-tag';

/** A frame whose parent we can read is read by the parent's instance (src/page/main.ts). */
function coveredByParent(): boolean {
  if (window === window.top) return false;
  try {
    return !!window.parent.document;
  } catch {
    return false; // cross-origin parent: this frame is scanned by its own instance
  }
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  main() {
    if (coveredByParent()) return;
    const request = createClient((m) => browser.runtime.sendMessage(m));
    void startContentScript({
      doc: document,
      win: window,
      url: () => location.href,
      locale: (s) => resolveLocale(s.language, navigator.language),
      loadSettings: async () => migrateSettings((await browser.storage.local.get(STORAGE_KEYS.settings))[STORAGE_KEYS.settings]),
      pageScanned: (p) => request('cs-bg/page-scanned', p),
      dismiss: (p) => request('cs-bg/dismiss-alert', p),
      urlVerdict: (p) => request('cs-bg/url-verdict', p),
      identifiers: (p) => request('cs-bg/identifiers', p),
    }).catch((err) => console.debug('[ScamSentinel] content script stopped:', err));
  },
});
