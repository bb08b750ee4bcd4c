import { browser } from 'wxt/browser';
import { createClient } from '../../src/messaging/client';
import { createRuleTextsLoader } from '../../src/i18n/rule-texts-loader';
import { RULE_TEXTS_PATH } from '../../src/engine/rule-texts';
import { renderPopup } from '../../src/ui/popup';
import { loadUiLocale } from '../../src/ui/locale';
import { demoLauncher } from '../../src/ui/demo/launcher';
import { loadSettings } from '../../src/settings/store';
import { applyElderMode, elderModeOn } from '../../src/ui/elder';

applyElderMode(document, elderModeOn(await loadSettings(browser.storage.local), location.search));

const request = createClient((m) => browser.runtime.sendMessage(m));
const params = new URLSearchParams(location.search);
// ?tabId= lets tests (and the warning page) show a specific tab's state.
const forced = Number.parseInt(params.get('tabId') ?? '', 10);
const tabId = Number.isInteger(forced) && forced >= 0 ? forced : ((await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null);

const locale = await loadUiLocale();
await renderPopup({
  root: document.getElementById('app')!,
  locale,
  tabId,
  request,
  openOptions: () => void browser.runtime.openOptionsPage(),
  copy: (text) => navigator.clipboard.writeText(text),
  openTab: (url) => void browser.tabs.create({ url }),
  ruleTexts: createRuleTextsLoader(() => fetch(browser.runtime.getURL(RULE_TEXTS_PATH)).then((r) => r.json())),
});
// Outreach demo (issue 10): the gallery opens in its own tab.
document.getElementById('app')!.append(demoLauncher(locale, () => void browser.tabs.create({ url: browser.runtime.getURL('/demo.html') })));
