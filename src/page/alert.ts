/**
 * The in-page alert: host element <scam-sentinel-alert data-level data-categories>
 * (automation contract), content in a CLOSED shadow root so the page cannot read or
 * restyle it. All text is set with textContent, never innerHTML.
 */
import type { Locale, Verdict } from '../engine/types';
import { t } from '../i18n';

export const ALERT_TAG = 'scam-sentinel-alert';

export interface AlertHandle {
  host: HTMLElement;
  update(verdict: Verdict, locale: Locale): void;
  remove(): void;
}

const STYLE = `
:host { all: initial; position: fixed; z-index: 2147483647; left: 0; right: 0; top: 0; font-family: system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; }
.box { margin: 12px auto; max-width: 720px; background: #fff7ed; color: #1f2937; border: 3px solid #c2410c; border-radius: 12px; padding: 16px 20px; font-size: 18px; line-height: 1.6; box-shadow: 0 8px 24px rgba(0,0,0,.25); }
.high .box { background: #fef2f2; border-color: #b91c1c; }
h2 { margin: 0 0 8px; font-size: 22px; color: #7f1d1d; }
ul { margin: 4px 0 8px 20px; padding: 0; }
button, a { font-size: 18px; min-height: 44px; padding: 8px 16px; border-radius: 8px; margin-right: 8px; cursor: pointer; }
button { background: #1d4ed8; color: #fff; border: 0; }
a { color: #1d4ed8; display: inline-block; }
`;

export function mountAlert(doc: Document, onDismiss: () => void): AlertHandle {
  const host = doc.createElement(ALERT_TAG);
  host.setAttribute('data-level', 'none');
  host.setAttribute('data-categories', '');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const wrap = doc.createElement('div');
  root.append(style, wrap);
  (doc.body ?? doc.documentElement).append(host);

  return {
    host,
    update(verdict, locale) {
      host.setAttribute('data-level', verdict.level);
      host.setAttribute('data-categories', verdict.categories.join(' '));
      wrap.replaceChildren();
      wrap.className = verdict.level;
      if (verdict.level !== 'medium' && verdict.level !== 'high') return;
      const box = doc.createElement('div');
      box.className = 'box';
      box.setAttribute('role', verdict.level === 'high' ? 'alertdialog' : 'alert');
      const h = doc.createElement('h2');
      h.textContent = t(locale, 'alert.title');
      const p = doc.createElement('p');
      p.textContent = t(locale, 'alert.reasons');
      const ul = doc.createElement('ul');
      for (const e of verdict.evidence.slice(0, 6)) {
        const li = doc.createElement('li');
        li.textContent = `「${e.quotes.slice(0, 3).join('」「')}」 — ${e.explanation[locale]}`;
        ul.append(li);
      }
      const advice = doc.createElement('p');
      advice.textContent = t(locale, 'alert.advice');
      const dismiss = doc.createElement('button');
      dismiss.type = 'button';
      dismiss.textContent = t(locale, 'alert.dismiss');
      dismiss.addEventListener('click', (ev) => {
        if (!ev.isTrusted) return; // a page script cannot fake the dismissal
        onDismiss();
      });
      const call = doc.createElement('a');
      call.href = 'tel:96110';
      call.textContent = t(locale, 'alert.call96110');
      box.append(h, p, ul, advice, dismiss, call);
      wrap.append(box);
    },
    remove() {
      host.remove();
    },
  };
}
