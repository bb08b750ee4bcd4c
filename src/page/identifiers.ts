/**
 * Page side of the identifier check (issue 11): extract the contacts a page shows
 * (src/lists/identifier-extract.ts, time-sliced), send their hashes to the background
 * (`cs-bg/identifiers`: the page never holds the list), and turn a listed one into
 * evidence: "此页面上的电话 138…8000 在反诈名单上（来源，收录日期）", highlighted on the
 * page like any other evidence, raising the page verdict to high.
 */
import { extractIdentifiers, maskIdentifier, MAX_IDENTIFIERS, type FoundIdentifier } from '../lists/identifier-extract';
import { keyHashHex } from '../lists/hash';
import { CATEGORIES, type Category, type Evidence, type Locale, type Verdict } from '../engine/types';
import type { RequestOf, ResponseOf } from '../messaging/protocol';
import { fill, IDENTIFIER_STRINGS } from '../i18n/page-identifiers';

export { classifyDigits, extractIdentifiers, maskIdentifier, type FoundIdentifier } from '../lists/identifier-extract';

/** Characters per extraction call: one call stays far below a frame even on a busy machine. */
const WINDOW = 16_000;
/** Overlap between the windows of one long passage, so an identifier on a cut is still seen whole. */
const OVERLAP = 80;

/**
 * extractIdentifiers over windows of at most WINDOW characters (runs of short passages,
 * or slices of a long one), yielding to the page between windows. Results per window are
 * remembered by its text, so a later pass over unchanged text costs a map lookup.
 */
export async function extractSliced(
  passages: readonly string[],
  slice?: { due(): boolean; pause(): Promise<void> },
  memo: Map<string, FoundIdentifier[]> = new Map(),
): Promise<FoundIdentifier[]> {
  const merged = new Map<string, FoundIdentifier>();
  const addAll = (found: readonly FoundIdentifier[], passageOf: (p: number) => number, offset: number) => {
    for (const f of found) {
      const key = `${f.kind}:${f.value}`;
      const spans = f.spans.map((s) => ({ passage: passageOf(s.passage), start: s.start + offset, end: s.end + offset }));
      const have = merged.get(key);
      if (have) {
        for (const sp of spans) if (have.spans.length < 5 && !have.spans.some((h) => h.passage === sp.passage && h.start === sp.start)) have.spans.push(sp);
      } else if (merged.size < MAX_IDENTIFIERS) merged.set(key, { ...f, spans });
    }
  };
  const run = (texts: readonly string[]): FoundIdentifier[] => {
    const key = texts.length === 1 ? texts[0]! : texts.join('\u0000');
    let found = memo.get(key);
    if (!found) {
      found = extractIdentifiers(texts);
      if (memo.size >= 512) memo.delete(memo.keys().next().value!);
      memo.set(key, found);
    }
    return found;
  };
  for (let i = 0; i < passages.length && merged.size < MAX_IDENTIFIERS; ) {
    const first = passages[i]!;
    if (first.length > WINDOW) {
      // A long passage: overlapping windows, spans shifted back to the passage.
      for (let at = 0; at < first.length; at += WINDOW) {
        addAll(run([first.slice(at, at + WINDOW + OVERLAP)]), () => i, at);
        if (slice?.due()) await slice.pause();
      }
      i++;
      continue;
    }
    let j = i;
    let chars = 0;
    while (j < passages.length && passages[j]!.length <= WINDOW && (j === i || chars + passages[j]!.length <= WINDOW)) chars += passages[j++]!.length;
    const base = i;
    addAll(run(passages.slice(i, j)), (p) => p + base, 0);
    i = j;
    if (slice?.due()) await slice.pause();
  }
  return [...merged.values()];
}

// ---- asking the background, and turning its answer into evidence ----------------------

/** Weight of a listed identifier: above every rule, so its line comes first in the alert. */
export const LISTED_IDENTIFIER_WEIGHT = 100;
const LISTED_SCORE = 100;

type Listed = ResponseOf<'cs-bg/identifiers'>['listed'][number];

function dateOf(ms: number | null): string | null {
  if (!ms) return null;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

/** The evidence a listed identifier adds: "此页面上的电话 138…8000 在反诈名单上（来源，收录日期）". */
export function identifierEvidence(found: FoundIdentifier, listed: Listed, passages: readonly string[]): Evidence {
  const text = (l: Locale) => {
    const s = IDENTIFIER_STRINGS[l];
    const date = dateOf(listed.firstSeen);
    const params = { kind: s.kind[found.kind], value: maskIdentifier(found.kind, found.value), list: listed.listName === 'user' ? s.ownList : listed.listName, date: date ?? '' };
    return fill(date ? s.listed : s.listedNoDate, params);
  };
  const category = (CATEGORIES as readonly string[]).includes(listed.category ?? '') ? (listed.category as Category) : 'fake_customer_service';
  return {
    ruleId: `list.identifier.${found.kind}`,
    category,
    spans: found.spans.map((s) => ({ start: s.start, end: s.end, passage: s.passage })),
    quotes: found.spans.map((s) => (passages[s.passage] ?? '').slice(s.start, s.end)),
    explanation: { 'zh-CN': text('zh-CN'), 'zh-TW': text('zh-TW'), en: text('en') },
    advice: { 'zh-CN': IDENTIFIER_STRINGS['zh-CN'].advice, 'zh-TW': IDENTIFIER_STRINGS['zh-TW'].advice, en: IDENTIFIER_STRINGS.en.advice },
    weight: LISTED_IDENTIFIER_WEIGHT,
  };
}

/** A page verdict with listed identifiers added: at least 'high', their evidence first. */
export function withIdentifierEvidence(verdict: Verdict, evidence: readonly Evidence[]): Verdict {
  if (evidence.length === 0) return verdict;
  const categories = [...verdict.categories];
  for (const e of evidence) if (!categories.includes(e.category)) categories.push(e.category);
  return { level: 'high', score: Math.max(verdict.score, LISTED_SCORE), categories, evidence: [...evidence, ...verdict.evidence] };
}

/**
 * Page side of the lookup: extract, hash, ask the background once per identifier (answers
 * are remembered for the page's life, so a page that re-renders does not ask again).
 */
export function createIdentifierCheck(ask: (payload: RequestOf<'cs-bg/identifiers'>) => Promise<ResponseOf<'cs-bg/identifiers'>>) {
  const answers = new Map<string, Listed | null>();
  const memo = new Map<string, FoundIdentifier[]>();
  /** `slice`: the content script's time slicer; extraction yields between 16 k-character windows. */
  return async function check(passages: readonly string[], slice?: { due(): boolean; pause(): Promise<void> }): Promise<Evidence[]> {
    const found = await extractSliced(passages, slice, memo);
    const hashOf = new Map(found.map((f) => [f, keyHashHex(f.kind, f.value)]));
    const unknown = found.filter((f) => !answers.has(`${f.kind}#${hashOf.get(f)}`));
    if (unknown.length) {
      const reply = await ask({ ids: unknown.map((f) => ({ kind: f.kind, hash: hashOf.get(f)! })) });
      for (const f of unknown) answers.set(`${f.kind}#${hashOf.get(f)}`, null);
      for (const l of reply.listed) answers.set(`${l.kind}#${l.hash}`, l);
    }
    const out: Evidence[] = [];
    for (const f of found) {
      const l = answers.get(`${f.kind}#${hashOf.get(f)}`);
      if (l) out.push(identifierEvidence(f, l, passages));
    }
    return out;
  };
}
