/**
 * Passages → units. The page gives one passage per block element, which can be a single
 * character (text split one block per character) or a whole 5 MB article. Consecutive
 * short passages are joined (with a newline: a sentence end) into units of ≤ UNIT_CHARS;
 * long passages are cut at sentence ends. Units depend only on the passage list, never on
 * how a caller slices its work, so a page's verdict does not either.
 */
import { MAX_SCAN_CHARS, UNIT_CHARS } from './policy';
import type { Span } from './types';

export interface Unit {
  text: string;
  /** Start offset of each joined piece inside `text`, its passage index and offset in that passage. */
  pieceStart: number[];
  piecePassage: number[];
  pieceOffset: number[];
}

export const isSentenceEnd = (c: number) =>
  c === 0x3002 /* 。 */ || c === 0xff01 /* ！ */ || c === 0xff1f /* ？ */ || c === 0x21 || c === 0x3f || c === 0xff1b /* ； */ || c === 0x3b || c === 0x0a;

export function unitsOf(passages: readonly string[]): Unit[] {
  const units: Unit[] = [];
  let cur: Unit | null = null;
  let budget = MAX_SCAN_CHARS;
  const flush = () => {
    if (cur && cur.text) units.push(cur);
    cur = null;
  };
  for (let p = 0; p < passages.length && budget > 0; p++) {
    let text = passages[p];
    if (typeof text !== 'string' || text.length === 0) continue;
    if (text.length > budget) text = text.slice(0, budget);
    budget -= text.length;
    if (text.length > UNIT_CHARS) {
      flush();
      let at = 0;
      while (at < text.length) {
        let end = Math.min(text.length, at + UNIT_CHARS);
        if (end < text.length) {
          // cut after the last sentence end in the second half of the window
          const half = at + (UNIT_CHARS >> 1);
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
        units.push({ text: text.slice(at, end), pieceStart: [0], piecePassage: [p], pieceOffset: [at] });
        at = end;
      }
      continue;
    }
    const c = cur as Unit | null;
    if (c && c.text.length + 1 + text.length > UNIT_CHARS) flush();
    if (!cur) cur = { text: '', pieceStart: [], piecePassage: [], pieceOffset: [] };
    const u = cur as Unit;
    if (u.text) u.text += '\n';
    u.pieceStart.push(u.text.length);
    u.piecePassage.push(p);
    u.pieceOffset.push(0);
    u.text += text;
  }
  flush();
  return units;
}

/** A unit's [start, end) → a span of the passage it came from. */
export function toSpan(u: Unit, start: number, end: number): Span {
  let k = u.pieceStart.length - 1;
  while (k > 0 && u.pieceStart[k]! > start) k--;
  const base = u.pieceStart[k]!;
  const nextStart = k + 1 < u.pieceStart.length ? u.pieceStart[k + 1]! - 1 : u.text.length;
  const off = u.pieceOffset[k]!;
  return { start: start - base + off, end: Math.min(end, nextStart) - base + off, passage: u.piecePassage[k]! };
}

/**
 * Sentence starts (original offsets) of a unit, per SENTENCE policy: a boundary only
 * counts once the current sentence has `min` characters, and a sentence is cut at `max`.
 */
export function sentenceStarts(text: string, min: number, max: number): Int32Array {
  const starts: number[] = [0];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (i - from >= max) {
      from = i;
      starts.push(i);
    }
    if (isSentenceEnd(text.charCodeAt(i)) && i + 1 - from >= min && i + 1 < text.length) {
      from = i + 1;
      starts.push(from);
    }
  }
  return Int32Array.from(starts);
}

/** Index of the sentence containing original offset `pos`. */
export function sentenceAt(starts: Int32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
