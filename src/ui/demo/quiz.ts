/**
 * 识骗小测验. Two modes:
 *   solo   one big button per answer ("是诈骗" / "是真的"), the explanation points at the
 *          giveaway parts (highlighted in the item), a score at the end;
 *   room   for an audience: no per-person input; the presenter asks for a show of hands,
 *          then presses "揭晓答案". No score is kept.
 * Items come in a fresh random order every run (crypto random). Nothing is stored.
 */
import type { Locale } from '../../engine/types';
import { dt, type DemoKey } from '../../i18n/demo';
import { cryptoRandom, newRun, QUIZ_ITEMS, score, type QuizRun } from '../../demo/quiz';
import type { QuizItem } from '../../demo/types';
import { el } from '../dom';

export interface QuizDeps {
  locale: Locale;
  /** Random source for the order (default: crypto). */
  random?: (() => number) | undefined;
}

export interface QuizView {
  element: HTMLElement;
}

function itemCard(item: QuizItem, locale: Locale, revealed: boolean): HTMLElement {
  const text = item.text[locale];
  const body = el('p', { class: 'quiz-body', 'data-testid': 'quiz-body' });
  for (const part of text.parts) {
    body.append(part.tell && revealed ? el('mark', { class: 'tell', 'data-testid': 'giveaway' }, part.text) : document.createTextNode(part.text));
  }
  return el(
    'article',
    { class: `quiz-item ${item.kind}`, 'data-testid': 'quiz-item', 'data-item': item.id },
    el('p', { class: 'quiz-kind' }, dt(locale, item.kind === 'sms' ? 'quiz.sms' : 'quiz.page')),
    el('p', { class: 'quiz-from' }, dt(locale, item.kind === 'sms' ? 'quiz.from' : 'quiz.site', { from: text.from })),
    ...(text.title ? [el('h3', {}, text.title)] : []),
    body,
  );
}

export function renderQuiz(deps: QuizDeps): QuizView {
  const { locale } = deps;
  const tx = (k: DemoKey, p?: Record<string, string | number>) => dt(locale, k, p);
  const element = el('section', { class: 'quiz', 'aria-labelledby': 'quiz-title', 'data-testid': 'quiz' });
  let run: QuizRun;
  let index = 0;
  let mode: 'solo' | 'room' = 'solo';

  const start = (m: 'solo' | 'room') => {
    mode = m;
    run = newRun(QUIZ_ITEMS, deps.random ?? cryptoRandom);
    index = 0;
    element.setAttribute('data-mode', m);
    showItem(false, null);
  };

  const intro = () => {
    const solo = el('button', { type: 'button', class: 'big', 'data-testid': 'quiz-solo' }, tx('quiz.modeSolo'));
    const room = el('button', { type: 'button', class: 'big secondary', 'data-testid': 'quiz-room' }, tx('quiz.modeRoom'));
    solo.addEventListener('click', () => start('solo'));
    room.addEventListener('click', () => start('room'));
    element.replaceChildren(el('h2', { id: 'quiz-title' }, tx('quiz.title')), el('p', { class: 'slide-text' }, tx('quiz.intro', { n: QUIZ_ITEMS.length })), el('div', { class: 'actions' }, solo, room));
    solo.focus();
  };

  /** answer: null = not answered yet; true/false = the person said "scam"/"real" (solo). */
  function showItem(revealed: boolean, answer: boolean | null) {
    const item = run.order[index]!;
    const total = run.order.length;
    const parts: HTMLElement[] = [el('p', { class: 'quiz-counter', 'data-testid': 'quiz-counter' }, tx('quiz.counter', { n: index + 1, total })), itemCard(item, locale, revealed)];
    const actions = el('div', { class: 'actions quiz-actions' });
    if (!revealed) {
      if (mode === 'solo') {
        const scam = el('button', { type: 'button', class: 'answer scam', 'data-testid': 'answer-scam' }, tx('quiz.isScam'));
        const real = el('button', { type: 'button', class: 'answer real', 'data-testid': 'answer-real' }, tx('quiz.isReal'));
        scam.addEventListener('click', () => answerWith(true));
        real.addEventListener('click', () => answerWith(false));
        actions.append(scam, real);
      } else {
        const reveal = el('button', { type: 'button', class: 'answer', 'data-testid': 'reveal' }, tx('quiz.reveal'));
        reveal.addEventListener('click', () => showItem(true, null));
        parts.push(el('p', { class: 'slide-text' }, tx('quiz.roomAsk')));
        actions.append(reveal);
      }
    } else {
      const text = item.text[locale];
      const verdict = el('div', { class: `quiz-feedback ${item.scam ? 'is-scam' : 'is-real'}`, role: 'status', 'data-testid': 'quiz-feedback' });
      if (answer !== null) verdict.append(el('p', { class: 'big-word', 'data-testid': 'quiz-result', 'data-right': String(answer === item.scam) }, tx(answer === item.scam ? 'quiz.right' : 'quiz.wrong')));
      verdict.append(el('p', { class: 'strong' }, tx(item.scam ? 'quiz.answerScam' : 'quiz.answerReal')), el('p', {}, tx('quiz.giveaway'), ' ', text.explain));
      parts.push(verdict);
      const last = index === total - 1;
      const next = el('button', { type: 'button', class: 'answer', 'data-testid': last ? 'quiz-finish' : 'quiz-next' }, tx(last ? 'quiz.finish' : 'quiz.next'));
      next.addEventListener('click', () => {
        if (last) finish();
        else {
          index++;
          showItem(false, null);
        }
      });
      actions.append(next);
    }
    element.replaceChildren(el('h2', { id: 'quiz-title' }, tx('quiz.title')), ...parts, actions);
    actions.querySelector('button')?.focus();
  }

  function answerWith(saidScam: boolean) {
    const item = run.order[index]!;
    run.answers.set(item.id, saidScam);
    showItem(true, saidScam);
  }

  function finish() {
    const again = el('button', { type: 'button', class: 'answer', 'data-testid': 'quiz-again' }, tx('quiz.again'));
    again.addEventListener('click', intro);
    const total = run.order.length;
    const summary =
      mode === 'solo'
        ? el('p', { class: 'score', role: 'status', 'data-testid': 'quiz-score', 'data-score': String(score(run)), 'data-total': String(total) }, tx('quiz.score', { score: score(run), total }))
        : el('p', { class: 'score', role: 'status', 'data-testid': 'quiz-room-done' }, tx('quiz.roomDone', { total }));
    element.replaceChildren(el('h2', { id: 'quiz-title' }, tx('quiz.title')), summary, el('div', { class: 'actions' }, again));
    again.focus();
  }

  intro();
  return { element };
}
