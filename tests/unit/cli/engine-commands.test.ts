import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as benchScan from '../../../src/cli/commands/bench-scan';
import * as evalCmd from '../../../src/cli/commands/eval';
import * as explain from '../../../src/cli/commands/explain';
import * as scan from '../../../src/cli/commands/scan';
import { fakeIo } from './fake-io';

const SCAM = '导师带单，保本保息，日收益2%，稳赚不赔，加微信 caifu8866';

describe('sentinel scan', () => {
  it('reads JSONL from stdin and writes one verdict line per input', async () => {
    const { io, out, err } = fakeIo(`${JSON.stringify({ id: 'a', text: SCAM })}\n${JSON.stringify({ id: 'b', text: '今天天气很好' })}\n`);
    expect(await scan.run([], io)).toBe(0);
    expect(err).toEqual([]);
    const lines = out.map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'b']);
    expect(Object.keys(lines[0]).sort()).toEqual(['categories', 'evidence', 'id', 'level', 'score']);
    expect(['medium', 'high']).toContain(lines[0].level);
    expect(lines[1].level).toBe('none');
  });
  it('reports bad lines on stderr, keeps going, exits 1', async () => {
    const { io, out, err } = fakeIo(`not json\n{"id":"x"}\n${JSON.stringify({ id: 'ok', text: SCAM })}\n`);
    expect(await scan.run([], io)).toBe(1);
    expect(err.length).toBe(2);
    expect(out.length).toBe(1);
  });
  it('scans text and HTML files given as arguments', async () => {
    const { io, out } = fakeIo('', {
      'a.txt': SCAM,
      'b.html': `<html><head><title>x</title><script>${SCAM}</script></head><body><p>普通页面</p></body></html>`,
      'c.html': `<html><body><p>${SCAM}</p></body></html>`,
    });
    expect(await scan.run(['a.txt', 'b.html', 'c.html'], io)).toBe(0);
    const levels = out.map((l) => JSON.parse(l).level);
    expect(levels[0]).not.toBe('none');
    expect(levels[1]).toBe('none'); // script text is not visible text
    expect(levels[2]).not.toBe('none');
  });
  it('rejects an unknown sensitivity', async () => {
    const { io, err } = fakeIo();
    expect(await scan.run(['--sensitivity', 'paranoid'], io)).toBe(2);
    expect(err[0]).toMatch(/sensitivity/);
  });
});

describe('sentinel eval', () => {
  const lines = [
    { text: SCAM, label: 'fraud', source: 's1', category: 'investment' },
    { text: '今天天气很好', label: 'fraud', source: 's1', category: 'investment' },
    { text: '今天天气很好', label: 'legit', source: 's1' },
    { text: SCAM, label: 'ad', source: 's2', category: 'ad_retail' },
    { text: SCAM, label: 'fraud', source: 'gen', synthetic: true },
  ].map((l) => JSON.stringify(l));
  it('prints recall and false-positive rows per source/category and writes a JSON report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-'));
    const report = join(dir, 'r.json');
    const { io, out } = fakeIo('', { 'd.jsonl': lines.join('\n') });
    expect(await evalCmd.run(['d.jsonl', '--json', report], io)).toBe(0);
    const table = out.join('\n');
    expect(table).toMatch(/\| s1 \| fraud \| \*\*all\*\* \| 2 \| recall \| 50.00% \|/);
    expect(table).toMatch(/\| s1 \| legit \| \*\*all\*\* \| 1 \| flagged \(FP\) \| 0.00% \|/);
    expect(table).toMatch(/\| s2 \| ad \| \*\*all\*\* \| 1 \| flagged \(FP\) \| 100.00% \|/);
    expect(table).toMatch(/\| gen \(synthetic\) \| fraud \|/);
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.rows.find((r: { group: string }) => r.group === 's1 | fraud | investment')).toMatchObject({ n: 2, medium: 1 });
  });
  it('explains a missing file', async () => {
    const { io, err } = fakeIo();
    expect(await evalCmd.run(['missing.jsonl'], io)).toBe(1);
    expect(err[0]).toMatch(/not found/);
  });
  it('restores corpus placeholders to neutral stand-ins', () => {
    expect(evalCmd.restorePlaceholders('登录URL或致电CELLPHONE')).toBe('登录 http://example-link.top/a 或致电13800000000');
  });
});

describe('sentinel explain', () => {
  it('prints the verdict, highlights evidence and gives advice in the chosen language', async () => {
    const { io, out } = fakeIo();
    expect(await explain.run([SCAM, '--lang', 'en'], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/^level: (medium|high)/);
    expect(text).toContain('【保本保息】');
    expect(text).toMatch(/Promises returns with no risk/);
  });
  it('prints the ask, the lure or pressure it is bound to, and every policy factor', async () => {
    const { io, out } = fakeIo();
    await explain.run([SCAM], io);
    const text = out.join('\n');
    expect(text).toMatch(/^bound: ask \S+ \[(ask|mechanism)\] 「[^」]+」 ↔ (lure|pressure|mechanism) /m);
    expect(text).toMatch(/^window: /m);
    expect(text).toMatch(/^factor: evidence = /m);
    expect(text).toMatch(/^factor: offset = /m);
  });
  it('says why words without an ask stay silent', async () => {
    const { io, out } = fakeIo();
    await explain.run(['稳赚不赔，包治百病，百家乐彩金'], io);
    const text = out.join('\n');
    expect(text).toMatch(/^bound: none/m);
    expect(text).toMatch(/^factor: unbound-cap = /m);
  });
  it('says so when nothing is found', async () => {
    const { io, out } = fakeIo();
    await explain.run(['今天天气很好'], io);
    expect(out.join('\n')).toMatch(/no evidence/);
  });
  it('highlight merges overlapping spans', () => {
    const v = { level: 'high' as const, score: 90, categories: [], evidence: [{ spans: [{ start: 0, end: 4, passage: 0 }, { start: 2, end: 6, passage: 0 }] }] } as never;
    expect(explain.highlight('abcdefgh', v, 0)).toBe('【abcdef】gh');
  });
});

describe('sentinel bench scan', () => {
  it('prints one JSON object with charsPerSecond and page20kMs', async () => {
    const { io, out } = fakeIo();
    expect(await benchScan.run(['--json'], io)).toBe(0);
    expect(out.length).toBe(1);
    const r = JSON.parse(out[0]!);
    expect(typeof r.charsPerSecond).toBe('number');
    expect(typeof r.page20kMs).toBe('number');
  }, 60_000);
});
