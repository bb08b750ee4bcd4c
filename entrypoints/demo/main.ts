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
  openNotesWindow: () => void window.open(`demo.html?lang=${locale}#/notes`, 'scamsentinel-demo-notes', 'popup,width=720,height=600'),
  setLanguage: (lang) => {
    const url = new URL(location.href);
    url.searchParams.set('lang', lang);
    location.replace(url.href);
  },
});
