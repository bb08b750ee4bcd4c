import { browser } from 'wxt/browser';
import { createClient } from '../../src/messaging/client';
import { loadUiLocale } from '../../src/ui/locale';
import { renderGallery } from '../../src/ui/demo/gallery';
import { dt } from '../../src/i18n/demo';

const locale = await loadUiLocale();
document.title = `${dt(locale, 'title')} · ${dt(locale, 'mark')}`;
renderGallery({
  root: document.getElementById('app')!,
  locale,
  request: createClient((m) => browser.runtime.sendMessage(m)),
  session: sessionStorage,
  now: () => Date.now(),
  openInterstitial: (href) => location.assign(href),
  warningUrl: browser.runtime.getURL('/warning.html'),
  // A real extension window (window.open'ed pages get no extension APIs here, so the gallery could not start in it).
  openNotesWindow: () => void browser.windows.create({ url: browser.runtime.getURL(`/demo.html?lang=${locale}#/notes`), type: 'popup', width: 760, height: 620 }),
  setLanguage: (lang) => {
    const url = new URL(location.href);
    url.searchParams.set('lang', lang);
    location.replace(url.href);
  },
});
