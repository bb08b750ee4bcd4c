/**
 * Turns the authoring source (zh-CN + en) into pack data (zh-CN + zh-TW + en).
 * Used by scripts/build-rules.ts and by the drift test; never by the extension.
 */
import { CATEGORY_ADVICE, CONTEXT, RULES, VERSION, type Src } from './core.source';
import { parsePack, type PackData } from './schema';

export function buildPackData(toTraditional: (s: string) => string): PackData {
  const loc = (s: Src) => ({ 'zh-CN': s.zh, 'zh-TW': toTraditional(s.zh), en: s.en });
  return parsePack({
    format: 1,
    version: VERSION,
    categoryAdvice: Object.fromEntries(Object.entries(CATEGORY_ADVICE).map(([k, v]) => [k, loc(v)])),
    context: CONTEXT,
    rules: RULES.map((r) => ({
      id: r.id,
      category: r.category,
      ...(r.signal ? { signal: r.signal } : {}),
      weight: r.weight,
      match: r.match,
      ...(r.negatable === undefined ? {} : { negatable: r.negatable }),
      explanation: loc(r.explanation),
      ...(r.advice ? { advice: loc(r.advice) } : {}),
    })),
  });
}
