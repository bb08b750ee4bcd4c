/**
 * THE page verdict, in one place. A page is a list of passages; the verdict is a function
 * of that list alone:
 *
 *   passages ─► units (units.ts) ─► per-unit cues (analyze.ts, cached by unit)
 *            ─► page context (report words summed over the page)
 *            ─► per-unit scores (score.ts) ─► combination (below) ─► Verdict + trace
 *
 * The content script feeds the page through a PageScan in steps sized for main-thread
 * time (`step(maxChars)`); since units depend only on the passage list and each unit is
 * analysed on its own, how the work is sliced never changes the verdict (property-tested
 * in tests/unit/engine/page.test.ts). A PageScanner remembers the previous pass's unit
 * analyses, so a page that changes re-analyses only the units whose text changed.
 */
import { analyzeUnit, type UnitAnalysis } from './analyze';
import type { CompiledPack } from './compile';
import { EXTRA_UNITS, levelFor, MAX_SPANS_PER_EVIDENCE, PAGE_ABOUT_FRAUD, THRESHOLDS, UNBOUND_CAP } from './policy';
import { scoreUnit, weakestLinkCap, type UnitScore, type WindowCue } from './score';
import type { Category, Evidence, ScanOptions, Sensitivity, TraceCue, TraceFactor, Verdict, VerdictTrace } from './types';
import { unitsOf, type Unit } from './units';

export interface PageScan {
  /** Analyse up to about `maxChars` more characters; true when the page is done. */
  step(maxChars: number): boolean;
  /** The page verdict (finishes any remaining work first). */
  verdict(): Verdict;
}

export interface PageScanner {
  begin(passages: readonly string[]): PageScan;
}

const unitKey = (u: Unit) => `${u.piecePassage[0]}:${u.pieceOffset[0]}:${u.pieceStart.length}:${u.text}`;

export function createPageScanner(pack: CompiledPack, options: ScanOptions = {}): PageScanner {
  const disabled = new Set<Category>(options.disabledCategories ?? []);
  const sensitivity: Sensitivity = options.sensitivity && options.sensitivity in THRESHOLDS ? options.sensitivity : 'standard';
  let cache = new Map<string, UnitAnalysis>();
  return {
    begin(passages) {
      const units = Array.isArray(passages) ? unitsOf(passages) : [];
      const next = new Map<string, UnitAnalysis>();
      const analyses: UnitAnalysis[] = [];
      let at = 0;
      const step = (maxChars: number) => {
        let spent = 0;
        while (at < units.length && (spent < maxChars || spent === 0)) {
          const u = units[at]!;
          const key = unitKey(u);
          let a = next.get(key) ?? cache.get(key);
          if (!a) {
            a = analyzeUnit(pack, u, disabled);
            spent += u.text.length;
          }
          next.set(key, a);
          analyses.push(a);
          at++;
        }
        if (at >= units.length) cache = next;
        return at >= units.length;
      };
      return {
        step,
        verdict() {
          while (!step(Infinity));
          return combine(pack, units, analyses, sensitivity);
        },
      };
    },
  };
}

// ---- combination ---------------------------------------------------------------------------

interface Scored {
  unit: Unit;
  s: UnitScore;
}

function combine(pack: CompiledPack, units: Unit[], analyses: UnitAnalysis[], sensitivity: Sensitivity): Verdict {
  const t = THRESHOLDS[sensitivity];
  // Page context: is the page, overall, about fraud?
  let pageReport = 0;
  for (const a of analyses) pageReport += a.report;
  const pageAboutFraud = pageReport >= PAGE_ABOUT_FRAUD.minReportWords;

  const scored: Scored[] = [];
  analyses.forEach((a, k) => {
    const s = scoreUnit(pack, a, pageAboutFraud);
    if (s) scored.push({ unit: units[k]!, s });
  });
  scored.sort((x, y) => y.s.score - x.s.score || y.s.evidence - x.s.evidence);
  const top = scored[0];
  const trace = traceOf(pack, top?.s ?? null);
  if (!top || top.s.score < t.low) return { level: 'none', score: Math.round(top?.s.score ?? 0), categories: [], evidence: [], trace };

  // Several units that each warn on their own add a little.
  let extra = 0;
  for (let k = 1; k < scored.length; k++) {
    const s = scored[k]!.s;
    if (s.window?.bound && s.score >= t.medium) extra += EXTRA_UNITS.share * s.score;
  }
  extra = Math.min(EXTRA_UNITS.cap, extra);
  if (extra > 0) trace.factors.push({ name: 'extra-units', value: Math.round(extra), note: 'other parts of the page warn on their own too' });
  const score = Math.round(Math.min(100, top.s.score + extra));

  const contributing = scored.filter((r) => r.s.score >= t.low);
  return { level: levelFor(score, sensitivity), score, categories: categoriesOf(contributing), evidence: evidenceOf(contributing), trace };
}

function categoriesOf(contributing: Scored[]): Category[] {
  const totals = new Map<Category, number>();
  for (const { s } of contributing) for (const [c, v] of s.catScores) if (v >= 20 || c === s.best) totals.set(c, Math.max(totals.get(c) ?? 0, v));
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
}

function evidenceOf(contributing: Scored[]): Evidence[] {
  const byRule = new Map<string, Evidence>();
  for (const { s } of contributing) {
    if (!s.window) continue;
    for (const c of s.window.cues) {
      const w = c.rule.weight * c.factor * s.context.factor;
      if (w <= 0) continue;
      const category: Category | null = c.rule.category === 'signal' ? s.best : c.rule.category;
      if (!category) continue;
      let e = byRule.get(c.rule.id);
      if (!e) {
        e = {
          ruleId: c.rule.id,
          category,
          spans: [],
          quotes: [],
          weight: Math.round(w),
        };
        byRule.set(c.rule.id, e);
      } else e.weight = Math.max(e.weight, Math.round(w));
      c.cue.spans.forEach((span, k) => {
        if (e.spans.length >= MAX_SPANS_PER_EVIDENCE) return;
        if (e.spans.some((x) => x.passage === span.passage && x.start === span.start && x.end === span.end)) return;
        e.spans.push(span);
        e.quotes.push(c.cue.quotes[k]!);
      });
    }
  }
  return [...byRule.values()].sort((a, b) => b.weight - a.weight);
}

function traceCue(c: WindowCue): TraceCue {
  return { ruleId: c.rule.id, role: c.rule.role, weight: Math.round(c.rule.weight * c.factor * 10) / 10, factor: Math.round(c.factor * 100) / 100, quote: c.cue.quotes[0] ?? '' };
}

function traceOf(pack: CompiledPack, s: UnitScore | null): VerdictTrace {
  if (!s || !s.window) return { binding: null, cues: [], factors: [] };
  const w = s.window;
  const factors: TraceFactor[] = [
    { name: 'evidence', value: Math.round(s.evidence * 10) / 10, note: 'Σ weight × cue factor × context of the deciding window' },
    { name: 'offset', value: Math.round(pack.offset * 10) / 10, note: 'fitted constant (rules/weights.json)' },
    ...s.context.notes,
  ];
  if (w.bound && w.categorized && s.score > 0 && s.score >= weakestLinkCap(w)) factors.push({ name: 'weakest-link-cap', value: Math.round(weakestLinkCap(w)), note: 'a warning is as strong as the weaker of its ask and its lure/pressure' });
  if (!w.bound) factors.push({ name: 'unbound-cap', value: UNBOUND_CAP, note: 'no ask bound to a lure or pressure in one or two adjacent sentences' });
  else if (!w.categorized) factors.push({ name: 'signals-only-cap', value: UNBOUND_CAP, note: 'only generic signals, no scam-kind cue' });
  return {
    binding: w.bound && w.ask && w.to ? { ask: traceCue(w.ask), to: traceCue(w.to) } : null,
    cues: w.cues.map(traceCue).sort((a, b) => b.weight - a.weight),
    factors,
  };
}
