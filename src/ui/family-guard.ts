/**
 * Shared pieces of the family pages (welcome, options, summary, warning): the PIN unlock
 * form and the wording of guardian answers. The background checks; this only asks.
 */
import type { Locale } from '../engine/types';
import { ft, type FamilyKey } from '../i18n/family';
import type { Request } from './report-panel';
import { el } from './dom';

/** "试错太多次了。请 N 分钟后再试。" / "密码不对。还可以试 N 次。" */
export function guardianErrorText(locale: Locale, res: { error: string | null; lockedUntil: number | null; triesLeft: number }, now: number, wrongKey: FamilyKey = 'approve.wrongPin'): string {
  if (res.lockedUntil && res.lockedUntil > now) return ft(locale, 'approve.locked', { n: Math.max(1, Math.ceil((res.lockedUntil - now) / 60_000)) });
  if (res.error === 'wrong' || res.error === 'wrong-code') {
    const base = ft(locale, res.error === 'wrong-code' ? 'approve.wrongCode' : wrongKey);
    return res.error === 'wrong' && res.triesLeft > 0 ? `${base}${ft(locale, 'approve.triesLeft', { n: res.triesLeft })}` : base;
  }
  return ft(locale, 'approve.failed');
}

/** A PIN box that unlocks settings for a few minutes; `onUnlocked` re-renders the page. */
export function unlockForm(opts: { locale: Locale; request: Request; onUnlocked: () => void; now?: () => number; titleKey?: FamilyKey }): HTMLElement {
  const { locale } = opts;
  const input = el('input', { type: 'password', inputmode: 'numeric', autocomplete: 'off', id: 'guardian-pin', maxlength: '8', 'data-testid': 'unlock-pin' });
  const status = el('p', { role: 'alert', class: 'caution', 'data-testid': 'unlock-status' });
  const go = el('button', { type: 'submit', 'data-testid': 'unlock-submit' }, ft(locale, 'opt.unlock'));
  const form = el(
    'form',
    { class: 'unlock', 'data-testid': 'unlock-form' },
    el('h2', {}, ft(locale, opts.titleKey ?? 'opt.unlockTitle')),
    el('p', {}, ft(locale, 'opt.unlockHelp')),
    el('label', { for: 'guardian-pin' }, ft(locale, 'opt.pinLabel')),
    input,
    status,
    el('div', { class: 'actions' }, go),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    go.disabled = true;
    try {
      const res = await opts.request('ui-bg/guardian-unlock', { pin: input.value.trim() });
      if (res.ok) opts.onUnlocked();
      else status.textContent = guardianErrorText(locale, res, (opts.now ?? Date.now)());
    } catch {
      status.textContent = ft(locale, 'approve.failed');
    } finally {
      go.disabled = false;
      input.value = '';
    }
  });
  return form;
}

/** Who to call, for the approval prompt: relation words + tel link to the contact. */
export function callWho(locale: Locale, contact: { name: string; relation?: string } | null): string {
  const rel = contact?.relation ?? 'family';
  const relWord = ft(locale, `relation.${rel}` as FamilyKey);
  return contact?.name ? `${relWord}${locale === 'en' ? ' ' : ''}${contact.name}` : relWord;
}
