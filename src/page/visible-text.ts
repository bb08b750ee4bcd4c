/**
 * Visible-text extraction: one passage per block of text the person can see, plus
 * title, meta description, and form labels/placeholders. Skips script/style/hidden
 * nodes and our own alert. Capped so a 5 MB page costs bounded time.
 */
export const MAX_PAGE_CHARS = 2_000_000;
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'SCAM-SENTINEL-ALERT']);

export interface Passage {
  text: string;
  /** The element the passage came from (for highlighting), if any. */
  element: Element | null;
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(el);
  return style.display === 'none' || style.visibility === 'hidden';
}

export function extractPassages(doc: Document, maxChars = MAX_PAGE_CHARS): Passage[] {
  const passages: Passage[] = [];
  let total = 0;
  const push = (text: string, element: Element | null) => {
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (!trimmed || total >= maxChars) return;
    const clipped = trimmed.slice(0, maxChars - total);
    total += clipped.length;
    passages.push({ text: clipped, element });
  };
  push(doc.title, null);
  push(doc.querySelector('meta[name="description"]')?.getAttribute('content') ?? '', null);
  if (!doc.body) return passages;

  const visit = (root: Element | ShadowRoot) => {
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        if (node.nodeType === Node.ELEMENT_NODE) {
          const el = node as Element;
          if (SKIP.has(el.tagName.toUpperCase()) || isHidden(el)) return NodeFilter.FILTER_REJECT;
        }
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    let buffer = '';
    let owner: Element | null = null;
    const flush = () => {
      if (buffer) push(buffer, owner);
      buffer = '';
      owner = null;
    };
    for (let node = walker.nextNode(); node && total < maxChars; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        const parent = node.parentElement;
        const block = parent?.closest('p,li,td,th,h1,h2,h3,h4,h5,h6,div,section,article,blockquote,label,button,a,span') ?? parent;
        if (block !== owner) flush();
        owner = block ?? null;
        buffer += node.nodeValue ?? '';
      } else {
        const el = node as Element;
        if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
          flush();
          push(el.placeholder ?? '', el);
        }
        if (el.shadowRoot) {
          flush();
          visit(el.shadowRoot);
        }
      }
    }
    flush();
  };
  visit(doc.body);
  return passages;
}
