/**
 * The handout: one A4 page (print CSS in demo.css: @page A4, everything but the sheet
 * hidden). Five warning signs, 96110 / 110 / 12321, the 国家反诈中心 App, blanks for a
 * family contact, large type. tests/e2e/demo-gallery.e2e.test.ts prints it with
 * Chromium's page.pdf() in every language and counts exactly one page.
 */
import type { Locale } from '../../engine/types';
import { dt } from '../../i18n/demo';
import { el } from '../dom';

export function renderHandout(locale: Locale): HTMLElement {
  const tx = (k: Parameters<typeof dt>[1]) => dt(locale, k);
  const print = el('button', { type: 'button', class: 'big no-print', 'data-testid': 'print-handout' }, tx('handout.print'));
  print.addEventListener('click', () => window.print());
  const blank = (label: string) => el('p', { class: 'blank-line' }, el('span', {}, label), el('span', { class: 'line', 'aria-hidden': 'true' }));
  return el(
    'div',
    { class: 'handout-wrap' },
    el('div', { class: 'actions no-print' }, print, el('span', { class: 'small' }, tx('handout.hint'))),
    el(
      'article',
      { class: 'handout', 'data-testid': 'handout', lang: locale },
      el('h2', { class: 'handout-title' }, tx('handout.title')),
      el('p', { class: 'handout-rule' }, tx('handout.rule')),
      el('h3', {}, tx('handout.signsTitle')),
      el('ol', { class: 'handout-signs' }, ...(['handout.sign1', 'handout.sign2', 'handout.sign3', 'handout.sign4', 'handout.sign5'] as const).map((k) => el('li', {}, tx(k)))),
      el('h3', {}, tx('handout.numbersTitle')),
      el(
        'ul',
        { class: 'handout-numbers' },
        el('li', {}, el('strong', {}, '96110'), ' ', tx('handout.n96110').replace(/^96110\s*/, '')),
        el('li', {}, el('strong', {}, '110'), ' ', tx('handout.n110').replace(/^110\s*/, '')),
        el('li', {}, el('strong', {}, '12321'), ' ', tx('handout.n12321').replace(/^12321\s*/, '')),
      ),
      el('p', { class: 'handout-app' }, tx('handout.app')),
      el('h3', {}, tx('handout.familyTitle')),
      blank(tx('handout.familyName')),
      blank(tx('handout.familyPhone')),
      el('p', { class: 'handout-footer' }, tx('handout.footer')),
    ),
  );
}
