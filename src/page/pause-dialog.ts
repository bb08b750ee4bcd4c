/**
 * The cooling-off dialog shown at the moment of action (see dissuasion.ts). Host
 * <scam-sentinel-pause data-open data-action data-ready> with a closed shadow root and
 * a modal <dialog role="alertdialog">.
 *
 * Why these measures: scams work by urgency ("马上转账，否则账户冻结"). A short, calm
 * pause, a concrete person to call (the family contact from options), the anti-fraud
 * line 96110, and the two rules that stop most losses (no transfer to a "safe account",
 * never tell anyone an SMS code) break that urgency. "Leave" is the default, focused
 * button; "continue" unlocks after the countdown so it is a deliberate choice, not a
 * reflex click. Nothing typed is read here.
 */
import type { Locale } from '../engine/types';
import { tPage as t, type PageKey as MessageKey } from '../i18n/page-strings';
import { BASE_CSS, createShadowHost } from './shadow-host';
import type { SensitiveKind } from './sensitive-fields';
import { fpt as ft } from '../i18n/family/page';
import { ELDER_CSS } from './elder-css';
import { speakerIcon } from './speaker-icon';
import { telHref } from './tel-href';

export const PAUSE_TAG = 'scam-sentinel-pause';
export const DEFAULT_PAUSE_SECONDS = 15;

export type PauseAction = SensitiveKind | 'submit' | 'apk' | 'qr';
export type PauseChoice = 'leave' | 'continue';

export interface PauseOptions {
  locale: Locale;
  familyContact: { name: string; phone: string } | null;
  seconds?: number;
  /** 长辈模式 (issue 9): larger text, "离开这个网站", read aloud when it opens. */
  elder?: { speak(text: string): void };
}

const CSS = `${BASE_CSS}
dialog { width: min(620px, calc(100vw - 24px)); max-height: calc(100vh - 40px); overflow: auto; background: #ffffff; border: 4px solid #1d4ed8; border-radius: 14px; padding: 22px 26px; box-shadow: 0 12px 40px rgba(0,0,0,.4); }
dialog::backdrop { background: rgba(17, 24, 39, .7); }
h2 { color: #1e3a8a; }
.count { font-size: 40px; font-weight: 700; color: #1e3a8a; margin: 4px 0; }
.family { font-size: 20px; font-weight: 700; }
.rules { background: #eff6ff; border-radius: 10px; padding: 8px 12px; }
`;

export function createPauseDialog(doc: Document, opts: PauseOptions) {
  let shown: Promise<PauseChoice> | null = null;

  function ask(action: PauseAction): Promise<PauseChoice> {
    if (shown) return shown; // one at a time: repeated triggers join the open dialog
    const tx = (key: MessageKey, params?: Record<string, string | number>) => t(opts.locale, key, params);
    const sh = createShadowHost(doc, PAUSE_TAG, opts.elder ? `${CSS}${ELDER_CSS}` : CSS);
    const { host, root } = sh;
    host.setAttribute('data-open', 'true');
    host.setAttribute('data-action', action);
    host.setAttribute('data-ready', 'false');
    const returnFocus = doc.activeElement;

    const dialog = doc.createElement('dialog');
    dialog.setAttribute('role', 'alertdialog');
    dialog.lang = opts.locale;
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-labelledby', 'ss-pause-title');
    dialog.setAttribute('aria-describedby', 'ss-pause-why');
    const h = doc.createElement('h2');
    h.id = 'ss-pause-title';
    h.textContent = tx('pause.title');
    const why = doc.createElement('p');
    why.id = 'ss-pause-why';
    why.textContent = tx('pause.why', { action: tx(`pause.action.${action}` as MessageKey) });
    const count = doc.createElement('p');
    count.className = 'count';
    count.setAttribute('aria-hidden', 'true');
    const family = doc.createElement('p');
    family.className = 'family';
    const contact = opts.familyContact;
    const tel = contact ? telHref(contact.phone) : null;
    if (contact && tel) {
      family.append(tx('pause.callFamily', { name: contact.name || '' }), ' ');
      const a = doc.createElement('a');
      a.href = tel;
      a.textContent = contact.phone;
      family.append(a);
    } else {
      family.textContent = tx('pause.callFamilyNoContact');
    }
    const rules = doc.createElement('p');
    rules.className = 'rules';
    rules.textContent = tx('pause.rules');
    const actions = doc.createElement('div');
    actions.className = 'actions';
    const leave = doc.createElement('button');
    leave.type = 'button';
    leave.textContent = tx('pause.leave');
    leave.autofocus = true;
    const call = doc.createElement('a');
    call.className = 'btn secondary';
    call.href = 'tel:96110';
    call.textContent = tx('pause.call96110');
    const cont = doc.createElement('button');
    cont.type = 'button';
    cont.className = 'secondary';
    cont.disabled = true;
    actions.append(leave, call, cont);
    dialog.append(h, why, count, family, rules, actions);
    if (opts.elder) {
      const elder = opts.elder;
      host.setAttribute('data-elder', 'true');
      leave.className = 'leave-big';
      leave.textContent = ft(opts.locale, 'elder.leave');
      const spoken = [h.textContent, why.textContent, family.textContent, rules.textContent].join('');
      const again = doc.createElement('button');
      again.type = 'button';
      again.className = 'secondary';
      again.append(speakerIcon(doc), ft(opts.locale, 'elder.readAgain'));
      again.addEventListener('click', (ev) => ev.isTrusted && elder.speak(spoken));
      actions.append(again);
      elder.speak(spoken);
    }
    root.append(dialog);

    let remaining = Math.max(0, opts.seconds ?? DEFAULT_PAUSE_SECONDS);
    const tick = () => {
      count.textContent = remaining > 0 ? String(remaining) : '';
      cont.textContent = remaining > 0 ? tx('pause.continueIn', { n: remaining }) : tx('pause.continue');
      cont.disabled = remaining > 0;
      host.setAttribute('data-ready', String(remaining <= 0));
    };
    tick();
    const timer = setInterval(() => {
      remaining -= 1;
      tick();
      if (remaining <= 0) clearInterval(timer);
    }, 1000);

    const openModal = () => {
      try {
        if (!dialog.open) dialog.showModal();
      } catch {
        dialog.show();
      }
    };
    sh.onRestored(() => {
      if (dialog.open) dialog.close();
      openModal();
    });

    shown = new Promise<PauseChoice>((resolve) => {
      let done = false;
      const finish = (choice: PauseChoice) => {
        if (done) return;
        done = true;
        clearInterval(timer);
        host.setAttribute('data-open', 'false');
        sh.destroy();
        shown = null;
        resolve(choice);
        // Give focus back only after the caller has recorded the choice (its await
        // continuation runs first), so the refocus cannot re-trigger the dialog.
        if (choice === 'continue' && returnFocus instanceof HTMLElement) {
          setTimeout(() => {
            if (returnFocus.isConnected) returnFocus.focus({ preventScroll: true });
          }, 0);
        }
      };
      const trusted = (fn: () => void) => (ev: Event) => {
        if (!ev.isTrusted) return;
        ev.preventDefault();
        fn();
      };
      leave.addEventListener('click', trusted(() => finish('leave')));
      cont.addEventListener('click', trusted(() => {
        if (remaining <= 0) finish('continue');
      }));
      // Escape is the same as the safe choice.
      dialog.addEventListener('cancel', (ev) => {
        ev.preventDefault();
        if (ev.isTrusted) finish('leave');
      });
      dialog.addEventListener('keydown', (ev) => {
        if (ev.key !== 'Tab') return;
        const items = [...dialog.querySelectorAll<HTMLElement>('button:not([disabled]), a[href]')];
        const first = items[0];
        const last = items[items.length - 1];
        if (!first || !last) return;
        if (ev.shiftKey && root.activeElement === first) {
          ev.preventDefault();
          last.focus();
        } else if (!ev.shiftKey && root.activeElement === last) {
          ev.preventDefault();
          first.focus();
        }
      });
    });
    openModal();
    return shown;
  }

  return { ask, isOpen: () => shown !== null };
}
export type PauseDialog = ReturnType<typeof createPauseDialog>;
