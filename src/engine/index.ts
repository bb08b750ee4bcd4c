/**
 * Detection engine entry point. PURE TypeScript: runs identically in the content
 * script, the CLI (Node) and unit tests.
 *
 *   passages ─► units (units.ts) ─► normalize + phrase index + gated regexes (analyze.ts)
 *            ─► windows of adjacent sentences, ask bound to lure/pressure, context (score.ts)
 *            ─► page verdict with a trace (page.ts), all numbers named in policy.ts
 *
 * The rule pack (rules/core.pack.json, built from rules/core.source.ts) and its fitted
 * weights (rules/weights.json, scripts/fit-weights.ts) are compiled once, on first use.
 * They are validated with zod/mini where they are made (scripts/build-rules.ts,
 * scripts/fit-weights.ts) and by tests/unit/engine/rules.test.ts, not on every page: the
 * content script carries no validator for data bundled into it. A pack from anywhere
 * else goes through compilePack (./load-pack.ts), which validates.
 */
import { compileValidPack, type CompiledPack } from './compile';
import type { PackData, WeightsData } from './rules/schema';
import corePack from './rules/core.pack.json';
import coreWeights from './rules/weights.json';
import { createPageScanner, type PageScanner } from './page';
import { scanWithPack } from './scan';
import type { ScanOptions, Verdict } from './types';
import { EMPTY_VERDICT } from './types';
export * from './types';
export { LEVEL_MEANING, THRESHOLDS, levelFor } from './scan';
export type { PageScan, PageScanner } from './page';

let compiled: CompiledPack | null = null;

/** The compiled built-in pack (compiled on first call). */
export function corePackCompiled(): CompiledPack {
  compiled ??= compileValidPack(corePack as PackData, coreWeights as WeightsData);
  return compiled;
}

export function scanText(text: string, options: ScanOptions = {}): Verdict {
  return scanPassages([text], options);
}

export function scanPassages(passages: readonly string[], options: ScanOptions = {}): Verdict {
  try {
    return scanWithPack(corePackCompiled(), passages, options);
  } catch {
    // Never let a bug in matching break the page: an unscannable page is "no verdict".
    return { ...EMPTY_VERDICT, categories: [], evidence: [] };
  }
}

/**
 * A page scanner for the content script: `begin(passages)` then `step(maxChars)` between
 * yields, then `verdict()`. Same verdict as scanPassages for the same passages, however
 * the steps fall; it re-analyses only units whose text changed since the last pass.
 */
export function createScanner(options: ScanOptions = {}): PageScanner {
  const inner = createPageScanner(corePackCompiled(), options);
  const empty = { step: () => true, verdict: () => ({ ...EMPTY_VERDICT, categories: [], evidence: [] }) };
  return {
    begin(passages) {
      try {
        const scan = inner.begin(passages);
        return {
          step: (n) => {
            try {
              return scan.step(n);
            } catch {
              return true;
            }
          },
          verdict: () => {
            try {
              return scan.verdict();
            } catch {
              return { ...EMPTY_VERDICT, categories: [], evidence: [] };
            }
          },
        };
      } catch {
        return empty;
      }
    },
  };
}
