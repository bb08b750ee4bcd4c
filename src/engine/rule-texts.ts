/**
 * A rule's words, looked up by rule id when evidence is shown. PURE.
 *
 * The pack (core.pack.json) only matches; the explanation and advice of every rule in
 * zh-CN / zh-TW / en live in rule-texts.json (format: ./rules/texts-schema.ts, written
 * by scripts/build-rules.ts, packaged at RULE_TEXTS_PATH). Every page carries the
 * matcher; only a page whose alert opens asks for the few explanations it shows.
 *
 * Worked example: evidence { ruleId: 'inv.guaranteed-profit', category: 'investment' }
 *   explanationFor(texts, e, 'zh-CN') → texts.rules['inv.guaranteed-profit'].explanation['zh-CN']
 *   adviceFor(texts, e, 'en')        → the rule's own advice, else texts.categoryAdvice.investment.en
 * A generic cue (signal: true) found on an investment page gets the investment advice.
 * Evidence that brings its own words (a listed identifier) keeps them.
 */
import type { Category, Evidence, Locale, LocalizedText } from './types';

/** Where the packaged file is (extension root; scripts/build-rules.ts writes assets/public/rule-texts.json). */
export const RULE_TEXTS_PATH = '/rule-texts.json';

export interface RuleTexts {
  version: string;
  categoryAdvice: Partial<Record<Category, LocalizedText>>;
  rules: Record<string, { explanation: LocalizedText; advice?: LocalizedText; signal?: true }>;
}

type Shown = Pick<Evidence, 'ruleId' | 'category' | 'explanation' | 'advice'>;

/** Own key only: a rule id from a page may be '__proto__' or 'constructor'. */
function ruleOf(texts: RuleTexts | null, ruleId: string) {
  return texts && Object.hasOwn(texts.rules, ruleId) ? texts.rules[ruleId] : undefined;
}

const pick = (t: LocalizedText | undefined, locale: Locale): string => (t && typeof t[locale] === 'string' ? t[locale] : '');

/** Why this evidence is suspicious, in `locale`; '' when nobody wrote it (callers fall back to the category name). */
export function explanationFor(texts: RuleTexts | null, e: Shown, locale: Locale): string {
  return pick(e.explanation, locale) || pick(ruleOf(texts, e.ruleId)?.explanation, locale);
}

/** What to do about it, in `locale`; '' when unknown. */
export function adviceFor(texts: RuleTexts | null, e: Shown, locale: Locale): string {
  if (e.advice) return pick(e.advice, locale);
  const rule = ruleOf(texts, e.ruleId);
  const category = texts && Object.hasOwn(texts.categoryAdvice, e.category) ? texts.categoryAdvice[e.category] : undefined;
  if (!rule) return pick(category, locale);
  // A generic cue advises as the page's category does; a category rule has its own or its category's.
  return rule.signal ? pick(category ?? rule.advice ?? rule.explanation, locale) : pick(rule.advice ?? category, locale);
}

/** The explanations of these rule ids in one locale (what the page asks for when its alert opens); unknown ids are left out. */
export function explanationsById(texts: RuleTexts | null, ruleIds: readonly string[], locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of ruleIds) {
    const text = pick(ruleOf(texts, id)?.explanation, locale);
    if (text) out[id] = text;
  }
  return out;
}
