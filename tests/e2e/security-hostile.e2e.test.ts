/**
 * Security battery, Chromium: hostile pages against our in-page alert. Each attack of
 * tests/e2e/support/hostile-attacks.ts runs in the page's own world on a scam page; for
 * each, in the same tab:
 *  - the alert is shown at the right level, visible and on top (checked from outside the
 *    page through the DevTools protocol, which can see into the closed shadow root);
 *  - the attack read none of our words, and could not dismiss the alert;
 *  - the page's own behaviour is unchanged (its button and its timers still work);
 *  - afterwards a plain scam page in the same tab still warns.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { startServer, type FixtureServer } from './support/server';
import { alertLevel, waitForAlertLevel } from './support/pages';
import { ATTACKS, OUR_WORDS, attackPage } from './support/hostile-attacks';

let ext: ExtensionBrowser;
let server: FixtureServer;
let tab: Page;

beforeAll(async () => {
  server = await startServer();
  for (const [i, a] of ATTACKS.entries()) server.route(`/attack/${i}.html`, () => ({ body: attackPage(a) }));
  server.route('/attack/observer-remove.html', () => ({ body: attackPage(OBSERVER_REMOVE) }));
  ext = await launchWithExtension();
  tab = await ext.context.newPage();
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  localName?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** Our visible part (open dialog or open popover) as the renderer sees it: style, box, topmost. */
type Visible = { found: boolean; error?: string; display?: string; visibility?: string; opacity?: string; box?: number[]; painted?: number };

/** Retried: a hostile page may remove our host between two protocol calls (we put it back). */
async function ourVisiblePart(page: Page): Promise<Visible> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await ourVisiblePartOnce(page);
    } catch (err) {
      if (attempt >= 20 || !/Could not find node|No node/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 15));
    }
  }
}

async function ourVisiblePartOnce(page: Page): Promise<Visible> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const find = (n: DomNode, tag: string): DomNode | null => {
      if (n.localName === tag) return n;
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
        const hit = find(c, tag);
        if (hit) return hit;
      }
      return null;
    };
    const host = find(root, 'scam-sentinel-alert');
    const shadow = host?.children?.find((c) => c.shadowRoots?.length)?.shadowRoots?.[0];
    if (!shadow) return { found: false };
    let nodeId = 0;
    for (const sel of ['dialog[open]', '[popover]:popover-open']) {
      nodeId = ((await cdp.send('DOM.querySelector', { nodeId: shadow.nodeId, selector: sel })) as { nodeId: number }).nodeId;
      if (nodeId) break;
    }
    if (!nodeId) return { found: false };
    const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', { nodeId })) as { computedStyle: Array<{ name: string; value: string }> };
    const style = (name: string) => computedStyle.find((p) => p.name === name)?.value;
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId })) as { model: { border: number[] } };
    const [x1, y1, , , x3, y3] = model.border as [number, number, number, number, number, number];
    return { found: true, display: style('display'), visibility: style('visibility'), opacity: style('opacity'), box: [x1, y1, x3, y3] };
  } finally {
    await cdp.detach();
  }
}

/** Our dialog's background (#fef2f2, src/page/alert.ts) — no attack page uses it. */
const DIALOG_BG: [number, number, number] = [0xfe, 0xf2, 0xf2];

/** Share of the window's pixels painted in our dialog's background colour (decoded by a canvas in a helper page). */
async function paintedShare(page: Page): Promise<number> {
  const png = (await page.screenshot()).toString('base64');
  decoder ??= await (async () => {
    const p = await ext.context.newPage();
    await p.goto(server.url('/plain.html'));
    return p;
  })();
  return decoder.evaluate(
    async ([b64, [r, g, b]]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let hits = 0;
      for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i]! - r) < 3 && Math.abs(d[i + 1]! - g) < 3 && Math.abs(d[i + 2]! - b) < 3) hits++;
      return hits / (d.length / 4);
    },
    [png, DIALOG_BG] as const,
  );
}
let decoder: Page | undefined;
const pageState = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __attack: { leaked: string[]; tries: number; errors: string[]; constructed?: number }; __own: number; __ticks: number };
    return { leaked: w.__attack.leaked.join('\n'), tries: w.__attack.tries, own: w.__own, ticks: w.__ticks, constructed: w.__attack.constructed ?? 0 };
  });

describe('security battery (Chromium): a hostile page cannot read, hide, move, cover, remove, click or silence our alert', () => {
  test.each(ATTACKS.map((a, i) => [a.name, i, a] as const))('%s', async (_name, i, attack) => {
    await tab.goto(server.url(`/attack/${i}.html`));
    // Polled from outside (waitForFunction would use the page's requestAnimationFrame, which one attack removes).
    await expect.poll(() => alertLevel(tab), { timeout: 20_000, interval: 200 }).toMatch(attack.level === 'medium' ? /medium|high/ : /high/);
    // Let the attack run against the shown alert for a while.
    if (/__attack\.tries\+\+/.test(attack.body ?? '')) {
      await expect.poll(async () => (await pageState(tab)).tries, { timeout: 10_000 }).toBeGreaterThan(attack.head ? 0 : 5);
    }
    await tab.waitForTimeout(600);

    // Visible, in the viewport, on top: what the screen shows (a screenshot is a painted
    // frame) has our dialog's colour over a good part of the window, and the renderer's
    // computed style of our dialog is not hidden (when the page has not just removed it).
    let last: Visible & { ok?: boolean } = { found: false };
    const deadline = Date.now() + 5_000;
    while (!last.ok && Date.now() < deadline) {
      const v = await ourVisiblePart(tab).catch((err: Error) => ({ found: false, error: err.message }) as Visible);
      const painted = await paintedShare(tab);
      const [x1 = -1, y1 = -1, x3 = -1, y3 = -1] = v.box ?? [];
      const styleOk = !v.found || (v.display !== 'none' && v.visibility === 'visible' && v.opacity === '1' && x3 > x1 + 50 && y3 > y1 + 20);
      last = { ...v, painted, ok: painted >= 0.05 && styleOk };
      if (!last.ok) await new Promise((r) => setTimeout(r, 250));
    }
    expect(last.ok, JSON.stringify(last)).toBe(true);

    const state = await pageState(tab);
    for (const word of OUR_WORDS) expect(state.leaked, `${attack.name} read our words`).not.toMatch(word);
    expect(state.constructed).toBe(0);
    if (attack.dismissAttempt) {
      expect(await tab.evaluate(() => document.querySelector('scam-sentinel-alert')?.getAttribute('data-mode'))).toMatch(/dialog|banner/);
    }
    // The page's own behaviour: its button works, its timers tick.
    const before = state.own;
    await tab.evaluate(() => (document.getElementById('own') as HTMLButtonElement).click());
    const after = await pageState(tab);
    expect(after.own).toBe(before + 1);
    expect(after.ticks).toBeGreaterThan(3);

    // And a real scam page in the same tab still warns.
    await tab.goto(server.url('/warn/high.html'));
    expect(await waitForAlertLevel(tab, ['high'], 15_000)).toBe('high');
  });
});

/**
 * A page that removes us from its own MutationObserver, every time it sees us back. Our
 * restore runs in the same microtask checkpoint, so without a cap the two would ping-pong
 * forever and hang the tab. Not in the battery: a page can always have the last word
 * over its own DOM; what we promise is that fighting us never freezes the page.
 */
const OBSERVER_REMOVE = {
  name: 'remove it from a MutationObserver',
  tried: '',
  stopsIt: '',
  body: `new MutationObserver(() => {
  const hosts = document.querySelectorAll('scam-sentinel-alert');
  if (hosts.length) window.__attack.tries++;
  hosts.forEach((el) => el.remove());
}).observe(document.documentElement, { childList: true });`,
};

describe('a page fighting our alert from its MutationObserver', () => {
  test('its tab does not hang: restores are capped per frame, the page keeps its timers and its button', async () => {
    await tab.goto(server.url('/attack/observer-remove.html'));
    await expect.poll(async () => (await pageState(tab)).tries, { timeout: 20_000, interval: 200 }).toBeGreaterThan(0);
    const a = await pageState(tab);
    await tab.waitForTimeout(1_000);
    const b = await pageState(tab);
    // The page's own 100 ms timer kept running through a second of fighting.
    expect(b.ticks - a.ticks).toBeGreaterThanOrEqual(5);
    // Our restores (each one the page removes again) stay bounded: a few per frame.
    expect(b.tries - a.tries).toBeGreaterThan(0);
    expect(b.tries - a.tries).toBeLessThan(2_000);
    await tab.evaluate(() => (document.getElementById('own') as HTMLButtonElement).click());
    expect((await pageState(tab)).own).toBe(b.own + 1);
  });
});

describe('afterwards', () => {
  test('no uncaught error in the service worker log', () => {
    expect(ext.swErrors).toEqual([]);
  });
});
