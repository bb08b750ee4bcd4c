import { browser } from 'wxt/browser';
import { loadUiLocale } from '../../src/ui/locale';
import { loadSettings } from '../../src/settings/store';
import { applyElderMode, elderModeOn } from '../../src/ui/elder';
import { renderCard } from '../../src/ui/card';

const settings = await loadSettings(browser.storage.local);
applyElderMode(document, elderModeOn(settings, location.search));
renderCard(document.getElementById('app')!, await loadUiLocale(), settings, () => window.print());
