import { describe, expect, test } from 'vitest';
import { classifyField, classifyValue, idCardValid, isApkLink, looksLikePayQr, luhnValid, SAFE_ACCOUNT_WORDING } from '../../../src/page/sensitive-fields';
import { isGenuinePaymentHost } from '../../../src/page/genuine-payment';

describe('warns (arms the cooling-off dialog)', () => {
  test.each([
    ['4111 1111 1111 1111'],
    ['6222021234567890128'], // 19-digit UnionPay-style, Luhn-valid
    ['6212-2620-1000-0000-007'],
  ])('Luhn-valid card %s', (v) => {
    expect(luhnValid(v)).toBe(true);
    expect(classifyValue(v)).toBe('bankCard');
  });
  test.each([['11010519491231002X'], ['11010519491231002x'], ['440308199901010012']])('checksum-valid ID %s', (v) => {
    expect(idCardValid(v)).toBe(true);
    expect(classifyValue(v)).toBe('idCard');
  });
  test.each([
    [{ tag: 'input', type: 'password' }, 'password'],
    [{ tag: 'INPUT', autocomplete: 'cc-number' }, 'bankCard'],
    [{ tag: 'input', autocomplete: 'one-time-code' }, 'smsCode'],
    [{ tag: 'input', name: 'bankCardNo' }, 'bankCard'],
    [{ tag: 'input', placeholder: '请输入银行卡号' }, 'bankCard'],
    [{ tag: 'input', label: '身份证号码' }, 'idCard'],
    [{ tag: 'input', placeholder: '短信验证码' }, 'smsCode'],
    [{ tag: 'input', id: 'sms_code' }, 'smsCode'],
    [{ tag: 'input', ariaLabel: '转账金额' }, 'amount'],
    [{ tag: 'input', type: 'tel', label: '請輸入驗證碼' }, 'smsCode'],
    [{ tag: 'textarea', name: 'transfer_amount' }, 'amount'],
  ] as const)('field %j → %s', (hints, kind) => expect(classifyField(hints)).toBe(kind));
  test.each([['https://x.example/app/bank.apk'], ['/dl/APP.APK'], ['https://x.example/a.apk?v=2']])('APK link %s', (h) => expect(isApkLink(h)).toBe(true));
  test.each([[{ alt: '扫码支付' }], [{ src: '/img/qrcode-pay.png' }], [{ nearText: '请用微信扫一扫付款' }]])('pay QR %j', (h) =>
    expect(looksLikePayQr(h)).toBe(true),
  );
  test.each([['请将资金转入安全账户'], ['配合资金清查']])('safe-account wording %s', (t) => expect(SAFE_ACCOUNT_WORDING.test(t)).toBe(true));
});

describe('stays silent', () => {
  test.each([['4111 1111 1111 1112'], ['0000000000000000'], ['123456'], ['1'.repeat(25)], ['abcd efgh ijkl mnop']])('not a card: %s', (v) =>
    expect(luhnValid(v)).toBe(false),
  );
  test.each([['110105194912310021'], ['11010519491331002X'], ['1101051949123100'], ['X1010519491231002X']])('not an ID: %s', (v) =>
    expect(idCardValid(v)).toBe(false),
  );
  test.each([
    [{ tag: 'input', name: 'q', placeholder: '搜索' }],
    [{ tag: 'input', type: 'checkbox', name: 'password' }],
    [{ tag: 'select', name: 'bankcard' }],
    [{ tag: 'input', name: 'username' }],
  ] as const)('ordinary field %j', (hints) => expect(classifyField(hints)).toBeNull());
  test('ordinary values', () => {
    expect(classifyValue('hello')).toBeNull();
    expect(classifyValue('13800138000')).toBeNull();
  });
  test.each([['https://x.example/app.apk.html'], ['https://x.example/apk/'], ['javascript:void(0)']])('not an APK: %s', (h) =>
    expect(isApkLink(h)).toBe(false),
  );
  test('an ordinary photo is not a pay QR', () => expect(looksLikePayQr({ alt: '风景', src: '/img/lake.jpg' })).toBe(false));
});

describe('genuine payment domains', () => {
  test.each([['www.icbc.com.cn'], ['icbc.com.cn'], ['mybank.icbc.com.cn.'], ['cashier.alipay.com'], ['online.unionpay.com']])('genuine: %s', (h) =>
    expect(isGenuinePaymentHost(h)).toBe(true),
  );
  test.each([['icbc.com.cn.evil.example'], ['icbc-com.cn'], ['fakeicbc.com.cn'], ['alipay.com-secure.example'], ['']])('not genuine: %s', (h) =>
    expect(isGenuinePaymentHost(h)).toBe(false),
  );
});

describe('genuine domains include the protected brands list', () => {
  test('every protected brand domain counts as genuine', async () => {
    const { default: brands } = await import('../../../assets/lists/protected-brands.json');
    for (const b of (brands as { brands: Array<{ domains: string[] }> }).brands) for (const d of b.domains) expect(isGenuinePaymentHost(`www.${d}`)).toBe(true);
  });
});
