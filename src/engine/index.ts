/**
 * Detection engine entry point. PURE TypeScript: runs identically in the content
 * script, the CLI (Node) and unit tests.
 *
 *   page text ─► normalize (normalize.ts) ─► phrase index + gated regexes (compile.ts)
 *             ─► context (report / warning / disclosure / reported speech) ─► score per
 *                segment ─► page verdict (scan.ts)
 *
 * The rule pack (rules/core.pack.json, built from rules/core.source.ts) is validated
 * with zod/mini and compiled once, on first use.
 */
import { compilePack, type CompiledPack } from './compile';
import corePack from './rules/core.pack.json';
import { scanWithPack } from './scan';
import type { ScanOptions, Verdict } from './types';
import { EMPTY_VERDICT } from './types';
export * from './types';
export { LEVEL_MEANING, THRESHOLDS, levelFor } from './scan';

let compiled: CompiledPack | null = null;

/** The compiled built-in pack (compiled on first call). */
export function corePackCompiled(): CompiledPack {
  compiled ??= compilePack(corePack);
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
