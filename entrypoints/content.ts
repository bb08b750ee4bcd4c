import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '../src/page/main';
import { createClient } from '../src/messaging/client';
import { readPageSettings, SETTINGS_KEY } from '../src/settings/page-settings';
import { resolveLocale } from '../src/i18n/locale-tag';
import { speakText } from '../src/ui/read-aloud';

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
      loadSettings: async () => readPageSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]),
      pageScanned: (p) => request('cs-bg/page-scanned', p),
      dismiss: (p) => request('cs-bg/dismiss-alert', p),
      urlVerdict: (p) => request('cs-bg/url-verdict', p),
      ruleTexts: (p) => request('cs-bg/rule-texts', p),
      identifiers: (p) => request('cs-bg/identifiers', p),
      family: {
        // The background speaks with chrome.tts where there is one; else the page's speechSynthesis.
        speak: (text, locale) =>
          void request('cs-bg/read-aloud', { text: text.slice(0, 2000) })
            .then((r) => r.spoken || speakText(text, locale))
            .catch(() => speakText(text, locale)),
        askFamily: () => void request('cs-bg/request-approval', { url: location.href }).catch(() => undefined),
        event: (kind, category) => void request('cs-bg/family-event', { kind, source: 'page', url: location.href.slice(0, 4096), ...(category ? { category } : {}) }).catch(() => undefined),
      },
    }).catch((err) => console.debug('[ScamSentinel] content script stopped:', err));
  },
});
