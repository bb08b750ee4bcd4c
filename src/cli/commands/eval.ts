/**
 * `sentinel eval FILE.jsonl [--split fit|validation|all] [--json PATH] [--sensitivity S] [--misses N]`
 * Reads labelled lines `{"text","label", "source"?, "category"?, "synthetic"?,
 * "antifraud_or_hard_negative"?}` and prints, per source and per category (synthetic
 * sources apart, `ad` as its own row), the share flagged at medium+ and at high:
 * recall on fraud rows, false-positive rate on legit/ad rows.
 *
 * The dev corpus anonymises contacts as placeholder words (URL, CELLPHONE, QQWECHAT…);
 * eval puts back neutral stand-ins of the same shape (a link, a phone number, a chat
 * id) so rules are measured on text as it would appear on a page. The engine itself
 * knows nothing about the placeholders.
 *
 * The split is fixed by a hash of each line's `id` (splitOf): 70 % `fit` (what
 * scripts/fit-weights.ts may learn weights from), 30 % `validation` (what we report).
 */
import { writeFileSync } from 'node:fs';
import { levelRank, scanText, type Sensitivity, type Verdict } from '../../engine';
import type { CliIo } from '../io';
import { parseSensitivity } from './scan';

export const summary = 'recall / false-positive table of a labelled JSONL file (see npm run eval)';

export interface EvalRow {
  group: string;
  kind: 'recall' | 'fp';
  n: number;
  medium: number;
  high: number;
}

const PLACEHOLDERS: Array<[RegExp, string]> = [
  [/URL/g, ' http://example-link.top/a '],
  [/CELLPHONE/g, '13800000000'],
  [/QQWECHAT/g, '微信 abc12345 '],
  [/WECHAT/g, '微信 abc12345 '],
  [/PHONE/g, '0755-80000000'],
  [/DIGIT/g, '8'],
  [/BANK/g, '6222020000000000000'],
];

/** FNV-1a (32-bit) of the id: a deterministic, platform-independent split. */
export function splitOf(id: string): 'fit' | 'validation' {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 100 < 70 ? 'fit' : 'validation';
}

export type Split = 'fit' | 'validation' | 'all';

export function restorePlaceholders(text: string): string {
  let t = text;
  for (const [re, rep] of PLACEHOLDERS) t = t.replace(re, rep);
  return t;
}

export interface Line {
  id?: string;
  text: string;
  label: string;
  source?: string;
  category?: string;
  synthetic?: boolean;
  antifraud_or_hard_negative?: boolean;
}

export function evaluate(lines: Line[], sensitivity: Sensitivity, onMiss?: (l: Line, level: string) => void, scan: (text: string) => Verdict = (t) => scanText(t, { sensitivity })): EvalRow[] {
  const rows = new Map<string, EvalRow>();
  const add = (group: string, kind: EvalRow['kind'], med: boolean, high: boolean) => {
    let r = rows.get(group);
    if (!r) rows.set(group, (r = { group, kind, n: 0, medium: 0, high: 0 }));
    r.n++;
    if (med) r.medium++;
    if (high) r.high++;
  };
  for (const l of lines) {
    const v = scan(l.source === 'fbs' ? restorePlaceholders(l.text) : l.text);
    const med = levelRank(v.level) >= levelRank('medium');
    const high = v.level === 'high';
    const src = `${l.source ?? 'unknown'}${l.synthetic ? ' (synthetic)' : ''}`;
    const fraud = l.label === 'fraud' || l.label === 'fraud_or_spam';
    const kind = fraud ? 'recall' : 'fp';
    const labelName = l.label === 'ad' ? 'ad' : l.label;
    add(`${src} | ${labelName} | *`, kind, med, high);
    if (l.category) add(`${src} | ${labelName} | ${l.category}`, kind, med, high);
    if (l.antifraud_or_hard_negative) add(`${src} | ${labelName} | antifraud/hard-negative`, kind, med, high);
    if (onMiss && ((fraud && !med) || (!fraud && med))) onMiss(l, v.level);
  }
  return [...rows.values()].sort((a, b) => a.group.localeCompare(b.group));
}

const pct = (x: number, n: number) => (n ? `${((100 * x) / n).toFixed(2)}%` : '-');

export function formatTable(rows: EvalRow[]): string[] {
  const out = ['| source (synthetic apart) | label | category | n | measure | medium+ | high |', '|---|---|---|---:|---|---:|---:|'];
  for (const r of rows) {
    const [src, label, cat] = r.group.split(' | ');
    out.push(`| ${src} | ${label} | ${cat === '*' ? '**all**' : cat} | ${r.n} | ${r.kind === 'recall' ? 'recall' : 'flagged (FP)'} | ${pct(r.medium, r.n)} | ${pct(r.high, r.n)} |`);
  }
  return out;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseSensitivity(args);
  if (typeof parsed === 'string') {
    io.err(parsed);
    return 2;
  }
  let jsonPath: string | null = null;
  let misses = 0;
  let split: Split = 'all';
  const files: string[] = [];
  for (let i = 0; i < parsed.rest.length; i++) {
    const a = parsed.rest[i]!;
    if (a === '--json') jsonPath = parsed.rest[++i] ?? null;
    else if (a === '--misses') misses = Number(parsed.rest[++i] ?? 0) || 0;
    else if (a === '--split') {
      const v = parsed.rest[++i];
      if (v !== 'fit' && v !== 'validation' && v !== 'all') {
        io.err('--split must be fit|validation|all');
        return 2;
      }
      split = v;
    }
    else files.push(a);
  }
  if (files.length !== 1) {
    io.err('usage: sentinel eval FILE.jsonl [--split fit|validation|all] [--json PATH] [--sensitivity strict|standard|relaxed] [--misses N]');
    return 2;
  }
  let body: string;
  try {
    body = io.readFile(files[0]!);
  } catch {
    io.err(`eval: ${files[0]} not found (the dev corpus lives in ../shared/corpus; it is never part of the repo)`);
    return 1;
  }
  const lines: Line[] = [];
  let bad = 0;
  for (const raw of body.split('\n')) {
    if (!raw.trim()) continue;
    try {
      const o = JSON.parse(raw) as Line;
      if (typeof o.text !== 'string' || typeof o.label !== 'string') bad++;
      else if (split === 'all' || splitOf(String(o.id ?? '')) === split) lines.push(o);
    } catch {
      bad++;
    }
  }
  const missed: string[] = [];
  const t0 = performance.now();
  const rows = evaluate(lines, parsed.sensitivity, misses ? (l, level) => missed.length < misses && missed.push(`${level}\t${l.id}\t${l.category}\t${l.text.slice(0, 140)}`) : undefined);
  const ms = performance.now() - t0;
  io.out(`sentinel eval: ${lines.length} texts (split ${split}; ${bad} unreadable lines), sensitivity ${parsed.sensitivity}, ${ms.toFixed(0)} ms`);
  for (const l of formatTable(rows)) io.out(l);
  for (const m of missed) io.err(m);
  if (jsonPath) {
    writeFileSync(jsonPath, `${JSON.stringify({ file: files[0], split, sensitivity: parsed.sensitivity, texts: lines.length, rows }, null, 1)}\n`);
    io.out(`report written to ${jsonPath}`);
  }
  return 0;
}
