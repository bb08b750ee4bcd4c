/** Identifier extraction from page text: table-driven "found" and "not found" groups. */
import { describe, expect, test } from 'vitest';
import { classifyDigits, extractIdentifiers, maskIdentifier, withIdentifierEvidence, identifierEvidence } from '../../../src/page/identifiers';
import { EMPTY_VERDICT } from '../../../src/engine/types';

const found = (text: string) => extractIdentifiers([text]).map((f) => [f.kind, f.value, text.slice(f.spans[0]!.start, f.spans[0]!.end)]);

describe('found', () => {
  test.each([
    ['请拨打 1 3 8-0013-8000 联系客服', 'phone', '13800138000', '1 3 8-0013-8000'],
    ['电话：１３８００１３８０００', 'phone', '13800138000', '１３８００１３８０００'],
    ['手机 138\u200b0013\u200b8000', 'phone', '13800138000', '138\u200b0013\u200b8000'],
    ['+86 139 0000 1111', 'phone', '13900001111', '+86 139 0000 1111'],
    ['北京 010-6512-3456', 'phone', '01065123456', '010-6512-3456'],
    ['深圳 0755 8888 6666', 'phone', '075588886666', '0755 8888 6666'],
    ['热线 400-123-4567', 'phone', '4001234567', '400-123-4567'],
    ['客服 95123', 'phone', '95123', '95123'],
    ['卡号 4111 1111 1111 1111', 'bankCard', '4111111111111111', '4111 1111 1111 1111'],
    ['QQ号：12345678', 'qq', '12345678', '12345678'],
    ['扣扣 987654321', 'qq', '987654321', '987654321'],
    ['加薇信：scam_kefu01 领取', 'wechat', 'scam_kefu01', 'scam_kefu01'],
    ['ＶＸ：ｓｃａｍ＿ｋｅｆｕ０１', 'wechat', 'scam_kefu01', 'ｓｃａｍ＿ｋｅｆｕ０１'],
    ['微信号 Abc_12345', 'wechat', 'abc_12345', 'Abc_12345'],
    ['地址 TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t 转账', 'usdtAddress', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'],
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'usdtAddress', '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'],
  ])('%j', (text, kind, value, shown) => {
    expect(found(text)).toContainEqual([kind, value, shown]);
  });

  test('two identifiers in one run of digits are split', () => {
    expect(found('电话13800138000 4111111111111111').map((f) => f[0])).toEqual(['phone', 'bankCard']);
  });
});

describe('not found', () => {
  test.each([
    ['工商银行客服 95588', 'a genuine service number'],
    ['报警 110，反诈 96110，热线 12345', 'public numbers'],
    ['卡号 4111 1111 1111 1112', 'fails Luhn'],
    ['订单号 12345678901234', 'a long number that is nothing'],
    ['abc13800138000', 'glued to letters'],
    ['我的号码是 12345678', 'QQ-like digits without a QQ marker'],
    ['联系 scam_kefu01', 'a WeChat-like id without a marker'],
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD', 'EIP-55 checksum wrong'],
    ['TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u', 'base58check wrong'],
    ['价格 ¥95,000 元，面积 120 平', 'prices and sizes'],
  ])('%j (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('digits and masks', () => {
  test.each([
    ['8613800138000', 'phone'],
    ['13800138000', 'phone'],
    ['12800138000', null],
  ])('classifyDigits(%s)', (d, kind) => expect(classifyDigits(d)?.kind ?? null).toBe(kind));
  test.each([
    ['phone', '13800138000', '138…8000'],
    ['phone', '95123', '95123'],
    ['bankCard', '4111111111111111', '4111…1111'],
    ['usdtAddress', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'TR7NHq…Lj6t'],
  ] as const)('maskIdentifier(%s, %s)', (kind, value, want) => expect(maskIdentifier(kind, value)).toBe(want));
});

describe('evidence', () => {
  test('a listed phone gives the zh-CN line with list and date, and raises the verdict to high', () => {
    const [f] = extractIdentifiers(['预约电话：1 3 8-0013-8000']);
    const e = identifierEvidence(f!, { kind: 'phone', hash: 'x', listName: '某市反诈名单', category: null, firstSeen: Date.UTC(2026, 2, 1) }, ['预约电话：1 3 8-0013-8000']);
    expect(e.explanation?.['zh-CN']).toBe('此页面上的电话 138…8000 在反诈名单上（某市反诈名单，2026-03-01 收录）');
    expect(e.quotes).toEqual(['1 3 8-0013-8000']);
    const v = withIdentifierEvidence(EMPTY_VERDICT, [e]);
    expect(v.level).toBe('high');
    expect(v.evidence[0]).toBe(e);
  });
  test('no listed identifier leaves the verdict as it was', () => {
    expect(withIdentifierEvidence(EMPTY_VERDICT, [])).toBe(EMPTY_VERDICT);
  });
});

describe('sliced extraction (what the content script runs)', () => {
  test('a long passage is read in windows and an identifier on a window cut is still found, at its place', async () => {
    const { extractSliced } = await import('../../../src/page/identifiers');
    const filler = '正文'.repeat(7_995); // 15,990 chars: the number straddles the 16,000 cut
    const text = `${filler}电话 138 0013 8000，${'再见'.repeat(10_000)}`;
    const got = await extractSliced(['标题', text]);
    expect(got.map((f) => [f.kind, f.value])).toEqual([['phone', '13800138000']]);
    const s = got[0]!.spans[0]!;
    expect(s.passage).toBe(1);
    expect(text.slice(s.start, s.end)).toBe('138 0013 8000');
  });
  test('runs of short passages keep their passage numbers', async () => {
    const { extractSliced } = await import('../../../src/page/identifiers');
    const got = await extractSliced(['甲', '乙', 'QQ号：12345678']);
    expect(got[0]!.spans[0]).toEqual({ passage: 2, start: 4, end: 12 });
  });
});
