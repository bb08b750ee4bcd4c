import { browser } from 'wxt/browser';
import { createClient } from '../../src/messaging/client';
import { createRuleTextsLoader } from '../../src/i18n/rule-texts-loader';
import { RULE_TEXTS_PATH } from '../../src/engine/rule-texts';
import { loadUiLocale } from '../../src/ui/locale';
import { renderWarning } from '../../src/ui/warning';
import { loadSettings } from '../../src/settings/store';
import { applyElderMode, elderModeOn } from '../../src/ui/elder';
import { speakText } from '../../src/ui/read-aloud';

const request = createClient((m) => browser.runtime.sendMessage(m));
const settings = await loadSettings(browser.storage.local);
const elder = applyElderMode(document, elderModeOn(settings, location.search));
const locale = await loadUiLocale();
const closeTab = () => void browser.tabs.getCurrent().then((tab) => (tab?.id !== undefined ? browser.tabs.remove(tab.id) : window.close()));

await renderWarning({
  root: document.getElementById('app')!,
  locale,
  search: location.search,
  hash: location.hash,
  framed: window.top !== window.self,
  request,
  backToSafety: () => {
    if (history.length > 1) history.back();
    else void browser.tabs.getCurrent().then((tab) => (tab?.id !== undefined ? browser.tabs.remove(tab.id) : window.close()));
  },
  navigate: (href) => location.replace(href),
  copy: (text) => navigator.clipboard.writeText(text),
  openTab: (url) => void browser.tabs.create({ url }),
  ruleTexts: createRuleTextsLoader(() => fetch(browser.runtime.getURL(RULE_TEXTS_PATH)).then((r) => r.json())),
  elder: { on: elder, contact: settings.familyContact, speak: (text) => void speakText(text, locale), closeTab },
});
