/**
 * A tamper-resistant host for our on-page UI (alert, cooling-off dialog):
 *  - CLOSED shadow root: page scripts get `host.shadowRoot === null` and cannot read
 *    or restyle what is inside; text is set with textContent only;
 *  - the host itself is a zero-size fixed box appended to <html>, so it never shifts
 *    the page's layout; visible parts live in the top layer (popover / modal dialog);
 *  - inline `!important` styles beat the page's own `!important` rules on the host,
 *    and an observer puts them (and the host) back if a page script strips them;
 *  - restores run at once, in the page's own mutation checkpoint (nothing paints us
 *    gone), at most IMMEDIATE_PER_FRAME times a frame, so a page fighting us cannot
 *    make us loop;
 *  - the contract element `<scam-sentinel-alert data-level …>` is created in the MathML
 *    namespace, its closed shadow root sits on a plain `<div>` inside it. A page may
 *    define its own custom element with our name before we run: custom elements exist
 *    only in the HTML namespace, and in Chromium the content script's createElement /
 *    createElementNS(XHTML) DO run the page's constructor (the isolated world has no
 *    registry of its own; checked by tests/e2e/alert-host.e2e.test.ts), which then owns
 *    the shadow root. A MathML element is never upgraded, so no page code runs, and it
 *    still takes inline `!important` styles and matches `scam-sentinel-alert` selectors.
 */
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

/** The host element: MathML namespace (never a page's custom element), styled inline. */
export type HostElement = HTMLElement | MathMLElement;

export interface ShadowHost {
  host: HostElement;
  root: ShadowRoot;
  /** Put the host back if the page removed it. Returns true when it had to. */
  ensureAttached(): boolean;
  /** Called after a restore so the owner can re-open its top-layer parts. */
  onRestored(fn: () => void): void;
  destroy(): void;
}

const HOST_STYLE: Array<[string, string]> = [
  ['display', 'block'],
  ['position', 'fixed'],
  ['top', '0'],
  ['left', '0'],
  ['width', '0'],
  ['height', '0'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['overflow', 'visible'],
  ['z-index', '2147483647'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['clip-path', 'none'],
  ['contain', 'none'],
  // Found by the hostile-page battery (tests/e2e/security-hostile.e2e.test.ts): each of
  // these on the host hides or moves even our top-layer parts.
  ['content-visibility', 'visible'],
  ['mask', 'none'],
  ['translate', 'none'],
  ['scale', 'none'],
  ['rotate', 'none'],
  ['zoom', '1'],
  ['pointer-events', 'auto'],
  ['mix-blend-mode', 'normal'],
];

function applyHostStyle(host: HostElement): void {
  for (const [prop, value] of HOST_STYLE) host.style.setProperty(prop, value, 'important');
}

/** Restores done at once (in the mutation callback) per frame; see `schedule`. */
const IMMEDIATE_PER_FRAME = 4;

export function createShadowHost(doc: Document, tag: string, css: string): ShadowHost {
  const host = doc.createElementNS(MATHML_NS, tag) as MathMLElement;
  applyHostStyle(host);
  // The shadow root's own host: a plain div (no custom-element name a page could take).
  const box = doc.createElement('div');
  applyHostStyle(box);
  host.append(box);
  const root = box.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  const parent = () => doc.documentElement;
  parent().append(host);
  // What the browser reports back for our inline styles (it normalizes, e.g. 0 → 0px).
  const expected = HOST_STYLE.map(([p]) => [p, host.style.getPropertyValue(p)] as const);

  const restoredFns: Array<() => void> = [];
  let pending = 0;
  let destroyed = false;

  const restore = (): boolean => {
    if (destroyed) return false;
    let changed = false;
    if (!host.isConnected || host.parentNode !== parent()) {
      parent().append(host);
      changed = true;
    }
    if (box.parentNode !== host) {
      host.prepend(box);
      changed = true;
    }
    for (const el of [host, box]) {
      if (!expected.every(([p, v]) => el.style.getPropertyValue(p) === v && el.style.getPropertyPriority(p) === 'important')) {
        applyHostStyle(el);
        changed = true;
      }
      for (const attr of ['hidden', 'inert']) if (el.hasAttribute(attr)) {
        el.removeAttribute(attr);
        changed = true;
      }
    }
    if (changed) for (const fn of restoredFns) fn();
    return changed;
  };
  // A page that removes or restyles us gets us back at once, in the same microtask
  // checkpoint, so no paint and no screenshot ever sees us gone. At most
  // IMMEDIATE_PER_FRAME such restores per frame: a page that removes us from its own
  // MutationObserver cannot turn this into an endless microtask ping-pong (which would
  // hang its tab); past the cap we come back on the next frame.
  const win = doc.defaultView;
  let immediate = 0;
  const schedule = () => {
    if (destroyed) return;
    const changed = immediate < IMMEDIATE_PER_FRAME && restore();
    if (changed) immediate++;
    if (pending || (!changed && immediate < IMMEDIATE_PER_FRAME)) return;
    const run = () => {
      pending = 0;
      immediate = 0;
      restore();
    };
    pending = win && doc.visibilityState === 'visible' ? win.requestAnimationFrame(run) : (setTimeout(run, 100) as unknown as number);
  };

  const observer = new MutationObserver(schedule);
  observer.observe(doc.documentElement, { childList: true });
  observer.observe(host, { attributes: true, attributeFilter: ['style', 'hidden', 'inert'], childList: true });
  observer.observe(box, { attributes: true, attributeFilter: ['style', 'hidden', 'inert'] });

  return {
    host,
    root,
    ensureAttached: restore,
    onRestored: (fn) => void restoredFns.push(fn),
    destroy() {
      destroyed = true;
      observer.disconnect();
      host.remove();
    },
  };
}

/** Shared look of our on-page UI (inside the shadow roots): large, calm, AA contrast. */
export const BASE_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.panel, dialog { font-family: system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif; font-size: 18px; line-height: 1.6; color: #1f2937; visibility: visible; opacity: 1; text-align: left; }
h2 { margin: 0 0 8px; font-size: 22px; line-height: 1.35; color: #7f1d1d; }
p { margin: 6px 0; }
ul { margin: 4px 0 8px; padding-left: 24px; }
li { margin: 2px 0; }
.actions { display: flex; flex-wrap: wrap; gap: 10px; margin-top: 12px; align-items: center; }
button, a.btn { font: inherit; font-size: 18px; min-height: 44px; padding: 8px 18px; border-radius: 10px; cursor: pointer; border: 2px solid #1d4ed8; background: #1d4ed8; color: #fff; text-decoration: none; display: inline-flex; align-items: center; }
button.secondary, a.btn.secondary { background: #fff; color: #1d4ed8; }
button[disabled] { background: #e5e7eb; color: #374151; border-color: #6b7280; cursor: not-allowed; }
button:focus-visible, a:focus-visible, .phrase:focus-visible { outline: 3px solid #111827; outline-offset: 2px; }
a { color: #1d4ed8; }
.phrase { font: inherit; background: #fef08a; color: #1f2937; border: 0; border-bottom: 2px solid #a16207; padding: 0 4px; min-height: 0; border-radius: 4px; cursor: pointer; display: inline; }
.reason { color: #374151; }
`;
