/**
 * Rule-pack format, validated with zod/mini when a pack is loaded (the content script
 * must stay small: full zod is ~85 KB, zod/mini a fraction of it).
 *
 * A pack is DATA: the engine never trusts it blindly (packs may later come from a
 * subscription), so every field is checked and bounded here.
 */
import * as z from 'zod/mini';
import { CATEGORIES } from '../types';

const phrase = z.string().check(z.minLength(1), z.maxLength(60));
const phrases = z.array(phrase).check(z.minLength(1), z.maxLength(400));

/** What a cue does in a scam; see ROLES in core.source.ts and src/engine/policy.ts. */
export const ROLES = ['ask', 'lure', 'pressure', 'mechanism', 'topic'] as const;
export type RoleKind = (typeof ROLES)[number];

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
  role: z.enum(ROLES),
  match: matcherSchema,
  /** Default true: a hit right after a negation/warning word (不要, 切勿, 谨防, never…) is ignored. */
  negatable: z.optional(z.boolean()),
  // A rule's words (explanation, advice, in three languages) are not part of the pack:
  // they live in rule-texts.json (./texts-schema.ts), read only when evidence is shown.
});

export const packSchema = z.object({
  format: z.literal(1),
  version: z.string().check(z.regex(/^\d{4}\.\d{1,2}\.\d{1,3}$/)),
  /** true when every phrase is already in normalized form (built packs): compiling skips normalizing them. */
  normalized: z.optional(z.boolean()),
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
  for (const rule of r.data.rules) if ('regex' in rule.match) checkRegex(rule.id, rule.match.regex);
  return r.data;
}

/**
 * A rule regex must compile (with the `u` flag the engine uses) and must not show the
 * scar of a lost backslash: `'\d{6}'` written in a plain string becomes `d{6}` (a
 * literal letter repeated), which is how bm.contact-shape silently matched 扣dddddd and
 * never 扣123456. A quantified bare d/w/s/b after a bracket, bar or start is refused.
 */
export function checkRegex(id: string, source: string): void {
  try {
    new RegExp(source, 'gu');
  } catch (e) {
    throw new Error(`invalid rule pack: rule ${id}: regex does not compile: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (/(^|[(|\]])[dwsb]\{\d/.test(source) || /(^|[(|])[dwsb][+*](?![a-z])/.test(source)) {
    throw new Error(`invalid rule pack: rule ${id}: regex quantifies a bare letter (${source.slice(0, 40)}…): a \\d or \\w lost its backslash?`);
  }
}

/**
 * Fitted weights (rules/weights.json, written by scripts/fit-weights.ts): one number per
 * OUR rule id and a constant offset, nothing else — no text, vocabulary or n-gram learned
 * from any corpus can ship in this file. `fit` records how they were made.
 */
export const weightsSchema = z.object({
  format: z.literal(1),
  offset: z.number().check(z.minimum(-100), z.maximum(100)),
  weights: z.record(z.string().check(z.regex(/^[a-z0-9_.-]{3,60}$/)), z.number().check(z.minimum(0), z.maximum(100))),
  fit: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});
export type WeightsData = z.infer<typeof weightsSchema>;

export function parseWeights(value: unknown): WeightsData {
  const r = weightsSchema.safeParse(value);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new Error(`invalid weights file at ${first?.path.join('.') ?? '?'}: ${first?.message ?? 'unknown error'}`);
  }
  return r.data;
}
