/**
 * Compiles a validated rule pack once into a matcher:
 *  - every phrase (rule phrases, `all` groups, regex gates, context words) is
 *    normalized with the same normalizer as page text and put into ONE first-code-unit
 *    index (Int32Array of 65,536 bucket heads): scanning is one typed-array read per
 *    character, and only characters that can start a phrase do any comparing;
 *  - regexes are compiled once and only run in small windows around their gate hits.
 */
import type { Category } from './types';
import { normalize } from './normalize';
import type { PackData, RoleKind, SignalKind, WeightsData } from './rules/schema';

export interface CompiledRule {
  index: number;
  id: string;
  category: Category | 'signal';
  signal: SignalKind | undefined;
  role: RoleKind;
  /** Fitted weight (rules/weights.json) when there is one, else the hand-written weight. */
  weight: number;
  negatable: boolean;
  kind: 'any' | 'all' | 'regex';
  groups: number; // number of phrase groups (any: 1, all: n, regex: 1 = gates)
  window: number;
  regex: RegExp | null;
  around: [number, number];
}

/** Special targets for context phrases (negative rule indexes). */
export const CTX_REPORT = -1;
export const CTX_WARN = -2;
export const CTX_DISCLOSURE = -3;
export const CTX_NEGATION = -4;
export const CTX_REFUTE = -5;
export const CTX_NEG_SCOPE = -6;

export interface PhraseEntry {
  text: string;
  /** Phrase begins/ends with a Latin letter or digit: require a word boundary there. */
  wordStart: boolean;
  wordEnd: boolean;
  /** Only a gate of regex rules: no word boundary needed AFTER it, the regex checks (qq12345678 must reach it). */
  loose: boolean;
  /** (rule index, group index) pairs; rule index < 0 = context class. */
  targets: number[];
}

export interface CompiledPack {
  version: string;
  rules: CompiledRule[];
  phrases: PhraseEntry[];
  /** first[c] = 1 when some phrase starts with code unit c. */
  first: Int32Array;
  buckets: number[][];
  /** single[c] = 1 + index of the one-code-unit phrase equal to c, or 0. */
  single: Int32Array;
  /** pairs[pairHash(c0, c1)] = index into `buckets` of the longer phrases starting with c0 c1 (hash collisions share), or -1. */
  pairs: Int32Array;
  /** Fitted constant added to every window's evidence (rules/weights.json; 0 without weights). */
  offset: number;
}

export const PAIR_SIZE = 1 << 16;
/** Hash of a phrase's first two code units: a cheap second filter before comparing. */
export const pairHash = (a: number, b: number): number => ((a * 0x9e37) ^ (b * 0x1f)) & (PAIR_SIZE - 1);

const isWord = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);

/**
 * Compile a pack that has been validated already (parsePack / parseWeights in
 * ./rules/schema.ts; ./load-pack.ts compilePack does both). The built-in pack is
 * validated when it is built (scripts/build-rules.ts) and by its drift test, so the
 * content script compiles it without carrying the validator (zod) to every page.
 */
export function compileValidPack(pack: PackData, fitted: WeightsData | null = null): CompiledPack {
  const phraseIndex = new Map<string, PhraseEntry>();
  const addPhrase = (p: string, rule: number, group: number, gate = false) => {
    const text = pack.normalized ? p : normalize(p).text.trim();
    if (!text) return;
    let e = phraseIndex.get(text);
    if (!e) {
      e = { text, wordStart: isWord(text.charCodeAt(0)), wordEnd: isWord(text.charCodeAt(text.length - 1)), loose: gate, targets: [] };
      phraseIndex.set(text, e);
    }
    if (!gate) e.loose = false;
    e.targets.push(rule, group);
  };
  const rules: CompiledRule[] = pack.rules.map((r, index) => {
    const m = r.match;
    let kind: CompiledRule['kind'];
    let groups = 1;
    let window = 0;
    let regex: RegExp | null = null;
    let around: [number, number] = [0, 0];
    if ('any' in m) {
      kind = 'any';
      for (const p of m.any) addPhrase(p, index, 0);
    } else if ('all' in m) {
      kind = 'all';
      groups = m.all.length;
      window = m.window ?? 30;
      m.all.forEach((g, gi) => g.forEach((p) => addPhrase(p, index, gi)));
    } else {
      kind = 'regex';
      regex = new RegExp(m.regex, 'gu');
      around = m.around ?? [20, 40];
      for (const p of m.gate) addPhrase(p, index, 0, true);
    }
    const category = r.category as Category | 'signal';
    return {
      index,
      id: r.id,
      category,
      signal: r.signal,
      role: r.role,
      weight: fitted?.weights[r.id] ?? r.weight,
      negatable: r.negatable ?? true,
      kind,
      groups,
      window,
      regex,
      around,
    };
  });
  pack.context.report.forEach((p) => addPhrase(p, CTX_REPORT, 0));
  pack.context.warn.forEach((p) => addPhrase(p, CTX_WARN, 0));
  pack.context.disclosure.forEach((p) => addPhrase(p, CTX_DISCLOSURE, 0));
  pack.context.negation.forEach((p) => addPhrase(p, CTX_NEGATION, 0));
  pack.context.refute.forEach((p) => addPhrase(p, CTX_REFUTE, 0));
  pack.context.negationScope.forEach((p) => addPhrase(p, CTX_NEG_SCOPE, 0));

  const phrases = [...phraseIndex.values()];
  // first[c] = 1 when any phrase starts with c: the one typed-array read most characters cost.
  const first = new Int32Array(0x10000);
  const single = new Int32Array(0x10000);
  const pairs = new Int32Array(PAIR_SIZE).fill(-1);
  const buckets: number[][] = [];
  phrases.forEach((p, pi) => {
    const c = p.text.charCodeAt(0);
    first[c] = 1;
    if (p.text.length === 1) {
      single[c] = pi + 1;
      return;
    }
    const h = pairHash(c, p.text.charCodeAt(1));
    if (pairs[h] === -1) {
      pairs[h] = buckets.length;
      buckets.push([]);
    }
    buckets[pairs[h]!]!.push(pi);
  });
  // Longest first inside a bucket so a longer phrase is found before its prefix.
  for (const b of buckets) b.sort((a, z) => phrases[z]!.text.length - phrases[a]!.text.length);
  return { version: pack.version, rules, phrases, first, buckets, single, pairs, offset: fitted?.offset ?? 0 };
}
