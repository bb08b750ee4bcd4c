/**
 * THE normalizer: one function that turns page text into the form every rule is
 * written against, plus an offset map back to the original text.
 *
 * Steps (pinned by tests/unit/engine/normalize.test.ts, a table of hostile vectors):
 *  1. Per code point fold: NFKC (full-width → half-width, ①→1, 𝐔→u), lower case,
 *     Greek/Cyrillic look-alikes → Latin, Traditional → Simplified, hearts → 心.
 *     Zero-width, control, format characters, combining marks and lone surrogates vanish.
 *  2. Separators: whitespace, punctuation and symbols between two CJK characters are
 *     dropped (保 本 保 息, 保.本.保.息 → 保本保息); whitespace touching a CJK character
 *     is dropped; whitespace runs between Latin words collapse to one space; punctuation
 *     outside CJK context is kept ("1.5%", "t.me/x").
 *  3. Evasion variants (薇信/V信/VX/威❤ → 微信, 扣扣 → qq, 菠菜 → 博彩, yhk → 银行卡, …)
 *     and Chinese numerals in amounts and rates (百分之五 → 5%, 三万元 → 30000元).
 *
 * Traditional → Simplified uses a COMPACT RUNTIME TABLE (data/t2s.ts, ~3.4k pairs,
 * ~20 KB) rather than expanding rule phrases at build time: expansion would multiply
 * every phrase by the product of its characters' variants (a 4-character phrase with
 * two variant characters becomes 4 phrases; regexes and the numeric/contact signals
 * cannot be expanded that way at all), and mixed-script evasions (一半繁體一半简体)
 * would still slip through. A table lookup is one typed-array read per character.
 *
 * Offsets: `starts[i]`/`ends[i]` give the half-open range in the ORIGINAL string that
 * produced normalized code unit i (a code unit produced by a multi-character variant
 * maps to the whole variant).
 */
import { T2S_PAIRS } from './data/t2s';

export interface Normalized {
  text: string;
  starts: Uint32Array;
  ends: Uint32Array;
}

// ---- per code unit fold table (lazy) ----------------------------------------------
// CLS: 0 = not computed yet, 1 = plain, 2 = CJK ideograph, 3 = space-like (whitespace,
// emoji and pictographic symbols), 4 = punctuation (kept outside CJK context),
// 5 = drop, 6 = expands to several code units (see EXPAND).
const C_UNSET = 0;
const C_PLAIN = 1;
const C_CJK = 2;
const C_SPACE = 3;
const C_PUNCT = 4;
const C_DROP = 5;
const C_EXPAND = 6;

const CLS = new Uint8Array(0x10000);
const FOLD = new Uint16Array(0x10000);
const EXPAND = new Map<number, string>();
const ASTRAL = new Map<number, string | null>();

const LOOKALIKE: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k',
  ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w', ᴋ: 'k', ᴄ: 'c', ᴏ: 'o', ᴜ: 'u', ᴠ: 'v',
  ᴡ: 'w', ᴢ: 'z', ʀ: 'r', ɢ: 'g', ʜ: 'h', ɪ: 'i', ʟ: 'l', ɴ: 'n', ᴀ: 'a', ᴅ: 'd', ᴇ: 'e', ᴍ: 'm',
  ᴘ: 'p', ᴛ: 't', '〇': '零',
};
const HEARTS = new Set(['❤', '♥', '♡', '❣', '💕', '💗', '💖', '💓', '💞', '💘', '💝', '🧡', '💛', '💚', '💙', '💜', '🖤', '🤍']);

let t2sReady = false;
const T2S = new Uint16Array(0x10000);
function loadT2S(): void {
  for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) T2S[T2S_PAIRS.charCodeAt(i)] = T2S_PAIRS.charCodeAt(i + 1);
  // Resolve chains (A→B, B→C ⇒ A→C) so folding is idempotent.
  for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) {
    const from = T2S_PAIRS.charCodeAt(i);
    let to = T2S[from]!;
    for (let k = 0; k < 4 && T2S[to] && T2S[to] !== to; k++) to = T2S[to]!;
    T2S[from] = to === from ? 0 : to;
  }
  t2sReady = true;
}

const RE_SPACE = /^[\s\p{So}\p{Sk}\p{Co}\p{Cn}]$/u;
const RE_PUNCT = /^[\p{P}\p{Sm}\p{Sc}]$/u;
const RE_DROP = /^[\p{Cc}\p{Cf}\p{Mn}\p{Me}\p{Cs}\p{Zl}\p{Zp}]$/u;
const RE_CJK = /^\p{Script=Han}$/u;

/** Fold one character (a whole code point as a string) to its matching form. */
function foldString(ch: string): string {
  if (HEARTS.has(ch)) return '心';
  let s = ch.normalize('NFKC').toLowerCase();
  if (s.length === 1 && LOOKALIKE[s]) s = LOOKALIKE[s]!;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const t = T2S[c];
    out += t ? String.fromCharCode(t) : s[i];
  }
  return out;
}

function classify(code: number): void {
  if (!t2sReady) loadT2S();
  const ch = String.fromCharCode(code);
  if (code >= 0xd800 && code <= 0xdfff) {
    CLS[code] = C_DROP;
    return;
  }
  if (code === 0x0a || code === 0x0d || code === 0x09 || code === 0x20) {
    CLS[code] = C_SPACE;
    FOLD[code] = 0x20;
    return;
  }
  if (HEARTS.has(ch)) {
    CLS[code] = C_CJK;
    FOLD[code] = 0x5fc3; // 心
    return;
  }
  if (RE_DROP.test(ch)) {
    CLS[code] = C_DROP;
    return;
  }
  const f = foldString(ch);
  if (f.length === 0) {
    CLS[code] = C_DROP;
    return;
  }
  if (f.length > 1) {
    // e.g. ⑩ → "10", ㎡ → "m2". Whitespace-only expansions act as a space.
    if (f.trim() === '') {
      CLS[code] = C_SPACE;
      FOLD[code] = 0x20;
      return;
    }
    CLS[code] = C_EXPAND;
    EXPAND.set(code, f);
    return;
  }
  const fc = f.charCodeAt(0);
  FOLD[code] = fc;
  if (RE_CJK.test(f)) CLS[code] = C_CJK;
  else if (RE_SPACE.test(f)) {
    CLS[code] = C_SPACE;
    FOLD[code] = 0x20;
  } else if (RE_PUNCT.test(f)) CLS[code] = C_PUNCT;
  else if (RE_DROP.test(f)) CLS[code] = C_DROP;
  else CLS[code] = C_PLAIN;
}

function foldAstral(cp: number): string | null {
  let v = ASTRAL.get(cp);
  if (v !== undefined) return v;
  const ch = String.fromCodePoint(cp);
  if (HEARTS.has(ch)) v = '心';
  else if (/^[\p{So}\p{Sk}\p{Co}\p{Cn}\p{Cf}\p{Mn}]$/u.test(ch)) v = null; // emoji etc: space-like
  else {
    v = foldString(ch);
    if (v === ch && !/^\p{Script=Han}$/u.test(ch)) v = null;
  }
  if (ASTRAL.size < 4096) ASTRAL.set(cp, v);
  return v;
}

// ---- growable output buffers (module-level, reused; normalize() copies results out) --
let cap = 0;
let OUT = new Uint16Array(0);
let ST = new Uint32Array(0);
let EN = new Uint32Array(0);
let KIND = new Uint8Array(0); // class of each output unit (C_CJK / C_SPACE / C_PUNCT / C_PLAIN)
/** Capacity doubling shared by both buffer sets: at least 64, at least `need`. */
function nextCapacity(current: number, need: number): number {
  let next = Math.max(64, current * 2);
  while (next < need) next *= 2;
  return next;
}
/** A copy of `a` with room for `size` units, keeping its first `used` units. */
function grow<T extends Uint8Array | Uint16Array | Uint32Array>(a: T, used: number, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a.subarray(0, used));
  return b;
}
function ensure(n: number): void {
  if (n <= cap) return;
  const next = nextCapacity(cap, n);
  OUT = grow(OUT, cap, next);
  ST = grow(ST, cap, next);
  EN = grow(EN, cap, next);
  KIND = grow(KIND, cap, next);
  cap = next;
}

/**
 * Pass 1: fold + separator handling. Returns the output length in OUT/ST/EN.
 * A run of separators is emitted tentatively and resolved when the next "hard"
 * character arrives (or at the end): dropped between CJK, whitespace dropped next
 * to CJK, collapsed to one space between Latin words, punctuation kept otherwise.
 * Written without closures and with local typed-array references: it runs on every
 * character of every page.
 */
function pass1(input: string): number {
  const len = input.length;
  ensure(len + 32);
  let out = OUT;
  let st = ST;
  let en = EN;
  let kd = KIND;
  let n = 0;
  let prevHard = 0; // class of the last hard unit emitted (0 = none)
  let runStart = -1; // start of a pending separator run in OUT
  let i = 0;
  // pending expansion (astral fold or NFKC expansion)
  let exp: string | null = null;
  let expS = 0;
  let expE = 0;
  let expK = 0;
  for (;;) {
    let code: number;
    let cls: number;
    let s0: number;
    let e0: number;
    if (exp !== null) {
      if (expK >= exp.length) {
        exp = null;
        continue;
      }
      const fc = exp.charCodeAt(expK++);
      if (CLS[fc] === C_UNSET) classify(fc);
      cls = CLS[fc]!;
      if (cls === C_DROP || cls === C_EXPAND) continue;
      code = FOLD[fc]!;
      s0 = expS;
      e0 = expE;
      if (n + 2 >= out.length) {
        ensure(n + 64);
        out = OUT;
        st = ST;
        en = EN;
        kd = KIND;
      }
    } else {
      if (i >= len) break;
      const c = input.charCodeAt(i);
      cls = CLS[c]!;
      if (cls === C_UNSET) {
        classify(c);
        cls = CLS[c]!;
      }
      if (cls === C_DROP) {
        // A high surrogate followed by a low one is an astral character, not junk.
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
          const lo = input.charCodeAt(i + 1);
          if (lo >= 0xdc00 && lo <= 0xdfff) {
            const f = foldAstral((c - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000);
            if (f === null) {
              code = 0x20;
              cls = C_SPACE;
              s0 = i;
              e0 = i + 2;
              i += 2;
            } else {
              exp = f;
              expK = 0;
              expS = i;
              expE = i + 2;
              i += 2;
              continue;
            }
          } else {
            i++;
            continue;
          }
        } else {
          i++;
          continue;
        }
      } else if (cls === C_EXPAND) {
        exp = EXPAND.get(c)!;
        expK = 0;
        expS = i;
        expE = i + 1;
        i++;
        continue;
      } else {
        code = FOLD[c]!;
        s0 = i;
        e0 = i + 1;
        i++;
      }
    }
    if (cls === C_SPACE || cls === C_PUNCT) {
      if (runStart < 0) runStart = n;
    } else {
      if (runStart >= 0) {
        // resolve the pending separator run
        if (prevHard === C_CJK && cls === C_CJK) n = runStart;
        else {
          const cjkSide = prevHard === C_CJK || cls === C_CJK || prevHard === 0;
          let w = runStart;
          let lastSpace = false;
          for (let r = runStart; r < n; r++) {
            if (kd[r] === C_SPACE) {
              if (cjkSide || lastSpace) continue;
              lastSpace = true;
            } else lastSpace = false;
            out[w] = out[r]!;
            st[w] = st[r]!;
            en[w] = en[r]!;
            kd[w] = kd[r]!;
            w++;
          }
          n = w;
        }
        runStart = -1;
      }
      prevHard = cls;
    }
    out[n] = code;
    st[n] = s0;
    en[n] = e0;
    kd[n] = cls;
    n++;
  }
  if (runStart >= 0) {
    // trailing separators: spaces go, punctuation stays (a lone "%" is a valid phrase)
    let w = runStart;
    for (let r = runStart; r < n; r++) {
      if (kd[r] === C_SPACE) continue;
      out[w] = out[r]!;
      st[w] = st[r]!;
      en[w] = en[r]!;
      kd[w] = kd[r]!;
      w++;
    }
    n = w;
  }
  return n;
}

// ---- pass 2: evasion variants and Chinese numerals -----------------------------------

/** Evasion spellings (already folded: lower case, simplified) → canonical form. */
export const VARIANTS: ReadonlyArray<readonly [string, string]> = [
  ['薇信', '微信'], ['威信', '微信'], ['徽信', '微信'], ['维信', '微信'], ['微心', '微信'], ['威心', '微信'],
  ['薇心', '微信'], ['v心', '微信'], ['威芯', '微信'], ['薇芯', '微信'], ['wei信', '微信'], ['v信', '微信'], ['vx', '微信'], ['wx', '微信'], ['weixin', '微信'], ['wechat', '微信'],
  ['扣扣', 'qq'], ['抠抠', 'qq'], ['蔻蔻', 'qq'], ['叩叩', 'qq'],
  ['菠菜', '博彩'], ['波菜', '博彩'],
  ['yhk', '银行卡'], ['zfb', '支付宝'], ['sfz', '身份证'], ['yzm', '验证码'],
  ['网止', '网址'], ['网zhi', '网址'],
  ['帀', '币'], ['u币', 'usdt'], ['泰达币', 'usdt'], ['刷dan', '刷单'], ['s单', '刷单'],
  ['餸', '送'], ['钅', '金'], ['唫', '金'], ['氺', '水'], ['洊', '存'], ['歀', '款'], ['堵场', '赌场'], ['凯户', '开户'], ['娱了', '娱乐'], ['采票', '彩票'], ['佰家乐', '百家乐'], ['百榢乐', '百家乐'], ['柏家乐', '百家乐'], ['薄采', '博彩'], ['博采', '博彩'], ['时时采', '时时彩'],
  ['蒖人', '真人'], ['彩釒', '彩金'], ['菜金', '彩金'], ['反氷', '返水'], ['返氷', '返水'], ['婇票', '彩票'], ['彩piao', '彩票'],
  ['仮水', '返水'], ['返励', '返利'], ['首铳', '首充'], ['铳值', '充值'], ['囎', '赠'], ['莬镄', '免费'], ['免镄', '免费'], ['沋蕙', '优惠'], ['u惠', '优惠'],
  ['喂心', '微信'], ['胃信', '微信'], ['卫信', '微信'],
  ['兼zhi', '兼职'], ['返li', '返利'], ['tg', 'telegram'], ['纸飞机', 'telegram'], ['电报', 'telegram'],
];

const ZH_DIGIT: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const ZH_BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Value of a Chinese numeral string such as 三万五千, 十二, 一点五, 两百; NaN when malformed. */
export function parseChineseNumber(s: string): number {
  const dot = s.indexOf('点');
  if (dot >= 0) {
    const int = dot === 0 ? 0 : parseChineseNumber(s.slice(0, dot));
    let frac = '';
    for (const ch of s.slice(dot + 1)) {
      if (!(ch in ZH_DIGIT)) return NaN;
      frac += ZH_DIGIT[ch];
    }
    return frac ? Number(`${int}.${frac}`) : NaN;
  }
  if (!/[十百千万亿]/.test(s)) {
    // digit by digit: 二零二五 = 2025
    let v = 0;
    for (const ch of s) {
      if (!(ch in ZH_DIGIT)) return NaN;
      v = v * 10 + ZH_DIGIT[ch]!;
    }
    return s ? v : NaN;
  }
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in ZH_DIGIT) {
      digit = ZH_DIGIT[ch]!;
    } else if (ch in ZH_UNIT) {
      section += (digit < 0 ? 1 : digit) * ZH_UNIT[ch]!;
      digit = -1;
    } else if (ch in ZH_BIG) {
      section += digit < 0 ? 0 : digit;
      total += (section || 1) * ZH_BIG[ch]!;
      section = 0;
      digit = -1;
    } else return NaN;
  }
  return total + section + (digit < 0 ? 0 : digit);
}

interface TrieNode {
  next: Map<number, TrieNode>;
  out?: string;
  len?: number;
}
const ROOT: TrieNode = { next: new Map() };
const VSTART = new Uint8Array(0x10000); // 1 = may start a variant, 2 = Chinese numeral, 3 = both
/** Hashed first-two-code-unit set of multi-unit variants (single-unit variants set VSINGLE). */
const VPAIR = new Uint8Array(0x10000);
const VSINGLE = new Uint8Array(0x10000);
const vpairHash = (a: number, b: number) => ((a * 0x9e37) ^ (b * 0x1f)) & 0xffff;
const isAsciiAlnum = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
loadT2S();
for (const [rawFrom, to] of VARIANTS) {
  // keys are folded like page text (so 彩釒 is stored as it will appear: 彩钅)
  let from = '';
  for (const ch of rawFrom) from += foldString(ch);
  if (from === to) continue;
  let node = ROOT;
  for (let i = 0; i < from.length; i++) {
    const c = from.charCodeAt(i);
    let nx = node.next.get(c);
    if (!nx) node.next.set(c, (nx = { next: new Map() }));
    node = nx;
  }
  node.out = to;
  node.len = from.length;
  if (from.length === 1) VSINGLE[from.charCodeAt(0)] = 1;
  else VPAIR[vpairHash(from.charCodeAt(0), from.charCodeAt(1))] = 1;
  const c0 = from.charCodeAt(0);
  VSTART[c0] = VSTART[c0]! | 1;
}
for (const ch of '零一二两三四五六七八九十百千万亿') {
  const c0 = ch.charCodeAt(0);
  VSTART[c0] = VSTART[c0]! | 2;
}


let cap2 = 0;
let OUT2 = new Uint16Array(0);
let ST2 = new Uint32Array(0);
let EN2 = new Uint32Array(0);
function ensure2(need: number): void {
  if (need <= cap2) return;
  const next = nextCapacity(cap2, need);
  OUT2 = grow(OUT2, cap2, next);
  ST2 = grow(ST2, cap2, next);
  EN2 = grow(EN2, cap2, next);
  cap2 = next;
}

const ZHNUM = new Uint8Array(0x10000);
for (const ch of '零一二两三四五六七八九十百千万亿点') ZHNUM[ch.charCodeAt(0)] = 1;
const C_BAI = 0x767e; // 百
const C_QIAN = 0x5343; // 千
const C_FEN = 0x5206; // 分
const C_ZHI = 0x4e4b; // 之
const C_KUAI = 0x5757; // 块
const isUnitAfter = (c: number) => c === 0x5143 /* 元 */ || c === C_KUAI || c === 0x500d /* 倍 */ || c === 0x25 /* % */;

/** Set by pass2: whether any variant or numeral was replaced. */
let lastPass2Replaced = false;

function pass2(n: number): Normalized | null {
  const src = OUT;
  const sst = ST;
  const sen = EN;
  // Quick exit: nothing that could start a variant or a numeral.
  let any = false;
  for (let i = 0; i < n; i++) {
    if (VSTART[src[i]!] !== 0) {
      any = true;
      break;
    }
  }
  if (!any) return null;
  ensure2(n + 64);
  let out = OUT2;
  let st = ST2;
  let en = EN2;
  let m = 0;
  let i = 0;
  lastPass2Replaced = false;
  while (i < n) {
    const c = src[i]!;
    const flag = VSTART[c]!;
    if (flag !== 0) {
      let repl: string | null = null;
      let consumed = 0;
      if (flag & 1 && (VSINGLE[c] === 1 || (i + 1 < n && VPAIR[vpairHash(c, src[i + 1]!)] === 1))) {
        // longest variant match from i
        let node: TrieNode | undefined = ROOT;
        let best: TrieNode | null = null;
        for (let j = i; j < n && node; j++) {
          node = node.next.get(src[j]!);
          if (node !== undefined && node.out !== undefined) best = node;
        }
        if (best) {
          const L = best.len!;
          // Latin variants (vx, yhk) only as whole tokens: not inside a longer word.
          const okBefore = !isAsciiAlnum(c) || i === 0 || !(src[i - 1]! >= 0x61 && src[i - 1]! <= 0x7a);
          const last = src[i + L - 1]!;
          const okAfter = !isAsciiAlnum(last) || i + L >= n || !(src[i + L]! >= 0x61 && src[i + L]! <= 0x7a);
          if (okBefore && okAfter) {
            repl = best.out!;
            consumed = L;
          }
        }
      }
      if (repl === null && flag & 2) {
        const r = numeral(src, i, n);
        if (r !== null) {
          repl = r;
          consumed = numeralEnd - i;
        }
      }
      if (repl !== null) {
        if (m + repl.length + 1 >= out.length) {
          ensure2(m + repl.length + 64);
          out = OUT2;
          st = ST2;
          en = EN2;
        }
        lastPass2Replaced = true;
        const s0 = sst[i]!;
        const e0 = sen[i + consumed - 1]!;
        for (let k = 0; k < repl.length; k++) {
          out[m] = repl.charCodeAt(k);
          st[m] = s0;
          en[m] = e0;
          m++;
        }
        i += consumed;
        continue;
      }
    }
    if (m >= out.length) {
      ensure2(m + 64);
      out = OUT2;
      st = ST2;
      en = EN2;
    }
    out[m] = c;
    st[m] = sst[i]!;
    en[m] = sen[i]!;
    m++;
    i++;
  }
  return { text: codesToString(out, m), starts: st.slice(0, m), ends: en.slice(0, m) };
}

const UTF16 = typeof TextDecoder === 'function' ? new TextDecoder('utf-16le') : null;

function codesToString(codes: Uint16Array, n: number): string {
  // The buffer never holds lone surrogates (pass 1 drops them), so decoding is lossless.
  if (UTF16 && n > 256) return UTF16.decode(codes.subarray(0, n));
  let s = '';
  for (let i = 0; i < n; i += 8192) s += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  return s;
}

let numeralEnd = 0;
const isDigitCode = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * Numeral at src[i]: 百分之X → X%, 千分之X → (X/10)%, Chinese numeral + 元/块/倍/% → digits.
 * Returns the replacement (and sets numeralEnd) or null. Cheap rejection first: most
 * 一/十 characters are not amounts.
 */
function numeral(src: Uint16Array, i: number, n: number): string | null {
  const c0 = src[i]!;
  if ((c0 === C_BAI || c0 === C_QIAN) && i + 2 < n && src[i + 1] === C_FEN && src[i + 2] === C_ZHI) {
    let j = i + 3;
    while (j < n && j - i < 20 && (ZHNUM[src[j]!] || isDigitCode(src[j]!) || src[j] === 0x2e)) j++;
    if (j === i + 3) return null;
    const raw = String.fromCharCode.apply(null, src.subarray(i + 3, j) as unknown as number[]);
    let v = /^[0-9.]+$/.test(raw) ? Number(raw) : parseChineseNumber(raw);
    if (!Number.isFinite(v)) return null;
    if (c0 === C_QIAN) v /= 10;
    numeralEnd = j;
    return `${+v.toFixed(4)}%`;
  }
  let j = i;
  while (j < n && j - i < 16 && ZHNUM[src[j]!]) j++;
  if (j >= n || !isUnitAfter(src[j]!)) return null;
  if (i > 0 && isDigitCode(src[i - 1]!)) return null; // 3万元 is left to the amount parser
  const raw = String.fromCharCode.apply(null, src.subarray(i, j) as unknown as number[]);
  if (raw.length < 2 && src[j] === C_KUAI && !/[十百千万亿]/.test(raw)) return null; // 一块 (together)
  const v = parseChineseNumber(raw);
  if (!Number.isFinite(v) || v <= 0) return null;
  numeralEnd = j;
  return String(v);
}

/** Normalize `input` for matching; see the module comment. Never throws. */
export function normalize(input: string): Normalized {
  if (typeof input !== 'string' || input.length === 0) return { text: '', starts: new Uint32Array(0), ends: new Uint32Array(0) };
  let cur = normalizeOnce(input);
  // A replacement can change a neighbour's context (“b V信” → “b 微信”: the space now
  // touches a CJK character), so run again on the result until nothing changes (≤ 3×),
  // composing the offset maps. Only texts with an evasion variant or a numeral pay this.
  for (let k = 0; k < 3 && lastReplaced; k++) {
    const next = normalizeOnce(cur.text);
    const m = next.text.length;
    const starts = new Uint32Array(m);
    const ends = new Uint32Array(m);
    for (let j = 0; j < m; j++) {
      starts[j] = cur.starts[next.starts[j]!]!;
      ends[j] = cur.ends[next.ends[j]! - 1]!;
    }
    const same = next.text === cur.text;
    cur = { text: next.text, starts, ends };
    if (same) break;
  }
  return cur;
}

let lastReplaced = false;

function normalizeOnce(input: string): Normalized {
  const n = pass1(input);
  const p2 = pass2(n);
  lastReplaced = p2 !== null && lastPass2Replaced;
  if (p2) return p2;
  return { text: codesToString(OUT, n), starts: ST.slice(0, n), ends: EN.slice(0, n) };
}

/** Map a normalized range [from, to) back to the original text. */
export function originalRange(norm: Normalized, from: number, to: number): { start: number; end: number } {
  if (norm.text.length === 0) return { start: 0, end: 0 };
  const a = Math.max(0, Math.min(from, norm.text.length - 1));
  const b = Math.max(a, Math.min(to, norm.text.length) - 1);
  return { start: norm.starts[a]!, end: norm.ends[b]! };
}
