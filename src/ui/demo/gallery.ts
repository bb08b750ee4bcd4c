/**
 * 反诈宣传演示 — the outreach gallery (issue 10): case list, one case step by step
 * (slide + live stage + speaker notes), presenter mode, quiz and handout. Routes live in
 * the URL hash (src/demo/deck.ts); the presenter flag and the session timer in
 * sessionStorage, so the demo interstitial's "back to safety" returns to the same slide.
 * Nothing here talks to the background except arming the demo interstitial.
 */
import type { Locale } from '../../engine/types';
import { t as mainT, type MessageKey } from '../../i18n';
import { dt, type DemoKey } from '../../i18n/demo';
import { DEMO_CASES, findCase } from '../../demo/cases';
import { demoSiteUrl } from '../../demo/host';
import { formatElapsed, keyAction, move, parseRoute, routeHash, type Route } from '../../demo/deck';
import { CASE_STEPS, type CaseStep, type DemoCase } from '../../demo/types';
import { el } from '../dom';
import type { Request } from '../report-panel';
import { renderQuiz, type QuizView } from './quiz';
import { renderHandout } from './handout';
import { STAGE_MESSAGE } from './stage-message';

export interface GalleryDeps {
  root: HTMLElement;
  locale: Locale;
  request: Request;
  /** sessionStorage (presenter flag, timer start). */
  session: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  now: () => number;
  /** Open the demo interstitial (same tab, so "back to safety" comes back here). */
  openInterstitial: (href: string) => void;
  /** warning.html's address. */
  warningUrl: string;
  /** Open the speaker-notes window. */
  openNotesWindow: () => void;
  setLanguage: (locale: Locale) => void;
}

const PRESENTER_KEY = 'scamsentinel-demo-presenter';
const START_KEY = 'scamsentinel-demo-start';
export const NOTES_CHANNEL = 'scamsentinel-demo';

const CASE_IDS = DEMO_CASES.map((c) => c.id);

export function stepNotes(c: DemoCase, step: CaseStep, locale: Locale): string {
  const text = c.text[locale];
  switch (step) {
    case 'hook':
    case 'turn':
    case 'ask':
    case 'signs':
      return text.notes[step];
    default:
      return dt(locale, `notes.${step}` as DemoKey);
  }
}

/** What to do: the case's own line, then the five actions every session ends with. */
const TODO_KEYS = ['todo.hangUp', 'todo.noPay', 'todo.call96110', 'todo.report12321', 'todo.call110'] as const;

export function renderGallery(deps: GalleryDeps) {
  const { root, locale } = deps;
  const tx = (k: DemoKey, p?: Record<string, string | number>) => dt(locale, k, p);
  const doc = root.ownerDocument;
  const win = doc.defaultView!;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(NOTES_CHANNEL) : null;

  // ── session timer ──
  if (!deps.session.getItem(START_KEY)) deps.session.setItem(START_KEY, String(deps.now()));
  const timer = el('span', { class: 'timer', 'data-testid': 'session-timer', role: 'timer', 'aria-live': 'off' }, '00:00');
  const tick = () => {
    const start = Number(deps.session.getItem(START_KEY)) || deps.now();
    timer.textContent = formatElapsed(deps.now() - start);
  };
  tick();
  win.setInterval(tick, 1000);

  // ── header ──
  const presenterBtn = el('button', { type: 'button', class: 'big', 'data-testid': 'presenter-toggle' }, tx('presenter'));
  const quizBtn = el('button', { type: 'button', class: 'secondary', 'data-testid': 'open-quiz' }, tx('quiz'));
  const handoutBtn = el('button', { type: 'button', class: 'secondary', 'data-testid': 'open-handout' }, tx('handout'));
  const resetBtn = el('button', { type: 'button', class: 'secondary', 'data-testid': 'reset' }, tx('reset'));
  const langSelect = el('select', { id: 'demo-lang', 'data-testid': 'language' });
  for (const [value, label] of [['zh-CN', '简体中文'], ['zh-TW', '繁體中文'], ['en', 'English']] as const) {
    const opt = el('option', { value }, label);
    if (value === locale) opt.selected = true;
    langSelect.append(opt);
  }
  langSelect.addEventListener('change', () => deps.setLanguage(langSelect.value as Locale));
  const status = el('p', { class: 'status', role: 'status', 'data-testid': 'demo-status' });
  const header = el(
    'header',
    { class: 'demo-header' },
    el('div', { class: 'title-row' }, el('h1', {}, tx('title')), el('p', { class: 'demo-mark', role: 'note', 'data-testid': 'demo-mark' }, tx('mark'))),
    el(
      'div',
      { class: 'actions' },
      presenterBtn,
      quizBtn,
      handoutBtn,
      resetBtn,
      el('span', { class: 'timer-box' }, `${tx('timer')} `, timer),
      el('label', { for: 'demo-lang', class: 'inline' }, tx('language')),
      langSelect,
    ),
    status,
  );
  const view = el('div', { class: 'view', 'data-testid': 'demo-view' });
  const blank = el('div', { class: 'blank', 'data-testid': 'blank', hidden: '' }, el('span', { class: 'sr-only' }, tx('blanked')));
  root.replaceChildren(header, view, blank);

  // ── presenter mode ──
  const presenter = () => deps.session.getItem(PRESENTER_KEY) === '1';
  const applyPresenter = () => {
    doc.body.classList.toggle('presenter', presenter());
    presenterBtn.textContent = presenter() ? tx('leavePresenter') : tx('presenter');
    presenterBtn.setAttribute('aria-pressed', String(presenter()));
  };
  const setPresenter = (on: boolean) => {
    if (on) deps.session.setItem(PRESENTER_KEY, '1');
    else deps.session.removeItem(PRESENTER_KEY);
    applyPresenter();
    render();
  };
  presenterBtn.addEventListener('click', () => setPresenter(!presenter()));

  const setBlank = (on: boolean) => {
    blank.hidden = !on;
    doc.body.classList.toggle('blanked', on);
  };

  // ── routing ──
  let route: Route = parseRoute(win.location.hash, CASE_IDS);
  let stage: HTMLIFrameElement | null = null;
  let stageKey = '';
  let layout: HTMLElement | null = null;
  let quiz: QuizView | null = null;
  const go = (next: Route) => {
    // The route moves now; the hash (and the render, on hashchange) follows. Read back
    // only on hashchange, two quick presses (a clicker's double press) both moved from
    // the same step, and one was lost.
    route = next;
    win.location.hash = routeHash(next);
  };
  win.addEventListener('hashchange', () => {
    route = parseRoute(win.location.hash, CASE_IDS);
    render();
  });
  quizBtn.addEventListener('click', () => go({ view: 'quiz' }));
  handoutBtn.addEventListener('click', () => go({ view: 'handout' }));

  resetBtn.addEventListener('click', () => {
    deps.session.setItem(START_KEY, String(deps.now()));
    setBlank(false);
    quiz = null;
    stageKey = '';
    stage = null;
    tick();
    channel?.postMessage({ type: 'reset' });
    status.textContent = tx('resetDone');
    if (route.view === 'list') render();
    else go({ view: 'list' });
  });

  // ── views ──
  const caseCard = (c: DemoCase) => {
    const text = c.text[locale];
    const open = el('button', { type: 'button', class: 'secondary', 'data-testid': `case-${c.id}` }, tx('start'));
    open.addEventListener('click', () => go({ view: 'case', caseId: c.id, step: CASE_STEPS[0] }));
    return el(
      'li',
      { class: 'case-card', 'data-case': c.id },
      el('h3', {}, text.title),
      el('p', { class: 'kind' }, tx('gallery.kind', { kind: mainT(locale, `category.${c.category}` as MessageKey) })),
      el('p', {}, text.summary),
      open,
    );
  };

  const renderList = () => {
    const pension = DEMO_CASES.filter((c) => c.pensionForm);
    const others = DEMO_CASES.filter((c) => !c.pensionForm);
    view.replaceChildren(
      el('p', { class: 'intro' }, tx('intro')),
      el('p', { class: 'keys' }, tx('keys')),
      el('h2', {}, tx('pensionGroup')),
      el('ul', { class: 'cases', 'data-testid': 'case-list' }, ...pension.map(caseCard)),
      el('h2', {}, tx('otherGroup')),
      el('ul', { class: 'cases' }, ...others.map(caseCard)),
    );
  };

  const stageFor = (c: DemoCase, live: boolean): HTMLIFrameElement => {
    const key = `${c.id}|${live}|${presenter()}`;
    if (stage && stageKey === key) return stage;
    stageKey = key;
    const params = new URLSearchParams({ case: c.id, lang: locale, live: live ? '1' : '0', big: presenter() ? '1' : '0' });
    stage = el('iframe', { class: 'stage', title: tx('stageLabel'), src: `demo-stage.html?${params}`, 'data-testid': 'stage' });
    return stage;
  };

  const slideBody = (c: DemoCase, step: CaseStep): HTMLElement[] => {
    const text = c.text[locale];
    switch (step) {
      case 'hook':
      case 'turn':
      case 'ask':
        return [el('p', { class: 'slide-text' }, text[step])];
      case 'live':
        return [el('p', { class: 'slide-text' }, tx('live.body'))];
      case 'pay':
        return [el('p', { class: 'slide-text' }, tx('pay.body'))];
      case 'site': {
        const open = el('button', { type: 'button', class: 'big', 'data-testid': 'open-interstitial' }, tx('site.open'));
        open.addEventListener('click', () => {
          open.disabled = true;
          void deps
            .request('ui-bg/demo-arm', { caseId: c.id })
            .then(({ token }) => {
              const q = new URLSearchParams({ k: 'blacklist', u: demoSiteUrl(c.id), demo: token, lang: locale });
              deps.openInterstitial(`${deps.warningUrl}?${q}`);
            })
            .catch(() => {
              open.disabled = false;
            });
        });
        return [el('p', { class: 'slide-text' }, tx('site.body')), el('p', { class: 'addr-line', dir: 'ltr' }, demoSiteUrl(c.id)), el('div', { class: 'actions' }, open)];
      }
      case 'signs':
        return [el('ul', { class: 'slide-list', 'data-testid': 'signs' }, ...text.signs.map((s) => el('li', {}, s)))];
      case 'todo':
        return [el('p', { class: 'slide-text strong' }, text.todo), el('ul', { class: 'slide-list', 'data-testid': 'todo' }, ...TODO_KEYS.map((k) => el('li', {}, tx(k))))];
    }
  };

  const renderCase = (c: DemoCase, step: CaseStep) => {
    const i = CASE_STEPS.indexOf(step);
    const live = i >= CASE_STEPS.indexOf('live');
    const prev = el('button', { type: 'button', class: 'secondary', 'data-testid': 'prev' }, `← ${tx('prev')}`);
    const next = el('button', { type: 'button', 'data-testid': 'next' }, `${tx('next')} →`);
    const back = el('button', { type: 'button', class: 'link', 'data-testid': 'back-to-list' }, tx('backToList'));
    prev.addEventListener('click', () => go(move(route, -1, CASE_IDS)));
    next.addEventListener('click', () => go(move(route, 1, CASE_IDS)));
    back.addEventListener('click', () => go({ view: 'list' }));
    const notesBtn = el('button', { type: 'button', class: 'link', 'data-testid': 'notes-window' }, tx('notesWindow'));
    notesBtn.addEventListener('click', () => deps.openNotesWindow());
    const slide = el(
      'section',
      { class: 'slide', 'aria-labelledby': 'slide-title', 'data-testid': 'slide', 'data-case': c.id, 'data-step': step },
      el('p', { class: 'case-title' }, c.text[locale].title),
      el('h2', { id: 'slide-title' }, tx(`step.${step}` as DemoKey)),
      ...slideBody(c, step),
      el('div', { class: 'actions nav' }, prev, next, el('span', { class: 'step-of' }, tx('stepOf', { n: i + 1, total: CASE_STEPS.length }))),
      el('aside', { class: 'notes', 'aria-label': tx('notes'), 'data-testid': 'notes' }, el('h3', {}, tx('notes')), el('p', {}, stepNotes(c, step, locale)), notesBtn),
      back,
    );
    // Only the slide changes between steps: moving an iframe in the DOM would reload it
    // (and lose the live warning the audience is looking at).
    const frame = stageFor(c, live);
    if (layout?.isConnected && frame.parentElement === layout) layout.firstElementChild!.replaceWith(slide);
    else view.replaceChildren((layout = el('div', { class: 'case-layout' }, slide, frame)));
    channel?.postMessage({ type: 'pos', caseId: c.id, step, locale });
  };

  const renderNotesWindow = () => {
    const box = el('div', { class: 'notes-window', 'data-testid': 'notes-window-view' });
    const show = (caseId: string, step: CaseStep) => {
      const c = findCase(caseId);
      if (!c) return;
      box.replaceChildren(el('p', { class: 'case-title' }, c.text[locale].title), el('h2', {}, tx(`step.${step}` as DemoKey)), el('p', { class: 'slide-text' }, stepNotes(c, step, locale)));
    };
    box.append(el('p', {}, tx('notes')));
    channel?.addEventListener('message', (e: MessageEvent) => {
      const d = e.data as { type?: unknown; caseId?: unknown; step?: unknown };
      if (d?.type === 'pos' && typeof d.caseId === 'string' && (CASE_STEPS as readonly unknown[]).includes(d.step)) show(d.caseId, d.step as CaseStep);
      if (d?.type === 'reset') box.replaceChildren(el('p', {}, tx('resetDone')));
    });
    header.hidden = true;
    view.replaceChildren(el('h1', {}, tx('notes')), box);
  };

  function render() {
    setBlank(false);
    if (route.view !== 'case') {
      stage = null;
      stageKey = '';
    }
    doc.body.dataset.view = route.view;
    if (route.view === 'case') {
      const c = findCase(route.caseId)!;
      renderCase(c, route.step);
    } else if (route.view === 'quiz') {
      quiz ??= renderQuiz({ locale, random: undefined });
      view.replaceChildren(quiz.element);
    } else if (route.view === 'handout') {
      view.replaceChildren(renderHandout(locale));
    } else if (route.view === 'notes') {
      renderNotesWindow();
    } else {
      renderList();
    }
  }

  // ── keys: the gallery's own, and those the stage hands over ──
  const act = (key: string, target: EventTarget | null): boolean => {
    if (!presenter()) return false;
    const action = keyAction(key);
    if (!action) return false;
    const t = target as HTMLElement | null;
    const tag = t?.tagName ?? '';
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return false;
    // Space on a focused button presses the button (its own meaning), not "next".
    if (key === ' ' && (tag === 'BUTTON' || tag === 'A')) return false;
    if (action === 'blank') setBlank(blank.hidden);
    else if (action === 'exit') setPresenter(false);
    else if (!blank.hidden) setBlank(false);
    else if (route.view === 'list' || route.view === 'case') go(move(route, action === 'next' ? 1 : -1, CASE_IDS));
    else return false;
    return true;
  };
  doc.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (act(e.key, e.target)) e.preventDefault();
  });
  win.addEventListener('message', (e: MessageEvent) => {
    if (e.origin !== win.location.origin || !stage || e.source !== stage.contentWindow) return;
    const d = e.data as { source?: unknown; key?: unknown };
    if (d?.source !== STAGE_MESSAGE || typeof d.key !== 'string' || d.key.length > 12) return;
    act(d.key, null);
  });

  applyPresenter();
  render();
  return { render };
}
