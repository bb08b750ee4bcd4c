/**
 * Format of rule-texts.json: the words of each rule (why a phrase is suspicious, what to
 * do) in zh-CN, zh-TW and en, by rule id, plus each category's advice.
 *
 * Kept apart from the pack (core.pack.json) so the page side does not carry them: the
 * content script only matches; when an alert opens it asks for the explanations of the
 * rule ids it shows (src/engine/rule-texts.ts resolves them). Written by
 * scripts/build-rules.ts into assets/public/ (packaged as /rule-texts.json) and
 * validated here at build time and by the drift test.
 */
import * as z from 'zod/mini';
import { CATEGORIES } from '../types';

const text = z.string().check(z.minLength(1), z.maxLength(400));
const localized = z.object({ 'zh-CN': text, 'zh-TW': text, en: text });

export const ruleTextSchema = z.object({
  explanation: localized,
  /** Own advice; else the category's (for a signal rule: the category it is attributed to, then its explanation). */
  advice: z.optional(localized),
  /** A generic cue (category 'signal'): its advice follows the category of the page it is found in. */
  signal: z.optional(z.literal(true)),
});

export const ruleTextsSchema = z.object({
  format: z.literal(1),
  /** The pack version these texts belong to (core.pack.json `version`). */
  version: z.string().check(z.regex(/^\d{4}\.\d{1,2}\.\d{1,3}$/)),
  categoryAdvice: z.record(z.enum(CATEGORIES), localized),
  rules: z.record(z.string().check(z.regex(/^[a-z0-9_.-]{3,60}$/)), ruleTextSchema),
});

export type RuleTextsData = z.infer<typeof ruleTextsSchema>;

/** Validate an unknown value as rule texts; throws with a readable message on bad data. */
export function parseRuleTexts(value: unknown): RuleTextsData {
  const r = ruleTextsSchema.safeParse(value);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new Error(`invalid rule texts at ${first?.path.join('.') ?? '?'}: ${first?.message ?? 'unknown error'}`);
  }
  return r.data;
}
