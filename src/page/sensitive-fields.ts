/**
 * What counts as "the moment of payment": recognising bank-card, ID-card, SMS-code,
 * password and transfer-amount fields, and the values a person types into them.
 * Pure functions on plain data so they are table-tested without a DOM. Values are
 * only looked at, never kept.
 */
export const SENSITIVE_KINDS = ['bankCard', 'idCard', 'smsCode', 'password', 'amount'] as const;
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];

/** Luhn (ISO/IEC 7812) check on 13–19 digits, the length range of bank cards (UnionPay: 16–19). */
export function luhnValid(input: string): boolean {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d{13,19}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/**
 * Mainland resident ID (GB 11643-1999): 17 digits + check character (0-9 or X), with a
 * plausible birth date. Example: 11010519491231002X → checksum X, born 1949-12-31.
 */
export function idCardValid(input: string): boolean {
  const id = input.replace(/\s/g, '').toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === id[17];
}

/** What the page tells us about a field (attributes and its label text). */
export interface FieldHints {
  tag: string;
  type?: string;
  name?: string;
  id?: string;
  autocomplete?: string;
  inputMode?: string;
  placeholder?: string;
  label?: string;
  ariaLabel?: string;
}

const HINT_PATTERNS: Array<[SensitiveKind, RegExp]> = [
  ['smsCode', /验证码|驗證碼|校验码|动态码|动态密码|短信码|otp|sms|verif(y|ication)[ _-]?code|captcha_sms|one-time/i],
  ['bankCard', /银行卡|銀行卡|卡号|卡號|借记卡|信用卡|card[ _-]?(no|num)|cardnumber|cc-?num|bank[ _-]?card|pan\b/i],
  ['idCard', /身份证|身份證|证件号|證件號|id[ _-]?card|idno|id_number|identity/i],
  ['amount', /金额|金額|转账|轉賬|轉帳|汇款|匯款|充值|amount|money|transfer/i],
  ['password', /密码|密碼|password|passwd|pwd/i],
];

/** Classify a field from its attributes. `null` = not a field we guard. */
export function classifyField(h: FieldHints): SensitiveKind | null {
  const tag = h.tag.toLowerCase();
  const type = (h.type ?? 'text').toLowerCase();
  if (tag !== 'input' && tag !== 'textarea') return null;
  if (['hidden', 'checkbox', 'radio', 'submit', 'button', 'reset', 'file', 'image', 'range', 'color', 'date'].includes(type)) return null;
  if (type === 'password') return 'password';
  const ac = (h.autocomplete ?? '').toLowerCase();
  if (ac.includes('cc-number')) return 'bankCard';
  if (ac.includes('one-time-code')) return 'smsCode';
  if (ac.includes('transaction-amount')) return 'amount';
  if (ac.includes('current-password') || ac.includes('new-password')) return 'password';
  const text = [h.name, h.id, h.placeholder, h.label, h.ariaLabel].filter(Boolean).join(' ').slice(0, 500);
  for (const [kind, re] of HINT_PATTERNS) if (re.test(text)) return kind;
  return null;
}

/** Classify what was typed: a Luhn-valid card number or a checksum-valid ID number. */
export function classifyValue(value: string): SensitiveKind | null {
  if (value.length > 40) return null;
  const compact = value.replace(/[\s-]/g, '');
  if (idCardValid(compact)) return 'idCard';
  if (luhnValid(compact)) return 'bankCard';
  return null;
}

/**
 * "安全账户"-type wording: money moved "for safety" is the core of impersonation scams,
 * so its presence alone arms the cooling-off dialog even on a page the engine rated low.
 */
export const SAFE_ACCOUNT_WORDING = /安全账户|安全賬戶|安全帐户|资金清查|資金清查|资金核查|清查资金|国家账户|監管賬戶|监管账户|冻结资金|解冻费|保证金账户/;

/** Download links and scan-to-pay images that also count as "the moment of action". */
export function isApkLink(href: string): boolean {
  try {
    const u = new URL(href, 'http://x.invalid/');
    return /\.apk$/i.test(u.pathname);
  } catch {
    return false;
  }
}

export function looksLikePayQr(hints: { alt?: string; src?: string; title?: string; nearText?: string }): boolean {
  const text = [hints.alt, hints.title, hints.nearText].filter(Boolean).join(' ').slice(0, 500);
  const src = (hints.src ?? '').slice(0, 300);
  return /扫码|掃碼|扫一扫|二维码|二維碼|付款码|收款码|qr ?code/i.test(text) || /qr|qrcode|erweima|shoukuan|pay[-_]?code/i.test(src);
}
