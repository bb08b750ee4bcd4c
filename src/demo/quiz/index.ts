/** Quiz items with their three languages, and the pure quiz logic (order, scoring). */
import type { QuizItem } from '../types';
import { QUIZ_ZH_TW } from '../zh-tw.generated';
import { QUIZ_SOURCE } from './items';

export const QUIZ_ITEMS: readonly QuizItem[] = QUIZ_SOURCE.map(({ 'zh-CN': zhCN, en, ...meta }) => ({
  ...meta,
  text: { 'zh-CN': zhCN, 'zh-TW': QUIZ_ZH_TW[meta.id] ?? zhCN, en },
}));

/** Fisher–Yates with an injected random source (tests pin it; the page uses crypto). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A uniform random number in [0, 1) from the Web Crypto API. */
export function cryptoRandom(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;
}

export interface QuizRun {
  order: readonly QuizItem[];
  /** Answers given so far, by item id: true = said "scam". */
  answers: Map<string, boolean>;
}

export function newRun(items: readonly QuizItem[], random: () => number): QuizRun {
  return { order: shuffled(items, random), answers: new Map() };
}

/** Right answers so far. */
export function score(run: QuizRun): number {
  let n = 0;
  for (const item of run.order) if (run.answers.has(item.id) && run.answers.get(item.id) === item.scam) n++;
  return n;
}
