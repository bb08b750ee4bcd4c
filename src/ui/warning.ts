/**
 * The interstitial (warning.html?u=<encoded url>&k=blacklist|page[&tab=<id>], or the DNR
 * redirect's warning.html?k=blacklist#u=<raw url>).
 * Plain words: what kind of scam, why (which list, its source and date — or the exact
 * phrases from the page), what to do now. "Back to safety" is the primary action;
 * "continue" is secondary, unlocks after a short cooling-off and asks once more.
 * Every piece of text from the URL or the background is set with textContent.
 *
 * The URL is HOSTILE and says nothing by itself: warning.html is web-accessible (the DNR
 * redirect needs that), so any page can open it with any parameters — e.g.
 * `?k=blacklist&u=https://www.icbc.com.cn/` to make us call a real bank a scam site.
 * So the page states only what the background confirms for that URL right now
 * (`confirmWarning`): a listed URL (`ui-bg/url-verdict` → block), or a medium/high page
 * verdict recorded for that very tab and document. Anything else renders the neutral
 * "unconfirmed" page, which names no site and offers nothing to proceed to. Inside a
 * frame it renders nothing but a one-line refusal (our redirect is main-frame only).
 */
import { CATEGORIES, type Locale } from '../engine/types';
import { t, type MessageKey } from '../i18n';
import type { ResponseOf } from '../messaging/protocol';
import { el } from './dom';
import { explanationFor } from '../engine/rule-texts';
import type { RuleTexts } from '../engine/rule-texts';
import { parseTarget, type HostSegment } from './target-url';
import { parseKind, targetParam, type WarningKind } from '../url/warning-url';
import { renderReportPanel, type Request } from './report-panel';
import { confirmDemoSite, demoMark, demoListSource, type DemoConfirmation } from './demo/demo-site';
import { renderElderWarning } from './warning-elder';
import type { Settings } from '../settings/schema';

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
  /** True when the page is loaded inside a frame (window.top !== window): we refuse to render there. */
  framed?: boolean;
  /** The rules' words (packaged /rule-texts.json, src/i18n/rule-texts-loader.ts): a page's evidence carries only rule ids. */
  ruleTexts?: () => Promise<RuleTexts | null>;
  /** Cooling-off before "continue" can be pressed, in seconds. */
  coolSeconds?: number;
  formatDate?: (ms: number) => string;
  /** 长辈模式 (issue 9, src/ui/warning-elder.ts): shown for confirmed warnings only. */
  elder?: { on: boolean; contact: Settings['familyContact']; speak: (text: string) => void; closeTab: () => void };
}

export const DEFAULT_COOL_SECONDS = 8;

type UrlVerdict = ResponseOf<'ui-bg/url-verdict'>;
type PageVerdict = NonNullable<ResponseOf<'ui-bg/get-tab-state'>['verdict']>;

/** What the background confirms for the target right now; null = nothing (neutral page). */
export type Confirmation = { kind: 'blacklist'; verdict: UrlVerdict } | { kind: 'page'; verdict: PageVerdict } | null;

/** Same document: scheme, host, port, path and query equal; the fragment is ignored. */
export function sameDocument(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    x.hash = '';
    y.hash = '';
    return x.href === y.href;
  } catch {
    return false;
  }
}

/**
 * Ask the background, never the URL:
 *   k=blacklist, u listed (url-verdict says block)             → confirmed
 *   k=blacklist, u not listed / allowed / only a lookalike      → null
 *   k=page&tab=7, tab 7's recorded verdict is high for u        → confirmed
 *   k=page&tab=7, tab 7 shows another URL or a low/none verdict → null
 */
export async function confirmWarning(request: Request, kind: WarningKind, targetHref: string, tabParam: string | null): Promise<Confirmation> {
  if (kind === 'blacklist') {
    const v = await request('ui-bg/url-verdict', { url: targetHref }).catch(() => null);
    return v && v.result === 'block' ? { kind, verdict: v } : null;
  }
  const tabId = /^\d{1,10}$/.test(tabParam ?? '') ? Number(tabParam) : -1;
  if (tabId < 0 || !Number.isSafeInteger(tabId)) return null;
  const state = await request('ui-bg/get-tab-state', { tabId }).catch(() => null);
  const verdict = state?.verdict ?? null;
  if (!verdict || (verdict.level !== 'medium' && verdict.level !== 'high')) return null;
  if (!state?.url || !sameDocument(state.url, targetHref)) return null;
  return { kind, verdict };
}

/** The neutral page for anything the background does not confirm: no site named, nothing to proceed to. */
function renderUnconfirmed(root: HTMLElement, tx: (k: MessageKey) => string, back: HTMLElement): void {
  root.setAttribute('data-state', 'unconfirmed');
  root.replaceChildren(
    el('h1', { 'data-testid': 'warning-unconfirmed' }, tx('warning.unconfirmedTitle')),
    el('p', {}, tx('warning.unconfirmedBody')),
    el('div', { class: 'actions' }, back),
    el('span', { 'data-testid': 'warning-ready', hidden: '' }),
  );
  back.focus();
}

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
  if (deps.framed) {
    // Our redirect is main-frame only: a framed warning.html is someone else's doing.
    root.setAttribute('data-state', 'framed');
    root.replaceChildren(el('p', { 'data-testid': 'warning-framed' }, tx('warning.framed')));
    return;
  }
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

  // Outreach demo (issue 10): `&demo=<token>` is confirmed by the background only for the
  // reserved demo host and a token the gallery armed; it never records or allows anything.
  const demoToken = params.get('demo');
  const confirmed: Confirmation | DemoConfirmation =
    demoToken !== null ? await confirmDemoSite(deps.request, target.href, demoToken) : await confirmWarning(deps.request, kind, target.href, params.get('tab'));
  if (!confirmed) {
    renderUnconfirmed(root, tx, back);
    return;
  }

  // Why: the list entry (blacklist) or the page's own phrases (page).
  const why = el('section', { 'aria-labelledby': 'why', 'data-testid': 'why' }, el('h2', { id: 'why' }, tx('warning.why')));
  let category: string | undefined;
  let evidence: string[] = [];
  if (confirmed.kind === 'demo') {
    category = confirmed.category;
    why.append(demoListSource(locale));
    evidence = [target.hostAscii];
  } else if (confirmed.kind === 'blacklist') {
    const v = confirmed.verdict;
    if (v.category) category = v.category;
    if (v.listName) {
      const date = v.firstSeen ?? v.listUpdatedAt;
      why.append(el('p', { 'data-testid': 'list-source' }, listSourceText(locale, v, date ? fmt(date) : '—')));
    } else {
      why.append(el('p', { 'data-testid': 'list-source' }, tx('warning.listUnknown')));
    }
    if (v.match) evidence = [v.match];
  } else {
    const verdict = confirmed.verdict;
    category = verdict.categories[0];
    why.append(el('p', {}, tx('warning.pagePhrases')));
    const list = el('ul', { 'data-testid': 'page-phrases' });
    const texts = (await deps.ruleTexts?.().catch(() => null)) ?? null;
    for (const e of verdict.evidence.slice(0, 8)) {
      const said = explanationFor(texts, e, locale);
      const reason = said && said !== e.ruleId ? said : tx(`category.${e.category}` as MessageKey);
      for (const q of e.quotes.slice(0, 2)) {
        evidence.push(q);
        list.append(el('li', {}, el('mark', {}, q), ` — ${reason}`));
      }
    }
    why.append(list);
  }
  const knownCategory = category && (CATEGORIES as readonly string[]).includes(category) ? category : undefined;

  // The demo block page keeps its own shape (nothing to proceed to) in elder mode too.
  if (deps.elder?.on && confirmed.kind !== 'demo') {
    const tabParam = params.get('tab');
    renderElderWarning({
      root,
      locale,
      request: deps.request,
      kind: confirmed.kind,
      targetHref: target.href,
      hostNode: hostNode(target.hostDisplay),
      category: knownCategory,
      tabId: confirmed.kind === 'page' && tabParam && /^\d{1,10}$/.test(tabParam) ? Number(tabParam) : null,
      status: await deps.request('ui-bg/guardian-status', {}).catch(() => null),
      contact: deps.elder.contact,
      speak: deps.elder.speak,
      backToSafety: deps.backToSafety,
      navigate: deps.navigate,
      closeTab: deps.elder.closeTab,
      coolSeconds: Math.max(0, deps.coolSeconds ?? DEFAULT_COOL_SECONDS),
    });
    return;
  }

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
  // A demo interstitial offers nothing that records or allows: no "continue", no report.
  const isDemo = confirmed.kind === 'demo';
  root.toggleAttribute('data-demo', isDemo);
  root.replaceChildren(
    ...(isDemo ? [demoMark(locale)] : []),
    el('h1', { 'data-testid': 'warning-title' }, tx('warning.title')),
    el('p', { class: 'lead' }, tx(kind === 'page' ? 'warning.kind.page' : 'warning.kind.blacklist')),
    ...(knownCategory ? [el('p', { class: 'strong', 'data-testid': 'warning-category' }, tx('warning.category', { kind: tx(`category.${knownCategory}` as MessageKey) }))] : []),
    site,
    el('div', { class: 'actions main-actions' }, back),
    doNow,
    why,
    ...(isDemo
      ? []
      : [
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
        ]),
    el('span', { 'data-testid': 'warning-ready', hidden: '' }),
  );
  back.focus();
}
