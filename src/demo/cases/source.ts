/** Authoring shape of a demo case: zh-CN and en written by hand; zh-TW is generated (src/demo/zh-tw.generated.ts). */
import type { CaseText, DemoCaseMeta } from '../types';

export type DemoCaseSource = DemoCaseMeta & { 'zh-CN': CaseText; en: CaseText };
