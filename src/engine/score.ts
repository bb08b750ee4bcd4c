/**
 * One unit's cues → its score, in three named steps that read top-down:
 *
 *   1. cueFactor      what each cue is worth on its own (returns above normal rates,
 *                     finance disclosures, reported speech);
 *   2. unitContext    what the unit's surroundings are worth (report words, the page
 *                     being about fraud, a request in the writer's own voice);
 *   3. windowsOf      cues grouped into windows (a sentence and its neighbours); a window
 *                     is BOUND when an ask and a lure or pressure (two distinct cues; a
 *                     mechanism cue may be either) sit in one sentence or two adjacent
 *                     ones; only a bound window can pass UNBOUND_CAP.
 *
 * The unit's score is its best window's: offset + context × (Σ weight × cue factor of
 * the window + UNIT_SUPPORT × the same over the rest of the unit, once the window is bound).
 * Every number is policy (policy.ts) or a fitted weight (rules/weights.json).
 */
import type { Cue, UnitAnalysis } from './analyze';
import type { CompiledPack, CompiledRule } from './compile';
import {
  CHAIN,
  CORROBORATION,
  DISCLOSURE_FACTOR,
  ILLICIT_CONTACT_LINK,
  ILLICIT_OFFER_CATEGORIES,
  OWN_CONTACT_FLOOR,
  OWN_CONTACT_MAX_REPORT,
  PAGE_ABOUT_FRAUD,
  PLAIN_CONTACT_RULES,
  REPORT_DISCOUNT,
  REPORTED_SPEECH_FACTOR,
  RETURNS,
  UNBOUND_CAP,
  UNIT_SUPPORT,
  WEAKEST_LINK,
  WINDOW_SENTENCES,
} from './policy';
import type { Category, TraceFactor } from './types';

// ---- 1. a cue on its own ----------------------------------------------------------------

export function cueFactor(cue: Cue, a: UnitAnalysis, guaranteed: boolean): number {
  const rule = cue.rule;
  let f = 1;
  if (rule.signal === 'returns') {
    // Only a claim above normal rates counts (日收益1% = 365 %/yr).
    f = cue.annual >= RETURNS.high ? RETURNS.highFactor : cue.annual >= RETURNS.normal ? 1 : guaranteed && cue.annual > RETURNS.guaranteedAbove ? 1 : 0;
  }
  if (a.disclosure > 0 && (rule.category === 'investment' || rule.signal === 'returns')) f *= DISCLOSURE_FACTOR;
  // Signals follow the cues they support; a category cue inside reported speech is quoted.
  if (rule.category !== 'signal' && cue.quoted) f *= REPORTED_SPEECH_FACTOR;
  return f;
}

// ---- 2. the unit's surroundings ---------------------------------------------------------

export interface UnitContext {
  factor: number;
  notes: TraceFactor[];
}

export function unitContext(a: UnitAnalysis, pageAboutFraud: boolean): UnitContext {
  const notes: TraceFactor[] = [];
  let factor = 1;
  if (a.report >= 2) factor = REPORT_DISCOUNT.many;
  else if (a.report === 1) factor = a.warn >= 2 ? REPORT_DISCOUNT.oneWithWarns : a.warn === 1 ? REPORT_DISCOUNT.oneWithWarn : REPORT_DISCOUNT.one;
  if (factor < 1) notes.push({ name: 'report-context', value: factor, note: `${a.report} report word(s), ${a.warn} warning word(s) in this part of the page` });
  if (factor < OWN_CONTACT_FLOOR && a.report <= OWN_CONTACT_MAX_REPORT && a.ownContactAsk) {
    factor = OWN_CONTACT_FLOOR;
    notes.push({ name: 'own-contact-ask', value: factor, note: 'asks in its own voice and leaves its own contact: report words do not excuse it' });
  }
  if (pageAboutFraud && !a.hasIdentifier) {
    factor *= PAGE_ABOUT_FRAUD.factor;
    notes.push({ name: 'page-about-fraud', value: PAGE_ABOUT_FRAUD.factor, note: `the page has ≥ ${PAGE_ABOUT_FRAUD.minReportWords} report words and this part no identifier of its own` });
  }
  return { factor, notes };
}

// ---- 3. windows and binding -------------------------------------------------------------

export interface WindowCue {
  rule: CompiledRule;
  /** The cue's own factor (cueFactor), before the unit context. */
  factor: number;
  cue: Cue;
}

export interface Window {
  /** Centre sentence of the window (the window is it and its neighbours). */
  sentence: number;
  /** Best cue per rule inside the window. */
  cues: WindowCue[];
  /** Best cue per rule of the rest of the unit (counted at UNIT_SUPPORT once bound). */
  support: WindowCue[];
  bound: boolean;
  ask: WindowCue | null;
  to: WindowCue | null;
  /** A category cue (not only generic signals) is present. */
  categorized: boolean;
}

const isAsk = (r: CompiledRule) => r.role === 'ask' || r.role === 'mechanism';
const isLureOrPressure = (r: CompiledRule) => r.role === 'lure' || r.role === 'pressure' || r.role === 'mechanism';

/** A cue that can carry a story chain (CHAIN): a category cue or a strong signal. */
const isStoryCue = (r: CompiledRule) => r.category !== 'signal' || r.weight >= CHAIN.minSignalWeight;

const overlaps = (a: Cue, b: Cue) => {
  const x = a.spans[0];
  const y = b.spans[0];
  return !!x && !!y && x.passage === y.passage && x.start < y.end && y.start < x.end;
};

export function windowsOf(a: UnitAnalysis): Window[] {
  if (a.cues.length === 0) return [];
  const guaranteed = a.cues.some((c) => c.rule.id === 'inv.guaranteed-profit' || c.rule.id === 'inv.principal-safe');
  const factors = a.cues.map((c) => cueFactor(c, a, guaranteed));
  const unitBest = new Map<number, WindowCue>();
  a.cues.forEach((c, k) => {
    const prev = unitBest.get(c.rule.index);
    if (factors[k]! > 0 && (!prev || factors[k]! > prev.factor)) unitBest.set(c.rule.index, { rule: c.rule, factor: factors[k]!, cue: c });
  });
  // Story chains (CHAIN): runs of adjacent sentences that each hold a story cue.
  const story = new Set<number>();
  a.cues.forEach((c, k) => {
    if (factors[k]! > 0 && !c.quoted && isStoryCue(c.rule)) story.add(c.sentence);
  });
  // Warning or report words (谨防, 千万别, 被骗…) mark advice or a report: no chains there.
  const chainsAllowed = a.report === 0 && a.warn === 0;
  // Pressure cues that can corroborate a binding (CORROBORATION), by sentence.
  const pressures = a.cues.filter((c, k) => factors[k]! > 0 && !c.quoted && c.rule.role === 'pressure' && c.rule.weight >= CORROBORATION.minPressure);
  const corroborated = (x: WindowCue, y: WindowCue) => {
    if (!chainsAllowed) return false;
    const lo = Math.min(x.cue.sentence, y.cue.sentence);
    const hi = Math.max(x.cue.sentence, y.cue.sentence);
    if (hi - lo > CORROBORATION.maxSentences) return false;
    const [ask, to] = isAsk(x.rule) && linkWeight(x) >= CORROBORATION.minAsk ? [x, y] : [y, x];
    if (linkWeight(ask) < CORROBORATION.minAsk || to.rule.category === 'signal' || to.rule.weight * to.factor < CORROBORATION.minLure) return false;
    return pressures.some((p) => p.rule !== to.rule && p.rule !== ask.rule && p.sentence >= lo - 1 && p.sentence <= hi + 1);
  };
  const chained = (x: number, y: number) => {
    const lo = Math.min(x, y);
    const hi = Math.max(x, y);
    if (hi - lo <= WINDOW_SENTENCES) return true;
    if (hi - lo > CHAIN.maxSentences || !chainsAllowed) return false;
    let last = lo;
    for (let s = lo + 1; s <= hi; s++) {
      if (!story.has(s)) continue;
      if (s - last > CHAIN.maxGap) return false;
      last = s;
    }
    return story.has(lo) && story.has(hi) && hi - last <= CHAIN.maxGap;
  };
  // One window per sentence that holds a cue: that sentence and its neighbours.
  const centres = new Set<number>();
  for (const c of a.cues) centres.add(c.sentence);
  const out: Window[] = [];
  for (const s of [...centres].sort((x, y) => x - y)) {
    const best = new Map<number, WindowCue>();
    // The window: the sentence and its neighbours, and, when the centre is part of a story
    // chain, the chain's sentences up to CHAIN.maxSentences away (asks and lures only).
    a.cues.forEach((c, k) => {
      if (factors[k]! <= 0) return;
      const d = Math.abs(c.sentence - s);
      if (d > WINDOW_SENTENCES && !(d <= CHAIN.maxSentences && chained(c.sentence, s) && (isAsk(c.rule) || isLureOrPressure(c.rule)) && isStoryCue(c.rule))) return;
      const prev = best.get(c.rule.index);
      if (!prev || factors[k]! > prev.factor) best.set(c.rule.index, { rule: c.rule, factor: factors[k]!, cue: c });
    });
    if (best.size === 0) continue;
    const cues = [...best.values()];
    const byWeight = (x: WindowCue, y: WindowCue) => y.rule.weight * y.factor - x.rule.weight * x.factor;
    const illicitOffer = cues.some((w) => isLureOrPressure(w.rule) && ILLICIT_OFFER_CATEGORIES.includes(w.rule.category));
    // Words inside reported speech (对方称“…”, 收到“…”短信) are someone else's: they never bind.
    const own = cues.filter((w) => !w.cue.quoted);
    const asks = own.filter((w) => isAsk(w.rule) || (illicitOffer && PLAIN_CONTACT_RULES.includes(w.rule.id))).sort(byWeight);
    const lures = own.filter((w) => isLureOrPressure(w.rule)).sort(byWeight);
    // Partners further away that only a corroborated binding may use (CORROBORATION).
    const far = new Map<number, WindowCue>();
    if (chainsAllowed) {
      a.cues.forEach((c, k) => {
        if (factors[k]! <= 0 || c.quoted || best.has(c.rule.index) || Math.abs(c.sentence - s) > CORROBORATION.maxSentences) return;
        const w = { rule: c.rule, factor: factors[k]!, cue: c };
        const strongAsk = isAsk(c.rule) && linkWeight(w) >= CORROBORATION.minAsk;
        const strongLure = isLureOrPressure(c.rule) && c.rule.category !== 'signal' && c.rule.weight * w.factor >= CORROBORATION.minLure;
        const prev = far.get(c.rule.index);
        if ((strongAsk || strongLure) && (!prev || w.factor > prev.factor)) far.set(c.rule.index, w);
      });
    }
    const farAsks = [...far.values()].filter((w) => isAsk(w.rule));
    const farLures = [...far.values()].filter((w) => isLureOrPressure(w.rule));
    // Bound: an ask and a lure/pressure from two DIFFERENT cues at different places, in
    // one sentence or two adjacent ones (a mechanism cue may play either part, never both),
    // along a story chain, or corroborated by a pressure cue (one of them in this window).
    let ask: WindowCue | null = null;
    let to: WindowCue | null = null;
    let link = -1;
    for (const x of [...asks, ...farAsks]) {
      for (const y of [...lures, ...farLures]) {
        if (far.has(x.rule.index) && far.has(y.rule.index)) continue;
        if (y.rule === x.rule || overlaps(x.cue, y.cue)) continue;
        const near = !far.has(x.rule.index) && !far.has(y.rule.index) && chained(x.cue.sentence, y.cue.sentence);
        if (!near && !corroborated(x, y)) continue;
        const l = Math.min(linkWeight(x), y.rule.weight * y.factor);
        if (l > link) {
          link = l;
          ask = x;
          to = y;
        }
      }
    }
    // A corroborated partner from further away joins the window's evidence.
    for (const w of [ask, to]) if (w && far.has(w.rule.index) && !best.has(w.rule.index)) {
      best.set(w.rule.index, w);
      cues.push(w);
    }
    const support = [...unitBest.values()].filter((u) => !best.has(u.rule.index));
    out.push({ sentence: s, cues, support, bound: !!ask && !!to, ask: ask ?? asks[0] ?? null, to: to ?? lures[0] ?? null, categorized: cues.some((w) => w.rule.category !== 'signal') });
  }
  return out;
}

export interface UnitScore {
  score: number;
  window: Window | null;
  context: UnitContext;
  /** Σ weight × factor × context of the best window (before offset and cap). */
  evidence: number;
  best: Category | null;
  catScores: Map<Category, number>;
}

/** How strongly a cue holds up its side of a binding. */
const linkWeight = (c: WindowCue) => {
  const own = c.rule.weight * c.factor;
  return PLAIN_CONTACT_RULES.includes(c.rule.id) ? Math.max(own, ILLICIT_CONTACT_LINK) : own;
};

/** The cap a bound window's weakest link allows (WEAKEST_LINK). */
export function weakestLinkCap(w: Window): number {
  if (!w.ask || !w.to) return UNBOUND_CAP;
  return WEAKEST_LINK.base + WEAKEST_LINK.perPoint * Math.min(linkWeight(w.ask), w.to.rule.weight * w.to.factor);
}

/** Score of one window under the pack's weights: offset + context × Σ, capped unless bound. */
export function windowScore(pack: CompiledPack, w: Window, context: number): { score: number; evidence: number } {
  let evidence = 0;
  for (const c of w.cues) evidence += c.rule.weight * c.factor * context;
  const bound = w.bound && w.categorized;
  // Once bound, the rest of the passage's cues support the window (at a share).
  if (bound) for (const c of w.support) evidence += UNIT_SUPPORT * c.rule.weight * c.factor * context;
  let score = pack.offset + evidence;
  if (!bound) score = Math.min(score, UNBOUND_CAP);
  else score = Math.min(score, weakestLinkCap(w));
  return { score: Math.max(0, Math.min(100, score)), evidence };
}

export function scoreUnit(pack: CompiledPack, a: UnitAnalysis, pageAboutFraud: boolean): UnitScore | null {
  const windows = windowsOf(a);
  if (windows.length === 0) return null;
  const context = unitContext(a, pageAboutFraud);
  let top: { w: Window; score: number; evidence: number } | null = null;
  for (const w of windows) {
    const s = windowScore(pack, w, context.factor);
    if (!top || s.score > top.score || (s.score === top.score && s.evidence > top.evidence)) top = { w, ...s };
  }
  const catScores = new Map<Category, number>();
  for (const c of top!.w.cues) {
    if (c.rule.category === 'signal') continue;
    catScores.set(c.rule.category, (catScores.get(c.rule.category) ?? 0) + c.rule.weight * c.factor);
  }
  let best: Category | null = null;
  for (const [c, s] of catScores) if (!best || s > catScores.get(best)!) best = c;
  return { score: top!.score, window: top!.w, context, evidence: top!.evidence, best, catScores };
}
