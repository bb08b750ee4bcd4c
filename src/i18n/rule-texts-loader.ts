/**
 * Reads the packaged rule texts (/rule-texts.json, src/engine/rule-texts.ts) once per
 * context, on first need: the background when a page's alert asks for explanations,
 * extension pages (popup, warning, demo stage) when they show evidence. The fetch is of
 * our own package file (never the network) and the result is only a cache: a worker
 * restart reads it again.
 */
import type { RuleTexts } from '../engine/rule-texts';

/** A cheap shape check (the file is ours; this guards against a broken build, not an attacker). */
export function asRuleTexts(value: unknown): RuleTexts | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<RuleTexts>;
  const isMap = (x: unknown) => !!x && typeof x === 'object' && !Array.isArray(x);
  return typeof v.version === 'string' && isMap(v.rules) && isMap(v.categoryAdvice) ? (v as RuleTexts) : null;
}

/** `fetchJson` e.g. () => fetch(browser.runtime.getURL(RULE_TEXTS_PATH)).then((r) => r.json()). null when unreadable (tried again next time). */
export function createRuleTextsLoader(fetchJson: () => Promise<unknown>): () => Promise<RuleTexts | null> {
  let loading: Promise<RuleTexts | null> | null = null;
  return () => {
    loading ??= fetchJson()
      .then(asRuleTexts)
      .catch(() => null)
      .then((texts) => {
        if (!texts) loading = null;
        return texts;
      });
    return loading;
  };
}
