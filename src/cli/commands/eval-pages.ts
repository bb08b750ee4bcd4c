/**
 * `sentinel eval-pages DIR… [--json] [--texts FILE] [--write-known-misses PATH] [--sensitivity S]`
 *
 * Reads every .html file under the given directories (recursively), extracts the
 * visible text exactly as `sentinel scan` does (src/engine/html-text.ts), runs the
 * engine's page verdict (`scanPassages`) and prints warned (medium+) / silent counts
 * per class (scam vs legit, from the page's own metadata), per category, pension form,
 * kind and <html lang>, then every page on the wrong side with its level and top evidence.
 *
 * Page metadata (in <head>):
 *   <meta name="sentinel-expect" content="medium+ | high | silent">   scam pages: medium+ or high
 *   <meta name="sentinel-category" content="…">       (scam pages: an engine category id)
 *   <meta name="sentinel-kind" content="…">           (free text: bank-login, forum-reply…)
 *   <meta name="sentinel-pension-form" content="…">   (pension scams: one of PENSION_FORMS)
 *
 * --texts FILE also runs `eval-texts` on a pension-texts JSONL file.
 * --write-known-misses PATH writes the wrong-side pages as [{file, reason}] (paths
 * relative to PATH's directory), the list tests/unit/engine/page-suite.test.ts reads.
 * Exit code 0 even when pages are on the wrong side (it is a measurement); 1 when a
 * page is unreadable or carries no known expectation; 2 on bad usage.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { levelRank, scanPassages, type Level, type Sensitivity, type Verdict } from '../../engine';
import type { CliIo } from '../io';
import { evalTextsFile, topEvidence } from './eval-texts';
import { parseSensitivity, passagesOf } from './scan';

export { PENSION_FORMS, type PensionForm } from './eval-texts';

export const summary = 'warned / silent counts of a labelled HTML page suite (see npm run eval:pages)';

const SCAM_EXPECT = ['medium+', 'high'] as const;
const LEGIT_EXPECT = ['silent', 'none', 'low'] as const;
/** Largest page read; anything bigger is rejected rather than truncated silently. */
export const MAX_PAGE_BYTES = 4_000_000;

export interface SuitePage {
  /** Path as given (dir joined with the relative file name). */
  file: string;
  cls: 'scam' | 'legit';
  expect: string;
  category: string | null;
  kind: string | null;
  pensionForm: string | null;
  /** <html lang>, lower-cased ('-' when absent). */
  lang: string;
  passages: string[];
}

export interface PageResult {
  page: SuitePage;
  verdict: Verdict;
  warned: boolean;
  /** Scam page below medium, or legit page at medium+. */
  wrong: boolean;
}

function decodeAttr(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The content of <meta name="NAME" content="…"> (either attribute order), or null. */
export function metaOf(html: string, name: string): string | null {
  const head = html.slice(0, Math.max(0, html.search(/<body[\s>]/i)) || 20_000);
  for (const tag of head.match(/<meta\s[^>]*>/gi) ?? []) {
    const n = /\sname\s*=\s*"([^"]*)"/i.exec(tag);
    if (!n || n[1]!.toLowerCase() !== name) continue;
    const c = /\scontent\s*=\s*"([^"]*)"/i.exec(tag);
    return c ? decodeAttr(c[1]!).trim() : null;
  }
  return null;
}

/** Every .html file under dir, sorted, recursively (symlinks not followed). */
export function htmlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, depth: number) => {
    if (depth > 8) return;
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) walk(p, depth + 1);
      else if (st.isFile() && /\.x?html?$/i.test(name)) out.push(p);
    }
  };
  walk(dir, 0);
  return out;
}

/** Parse one page; a string is a rejection message. */
export function parsePage(file: string, html: string): SuitePage | string {
  if (html.length > MAX_PAGE_BYTES) return `${file}: larger than ${MAX_PAGE_BYTES} characters`;
  const expect = metaOf(html, 'sentinel-expect');
  let cls: SuitePage['cls'];
  if (expect && (SCAM_EXPECT as readonly string[]).includes(expect)) cls = 'scam';
  else if (expect && (LEGIT_EXPECT as readonly string[]).includes(expect)) cls = 'legit';
  else return `${file}: sentinel-expect must be one of ${[...SCAM_EXPECT, ...LEGIT_EXPECT].join(' | ')} (got ${expect ?? 'nothing'})`;
  return {
    file,
    cls,
    expect,
    category: metaOf(html, 'sentinel-category'),
    kind: metaOf(html, 'sentinel-kind'),
    pensionForm: metaOf(html, 'sentinel-pension-form'),
    lang: (/<html[^>]*\slang\s*=\s*"([^"]*)"/i.exec(html.slice(0, 2000))?.[1] ?? '-').toLowerCase(),
    passages: passagesOf(file, html),
  };
}

/** Load every page under the directories; problems are returned, not thrown. */
export function loadPages(dirs: readonly string[], io: Pick<CliIo, 'readFile'>): { pages: SuitePage[]; problems: string[] } {
  const pages: SuitePage[] = [];
  const problems: string[] = [];
  for (const dir of dirs) {
    let files: string[];
    try {
      files = statSync(dir).isDirectory() ? htmlFilesUnder(dir) : [dir];
    } catch (e) {
      problems.push(`${dir}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    for (const f of files) {
      let html: string;
      try {
        html = io.readFile(f);
      } catch (e) {
        problems.push(`${f}: cannot read (${e instanceof Error ? e.message : String(e)})`);
        continue;
      }
      const p = parsePage(f, html);
      if (typeof p === 'string') problems.push(p);
      else pages.push(p);
    }
  }
  return { pages, problems };
}

export function judgePage(page: SuitePage, sensitivity: Sensitivity = 'standard'): PageResult {
  const verdict = scanPassages(page.passages, { sensitivity });
  const warned = levelRank(verdict.level) >= levelRank('medium' as Level);
  return { page, verdict, warned, wrong: page.cls === 'scam' ? !warned : warned };
}

export interface CountRow {
  group: string;
  cls: 'scam' | 'legit';
  n: number;
  warned: number;
  high: number;
}

export function countRows(results: readonly PageResult[]): CountRow[] {
  const rows = new Map<string, CountRow>();
  const add = (group: string, r: PageResult) => {
    const key = `${r.page.cls}\u0000${group}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { group, cls: r.page.cls, n: 0, warned: 0, high: 0 }));
    row.n++;
    if (r.warned) row.warned++;
    if (r.verdict.level === 'high') row.high++;
  };
  for (const r of results) {
    add('*', r);
    add(`kind: ${r.page.kind ?? '-'}`, r);
    if (r.page.cls === 'scam') add(`category: ${r.page.category ?? '-'}`, r);
    if (r.page.pensionForm) add(`pension form: ${r.page.pensionForm}`, r);
    add(`lang: ${r.page.lang}`, r);
  }
  const order = (g: string) => (g === '*' ? 0 : g.startsWith('category') ? 1 : g.startsWith('pension') ? 2 : g.startsWith('kind') ? 3 : 4);
  return [...rows.values()].sort((a, b) => a.cls.localeCompare(b.cls) || order(a.group) - order(b.group) || a.group.localeCompare(b.group));
}

const pct = (x: number, n: number) => (n ? `${((100 * x) / n).toFixed(1)}%` : '-');

export function formatRows(rows: readonly CountRow[]): string[] {
  const out = ['| class | group | n | warned (medium+) | silent (< medium) | high | on the right side |', '|---|---|---:|---:|---:|---:|---:|'];
  for (const r of rows) {
    const right = r.cls === 'scam' ? r.warned : r.n - r.warned;
    out.push(`| ${r.cls} | ${r.group === '*' ? '**all**' : r.group} | ${r.n} | ${r.warned} | ${r.n - r.warned} | ${r.high} | ${pct(right, r.n)} |`);
  }
  return out;
}

export interface KnownMiss {
  file: string;
  reason: string;
}

/** Wrong-side pages as known-miss entries, paths relative to baseDir with forward slashes. */
export function knownMissesOf(results: readonly PageResult[], baseDir: string): KnownMiss[] {
  return results
    .filter((r) => r.wrong)
    .map((r) => ({
      file: relative(baseDir, r.page.file).split(sep).join('/'),
      reason: `${r.page.cls} page ${r.page.cls === 'scam' ? 'not warned' : 'warned'}: ${topEvidence(r.verdict)}`,
    }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseSensitivity(args);
  if (typeof parsed === 'string') {
    io.err(parsed);
    return 2;
  }
  let json = false;
  let texts: string | null = null;
  let writeKnown: string | null = null;
  const dirs: string[] = [];
  for (let i = 0; i < parsed.rest.length; i++) {
    const a = parsed.rest[i]!;
    if (a === '--json') json = true;
    else if (a === '--texts') texts = parsed.rest[++i] ?? null;
    else if (a === '--write-known-misses') writeKnown = parsed.rest[++i] ?? null;
    else if (a.startsWith('--')) {
      io.err(`eval-pages: unknown option ${a}`);
      return 2;
    } else dirs.push(a);
  }
  if (dirs.length === 0 || (parsed.rest.includes('--texts') && !texts) || (parsed.rest.includes('--write-known-misses') && !writeKnown)) {
    io.err('usage: sentinel eval-pages DIR… [--json] [--texts pension-texts.jsonl] [--write-known-misses PATH] [--sensitivity strict|standard|relaxed]');
    return 2;
  }
  const { pages, problems } = loadPages(dirs, io);
  const results = pages.map((p) => judgePage(p, parsed.sensitivity));
  const rows = countRows(results);
  const wrong = results.filter((r) => r.wrong);
  const textReport = texts ? evalTextsFile(texts, io, parsed.sensitivity) : null;
  if (json) {
    io.out(
      JSON.stringify({
        sensitivity: parsed.sensitivity,
        pages: results.length,
        rows,
        wrong: wrong.map((r) => ({ file: r.page.file, cls: r.page.cls, kind: r.page.kind, category: r.page.category, pensionForm: r.page.pensionForm, level: r.verdict.level, score: r.verdict.score, evidence: topEvidence(r.verdict) })),
        problems,
        texts: textReport && typeof textReport !== 'string' ? textReport : undefined,
      }),
    );
  } else {
    io.out(`sentinel eval-pages: ${results.length} pages (${results.filter((r) => r.page.cls === 'scam').length} scam, ${results.filter((r) => r.page.cls === 'legit').length} legit), sensitivity ${parsed.sensitivity}`);
    for (const l of formatRows(rows)) io.out(l);
    io.out('');
    io.out(wrong.length ? `on the wrong side (${wrong.length}):` : 'on the wrong side: none');
    for (const r of wrong) io.out(`  ${r.page.cls === 'scam' ? 'MISSED ' : 'FALSE  '} ${r.page.file}  [${r.page.kind ?? '-'}${r.page.pensionForm ? ` / ${r.page.pensionForm}` : ''}]  ${topEvidence(r.verdict)}`);
    if (textReport && typeof textReport !== 'string') {
      io.out('');
      io.out(`pension texts (${texts}):`);
      for (const l of textReport.lines) io.out(l);
    }
  }
  if (textReport && typeof textReport === 'string') io.err(textReport);
  for (const p of problems) io.err(`eval-pages: ${p}`);
  if (writeKnown) {
    const list = knownMissesOf(results, dirname(writeKnown));
    writeFileSync(writeKnown, `${JSON.stringify(list, null, 2)}\n`);
    io.err(`eval-pages: ${list.length} known misses written to ${writeKnown}`);
  }
  return problems.length || typeof textReport === 'string' ? 1 : 0;
}
