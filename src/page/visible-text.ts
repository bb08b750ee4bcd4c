/**
 * Visible-text extraction, one block at a time.
 *
 * A passage is the text of one *block* (an element whose computed `display` is not
 * inline-ish), so text split into one <span> per character still reads as one
 * passage, while two paragraphs stay two passages (the engine works per passage and
 * combines them into a page verdict). Skipped: script/style/template/…, subtrees whose
 * computed style is `display:none` / `visibility:hidden|collapse`, and our own alert.
 * Added: the title and meta description, input/textarea placeholders and button-ish
 * input values; open shadow roots and same-origin iframes are reported to the caller
 * (which walks them as their own roots and observes them).
 *
 * The walk is an explicit-stack DFS over first/nextSibling (no recursion, so 5,000
 * levels of nesting are fine, and no `closest()` per text node, which would make a
 * deep page quadratic). It is a generator that yields every 64 nodes so the
 * caller can time-slice it (src/page/scheduler.ts) and never block the page for long.
 */
export const MAX_PAGE_CHARS = 2_000_000;
/** Longer block texts are cut into pieces (at a sentence end when there is one nearby). */
export const MAX_PASSAGE_CHARS = 8_000;

const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'object', 'embed', 'video', 'audio',
  'head', 'math', 'select', 'datalist', 'scam-sentinel-alert',
]);

export interface Passage {
  text: string;
  /** The element the passage came from (for highlighting); null for title/meta. */
  element: Element | null;
}

/** What a walk reports: every block it finished, and roots it found for the caller. */
export interface WalkSink {
  /** `key` is the block element (or the shadow root / document for root-level text). */
  block(key: Node, element: Element | null, texts: string[]): void;
  shadowRoot(root: ShadowRoot): void;
  frame(iframe: HTMLIFrameElement): void;
  /** Shallow walks skip nested blocks already known (returns true = skip). */
  known?(block: Element): boolean;
  /** Characters still allowed; the walk stops when it reaches 0. */
  budget: { chars: number };
}

type Style = Pick<CSSStyleDeclaration, 'display' | 'visibility' | 'contentVisibility'>;

function styleOf(el: Element): Style | null {
  try {
    const view = el.ownerDocument.defaultView ?? globalThis.window;
    return view ? view.getComputedStyle(el) : null;
  } catch {
    return null;
  }
}

/** Hidden by its own computed style (ancestors are handled by the walk itself). */
export function hiddenByStyle(style: Style | null): boolean {
  if (!style) return false;
  return style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse' || style.contentVisibility === 'hidden';
}

/** Inline-ish displays continue the surrounding block's text. */
export function isInlineDisplay(display: string): boolean {
  return display === '' || display === 'contents' || display.startsWith('inline') || display === 'ruby' || display === 'ruby-text';
}

export function isSkippedTag(el: Element): boolean {
  return SKIP.has(el.localName);
}

/**
 * Cut long text into pieces of at most `max` chars, preferring to cut just after a
 * sentence end (。！？!?.;；\n) in the last fifth of the window. Worked example with
 * max = 10: "一二三四五六七八。九十甲乙" → ["一二三四五六七八。", "九十甲乙"].
 */
export function splitLongText(text: string, max = MAX_PASSAGE_CHARS): string[] {
  if (text.length <= max) return [text];
  const out: string[] = [];
  let start = 0;
  while (text.length - start > max) {
    let cut = start + max;
    for (let i = cut - 1; i >= start + Math.floor(max * 0.8); i--) {
      if ('。！？!?.;；\n'.includes(text[i]!)) {
        cut = i + 1;
        break;
      }
    }
    // Never split a surrogate pair.
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut--;
    out.push(text.slice(start, cut));
    start = cut;
  }
  out.push(text.slice(start));
  return out;
}

/** Collapse whitespace; returns '' for whitespace-only text. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

interface Frame {
  key: Node;
  element: Element | null;
  text: string;
  pieces: string[];
}

/** Title, meta description (and og:description) of a document, as passages. */
export function documentHeadTexts(doc: Document): string[] {
  const out: string[] = [];
  const title = tidy(doc.title ?? '').slice(0, 1000);
  if (title) out.push(title);
  for (const sel of ['meta[name="description" i]', 'meta[property="og:description" i]']) {
    const content = tidy(doc.querySelector(sel)?.getAttribute('content') ?? '').slice(0, 2000);
    if (content && !out.includes(content)) out.push(content);
  }
  return out;
}

/**
 * Walk `root` (an element treated as a block, or a shadow root) and report blocks to
 * `sink`. `deep` = also walk nested blocks the sink already knows (a fresh walk);
 * otherwise they are skipped (a shallow re-read after an inline change).
 */
export function* walkBlocks(root: Element | ShadowRoot, sink: WalkSink, deep = true): Generator<void, void> {
  const rootElement = root instanceof Element ? root : (root as ShadowRoot).host;
  const frames: Frame[] = [{ key: root, element: rootElement, text: '', pieces: [] }];
  const top = () => frames[frames.length - 1]!;
  const append = (s: string) => {
    const f = top();
    f.text += s;
    if (f.text.length > MAX_PASSAGE_CHARS * 2) {
      const parts = splitLongText(f.text);
      f.text = parts.pop()!;
      for (const p of parts) take(f, p);
    }
  };
  const take = (f: Frame, raw: string) => {
    if (sink.budget.chars <= 0) return;
    const t = tidy(raw);
    if (!t) return;
    for (const piece of splitLongText(t.slice(0, sink.budget.chars))) {
      sink.budget.chars -= piece.length;
      f.pieces.push(piece);
    }
  };
  const close = (f: Frame) => {
    take(f, f.text);
    f.text = '';
    sink.block(f.key, f.element, f.pieces);
  };

  let parent: Node = root;
  let node: Node | null = root.firstChild;
  let count = 0;
  while (sink.budget.chars > 0) {
    if (node === null) {
      if (parent === root) break;
      const up: Node = parent;
      if (top().key === up) close(frames.pop()!);
      node = up.nextSibling;
      const next = up.parentNode;
      if (!next) break; // detached while we yielded: the observer will bring us back
      parent = next;
      continue;
    }
    if ((++count & 63) === 0) yield;
    if (node.nodeType === 3 /* TEXT_NODE */) {
      append((node as Text).data);
      node = node.nextSibling;
      continue;
    }
    if (node.nodeType !== 1 /* ELEMENT_NODE */) {
      node = node.nextSibling;
      continue;
    }
    const el = node as Element;
    const name = el.localName;
    if (SKIP.has(name)) {
      node = el.nextSibling;
      continue;
    }
    const style = styleOf(el);
    if (hiddenByStyle(style)) {
      node = el.nextSibling;
      continue;
    }
    if (name === 'iframe' || name === 'frame') {
      sink.frame(el as HTMLIFrameElement);
      node = el.nextSibling;
      continue;
    }
    if (name === 'br') {
      append('\n');
      node = el.nextSibling;
      continue;
    }
    if (name === 'input' || name === 'textarea') {
      const input = el as HTMLInputElement;
      const type = (input.type ?? '').toLowerCase();
      const words = [input.placeholder ?? ''];
      if (type === 'submit' || type === 'button' || type === 'reset') words.push(input.value ?? '');
      const text = tidy(words.join(' '));
      if (text && sink.budget.chars > 0) {
        const clipped = text.slice(0, Math.min(500, sink.budget.chars));
        sink.budget.chars -= clipped.length;
        sink.block(el, el, [clipped]);
      }
      node = el.nextSibling;
      continue;
    }
    const block = !isInlineDisplay(style?.display ?? 'inline');
    if (block) {
      if (!deep && sink.known?.(el)) {
        append(' ');
        node = el.nextSibling;
        continue;
      }
      append(' ');
      frames.push({ key: el, element: el, text: '', pieces: [] });
    }
    const shadow = el.shadowRoot;
    if (shadow) sink.shadowRoot(shadow);
    const first = el.firstChild;
    if (first === null) {
      // Nothing inside: an empty block closes right away (the climb only closes parents).
      if (block) close(frames.pop()!);
      node = el.nextSibling;
      continue;
    }
    parent = el;
    node = first;
  }
  while (frames.length) close(frames.pop()!);
}

/**
 * The block that owns `node`'s text: its nearest ancestor-or-self element whose
 * display is not inline, or the shadow root / document element above it. Returns
 * null when the node is inside something we skip (script, hidden subtree, our alert).
 */
export function ownerBlock(node: Node): Element | ShadowRoot | null {
  let n: Node | null = node.nodeType === 1 ? node : node.parentNode;
  let owner: Element | ShadowRoot | null = null;
  let hops = 0;
  while (n) {
    if (n.nodeType === 11 /* shadow root / fragment */) {
      if (!(n as ShadowRoot).host) return null; // detached fragment
      return owner ?? (n as ShadowRoot);
    }
    if (n.nodeType !== 1) return owner;
    const el = n as Element;
    if (SKIP.has(el.localName)) return null;
    if (!owner) {
      if (++hops > 64) return el; // pathological inline nesting: stop looking
      const style = styleOf(el);
      if (hiddenByStyle(style)) return null;
      if (!isInlineDisplay(style?.display ?? 'inline') || el === el.ownerDocument.body || el === el.ownerDocument.documentElement) {
        owner = el;
        // Hidden ancestors: ask the browser once instead of walking every ancestor's style.
        const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
        if (check && !check.call(el, { visibilityProperty: true })) return null;
        return owner;
      }
    }
    n = el.parentNode;
  }
  return owner;
}

/** Synchronous full extraction (small pages, tests, the CLI-like callers). */
export function extractPassages(doc: Document, maxChars = MAX_PAGE_CHARS): Passage[] {
  const passages: Passage[] = [];
  const budget = { chars: maxChars };
  for (const t of documentHeadTexts(doc)) {
    passages.push({ text: t, element: null });
    budget.chars -= t.length;
  }
  const roots: Array<Element | ShadowRoot> = [];
  const start = doc.body ?? doc.documentElement;
  if (start) roots.push(start);
  const sink: WalkSink = {
    budget,
    block: (_key, element, texts) => {
      for (const text of texts) passages.push({ text, element });
    },
    shadowRoot: (r) => void roots.push(r),
    frame: (f) => {
      try {
        const inner = f.contentDocument;
        if (inner?.body) roots.push(inner.body);
      } catch {
        /* cross-origin: its own content script covers it */
      }
    },
  };
  for (let i = 0; i < roots.length && budget.chars > 0; i++) {
    for (const _ of walkBlocks(roots[i]!, sink)) {
      /* run to completion */
    }
  }
  return passages;
}
