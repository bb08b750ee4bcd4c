import { browser } from 'wxt/browser';
import { createClient } from '../../src/messaging/client';
import { loadUiLocale } from '../../src/ui/locale';
import { renderOptions } from '../../src/ui/options';
import { demoLauncher } from '../../src/ui/demo/launcher';
import { loadSettings } from '../../src/settings/store';
import { applyElderMode, elderModeOn } from '../../src/ui/elder';

applyElderMode(document, elderModeOn(await loadSettings(browser.storage.local), location.search));

const locale = await loadUiLocale();
await renderOptions({
  root: document.getElementById('app')!,
  locale,
  storage: browser.storage.local,
  request: createClient((m) => browser.runtime.sendMessage(m)),
  download: (name, type, text) => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = Object.assign(document.createElement('a'), { href: url, download: name });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  reload: () => location.reload(),
  openPage: (page) => {
    const path = page === 'welcome-totp' ? '/welcome.html?step=totp' : `/${page}.html`;
    void browser.tabs.create({ url: browser.runtime.getURL(path as '/welcome.html') });
  },
});
// Outreach demo (issue 10): the gallery opens in its own tab.
document.getElementById('app')!.append(demoLauncher(locale, () => void browser.tabs.create({ url: browser.runtime.getURL('/demo.html') })));
