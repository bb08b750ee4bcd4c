/**
 * Helpers for the outreach demo's e2e tests: the gallery's stage is a same-origin
 * iframe, so the closed shadow roots of our alert and cooling-off dialog sit inside the
 * frame's document. DOM.getDocument({ pierce: true }) lists a frame's document as the
 * iframe node's `contentDocument`, which tests/e2e/support/closed-shadow.ts does not walk;
 * these do. Clicks are real mouse input at the element's box (trusted, like a person's).
 */
import type { CDPSession, Frame, Page } from 'playwright-core';

interface DomNode {
  nodeId: number;
  localName?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

function findHost(node: DomNode, tag: string): DomNode | null {
  if (node.localName === tag) return node;
  const next = [...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : [])];
  for (const child of next) {
    const hit = findHost(child, tag);
    if (hit) return hit;
  }
  return null;
}

async function withRoot<T>(page: Page, tag: string, fn: (cdp: CDPSession, root: DomNode | null) => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const host = findHost(root, tag);
    const shadow = host?.shadowRoots?.[0] ?? host?.children?.find((c) => c.shadowRoots?.length)?.shadowRoots?.[0] ?? null;
    return await fn(cdp, shadow);
  } finally {
    await cdp.detach();
  }
}

/** Text of a host's closed shadow root anywhere in the page, frames included ('' when absent). */
export async function frameShadowText(page: Page, tag: string): Promise<string> {
  const html = await withRoot(page, tag, async (cdp, root) => {
    if (!root) return '';
    const parts: string[] = [];
    for (const child of root.children ?? []) parts.push(((await cdp.send('DOM.getOuterHTML', { nodeId: child.nodeId })) as { outerHTML: string }).outerHTML);
    return parts.join('');
  });
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Marked phrases (<mark>) the alert lists, anywhere in the page, frames included. */
export async function frameShadowMarks(page: Page, tag: string): Promise<string[]> {
  return withRoot(page, tag, async (cdp, root) => {
    if (!root) return [];
    const { nodeIds } = (await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'mark' })) as { nodeIds: number[] };
    const out: string[] = [];
    for (const id of nodeIds) out.push(((await cdp.send('DOM.getOuterHTML', { nodeId: id })) as { outerHTML: string }).outerHTML.replace(/<[^>]+>/g, ''));
    return out;
  });
}

/** Click (real mouse input) the first `selector` inside a host's closed shadow root, frames included. */
export async function frameClickInShadow(page: Page, tag: string, selector: string): Promise<void> {
  await withRoot(page, tag, async (cdp, root) => {
    if (!root) throw new Error(`no shadow root on <${tag}>`);
    const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })) as { nodeId: number };
    if (!nodeId) throw new Error(`no ${selector} in <${tag}>`);
    await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  });
}

/** The gallery's stage frame. */
export function stageFrame(page: Page): Frame {
  const f = page.frames().find((fr) => fr.url().includes('/demo-stage.html'));
  if (!f) throw new Error('no stage frame');
  return f;
}

/** The alert host's attributes in the stage (level, mode), or null. */
export async function stageAlert(page: Page): Promise<{ level: string | null; mode: string | null } | null> {
  return stageFrame(page).evaluate(() => {
    const h = document.querySelector('scam-sentinel-alert');
    return h ? { level: h.getAttribute('data-level'), mode: h.getAttribute('data-mode') } : null;
  });
}

export async function stagePause(page: Page): Promise<{ open: string | null; action: string | null } | null> {
  return stageFrame(page).evaluate(() => {
    const h = document.querySelector('scam-sentinel-pause');
    return h ? { open: h.getAttribute('data-open'), action: h.getAttribute('data-action') } : null;
  });
}
