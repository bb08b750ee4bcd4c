/** The zh-CN texts that scripts/demo-zh-tw.ts converts to zh-TW (and the drift test re-checks). */
import { demoZhCN } from '../i18n/demo/zh-CN';
import { PENSION_CASES } from './cases/pension';
import { OTHER_CASES } from './cases/others';
import { QUIZ_SOURCE } from './quiz/items';
import type { CaseText, QuizText } from './types';

export function demoZhTwSources() {
  return {
    ui: demoZhCN as Record<string, string>,
    cases: Object.fromEntries([...PENSION_CASES, ...OTHER_CASES].map((c) => [c.id, c['zh-CN']])) as Record<string, CaseText>,
    quiz: Object.fromEntries(QUIZ_SOURCE.map((q) => [q.id, q['zh-CN']])) as Record<string, QuizText>,
  };
}
