/**
 * The weekly summary for the guardian (issue 9, item 6), behind the PIN: warnings per
 * category per day, heeded vs continued, approval uses, list freshness. Site names
 * only when the person shares them (the background leaves them out otherwise).
 * Prints on one A4 page (src/ui/elder.css @media print).
 */
import type { Locale } from '../engine/types';
import { t, type MessageKey } from '../i18n';
import { ft } from '../i18n/family';
import { el } from './dom';
import type { Request } from './report-panel';
import { unlockForm } from './family-guard';
import { listFreshness } from './popup';

export interface SummaryDeps {
  root: HTMLElement;
  locale: Locale;
  request: Request;
  print: () => void;
  formatDate?: (ms: number) => string;
}

export async function renderSummary(deps: SummaryDeps): Promise<void> {
  const { root, locale, request } = deps;
  const f = (k: Parameters<typeof ft>[1], p?: Record<string, string | number>) => ft(locale, k, p);
  const fmt = deps.formatDate ?? ((ms: number) => new Date(ms).toLocaleDateString(locale));
  const res = await request('ui-bg/guardian-summary', {}).catch(() => null);
  if (!res?.ok || !res.summary) {
    root.setAttribute('data-state', 'locked');
    root.replaceChildren(
      el('h1', {}, f('sum.title')),
      res?.error === 'locked' ? unlockForm({ locale, request, onUnlocked: () => void renderSummary(deps) }) : el('p', {}, f('approve.failed')),
      el('span', { 'data-testid': 'summary-ready', hidden: '' }),
    );
    return;
  }
  const s = res.summary;
  const catName = (c: string) => (c === 'unknown' ? f('sum.other') : t(locale, `category.${c}` as MessageKey));
  const table = el('table', { class: 'week', 'data-testid': 'summary-table' });
  table.append(
    el('caption', { class: 'small' }, f('sum.byDay')),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, f('sum.date')), ...s.categories.map((c) => el('th', { scope: 'col' }, catName(c))), el('th', { scope: 'col' }, f('sum.total')))),
  );
  const body = el('tbody');
  for (const d of s.days) {
    body.append(
      el(
        'tr',
        { 'data-testid': 'summary-day', 'data-date': d.date },
        el('th', { scope: 'row' }, d.date.slice(5)),
        ...s.categories.map((c) => el('td', { 'data-category': c }, String(d.byCategory[c] ?? 0))),
        el('td', {}, String(d.total)),
      ),
    );
  }
  table.append(body);
  const fresh = await listFreshness(request);
  const printBtn = el('button', { type: 'button', class: 'secondary no-print', 'data-testid': 'summary-print' }, f('sum.print'));
  printBtn.addEventListener('click', () => deps.print());
  const sites = s.sites
    ? el('section', { 'data-testid': 'summary-sites' }, el('h2', {}, f('sum.sites')), el('ul', {}, ...s.sites.map((x) => el('li', { dir: 'ltr' }, `${x.host} (${x.warnings})`))))
    : el('p', { class: 'small', 'data-testid': 'summary-sites-hidden' }, f('sum.sitesHidden'));
  root.setAttribute('data-state', 'ready');
  root.replaceChildren(
    el('h1', {}, f('sum.title')),
    el('p', { class: 'small' }, f('sum.range', { from: fmt(s.from), to: fmt(s.to) })),
    el(
      'ul',
      { 'data-testid': 'summary-totals' },
      el('li', { 'data-testid': 'summary-warnings' }, f('sum.warnings', { n: s.warnings })),
      el('li', { 'data-testid': 'summary-heeded' }, f('sum.heeded', { n: s.heeded })),
      el('li', { 'data-testid': 'summary-proceeded' }, f('sum.proceeded', { n: s.proceeded })),
      el('li', { 'data-testid': 'summary-approvals' }, f('sum.approvals', { pin: s.approvals.pin, code: s.approvals.code })),
    ),
    s.warnings ? table : el('p', {}, f('sum.none')),
    el('p', { 'data-testid': 'summary-lists' }, fresh ? f('sum.lists', { when: fmt(fresh) }) : f('sum.listsUnknown')),
    sites,
    el('div', { class: 'actions no-print' }, printBtn),
    el('span', { 'data-testid': 'summary-ready', hidden: '' }),
  );
}
