import { describe, expect, test } from 'vitest';
import { alertModeFor, hasSafeAccountWording, siteInfoFromUrlVerdict } from '../../../src/page/present';
import { telHref } from '../../../src/page/tel-href';

describe('graduated severity', () => {
  test.each([
    ['high', {}, 'dialog'],
    ['medium', {}, 'banner'],
    ['low', {}, 'hidden'],
    ['none', {}, 'hidden'],
    ['low', { lookalikeBrand: '中国工商银行' }, 'caution'],
    ['none', { lookalikeBrand: '中国工商银行' }, 'caution'],
    ['medium', { lookalikeBrand: '中国工商银行' }, 'caution'],
    ['high', { lookalikeBrand: '中国工商银行' }, 'dialog'],
    ['high', { dismissed: true }, 'hidden'],
    ['medium', { allowed: true }, 'hidden'],
  ] as const)('%s %j → %s', (level, opts, mode) => {
    expect(alertModeFor(level, { dismissed: false, allowed: false, ...opts })).toBe(mode);
  });
});

describe('safe-account wording arms the cooling-off dialog', () => {
  const p = (text: string) => ({ text, element: null });
  test('warns', () => expect(hasSafeAccountWording([p('标题'), p('请把钱转入安全账户')])).toBe(true));
  test('stays silent', () => expect(hasSafeAccountWording([p('保障您的账户安全'), p('账户余额')])).toBe(false));
  test('scans a bounded amount of a huge page', () => expect(hasSafeAccountWording([p('x'.repeat(300_000)), p('安全账户')])).toBe(false));
});

describe('family contact tel: links', () => {
  test.each([
    ['138 0013 8000', 'tel:13800138000'],
    ['+86-10-12345678', 'tel:+861012345678'],
    ['javascript:alert(1)', null],
    ['', null],
  ])('%j → %j', (phone, href) => expect(telHref(phone)).toBe(href));
});

describe('site info from the background', () => {
  const brand = { 'zh-CN': '中国工商银行', 'zh-TW': '中國工商銀行', en: 'ICBC' };
  test('lookalike → caution with the brand in the page language', () => {
    expect(siteInfoFromUrlVerdict({ caution: true, brand }, 'en')).toEqual({ allowed: false, lookalikeBrand: 'ICBC' });
    expect(siteInfoFromUrlVerdict({ caution: true, brand }, 'zh-TW')).toEqual({ allowed: false, lookalikeBrand: '中國工商銀行' });
  });
  test('no caution → nothing to show', () => expect(siteInfoFromUrlVerdict({ caution: false, brand }, 'en')).toEqual({ allowed: false }));
  test('allowed by the person', () => expect(siteInfoFromUrlVerdict({ caution: false, brand: null, allowed: true }, 'en')).toEqual({ allowed: true }));
});
