/**
 * Turns the authoring source (zh-CN + en) into pack data (zh-CN + zh-TW + en).
 * Used by scripts/build-rules.ts and by the drift test; never by the extension.
 */
import { normalize } from '../normalize';
import { CATEGORY_ADVICE, CONTEXT, ROLES, RULES, VERSION, type Src, type SrcRule } from './core.source';
import { parsePack, type PackData } from './schema';
import { parseRuleTexts, type RuleTextsData } from './texts-schema';

/** Phrases are stored normalized (same function as page text), so loading skips that work. */
const norm = (list: string[]) => [...new Set(list.map((p) => normalize(p).text.trim()).filter(Boolean))];
function normMatch(m: SrcRule['match']): SrcRule['match'] {
  if ('any' in m) return { any: norm(m.any) };
  if ('all' in m) return { ...m, all: m.all.map(norm) };
  return { ...m, gate: norm(m.gate) };
}

export function buildPackData(toTraditional: (s: string) => string, rules: readonly SrcRule[] = RULES): PackData {
  const missing = rules.filter((r) => !(r.role ?? ROLES[r.id])).map((r) => r.id);
  if (missing.length) throw new Error(`rules without a role (add them to ROLES in core.source.ts): ${missing.join(', ')}`);
  const ids = new Set(rules.map((r) => r.id));
  const stale = Object.keys(ROLES).filter((id) => !ids.has(id) && rules === RULES);
  if (stale.length) throw new Error(`ROLES names rules that do not exist: ${stale.join(', ')}`);
  return parsePack({
    format: 1,
    version: VERSION,
    normalized: true,
    context: Object.fromEntries(Object.entries(CONTEXT).map(([k, v]) => [k, norm(v)])),
    rules: rules.map((r) => ({
      id: r.id,
      category: r.category,
      ...(r.signal ? { signal: r.signal } : {}),
      weight: r.weight,
      role: r.role ?? ROLES[r.id],
      match: normMatch(r.match),
      ...(r.negatable === undefined ? {} : { negatable: r.negatable }),
    })),
  });
}

/**
 * The rules' words in three languages (rule-texts.json), by rule id: what the page side
 * no longer carries. Same source, same build as the pack; the drift test pins both.
 */
export function buildRuleTexts(toTraditional: (s: string) => string, rules: readonly SrcRule[] = RULES): RuleTextsData {
  const loc = (s: Src) => ({ 'zh-CN': s.zh, 'zh-TW': toTraditional(s.zh), en: s.en });
  return parseRuleTexts({
    format: 1,
    version: VERSION,
    categoryAdvice: Object.fromEntries(Object.entries(CATEGORY_ADVICE).map(([k, v]) => [k, loc(v)])),
    rules: Object.fromEntries(
      rules.map((r) => [
        r.id,
        { explanation: loc(r.explanation), ...(r.advice ? { advice: loc(r.advice) } : {}), ...(r.category === 'signal' ? { signal: true } : {}) },
      ]),
    ),
  });
}

/**
 * Every Han character any pattern can match (context words, evasion variants, rule
 * phrases, regexes and gates): the filter for scripts/gen-t2s.mjs's runtime table.
 * One definition for the build script and for the drift test that pins its output.
 */
export function patternChars(pack: PackData, variants: readonly (readonly string[])[]): string {
  const patterns: string[] = [...Object.values(pack.context).flat(), ...variants.flat()];
  for (const r of pack.rules) {
    const m = r.match;
    if ('any' in m) patterns.push(...m.any);
    else if ('all' in m) patterns.push(...m.all.flat());
    else patterns.push(m.regex, ...m.gate);
  }
  return [...new Set(patterns.join('').match(/\p{Script=Han}/gu) ?? [])].sort().join('');
}
