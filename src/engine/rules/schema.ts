/**
 * Rule-pack format, validated with zod/mini when a pack is loaded (the content script
 * must stay small: full zod is ~85 KB, zod/mini a fraction of it).
 *
 * A pack is DATA: the engine never trusts it blindly (packs may later come from a
 * subscription), so every field is checked and bounded here.
 */
import * as z from 'zod/mini';
import { CATEGORIES } from '../types';

const text = z.string().check(z.minLength(1), z.maxLength(400));
const localized = z.object({ 'zh-CN': text, 'zh-TW': text, en: text });
const phrase = z.string().check(z.minLength(1), z.maxLength(60));
const phrases = z.array(phrase).check(z.minLength(1), z.maxLength(400));

export const SIGNALS = ['contact', 'payment', 'credential', 'urgency', 'secrecy', 'apk', 'url', 'returns', 'request'] as const;
export type SignalKind = (typeof SIGNALS)[number];

export const matcherSchema = z.union([
  /** Any of these phrases. */
  z.object({ any: phrases }),
  /** One phrase of EVERY group, all within `window` normalized characters of the first group's hit. */
  z.object({ all: z.array(phrases).check(z.minLength(2), z.maxLength(4)), window: z.optional(z.number().check(z.minimum(1), z.maximum(400))) }),
  /**
   * A regular expression over the normalized text, run only around hits of `gate`
   * phrases (`around` characters before/after), so its cost is bounded by the gates.
   */
  z.object({
    regex: z.string().check(z.minLength(1), z.maxLength(600)),
    gate: phrases,
    around: z.optional(z.tuple([z.number().check(z.minimum(0), z.maximum(200)), z.number().check(z.minimum(0), z.maximum(200))])),
  }),
]);

export const ruleSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9_.-]{3,60}$/)),
  /** A category, or 'signal' for generic cues (contact, payment…) attributed to the passage's strongest category. */
  category: z.union([z.enum(CATEGORIES), z.literal('signal')]),
  signal: z.optional(z.enum(SIGNALS)),
  weight: z.number().check(z.minimum(1), z.maximum(100)),
  match: matcherSchema,
  /** Default true: a hit right after a negation/warning word (不要, 切勿, 谨防, never…) is ignored. */
  negatable: z.optional(z.boolean()),
  explanation: localized,
  /** Falls back to the category's advice. */
  advice: z.optional(localized),
});

export const packSchema = z.object({
  format: z.literal(1),
  version: z.string().check(z.regex(/^\d{4}\.\d{1,2}\.\d{1,3}$/)),
  /** true when every phrase is already in normalized form (built packs): compiling skips normalizing them. */
  normalized: z.optional(z.boolean()),
  categoryAdvice: z.record(z.enum(CATEGORIES), localized),
  /** Words that mark a reporting / warning context (news, police, court, tips). */
  context: z.object({
    report: phrases,
    warn: phrases,
    /** Phrases of licensed-finance disclosures (投资有风险, 理财非存款…): soften investment cues. */
    disclosure: phrases,
    negation: phrases,
    /** Said right AFTER a cue, these refute it (…都是骗局, …不要相信). */
    refute: phrases,
    /** "Never asks you to …": negates every cue up to the end of the sentence. */
    negationScope: phrases,
  }),
  rules: z.array(ruleSchema).check(z.minLength(1), z.maxLength(2000)),
});

export type RuleData = z.infer<typeof ruleSchema>;
export type PackData = z.infer<typeof packSchema>;
export type MatcherData = z.infer<typeof matcherSchema>;

/** Validate an unknown value as a rule pack; throws with a readable message on bad data. */
export function parsePack(value: unknown): PackData {
  const r = packSchema.safeParse(value);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new Error(`invalid rule pack at ${first?.path.join('.') ?? '?'}: ${first?.message ?? 'unknown error'}`);
  }
  return r.data;
}
