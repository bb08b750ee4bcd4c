/**
 * `sentinel eval-texts FILE.jsonl [--json] [--sensitivity S]`: recall and false alarms
 * per pension form of short labelled texts (tests/pages/pension-texts.jsonl):
 *   {"id","text","label":"fraud"|"legit","form":<pension form id>|null,"kind"}
 * Fraud rows count toward recall of their form; legit rows toward false alarms of
 * their form (null form → "no form") and of their kind. Every text on the wrong side
 * is listed with its level and top evidence.
 */
import { levelRank, scanText, type Sensitivity, type Verdict } from '../../engine';
import type { CliIo } from '../io';
import { parseSensitivity } from './scan';

export const summary = 'recall / false alarms per pension form of a labelled short-text JSONL (pension-texts.jsonl)';

export const MAX_TEXT_CHARS = 20_000;

/** The 养老诈骗 forms the page suite and the pension texts are labelled with. */
export const PENSION_FORMS = [
  'investment-project',
  'health-products',
  'free-trip',
  'house-for-pension',
  'insurance-agent',
  'aid-subsidy',
  'care-apartment',
  'collectibles-buyback',
  'consumption-rebate',
] as const;
export type PensionForm = (typeof PENSION_FORMS)[number];

/** "level score: rule「quote」, …" — the strongest few pieces of evidence. */
export function topEvidence(v: Verdict, n = 3): string {
  const ev = [...v.evidence].sort((a, b) => b.weight - a.weight).slice(0, n);
  const parts = ev.map((e) => `${e.ruleId}「${e.quotes.slice(0, 2).join('|').slice(0, 40)}」`);
  return `${v.level} ${v.score}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}


export interface PensionText {
  id: string;
  text: string;
  label: 'fraud' | 'legit';
  form: string | null;
  kind: string | null;
}

export interface TextRow {
  group: string;
  fraud: number;
  caught: number;
  legit: number;
  falseAlarms: number;
}

export interface TextReport {
  texts: number;
  rows: TextRow[];
  wrong: Array<{ id: string; label: string; form: string | null; evidence: string }>;
  /** Human-readable table + wrong-side listing. */
  lines: string[];
}

/** Parse the JSONL; a string is a rejection message naming the first bad line. */
export function parseTexts(body: string): PensionText[] | string {
  const out: PensionText[] = [];
  const seen = new Set<string>();
  let n = 0;
  for (const raw of body.split('\n')) {
    n++;
    if (!raw.trim()) continue;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return `line ${n}: not JSON`;
    }
    if (!o || typeof o !== 'object' || typeof o.id !== 'string' || typeof o.text !== 'string') return `line ${n}: expected {"id","text","label","form","kind"}`;
    if (o.label !== 'fraud' && o.label !== 'legit') return `line ${n}: label must be fraud or legit`;
    if (o.form !== null && o.form !== undefined && !(PENSION_FORMS as readonly unknown[]).includes(o.form)) return `line ${n}: unknown form ${String(o.form)}`;
    if (o.label === 'fraud' && !o.form) return `line ${n}: a fraud text needs its pension form`;
    if (seen.has(o.id)) return `line ${n}: duplicate id ${o.id}`;
    if (o.text.length > MAX_TEXT_CHARS) return `line ${n}: text longer than ${MAX_TEXT_CHARS} characters`;
    seen.add(o.id);
    out.push({ id: o.id, text: o.text, label: o.label, form: (o.form as string | null | undefined) ?? null, kind: typeof o.kind === 'string' ? o.kind : null });
  }
  return out;
}

const pct = (x: number, n: number) => (n ? `${((100 * x) / n).toFixed(1)}%` : '-');

export function evalTexts(texts: readonly PensionText[], sensitivity: Sensitivity = 'standard'): TextReport {
  const rows = new Map<string, TextRow>();
  const row = (group: string) => {
    let r = rows.get(group);
    if (!r) rows.set(group, (r = { group, fraud: 0, caught: 0, legit: 0, falseAlarms: 0 }));
    return r;
  };
  const wrong: TextReport['wrong'] = [];
  for (const t of texts) {
    const v = scanText(t.text, { sensitivity });
    const warned = levelRank(v.level) >= levelRank('medium');
    const groups = ['*', `form: ${t.form ?? 'no form'}`, ...(t.label === 'legit' && t.kind ? [`legit kind: ${t.kind}`] : [])];
    for (const g of groups) {
      const r = row(g);
      if (t.label === 'fraud') {
        r.fraud++;
        if (warned) r.caught++;
      } else {
        r.legit++;
        if (warned) r.falseAlarms++;
      }
    }
    if ((t.label === 'fraud') !== warned) wrong.push({ id: t.id, label: t.label, form: t.form, evidence: topEvidence(v) });
  }
  const order = (g: string) => (g === '*' ? 0 : g.startsWith('form') ? 1 : 2);
  const sorted = [...rows.values()].sort((a, b) => order(a.group) - order(b.group) || a.group.localeCompare(b.group));
  const lines = ['| group | fraud n | recall (medium+) | legit n | false alarms (medium+) |', '|---|---:|---:|---:|---:|'];
  for (const r of sorted) lines.push(`| ${r.group === '*' ? '**all**' : r.group} | ${r.fraud} | ${pct(r.caught, r.fraud)} | ${r.legit} | ${pct(r.falseAlarms, r.legit)} |`);
  lines.push('');
  lines.push(wrong.length ? `texts on the wrong side (${wrong.length}):` : 'texts on the wrong side: none');
  for (const w of wrong) lines.push(`  ${w.label === 'fraud' ? 'MISSED ' : 'FALSE  '} ${w.id}  [${w.form ?? '-'}]  ${w.evidence}`);
  return { texts: texts.length, rows: sorted, wrong, lines };
}

/** Read, parse and evaluate a file; a string is an error message. */
export function evalTextsFile(path: string, io: Pick<CliIo, 'readFile'>, sensitivity: Sensitivity): TextReport | string {
  let body: string;
  try {
    body = io.readFile(path);
  } catch (e) {
    return `eval-texts: cannot read ${path} (${e instanceof Error ? e.message : String(e)})`;
  }
  const texts = parseTexts(body);
  return typeof texts === 'string' ? `eval-texts: ${path}: ${texts}` : evalTexts(texts, sensitivity);
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseSensitivity(args);
  if (typeof parsed === 'string') {
    io.err(parsed);
    return 2;
  }
  const json = parsed.rest.includes('--json');
  const files = parsed.rest.filter((a) => a !== '--json');
  if (files.length !== 1 || files[0]!.startsWith('--')) {
    io.err('usage: sentinel eval-texts FILE.jsonl [--json] [--sensitivity strict|standard|relaxed]');
    return 2;
  }
  const report = evalTextsFile(files[0]!, io, parsed.sensitivity);
  if (typeof report === 'string') {
    io.err(report);
    return 1;
  }
  if (json) io.out(JSON.stringify({ sensitivity: parsed.sensitivity, texts: report.texts, rows: report.rows, wrong: report.wrong }));
  else {
    io.out(`sentinel eval-texts: ${report.texts} texts, sensitivity ${parsed.sensitivity}`);
    for (const l of report.lines) io.out(l);
  }
  return 0;
}
