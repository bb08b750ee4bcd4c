/** Popup: the current tab's verdict at a glance. */
import type { Locale } from '../engine/types';
import { t, type MessageKey } from '../i18n';
import type { RequestOf, ResponseOf } from '../messaging/protocol';
import { el } from './dom';

export interface PopupDeps {
  root: HTMLElement;
  locale: Locale;
  tabId: number | null;
  getTabState: (p: RequestOf<'ui-bg/get-tab-state'>) => Promise<ResponseOf<'ui-bg/get-tab-state'>>;
  openOptions: () => void;
}

export async function renderPopup(deps: PopupDeps): Promise<void> {
  const { root, locale } = deps;
  root.replaceChildren(el('h1', {}, t(locale, 'popup.title')));
  const state = deps.tabId === null ? null : await deps.getTabState({ tabId: deps.tabId });
  const verdict = state?.verdict;
  if (!verdict) {
    root.append(el('p', { 'data-testid': 'verdict', 'data-level': 'unknown' }, t(locale, 'popup.noData')));
  } else {
    root.append(
      el('p', { 'data-testid': 'verdict', 'data-level': verdict.level, class: `level-${verdict.level}` }, t(locale, `level.${verdict.level}` as MessageKey)),
    );
    if (verdict.evidence.length) {
      const list = el('ul', { 'data-testid': 'reasons' });
      for (const e of verdict.evidence.slice(0, 8)) {
        list.append(el('li', {}, `${t(locale, `category.${e.category}` as MessageKey)}：「${e.quotes.slice(0, 2).join('」「')}」`));
      }
      root.append(el('h2', {}, t(locale, 'popup.reasons')), list);
    }
  }
  const options = el('button', { type: 'button', class: 'secondary', 'data-testid': 'open-options' }, t(locale, 'popup.openOptions'));
  options.addEventListener('click', () => deps.openOptions());
  root.append(options);
}
