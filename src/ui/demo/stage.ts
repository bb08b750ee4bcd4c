/**
 * The gallery's stage: one demo case's SAFE sample page, in a same-origin extension
 * frame (demo-stage.html). Content scripts do not run on extension pages, so with
 * `live=1` the stage calls the very pipeline the content script runs
 * (src/page/main.ts startContentScript: visible text → engine → presenter, which shows
 * the banner or the interrupting dialog with highlighted phrases and arms the
 * payment-moment pause) — but wired to nothing: the verdict is never sent to the
 * background, so no event, report, badge or summary count is ever recorded.
 *
 * Settings are the defaults (standard sensitivity, every kind on, no family contact:
 * a projector must not show a volunteer's family phone number).
 */
import { LOCALES, type Locale } from '../../engine/types';
import { dt } from '../../i18n/demo';
import { DEFAULT_SETTINGS } from '../../settings/schema';
import { startContentScript } from '../../page/main';
import { explanationsById } from '../../engine/rule-texts';
import { CORE_RULE_TEXTS } from '../../engine/rules/texts';
import { findCase } from '../../demo/cases';
import { demoSiteUrl } from '../../demo/host';
import type { SampleBlock } from '../../demo/types';
import { STAGE_MESSAGE } from './stage-message';


export { STAGE_MESSAGE };

export function parseLocale(value: string | null): Locale {
  return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : 'zh-CN';
}

function blockText(b: SampleBlock): string {
  return 'h' in b ? b.h : 'p' in b ? b.p : 'li' in b ? b.li : b.chat;
}

function node<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string>, ...children: Array<Node | string>) {
  const n = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
  n.append(...children);
  return n;
}

/**
 * Render the sample page. English keeps the Chinese original (what the extension is
 * built to read) and shows the English translation beside it, line by line, in a column
 * of its own: the translation comes after the original in reading order, so the engine
 * reads the scam page exactly as a Chinese reader sees it (an English line between two
 * Chinese sentences would split what the page asks from what it promises).
 */
export function renderSample(doc: Document, caseId: string, locale: Locale): boolean {
  const c = findCase(caseId);
  const root = doc.getElementById('stage');
  if (!c || !root) return false;
  const page = locale === 'en' ? c.text['zh-CN'] : c.text[locale];
  const gloss = locale === 'en' ? c.text.en : null;
  const lang = locale === 'en' ? 'zh-CN' : locale;
  const article = node(doc, 'article', { class: 'sample' });
  const translation = node(doc, 'article', { class: 'sample gloss-column', lang: 'en', 'aria-label': 'English translation' });
  let list: HTMLUListElement | null = null;
  let glossList: HTMLUListElement | null = null;
  page.page.forEach((b, i) => {
    const g = gloss ? blockText(gloss.page[i] ?? b) : undefined;
    if (!('li' in b)) list = glossList = null; // a list ends where another kind of block starts
    if ('h' in b) article.append(node(doc, 'h2', { lang }, b.h));
    else if ('p' in b) article.append(node(doc, 'p', { lang }, b.p));
    else if ('li' in b) {
      if (!list) article.append((list = node(doc, 'ul', {})));
      list.append(node(doc, 'li', { lang }, b.li));
    } else {
      article.append(node(doc, 'div', { class: 'chat' }, node(doc, 'span', { class: 'who' }, b.who), node(doc, 'span', { lang }, b.chat)));
    }
    if (g === undefined) return;
    if ('li' in b) {
      if (!glossList) translation.append((glossList = node(doc, 'ul', {})));
      glossList.append(node(doc, 'li', { class: 'gloss' }, g));
    } else translation.append(node(doc, 'p', { class: 'gloss' }, g));
  });
  const cardLabel = gloss ? `${page.form.card} (${gloss.form.card})` : page.form.card;
  const form = node(
    doc,
    'form',
    { class: 'pay', 'data-testid': 'sample-form' },
    node(doc, 'h2', {}, gloss ? `${page.form.title} · ${gloss.form.title}` : page.form.title),
    node(doc, 'label', { for: 'card' }, cardLabel),
    node(doc, 'input', { id: 'card', name: 'cardNumber', autocomplete: 'off', inputmode: 'numeric', 'data-testid': 'card-field' }),
    node(doc, 'button', { type: 'button' }, gloss ? `${page.form.button} · ${gloss.form.button}` : page.form.button),
  );
  form.addEventListener('submit', (e) => e.preventDefault());
  root.replaceChildren(
    node(doc, 'p', { class: 'mark', role: 'note', 'data-testid': 'demo-mark' }, dt(locale, 'mark')),
    node(doc, 'p', { class: 'addr', dir: 'ltr', 'aria-label': 'URL' }, demoSiteUrl(c.id)),
    node(doc, 'header', { class: 'site' }, node(doc, 'h1', { lang }, page.site), ...(gloss ? [node(doc, 'p', { class: 'gloss', lang: 'en' }, gloss.site)] : [])),
    ...(gloss ? [node(doc, 'div', { class: 'bilingual' }, article, translation)] : [article]),
    form,
  );
  root.setAttribute('data-case', c.id);
  doc.documentElement.lang = locale;
  doc.title = `${page.site} · ${dt(locale, 'mark')}`;
  return true;
}

export interface StageDeps {
  doc: Document;
  win: Window;
  search: string;
}

export function startDemoStage({ doc, win, search }: StageDeps): void {
  const params = new URLSearchParams(search);
  const caseId = params.get('case') ?? '';
  const locale = parseLocale(params.get('lang'));
  if (params.get('big') === '1') doc.documentElement.classList.add('big');
  if (!renderSample(doc, caseId, locale)) {
    doc.getElementById('stage')?.replaceChildren(node(doc, 'p', { class: 'mark', role: 'note' }, dt(locale, 'mark')));
    return;
  }
  forwardPresenterKeys(doc, win);
  if (params.get('live') !== '1') {
    doc.getElementById('stage')?.setAttribute('data-live', 'off');
    return;
  }
  doc.getElementById('stage')?.setAttribute('data-live', 'on');
  void startContentScript({
    doc,
    win,
    url: () => demoSiteUrl(caseId),
    locale: () => locale,
    loadSettings: async () => DEFAULT_SETTINGS,
    // The demo's whole difference from the content script: nothing goes to the background.
    pageScanned: async ({ verdict }) => {
      doc.getElementById('stage')?.setAttribute('data-verdict', verdict.level);
      return { alertLevel: verdict.level, dismissed: false };
    },
    dismiss: async () => ({ ok: true }),
    // The stage is an extension page (not a size target): it bundles the rule texts, so its
    // alert opens as soon as the scan is done, as a presenter expects, with no fetch per slide.
    ruleTexts: async ({ ruleIds, locale: l }) => ({ texts: explanationsById(CORE_RULE_TEXTS, ruleIds, l) }),
    leave: () => {
      doc.getElementById('stage')?.replaceChildren(
        node(doc, 'p', { class: 'mark', role: 'note', 'data-testid': 'demo-mark' }, dt(locale, 'mark')),
        node(doc, 'p', { class: 'left', 'data-testid': 'stage-left' }, dt(locale, 'stage.left')),
      );
    },
  });
}

/**
 * Presenter keys pressed while focus is inside the stage (e.g. after clicking the card
 * field, or while the alert has focus) still move the slides: the stage hands them to
 * the gallery. Typing in a field is left alone; Escape goes to an open dialog first.
 */
function forwardPresenterKeys(doc: Document, win: Window): void {
  doc.addEventListener('keydown', (e) => {
    const t = e.target as HTMLElement | null;
    const editable = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable);
    if (editable) return;
    const onPage = !t || t === doc.body || t === doc.documentElement;
    const key = e.key;
    const always = key === 'ArrowRight' || key === 'ArrowLeft' || key === 'PageDown' || key === 'PageUp';
    const pageOnly = key === ' ' || key === 'b' || key === 'B' || key === 'Escape';
    // Escape first closes our own dialogs (the alert, the cooling-off pause); only then leaves presenter mode.
    const dialogOpen = doc.querySelector('scam-sentinel-alert[data-mode="dialog"], scam-sentinel-pause[data-open="true"]') !== null;
    if (!always && !(pageOnly && onPage && !dialogOpen)) return;
    e.preventDefault();
    win.parent.postMessage({ source: STAGE_MESSAGE, key }, win.location.origin);
  });
}
