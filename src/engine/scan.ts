/**
 * Scanning and scoring: passages → segments → normalized text → phrase/regex hits →
 * context → per-segment score → page verdict.
 *
 * Why segments: the page gives us one passage per block element, which can be a single
 * character (text split one span per character) or a whole 5 MB article. Consecutive
 * short passages are joined (with a newline, which the normalizer drops between CJK
 * characters) into segments of ≤ SEGMENT_CHARS; long passages are cut at sentence ends.
 * Each segment is judged on its own, with its own context (an anti-fraud article's
 * paragraphs are discounted, a scam advert block next to normal content is not), and
 * the page verdict combines the segments.
 *
 * Levels (see LEVEL_MEANING): low = badge only, medium = in-page banner, high = interrupt.
 */
import { CTX_DISCLOSURE, CTX_NEG_SCOPE, CTX_NEGATION, CTX_REFUTE, CTX_REPORT, CTX_WARN, pairHash, type CompiledPack, type CompiledRule } from './compile';
import { normalize, type Normalized } from './normalize';
import type { Category, Evidence, Level, ScanOptions, Sensitivity, Span, Verdict } from './types';

export const SEGMENT_CHARS = 1500;
/** Characters scanned per call at most (the content script sends ≤ 2 M). */
export const MAX_SCAN_CHARS = 4_000_000;
const MAX_HITS_PER_GROUP = 24;
const MAX_SPANS_PER_EVIDENCE = 12;
const NEGATION_WINDOW = 8;
const REFUTE_WINDOW = 8;
const NEG_SCOPE_CHARS = 80;

export const THRESHOLDS: Record<Sensitivity, { low: number; medium: number; high: number }> = {
  strict: { low: 18, medium: 38, high: 62 },
  standard: { low: 25, medium: 50, high: 75 },
  relaxed: { low: 35, medium: 65, high: 90 },
};

export const LEVEL_MEANING: Record<Exclude<Level, 'none'>, string> = {
  low: 'some fraud cues: toolbar badge only, no interruption',
  medium: 'looks like a scam: an in-page banner explains why',
  high: 'almost certainly a scam: the page is interrupted until the person chooses',
};

export function levelFor(score: number, sensitivity: Sensitivity = 'standard'): Level {
  const t = THRESHOLDS[sensitivity] ?? THRESHOLDS.standard;
  return score >= t.high ? 'high' : score >= t.medium ? 'medium' : score >= t.low ? 'low' : 'none';
}

// ---- segments ------------------------------------------------------------------------

interface Segment {
  text: string;
  /** Start offset of each joined piece inside `text`, its passage index and offset in that passage. */
  pieceStart: number[];
  piecePassage: number[];
  pieceOffset: number[];
}

const isSentenceEnd = (c: number) =>
  c === 0x3002 /* 。 */ || c === 0xff01 /* ！ */ || c === 0xff1f /* ？ */ || c === 0x21 || c === 0x3f || c === 0xff1b /* ； */ || c === 0x3b || c === 0x0a;

export function segmentPassages(passages: readonly string[]): Segment[] {
  const segs: Segment[] = [];
  let cur: Segment | null = null;
  let budget = MAX_SCAN_CHARS;
  const flush = () => {
    if (cur && cur.text) segs.push(cur);
    cur = null;
  };
  for (let p = 0; p < passages.length && budget > 0; p++) {
    let text = passages[p];
    if (typeof text !== 'string' || text.length === 0) continue;
    if (text.length > budget) text = text.slice(0, budget);
    budget -= text.length;
    if (text.length > SEGMENT_CHARS) {
      flush();
      let at = 0;
      while (at < text.length) {
        let end = Math.min(text.length, at + SEGMENT_CHARS);
        if (end < text.length) {
          // cut after the last sentence end in the second half of the window
          const half = at + (SEGMENT_CHARS >> 1);
          for (let k = end - 1; k >= half; k--) {
            if (isSentenceEnd(text.charCodeAt(k))) {
              end = k + 1;
              break;
            }
          }
          // never cut a surrogate pair
          const c = text.charCodeAt(end - 1);
          if (c >= 0xd800 && c <= 0xdbff) end++;
        }
        segs.push({ text: text.slice(at, end), pieceStart: [0], piecePassage: [p], pieceOffset: [at] });
        at = end;
      }
      continue;
    }
    const c = cur as Segment | null;
    if (c && c.text.length + 1 + text.length > SEGMENT_CHARS) flush();
    if (!cur) cur = { text: '', pieceStart: [], piecePassage: [], pieceOffset: [] };
    const seg = cur as Segment;
    if (seg.text) seg.text += '\n';
    seg.pieceStart.push(seg.text.length);
    seg.piecePassage.push(p);
    seg.pieceOffset.push(0);
    seg.text += text;
  }
  flush();
  return segs;
}

function toSpan(seg: Segment, start: number, end: number): Span {
  let k = seg.pieceStart.length - 1;
  while (k > 0 && seg.pieceStart[k]! > start) k--;
  const base = seg.pieceStart[k]!;
  const nextStart = k + 1 < seg.pieceStart.length ? seg.pieceStart[k + 1]! - 1 : seg.text.length;
  const off = seg.pieceOffset[k]!;
  return { start: start - base + off, end: Math.min(end, nextStart) - base + off, passage: seg.piecePassage[k]! };
}

// ---- per-segment matching --------------------------------------------------------------

interface RuleHit {
  rule: CompiledRule;
  /** normalized [start, end) ranges */
  ranges: number[];
  factor: number;
  /** annualized rate for `returns` hits */
  annual?: number;
}

interface SegmentResult {
  score: number;
  best: Category | null;
  catScores: Map<Category, number>;
  hits: RuleHit[];
  seg: Segment;
  norm: Normalized;
  report: number;
  hasIdentifier: boolean;
}

// "骗子勿扰" / "诈骗、钓鱼勿扰": black-market adverts fending off other crooks, not a report.
const REPORT_DEMOTE_AFTER = /^(勿|绕|滚|火葬|别来|不要来|退散)|^[^。!?！？]{0,6}(勿扰|勿进|勿来|绕道|免谈)/;
// "我是市反诈中心民警…": a self-introduction names the office it impersonates; that is no report.
const REPORT_DEMOTE_BEFORE = /(不是|谨防|防止|严防|涉嫌|涉及|卷入|预防|防范|参与|调查)[^。，,!！]{0,6}$|(我是|这里是|我们是|本人是|我系|本人系|我这边是)[^。，,!！]{0,10}$/;
const OWN_IDENTIFIER = new Set(['sig.contact-id', 'sig.contact-handle', 'sig.payment-address', 'bm.contact-shape']);
const QUOTE_RE = /[“「『"‘]([^“”「」『』"‘’]{1,300})[”」』"’]/g;
const REPORTING_VERB = /(称|说|表示|要求|谎称|声称|自称|告诉|让|问|道|骗|诱导|诱骗|以|写着|内容为|内容是|短信|信息|said|told|claimed|wrote|says)\s*[:：，,]?\s*$/;

const PERIOD_FACTOR: Record<string, number> = { 日: 365, 每日: 365, 每天: 365, 天天: 365, 周: 52, 每周: 52, 月: 12, 每月: 12, 年: 1, 年化: 1, 七日年化: 1 };

function annualize(m: RegExpExecArray): number {
  const period = m[1] ?? '';
  const rate = Number(m[5]);
  const f = PERIOD_FACTOR[period] ?? 0;
  return Number.isFinite(rate) ? rate * f : 0;
}

function scanSegment(pack: CompiledPack, seg: Segment, disabled: ReadonlySet<Category>): SegmentResult | null {
  const norm = normalize(seg.text);
  const text = norm.text;
  const n = text.length;
  const empty = { score: 0, best: null, catScores: new Map(), hits: [], seg, norm, report: 0, hasIdentifier: false };
  if (n === 0) return empty;
  const { first, buckets, phrases, rules, single, pairs } = pack;
  // hits[rule][group] = flat [start, end, start, end…]
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
      }
      else if (r === CTX_REPORT) {
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
      if (!(ph.wordStart && i > 0 && isWordChar(text.charCodeAt(i - 1))) && !(ph.wordEnd && i + 1 < n && isWordChar(text.charCodeAt(i + 1)))) onPhrase(sp - 1, i, 1);
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
      if (ph.wordEnd && i + L < n && isWordChar(text.charCodeAt(i + L))) continue;
      onPhrase(bucket[k]!, i, L);
    }
  }
  if (hitMap.size === 0) return { ...empty, report: reportSeen.size };

  const negated = (start: number, end: number) => {
    for (let k = negEnds.length - 1; k >= 0; k--) {
      const e = negEnds[k]!;
      if (e <= start && e >= start - NEGATION_WINDOW) return true;
    }
    // "客服不会要求您下载…、提供验证码": negated to the end of the sentence (in the ORIGINAL
    // text, since the normalizer drops punctuation between CJK characters)
    for (let k = 0; k < scopeEnds.length; k++) {
      const e = scopeEnds[k]!;
      if (e > start || e < start - NEG_SCOPE_CHARS) continue;
      const from = norm.ends[e - 1]!;
      const to = norm.starts[start]!;
      let open = true;
      for (let q = from; q < to; q++) {
        if (isSentenceEnd(seg.text.charCodeAt(q))) {
          open = false;
          break;
        }
      }
      if (open) return true;
    }
    // refuted right after: "…转入安全账户都是骗局" / "…都不要相信"
    for (let k = 0; k < refuteStarts.length; k++) {
      const r = refuteStarts[k]!;
      if (r >= end && r <= end + REFUTE_WINDOW) return true;
    }
    return false;
  };

  const hits: RuleHit[] = [];
  for (const [ri, groups] of hitMap) {
    const rule = rules[ri]!;
    if (rule.category !== 'signal' && disabled.has(rule.category)) continue;
    const keep = (arr: number[]) => {
      if (!rule.negatable) return arr;
      const out: number[] = [];
      for (let k = 0; k < arr.length; k += 2) if (!negated(arr[k]!, arr[k + 1]!)) out.push(arr[k]!, arr[k + 1]!);
      return out;
    };
    if (rule.kind === 'any') {
      const r = keep(groups[0]!);
      if (!r.length) continue;
      // Several DIFFERENT phrases of the same rule are more evidence than one: ×1.25 each, ≤ ×1.6.
      const distinct = new Set<string>();
      for (let k = 0; k < r.length && distinct.size < 4; k += 2) distinct.add(text.slice(r[k]!, r[k + 1]!));
      hits.push({ rule, ranges: r, factor: Math.min(1.6, 1 + 0.25 * (distinct.size - 1)) });
    } else if (rule.kind === 'all') {
      const gs = groups.map(keep);
      if (gs.some((g) => g.length === 0)) continue;
      const ranges: number[] = [];
      const g0 = gs[0]!;
      for (let a = 0; a < g0.length && ranges.length < MAX_SPANS_PER_EVIDENCE * 2; a += 2) {
        const s0 = g0[a]!;
        const picked: number[] = [s0, g0[a + 1]!];
        let ok = true;
        for (let gi = 1; gi < gs.length && ok; gi++) {
          const g = gs[gi]!;
          let found = -1;
          for (let b2 = 0; b2 < g.length; b2 += 2) {
            if (Math.abs(g[b2]! - s0) <= rule.window && (g[b2 + 1]! <= s0 || g[b2]! >= g0[a + 1]!)) {
              found = b2;
              break;
            }
          }
          if (found < 0) ok = false;
          else picked.push(g[found]!, g[found + 1]!);
        }
        if (ok) ranges.push(...picked);
      }
      if (!ranges.length) continue;
      // More DIFFERENT cues of the same mechanic near the match: ×1.2 each beyond the groups, ≤ ×1.6.
      const near = new Set<string>();
      const lo = ranges[0]! - rule.window;
      const hi = ranges[0]! + rule.window;
      for (const g of gs) for (let k = 0; k < g.length && near.size < 8; k += 2) if (g[k]! >= lo && g[k]! <= hi) near.add(text.slice(g[k]!, g[k + 1]!));
      hits.push({ rule, ranges, factor: Math.min(1.6, 1 + 0.2 * Math.max(0, near.size - rule.groups)) });
    } else {
      // regex around gates
      const gates = keep(groups[0]!);
      const ranges: number[] = [];
      let annual = 0;
      let lastEnd = -1;
      for (let k = 0; k < gates.length && ranges.length < MAX_SPANS_PER_EVIDENCE * 2; k += 2) {
        const from = Math.max(0, gates[k]! - rule.around[0], lastEnd);
        const to = Math.min(n, gates[k + 1]! + rule.around[1]);
        if (to <= from) continue;
        const re = rule.regex!;
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
      if (ranges.length) hits.push({ rule, ranges, factor: 1, annual });
    }
  }

  // ---- returns: only a claim above normal rates counts ----
  const guaranteed = hits.some((h) => h.rule.id === 'inv.guaranteed-profit');
  for (const h of hits) {
    if (h.rule.signal !== 'returns') continue;
    const a = h.annual ?? 0;
    if (a >= 100) h.factor = 1.5;
    else if (a >= 30) h.factor = 1;
    else if (guaranteed && a > 4) h.factor = 1;
    else h.factor = 0;
  }

  // ---- context ----
  const report = reportSeen.size;
  // Only words scammers don't use about themselves (report) open a discount; warning
  // words (谨防, 提醒…) deepen it but never start one, so "谨防假冒" on a scam page is inert.
  let ctx = report >= 2 ? 0.15 : report === 1 ? (warn >= 2 ? 0.2 : warn === 1 ? 0.3 : 0.5) : 1;
  // A passage that introduces its writer, asks the reader for money/codes/downloads AND
  // leaves a private contact or account of its own is talking to its victim, whatever
  // fraud words it borrows ("反诈中心", "涉嫌诈骗案"): the report discount is capped.
  // Not when the self-introduction is quoted (对方自称“我是…”) or the passage is mostly about fraud.
  let quotes: Array<[number, number, boolean]> | null = null;
  if (ctx < 1 && report <= 2 && hits.some((h) => OWN_IDENTIFIER.has(h.rule.id))) {
    const req = hits.find((h) => h.rule.signal === 'request');
    if (req) {
      quotes = findQuotes(seg.text);
      const os = norm.starts[Math.min(req.ranges[0]!, n - 1)]!;
      if (!quotes.some(([a, b]) => os >= a && os < b)) ctx = Math.max(ctx, 0.6);
    }
  }
  for (const h of hits) {
    if (h.factor === 0) continue;
    h.factor *= ctx;
    if (disclosure > 0 && (h.rule.category === 'investment' || h.rule.signal === 'returns')) h.factor *= 0.35;
    // reported speech: every range inside a quotation introduced by a reporting verb
    if (h.rule.category === 'signal') continue; // signals follow the category they support
    quotes ??= findQuotes(seg.text);
    if (quotes.length) {
      let allQuoted = true;
      for (let k = 0; k < h.ranges.length; k += 2) {
        const os = norm.starts[Math.min(h.ranges[k]!, n - 1)]!;
        const q = quotes.find(([a, b]) => os >= a && os < b);
        if (!q || !(q[2] || report > 0)) {
          allQuoted = false;
          break;
        }
      }
      if (allQuoted) h.factor *= 0.3;
    }
  }

  // ---- score ----
  const catScores = new Map<Category, number>();
  const sigByKind = new Map<string, number>();
  let hasIdentifier = false;
  for (const h of hits) {
    const w = h.rule.weight * h.factor;
    if (w <= 0) continue;
    if (h.rule.category === 'signal') {
      const kind = h.rule.signal ?? 'other';
      sigByKind.set(kind, Math.max(sigByKind.get(kind) ?? 0, w));
      if (h.rule.id === 'sig.contact-id' || h.rule.id === 'sig.contact-handle' || h.rule.id === 'sig.payment-address') hasIdentifier = true;
    } else catScores.set(h.rule.category, (catScores.get(h.rule.category) ?? 0) + w);
  }
  let best: Category | null = null;
  let bestScore = 0;
  let second = 0;
  for (const [c, s] of catScores) {
    if (s > bestScore) {
      second = bestScore;
      bestScore = s;
      best = c;
    } else if (s > second) second = s;
  }
  let sig = 0;
  for (const v of sigByKind.values()) sig += v;
  const score = best ? bestScore + 0.3 * second + sig : Math.min(sig, 20);
  return { score: Math.min(100, score), best, catScores, hits, seg, norm, report, hasIdentifier };
}

function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
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

// ---- page verdict ------------------------------------------------------------------------

export function scanWithPack(pack: CompiledPack, passages: readonly string[], options: ScanOptions = {}): Verdict {
  const sensitivity: Sensitivity = options.sensitivity && options.sensitivity in THRESHOLDS ? options.sensitivity : 'standard';
  const t = THRESHOLDS[sensitivity];
  const disabled = new Set<Category>(options.disabledCategories ?? []);
  const segs = Array.isArray(passages) ? segmentPassages(passages) : [];
  const results: SegmentResult[] = [];
  let pageReport = 0;
  for (const seg of segs) {
    const r = scanSegment(pack, seg, disabled);
    if (!r) continue;
    pageReport += r.report;
    if (r.score > 0) results.push(r);
  }
  // A page that is, overall, about fraud (several report cues) discounts segments that
  // carry no contact or payment identifier of their own.
  if (pageReport >= 3) for (const r of results) if (!r.hasIdentifier) r.score *= 0.3;
  results.sort((a, b) => b.score - a.score);
  const top = results[0];
  if (!top || top.score < t.low) return { level: 'none', score: Math.round(top?.score ?? 0), categories: [], evidence: [] };
  let score = top.score;
  let extra = 0;
  for (let k = 1; k < results.length; k++) if (results[k]!.score >= t.low) extra += 0.2 * results[k]!.score;
  score = Math.min(100, score + Math.min(20, extra));

  const contributing = results.filter((r) => r.score >= t.low);
  const catTotals = new Map<Category, number>();
  for (const r of contributing) {
    for (const [c, s] of r.catScores) if (s >= 20 || c === r.best) catTotals.set(c, Math.max(catTotals.get(c) ?? 0, s));
  }
  const categories = [...catTotals.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
  const byRule = new Map<string, Evidence>();
  for (const r of contributing) {
    for (const h of r.hits) {
      const w = h.rule.weight * h.factor;
      if (w <= 0) continue;
      const category: Category | null = h.rule.category === 'signal' ? r.best : h.rule.category;
      if (!category) continue;
      let e = byRule.get(h.rule.id);
      if (!e) {
        e = {
          ruleId: h.rule.id,
          category,
          spans: [],
          quotes: [],
          explanation: h.rule.explanation,
          advice: h.rule.category === 'signal' ? (pack.categoryAdvice[category] ?? h.rule.advice) : h.rule.advice,
          weight: Math.round(w),
        };
        byRule.set(h.rule.id, e);
      } else e.weight = Math.max(e.weight, Math.round(w));
      for (let k = 0; k < h.ranges.length && e.spans.length < MAX_SPANS_PER_EVIDENCE; k += 2) {
        const o = toOriginal(r, h.ranges[k]!, h.ranges[k + 1]!);
        const span = toSpan(r.seg, o.start, o.end);
        if (e.spans.some((s) => s.passage === span.passage && s.start === span.start && s.end === span.end)) continue;
        e.spans.push(span);
        e.quotes.push(r.seg.text.slice(o.start, o.end));
      }
    }
  }
  const evidence = [...byRule.values()].sort((a, b) => b.weight - a.weight);
  const rounded = Math.round(score);
  return { level: levelFor(rounded, sensitivity), score: rounded, categories, evidence };
}

function toOriginal(r: SegmentResult, from: number, to: number): { start: number; end: number } {
  const n = r.norm.text.length;
  const a = Math.max(0, Math.min(from, n - 1));
  const b = Math.max(a, Math.min(to, n) - 1);
  return { start: r.norm.starts[a]!, end: r.norm.ends[b]! };
}
