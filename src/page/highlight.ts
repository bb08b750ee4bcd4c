/**
 * Marks the matched phrases ON the page with the CSS Custom Highlight API: ranges are
 * painted without wrapping <mark>s (which could break the page's scripts or layout).
 * The `::highlight()` rule is keyed to a data attribute set on the few elements that
 * hold a phrase: a bare `::highlight()` rule (any element) makes Chromium restyle the
 * whole page when the sheet is added, 1.1 s on a 5 MB-text page even when idle; keyed,
 * ~80 ms (measured in Chromium 156). The attribute is not in the change observer's
 * attributeFilter, so it triggers no rescan. Where the API is missing (older Firefox) nothing is
 * painted and the alert's phrase list still names every phrase.
 *
 * Evidence spans point into a PASSAGE's whitespace-collapsed text; the passage's
 * element holds the raw text nodes. We find each quote inside that element while
 * ignoring whitespace, so "安全 账户" across two text nodes still maps back.
 */
import type { Evidence } from '../engine/types';
import type { Passage } from './visible-text';

export const HIGHLIGHT_NAME = 'scam-sentinel-phrase';
/** Set on the elements holding a painted phrase (the rule applies only there). */
export const HIGHLIGHT_ATTR = 'data-scam-sentinel-hl';
const marked = new WeakMap<Document, Set<Element>>();

/** The elements whose text a range covers: start and end text's parents and their common ancestor. */
function holders(range: Range): Element[] {
  const out: Element[] = [];
  for (const n of [range.startContainer, range.endContainer, range.commonAncestorContainer]) {
    const el = n.nodeType === 1 ? (n as Element) : n.parentElement;
    if (el && !out.includes(el)) out.push(el);
  }
  return out;
}
const MAX_RANGES = 200;
const MAX_ELEMENT_CHARS = 50_000;

export interface PhraseHit {
  quote: string;
  evidence: Evidence;
  range: Range | null;
}

/** Find `quote` inside `element`'s text, ignoring whitespace; a Range or null. */
export function findPhraseRange(doc: Document, element: Element, quote: string, skipTag: string): Range | null {
  const needle = quote.replace(/\s+/g, '');
  if (!needle) return null;
  const walker = doc.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest(skipTag) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  // compact text + for each compact char, where it came from
  let compact = '';
  const nodes: Text[] = [];
  const at: Array<[number, number]> = [];
  for (let n = walker.nextNode() as Text | null; n && compact.length < MAX_ELEMENT_CHARS; n = walker.nextNode() as Text | null) {
    const value = n.nodeValue ?? '';
    const idx = nodes.push(n) - 1;
    for (let i = 0; i < value.length; i++) {
      if (/\s/.test(value[i]!)) continue;
      compact += value[i];
      at.push([idx, i]);
    }
  }
  const found = compact.indexOf(needle);
  if (found < 0) return null;
  const [startNode, startOffset] = at[found]!;
  const [endNode, endOffset] = at[found + needle.length - 1]!;
  const range = doc.createRange();
  range.setStart(nodes[startNode]!, startOffset);
  range.setEnd(nodes[endNode]!, endOffset + 1);
  return range;
}

/** Map every evidence quote back onto the page. Quotes without a passage element get range null. */
export function locatePhrases(doc: Document, evidence: readonly Evidence[], passages: readonly Passage[], skipTag: string): PhraseHit[] {
  const hits: PhraseHit[] = [];
  const seen = new Set<string>();
  for (const e of evidence) {
    e.quotes.forEach((quote, i) => {
      const passage = e.spans[i]?.passage ?? 0;
      const key = `${passage}|${quote}`;
      if (seen.has(key) || hits.length >= MAX_RANGES) return;
      seen.add(key);
      const element = passages[passage]?.element ?? null;
      const range = element && element.isConnected ? findPhraseRange(doc, element, quote, skipTag) : null;
      hits.push({ quote, evidence: e, range });
    });
  }
  return hits;
}

interface HighlightRegistry {
  set(name: string, value: unknown): void;
  delete(name: string): void;
}
type HighlightCtor = new (...ranges: Range[]) => unknown;

/** Paint (or clear, with no ranges) our highlight. Returns whether the API exists. */
export function paintHighlights(doc: Document, ranges: readonly Range[]): boolean {
  const win = doc.defaultView as (Window & { Highlight?: HighlightCtor; CSS?: { highlights?: HighlightRegistry } }) | null;
  const registry = win?.CSS?.highlights;
  const Ctor = win?.Highlight;
  if (!registry || !Ctor) return false;
  const before = marked.get(doc) ?? new Set<Element>();
  const now = new Set(ranges.flatMap(holders));
  for (const el of before) if (!now.has(el)) el.removeAttribute(HIGHLIGHT_ATTR);
  for (const el of now) if (!before.has(el)) el.setAttribute(HIGHLIGHT_ATTR, '');
  marked.set(doc, now);
  if (!ranges.length) {
    registry.delete(HIGHLIGHT_NAME);
    return true;
  }
  registry.set(HIGHLIGHT_NAME, new Ctor(...ranges));
  const styleId = 'scam-sentinel-highlight-style';
  if (!doc.getElementById(styleId)) {
    const style = doc.createElement('style');
    style.id = styleId;
    // Yellow marker + dark text: AA contrast whatever the page's own colours are.
    style.textContent = `[${HIGHLIGHT_ATTR}]::highlight(${HIGHLIGHT_NAME}) { background-color: #fde047; color: #111827; text-decoration: underline 2px #b91c1c; }`;
    (doc.head ?? doc.documentElement).append(style);
  }
  return true;
}

/** Bring one phrase into view (from the alert's phrase list). */
export function revealRange(range: Range): void {
  const target = range.startContainer.parentElement;
  target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}
