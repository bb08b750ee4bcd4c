import { describe, expect, it } from 'vitest';
import { levelRank, scanPassages, scanText, type Verdict } from '../../../src/engine';
import { CATEGORIES } from '../../../src/engine/types';
import { adviceFor, explanationFor } from '../../../src/engine/rule-texts';
import { CORE_RULE_TEXTS } from '../../../src/engine/rules/texts';
import { SILENT, WARNS } from './cases';

const atLeastMedium = (v: Verdict) => levelRank(v.level) >= levelRank('medium');

describe('warns (medium or higher, right category)', () => {
  it.each(WARNS)('%s: %s', (category, text) => {
    const v = scanText(text);
    expect(atLeastMedium(v), JSON.stringify({ level: v.level, score: v.score, rules: v.evidence.map((e) => e.ruleId) })).toBe(true);
    expect(v.categories).toContain(category);
  });
  it('covers every category', () => {
    const covered = new Set(WARNS.map(([c]) => c));
    for (const c of CATEGORIES) expect(covered.has(c), c).toBe(true);
  });
});

describe('stays silent (below medium)', () => {
  it.each(SILENT)('%s', (_name, text) => {
    const v = scanText(text);
    expect(atLeastMedium(v), JSON.stringify({ level: v.level, score: v.score, rules: v.evidence.map((e) => e.ruleId) })).toBe(false);
  });
});

const SCAM = '内部消息，导师带单，保本保息，日收益2%，稳赚不赔，加微信 caifu8866 进群。';
const OBFUSCATED: Array<[string, string]> = [
  ['spaces between characters', '内 部 消 息 ， 导 师 带 单 ， 保 本 保 息 ， 日 收 益 2% ， 稳 赚 不 赔 ， 加 微 信 caifu8866'],
  ['dots and stars', '导.师.带.单，保*本*保*息，稳~赚~不~赔，加 V信 caifu8866'],
  ['Traditional characters', '內部消息，導師帶單，保本保息，日收益2%，穩賺不賠，加薇信 caifu8866 進群。'],
  ['full-width letters and digits', '导师带单，保本保息，日收益２％，稳赚不赔，加ＶＸ：ｃａｉｆｕ８８６６'],
  ['zero-width characters', '导\u200b师\u200b带\u200b单，保\u200d本\u200d保\u200d息，稳\ufeff赚\ufeff不\ufeff赔，加微信 caifu8866'],
  ['emoji between characters', '导🔥师🔥带🔥单，保💰本💰保💰息，稳😀赚😀不😀赔，威❤ caifu8866'],
  ['Chinese numerals for the rate', '导师带单，保本保息，日收益百分之二，稳赚不赔，加扣扣 12345678'],
];

describe('obfuscation vectors still warn', () => {
  it('baseline', () => expect(atLeastMedium(scanText(SCAM))).toBe(true));
  it.each(OBFUSCATED)('%s', (_name, text) => {
    const v = scanText(text);
    expect(atLeastMedium(v), `${v.level} ${v.score}`).toBe(true);
    expect(v.categories).toContain('investment');
  });
  it('one passage per character (text split into spans)', () => {
    const v = scanPassages([...SCAM]);
    expect(atLeastMedium(v)).toBe(true);
  });
});

describe('evidence', () => {
  it('spans point at the original text and quotes match them', () => {
    const text = '你好！內部消息：保 本 保 息，穩賺不賠，加薇信 caifu8866';
    const v = scanText(text);
    expect(v.evidence.length).toBeGreaterThan(0);
    for (const e of v.evidence) {
      expect(e.spans.length).toBe(e.quotes.length);
      e.spans.forEach((s, k) => {
        expect(s.start).toBeGreaterThanOrEqual(0);
        expect(s.end).toBeLessThanOrEqual(text.length);
        expect(text.slice(s.start, s.end)).toBe(e.quotes[k]);
      });
      // Rule evidence carries no words (looked up by ruleId in rule-texts.json), but every id has them there.
      expect(e.explanation).toBeUndefined();
      for (const loc of ['zh-CN', 'zh-TW', 'en'] as const) {
        expect(explanationFor(CORE_RULE_TEXTS, e, loc).length).toBeGreaterThan(0);
        expect(adviceFor(CORE_RULE_TEXTS, e, loc).length).toBeGreaterThan(0);
      }
    }
    const quotes = v.evidence.flatMap((e) => e.quotes);
    expect(quotes).toContain('保 本 保 息');
    expect(quotes.some((q) => q.includes('薇信'))).toBe(true);
  });
  it('scanPassages reports the passage index of each span', () => {
    const passages = ['公司简介', '今日新闻：天气晴', SCAM];
    const v = scanPassages(passages);
    for (const e of v.evidence) for (const s of e.spans) {
      expect(s.passage).toBe(2);
      expect(passages[2]!.slice(s.start, s.end)).toBe(e.quotes[e.spans.indexOf(s)]);
    }
  });
});

describe('context', () => {
  const NEWS = [
    '警方提醒：谨防“导师带单”投资诈骗',
    '近日，市民李先生在网上结识一名自称投资导师的人，对方称“保本保息，日收益2%，稳赚不赔”，诱骗他下载APP充值。',
    '李先生投入二十万元后无法提现，对方又要求缴纳个人所得税才能出金，他这才发现被骗并报警。',
    '民警提示：凡是承诺高收益、要求转账到个人账户的投资都是骗局，如有疑问请拨打96110。',
  ];
  it('an article about fraud stays silent', () => {
    expect(atLeastMedium(scanPassages(NEWS))).toBe(false);
  });
  it('a scam advert inside an otherwise normal page is found', () => {
    const page = ['本地新闻', '明天白天多云转晴，最高气温二十三度。', '图书馆周末开放时间延长到晚上九点。', SCAM, '联系我们 | 关于本站'];
    expect(atLeastMedium(scanPassages(page))).toBe(true);
  });
  it('a scam that sprinkles "谨防假冒" still warns', () => {
    const v = scanText(`${SCAM} 谨防假冒，认准官方唯一客服。`);
    expect(atLeastMedium(v)).toBe(true);
  });
  it('a negated instruction is not the scam’s own instruction', () => {
    expect(atLeastMedium(scanText('银行提示：任何人要求您把钱转入安全账户都不要相信，不要向陌生账户转账。'))).toBe(false);
  });
});

describe('sensitivity presets shift the thresholds', () => {
  const borderline = '朋友推荐了一个虚拟币投资平台，说充值后每天都有收益。';
  it('strict ≥ standard ≥ relaxed', () => {
    for (const text of [borderline, SCAM, ...WARNS.map(([, t]) => t)]) {
      const s = levelRank(scanText(text, { sensitivity: 'strict' }).level);
      const m = levelRank(scanText(text, { sensitivity: 'standard' }).level);
      const r = levelRank(scanText(text, { sensitivity: 'relaxed' }).level);
      expect(s).toBeGreaterThanOrEqual(m);
      expect(m).toBeGreaterThanOrEqual(r);
    }
  });
  it('the same score maps to a higher level under strict', () => {
    const v1 = scanText(borderline, { sensitivity: 'strict' });
    const v2 = scanText(borderline, { sensitivity: 'relaxed' });
    expect(v1.score).toBe(v2.score);
    expect(levelRank(v1.level)).toBeGreaterThan(levelRank(v2.level));
  });
  it('disabled categories drop their evidence', () => {
    const v = scanText(SCAM, { disabledCategories: ['investment'] });
    expect(v.categories).not.toContain('investment');
    expect(v.evidence.every((e) => e.category !== 'investment')).toBe(true);
  });
});

describe('bad input: bounded time, no exception, a verdict', () => {
  const cases: Array<[string, () => unknown]> = [
    ['empty string', () => scanText('')],
    ['empty passage list', () => scanPassages([])],
    ['non-string passages', () => scanPassages([null, 42, undefined, {}] as unknown as string[])],
    ['10 MB of one character', () => scanText('啊'.repeat(10_000_000))],
    ['10 MB of one Latin letter', () => scanText('v'.repeat(10_000_000))],
    ['lone surrogates', () => scanText('\ud800\udc00\ud800x\udfff'.repeat(10000))],
    ['100k one-character passages', () => scanPassages(Array.from({ length: 100_000 }, (_, i) => String.fromCharCode(0x4e00 + (i % 500))))],
  ];
  it.each(cases)('%s', (_name, fn) => {
    const t0 = performance.now();
    const v = fn() as Verdict;
    expect(['none', 'low', 'medium', 'high']).toContain(v.level);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
  it('every Unicode category', () => {
    let s = '';
    for (let cp = 0; cp < 0x30000; cp += 7) s += String.fromCodePoint(cp);
    const v = scanText(s);
    expect(['none', 'low', 'medium', 'high']).toContain(v.level);
  });
});
