/** Lookalikes of protected brands: caution naming the brand, never block. */
import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../../src/url/canonicalize';
import { lookalike, lookalikeVerdict, PROTECTED_BRANDS, skeleton, withinOneEdit } from '../../../src/url/lookalike';

const hostOf = (h: string) => {
  const c = canonicalize(`http://${h}/`);
  if (!c.ok) throw new Error(h);
  return c.url.host;
};

describe('warns (caution naming the brand)', () => {
  it.each([
    ['icbc-kefu.top', 'icbc', 'brand-keyword'],
    ['95588-cn.com', 'icbc', 'brand-keyword'],
    ['icbc95588.net', 'icbc', 'brand-keyword'],
    ['icbc.xyz', 'icbc', 'brand-label'],
    ['www.icbc.com.cn.verify-account.top', 'icbc', 'brand-label'],
    ['ccb-vip.com', 'ccb', 'brand-keyword'],
    ['ccbkefu.cn', 'ccb', 'brand-keyword'],
    ['abchina-login.com', 'abc', 'brand-keyword'],
    ['bankofchlna.com', 'boc', 'edit-distance'],
    ['bankcomm-help.net', 'bocom', 'brand-keyword'],
    ['cmbchina.co', 'cmb', 'brand-label'],
    ['psbc-online.com', 'psbc', 'brand-keyword'],
    ['аlipay.com', 'alipay', 'confusable'], // Cyrillic а
    ['alipay-refund.top', 'alipay', 'brand-keyword'],
    ['alipey.com', 'alipay', 'edit-distance'],
    ['wechat-pay.help', 'wechatpay', 'brand-keyword'],
    ['weixin-kefu.cc', 'wechatpay', 'brand-keyword'],
    ['unionpay-cn.com', 'unionpay', 'brand-keyword'],
    ['95516-vip.com', 'unionpay', 'brand-keyword'],
    ['12306-tuikuan.com', '12306', 'brand-keyword'],
    ['gjzwfw-gov.com', 'gjzwfw', 'brand-keyword'],
    ['12333-shebao.com', 'shebao', 'brand-keyword'],
    ['nhsa-yibao.cn', 'nhsa', 'brand-keyword'],
    ['chinatax-refund.com', 'chinatax', 'brand-keyword'],
    ['fanzha-center.com', 'fanzha', 'brand-keyword'],
    ['taoboa.com', 'taobao', 'edit-distance'],
    ['taobao-kefu.shop', 'taobao', 'brand-keyword'],
    ['jd-kefu.com', 'jd', 'brand-keyword'],
    ['jdvip.net', 'jd', 'brand-keyword'],
    ['pinduoduo-lipei.com', 'pinduoduo', 'brand-keyword'],
    ['pdd-refund.cn', 'pinduoduo', 'brand-keyword'],
  ])('%s → %s (%s)', (host, brand, reason) => {
    const m = lookalike(hostOf(host));
    expect(m && { brand: m.brand.id, reason: m.reason }).toEqual({ brand, reason });
  });

  it('the verdict is caution with the brand name, never block', () => {
    expect(lookalikeVerdict('icbc-kefu.top')).toEqual({ result: 'caution', type: 'lookalike', brand: '中国工商银行', match: 'icbc-kefu' });
  });
});

describe('stays silent', () => {
  it.each([
    'www.icbc.com.cn',
    'mybank.icbc.com.cn',
    'www.ccb.com',
    'www.abchina.com',
    'www.boc.cn',
    'www.bankcomm.com',
    'www.cmbchina.com',
    'www.psbc.com',
    'www.alipay.com',
    'pay.weixin.qq.com',
    'www.95516.com',
    'kyfw.12306.cn',
    'gjzwfw.gov.cn',
    'si.12333.gov.cn',
    'fuwu.nhsa.gov.cn',
    'etax.chinatax.gov.cn',
    'www.mps.gov.cn',
    'www.taobao.com',
    'detail.tmall.com',
    'item.jd.com',
    'mobile.yangkeduo.com',
    'www.hrss.sh.gov.cn', // gov.cn registration is restricted
    'example.com',
    'jdsports.com', // short token inside an unrelated word
    'bocconi.it',
    'abcnews.com',
    'accbank.com',
    'pddocs.org',
    'blog.example.org',
    '203.0.113.7',
    'ibcc.example', // two edits away from a 4-letter token
  ])('%s', (host) => {
    expect(lookalike(hostOf(host))).toBeNull();
  });
});

describe('building blocks', () => {
  it('skeleton follows UTS #39 confusables and lowercases', () => {
    expect(skeleton('аlipay')).toBe(skeleton('alipay')); // Cyrillic а
    expect(skeleton('taoba0')).toBe(skeleton('taobao'));
    expect(skeleton('rn')).toBe(skeleton('m'));
    expect(skeleton('icbc')).not.toBe(skeleton('icdc'));
  });
  it('withinOneEdit', () => {
    expect(withinOneEdit('alipay', 'alipey')).toBe(true);
    expect(withinOneEdit('alipay', 'alipy')).toBe(true);
    expect(withinOneEdit('alipay', 'aliipay')).toBe(true);
    expect(withinOneEdit('alipay', 'laipay')).toBe(true);
    expect(withinOneEdit('alipay', 'lapiay')).toBe(false);
  });
  it('every brand has real domains that pass its own check silently', () => {
    for (const b of PROTECTED_BRANDS) {
      expect(b.domains.length).toBeGreaterThan(0);
      for (const d of b.domains) expect(lookalike(d), d).toBeNull();
    }
  });
});
