/**
 * "Report this site" / "this warning is wrong" and the hand-off to official channels,
 * shared by the popup and the warning page. Reports stay on this computer (IndexedDB,
 * see src/background/reports.ts); the person hands them on: 12321 (opened with the
 * URL copied), the 国家反诈中心 App, or 96110.
 * A false-alarm report also allows the site at once (listglue's `ui-bg/proceed`
 * scope 'always'), with an Undo right there.
 */
import type { Locale } from '../engine/types';
import { t } from '../i18n';
import type { createClient } from '../messaging/client';
import { el } from './dom';

export const OFFICIAL_12321 = 'https://www.12321.cn/';

export type Request = ReturnType<typeof createClient>;

export interface ReportPanelDeps {
  locale: Locale;
  url: string;
  from: 'popup' | 'warning';
  category?: string;
  evidence: string[];
  request: Request;
  copy: (text: string) => Promise<void>;
  openTab: (url: string) => void;
  /** After a false-alarm report allowed the site (e.g. the warning page may offer to open it). */
  onAllowed?: (host: string) => void;
}

export function renderReportPanel(deps: ReportPanelDeps): HTMLElement {
  const { locale } = deps;
  const tx = (k: Parameters<typeof t>[1], p?: Record<string, string | number>) => t(locale, k, p);
  const note = el('textarea', { id: 'report-note', 'data-testid': 'report-note', rows: '2', maxlength: '1000' });
  const status = el('p', { role: 'status', 'data-testid': 'report-status', class: 'status' });
  const undo = el('button', { type: 'button', class: 'secondary', 'data-testid': 'undo-allow', hidden: '' }, tx('warning.undo'));
  const reportSite = el('button', { type: 'button', 'data-testid': 'report-site' }, tx('report.site'));
  const reportWrong = el('button', { type: 'button', class: 'secondary', 'data-testid': 'report-wrong' }, tx('report.wrong'));
  let busy = false;
  let allowedHost: string | null = null;

  const submit = async (kind: 'scam' | 'false-alarm') => {
    if (busy) return; // double clicks are harmless
    busy = true;
    reportSite.disabled = reportWrong.disabled = true;
    try {
      await deps.request('ui-bg/report-create', {
        url: deps.url.slice(0, 4096),
        kind,
        from: deps.from,
        evidence: deps.evidence.slice(0, 20).map((q) => q.slice(0, 200)),
        ...(deps.category ? { category: deps.category.slice(0, 64) } : {}),
        ...(note.value.trim() ? { note: note.value.trim().slice(0, 1000) } : {}),
      });
      if (kind === 'false-alarm') {
        const res = await deps.request('ui-bg/proceed', { url: deps.url, scope: 'always' });
        allowedHost = res.ok ? res.host : null;
        status.textContent = tx(res.ok ? 'report.savedWrong' : 'report.savedScam');
        undo.hidden = !allowedHost;
        if (allowedHost) deps.onAllowed?.(allowedHost);
      } else {
        status.textContent = tx('report.savedScam');
      }
    } catch {
      status.textContent = tx('warning.failed');
      reportSite.disabled = reportWrong.disabled = false;
    } finally {
      busy = false;
    }
  };
  reportSite.addEventListener('click', () => void submit('scam'));
  reportWrong.addEventListener('click', () => void submit('false-alarm'));
  undo.addEventListener('click', async () => {
    if (!allowedHost || busy) return;
    busy = true;
    try {
      await deps.request('ui-bg/undo-allow', { host: allowedHost });
      status.textContent = tx('warning.undone');
      undo.hidden = true;
      allowedHost = null;
    } catch {
      status.textContent = tx('warning.failed');
    } finally {
      busy = false;
    }
  });

  const official = el('button', { type: 'button', class: 'secondary', 'data-testid': 'open-12321' }, tx('report.open12321'));
  const copied = el('p', { role: 'status', 'data-testid': 'copied-status', class: 'status' });
  official.addEventListener('click', async () => {
    try {
      await deps.copy(deps.url);
      copied.textContent = tx('report.copied', { url: deps.url.slice(0, 200) });
    } catch {
      copied.textContent = tx('report.copyFailed', { url: deps.url.slice(0, 200) });
    }
    deps.openTab(OFFICIAL_12321);
  });

  return el(
    'section',
    { class: 'report', 'aria-labelledby': 'report-heading', 'data-testid': 'report-panel' },
    el('h2', { id: 'report-heading' }, tx('report.heading')),
    el('label', { for: 'report-note' }, tx('report.note')),
    note,
    el('div', { class: 'actions' }, reportSite, reportWrong, undo),
    status,
    el('h3', {}, tx('report.official')),
    el('div', { class: 'actions' }, official, el('a', { href: 'tel:96110', class: 'btn secondary', 'data-testid': 'tel-96110' }, tx('report.call96110'))),
    copied,
    el('p', {}, tx('report.app')),
  );
}
