/**
 * A pack from anywhere (a file, a subscription, a test): validated, then compiled.
 * The content script does not import this module: it compiles the built-in pack, which
 * was validated at build time, with compileValidPack (./compile.ts), so zod stays off the page.
 */
import { compileValidPack, type CompiledPack } from './compile';
import { parsePack, parseWeights } from './rules/schema';

export function compilePack(raw: unknown, rawWeights?: unknown): CompiledPack {
  return compileValidPack(parsePack(raw), rawWeights === undefined ? null : parseWeights(rawWeights));
}
