/**
 * Dissuasion at the moment of action: on a risky page, when the person focuses or
 * types into a bank-card / ID-card / SMS-code / password / amount field, submits such
 * a form, or clicks an APK download or a scan-to-pay QR image, we pause them with the
 * cooling-off dialog (pause-dialog.ts) and then let them choose.
 *
 * Only trusted events count (a page cannot trigger or dismiss it by script). Values
 * are inspected in place (Luhn / ID checksum) and never stored or sent. To never nag
 * in a loop: one dialog at a time, a field/kind the person already confirmed is not
 * asked again on this page, and a page spamming focus gets at most one dialog per
 * few seconds and a handful per page.
 */
import { classifyField, classifyValue, isApkLink, looksLikePayQr, type FieldHints, type SensitiveKind } from './sensitive-fields';
import type { PauseAction, PauseChoice } from './pause-dialog';

export interface DissuasionDeps {
  doc: Document;
  /** Whether the page currently warrants the pause (risky and not exempt). */
  armed: () => boolean;
  ask: (action: PauseAction) => Promise<PauseChoice>;
  isAsking: () => boolean;
  /** "Leave": go back / away. */
  leave: () => void;
  now?: () => number;
}

export const MIN_GAP_MS = 5000;
export const MAX_PROMPTS_PER_PAGE = 5;

function labelText(el: HTMLInputElement | HTMLTextAreaElement): string {
  const parts: string[] = [];
  for (const label of el.labels ?? []) parts.push(label.textContent ?? '');
  const by = el.getAttribute('aria-labelledby');
  if (by) for (const id of by.split(/\s+/).slice(0, 5)) parts.push(el.ownerDocument.getElementById(id)?.textContent ?? '');
  return parts.join(' ').slice(0, 200);
}

export function hintsOf(el: HTMLInputElement | HTMLTextAreaElement): FieldHints {
  return {
    tag: el.tagName,
    type: el instanceof HTMLInputElement ? el.type : 'textarea',
    name: el.name,
    id: el.id,
    autocomplete: el.getAttribute('autocomplete') ?? undefined,
    inputMode: el.inputMode,
    placeholder: el.placeholder,
    label: labelText(el),
    ariaLabel: el.getAttribute('aria-label') ?? undefined,
  };
}

const isField = (t: EventTarget | null): t is HTMLInputElement | HTMLTextAreaElement =>
  t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement;

export function installDissuasion(deps: DissuasionDeps) {
  const { doc } = deps;
  const now = deps.now ?? (() => Date.now());
  const confirmedKinds = new Set<PauseAction>();
  const confirmedForms = new WeakSet<HTMLFormElement>();
  let lastPrompt = -Infinity;
  let prompts = 0;

  const mayPrompt = (action: PauseAction) =>
    deps.armed() && !deps.isAsking() && !confirmedKinds.has(action) && prompts < MAX_PROMPTS_PER_PAGE && now() - lastPrompt >= MIN_GAP_MS;

  const prompt = async (action: PauseAction, field?: HTMLInputElement | HTMLTextAreaElement): Promise<PauseChoice> => {
    prompts += 1;
    lastPrompt = now();
    const choice = await deps.ask(action);
    lastPrompt = now();
    if (choice === 'continue') confirmedKinds.add(action);
    else {
      if (field && field.value) field.value = ''; // what was typed is gone, never kept
      deps.leave();
    }
    return choice;
  };

  const fieldKind = (el: HTMLInputElement | HTMLTextAreaElement): SensitiveKind | null => classifyField(hintsOf(el));

  const onFocus = (ev: FocusEvent) => {
    if (!ev.isTrusted || !isField(ev.target)) return;
    const kind = fieldKind(ev.target);
    if (kind && mayPrompt(kind)) void prompt(kind, ev.target);
  };

  const onInput = (ev: Event) => {
    if (!ev.isTrusted || !isField(ev.target)) return;
    const kind = fieldKind(ev.target) ?? classifyValue(ev.target.value);
    if (kind && mayPrompt(kind)) void prompt(kind, ev.target);
  };

  const formIsSensitive = (form: HTMLFormElement) =>
    [...form.elements].slice(0, 200).some((el) => isField(el) && el.value !== '' && (fieldKind(el) !== null || classifyValue(el.value) !== null));

  const onSubmit = (ev: SubmitEvent) => {
    const form = ev.target;
    if (!ev.isTrusted || !(form instanceof HTMLFormElement) || confirmedForms.has(form)) return;
    if (!deps.armed() || !formIsSensitive(form)) return;
    ev.preventDefault();
    ev.stopImmediatePropagation();
    if (deps.isAsking()) return;
    prompts += 1;
    lastPrompt = now();
    void deps.ask('submit').then((choice) => {
      if (choice === 'continue') {
        confirmedForms.add(form);
        form.requestSubmit(ev.submitter instanceof HTMLElement ? ev.submitter : undefined);
      } else {
        deps.leave();
      }
    });
  };

  const onClick = (ev: MouseEvent) => {
    if (!ev.isTrusted || !deps.armed() || !(ev.target instanceof Element)) return;
    const link = ev.target.closest('a[href]');
    if (link instanceof HTMLAnchorElement && isApkLink(link.href) && !confirmedKinds.has('apk')) {
      ev.preventDefault();
      ev.stopImmediatePropagation();
      if (deps.isAsking()) return;
      const href = link.href;
      void prompt('apk').then((choice) => {
        if (choice === 'continue' && /^https?:/i.test(href)) doc.location.assign(href);
      });
      return;
    }
    const img = ev.target.closest('img');
    if (img instanceof HTMLImageElement && !confirmedKinds.has('qr')) {
      const nearText = (img.parentElement?.textContent ?? '').slice(0, 200);
      if (looksLikePayQr({ alt: img.alt, src: img.currentSrc || img.src, title: img.title, nearText }) && mayPrompt('qr')) {
        ev.preventDefault();
        ev.stopImmediatePropagation();
        void prompt('qr');
      }
    }
  };

  // Capture phase on the document: we see the action before the page's own handlers.
  doc.addEventListener('focusin', onFocus, true);
  doc.addEventListener('input', onInput, true);
  doc.addEventListener('submit', onSubmit, true);
  doc.addEventListener('click', onClick, true);
  return {
    stop() {
      doc.removeEventListener('focusin', onFocus, true);
      doc.removeEventListener('input', onInput, true);
      doc.removeEventListener('submit', onSubmit, true);
      doc.removeEventListener('click', onClick, true);
    },
  };
}
