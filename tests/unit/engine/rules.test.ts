import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { compilePack } from '../../../src/engine/load-pack';
import { buildPackData, buildRuleTexts, patternChars } from '../../../src/engine/rules/build';
import corePack from '../../../src/engine/rules/core.pack.json';
import ruleTextsJson from '../../../assets/public/rule-texts.json';
import { parseRuleTexts } from '../../../src/engine/rules/texts-schema';
import { parsePack } from '../../../src/engine/rules/schema';
import { CATEGORIES, LOCALES } from '../../../src/engine/types';
import { adviceFor, explanationFor } from '../../../src/engine/rule-texts';

describe('core rule pack', () => {
  it('is exactly what scripts/build-rules.ts builds from core.source.ts (run it after editing the source)', () => {
    const rebuilt = buildPackData(OpenCC.Converter({ from: 'cn', to: 'tw' }));
    expect(JSON.parse(JSON.stringify(rebuilt))).toEqual(corePack);
  });
  it('rule-texts.json (packaged) is exactly what scripts/build-rules.ts builds, for the same pack version', () => {
    const rebuilt = buildRuleTexts(OpenCC.Converter({ from: 'cn', to: 'tw' }));
    expect(JSON.parse(JSON.stringify(rebuilt))).toEqual(ruleTextsJson);
    expect(parseRuleTexts(ruleTextsJson).version).toBe(corePack.version);
  });
  it('the pack carries no words: explanations and advice are only in rule-texts.json', () => {
    expect(JSON.stringify(corePack)).not.toMatch(/explanation|advice|categoryAdvice/);
  });
  it('validates and compiles', () => {
    const pack = parsePack(corePack);
    expect(pack.version).toMatch(/^\d{4}\.\d{1,2}\.\d{1,3}$/);
    const compiled = compilePack(corePack);
    expect(compiled.rules.length).toBe(pack.rules.length);
  });
  it('has at least two rules for every category and unique ids', () => {
    const pack = parsePack(corePack);
    for (const c of CATEGORIES) expect(pack.rules.filter((r) => r.category === c).length, c).toBeGreaterThanOrEqual(2);
    const ids = pack.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('every rule explains itself and advises in all three locales (rule-texts.json, by rule id)', () => {
    const compiled = compilePack(corePack);
    const texts = parseRuleTexts(ruleTextsJson);
    expect(Object.keys(texts.rules).sort()).toEqual(compiled.rules.map((r) => r.id).sort());
    for (const r of compiled.rules) {
      const category = r.category === 'signal' ? 'investment' : r.category;
      for (const l of LOCALES) {
        const e = { ruleId: r.id, category } as const;
        expect(explanationFor(texts, e, l).trim().length, `${r.id} ${l}`).toBeGreaterThan(3);
        expect(adviceFor(texts, e, l).trim().length, `${r.id} ${l}`).toBeGreaterThan(3);
      }
    }
  });
  it('zh-TW texts are Traditional', () => {
    const texts = parseRuleTexts(ruleTextsJson);
    const tw = Object.values(texts.rules).map((r) => r.explanation['zh-TW']).join('');
    expect(tw).not.toMatch(/[这说们账户钱]/);
  });
});

describe('rule pack validation rejects bad data', () => {
  const base = () => JSON.parse(JSON.stringify(corePack)) as Record<string, unknown> & { rules: Array<Record<string, unknown>> };
  const cases: Array<[string, (p: ReturnType<typeof base>) => void]> = [
    ['unknown format', (p) => (p.format = 2)],
    ['bad version', (p) => (p.version = 'latest')],
    ['unknown category', (p) => (p.rules[0]!.category = 'aliens')],
    ['weight out of range', (p) => (p.rules[0]!.weight = 1000)],
    ['empty phrase list', (p) => (p.rules[0]!.match = { any: [] })],
    ['bad rule id', (p) => (p.rules[0]!.id = 'Has Spaces!')],
    ['not an object', (p) => (p.rules = 'nope' as never)],
  ];
  it.each(cases)('%s', (_name, mutate) => {
    const p = base();
    mutate(p);
    expect(() => parsePack(p)).toThrow(/invalid rule pack/);
  });
  it('an invalid regex fails at compile time', () => {
    const p = base();
    p.rules[0]!.match = { regex: '(', gate: ['x'] };
    expect(() => compilePack(p)).toThrow();
  });
});

describe('Traditional → Simplified table', () => {
  it('pattern-chars.txt matches the pack (rerun scripts/build-rules.ts and gen-t2s.mjs after editing rules)', async () => {
    const { readFileSync } = await import('node:fs');
    const { VARIANTS } = await import('../../../src/engine/normalize');
    const pack = parsePack(corePack);
    const chars = patternChars(pack, VARIANTS);
    const file = readFileSync(new URL('../../../src/engine/data/pattern-chars.txt', import.meta.url), 'utf8').trim();
    expect(file).toBe(chars);
  });
  it('only keeps pairs whose Simplified form some pattern uses, and covers them', async () => {
    const { readFileSync } = await import('node:fs');
    const { T2S_PAIRS } = await import('../../../src/engine/data/t2s');
    const chars = new Set(readFileSync(new URL('../../../src/engine/data/pattern-chars.txt', import.meta.url), 'utf8'));
    for (let i = 0; i < T2S_PAIRS.length; i += 2) expect(chars.has(T2S_PAIRS[i + 1]!)).toBe(true);
    const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const targets = new Set<string>();
    for (let i = 0; i < T2S_PAIRS.length; i += 2) targets.add(T2S_PAIRS[i + 1]!);
    for (const ch of ['稳', '赚', '账', '户', '险', '诈', '骗', '贷']) {
      expect(toTw(ch)).not.toBe(ch);
      expect(targets.has(ch), ch).toBe(true);
    }
  });
});

describe('every rule fires on its own example and stays silent on a near miss', async () => {
  const { RULE_EXAMPLES } = await import('./rule-examples');
  const { analyzeUnit } = await import('../../../src/engine/analyze');
  const { unitsOf } = await import('../../../src/engine/units');
  const { corePackCompiled } = await import('../../../src/engine');
  const fired = (text: string) => new Set(unitsOf([text]).flatMap((u) => analyzeUnit(corePackCompiled(), u, new Set()).cues.map((c) => c.rule.id)));
  it('every rule of the pack has an example', () => {
    const ids = parsePack(corePack).rules.map((r) => r.id);
    expect(RULE_EXAMPLES.map(([id]) => id).sort()).toEqual([...ids].sort());
  });
  describe('warns', () => {
    it.each(RULE_EXAMPLES.map(([id, yes]) => [id, yes]))('%s fires on %s', (id, text) => expect([...fired(text)]).toContain(id));
  });
  describe('stays silent', () => {
    it.each(RULE_EXAMPLES.map(([id, , no]) => [id, no]))('%s stays silent on %s', (id, text) => expect([...fired(text)]).not.toContain(id));
  });
});

describe('rule regexes are validated when the pack is built', async () => {
  const { RULES } = await import('../../../src/engine/rules/core.source');
  const toTw = (s: string) => s;
  const withRegex = (regex: string) => [{ ...RULES[0]!, role: 'ask' as const, match: { regex, gate: ['扣'] } }];
  it('the shipped source builds', () => expect(() => buildPackData(toTw)).not.toThrow());
  it('a regex that does not compile fails the build', () => expect(() => buildPackData(toTw, withRegex('(扣'))).toThrow(/does not compile/));
  it('a regex whose \\d lost its backslash (the old bm.contact-shape bug) fails the build', () => {
    expect(() => buildPackData(toTw, withRegex('扣[^0-9]{0,3}(d{6,11})'))).toThrow(/lost its backslash/);
    expect(() => buildPackData(toTw, withRegex('扣[^0-9]{0,3}(\\d{6,11})'))).not.toThrow();
  });
  it('a rule without a role fails the build', () => {
    expect(() => buildPackData(toTw, [{ ...RULES[0]!, id: 'x.no-role', role: undefined }])).toThrow(/without a role/);
  });
  it('bm.contact-shape matches a real number now', async () => {
    const { scanText } = await import('../../../src/engine');
    expect(scanText('加扣 12345678').trace?.cues.map((c) => c.ruleId)).toContain('bm.contact-shape');
  });
});

describe('fitted weights file', async () => {
  const { parseWeights } = await import('../../../src/engine/rules/schema');
  const weights = (await import('../../../src/engine/rules/weights.json')).default;
  it('holds only numbers keyed by our rule ids (no text, vocabulary or n-grams)', () => {
    const w = parseWeights(weights);
    const ids = new Set(parsePack(corePack).rules.map((r) => r.id));
    for (const [id, v] of Object.entries(w.weights)) {
      expect(ids.has(id), id).toBe(true);
      expect(typeof v).toBe('number');
    }
    expect(Object.keys(weights).sort()).toEqual(['fit', 'format', 'offset', 'weights']);
  });
  it('rejects a malformed file', () => {
    expect(() => parseWeights({ format: 1, offset: 0, weights: { 'Bad Id!': 3 } })).toThrow(/invalid weights/);
    expect(() => parseWeights({ format: 1, offset: 500, weights: {} })).toThrow(/invalid weights/);
  });
});
