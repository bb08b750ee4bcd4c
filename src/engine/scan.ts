/**
 * Scanning entry for a whole passage list in one call (CLI, eval, tests). It is the same
 * code path the content script drives step by step: page.ts owns the page verdict.
 * Levels and thresholds are policy (policy.ts).
 */
import type { CompiledPack } from './compile';
import { createPageScanner } from './page';
import type { ScanOptions, Verdict } from './types';

export { LEVEL_MEANING, MAX_SCAN_CHARS, THRESHOLDS, UNIT_CHARS, levelFor } from './policy';

export function scanWithPack(pack: CompiledPack, passages: readonly string[], options: ScanOptions = {}): Verdict {
  return createPageScanner(pack, options).begin(passages).verdict();
}
