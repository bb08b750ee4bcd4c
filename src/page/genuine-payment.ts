/**
 * Genuine bank and payment sites, where the cooling-off dialog must never appear:
 * interrupting someone on their real bank's checkout is crying wolf, and teaches them
 * to click through our warnings. A small, hand-checked list of registrable domains
 * (official sites of the large state/joint-stock banks and licensed payment
 * institutions); a host matches when it IS the domain or a subdomain of it.
 *
 * Suffix matching equals a registrable-domain check here because every entry is
 * itself a registrable domain (no public suffixes), and it keeps the content script
 * free of a public-suffix list.  Example: `pay.icbc.com.cn` → icbc.com.cn → genuine;
 * `icbc.com.cn.evil.example` → no entry is a suffix → not genuine.
 */
import brandsJson from '../../assets/lists/protected-brands.json';

export const GENUINE_PAYMENT_DOMAINS: readonly string[] = [
  // State-owned and joint-stock banks
  'icbc.com.cn',
  'ccb.com',
  'abchina.com',
  'boc.cn',
  'bankcomm.com',
  'psbc.com',
  'cmbchina.com',
  'spdb.com.cn',
  'cib.com.cn',
  'citicbank.com',
  'cebbank.com',
  'cmbc.com.cn',
  'hxb.com.cn',
  'cgbchina.com.cn',
  'pingan.com',
  'bankofbeijing.com.cn',
  'bosc.cn',
  // Card network and licensed payment institutions
  'unionpay.com',
  '95516.com',
  'alipay.com',
  'tenpay.com',
  'jdpay.com',
  'yeepay.com',
  'lakala.com',
  // Hong Kong / Taiwan majors (zh-TW users)
  'hsbc.com.hk',
  'bochk.com',
  'hangseng.com',
  'esunbank.com.tw',
  'cathaybk.com.tw',
  'ctbcbank.com',
];

/**
 * Also every real domain of the protected brands the lookalike check guards
 * (assets/lists/protected-brands.json, maintained with the blacklist): a brand's own
 * site is by definition not a lookalike, and pausing people there would cry wolf.
 */
const BRAND_DOMAINS: readonly string[] = (brandsJson as { brands: Array<{ domains: string[] }> }).brands.flatMap((b) => b.domains);

export const ALL_GENUINE_DOMAINS: readonly string[] = [...new Set([...GENUINE_PAYMENT_DOMAINS, ...BRAND_DOMAINS])];

export function isGenuinePaymentHost(hostname: string, domains: readonly string[] = ALL_GENUINE_DOMAINS): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (!host) return false;
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}
