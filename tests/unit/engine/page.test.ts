/**
 * One page verdict, in one place (src/engine/page.ts): however the content script slices
 * its work, the verdict is the same; binding is per sentence, never across a page.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corePackCompiled, createScanner, levelRank, scanPassages, type Verdict } from '../../../src/engine';
import { createPageScanner } from '../../../src/engine/page';

const atLeastMedium = (v: Verdict) => levelRank(v.level) >= levelRank('medium');
const essence = (v: Verdict) => ({ level: v.level, score: v.score, categories: v.categories, evidence: v.evidence.map((e) => [e.ruleId, e.spans]) });

// Our own sentences: neutral filler, scam adverts, a report about fraud.
const NEUTRAL = [
  '明天白天多云转晴，最高气温二十三度。',
  '图书馆周末开放时间延长到晚上九点。',
  '社区活动中心本周六举办书法交流会，欢迎居民参加。',
  '新开的面馆招牌牛肉面味道不错，价格也实惠。',
  '地铁三号线下月起延长运营时间。',
  '本店支持微信支付和支付宝，满一百元包邮。',
];
const SCAM = [
  '内部消息，导师带单，保本保息，日收益2%，稳赚不赔，加微信 caifu8866 进群。',
  '高价收银行卡、对公账户，一卡一结，长期收电话卡，私聊 @shouka99',
  '您的贷款已审核通过，但银行卡号填错导致资金冻结，需缴纳解冻金5000元才能放款。',
];
const REPORT = [
  '警方提醒：谨防“导师带单”投资诈骗。',
  '近日，市民李先生在网上结识一名自称投资导师的人，对方称“保本保息，日收益2%，稳赚不赔”，诱骗他下载APP充值。',
  '民警提示：凡是承诺高收益、要求转账到个人账户的投资都是骗局，如有疑问请拨打96110。',
];
const passage = fc.oneof(fc.constantFrom(...NEUTRAL), fc.constantFrom(...SCAM), fc.constantFrom(...REPORT), fc.string({ maxLength: 40 }));

describe('slicing never changes the verdict', () => {
  it('any sequence of step sizes gives the verdict of one call (property)', () => {
    fc.assert(
      fc.property(fc.array(passage, { maxLength: 40 }), fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 30 }), (passages, steps) => {
        const whole = scanPassages(passages);
        const job = createScanner().begin(passages);
        let k = 0;
        while (!job.step(steps[k++ % steps.length]!));
        expect(essence(job.verdict())).toEqual(essence(whole));
      }),
      { numRuns: 150 },
    );
  });
  it('a scanner that saw an earlier version of the page gives a fresh verdict (property)', () => {
    fc.assert(
      fc.property(fc.array(passage, { maxLength: 30 }), fc.array(passage, { maxLength: 30 }), (before, after) => {
        const scanner = createPageScanner(corePackCompiled());
        scanner.begin(before).verdict();
        expect(essence(scanner.begin(after).verdict())).toEqual(essence(scanPassages(after)));
      }),
      { numRuns: 100 },
    );
  });
  it('an anti-fraud article quoting a scam gets one level, however it is cut into engine calls', () => {
    const article = [...REPORT, ...NEUTRAL, ...REPORT.slice(1), ...NEUTRAL];
    const levels = new Set<string>();
    for (const step of [1, 50, 400, 8000, 1e9]) {
      const job = createScanner().begin(article);
      while (!job.step(step));
      levels.add(job.verdict().level);
    }
    expect([...levels]).toEqual([scanPassages(article).level]);
  });
});

describe('binding: an ask and a lure must sit in one sentence or adjacent ones', () => {
  const ASK = '加微信 caifu8866 咨询';
  const LURE = '保本保息，日收益2%，稳赚不赔';
  const filler = (n: number, seed: number) => Array.from({ length: n }, (_, i) => NEUTRAL[(i * 7 + seed) % NEUTRAL.length]!);
  it('50,000 unrelated sentences with the ask and the lure far apart stay silent', () => {
    const page = filler(50_000, 1);
    page[10_000] = `${LURE}。`;
    page[40_000] = `${ASK}。`;
    const v = scanPassages(page);
    expect(atLeastMedium(v), `${v.level} ${v.score}`).toBe(false);
  });
  it('the same ask and lure inside one sentence warn, wherever the sentence is (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 5 }), (at, seed) => {
        const page = filler(300, seed);
        page.splice(at, 0, `${LURE}，${ASK}。`);
        expect(atLeastMedium(scanPassages(page))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
  it('the ask and the lure three or more sentences apart in one passage stay silent (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 0, max: 5 }), (gap, seed) => {
        const text = [`${LURE}。`, ...filler(gap, seed), `${ASK}。`].join('');
        expect(atLeastMedium(scanPassages([text]))).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
  it('a pressure cue beside them corroborates an ask and a lure a few sentences apart (CORROBORATION)', () => {
    const text = [`${LURE}。`, '名额有限，今日内截止。', ...filler(2, 0), `${ASK}。`].join('');
    expect(atLeastMedium(scanPassages([text]))).toBe(true);
    // …but not across seven or more sentences, nor inside advice that warns about it.
    expect(atLeastMedium(scanPassages([[`${LURE}。`, '名额有限，今日内截止。', ...filler(6, 0), `${ASK}。`].join('')]))).toBe(false);
    expect(atLeastMedium(scanPassages([['千万小心：', `${LURE}。`, '名额有限，今日内截止。', ...filler(2, 0), `${ASK}。`].join('')]))).toBe(false);
  });
  it('an ask and a lure bind across turns when every turn between them carries a fraud cue (CHAIN)', () => {
    const turns = [`${LURE}。`, '平台做的是虚拟币量化交易。', '数字货币里这个最稳。', `${ASK}。`];
    expect(atLeastMedium(scanPassages(turns))).toBe(true);
    expect(atLeastMedium(scanPassages([turns[0]!, turns[1]!, ...filler(2, 3), turns[3]!]))).toBe(false);
  });
  it('the explain trace names the ask and what it is bound to', () => {
    const v = scanPassages([`${LURE}，${ASK}。`]);
    expect(v.trace?.binding?.ask.ruleId).toMatch(/^sig\.contact/);
    expect(['lure', 'pressure', 'mechanism']).toContain(v.trace?.binding?.to.role);
    expect(v.trace?.factors.map((f) => f.name)).toContain('evidence');
  });
  it('lures and pressure without an ask never reach medium, whatever their number', () => {
    const words = '稳赚不赔，保本保息，日收益5%，荐股，牛股，内部消息，高额回报，包治百病，百家乐彩金，逾期将冻结，立即处理';
    const v = scanPassages([words, words, words]);
    expect(atLeastMedium(v), `${v.level} ${v.score}`).toBe(false);
    expect(v.trace?.factors.map((f) => f.name)).toContain('unbound-cap');
  });
});

describe('hostile input stays bounded', () => {
  it('a page of 200,000 one-character passages and a 4 MB passage give a verdict', () => {
    const tiny = Array.from({ length: 200_000 }, (_, i) => String.fromCharCode(0x4e00 + (i % 700)));
    expect(['none', 'low', 'medium', 'high']).toContain(scanPassages(tiny).level);
    expect(['none', 'low', 'medium', 'high']).toContain(scanPassages(['加微信'.repeat(1_400_000)]).level);
  });
  it('random strings never throw and always give a level (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 300 }), { maxLength: 20 }), (passages) => {
        expect(['none', 'low', 'medium', 'high']).toContain(scanPassages(passages).level);
      }),
      { numRuns: 200 },
    );
  });
});
