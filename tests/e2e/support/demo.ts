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

/** Phrases the alert quotes from the page (its .phrase chips, 「…」), anywhere in the page, frames included. */
export async function frameShadowMarks(page: Page, tag: string): Promise<string[]> {
  return withRoot(page, tag, async (cdp, root) => {
    if (!root) return [];
    const { nodeIds } = (await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '.phrase' })) as { nodeIds: number[] };
    const out: string[] = [];
    for (const id of nodeIds) out.push(((await cdp.send('DOM.getOuterHTML', { nodeId: id })) as { outerHTML: string }).outerHTML.replace(/<[^>]+>/g, ''));
    return out;
  });
}

/**
 * Press (real keyboard input: focus, then Enter, which the browser turns into a trusted
 * click) the first `selector` inside a host's closed shadow root, frames included.
 * Keyboard rather than mouse: the presenter-mode stage is zoomed, and a box model from
 * the protocol does not place a mouse click reliably inside a zoomed frame.
 */
export async function frameClickInShadow(page: Page, tag: string, selector: string): Promise<void> {
  await withRoot(page, tag, async (cdp, root) => {
    if (!root) throw new Error(`no shadow root on <${tag}>`);
    const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })) as { nodeId: number };
    if (!nodeId) throw new Error(`no ${selector} in <${tag}>`);
    await cdp.send('DOM.focus', { nodeId });
  });
  await page.keyboard.press('Enter');
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

export const ALERT_TAG = 'scam-sentinel-alert';
export const PAUSE_TAG = 'scam-sentinel-pause';

/** What a walk through one case saw at its live steps. */
export interface CaseWalk {
  /** Alert level and mode at the 'live' step. */
  alert: { level: string | null; mode: string | null } | null;
  /** Text of the alert (closed shadow root) at the 'live' step. */
  alertText: string;
  /** Phrases the alert marks. */
  marks: string[];
  /** Cooling-off dialog after clicking the card field ('pay' step). */
  pause: { open: string | null; action: string | null } | null;
  /** The demo interstitial: its state and whether it shows the demo mark. */
  interstitial: { state: string | null; demo: boolean; host: string } | null;
}

/**
 * Walk one case through every step the way a presenter does (mouse clicks; the keyboard
 * is tested on its own): live warning, dismiss it, click into the card
 * field (cooling-off dialog), leave; open the demo interstitial, "back to safety".
 * `onStep` runs at each step (screenshots for `npm run demo:screens`).
 */
export async function walkCase(
  page: Page,
  galleryUrl: string,
  caseId: string,
  onStep: (step: string) => Promise<void> = async () => undefined,
): Promise<CaseWalk> {
  const walk: CaseWalk = { alert: null, alertText: '', marks: [], pause: null, interstitial: null };
  await page.goto(`${galleryUrl}#/case/${caseId}/hook`);
  const slide = page.getByTestId('slide');
  const atStep = (step: string) => page.waitForSelector(`[data-testid=slide][data-step=${step}][data-case=${caseId}]`);
  await atStep('hook');
  await stageReady(page);
  for (const step of ['hook', 'turn', 'ask', 'live', 'pay', 'site', 'signs', 'todo']) {
    await atStep(step);
    if (step === 'live') {
      await page.waitForFunction(
        () => {
          const f = [...document.querySelectorAll('iframe')].find((x) => x.src.includes('live=1'));
          return f?.contentDocument?.querySelector('scam-sentinel-alert[data-mode="dialog"], scam-sentinel-alert[data-mode="banner"]') ?? null;
        },
        undefined,
        { timeout: 15_000 },
      );
      walk.alert = await stageAlert(page);
      walk.alertText = await frameShadowText(page, ALERT_TAG);
      walk.marks = await frameShadowMarks(page, ALERT_TAG);
      await page.waitForTimeout(300); // let the dialog finish painting for the screenshot
    }
    if (step === 'pay') {
      // The alert is in the way: the presenter first presses "继续看" (dismiss) — in the
      // interrupting dialog (high) or in the banner (medium), which fills the small stage.
      const mode = (await stageAlert(page))?.mode;
      if (mode === 'dialog' || mode === 'banner') {
        await frameClickInShadow(page, ALERT_TAG, mode === 'dialog' ? 'dialog button.secondary' : '.actions button.secondary');
        await page.waitForFunction(
          (was) => {
            const a = document.querySelector<HTMLIFrameElement>('iframe[data-testid=stage]')?.contentDocument?.querySelector('scam-sentinel-alert');
            return !a || a.getAttribute('data-mode') !== was;
          },
          mode,
        );
      }
      await stageFrame(page).getByTestId('card-field').click();
      await page.waitForFunction(() => {
        const f = [...document.querySelectorAll('iframe')].find((x) => x.src.includes('live=1'));
        return f?.contentDocument?.querySelector('scam-sentinel-pause[data-open="true"]') ?? null;
      });
      walk.pause = await stagePause(page);
      await page.waitForTimeout(300);
    }
    await onStep(step);
    if (step === 'pay') {
      await frameClickInShadow(page, PAUSE_TAG, 'button:not(.secondary)'); // leave (the default)
      await stageFrame(page).getByTestId('stage-left').waitFor();
    }
    if (step === 'site') {
      await page.getByTestId('open-interstitial').click();
      await page.waitForURL(/\/warning\.html\?/);
      await page.getByTestId('warning-ready').waitFor({ state: 'attached' });
      const root = page.getByTestId('warning-root');
      walk.interstitial = {
        state: await root.getAttribute('data-state'),
        demo: (await root.getAttribute('data-demo')) !== null && (await page.getByTestId('demo-mark').count()) === 1,
        host: (await page.getByTestId('target-host').textContent().catch(() => '')) ?? '',
      };
      await onStep('site-interstitial');
      await page.getByTestId('back-to-safety').click();
      await page.waitForURL(/\/demo\.html/);
      await atStep('site');
    }
    if (step !== 'todo') {
      await slide.waitFor();
      await page.getByTestId('next').click();
    }
  }
  return walk;
}

/** The stage frame has rendered its sample page. */
export async function stageReady(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const f = document.querySelector<HTMLIFrameElement>('iframe[data-testid=stage]');
    return f?.contentDocument?.querySelector('[data-testid=sample-form]') ?? null;
  });
}
