import { browser } from 'wxt/browser';
import { createClient } from '../../src/messaging/client';
import { loadUiLocale } from '../../src/ui/locale';
import { renderWarning } from '../../src/ui/warning';

const request = createClient((m) => browser.runtime.sendMessage(m));

await renderWarning({
  root: document.getElementById('app')!,
  locale: await loadUiLocale(),
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
});
