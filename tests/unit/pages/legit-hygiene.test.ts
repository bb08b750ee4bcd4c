/**
 * Hygiene of the legitimate half of the page suite (tests/pages/legit/*.html).
 * These pages measure false alarms, so each must be a well-formed, self-contained,
 * silent-expected page: valid UTF-8, balanced markup, the suite's meta tags, no script,
 * no external resource, real visible text, and not a near-copy of another page.
 * The engine verdicts on these pages are checked by the page-suite eval, not here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToPassages } from '../../../src/engine/html-text';

const DIR = join(import.meta.dirname, '../../pages/legit');
const MIN_PAGES = 120;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
// Elements whose end tag HTML lets authors omit; we still require the others to balance.
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'thead', 'tbody']);

interface Page {
  file: string;
  html: string;
  text: string;
}

function meta(html: string, name: string): string | null {
  const m = new RegExp(`<meta\\s+name="${name}"\\s+content="([^"]*)"`, 'i').exec(html);
  return m ? m[1]! : null;
}

/** Unbalanced or mis-nested tags, as a list of messages (empty when the page is well formed). */
function tagProblems(html: string): string[] {
  const body = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(style|title)\b[^>]*>[\s\S]*?<\/\1>/gi, '<$1></$1>');
  const stack: string[] = [];
  const problems: string[] = [];
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g)) {
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    if (VOID.has(tag)) continue;
    if (!closing) {
      stack.push(tag);
      continue;
    }
    // Pop elements whose end tags may be omitted until we reach the matching opener.
    while (stack.length > 0 && stack[stack.length - 1] !== tag && OPTIONAL_END.has(stack[stack.length - 1]!)) stack.pop();
    if (stack[stack.length - 1] === tag) stack.pop();
    else problems.push(`unexpected </${tag}> (open: ${stack.slice(-3).join('>')})`);
  }
  const left = stack.filter((t) => !OPTIONAL_END.has(t));
  if (left.length > 0) problems.push(`unclosed: ${left.join(', ')}`);
  return problems;
}

function bigrams(text: string): Set<string> {
  const s = new Set<string>();
  const t = text.replace(/\s+/g, '');
  for (let i = 0; i + 1 < t.length; i++) s.add(t.slice(i, i + 2));
  return s;
}

const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .sort();

const pages: Page[] = files.map((file) => {
  const bytes = readFileSync(join(DIR, file));
  const html = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  return { file, html, text: htmlToPassages(html).join('\n') };
});

describe('legit page suite: size and naming', () => {
  it(`holds at least ${MIN_PAGES} pages, and nothing else in the folder`, () => {
    expect(pages.length).toBeGreaterThanOrEqual(MIN_PAGES);
    expect(readdirSync(DIR).filter((f) => !f.endsWith('.html'))).toEqual([]);
  });
  it('covers many kinds, several pages each for most', () => {
    const counts = new Map<string, number>();
    for (const p of pages) counts.set(meta(p.html, 'sentinel-kind') ?? '?', (counts.get(meta(p.html, 'sentinel-kind') ?? '?') ?? 0) + 1);
    expect(counts.size).toBeGreaterThanOrEqual(30);
    expect([...counts.values()].filter((n) => n >= 3).length).toBeGreaterThanOrEqual(25);
  });
  it('mixes Simplified Chinese with Traditional Chinese and English pages', () => {
    const lang = (p: Page) => /<html\s+lang="([^"]+)"/.exec(p.html)?.[1] ?? '?';
    const langs = pages.map(lang);
    for (const l of langs) expect(['zh-CN', 'zh-TW', 'zh-HK', 'en']).toContain(l);
    expect(langs.filter((l) => l === 'zh-TW' || l === 'zh-HK').length).toBeGreaterThanOrEqual(10);
    expect(langs.filter((l) => l === 'en').length).toBeGreaterThanOrEqual(6);
    expect(langs.filter((l) => l === 'zh-CN').length).toBeGreaterThan(pages.length / 2);
  });
});

describe.each(pages)('$file', (p) => {
  it('declares utf-8, expects silence and names its kind in the file name', () => {
    expect(p.html.startsWith('<!doctype html>')).toBe(true);
    expect(p.html).toMatch(/<meta charset="utf-8">/i);
    expect(meta(p.html, 'sentinel-expect')).toBe('silent');
    const kind = meta(p.html, 'sentinel-kind');
    expect(kind).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(p.file.startsWith(`${kind}-`)).toBe(true);
    expect(p.file).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.html$/);
  });
  it('is well formed: html, head with title, body, balanced tags', () => {
    expect(p.html).toMatch(/<html\b[^>]*>[\s\S]*<head>[\s\S]*<title>[^<]+<\/title>[\s\S]*<\/head>\s*<body>[\s\S]*<\/body>\s*<\/html>\s*$/);
    expect(tagProblems(p.html)).toEqual([]);
  });
  it('is self-contained: no script, no frame, no external resource', () => {
    expect(p.html).not.toMatch(/<script\b/i);
    expect(p.html).not.toMatch(/<(iframe|frame|object|embed|link)\b/i);
    expect(p.html).not.toMatch(/\b(src|srcset|href|action|poster|data)\s*=\s*"(https?:)?\/\//i);
    expect(p.html).not.toMatch(/\bsrc\s*=/i);
    expect(p.html).not.toMatch(/url\(|@import/i);
    expect(p.html).not.toMatch(/\bon[a-z]+\s*=/i);
  });
  it('has real visible text', () => {
    expect(p.text.replace(/\s/g, '').length).toBeGreaterThanOrEqual(600);
  });
});

describe('legit page suite: no near-duplicates', () => {
  it('no two pages share most of their character bigrams', () => {
    const sets = pages.map((p) => bigrams(p.text));
    const close: string[] = [];
    for (let i = 0; i < pages.length; i++) {
      for (let j = i + 1; j < pages.length; j++) {
        const a = sets[i]!;
        const b = sets[j]!;
        let inter = 0;
        for (const g of a) if (b.has(g)) inter++;
        const jaccard = inter / (a.size + b.size - inter);
        if (jaccard > 0.5) close.push(`${pages[i]!.file} ~ ${pages[j]!.file} (${jaccard.toFixed(2)})`);
      }
    }
    expect(close).toEqual([]);
  });
});

describe('tagProblems (the checker itself)', () => {
  it('accepts omitted optional end tags and rejects a stray or missing end tag', () => {
    expect(tagProblems('<html><body><ul><li>a<li>b</ul><p>x</body></html>')).toEqual([]);
    expect(tagProblems('<html><body><div><span>x</div></body></html>').length).toBeGreaterThan(0);
    expect(tagProblems('<html><body><div>x</body></html>').length).toBeGreaterThan(0);
  });
});
