import { browser } from 'wxt/browser';
import { createClient } from '../../src/messaging/client';
import { loadUiLocale } from '../../src/ui/locale';
import { loadSettings } from '../../src/settings/store';
import { applyElderMode, elderModeOn } from '../../src/ui/elder';
import { renderSummary } from '../../src/ui/summary';

applyElderMode(document, elderModeOn(await loadSettings(browser.storage.local), location.search));
await renderSummary({
  root: document.getElementById('app')!,
  locale: await loadUiLocale(),
  request: createClient((m) => browser.runtime.sendMessage(m)),
  print: () => window.print(),
});
