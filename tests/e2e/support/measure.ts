/**
 * Measures what a person sees on one screen: the computed font size of every visible
 * piece of text, its WCAG 2.x contrast against the background actually behind it (the
 * first opaque ancestor background, white if none), and the size of every button, link
 * and field. Works on a page or inside a (closed) shadow root, reached through CDP.
 * Used by tests/e2e/family.e2e.test.ts for elder mode; the figures go in the report.
 */
import type { Page } from 'playwright-core';
import { session, shadowRootOf } from './closed-shadow';

export interface ScreenMeasure {
  texts: number;
  minFontPx: number;
  minFontText: string;
  minContrast: number;
  minContrastText: string;
  minLineHeightRatio: number;
  minLineHeightText: string;
  targets: number;
  smallestTarget: { w: number; h: number; text: string } | null;
  /** document scroll width − viewport width (0 = no horizontal scrolling). */
  overflowX: number;
}

/** Runs in the page: `root` is a Document or a ShadowRoot. Self-contained (serialized). */
function measureRoot(root: Document | ShadowRoot): ScreenMeasure {
  const parse = (c: string): [number, number, number, number] => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return [255, 255, 255, 1];
    const p = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
    return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
  };
  const lum = ([r, g, b]: number[]) => {
    const f = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
  };
  const parentOf = (e: Element): Element | null => e.parentElement ?? ((e.getRootNode() as ShadowRoot).host ?? null);
  const bgOf = (e: Element | null): number[] => {
    for (let n = e; n; n = parentOf(n)) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c[3] >= 0.99) return c;
    }
    return [255, 255, 255, 1];
  };
  const visible = (e: Element) => {
    const r = e.getBoundingClientRect();
    const s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0;
  };
  const out: ScreenMeasure = { texts: 0, minFontPx: Infinity, minFontText: '', minContrast: Infinity, minContrastText: '', minLineHeightRatio: Infinity, minLineHeightText: '', targets: 0, smallestTarget: null, overflowX: 0 };
  const all = root.querySelectorAll('*');
  for (const e of all) {
    // Decorative icons (aria-hidden ⚠ ✓) are not text a person reads.
    if (!visible(e) || e.closest('[hidden], [aria-hidden="true"]')) continue;
    const own = [...e.childNodes].filter((n) => n.nodeType === 3 && n.textContent!.trim()).map((n) => n.textContent!.trim()).join(' ');
    if (own) {
      const s = getComputedStyle(e);
      const size = parseFloat(s.fontSize);
      out.texts += 1;
      if (size < out.minFontPx) {
        out.minFontPx = size;
        out.minFontText = own.slice(0, 40);
      }
      const lh = s.lineHeight === 'normal' ? 1.2 : parseFloat(s.lineHeight) / size;
      // Single-line controls (buttons, fields) centre their text: line spacing applies to running text.
      if (!e.closest('button, a.btn, input, select, option, legend, h1, h2, h3') && lh < out.minLineHeightRatio) {
        out.minLineHeightRatio = Math.round(lh * 100) / 100;
        out.minLineHeightText = own.slice(0, 40);
      }
      const fg = parse(s.color);
      const bg = bgOf(e);
      const a = fg[3];
      const mixed = [0, 1, 2].map((i) => fg[i]! * a + bg[i]! * (1 - a));
      const l1 = lum(mixed);
      const l2 = lum(bg);
      const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
      if (ratio < out.minContrast) {
        out.minContrast = Math.round(ratio * 100) / 100;
        out.minContrastText = own.slice(0, 40);
      }
    }
    if (e.matches('button, a[href], input:not([type=hidden]), select, textarea')) {
      const r = e.getBoundingClientRect();
      out.targets += 1;
      if (!out.smallestTarget || Math.min(r.width, r.height) < Math.min(out.smallestTarget.w, out.smallestTarget.h)) {
        out.smallestTarget = { w: Math.round(r.width), h: Math.round(r.height), text: (e.textContent || e.getAttribute('aria-label') || e.id || e.localName).trim().slice(0, 30) };
      }
    }
  }
  const doc = (root as ShadowRoot).host ? (root as ShadowRoot).host.ownerDocument : (root as Document);
  out.overflowX = Math.max(0, doc.documentElement.scrollWidth - doc.documentElement.clientWidth);
  return out;
}

export async function measurePage(page: Page): Promise<ScreenMeasure> {
  return page.evaluate(`(${measureRoot.toString()})(document)`) as Promise<ScreenMeasure>;
}

/** The same measurement inside our closed shadow root (`tag` = the host element). */
export async function measureShadow(page: Page, tag: string): Promise<ScreenMeasure> {
  const cdp = await session(page);
  try {
    const root = await shadowRootOf(cdp, tag);
    if (!root) throw new Error(`no shadow root for ${tag}`);
    const { object } = (await cdp.send('DOM.resolveNode', { nodeId: root.nodeId })) as { object: { objectId: string } };
    const res = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () { return (${measureRoot.toString()})(this); }`,
      returnByValue: true,
    })) as { result: { value: ScreenMeasure } };
    return res.result.value;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
