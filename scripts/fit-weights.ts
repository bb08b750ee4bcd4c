/**
 * Fits the weights of OUR hand-written rules (and one offset) on the fit split of the
 * dev corpus, writes them to src/engine/rules/weights.json, and prints fit vs validation
 * tables.    npm run fit    (= tsx scripts/fit-weights.ts ../shared/corpus/dev.jsonl)
 *
 * How (SpamAssassin rescores its hand-written rules the same way, with a perceptron):
 *  - split: FNV-1a hash of each line's `id` → 70 % fit / 30 % validation (eval.ts splitOf);
 *  - features: for each text, the engine's own windows (score.ts windowsOf), each a
 *    sparse vector {rule: cue factor × context}; a text's score is its best window's,
 *    and only a BOUND window (ask + lure/pressure) may pass the medium threshold;
 *  - model: logistic regression on each text's best window: for fraud rows only a
 *    bound window (a text without one cannot warn, whatever the weights); for legitimate
 *    rows any window (everyday co-occurrence must cost weight); legitimate rows
 *    weighted NEG_WEIGHT (a false alarm on an everyday page costs more than a miss),
 *    weights ≥ 0, and an L2 pull toward the hand-written weight (PRIOR) so a rule the
 *    corpus rarely shows keeps its authored weight;
 *  - the engine's own caps are part of the model: an unbound window is capped at
 *    UNBOUND_CAP, a bound one at WEAKEST_LINK (only the weaker link's weight moves it);
 *  - alternate: choose each text's best window under the current weights, refit (3 rounds);
 *  - scale: p = σ((score − 50)/K) with K = 25/ln 9, so on the (weighted) fit split the
 *    standard thresholds 25/50/75 mean p = 0.1/0.5/0.9.
 * Only numbers keyed by our rule ids leave this script: no text, vocabulary or n-gram.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { analyzeUnit } from '../src/engine/analyze';
import type { CompiledPack } from '../src/engine/compile';
import { compilePack } from '../src/engine/load-pack';
import { createPageScanner } from '../src/engine/page';
import { ILLICIT_CONTACT_LINK, PLAIN_CONTACT_RULES, UNBOUND_CAP, UNIT_SUPPORT, WEAKEST_LINK } from '../src/engine/policy';
import corePack from '../src/engine/rules/core.pack.json';
import { unitContext, windowsOf } from '../src/engine/score';
import { unitsOf } from '../src/engine/units';
import { evaluate, formatTable, restorePlaceholders, splitOf, type EvalRow, type Line } from '../src/cli/commands/eval';

const NEG_WEIGHT = 2;
const PRIOR = 0.005; // L2 pull toward the authored weight (in logit units), per unit of example weight
const ROUNDS = 3;
const STEPS = 400;
const K = 25 / Math.log(9);
/**
 * Everyday-action cues ("登录", "点击", "立即", "赠送", a link): short messages that use
 * them are often fraud, pages that use them almost never are. Text-message statistics do
 * not transfer to pages, so the fit may LOWER these weights but never raise them above
 * the authored (weak) value.
 */
const CEILING_AT_AUTHORED = new Set(['sig.action', 'sig.threat', 'sig.reward', 'sig.url', 'sig.phone', 'sig.urgency']);

const file = process.argv[2] ?? '../shared/corpus/dev.jsonl';
const out = new URL('../src/engine/rules/weights.json', import.meta.url);
const lines: Line[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Line)
  .filter((l) => typeof l.text === 'string' && typeof l.label === 'string');
const isFraud = (l: Line) => l.label === 'fraud' || l.label === 'fraud_or_spam';
// English SMS spam is commercial spam, not the fraud our rules describe: measured, not fitted.
const fitLines = lines.filter((l) => splitOf(String(l.id ?? '')) === 'fit' && l.source !== 'uci_sms_en');
const valLines = lines.filter((l) => splitOf(String(l.id ?? '')) === 'validation');

// ---- features --------------------------------------------------------------------------
const hand: CompiledPack = compilePack(corePack);
const R = hand.rules.length;
interface Win {
  idx: number[];
  val: number[];
  bound: boolean;
  /** ask and lure rule indexes of the binding (weakest-link cap), or -1, and their cue factors */
  ask: number;
  to: number;
  fa: number;
  ft: number;
}
interface Example {
  y: number;
  wins: Win[];
}
function featuresOf(text: string): Win[] {
  const wins: Win[] = [];
  for (const u of unitsOf([text])) {
    const a = analyzeUnit(hand, u, new Set());
    const ctx = unitContext(a, false).factor;
    for (const w of windowsOf(a)) {
      const bound = w.bound && w.categorized;
      const sup = bound ? w.support : [];
      wins.push({
        idx: [...w.cues, ...sup].map((c) => c.rule.index),
        val: [...w.cues.map((c) => c.factor * ctx), ...sup.map((c) => UNIT_SUPPORT * c.factor * ctx)],
        bound,
        ask: bound && w.ask ? w.ask.rule.index : -1,
        to: bound && w.to ? w.to.rule.index : -1,
        // a plain contact next to an illicit offer links like a chat ID (policy.ts): fixed, not fitted
        fa: w.ask ? w.ask.factor * ctx * (PLAIN_CONTACT_RULES.includes(w.ask.rule.id) ? Math.max(1, ILLICIT_CONTACT_LINK / Math.max(1e-9, w.ask.rule.weight)) : 1) : 0,
        ft: w.to ? w.to.factor * ctx : 0,
      });
    }
  }
  return wins;
}
const t0 = performance.now();
const examples: Example[] = fitLines.map((l) => ({ y: isFraud(l) ? 1 : 0, wins: featuresOf(l.source === 'fbs' ? restorePlaceholders(l.text) : l.text) }));
console.log(`features: ${examples.length} fit texts in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// ---- fit ---------------------------------------------------------------------------------
// Everything in score units: score = offset + Σ w·x, then the engine's caps (UNBOUND_CAP
// for an unbound window, WEAKEST_LINK for a bound one); p = σ((score − 50) / K).
const prior = hand.rules.map((r) => r.weight);
const w = prior.slice();
let offset = 0;
const capOf = (win: Win) => (win.bound ? WEAKEST_LINK.base + WEAKEST_LINK.perPoint * Math.min(w[win.ask]! * win.fa, w[win.to]! * win.ft) : UNBOUND_CAP);
const rawScore = (win: Win) => {
  let s = offset;
  for (let k = 0; k < win.idx.length; k++) s += w[win.idx[k]!]! * win.val[k]!;
  return s;
};
const winScore = (win: Win) => Math.min(rawScore(win), capOf(win));
const ceiling = hand.rules.map((r) => (CEILING_AT_AUTHORED.has(r.id) ? r.weight : 100));
for (let round = 0; round < ROUNDS; round++) {
  // choose each text's best window under the current weights
  const chosen: Array<{ y: number; w: Win }> = [];
  for (const e of examples) {
    let best: Win | null = null;
    let bestS = -Infinity;
    for (const win of e.wins) {
      // Fraud rows teach from bound windows only (an unbound one cannot warn anyway);
      // legitimate rows from every window, so a cue common in everyday text loses weight.
      if (!win.bound && e.y === 1) continue;
      const s = winScore(win);
      if (s > bestS) {
        bestS = s;
        best = win;
      }
    }
    if (best) chosen.push({ y: e.y, w: best });
  }
  const totalW = chosen.reduce((n, c) => n + (c.y ? 1 : NEG_WEIGHT), 0);
  // Adam on the weighted log loss + L2 toward the authored weight, projected to w ≥ 0
  const m = new Float64Array(R + 1);
  const v = new Float64Array(R + 1);
  for (let step = 1; step <= STEPS; step++) {
    const g = new Float64Array(R + 1);
    for (const { y, w: win } of chosen) {
      const raw = rawScore(win);
      const cap = capOf(win);
      const p = 1 / (1 + Math.exp(-(Math.min(raw, cap) - 50) / K));
      const d = ((p - y) * (y ? 1 : NEG_WEIGHT)) / K;
      if (raw <= cap) {
        for (let k = 0; k < win.idx.length; k++) g[win.idx[k]!]! += d * win.val[k]!;
        g[R]! += d;
      } else if (win.bound) {
        // capped by the weaker link: only its weight moves the score
        const weakAsk = w[win.ask]! * win.fa <= w[win.to]! * win.ft;
        if (weakAsk) g[win.ask]! += d * WEAKEST_LINK.perPoint * win.fa;
        else g[win.to]! += d * WEAKEST_LINK.perPoint * win.ft;
      }
    }
    for (let r = 0; r < R; r++) g[r] = g[r]! / totalW + (PRIOR / (K * K)) * (w[r]! - prior[r]!);
    g[R] = g[R]! / totalW;
    const lr = 0.5;
    for (let r = 0; r <= R; r++) {
      m[r] = 0.9 * m[r]! + 0.1 * g[r]!;
      v[r] = 0.999 * v[r]! + 0.001 * g[r]! * g[r]!;
      const mh = m[r]! / (1 - 0.9 ** step);
      const vh = v[r]! / (1 - 0.999 ** step);
      const upd = (lr * mh) / (Math.sqrt(vh) + 1e-8);
      if (r === R) offset -= upd;
      else w[r] = Math.max(0, Math.min(ceiling[r]!, w[r]! - upd));
    }
  }
  console.log(`round ${round + 1}: ${chosen.length} texts with a window; offset ${offset.toFixed(1)}`);
}

// ---- write ----------------------------------------------------------------------------------
const round1 = (x: number) => Math.round(x * 10) / 10;
const weights: Record<string, number> = {};
hand.rules.forEach((r, i) => (weights[r.id] = round1(w[i]!)));
const data = {
  format: 1,
  offset: round1(Math.max(-100, Math.min(100, offset))),
  weights,
  fit: { script: 'scripts/fit-weights.ts', split: 'fnv1a(id) % 100 < 70', texts: examples.length, negWeight: NEG_WEIGHT, prior: PRIOR, unboundCap: UNBOUND_CAP },
};
writeFileSync(out, `${JSON.stringify(data, null, 1)}\n`);
console.log(`wrote ${out.pathname}: offset ${data.offset}`);
const changed = hand.rules
  .map((r, i) => [r.id, r.weight, weights[r.id]!, i] as const)
  .sort((a, b) => Math.abs(b[2] - b[1]) - Math.abs(a[2] - a[1]))
  .slice(0, 25);
console.log('largest changes (rule: authored → fitted):');
for (const [id, w0, w1] of changed) console.log(`  ${id}: ${w0} → ${w1}`);

// ---- tables ---------------------------------------------------------------------------------
const fitted = compilePack(corePack, data);
const scanner = createPageScanner(fitted, {});
const scan = (t: string) => scanner.begin([t]).verdict();
const fitRows = evaluate(lines.filter((l) => splitOf(String(l.id ?? '')) === 'fit'), 'standard', undefined, scan);
const valRows = evaluate(valLines, 'standard', undefined, scan);
console.log('\nFIT split');
for (const l of formatTable(fitRows)) console.log(l);
console.log('\nVALIDATION split');
for (const l of formatTable(valRows)) console.log(l);
console.log('\nfit vs validation (medium+, per source)');
console.log('| source | label | fit | validation | gap (points) |');
console.log('|---|---|---:|---:|---:|');
const pct = (r: EvalRow | undefined) => (r && r.n ? (100 * r.medium) / r.n : NaN);
for (const v of valRows.filter((r) => r.group.endsWith('| *'))) {
  const f = fitRows.find((r) => r.group === v.group);
  const [src, label] = v.group.split(' | ');
  console.log(`| ${src} | ${label} | ${pct(f).toFixed(2)}% | ${pct(v).toFixed(2)}% | ${Math.abs(pct(f) - pct(v)).toFixed(2)} |`);
}
