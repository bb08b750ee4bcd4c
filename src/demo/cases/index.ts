/** All demo cases with their three languages (zh-TW generated). Order = gallery order. */
import type { DemoCase } from '../types';
import { CASES_ZH_TW } from '../zh-tw.generated';
import { OTHER_CASES } from './others';
import { PENSION_CASES } from './pension';

export const DEMO_CASES: readonly DemoCase[] = [...PENSION_CASES, ...OTHER_CASES].map(({ 'zh-CN': zhCN, en, ...meta }) => ({
  ...meta,
  text: { 'zh-CN': zhCN, 'zh-TW': CASES_ZH_TW[meta.id] ?? zhCN, en },
}));

export function findCase(id: string): DemoCase | undefined {
  return DEMO_CASES.find((c) => c.id === id);
}
