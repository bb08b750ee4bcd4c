/**
 * The printable contact card (issue 9, item 5): the family contact, the hotlines and the
 * four rules. No secrets on it (no PIN, no approval secret, no passphrase).
 */
import type { Locale } from '../engine/types';
import { ft } from '../i18n/family';
import type { Settings } from '../settings/schema';
import { el } from './dom';
import { callWho } from './family-guard';

export function renderCard(root: HTMLElement, locale: Locale, settings: Settings, print: () => void): void {
  const f = (k: Parameters<typeof ft>[1]) => ft(locale, k);
  const c = settings.familyContact;
  const printBtn = el('button', { type: 'button', class: 'no-print', 'data-testid': 'card-print' }, f('card.print'));
  printBtn.addEventListener('click', () => print());
  root.replaceChildren(
    el('h1', {}, f('card.title')),
    ...(c ? [el('p', { class: 'rules-big', 'data-testid': 'card-family' }, f('card.family'), `${callWho(locale, c)} `, el('span', { dir: 'ltr' }, c.phone))] : []),
    el('p', { class: 'rules-big' }, f('card.hotline')),
    el('h2', {}, f('card.stepsTitle')),
    el('ol', {}, ...(['card.step1', 'card.step2', 'card.step3', 'card.step4'] as const).map((k) => el('li', {}, f(k)))),
    el('div', { class: 'actions no-print' }, printBtn),
    el('span', { 'data-testid': 'card-ready', hidden: '' }),
  );
}
