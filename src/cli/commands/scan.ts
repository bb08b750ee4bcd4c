/**
 * `sentinel scan [FILE…]`: JSONL `{"id","text"}` on stdin, or text/HTML files as
 * arguments → one JSONL verdict `{"id","level","score","categories","evidence"}` per
 * input, using exactly the engine the content script uses.
 * Options: --sensitivity strict|standard|relaxed.
 */
import { scanPassages, SENSITIVITIES, type Sensitivity, type Verdict } from '../../engine';
import { htmlToPassages } from '../../engine/html-text';
import type { CliIo } from '../io';

export const summary = 'scan JSONL {"id","text"} from stdin or text/HTML files → JSONL verdicts';

export const MAX_LINE_CHARS = 5_000_000;

export function looksLikeHtml(name: string, body: string): boolean {
  return /\.x?html?$/i.test(name) || /^\s*(<!doctype html|<html[\s>])/i.test(body.slice(0, 512));
}

export function passagesOf(name: string, body: string): string[] {
  return looksLikeHtml(name, body) ? htmlToPassages(body) : [body];
}

function line(id: string, v: Verdict): string {
  return JSON.stringify({ id, level: v.level, score: v.score, categories: v.categories, evidence: v.evidence });
}

export function parseSensitivity(args: string[]): { sensitivity: Sensitivity; rest: string[] } | string {
  const rest: string[] = [];
  let sensitivity: Sensitivity = 'standard';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--sensitivity') {
      const v = args[++i];
      if (!v || !(SENSITIVITIES as readonly string[]).includes(v)) return `--sensitivity must be one of ${SENSITIVITIES.join('|')}`;
      sensitivity = v as Sensitivity;
    } else rest.push(a);
  }
  return { sensitivity, rest };
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseSensitivity(args);
  if (typeof parsed === 'string') {
    io.err(parsed);
    return 2;
  }
  const { sensitivity, rest } = parsed;
  if (rest.length > 0) {
    let code = 0;
    for (const file of rest) {
      let body: string;
      try {
        body = io.readFile(file);
      } catch (e) {
        io.err(`scan: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
        code = 1;
        continue;
      }
      io.out(line(file, scanPassages(passagesOf(file, body), { sensitivity })));
    }
    return code;
  }
  const input = await io.stdin();
  let code = 0;
  let n = 0;
  for (const raw of input.split('\n')) {
    n++;
    const text = raw.trim();
    if (!text) continue;
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch {
      io.err(`scan: line ${n}: not JSON`);
      code = 1;
      continue;
    }
    const rec = obj as { id?: unknown; text?: unknown };
    if (!rec || typeof rec !== 'object' || typeof rec.text !== 'string') {
      io.err(`scan: line ${n}: expected {"id","text"} with a string text`);
      code = 1;
      continue;
    }
    const id = typeof rec.id === 'string' || typeof rec.id === 'number' ? String(rec.id) : String(n);
    io.out(line(id, scanPassages([rec.text.slice(0, MAX_LINE_CHARS)], { sensitivity })));
  }
  return code;
}
