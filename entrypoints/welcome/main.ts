import { browser } from 'wxt/browser';
import { createClient } from '../../src/messaging/client';
import { loadUiLocale } from '../../src/ui/locale';
import { loadSettings } from '../../src/settings/store';
import { applyElderMode, elderModeOn } from '../../src/ui/elder';
import { renderWelcome, STEPS, type WelcomeStep } from '../../src/ui/welcome';

const settings = await loadSettings(browser.storage.local);
const asked = new URLSearchParams(location.search).get('step');
const startStep = STEPS.elder.find((s): s is WelcomeStep => s === asked);
applyElderMode(document, elderModeOn(settings, location.search));
await renderWelcome({
  root: document.getElementById('app')!,
  locale: await loadUiLocale(),
  request: createClient((m) => browser.runtime.sendMessage(m)),
  loadSettings: () => loadSettings(browser.storage.local),
  browserLanguage: navigator.language,
  openOptions: () => void browser.runtime.openOptionsPage(),
  openCard: () => void browser.tabs.create({ url: browser.runtime.getURL('/card.html') }),
  ...(startStep ? { startStep } : {}),
  close: () => void browser.tabs.getCurrent().then((tab) => (tab?.id !== undefined ? browser.tabs.remove(tab.id) : window.close())),
});
