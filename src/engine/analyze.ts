/**
 * One unit → its cues. PURE and independent of every other unit, so a page scanner can
 * cache the result by the unit's text (see page.ts).
 *
 *   normalize → phrase index walk (one typed-array read per character) → `all` groups
 *   within their window → regexes around their gates → negation/refutation dropped →
 *   each cue placed in its sentence, its spans mapped back to the original passages.
 *
 * Context (report words, warnings, disclosures, reported speech) is only COUNTED here;
 * what it is worth is policy (policy.ts), applied in score.ts.
 */
import { CTX_DISCLOSURE, CTX_NEG_SCOPE, CTX_NEGATION, CTX_REFUTE, CTX_REPORT, CTX_WARN, pairHash, type CompiledPack, type CompiledRule } from './compile';
import { normalize } from './normalize';
import { MAX_HITS_PER_GROUP, MAX_SPANS_PER_EVIDENCE, NEGATION, SENTENCE } from './policy';
import type { Category, Span } from './types';
import { isSentenceEnd, sentenceAt, sentenceStarts, toSpan, type Unit } from './units';

export interface Cue {
  rule: CompiledRule;
  /** Sentence (of the unit) of the cue's first range. */
  sentence: number;
  /** Annualized rate for `returns` cues. */
  annual: number;
  /** Every range lies in a quotation introduced by a reporting verb (对方称“…”). */
  quoted: boolean;
  spans: Span[];
  quotes: string[];
}

export interface UnitAnalysis {
  chars: number;
  cues: Cue[];
  /** Distinct report words (警方提醒, 被骗…), warning words (谨防…), disclosures (理财非存款…). */
  report: number;
  warn: number;
  disclosure: number;
  /** A contact/payment identifier of its own (chat id, handle, wallet, disguised number). */
  hasIdentifier: boolean;
  /** A request in the writer's own voice (not quoted) next to such an identifier. */
  ownContactAsk: boolean;
}

// "骗子勿扰" / "诈骗、钓鱼勿扰": black-market adverts fending off other crooks, not a report.
const REPORT_DEMOTE_AFTER = /^(勿|绕|滚|火葬|别来|不要来|退散)|^[^。!?！？]{0,6}(勿扰|勿进|勿来|绕道|免谈)/;
// "我是市反诈中心民警…": a self-introduction names the office it impersonates; that is no report.
const REPORT_DEMOTE_BEFORE = /(不是|谨防|防止|严防|涉嫌|涉及|卷入|预防|防范|参与|调查)[^。，,!！]{0,6}$|(我是|这里是|我们是|本人是|我系|本人系|我这边是)[^。，,!！]{0,10}$/;
const IDENTIFIER_RULES = new Set(['sig.contact-id', 'sig.contact-handle', 'sig.payment-address', 'bm.contact-shape']);
const QUOTE_RE = /[“「『"‘]([^“”「」『』"‘’]{1,300})[”」』"’]/g;
const REPORTING_VERB = /(称|说|表示|要求|谎称|声称|自称|告诉|让|问|道|骗|诱导|诱骗|以|写着|内容为|内容是|短信|信息|收到|接到|类似|诸如|例如|said|told|claimed|wrote|says)\s*[:：，,]?\s*$/;
const PERIOD_FACTOR: Record<string, number> = { 日: 365, 每日: 365, 每天: 365, 天天: 365, 周: 52, 每周: 52, 月: 12, 每月: 12, 年: 1, 年化: 1, 七日年化: 1 };

const isWordChar = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);

function annualize(m: RegExpExecArray): number {
  const f = PERIOD_FACTOR[m[1] ?? ''] ?? 0;
  const rate = Number(m[5]);
  return Number.isFinite(rate) ? rate * f : 0;
}

function findQuotes(text: string): Array<[number, number, boolean]> {
  const out: Array<[number, number, boolean]> = [];
  QUOTE_RE.lastIndex = 0;
  for (let m = QUOTE_RE.exec(text); m && out.length < 200; m = QUOTE_RE.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    out.push([m.index, m.index + m[0].length, REPORTING_VERB.test(before)]);
  }
  return out;
}

const EMPTY: Omit<UnitAnalysis, 'chars'> = { cues: [], report: 0, warn: 0, disclosure: 0, hasIdentifier: false, ownContactAsk: false };

export function analyzeUnit(pack: CompiledPack, unit: Unit, disabled: ReadonlySet<Category>): UnitAnalysis {
  const norm = normalize(unit.text);
  const text = norm.text;
  const n = text.length;
  if (n === 0) return { ...EMPTY, chars: unit.text.length };
  const { first, buckets, phrases, rules, single, pairs } = pack;

  // ---- 1. phrase walk: hits[rule][group] = flat [start, end, …] (normalized offsets) ----
  const hitMap = new Map<number, number[][]>();
  const negEnds: number[] = [];
  const refuteStarts: number[] = [];
  const scopeEnds: number[] = [];
  const reportSeen = new Set<string>();
  let warn = 0;
  let disclosure = 0;
  const onPhrase = (pi: number, i: number, L: number) => {
    const t = phrases[pi]!.targets;
    for (let j = 0; j < t.length; j += 2) {
      const r = t[j]!;
      if (r >= 0) {
        let groups = hitMap.get(r);
        if (!groups) {
          groups = Array.from({ length: rules[r]!.groups }, () => [] as number[]);
          hitMap.set(r, groups);
        }
        const g = groups[t[j + 1]!]!;
        if (g.length < MAX_HITS_PER_GROUP * 2) g.push(i, i + L);
      } else if (r === CTX_NEGATION) negEnds.push(i + L);
      else if (r === CTX_NEG_SCOPE) scopeEnds.push(i + L);
      else if (r === CTX_REFUTE) {
        if (i === 0 || text.charCodeAt(i - 1) !== 0x4e0d /* 不: "不是骗局" is no refutation */) refuteStarts.push(i);
      } else if (r === CTX_REPORT) {
        const before = text.slice(Math.max(0, i - 14), i);
        const after = text.slice(i + L, i + L + 8);
        if (REPORT_DEMOTE_AFTER.test(after) || REPORT_DEMOTE_BEFORE.test(before)) warn++;
        else reportSeen.add(phrases[pi]!.text);
      } else if (r === CTX_WARN) warn++;
      else if (r === CTX_DISCLOSURE) disclosure++;
    }
  };
  for (let i = 0; i < n; i++) {
    const c0 = text.charCodeAt(i);
    if (first[c0] === 0) continue;
    const sp = single[c0]!;
    if (sp !== 0) {
      const ph = phrases[sp - 1]!;
      if (!(ph.wordStart && i > 0 && isWordChar(text.charCodeAt(i - 1))) && (ph.loose || !(ph.wordEnd && i + 1 < n && isWordChar(text.charCodeAt(i + 1))))) onPhrase(sp - 1, i, 1);
    }
    if (i + 1 >= n) continue;
    const b = pairs[pairHash(c0, text.charCodeAt(i + 1))]!;
    if (b < 0) continue;
    const bucket = buckets[b]!;
    for (let k = 0; k < bucket.length; k++) {
      const ph = phrases[bucket[k]!]!;
      const L = ph.text.length;
      if (i + L > n || !text.startsWith(ph.text, i)) continue;
      if (ph.wordStart && i > 0 && isWordChar(text.charCodeAt(i - 1))) continue;
      if (!ph.loose && ph.wordEnd && i + L < n && isWordChar(text.charCodeAt(i + L))) continue;
      onPhrase(bucket[k]!, i, L);
    }
  }
  const report = reportSeen.size;
  if (hitMap.size === 0) return { ...EMPTY, chars: unit.text.length, report, warn, disclosure };

  // ---- 2. negation: "不要…", "客服不会要求您…。", "…都是骗局" (never across a sentence end) ----
  const sentenceEndBetween = (from: number, to: number) => {
    for (let q = norm.ends[Math.max(0, from - 1)]!; q < norm.starts[Math.min(to, n - 1)]!; q++) if (isSentenceEnd(unit.text.charCodeAt(q))) return true;
    return false;
  };
  /** "客服不会要求您…。": every cue up to the end of the sentence, whatever the rule. */
  const inNegScope = (start: number) => {
    for (let k = 0; k < scopeEnds.length; k++) {
      const e = scopeEnds[k]!;
      if (e <= start && e >= start - NEGATION.scopeChars && !sentenceEndBetween(e, start)) return true;
    }
    return false;
  };
  /** "不要…" just before, "…都是骗局" just after (negatable rules only). */
  const negated = (start: number, end: number) => {
    for (let k = negEnds.length - 1; k >= 0; k--) {
      const e = negEnds[k]!;
      if (e <= start && e >= start - NEGATION.before && !sentenceEndBetween(e, start)) return true;
    }
    for (let k = 0; k < refuteStarts.length; k++) {
      const r = refuteStarts[k]!;
      if (r >= end && r <= end + NEGATION.refuteAfter) return true;
    }
    return false;
  };

  // ---- 3. each rule's ranges (normalized) ----
  const found: Array<{ rule: CompiledRule; ranges: number[]; annual: number }> = [];
  for (const [ri, groups] of hitMap) {
    const rule = rules[ri]!;
    if (rule.category !== 'signal' && disabled.has(rule.category)) continue;
    const keep = (arr: number[]) => {
      const out: number[] = [];
      for (let k = 0; k < arr.length; k += 2) {
        if (inNegScope(arr[k]!) || (rule.negatable && negated(arr[k]!, arr[k + 1]!))) continue;
        out.push(arr[k]!, arr[k + 1]!);
      }
      return out;
    };
    if (rule.kind === 'any') {
      const r = keep(groups[0]!);
      if (r.length) found.push({ rule, ranges: r, annual: 0 });
    } else if (rule.kind === 'all') {
      const ranges = matchAll(rule, groups.map(keep));
      if (ranges.length) found.push({ rule, ranges, annual: 0 });
    } else {
      const r = matchRegex(rule, keep(groups[0]!), text);
      if (r.ranges.length) found.push({ rule, ranges: r.ranges, annual: r.annual });
    }
  }
  if (found.length === 0) return { ...EMPTY, chars: unit.text.length, report, warn, disclosure };

  // ---- 4. place every cue: sentence, quotation, original spans ----
  const sentences = sentenceStarts(unit.text, SENTENCE.minChars, SENTENCE.maxChars);
  const quotes = findQuotes(unit.text);
  const orig = (k: number) => norm.starts[Math.min(k, n - 1)]!;
  const cues: Cue[] = [];
  let hasIdentifier = false;
  // One cue per match instance (an `all` match is one instance of `groups` ranges), so a
  // rule seen in a headline AND next to an ask binds where it sits next to the ask.
  for (const f of found) {
    const stride = f.rule.kind === 'all' ? f.rule.groups * 2 : 2;
    if (IDENTIFIER_RULES.has(f.rule.id)) hasIdentifier = true;
    for (let at = 0, made = 0; at < f.ranges.length && made < MAX_SPANS_PER_EVIDENCE; at += stride, made++) {
      const spans: Span[] = [];
      const qs: string[] = [];
      let quoted = quotes.length > 0;
      for (let k = at; k < Math.min(f.ranges.length, at + stride); k += 2) {
        const os = orig(f.ranges[k]!);
        const q = quotes.find(([a, b]) => os >= a && os < b);
        if (!q || !(q[2] || report > 0)) quoted = false;
        const a = Math.max(0, Math.min(f.ranges[k]!, n - 1));
        const b = Math.max(a, Math.min(f.ranges[k + 1]!, n) - 1);
        const start = norm.starts[a]!;
        const end = norm.ends[b]!;
        spans.push(toSpan(unit, start, end));
        qs.push(unit.text.slice(start, end));
      }
      cues.push({ rule: f.rule, sentence: sentenceAt(sentences, orig(f.ranges[at]!)), annual: f.annual, quoted, spans, quotes: qs });
    }
  }
  // A request in the writer's own voice next to an identifier of its own.
  let ownContactAsk = false;
  if (hasIdentifier) {
    const req = found.find((f) => f.rule.signal === 'request');
    if (req) {
      const os = orig(req.ranges[0]!);
      ownContactAsk = !quotes.some(([a, b]) => os >= a && os < b);
    }
  }
  return { chars: unit.text.length, cues, report, warn, disclosure, hasIdentifier, ownContactAsk };
}

/** One phrase of every group within the rule's window of the first group's hit. */
function matchAll(rule: CompiledRule, gs: number[][]): number[] {
  if (gs.some((g) => g.length === 0)) return [];
  const ranges: number[] = [];
  const g0 = gs[0]!;
  for (let a = 0; a < g0.length && ranges.length < MAX_SPANS_PER_EVIDENCE * 2; a += 2) {
    const s0 = g0[a]!;
    const picked: number[] = [s0, g0[a + 1]!];
    let ok = true;
    for (let gi = 1; gi < gs.length && ok; gi++) {
      const g = gs[gi]!;
      let found = -1;
      for (let b = 0; b < g.length; b += 2) {
        if (Math.abs(g[b]! - s0) <= rule.window && (g[b + 1]! <= s0 || g[b]! >= g0[a + 1]!)) {
          found = b;
          break;
        }
      }
      if (found < 0) ok = false;
      else picked.push(g[found]!, g[found + 1]!);
    }
    if (ok) ranges.push(...picked);
  }
  return ranges;
}

/** The rule's regex in small windows around its gate hits (cost bounded by the gates). */
function matchRegex(rule: CompiledRule, gates: number[], text: string): { ranges: number[]; annual: number } {
  const n = text.length;
  const ranges: number[] = [];
  let annual = 0;
  let lastEnd = -1;
  const re = rule.regex!;
  for (let k = 0; k < gates.length && ranges.length < MAX_SPANS_PER_EVIDENCE * 2; k += 2) {
    const from = Math.max(0, gates[k]! - rule.around[0], lastEnd);
    const to = Math.min(n, gates[k + 1]! + rule.around[1]);
    if (to <= from) continue;
    const slice = text.slice(from, to);
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (rule.signal === 'returns') {
        const a = annualize(m);
        if (a <= annual && ranges.length) continue;
        annual = Math.max(annual, a);
      }
      ranges.push(from + m.index, from + m.index + m[0].length);
      lastEnd = from + m.index + m[0].length;
      if (ranges.length >= MAX_SPANS_PER_EVIDENCE * 2) break;
    }
  }
  return { ranges, annual };
}
