/**
 * Where the presenter is, as a URL hash, and how → / ← move through the deck. PURE.
 *   #/                      the case list
 *   #/case/<id>/<step>      one step of one case (steps: CASE_STEPS)
 *   #/quiz  #/handout  #/notes
 * The hash is hostile input (anyone can type it): unknown cases or steps fall back to the list.
 */
import { CASE_STEPS, type CaseStep } from './types';

export type Route =
  | { view: 'list' }
  | { view: 'case'; caseId: string; step: CaseStep }
  | { view: 'quiz' }
  | { view: 'handout' }
  | { view: 'notes' };

export function parseRoute(hash: string, caseIds: readonly string[]): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').slice(0, 4);
  const [head, id, step] = parts;
  if (head === 'quiz' || head === 'handout' || head === 'notes') return { view: head };
  if (head === 'case' && id && caseIds.includes(id)) {
    const s = (CASE_STEPS as readonly string[]).includes(step ?? '') ? (step as CaseStep) : CASE_STEPS[0];
    return { view: 'case', caseId: id, step: s };
  }
  return { view: 'list' };
}

export function routeHash(route: Route): string {
  return route.view === 'case' ? `#/case/${route.caseId}/${route.step}` : route.view === 'list' ? '#/' : `#/${route.view}`;
}

/**
 * Forward: list → first case's first step; a case's last step → the next case's first
 * step; the very last step stays. Back: a case's first step → the list.
 */
export function move(route: Route, dir: 1 | -1, caseIds: readonly string[]): Route {
  if (route.view === 'list') return dir === 1 && caseIds[0] ? { view: 'case', caseId: caseIds[0], step: CASE_STEPS[0] } : route;
  if (route.view !== 'case') return route;
  const i = CASE_STEPS.indexOf(route.step);
  const j = i + dir;
  if (j >= 0 && j < CASE_STEPS.length) return { ...route, step: CASE_STEPS[j]! };
  if (dir === -1) return { view: 'list' };
  const next = caseIds[caseIds.indexOf(route.caseId) + 1];
  return next ? { view: 'case', caseId: next, step: CASE_STEPS[0] } : route;
}

export type KeyAction = 'next' | 'prev' | 'blank' | 'exit' | null;

/**
 * Presenter keys (keyboard and presentation clickers, which send PageDown/PageUp or
 * arrows): →, PageDown, Space forward; ←, PageUp back; B blanks; Esc leaves.
 */
export function keyAction(key: string): KeyAction {
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
    case ' ':
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'prev';
    case 'b':
    case 'B':
      return 'blank';
    case 'Escape':
      return 'exit';
    default:
      return null;
  }
}

/** Session timer text: 65_000 ms → "01:05", 3_725_000 → "1:02:05". */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const hh = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return hh ? `${hh}:${mm}:${ss}` : `${mm}:${ss}`;
}
