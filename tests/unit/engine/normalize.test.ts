import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, parseChineseNumber } from '../../../src/engine/normalize';

/** Hostile vectors: input → normalized text. Each row is one evasion the matcher must see through. */
const VECTORS: Array<[string, string, string]> = [
  ['spaces between CJK', '保 本 保 息', '保本保息'],
  ['dots between CJK', '保.本.保.息', '保本保息'],
  ['mixed punctuation and emoji between CJK', '稳★赚~不|赔😀', '稳赚不赔'],
  ['newlines between CJK', '安全\n账\r\n户', '安全账户'],
  ['zero-width joiners', '安\u200b全\u200d账\ufeff户', '安全账户'],
  ['bidi and soft hyphen', '刷\u202e单\u00ad返利', '刷单返利'],
  ['full-width Latin and digits', 'ＵＳＤＴ　１２３', 'usdt 123'],
  ['upper case', 'WhatsApp ME', 'whatsapp me'],
  ['mathematical bold letters', '𝐔𝐒𝐃𝐓', 'usdt'],
  ['Cyrillic look-alikes', 'КС4007С', 'kc4007c'],
  ['Traditional Chinese', '穩賺不賠 零風險', '稳赚不赔零风险'],
  ['Traditional + evasion mix', '薇信號', '微信号'],
  ['薇信 → 微信', '加薇信', '加微信'],
  ['V信 → 微信', '加V信', '加微信'],
  ['VX → 微信 (whole token)', 'VX：abc', '微信:abc'],
  ['vx inside a word is left alone', 'vortex', 'vortex'],
  ['威❤ → 微信', '威❤ abc123', '微信abc123'],
  ['V❤ → 微信', '加V❤：abc123', '加微信:abc123'],
  ['wei信 → 微信', 'wei信 abc123', '微信abc123'],
  ['扣扣 → qq', '扣扣 888', 'qq888'],
  ['菠菜 → 博彩', '菠菜网', '博彩网'],
  ['yhk → 银行卡', 'yhk号', '银行卡号'],
  ['gambling homophones', '首充餸彩釒 佰家乐', '首充送彩金百家乐'],
  ['circled digits', '①⑩', '110'],
  ['百分之 → %', '日收益百分之一', '日收益1%'],
  ['千分之 → %', '日息千分之五', '日息0.5%'],
  ['Chinese amount before 元', '三万五千元', '35000元'],
  ['Chinese multiple before 倍', '翻十倍', '翻10倍'],
  ['一块 (together) is not a number', '一块去', '一块去'],
  ['ordinary 一 untouched', '一个人', '一个人'],
  ['Latin words keep one space', 'double   your\tmoney', 'double your money'],
  ['URL punctuation kept', 'Visit http://a.b/c?x=1', 'visit http://a.b/c?x=1'],
  ['decimal rate kept', '年化 12.5%', '年化12.5%'],
  ['lone surrogates dropped', 'a\ud800b\udc00c', 'abc'],
];

describe('normalize: hostile vectors', () => {
  it.each(VECTORS)('%s', (_name, input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });
});

describe('normalize: offsets map back to the original', () => {
  it('maps each normalized unit to the original characters that produced it', () => {
    const input = '加 薇 信：ＡＢＣ１２３';
    const n = normalize(input);
    expect(n.text).toBe('加微信:abc123');
    // 微信 came from 薇 … 信 (positions 2..5 of the original)
    expect(input.slice(n.starts[1]!, n.ends[2]!)).toBe('薇 信');
    expect(input.slice(n.starts[4]!, n.ends[9]!)).toBe('ＡＢＣ１２３');
  });
  it('maps an astral character to both of its code units', () => {
    const n = normalize('x𝐔y');
    expect([n.starts[1], n.ends[1]]).toEqual([1, 3]);
  });
});

describe('normalize: properties', () => {
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 100 }),
    fc.array(fc.constantFrom(...'保本保息 薇信VX威❤扣扣菠菜yhk百分之一二三万元块倍%.,，。\u200b\ud800ＡＢ𝐔穩賺 a1'.split('')), { maxLength: 60 }).map((a) => a.join('')),
  );
  it('offsets always lie inside the original and are ordered', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const n = normalize(s);
        expect(n.starts.length).toBe(n.text.length);
        for (let i = 0; i < n.text.length; i++) {
          expect(n.starts[i]!).toBeGreaterThanOrEqual(0);
          expect(n.ends[i]!).toBeLessThanOrEqual(s.length);
          expect(n.starts[i]!).toBeLessThan(n.ends[i]!);
          if (i > 0) expect(n.starts[i]!).toBeGreaterThanOrEqual(n.starts[i - 1]!);
        }
      }),
      { numRuns: 400 },
    );
  });
  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const once = normalize(s).text;
        expect(normalize(once).text).toBe(once);
      }),
      { numRuns: 400 },
    );
  });
  it('never throws, whatever it gets', () => {
    fc.assert(fc.property(fc.anything(), (x) => void normalize(x as string)), { numRuns: 200 });
  });
});

describe('parseChineseNumber', () => {
  it.each([
    ['十二', 12],
    ['两百', 200],
    ['三万五千', 35000],
    ['一亿零五万', 100050000],
    ['一点五', 1.5],
    ['二零二五', 2025],
  ])('%s = %d', (s, v) => expect(parseChineseNumber(s)).toBe(v));
});
