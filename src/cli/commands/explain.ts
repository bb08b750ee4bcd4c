/**
 * `sentinel explain "text" | --file PATH [--lang zh-CN|zh-TW|en] [--sensitivity S]`:
 * the verdict with every piece of evidence highlighted in the original text, the ask
 * and the lure or pressure it is bound to, and every policy factor that applied (the
 * verdict's trace), for people asking "why was this flagged?" or "why not?".
 */
import { LOCALES, scanPassages, type Locale, type TraceCue, type Verdict } from '../../engine';
import type { CliIo } from '../io';
import { adviceFor, explanationFor } from '../../engine/rule-texts';
import { CORE_RULE_TEXTS } from '../../engine/rules/texts';
import { parseSensitivity, passagesOf } from './scan';

export const summary = 'print a verdict with the evidence highlighted: sentinel explain "text"';

/** Mark every span of the given passage with 【…】 (no terminal colours, so it survives pipes). */
export function highlight(text: string, verdict: Verdict, passage: number): string {
  const marks: Array<[number, number]> = [];
  for (const e of verdict.evidence) for (const s of e.spans) if ((s.passage ?? 0) === passage) marks.push([s.start, s.end]);
  marks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const m of marks) {
    const last = merged[merged.length - 1];
    if (last && m[0] <= last[1]) last[1] = Math.max(last[1], m[1]);
    else merged.push([m[0], m[1]]);
  }
  let out = '';
  let at = 0;
  for (const [s, e] of merged) {
    out += `${text.slice(at, s)}【${text.slice(s, e)}】`;
    at = e;
  }
  return out + text.slice(at);
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseSensitivity(args);
  if (typeof parsed === 'string') {
    io.err(parsed);
    return 2;
  }
  let lang: Locale = 'zh-CN';
  let file: string | null = null;
  const words: string[] = [];
  for (let i = 0; i < parsed.rest.length; i++) {
    const a = parsed.rest[i]!;
    if (a === '--lang') {
      const v = parsed.rest[++i];
      if (!v || !(LOCALES as readonly string[]).includes(v)) {
        io.err(`--lang must be one of ${LOCALES.join('|')}`);
        return 2;
      }
      lang = v as Locale;
    } else if (a === '--file') file = parsed.rest[++i] ?? null;
    else words.push(a);
  }
  let passages: string[];
  if (file) passages = passagesOf(file, io.readFile(file));
  else if (words.length) passages = [words.join(' ')];
  else {
    const stdin = await io.stdin();
    if (!stdin.trim()) {
      io.err('usage: sentinel explain "text" | --file PATH [--lang zh-CN|zh-TW|en] [--sensitivity strict|standard|relaxed]');
      return 2;
    }
    passages = [stdin];
  }
  const v = scanPassages(passages, { sensitivity: parsed.sensitivity });
  io.out(`level: ${v.level}   score: ${v.score}   categories: ${v.categories.join(', ') || '-'}   (sensitivity ${parsed.sensitivity})`);
  for (const l of traceLines(v)) io.out(l);
  if (v.evidence.length === 0) {
    io.out('no evidence: nothing in this text looks like a known fraud pattern.');
    return 0;
  }
  const shown = new Set<number>();
  for (const e of v.evidence) for (const s of e.spans) shown.add(s.passage ?? 0);
  for (const p of [...shown].sort((a, b) => a - b)) {
    const t = highlight(passages[p] ?? '', v, p);
    io.out(`\n[passage ${p}] ${t.length > 1200 ? `${t.slice(0, 1200)}…` : t}`);
  }
  io.out('\nevidence:');
  for (const e of v.evidence) {
    io.out(`  • ${e.ruleId} (${e.category}, +${e.weight}): ${e.quotes.map((q) => `「${q}」`).join(' ')}`);
    io.out(`      ${explanationFor(CORE_RULE_TEXTS, e, lang)}`);
    io.out(`      → ${adviceFor(CORE_RULE_TEXTS, e, lang)}`);
  }
  return 0;
}

const cueText = (c: TraceCue) => `${c.ruleId} [${c.role}] 「${c.quote}」`;

/** The trace as text: binding first, then the window's cues, then the policy factors. */
export function traceLines(v: Verdict): string[] {
  const t = v.trace;
  if (!t) return [];
  const out: string[] = [];
  out.push(t.binding ? `bound: ask ${cueText(t.binding.ask)} ↔ ${t.binding.to.role} ${cueText(t.binding.to)}` : 'bound: none (no ask bound to a lure or pressure in one sentence or two adjacent ones)');
  if (t.cues.length) out.push(`window: ${t.cues.map((c) => `${c.ruleId} [${c.role}] +${c.weight}${c.factor !== 1 ? ` (×${c.factor})` : ''}`).join(', ')}`);
  for (const f of t.factors) out.push(`factor: ${f.name} = ${f.value}  (${f.note})`);
  return out;
}
