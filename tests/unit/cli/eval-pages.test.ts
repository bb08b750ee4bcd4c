import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as evalPages from '../../../src/cli/commands/eval-pages';
import * as evalTexts from '../../../src/cli/commands/eval-texts';
import type { CliIo } from '../../../src/cli/io';

const SCAM = '导师带单，保本保息，日收益2%，稳赚不赔，加微信 caifu8866';
const PLAIN = '今天天气很好，我们去公园散步，看到很多人在放风筝。';

function page(expect: string, body: string, extra = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>t</title><meta name="sentinel-expect" content="${expect}">${extra}</head><body><p>${body}</p></body></html>`;
}

/** A CliIo over the real file system that records what the command prints. */
function realIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), stdin: async () => '', readFile: (p) => readFileSync(p, 'utf8') };
  return { io, out, err };
}

/** tests/pages-shaped temp tree: scam/ with a caught and a missed page, legit/ with a quiet and a warned page. */
function suite() {
  const root = mkdtempSync(join(tmpdir(), 'eval-pages-'));
  mkdirSync(join(root, 'scam', 'nested'), { recursive: true });
  mkdirSync(join(root, 'legit'));
  writeFileSync(join(root, 'scam', 'caught.html'), page('medium+', SCAM, '<meta name="sentinel-category" content="investment"><meta name="sentinel-kind" content="landing">'));
  writeFileSync(join(root, 'scam', 'nested', 'missed.html'), page('high', PLAIN, '<meta name="sentinel-category" content="pension"><meta name="sentinel-kind" content="subtle"><meta name="sentinel-pension-form" content="free-trip">'));
  writeFileSync(join(root, 'scam', 'notes.txt'), SCAM); // not .html: ignored
  writeFileSync(join(root, 'legit', 'quiet.html'), page('silent', PLAIN, '<meta name="sentinel-kind" content="news">'));
  writeFileSync(join(root, 'legit', 'noisy.html'), page('silent', SCAM, '<meta name="sentinel-kind" content="bank">'));
  return root;
}

describe('eval-pages: reading a suite', () => {
  it('reads metadata in either attribute order and classes pages by sentinel-expect', () => {
    expect(evalPages.metaOf('<head><meta content="high" name="sentinel-expect"></head><body>', 'sentinel-expect')).toBe('high');
    const p = evalPages.parsePage('a.html', page('medium+', SCAM, '<meta name="sentinel-pension-form" content="aid-subsidy">'));
    expect(typeof p).toBe('object');
    if (typeof p === 'object') {
      expect(p.cls).toBe('scam');
      expect(p.pensionForm).toBe('aid-subsidy');
    }
    const q = evalPages.parsePage('b.html', page('silent', PLAIN));
    expect(typeof q === 'object' && q.cls).toBe('legit');
  });
  it('reads the page language from <html lang>', () => {
    const p = evalPages.parsePage('tw.html', page('high', SCAM).replace('<html>', '<html lang="zh-TW">'));
    expect(typeof p === 'object' && p.lang).toBe('zh-tw');
  });
  it('rejects a page without a known expectation, naming the file', () => {
    expect(evalPages.parsePage('x.html', '<html><body>hi</body></html>')).toMatch(/^x\.html: sentinel-expect/);
    expect(evalPages.parsePage('y.html', page('maybe', PLAIN))).toMatch(/got maybe/);
  });
  it('warns: a scam page at medium+ is on the right side, one below medium is wrong', () => {
    const root = suite();
    const { pages, problems } = evalPages.loadPages([join(root, 'scam')], { readFile: (p) => readFileSync(p, 'utf8') });
    expect(problems).toEqual([]);
    expect(pages.map((p) => p.file.slice(root.length + 1)).sort()).toEqual(['scam/caught.html', 'scam/nested/missed.html']);
    const results = pages.map((p) => evalPages.judgePage(p));
    expect(results.find((r) => r.page.file.endsWith('caught.html'))!.wrong).toBe(false);
    expect(results.find((r) => r.page.file.endsWith('missed.html'))!.wrong).toBe(true);
  });
  it('stays silent: a legit page below medium is right, a warned one is wrong', () => {
    const root = suite();
    const { pages } = evalPages.loadPages([join(root, 'legit')], { readFile: (p) => readFileSync(p, 'utf8') });
    const results = pages.map((p) => evalPages.judgePage(p));
    expect(results.find((r) => r.page.file.endsWith('quiet.html'))!.wrong).toBe(false);
    expect(results.find((r) => r.page.file.endsWith('noisy.html'))!.wrong).toBe(true);
  });
});

describe('sentinel eval-pages', () => {
  it('prints per-class, per-kind and per-form counts and lists the wrong side', async () => {
    const root = suite();
    const { io, out, err } = realIo();
    expect(await evalPages.run([join(root, 'legit'), join(root, 'scam')], io)).toBe(0);
    expect(err).toEqual([]);
    const text = out.join('\n');
    expect(out[0]).toMatch(/4 pages \(2 scam, 2 legit\)/);
    expect(text).toMatch(/\| scam \| \*\*all\*\* \| 2 \| 1 \| 1 \|/);
    expect(text).toMatch(/\| legit \| \*\*all\*\* \| 2 \| 1 \| 1 \|/);
    expect(text).toMatch(/\| scam \| pension form: free-trip \| 1 \| 0 \| 1 \|/);
    expect(text).toMatch(/\| legit \| kind: bank \| 1 \| 1 \| 0 \|/);
    expect(text).toMatch(/\| scam \| lang: - \| 2 \| 1 \| 1 \|/);
    expect(text).toMatch(/on the wrong side \(2\)/);
    expect(out.some((l) => /MISSED .*missed\.html.*\[subtle \/ free-trip\]/.test(l))).toBe(true);
    expect(out.some((l) => /FALSE .*noisy\.html.*(medium|high) \d+: /.test(l))).toBe(true);
  });
  it('--json: the same counts and wrong-side pages as one JSON object', async () => {
    const root = suite();
    const { io, out } = realIo();
    expect(await evalPages.run(['--json', join(root, 'legit'), join(root, 'scam')], io)).toBe(0);
    const j = JSON.parse(out.join('\n')) as { pages: number; rows: evalPages.CountRow[]; wrong: Array<{ file: string; cls: string; level: string }> };
    expect(j.pages).toBe(4);
    expect(j.rows.find((r) => r.cls === 'scam' && r.group === '*')).toMatchObject({ n: 2, warned: 1 });
    expect(j.wrong.map((w) => w.cls).sort()).toEqual(['legit', 'scam']);
  });
  it('--write-known-misses writes the wrong side relative to the list file', async () => {
    const root = suite();
    const { io } = realIo();
    const list = join(root, 'known-misses.json');
    expect(await evalPages.run([join(root, 'legit'), join(root, 'scam'), '--write-known-misses', list], io)).toBe(0);
    const km = JSON.parse(readFileSync(list, 'utf8')) as evalPages.KnownMiss[];
    expect(km.map((k) => k.file)).toEqual(['legit/noisy.html', 'scam/nested/missed.html']);
    expect(km[1]!.reason).toMatch(/^scam page not warned: (none|low)/);
  });
  it('exits 1 and names unreadable directories and unlabelled pages; 2 on bad usage', async () => {
    const root = suite();
    writeFileSync(join(root, 'legit', 'bare.html'), '<html><body>no metadata</body></html>');
    const { io, err } = realIo();
    expect(await evalPages.run([join(root, 'legit'), join(root, 'nope')], io)).toBe(1);
    expect(err.some((l) => l.includes('bare.html'))).toBe(true);
    expect(err.some((l) => l.includes('nope'))).toBe(true);
    const bad = realIo();
    expect(await evalPages.run([], bad.io)).toBe(2);
    expect(await evalPages.run(['--frobnicate', root], bad.io)).toBe(2);
  });
});

describe('sentinel eval-texts', () => {
  const lines = [
    { id: 'f1', text: SCAM, label: 'fraud', form: 'investment-project', kind: 'sms' },
    { id: 'f2', text: PLAIN, label: 'fraud', form: 'investment-project', kind: 'sms' },
    { id: 'l1', text: PLAIN, label: 'legit', form: null, kind: 'policy' },
    { id: 'l2', text: SCAM, label: 'legit', form: null, kind: 'family' },
  ];
  it('prints recall and false alarms per form and kind, and the texts on the wrong side', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-texts-'));
    const file = join(dir, 't.jsonl');
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
    const { io, out } = realIo();
    expect(await evalTexts.run([file], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/\| form: investment-project \| 2 \| 50\.0% \| 0 \| - \|/);
    expect(text).toMatch(/\| form: no form \| 0 \| - \| 2 \| 50\.0% \|/);
    expect(text).toMatch(/\| legit kind: family \| 0 \| - \| 1 \| 100\.0% \|/);
    expect(text).toMatch(/MISSED +f2/);
    expect(text).toMatch(/FALSE +l2/);
  });
  it('eval-pages --texts appends the same table', async () => {
    const root = suite();
    const file = join(root, 't.jsonl');
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
    const { io, out } = realIo();
    expect(await evalPages.run([join(root, 'scam'), '--texts', file], io)).toBe(0);
    expect(out.join('\n')).toMatch(/pension texts[\s\S]*form: investment-project/);
  });
  it('rejects malformed lines with the line number', () => {
    expect(evalTexts.parseTexts('{"id":"a","text":"x","label":"spam"}')).toMatch(/line 1: label/);
    expect(evalTexts.parseTexts('\n{"id":"a","text":"x","label":"fraud","form":"nope"}')).toMatch(/line 2: unknown form/);
    expect(evalTexts.parseTexts('{"id":"a","text":"x","label":"fraud","form":null}')).toMatch(/needs its pension form/);
    expect(evalTexts.parseTexts('{"id":"a","text":"x","label":"legit"}\n{"id":"a","text":"y","label":"legit"}')).toMatch(/duplicate id a/);
    expect(evalTexts.parseTexts('not json')).toMatch(/line 1: not JSON/);
  });
  it('exits 1 on an unreadable file, 2 on bad usage', async () => {
    const { io, err } = realIo();
    expect(await evalTexts.run(['/nonexistent/t.jsonl'], io)).toBe(1);
    expect(err[0]).toMatch(/cannot read/);
    expect(await evalTexts.run([], io)).toBe(2);
  });
});
