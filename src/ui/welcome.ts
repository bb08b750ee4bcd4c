/**
 * First run (issue 9, item 1): "谁用这个浏览器？" — me / an elderly family member I am
 * setting up — then one question per screen, each skippable:
 *   me:    language → family contact → sensitivity → done
 *   elder: language → family contact → sensitivity → elder mode → guardian PIN → approval by phone → done
 * Opened by the background on install; options can open it again (then, with a PIN set,
 * it asks for the PIN first: the background refuses changes without it anyway).
 * Settings go through `ui-bg/settings-save`, the PIN and approval code through the
 * guardian messages: the background checks and stores, this page only asks.
 */
import { SENSITIVITIES, type Locale } from '../engine/types';
import { resolveLocale, t, type MessageKey } from '../i18n';
import { ft, type FamilyKey } from '../i18n/family';
import { FAMILY_RELATIONS, LANGUAGE_CHOICES, type FamilyRelation, type Settings } from '../settings/schema';
import { validPin } from '../guardian/pin';
import { el } from './dom';
import type { Request } from './report-panel';
import { validPhone } from './options';
import { applyElderMode } from './elder';
import { drawQr } from './qr';
import { unlockForm } from './family-guard';

export type WelcomePath = 'me' | 'elder';
export type WelcomeStep = 'who' | 'language' | 'contact' | 'sensitivity' | 'elder' | 'pin' | 'totp' | 'done';

export const STEPS: Record<WelcomePath, WelcomeStep[]> = {
  me: ['language', 'contact', 'sensitivity', 'done'],
  elder: ['language', 'contact', 'sensitivity', 'elder', 'pin', 'totp', 'done'],
};

export interface WelcomeDeps {
  root: HTMLElement;
  locale: Locale;
  request: Request;
  loadSettings: () => Promise<Settings>;
  browserLanguage: string;
  openOptions: () => void;
  openCard: () => void;
  close: () => void;
  /** `?step=totp` from options ("设置电话同意"): start there, on the elder path. */
  startStep?: WelcomeStep;
}

export async function renderWelcome(deps: WelcomeDeps): Promise<void> {
  const { root, request } = deps;
  let locale = deps.locale;
  let settings = await deps.loadSettings();
  let path: WelcomePath = 'me';
  const f = (k: FamilyKey, p?: Record<string, string | number>) => ft(locale, k, p);
  const tx = (k: MessageKey) => t(locale, k);

  const status = el('p', { role: 'status', class: 'status', 'data-testid': 'welcome-status' });
  const save = async (patch: Partial<Settings>): Promise<boolean> => {
    const res = await request('ui-bg/settings-save', { patch }).catch(() => ({ ok: false, error: 'failed' }));
    if (res.ok) {
      settings = { ...settings, ...patch };
      status.textContent = f('welcome.saved');
    } else status.textContent = res.error === 'locked' ? f('welcome.locked') : f('approve.failed');
    return res.ok;
  };

  const frame = (step: WelcomeStep, title: string, body: Node[], actions: HTMLElement[]) => {
    const steps = STEPS[path];
    const n = steps.indexOf(step) + 1;
    root.setAttribute('data-step', step);
    root.setAttribute('data-path', path);
    document.documentElement.lang = locale;
    root.replaceChildren(
      el('p', { class: 'small', 'data-testid': 'welcome-progress' }, step === 'who' ? f('welcome.title') : f('welcome.step', { n, total: steps.length })),
      el('h1', { 'data-testid': 'welcome-title' }, title),
      ...body,
      status,
      el('div', { class: 'actions' }, ...actions),
      el('span', { 'data-testid': 'welcome-ready', hidden: '' }),
    );
    root.querySelector<HTMLElement>('input, select, button')?.focus();
  };
  const button = (label: string, testid: string, fn: () => void | Promise<void>, cls = '') => {
    const b = el('button', { type: 'button', 'data-testid': testid, ...(cls ? { class: cls } : {}) }, label);
    b.addEventListener('click', async () => {
      b.disabled = true;
      try {
        await fn();
      } finally {
        b.disabled = false;
      }
    });
    return b;
  };
  const next = (step: WelcomeStep) => {
    const steps = STEPS[path];
    show(steps[steps.indexOf(step) + 1] ?? 'done');
  };
  const skip = (step: WelcomeStep) => button(f('welcome.skip'), 'welcome-skip', () => next(step), 'secondary');
  const radio = (name: string, value: string, label: string, checked: boolean) => {
    const id = `${name}-${value}`;
    const input = el('input', { type: 'radio', name, id, value, 'data-testid': id });
    input.checked = checked;
    return el('div', { class: 'choice' }, input, el('label', { for: id }, label));
  };
  const picked = (name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value;

  let current: WelcomeStep = 'who';
  function show(step: WelcomeStep): void {
    current = step;
    status.textContent = '';
    if (step === 'who') {
      const me = button(f('welcome.me'), 'welcome-path-me', () => {
        path = 'me';
        show('language');
      });
      const elder = button(f('welcome.elder'), 'welcome-path-elder', () => {
        path = 'elder';
        show('language');
      });
      frame('who', f('welcome.who'), [el('div', { class: 'wizard' }, el('div', { class: 'who' }, me, elder))], []);
      return;
    }
    if (step === 'language') {
      const box = el('fieldset', {}, el('legend', {}, f('welcome.lang.title')), ...LANGUAGE_CHOICES.map((l) => radio('lang', l, tx(`options.lang.${l}` as MessageKey), settings.language === l)));
      frame(step, f('welcome.lang.title'), [box], [
        button(f('welcome.next'), 'welcome-next', async () => {
          const choice = (picked('lang') ?? settings.language) as Settings['language'];
          if (await save({ language: choice })) {
            locale = resolveLocale(choice, deps.browserLanguage);
            next(step);
          }
        }),
        skip(step),
      ]);
      return;
    }
    if (step === 'contact') {
      const rel = el('select', { id: 'w-relation', 'data-testid': 'welcome-relation' });
      for (const r of FAMILY_RELATIONS) {
        const o = el('option', { value: r }, f(`relation.${r}` as FamilyKey));
        o.selected = (settings.familyContact?.relation ?? 'daughter') === r;
        rel.append(o);
      }
      const name = el('input', { id: 'w-name', maxlength: '40', autocomplete: 'off', 'data-testid': 'welcome-name' });
      const phone = el('input', { id: 'w-phone', type: 'tel', maxlength: '30', autocomplete: 'off', 'data-testid': 'welcome-phone' });
      name.value = settings.familyContact?.name ?? '';
      phone.value = settings.familyContact?.phone ?? '';
      const err = el('p', { role: 'alert', class: 'caution', 'data-testid': 'welcome-contact-error' });
      frame(step, f('welcome.contact.title'), [
        el('p', {}, f('welcome.contact.help')),
        el('label', { for: 'w-relation' }, f('welcome.contact.relation')),
        rel,
        el('label', { for: 'w-name' }, f('welcome.contact.name')),
        name,
        el('label', { for: 'w-phone' }, f('welcome.contact.phone')),
        phone,
        err,
      ], [
        button(f('welcome.next'), 'welcome-next', async () => {
          if (!validPhone(phone.value.trim())) {
            err.textContent = f('welcome.contact.invalid');
            phone.setAttribute('aria-invalid', 'true');
            return;
          }
          const contact = { name: name.value.trim().slice(0, 40), phone: phone.value.trim().slice(0, 30), relation: rel.value as FamilyRelation };
          if (await save({ familyContact: contact })) next(step);
        }),
        skip(step),
      ]);
      return;
    }
    if (step === 'sensitivity') {
      const box = el('fieldset', {}, el('legend', {}, f('welcome.sens.title')), ...SENSITIVITIES.map((s) => radio('sens', s, tx(`options.sens.${s}` as MessageKey), settings.sensitivity === s)));
      frame(step, f('welcome.sens.title'), [box], [
        button(f('welcome.next'), 'welcome-next', async () => {
          if (await save({ sensitivity: (picked('sens') ?? settings.sensitivity) as Settings['sensitivity'] })) next(step);
        }),
        skip(step),
      ]);
      return;
    }
    if (step === 'elder') {
      frame(step, f('welcome.elderMode.title'), [el('p', {}, f('welcome.elderMode.help'))], [
        button(f('welcome.elderMode.on'), 'welcome-elder-on', async () => {
          if (await save({ elderMode: true })) {
            applyElderMode(document, true);
            next(step);
          }
        }),
        button(f('welcome.elderMode.off'), 'welcome-skip', () => next(step), 'secondary'),
      ]);
      return;
    }
    if (step === 'pin') {
      const a = el('input', { id: 'w-pin1', type: 'password', inputmode: 'numeric', maxlength: '8', autocomplete: 'new-password', 'data-testid': 'welcome-pin1' });
      const b = el('input', { id: 'w-pin2', type: 'password', inputmode: 'numeric', maxlength: '8', autocomplete: 'new-password', 'data-testid': 'welcome-pin2' });
      const err = el('p', { role: 'alert', class: 'caution', 'data-testid': 'welcome-pin-error' });
      frame(step, f('welcome.pin.title'), [
        el('p', {}, f('welcome.pin.help')),
        el('label', { for: 'w-pin1' }, f('welcome.pin.first')),
        a,
        el('label', { for: 'w-pin2' }, f('welcome.pin.second')),
        b,
        err,
      ], [
        button(f('welcome.next'), 'welcome-next', async () => {
          if (!validPin(a.value)) return void (err.textContent = f('welcome.pin.invalid'));
          if (a.value !== b.value) return void (err.textContent = f('welcome.pin.mismatch'));
          const res = await request('ui-bg/guardian-set-pin', { pin: a.value }).catch(() => ({ ok: false, error: 'failed' }));
          if (res.ok) next(step);
          else err.textContent = res.error === 'locked' ? f('welcome.locked') : f('approve.failed');
        }),
        skip(step),
      ]);
      return;
    }
    if (step === 'totp') {
      const body: Node[] = [el('p', {}, f('welcome.totp.help1')), el('p', {}, f('welcome.totp.help2'))];
      const code = el('input', { id: 'w-code', inputmode: 'numeric', maxlength: '6', autocomplete: 'one-time-code', 'data-testid': 'welcome-totp-code' });
      const err = el('p', { role: 'alert', class: 'caution', 'data-testid': 'welcome-totp-error' });
      frame(step, f('welcome.totp.title'), [...body, el('p', {}, '…')], [skip(step)]);
      void (async () => {
        const label = settings.familyContact?.name ? `${settings.familyContact.name}` : f('relation.family');
        const res = await request('ui-bg/guardian-totp-begin', { label }).catch(() => null);
        if (current !== 'totp') return; // skipped meanwhile
        if (!res?.ok || !res.uri || !res.secret) {
          frame(step, f('welcome.totp.title'), [el('p', { class: 'caution' }, res?.error === 'locked' ? f('welcome.locked') : f('approve.failed'))], [skip(step)]);
          return;
        }
        frame(step, f('welcome.totp.title'), [
          ...body,
          drawQr(document, res.uri, { label: f('welcome.totp.title') }),
          el('p', {}, f('welcome.totp.secret'), el('span', { class: 'secret', dir: 'ltr', 'data-testid': 'totp-secret' }, res.secret)),
          el('p', {}, f('welcome.totp.help3')),
          el('label', { for: 'w-code' }, f('welcome.totp.confirm')),
          code,
          err,
        ], [
          button(f('welcome.totp.check'), 'welcome-next', async () => {
            const ok = await request('ui-bg/guardian-totp-confirm', { code: code.value.trim() }).catch(() => null);
            if (ok?.ok) next(step);
            else err.textContent = f('welcome.totp.wrong');
          }),
          skip(step),
        ]);
      })();
      return;
    }
    // done
    const sign = el(
      'div',
      { class: 'elder-sign ok', role: 'status' },
      el('span', { class: 'icon', 'aria-hidden': 'true' }, '✓'),
      el('div', {}, el('p', { class: 'words' }, f('welcome.done.body'))),
    );
    frame('done', f('welcome.done.title'), [sign], [
      button(f('welcome.done.close'), 'welcome-done', () => deps.close()),
      button(f('welcome.done.card'), 'welcome-card', () => deps.openCard(), 'secondary'),
      button(f('welcome.done.options'), 'welcome-options', () => deps.openOptions(), 'secondary'),
    ]);
  }

  const start = async () => {
    const st = await request('ui-bg/guardian-status', {}).catch(() => null);
    if (st?.locked) {
      root.replaceChildren(unlockForm({ locale, request, titleKey: 'opt.unlockTitle', onUnlocked: () => void start() }), el('span', { 'data-testid': 'welcome-ready', hidden: '' }));
      return;
    }
    if (deps.startStep && deps.startStep !== 'who') {
      path = 'elder';
      show(deps.startStep);
    } else show('who');
  };
  await start();
}
