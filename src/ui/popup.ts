/**
 * Popup: the current tab's verdict at one glance (colour + icon + words), its reasons,
 * how fresh the scam-site lists are, then report / false-alarm / official channels.
 */
import type { Level, Locale } from '../engine/types';
import { t, type MessageKey } from '../i18n';
import { el } from './dom';
import { explanationFor, type RuleTexts } from '../engine/rule-texts';
import { renderReportPanel, type Request } from './report-panel';

export interface PopupDeps {
  root: HTMLElement;
  locale: Locale;
  tabId: number | null;
  request: Request;
  openOptions: () => void;
  copy: (text: string) => Promise<void>;
  openTab: (url: string) => void;
  formatDate?: (ms: number) => string;
  /** The rules' words (packaged /rule-texts.json, src/i18n/rule-texts-loader.ts): a page's evidence carries only rule ids. */
  ruleTexts?: () => Promise<RuleTexts | null>;
}

// Plain glyphs every CJK/Latin system font has (no emoji font needed), drawn in a ring.
const ICON: Record<Level | 'unknown', string> = { none: '✓', low: '!', medium: '!', high: '✕', unknown: '?' };

/** Newest successful list update, or null (no lists, or the lists service is not there). */
export async function listFreshness(request: Request): Promise<number | null> {
  try {
    const { lists } = await request('ui-bg/lists-get', {});
    const times = lists.map((l) => l.lastSuccess ?? 0).filter((n) => n > 0);
    return times.length ? Math.max(...times) : null;
  } catch {
    return null;
  }
}

export async function renderPopup(deps: PopupDeps): Promise<void> {
  const { root, locale } = deps;
  const tx = (k: MessageKey, p?: Record<string, string | number>) => t(locale, k, p);
  const fmt = deps.formatDate ?? ((ms: number) => new Date(ms).toLocaleString(locale));
  const state = deps.tabId === null ? null : await deps.request('ui-bg/get-tab-state', { tabId: deps.tabId }).catch(() => null);
  const verdict = state?.verdict ?? null;
  const level: Level | 'unknown' = verdict?.level ?? 'unknown';

  const glance = el(
    'div',
    { class: `glance level-${level}`, 'data-testid': 'verdict', 'data-level': level, role: 'status' },
    el('span', { class: 'icon', 'aria-hidden': 'true' }, ICON[level]),
    el(
      'div',
      {},
      el('div', { class: 'words' }, verdict ? tx(`popup.summary.${verdict.level}` as MessageKey) : tx('popup.noData')),
      ...(verdict ? [el('div', { class: 'small' }, tx(`level.${verdict.level}` as MessageKey))] : []),
    ),
  );
  root.replaceChildren(el('h1', {}, tx('popup.title')), glance);

  if (verdict?.evidence.length) {
    const list = el('ul', { 'data-testid': 'reasons' });
    const texts = (await deps.ruleTexts?.().catch(() => null)) ?? null;
    for (const e of verdict.evidence.slice(0, 8)) {
      const said = explanationFor(texts, e, locale);
      const reason = said && said !== e.ruleId ? said : '';
      list.append(
        el('li', {}, el('strong', {}, tx(`category.${e.category}` as MessageKey)), locale === 'en' ? ': ' : '：', ...e.quotes.slice(0, 2).flatMap((q) => [el('mark', {}, q), ' ']), reason ? `— ${reason}` : ''),
      );
    }
    root.append(el('h2', {}, tx('popup.reasons')), list);
  }

  const fresh = await listFreshness(deps.request);
  root.append(el('p', { class: 'small', 'data-testid': 'list-freshness' }, fresh ? tx('popup.lists', { when: fmt(fresh) }) : tx('popup.listsUnknown')));

  const options = el('button', { type: 'button', class: 'secondary', 'data-testid': 'open-options' }, tx('popup.openOptions'));
  options.addEventListener('click', () => deps.openOptions());

  const url = state?.url ?? null;
  if (url && /^https?:/i.test(url)) {
    root.append(
      renderReportPanel({
        locale,
        url,
        from: 'popup',
        ...(verdict?.categories[0] ? { category: verdict.categories[0] } : {}),
        evidence: verdict ? verdict.evidence.flatMap((e) => e.quotes.slice(0, 2)).slice(0, 20) : [],
        request: deps.request,
        copy: deps.copy,
        openTab: deps.openTab,
      }),
    );
  }
  root.append(el('div', { class: 'actions' }, options));
}
