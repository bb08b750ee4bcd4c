/**
 * The interstitial (warning.html?u=<encoded url>&k=blacklist|page[&tab=<id>], or the DNR
 * redirect's warning.html?k=blacklist#u=<raw url>).
 * Plain words: what kind of scam, why (which list, its source and date — or the exact
 * phrases from the page), what to do now. "Back to safety" is the primary action;
 * "continue" is secondary, unlocks after a short cooling-off and asks once more.
 * Every piece of text from the URL or the background is set with textContent.
 */
import { CATEGORIES, type Locale } from '../engine/types';
import { t, type MessageKey } from '../i18n';
import type { ResponseOf } from '../messaging/protocol';
import { el } from './dom';
import { parseKind, parseTarget, targetParam, type HostSegment } from './target-url';
import { renderReportPanel, type Request } from './report-panel';

export interface WarningDeps {
  root: HTMLElement;
  locale: Locale;
  search: string;
  /** location.hash: the DNR redirect puts the raw target URL there (`#u=<url>`). */
  hash?: string;
  request: Request;
  /** Go back if there is history, else close the tab. */
  backToSafety: () => void;
  navigate: (href: string) => void;
  copy: (text: string) => Promise<void>;
  openTab: (url: string) => void;
  /** Cooling-off before "continue" can be pressed, in seconds. */
  coolSeconds?: number;
  formatDate?: (ms: number) => string;
}

export const DEFAULT_COOL_SECONDS = 8;

/**
 * "名单：…（来源：…，… 收录）" in plain words: the bundled list and the person's own list
 * get friendly names (never the ids 'seed' / 'user'); a subscription its name and address.
 */
export function listSourceText(locale: Locale, v: { listId: string | null; listName: string | null; listUrl: string | null }, date: string): string {
  if (v.listId === 'seed') return t(locale, 'warning.listSourceLocal', { list: t(locale, 'lists.seedName'), date });
  if (v.listId === 'user') return t(locale, 'warning.listSourceLocal', { list: t(locale, 'lists.userName'), date });
  const list = v.listName || v.listUrl || '—';
  return v.listUrl ? t(locale, 'warning.listSource', { list, source: v.listUrl, date }) : t(locale, 'warning.listSourceLocal', { list, date });
}

function hostNode(segments: HostSegment[]): HTMLElement {
  const span = el('span', { class: 'host', dir: 'ltr', 'data-testid': 'target-host' });
  for (const s of segments) span.append(s.suspicious ? el('mark', { class: 'confusable' }, s.text) : document.createTextNode(s.text));
  return span;
}

export async function renderWarning(deps: WarningDeps): Promise<void> {
  const { root, locale } = deps;
  const tx = (k: MessageKey, p?: Record<string, string | number>) => t(locale, k, p);
  const params = new URLSearchParams(deps.search);
  const target = parseTarget(targetParam(deps.search, deps.hash ?? ''));
  const kind = parseKind(params.get('k'));
  const fmt = deps.formatDate ?? ((ms: number) => new Date(ms).toLocaleDateString(locale));

  const back = el('button', { type: 'button', class: 'primary big', 'data-testid': 'back-to-safety' }, tx('warning.back'));
  back.addEventListener('click', () => deps.backToSafety());

  const doNow = el(
    'section',
    { 'aria-labelledby': 'do-now' },
    el('h2', { id: 'do-now' }, tx('warning.doNow')),
    el('ul', { class: 'do-now' }, ...(['warning.do1', 'warning.do2', 'warning.do3', 'warning.do4', 'warning.do5'] as const).map((k) => el('li', {}, tx(k)))),
    el(
      'div',
      { class: 'actions' },
      el('a', { href: 'tel:96110', class: 'btn secondary' }, tx('warning.call96110')),
      el('a', { href: 'tel:110', class: 'btn secondary' }, tx('warning.call110')),
    ),
  );

  if (!target.ok) {
    root.setAttribute('data-state', 'error');
    root.replaceChildren(
      el('h1', { 'data-testid': 'warning-error' }, tx('warning.errorTitle')),
      el('p', {}, tx('warning.errorBody')),
      el('div', { class: 'actions' }, back),
      doNow,
      el('span', { 'data-testid': 'warning-ready', hidden: '' }),
    );
    return;
  }

  // Why: the list entry (blacklist) or the page's own phrases (page).
  const why = el('section', { 'aria-labelledby': 'why', 'data-testid': 'why' }, el('h2', { id: 'why' }, tx('warning.why')));
  let category: string | undefined;
  let evidence: string[] = [];
  if (kind === 'blacklist') {
    let v: ResponseOf<'ui-bg/url-verdict'> | null = null;
    try {
      v = await deps.request('ui-bg/url-verdict', { url: target.href });
    } catch {
      v = null;
    }
    if (v?.category) category = v.category;
    if (v && v.result === 'block' && v.listName) {
      const date = v.firstSeen ?? v.listUpdatedAt;
      why.append(el('p', { 'data-testid': 'list-source' }, listSourceText(locale, v, date ? fmt(date) : '—')));
    } else {
      why.append(el('p', { 'data-testid': 'list-source' }, tx('warning.listUnknown')));
    }
    if (v?.match) evidence = [v.match];
  } else {
    const tabId = Number.parseInt(params.get('tab') ?? '', 10);
    let state: ResponseOf<'ui-bg/get-tab-state'> | null = null;
    if (Number.isInteger(tabId) && tabId >= 0) state = await deps.request('ui-bg/get-tab-state', { tabId }).catch(() => null);
    const verdict = state?.verdict ?? null;
    if (verdict) {
      category = verdict.categories[0];
      why.append(el('p', {}, tx('warning.pagePhrases')));
      const list = el('ul', { 'data-testid': 'page-phrases' });
      for (const e of verdict.evidence.slice(0, 8)) {
        const reason = e.explanation[locale] && e.explanation[locale] !== e.ruleId ? e.explanation[locale] : tx(`category.${e.category}` as MessageKey);
        for (const q of e.quotes.slice(0, 2)) {
          evidence.push(q);
          list.append(el('li', {}, el('mark', {}, q), ` — ${reason}`));
        }
      }
      why.append(list);
    }
  }
  const knownCategory = category && (CATEGORIES as readonly string[]).includes(category) ? category : undefined;

  // Proceed: cooling-off countdown, then a confirmation, then "continue once".
  let remaining = Math.max(0, deps.coolSeconds ?? DEFAULT_COOL_SECONDS);
  const proceed = el('button', { type: 'button', class: 'secondary', 'data-testid': 'proceed', disabled: '' }, '');
  const always = el('button', { type: 'button', class: 'link', 'data-testid': 'always-allow', disabled: '' }, tx('warning.alwaysAllow'));
  const status = el('p', { role: 'status', 'data-testid': 'proceed-status', class: 'status' });
  const undo = el('button', { type: 'button', class: 'secondary', 'data-testid': 'undo-allow-site', hidden: '' }, tx('warning.undo'));
  const openSite = el('button', { type: 'button', class: 'secondary', 'data-testid': 'open-site', hidden: '' }, tx('warning.proceed'));
  const confirmYes = el('button', { type: 'button', class: 'danger', 'data-testid': 'proceed-confirm' }, tx('warning.confirmYes'));
  const confirmNo = el('button', { type: 'button', class: 'primary' }, tx('warning.confirmNo'));
  const confirmBox = el(
    'div',
    { class: 'confirm', role: 'group', 'aria-labelledby': 'confirm-title', hidden: '', 'data-testid': 'proceed-confirm-box' },
    el('p', { id: 'confirm-title', class: 'strong' }, tx('warning.confirmTitle')),
    el('p', {}, tx('warning.confirmBody')),
    el('div', { class: 'actions' }, confirmNo, confirmYes),
  );
  const label = () => {
    proceed.textContent = remaining > 0 ? tx('warning.proceedWait', { n: remaining }) : tx('warning.proceed');
    proceed.disabled = always.disabled = remaining > 0;
  };
  label();
  if (remaining > 0) {
    const timer = setInterval(() => {
      remaining -= 1;
      label();
      if (remaining <= 0) clearInterval(timer);
    }, 1000);
  }

  let busy = false;
  let allowedHost: string | null = null;
  const guarded = (fn: () => Promise<void>) => async () => {
    if (busy) return; // double clicks are harmless
    busy = true;
    try {
      await fn();
    } catch {
      status.textContent = tx('warning.failed');
    } finally {
      busy = false;
    }
  };
  proceed.addEventListener('click', () => {
    if (remaining > 0) return;
    confirmBox.hidden = false;
    confirmNo.focus();
  });
  confirmNo.addEventListener('click', () => {
    confirmBox.hidden = true;
    back.focus();
  });
  confirmYes.addEventListener(
    'click',
    guarded(async () => {
      confirmYes.disabled = true;
      const res = await deps.request('ui-bg/proceed', { url: target.href, scope: 'once' });
      if (!res.ok) {
        confirmYes.disabled = false;
        status.textContent = tx('warning.failed');
        return;
      }
      deps.navigate(target.href);
    }),
  );
  const markAllowed = (host: string) => {
    allowedHost = host;
    status.textContent = tx('warning.allowedAlways');
    undo.hidden = false;
    openSite.hidden = false;
    always.hidden = true;
  };
  always.addEventListener(
    'click',
    guarded(async () => {
      if (remaining > 0) return;
      const res = await deps.request('ui-bg/proceed', { url: target.href, scope: 'always' });
      if (res.ok && res.host) markAllowed(res.host);
      else status.textContent = tx('warning.failed');
    }),
  );
  undo.addEventListener(
    'click',
    guarded(async () => {
      if (!allowedHost) return;
      await deps.request('ui-bg/undo-allow', { host: allowedHost });
      allowedHost = null;
      status.textContent = tx('warning.undone');
      undo.hidden = true;
      openSite.hidden = true;
      always.hidden = false;
    }),
  );
  openSite.addEventListener('click', () => deps.navigate(target.href));

  const site = el(
    'section',
    { class: 'site', 'aria-labelledby': 'site-label' },
    el('p', { id: 'site-label' }, tx('warning.site')),
    el('p', { class: 'host-line' }, hostNode(target.hostDisplay)),
  );
  if (target.isIdn) site.append(el('p', { class: 'small', dir: 'ltr' }, tx('warning.asciiForm', { ascii: target.hostAscii })));
  if (target.hasSuspicious) site.append(el('p', { class: 'caution', 'data-testid': 'confusable-note' }, tx('warning.confusable')));

  root.setAttribute('data-state', 'ready');
  root.setAttribute('data-kind', kind);
  root.replaceChildren(
    el('h1', { 'data-testid': 'warning-title' }, tx('warning.title')),
    el('p', { class: 'lead' }, tx(kind === 'page' ? 'warning.kind.page' : 'warning.kind.blacklist')),
    ...(knownCategory ? [el('p', { class: 'strong', 'data-testid': 'warning-category' }, tx('warning.category', { kind: tx(`category.${knownCategory}` as MessageKey) }))] : []),
    site,
    el('div', { class: 'actions main-actions' }, back),
    doNow,
    why,
    el(
      'section',
      { class: 'proceed', 'aria-label': tx('warning.proceed') },
      el('div', { class: 'actions' }, proceed, openSite, undo),
      confirmBox,
      el('p', {}, always),
      status,
    ),
    renderReportPanel({
      locale,
      url: target.href,
      from: 'warning',
      ...(knownCategory ? { category: knownCategory } : {}),
      evidence,
      request: deps.request,
      copy: deps.copy,
      openTab: deps.openTab,
      onAllowed: markAllowed,
    }),
    el('span', { 'data-testid': 'warning-ready', hidden: '' }),
  );
  back.focus();
}
