/**
 * Detection engine entry point. PURE TypeScript: runs identically in the content
 * script, the CLI (Node) and unit tests.
 *
 * NOTE: this is the foundation's minimal real slice (a few phrase rules); the full
 * engine (normalization, rule packs, context, signals) replaces the internals while
 * keeping these two functions' signatures.
 */
import type { Category, Evidence, Level, ScanOptions, Verdict } from './types';
export * from './types';

interface SliceRule {
  id: string;
  category: Category;
  phrases: string[];
  weight: number;
}

const RULES: SliceRule[] = [
  { id: 'inv.guaranteed-return', category: 'investment', phrases: ['保本保息', '稳赚不赔', '零风险高收益'], weight: 40 },
  { id: 'task.advance-payment', category: 'task_scam', phrases: ['刷单返利', '垫付'], weight: 35 },
  { id: 'auth.safe-account', category: 'impersonation_authority', phrases: ['安全账户'], weight: 45 },
];

const LEVEL_BY_SCORE: Array<[number, Level]> = [
  [70, 'high'],
  [40, 'medium'],
  [15, 'low'],
];

export function scanText(text: string, options: ScanOptions = {}): Verdict {
  return scanPassages([text], options);
}

export function scanPassages(passages: readonly string[], options: ScanOptions = {}): Verdict {
  const evidence: Evidence[] = [];
  for (const rule of RULES) {
    if (options.disabledCategories?.includes(rule.category)) continue;
    const spans: Evidence['spans'] = [];
    const quotes: string[] = [];
    passages.forEach((text, passage) => {
      for (const phrase of rule.phrases) {
        let at = text.indexOf(phrase);
        while (at !== -1 && spans.length < 20) {
          spans.push({ start: at, end: at + phrase.length, passage });
          quotes.push(phrase);
          at = text.indexOf(phrase, at + phrase.length);
        }
      }
    });
    if (spans.length === 0) continue;
    const text = { 'zh-CN': rule.id, 'zh-TW': rule.id, en: rule.id };
    evidence.push({ ruleId: rule.id, category: rule.category, spans, quotes, explanation: text, advice: text, weight: rule.weight });
  }
  const score = Math.min(100, evidence.reduce((sum, e) => sum + e.weight, 0));
  const level = LEVEL_BY_SCORE.find(([min]) => score >= min)?.[1] ?? 'none';
  const categories = [...new Set(evidence.map((e) => e.category))];
  return { level, score, categories, evidence };
}
