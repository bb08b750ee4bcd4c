/** The "反诈宣传演示" entry for the popup and the options page (issue 10): one button that opens the gallery. */
import type { Locale } from '../../engine/types';
import { dt } from '../../i18n/demo';
import { el } from '../dom';

export function demoLauncher(locale: Locale, open: () => void): HTMLElement {
  const button = el('button', { type: 'button', class: 'secondary', 'data-testid': 'open-demo' }, dt(locale, 'open'));
  button.addEventListener('click', () => open());
  return el('div', { class: 'actions demo-launcher' }, button);
}
