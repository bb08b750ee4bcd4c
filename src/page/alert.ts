/**
 * The in-page alert. Host element <scam-sentinel-alert data-level data-categories>
 * (automation contract, fixed: QA scripts read these two attributes), content in a
 * closed shadow root (see shadow-host.ts). Graduated by what the presenter asks for:
 *   banner   medium page verdict: a calm strip at the top, in the top layer (popover),
 *            covering nothing important and shifting nothing;
 *   caution  lookalike domain: a banner naming the brand being imitated;
 *   dialog   high page verdict: a modal role="alertdialog" that takes focus, traps
 *            Tab inside, and gives focus back where it was when closed.
 * Buttons act only on trusted events (a page script's synthetic click is ignored).
 */
import type { Category, Level, Locale } from '../engine/types';
import { tPage as t, type PageKey as MessageKey } from '../i18n/page-strings';
import { BASE_CSS, createShadowHost, type HostElement, type ShadowHost } from './shadow-host';
import { fpt as ft } from '../i18n/family/page';
import { ELDER_CSS } from './elder-css';
import { speakerIcon } from './speaker-icon';

export const ALERT_TAG = 'scam-sentinel-alert';

export type AlertMode = 'hidden' | 'banner' | 'caution' | 'dialog';

/** One reason with the page's phrases that triggered it. */
export interface AlertPhrase {
  reason: string;
  quotes: ReadonlyArray<{
    text: string;
    /** Scroll the phrase into view on the page; absent when it could not be located. */
    reveal?: () => void;
  }>;
}

export interface AlertView {
  level: Level;
  categories: readonly Category[];
  mode: AlertMode;
  phrases: readonly AlertPhrase[];
  /** caution mode: the impersonated brand. */
  brand?: string;
}

export interface AlertActions {
  /** Dismiss for this site, this session. */
  onDismiss(): void;
  /** Leave the page ("back to safety"). */
  onLeave(): void;
}

/** 长辈模式 (issue 9): larger, simpler, read aloud; "continue" only with the family's approval. */
export interface ElderAlert {
  /** Read the alert's words aloud (background chrome.tts, else the page's speechSynthesis). */
  speak(text: string): void;
  /** "我还想继续看（要家人同意）": open the guardian approval page. */
  askFamily(): void;
}

export interface AlertHandle {
  host: HostElement;
  render(view: AlertView): void;
  remove(): void;
}

const CSS = `${BASE_CSS}
.panel { position: fixed; inset: auto 0 0 0; margin: 10px auto; width: min(760px, calc(100vw - 20px)); max-height: 45vh; overflow: auto; background: #fff7ed; border: 3px solid #c2410c; border-radius: 12px; padding: 14px 20px; box-shadow: 0 8px 24px rgba(0,0,0,.25); }
.panel.caution { background: #fefce8; border-color: #a16207; }
dialog { width: min(680px, calc(100vw - 24px)); max-height: calc(100vh - 40px); overflow: auto; background: #fef2f2; border: 4px solid #b91c1c; border-radius: 14px; padding: 20px 24px; box-shadow: 0 12px 40px rgba(0,0,0,.4); }
dialog::backdrop { background: rgba(17, 24, 39, .65); }
.layer { position: fixed; inset: 0; width: 100vw; height: 100vh; max-width: none; max-height: none; margin: 0; padding: 0; border: 0; background: rgba(17, 24, 39, .65); overflow: auto; }
.layer:popover-open { display: flex; align-items: center; justify-content: center; }
.layer dialog { position: static; margin: auto; }
.kinds { font-weight: 700; color: #7f1d1d; }
.hint { font-size: 16px; color: #374151; }
`;

/**
 * Over this many elements a modal dialog is too dear: showModal() (and close()) make the
 * whole page inert, a style pass over every element that blocked a 5 MB-text page for
 * 0.35 s idle and ~2 s on a busy 2-core machine (tests/perf/page-bench.ts). There the
 * dialog opens non-modally inside a full-window top-layer popover (its own backdrop
 * catches clicks on the page; Tab stays inside; Escape closes), which costs ~1-4 ms.
 */
export const MODAL_MAX_ELEMENTS = 20_000;

/** What the alert shows, as a string: equal keys need no rebuild. */
function viewKey(v: AlertView): string {
  return JSON.stringify([v.level, v.mode, v.categories, v.brand ?? '', v.phrases.map((p) => [p.reason, p.quotes.map((q) => [q.text, Boolean(q.reveal)])])]);
}

const clickedByPerson = (fn: () => void) => (ev: Event) => {
  if (!ev.isTrusted) return; // a page script cannot fake our buttons
  ev.preventDefault();
  ev.stopPropagation();
  fn();
};

export function mountAlert(doc: Document, locale: Locale, actions: AlertActions, elder?: ElderAlert): AlertHandle {
  const sh: ShadowHost = createShadowHost(doc, ALERT_TAG, elder ? `${CSS}${ELDER_CSS}` : CSS);
  const { host, root } = sh;
  host.setAttribute('data-level', 'none');
  host.setAttribute('data-categories', '');
  host.setAttribute('data-mode', 'hidden');
  if (elder) host.setAttribute('data-elder', 'true');

  const panel = doc.createElement('div');
  panel.className = 'panel';
  panel.setAttribute('popover', 'manual');
  panel.setAttribute('role', 'alert');
  const dialog = doc.createElement('dialog');
  dialog.setAttribute('role', 'alertdialog');
  dialog.setAttribute('aria-modal', 'true');
  // Our text is in the person's language whatever the page's lang is (screen readers).
  panel.lang = locale;
  dialog.lang = locale;
  // Top-layer container for the non-modal dialog on huge pages (see MODAL_MAX_ELEMENTS).
  const layer = doc.createElement('div');
  layer.className = 'layer';
  layer.setAttribute('popover', 'manual');
  root.append(panel, dialog, layer);

  let view: AlertView = { level: 'none', categories: [], mode: 'hidden', phrases: [] };
  let returnFocus: Element | null = null;
  let lastKey = '';
  /** The person closed the interrupting dialog: later rescans must not reopen it. */
  let dialogClosed = false;
  let coverTimer: ReturnType<typeof setInterval> | undefined;
  const tx = (key: MessageKey, params?: Record<string, string | number>) => t(locale, key, params);

  const supportsPopover = typeof (panel as HTMLElement & { showPopover?: unknown }).showPopover === 'function';
  const showPanel = () => {
    if (supportsPopover) {
      if (!panel.matches(':popover-open')) panel.showPopover();
    } else {
      panel.style.display = 'block';
    }
  };
  const hidePanel = () => {
    if (supportsPopover) {
      if (panel.matches(':popover-open')) panel.hidePopover();
    } else {
      panel.style.display = 'none';
    }
  };

  /** Counted once, when the dialog first opens: is this page too big for a modal? */
  let light: boolean | null = null;
  const isLight = () => (light ??= supportsPopover && doc.getElementsByTagName('*').length > MODAL_MAX_ELEMENTS);
  const hideLayer = () => {
    if (supportsPopover && layer.matches(':popover-open')) layer.hidePopover();
  };

  const closeDialog = () => {
    if (dialog.open) dialog.close();
  };
  /** Our own close-and-reopen calls whose 'close' event (async) is still to come: a count, as raises can overlap. */
  let reopening = 0;
  // Elder mode: Escape does not dismiss the danger dialog (leave, or ask the family).
  if (elder) dialog.addEventListener('cancel', (ev) => ev.preventDefault());
  dialog.addEventListener('close', () => {
    hideLayer();
    if (reopening > 0) {
      reopening--; // our own close-and-reopen (page detached or covered us)
      return;
    }
    const back = returnFocus;
    returnFocus = null;
    if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
    // Closing the interrupting dialog (Escape, or "keep reading") leaves the calmer banner.
    if (view.mode === 'dialog') {
      dialogClosed = true;
      view = { ...view, mode: 'banner' };
      host.setAttribute('data-mode', 'banner');
      build();
    }
  });
  // Keep Tab inside the dialog (the modal already makes the page inert; this also
  // wraps around instead of leaving for the browser's address bar).
  dialog.addEventListener('keydown', (ev) => {
    // The non-modal dialog (huge pages) closes on Escape like the modal one.
    if (ev.key === 'Escape' && elder) {
      ev.preventDefault(); // elder mode: the dialog closes by leaving or with the family's approval
      return;
    }
    if (ev.key === 'Escape' && ev.isTrusted && dialog.open && !dialog.matches(':modal')) {
      ev.preventDefault();
      dialog.close();
      return;
    }
    if (ev.key !== 'Tab') return;
    const items = [...dialog.querySelectorAll<HTMLElement>('button:not([disabled]), a[href]')];
    if (!items.length) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = root.activeElement;
    if (ev.shiftKey && active === first) {
      ev.preventDefault();
      last.focus();
    } else if (!ev.shiftKey && active === last) {
      ev.preventDefault();
      first.focus();
    }
  });

  const button = (key: MessageKey, cls: string, fn: () => void) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = cls;
    b.textContent = tx(key);
    b.addEventListener('click', clickedByPerson(fn));
    return b;
  };
  const call96110 = () => {
    const a = doc.createElement('a');
    a.href = 'tel:96110';
    a.className = 'btn secondary';
    a.textContent = tx('alert.call96110');
    return a;
  };

  const phraseList = (idPrefix: string) => {
    const ul = doc.createElement('ul');
    ul.id = `${idPrefix}-reasons`;
    for (const p of view.phrases.slice(0, 5)) {
      const li = doc.createElement('li');
      for (const quote of p.quotes.slice(0, 3)) {
        const q = doc.createElement(quote.reveal ? 'button' : 'span');
        q.className = 'phrase';
        q.textContent = `「${quote.text}」`;
        if (quote.reveal && q instanceof HTMLButtonElement) {
          q.type = 'button';
          q.title = tx('alert.findOnPage');
          const reveal = quote.reveal;
          q.addEventListener('click', clickedByPerson(() => {
            closeDialog();
            reveal();
          }));
        }
        li.append(q, ' ');
      }
      const r = doc.createElement('span');
      r.className = 'reason';
      r.textContent = `— ${p.reason}`;
      li.append(r);
      ul.append(li);
    }
    return ul;
  };

  const kindsLine = () => {
    const p = doc.createElement('p');
    p.className = 'kinds';
    const kinds = view.categories.map((c) => tx(`category.${c}` as MessageKey)).join('、');
    p.textContent = tx('alert.kinds', { kinds });
    return p;
  };

  /** Elder mode: icon + colour + words, one idea per line, one big button, read-aloud. */
  function buildElder(): string {
    const high = view.mode === 'dialog';
    const title = view.mode === 'caution' ? tx('alert.lookalikeTitle', { brand: view.brand ?? '' }) : ft(locale, high ? 'elder.alertTitle' : 'elder.bannerTitle');
    const kinds = view.categories.map((c) => tx(`category.${c}` as MessageKey)).join('、');
    const lines = [...(kinds ? [ft(locale, 'elder.kind', { kind: kinds })] : []), ft(locale, 'elder.rule1'), ft(locale, 'elder.rule2'), ft(locale, 'elder.rule3')];
    const target = high ? dialog : panel;
    const sign = doc.createElement('div');
    sign.className = 'sign';
    const icon = doc.createElement('span');
    icon.className = 'icon';
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = '⚠';
    const h = doc.createElement('h2');
    h.id = high ? 'ss-dialog-title' : 'ss-banner-title';
    h.textContent = title;
    sign.append(icon, h);
    const body = doc.createElement('div');
    body.id = high ? 'ss-dialog-body' : 'ss-banner-body';
    for (const line of lines) {
      const p = doc.createElement('p');
      p.className = 'rule';
      p.textContent = line;
      body.append(p);
    }
    const spoken = [title, ...lines].join('');
    const leave = button('alert.leave', 'leave-big', actions.onLeave);
    leave.textContent = ft(locale, 'elder.leave');
    leave.autofocus = true;
    const again = doc.createElement('button');
    again.type = 'button';
    again.className = 'secondary';
    again.setAttribute('data-testid', 'read-again');
    again.append(speakerIcon(doc), ft(locale, 'elder.readAgain'));
    again.addEventListener('click', clickedByPerson(() => elder!.speak(spoken)));
    const row1 = doc.createElement('div');
    row1.className = 'actions';
    row1.append(leave);
    const row2 = doc.createElement('div');
    row2.className = 'actions';
    row2.append(again, call96110());
    if (high) {
      const ask = doc.createElement('button');
      ask.type = 'button';
      ask.className = 'secondary ask-family';
      ask.textContent = ft(locale, 'elder.askFamily');
      ask.addEventListener('click', clickedByPerson(() => elder!.askFamily()));
      row2.append(ask);
    } else {
      row2.append(button('alert.dismiss', 'secondary', actions.onDismiss));
    }
    target.setAttribute('aria-labelledby', h.id);
    if (high) dialog.setAttribute('aria-describedby', body.id);
    target.append(sign, body, row1, row2);
    return spoken;
  }

  /** Text spoken last, so a rescan with the same view does not repeat it. */
  let lastSpoken = '';
  function build() {
    panel.replaceChildren();
    dialog.replaceChildren();
    panel.classList.toggle('caution', view.mode === 'caution');
    if (elder && view.mode !== 'hidden') {
      const spoken = buildElder();
      if (spoken !== lastSpoken) {
        lastSpoken = spoken;
        elder.speak(spoken);
      }
      return;
    }
    panel.classList.toggle('caution', view.mode === 'caution');
    if (view.mode === 'caution') {
      const h = doc.createElement('h2');
      h.id = 'ss-caution-title';
      h.textContent = tx('alert.lookalikeTitle', { brand: view.brand ?? '' });
      const p = doc.createElement('p');
      p.textContent = tx('alert.lookalikeBody', { brand: view.brand ?? '' });
      const actionsRow = doc.createElement('div');
      actionsRow.className = 'actions';
      actionsRow.append(button('alert.dismiss', 'secondary', actions.onDismiss), call96110());
      panel.setAttribute('aria-labelledby', h.id);
      panel.append(h, p, actionsRow);
      return;
    }
    if (view.mode === 'banner') {
      const h = doc.createElement('h2');
      h.id = 'ss-banner-title';
      h.textContent = tx(view.level === 'high' ? 'alert.titleHigh' : 'alert.title');
      const intro = doc.createElement('p');
      intro.textContent = tx('alert.reasons');
      const advice = doc.createElement('p');
      advice.textContent = tx('alert.advice');
      const actionsRow = doc.createElement('div');
      actionsRow.className = 'actions';
      actionsRow.append(button('alert.leave', '', actions.onLeave), button('alert.dismiss', 'secondary', actions.onDismiss), call96110());
      panel.setAttribute('aria-labelledby', h.id);
      panel.append(h);
      if (view.categories.length) panel.append(kindsLine());
      panel.append(intro, phraseList('ss-banner'), advice, actionsRow);
      return;
    }
    if (view.mode === 'dialog') {
      const h = doc.createElement('h2');
      h.id = 'ss-dialog-title';
      h.textContent = tx('alert.titleHigh');
      const body = doc.createElement('div');
      body.id = 'ss-dialog-body';
      const intro = doc.createElement('p');
      intro.textContent = tx('alert.reasons');
      const hint = doc.createElement('p');
      hint.className = 'hint';
      hint.textContent = tx('alert.phraseHint');
      const advice = doc.createElement('p');
      advice.textContent = tx('alert.advice');
      body.append(kindsLine(), intro, phraseList('ss-dialog'), hint, advice);
      const actionsRow = doc.createElement('div');
      actionsRow.className = 'actions';
      const leave = button('alert.leave', '', actions.onLeave);
      leave.autofocus = true;
      actionsRow.append(leave, button('alert.keepReading', 'secondary', closeDialog), call96110());
      dialog.setAttribute('aria-labelledby', h.id);
      dialog.setAttribute('aria-describedby', body.id);
      dialog.append(h, body, actionsRow);
    }
  }

  const open = () => {
    if (view.mode === 'hidden') {
      hidePanel();
      closeDialog();
      return;
    }
    if (view.mode === 'dialog') {
      hidePanel();
      if (!dialog.open) {
        const active = doc.activeElement;
        if (!returnFocus && !(active && host.contains(active))) returnFocus = active && active !== doc.body ? active : null;
        if (isLight()) {
          if (dialog.parentNode !== layer) layer.append(dialog);
          if (!layer.matches(':popover-open')) layer.showPopover();
          dialog.show();
          dialog.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
        } else {
          try {
            dialog.showModal();
          } catch {
            dialog.show(); // not connected yet / another modal in the way: still visible
          }
        }
      }
    } else {
      closeDialog();
      showPanel();
    }
  };

  /** Close our dialog (not counted as the person closing it) and open our part again. */
  const reopenDialog = () => {
    if (dialog.open) {
      reopening++;
      const keep = returnFocus;
      dialog.close();
      returnFocus = keep;
    }
    open();
  };
  /** Close and open our visible part again: the last element opened is on top of the top layer. */
  const raise = () => {
    if (view.mode === 'dialog') {
      reopenDialog();
    } else {
      hidePanel();
      showPanel();
    }
  };
  /** If the page covers our banner or dialog (its own fixed box or top-layer element), raise ours again. */
  const checkCovered = () => {
    if (view.mode === 'hidden') return;
    const rect = (view.mode === 'dialog' ? dialog : panel).getBoundingClientRect();
    if (!rect.width || !rect.height) return;
    const topmost = doc.elementFromPoint(rect.left + rect.width / 2, rect.top + Math.min(20, rect.height / 2));
    // Our own cooling-off dialog may sit above the banner on purpose.
    if (topmost && !host.contains(topmost) && !topmost.closest('scam-sentinel-alert, scam-sentinel-pause')) raise();
  };
  // The page opening its own popover or modal dialog (toggle events do not bubble, but a
  // capturing listener sees them) puts it above ours: check on the next frame, at most
  // once per frame, so a page that re-opens in a loop cannot make us spin.
  let coverCheck = 0;
  doc.addEventListener(
    'toggle',
    (ev) => {
      if (coverCheck || view.mode === 'hidden' || (ev.target instanceof Node && host.contains(ev.target))) return;
      const run = () => {
        coverCheck = 0;
        checkCovered();
      };
      coverCheck = doc.defaultView ? doc.defaultView.requestAnimationFrame(run) : (setTimeout(run, 16) as unknown as number);
    },
    true,
  );

  sh.onRestored(() => {
    // A detached element leaves the top layer: open again.
    if (panel.matches?.(':popover-open')) hidePanel();
    reopenDialog();
  });

  return {
    host,
    render(next) {
      const mode = next.mode === 'dialog' && dialogClosed ? 'banner' : next.mode;
      const modeChanged = mode !== view.mode;
      const key = viewKey({ ...next, mode });
      const contentChanged = key !== lastKey;
      lastKey = key;
      view = { ...next, mode };
      host.setAttribute('data-level', next.level);
      host.setAttribute('data-categories', next.categories.join(' '));
      host.setAttribute('data-mode', mode);
      // Rescans repeat the same verdict often: rebuilding would steal the person's focus.
      if (contentChanged) {
        const hadFocus = root.activeElement !== null;
        build();
        if (hadFocus && mode === 'dialog') dialog.querySelector<HTMLElement>('button')?.focus();
      }
      if (modeChanged || mode !== 'hidden') open();
      clearInterval(coverTimer);
      coverTimer = mode === 'hidden' ? undefined : setInterval(checkCovered, 1500);
    },
    remove() {
      clearInterval(coverTimer);
      closeDialog();
      sh.destroy();
    },
  };
}
