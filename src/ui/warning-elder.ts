/**
 * warning.html in 长辈模式 (issue 9), for a warning the background CONFIRMED (see
 * confirmWarning in warning.ts; unconfirmed URLs never get here):
 *   icon + colour + words, one idea per sentence, one big "离开这个网站" button,
 *   read aloud when it appears (🔊 "再读一遍" to hear it again), the family's phone,
 *   and "continue" only with the guardian: the PIN (guardian in the room) or the
 *   6-digit approval code read out over the phone ("给女儿打电话，请她念一下…").
 * The background checks the PIN / code (`ui-bg/guardian-proceed`) and logs each use;
 * this page only collects what was typed. Without any guardian set up, "continue"
 * follows the normal cooling-off path (`ui-bg/proceed`).
 */
import type { Locale } from '../engine/types';
import { t, type MessageKey } from '../i18n';
import { ft, type FamilyKey } from '../i18n/family';
import type { ResponseOf } from '../messaging/protocol';
import type { Settings } from '../settings/schema';
import { el } from './dom';
import type { Request } from './report-panel';
import { readAgainButton } from './read-aloud';
import { callWho, guardianErrorText } from './family-guard';
import { telHref } from '../page/tel-href';

export interface ElderWarningDeps {
  root: HTMLElement;
  locale: Locale;
  request: Request;
  kind: 'blacklist' | 'page';
  targetHref: string;
  hostNode: HTMLElement;
  category: string | undefined;
  /** The judged tab, for page warnings (it is reloaded after an approval). */
  tabId: number | null;
  status: ResponseOf<'ui-bg/guardian-status'> | null;
  contact: Settings['familyContact'];
  speak: (text: string) => void;
  backToSafety: () => void;
  navigate: (href: string) => void;
  /** Page warnings open in their own tab: close it after approval. */
  closeTab: () => void;
  coolSeconds: number;
  now?: () => number;
}

export function renderElderWarning(deps: ElderWarningDeps): void {
  const { root, locale } = deps;
  const f = (k: FamilyKey, p?: Record<string, string | number>) => ft(locale, k, p);
  const now = deps.now ?? Date.now;
  const source = deps.kind === 'page' ? 'page' : 'list';
  const logged = (kind: 'warning' | 'left') =>
    void deps.request('ui-bg/family-event', { url: deps.targetHref, kind, source, ...(deps.category ? { category: deps.category } : {}) }).catch(() => undefined);

  const title = f(deps.kind === 'page' ? 'elder.pageTitle' : 'elder.listedTitle');
  const kindLine = deps.category ? f('elder.kind', { kind: t(locale, `category.${deps.category}` as MessageKey) }) : '';
  const rules = [f('elder.rule1'), f('elder.rule2'), f('elder.rule3')];
  const spoken = [title, kindLine, ...rules].filter(Boolean).join('');

  const leave = el('button', { type: 'button', class: 'big leave-big', 'data-testid': 'back-to-safety' }, f('elder.leave'));
  leave.addEventListener('click', () => {
    logged('left');
    deps.backToSafety();
  });
  const tel = deps.contact ? telHref(deps.contact.phone) : null;
  const who = callWho(locale, deps.contact);
  const familyLine = deps.contact && tel ? el('p', { class: 'rules-big' }, f('elder.callFamily', { who }), el('a', { href: tel, class: 'btn secondary', dir: 'ltr' }, deps.contact.phone)) : null;

  const sign = el(
    'div',
    { class: 'elder-sign danger', role: 'alert' },
    el('span', { class: 'icon', 'aria-hidden': 'true' }, '⚠'),
    el('div', {}, el('h1', { class: 'words', 'data-testid': 'warning-title' }, title), ...(kindLine ? [el('p', { 'data-testid': 'warning-category' }, kindLine)] : [])),
  );

  root.setAttribute('data-state', 'ready');
  root.setAttribute('data-kind', deps.kind);
  root.setAttribute('data-elder', 'true');
  root.replaceChildren(
    sign,
    el('p', {}, f('elder.site'), el('span', { class: 'host-line' }, deps.hostNode)),
    ...rules.map((r) => el('p', { class: 'rules-big' }, r)),
    el('div', { class: 'actions' }, leave),
    el('div', { class: 'actions' }, readAgainButton(document, f('elder.readAgain'), () => deps.speak(spoken))),
    ...(familyLine ? [familyLine] : []),
    el('p', {}, el('a', { href: 'tel:96110', class: 'btn secondary' }, f('elder.call96110'))),
    approvalSection(),
    el('span', { 'data-testid': 'warning-ready', hidden: '' }),
  );
  leave.focus();
  if (deps.kind === 'blacklist') logged('warning'); // page warnings were logged by the page's own alert
  deps.speak(spoken);

  function approvalSection(): HTMLElement {
    const section = el('section', { class: 'approve', 'aria-labelledby': 'approve-title', 'data-testid': 'approve' }, el('h2', { id: 'approve-title' }, f('approve.title')));
    const status = el('p', { role: 'alert', class: 'caution', 'data-testid': 'approve-status' });
    const done = () => {
      status.textContent = f('approve.ok');
      if (deps.kind === 'page' && deps.tabId !== null) deps.closeTab();
      else deps.navigate(deps.targetHref);
    };
    const st = deps.status;
    if (!st?.approvalRequired) {
      // No guardian set up: the usual cooling-off, then continue once.
      let remaining = deps.coolSeconds;
      const go = el('button', { type: 'button', class: 'secondary', 'data-testid': 'proceed', disabled: '' }, '');
      const label = () => {
        go.textContent = remaining > 0 ? t(locale, 'warning.proceedWait', { n: remaining }) : t(locale, 'warning.proceed');
        go.disabled = remaining > 0;
      };
      label();
      const timer = setInterval(() => {
        remaining -= 1;
        label();
        if (remaining <= 0) clearInterval(timer);
      }, 1000);
      go.addEventListener('click', async () => {
        const res = await deps.request('ui-bg/proceed', { url: deps.targetHref, scope: 'once' }).catch(() => null);
        if (res?.ok) done();
        else status.textContent = f('approve.failed');
      });
      section.append(el('div', { class: 'actions' }, go), status);
      return section;
    }
    section.append(el('p', {}, f('approve.needFamily')));
    const ask = async (body: { pin: string } | { code: string }, input: HTMLInputElement, button: HTMLButtonElement) => {
      button.disabled = true;
      try {
        const res = await deps.request('ui-bg/guardian-proceed', {
          url: deps.targetHref,
          source,
          ...(deps.category ? { category: deps.category } : {}),
          ...(deps.tabId !== null ? { tabId: deps.tabId } : {}),
          ...body,
        });
        if (res.ok) return done();
        status.textContent = guardianErrorText(locale, res, now());
      } catch {
        status.textContent = f('approve.failed');
      } finally {
        button.disabled = false;
        input.value = '';
      }
    };
    if (st.totpSet) {
      const rel = deps.contact?.relation ?? 'family';
      const code = el('input', { id: 'approve-code', inputmode: 'numeric', maxlength: '7', autocomplete: 'off', 'data-testid': 'approve-code' });
      const go = el('button', { type: 'submit', 'data-testid': 'approve-code-submit' }, f('approve.codeSubmit'));
      const form = el(
        'form',
        {},
        el('p', { class: 'call', 'data-testid': 'approve-call' }, f(`approve.call.${rel}` as FamilyKey)),
        ...(familyLine ? [familyLine.cloneNode(true)] : []),
        el('label', { for: 'approve-code' }, f('approve.codeLabel')),
        code,
        el('div', { class: 'actions' }, go),
      );
      form.addEventListener('submit', (ev) => {
        ev.preventDefault();
        void ask({ code: code.value.trim() }, code, go);
      });
      section.append(form);
    }
    if (st.pinSet) {
      const pin = el('input', { id: 'approve-pin', type: 'password', inputmode: 'numeric', maxlength: '8', autocomplete: 'off', 'data-testid': 'approve-pin' });
      const go = el('button', { type: 'submit', class: 'secondary', 'data-testid': 'approve-pin-submit' }, f('approve.pinSubmit'));
      const form = el('form', {}, el('label', { for: 'approve-pin' }, f('approve.pinLabel')), pin, el('div', { class: 'actions' }, go));
      form.addEventListener('submit', (ev) => {
        ev.preventDefault();
        void ask({ pin: pin.value.trim() }, pin, go);
      });
      section.append(form);
    }
    section.append(status);
    return section;
  }
}
