/**
 * Our in-page UI lives in CLOSED shadow roots, which page scripts (and Playwright's
 * locators) cannot enter. Tests see inside through the DevTools protocol, which can
 * (`DOM.getDocument` with `pierce: true`), and click with real mouse input at the
 * element's box, so the click is trusted just like a person's.
 */
import type { CDPSession, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

interface DomNode {
  nodeId: number;
  nodeName: string;
  localName?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  shadowRootType?: string;
}

export async function session(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

function findHost(node: DomNode, tag: string): DomNode | null {
  if (node.localName === tag) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const hit = findHost(child, tag);
    if (hit) return hit;
  }
  return null;
}

export async function shadowRootOf(cdp: CDPSession, tag: string): Promise<DomNode | null> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const host = findHost(root, tag);
  // The shadow root sits on the host itself or on its inner <div> (src/page/shadow-host.ts).
  return host?.shadowRoots?.[0] ?? host?.children?.find((c) => c.shadowRoots?.length)?.shadowRoots?.[0] ?? null;
}

/**
 * The serialized content of a host's (closed) shadow root, or null when absent.
 * Retried: a hostile page may remove the host between two protocol calls.
 */
export async function shadowHtml(page: Page, tag: string): Promise<string | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await shadowHtmlOnce(page, tag);
    } catch (err) {
      if (attempt >= 10 || !/Could not find node/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

async function shadowHtmlOnce(page: Page, tag: string): Promise<string | null> {
  const cdp = await session(page);
  try {
    const root = await shadowRootOf(cdp, tag);
    if (!root) return null;
    const parts: string[] = [];
    for (const child of root.children ?? []) {
      const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { nodeId: child.nodeId })) as { outerHTML: string };
      parts.push(outerHTML);
    }
    return parts.join('');
  } finally {
    await cdp.detach();
  }
}

/** Visible-ish text of the shadow content (tags stripped), for assertions. */
export async function shadowText(page: Page, tag: string): Promise<string> {
  const html = (await shadowHtml(page, tag)) ?? '';
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Click (real mouse input) the first element matching `selector` inside the host's shadow root. */
export async function clickInShadow(page: Page, tag: string, selector: string): Promise<void> {
  const cdp = await session(page);
  try {
    const root = await shadowRootOf(cdp, tag);
    if (!root) throw new Error(`no shadow root on <${tag}>`);
    const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })) as { nodeId: number };
    if (!nodeId) throw new Error(`no ${selector} in <${tag}>`);
    await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}

/**
 * axe-core cannot enter closed shadow roots, so we serialize the real rendered content
 * (markup + our stylesheet) into an OPEN shadow root on a blank page of the same
 * origin, re-open its popover/dialog, and run axe there.
 */
export async function axeShadowContent(page: Page, tag: string, lang: string) {
  const html = await shadowHtml(page, tag);
  if (html === null) throw new Error(`no <${tag}> to check`);
  const probe = await page.context().newPage();
  await probe.goto(new URL('/plain.html', page.url()).href);
  await probe.evaluate(
    ([content, language]) => {
      document.documentElement.lang = language;
      document.title = 'axe probe';
      document.body.replaceChildren();
      const main = document.createElement('main');
      const host = document.createElement('div');
      host.id = 'probe-host';
      main.append(host);
      document.body.append(main);
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = content; // test-only: our own serialized markup
      for (const el of root.querySelectorAll<HTMLElement>('[popover]')) if (el.childElementCount) el.showPopover();
      for (const d of root.querySelectorAll('dialog')) {
        if (d.hasAttribute('open')) {
          d.removeAttribute('open');
          d.showModal();
        }
      }
    },
    [html, lang] as const,
  );
  const results = await new AxeBuilder({ page: probe }).include('#probe-host').analyze();
  await probe.close();
  return results;
}
