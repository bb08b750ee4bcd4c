import { t } from '../../src/i18n';
import { loadUiLocale } from '../../src/ui/locale';
import { el } from '../../src/ui/dom';

const locale = await loadUiLocale();
document.getElementById('app')!.replaceChildren(el('h1', {}, t(locale, 'options.title')));
