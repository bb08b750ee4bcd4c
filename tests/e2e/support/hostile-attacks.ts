/**
 * The hostile-page battery as data: each attack is a page script that runs in the PAGE's
 * world against our in-page alert, on a scam page that must still warn. Shared by the
 * Chromium (tests/e2e/security-hostile.e2e.test.ts) and Firefox
 * (tests/firefox/security.firefox.test.ts) runners, so both browsers face the same attacks.
 *
 * Every attack page:
 *  - shows scam text (high level, so our interrupting dialog opens; `level: 'medium'` for
 *    the banner) and has its own button `#own` whose handler counts clicks into
 *    `window.__own` — the page's own behaviour, which must keep working;
 *  - reports what the attack saw in `window.__attack` (`leaked`: every string it managed
 *    to read; `tries`: how many times it ran) for the runner to check.
 * `stopsIt` says what is meant to stop the attack (it goes into the README battery table).
 */
import { HIGHLIGHT_NAME } from '../../../src/page/highlight';

export interface Attack {
  name: string;
  tried: string;
  stopsIt: string;
  /** Script run in <head>, before our content script (document_idle). */
  head?: string;
  /** Script run after the body (still before our content script). */
  body?: string;
  /** Extra page CSS. */
  css?: string;
  level?: 'high' | 'medium';
  /** The attack clicks/keys at our UI: the runner checks the alert was not dismissed. */
  dismissAttempt?: boolean;
}

const HIGH_TEXT = `<h1>关于您名下账户涉嫌洗钱的通知</h1>
<p>您的账户涉嫌违法，请立即将资金转入安全账户配合调查。</p>
<p>完成后参与刷单返利活动，稳赚不赔。</p>`;
const MEDIUM_TEXT = `<h1>老年理财课堂</h1><p>本期产品保本保息，添加老师微信进群。</p><p>课程时间：每周三上午九点。</p>`;

/** Runs `fn` every `ms` once our host exists (and forever after). */
const whenOurs = (ms: number, fn: string) => `
setInterval(() => {
  const host = document.querySelector('scam-sentinel-alert');
  if (!host) return;
  window.__attack.tries++;
  try { ${fn} } catch (e) { window.__attack.errors.push(String(e)); }
}, ${ms});`;

const leak = (expr: string) => `window.__attack.leaked.push(String(${expr}));`;

export const ATTACKS: Attack[] = [
  {
    name: 'read our alert',
    tried: 'host.shadowRoot, the inner box\'s shadowRoot, textContent/innerHTML/innerText of the host and the page, getHTML({serializableShadowRoots}), select-all + getSelection, elementFromPoint on the dialog',
    stopsIt: 'closed shadow root on an inner <div>; text set with textContent only; nothing serializable',
    body: whenOurs(
      100,
      `${leak('host.shadowRoot')}
       ${leak('host.firstElementChild && host.firstElementChild.shadowRoot')}
       ${leak('host.textContent')}${leak('host.innerHTML')}${leak('document.documentElement.innerText')}
       ${leak('host.getHTML ? host.getHTML({ serializableShadowRoots: true }) : ""')}
       ${leak('document.documentElement.getHTML ? document.documentElement.getHTML({ serializableShadowRoots: true }) : ""')}
       document.execCommand('selectAll'); ${leak('getSelection().toString()')}
       const hit = document.elementFromPoint(innerWidth / 2, innerHeight / 2); ${leak('hit && (hit.innerText + hit.outerHTML)')}
       ${leak('[...document.querySelectorAll("*")].map((e) => e.shadowRoot ? e.shadowRoot.innerHTML : "").join("")')}`,
    ),
  },
  {
    name: 'hide it with page CSS',
    tried: 'display:none / visibility:hidden / opacity:0 / clip-path on scam-sentinel-alert, math, div, dialog, :popover-open, ::backdrop, all !important; content-visibility on <html> children',
    stopsIt: 'page CSS cannot enter the closed shadow root; the host\'s inline !important styles outrank the page\'s !important rules; the visible parts are in the top layer',
    css: `scam-sentinel-alert, scam-sentinel-alert *, math, html > div, dialog, :popover-open, [popover], ::backdrop {
  display: none !important; visibility: hidden !important; opacity: 0 !important; clip-path: inset(50%) !important; }
html > :not(body):not(head) { content-visibility: hidden !important; }`,
  },
  {
    name: 'restyle it inline, hidden/inert attributes',
    tried: 'every 20 ms: host.style = display:none/opacity:0/transform, hidden and inert attributes on the host and its inner box',
    stopsIt: 'src/page/shadow-host.ts: an observer puts the inline !important styles back and removes hidden/inert at once (capped per frame)',
    body: whenOurs(
      20,
      `for (const el of [host, host.firstElementChild]) {
         if (!el) continue;
         el.style.cssText = 'display:none;opacity:0;transform:translateX(-9999px);width:0;height:0';
         el.setAttribute('hidden', ''); el.setAttribute('inert', '');
       }`,
    ),
  },
  {
    name: 'move it off screen',
    tried: 'transform/zoom/filter on <html> and <body>, scrolling the page far away, a giant margin',
    stopsIt: 'the dialog and banner live in the top layer, positioned against the viewport, not inside the page\'s transformed boxes',
    css: `html { transform: translate(-5000px, -5000px) scale(0.01) !important; filter: opacity(0) !important; }
body { margin-top: 20000px !important; transform: rotate(180deg) !important; }`,
    body: `setInterval(() => window.scrollTo(0, 19000), 50);`,
  },
  {
    name: 'cover it (fixed box and the page\'s own top layer)',
    tried: 'a full-window white box at z-index 2147483647, and every 100 ms the page\'s own popover and modal <dialog> opened on top of ours',
    stopsIt: 'we watch whether our UI is still the topmost element and open it again above the page\'s top-layer elements',
    body: `
const box = document.createElement('div');
box.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:#fff';
document.body.append(box);
const pop = document.createElement('div'); pop.popover = 'manual'; pop.textContent = '一切正常';
pop.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;margin:0;background:#fff;border:0';
const dlg = document.createElement('dialog'); dlg.textContent = '一切正常';
dlg.style.cssText = 'width:100vw;height:100vh;max-width:none;max-height:none;margin:0;background:#fff;border:0';
document.body.append(pop, dlg);
${whenOurs(100, `if (!pop.matches(':popover-open')) pop.showPopover(); else { pop.hidePopover(); pop.showPopover(); }
  if (!dlg.open) dlg.showModal(); else { dlg.close(); dlg.showModal(); }`)}`,
  },
  {
    name: 'remove the host element',
    tried: 'every 10 ms: remove() on every scam-sentinel-alert element, and replaceChildren() on <html> keeping head and body',
    stopsIt: 'src/page/shadow-host.ts re-attaches the same host (and re-opens its top-layer parts) at once, in the page\'s own mutation checkpoint (capped per frame)',
    body: whenOurs(
      10,
      `document.querySelectorAll('scam-sentinel-alert, scam-sentinel-pause').forEach((el) => el.remove());
       document.documentElement.replaceChildren(document.head, document.body);`,
    ),
  },
  {
    name: 'click our buttons with synthetic events',
    tried: 'click(), dispatchEvent(click/pointerdown/pointerup/keydown Escape and Enter) on the host, its box, elementFromPoint at the dialog\'s buttons, document and window',
    stopsIt: 'our handlers act only on isTrusted events; the shadow root is closed so the buttons themselves are unreachable',
    dismissAttempt: true,
    body: whenOurs(
      50,
      `const targets = [host, host.firstElementChild, document, window, document.activeElement];
       for (let y = 0.3; y <= 0.9; y += 0.1) for (let x = 0.2; x <= 0.8; x += 0.1) targets.push(document.elementFromPoint(innerWidth * x, innerHeight * y));
       for (const t of targets) {
         if (!t) continue;
         for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) t.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: innerWidth / 2, clientY: innerHeight * 0.7 }));
         for (const key of ['Escape', 'Enter', ' ']) t.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
         if (typeof t.click === 'function') t.click();
       }`,
    ),
  },
  {
    name: 'spoof our messages with postMessage',
    tried: 'window.postMessage / top.postMessage of protocol-shaped messages ({type:"cs-bg/dismiss-alert"}, {type:"cs-bg/page-scanned", verdict level none}, {source:"scam-sentinel", action:"dismiss"}), and chrome.runtime.sendMessage to our id',
    stopsIt: 'the content script listens to no window messages; runtime messaging needs externally_connectable, which we do not declare',
    dismissAttempt: true,
    body: whenOurs(
      50,
      `const msgs = [
         { type: 'cs-bg/dismiss-alert', payload: { url: location.href } },
         { type: 'cs-bg/page-scanned', payload: { url: location.href, verdict: { level: 'none', score: 0, categories: [], evidence: [] } } },
         { source: 'scam-sentinel', action: 'dismiss' }, { scamSentinel: true, level: 'none' }, 'dismiss',
       ];
       for (const m of msgs) { window.postMessage(m, '*'); top.postMessage(m, '*'); }
       try { chrome.runtime.sendMessage(window.__extId || 'x', msgs[0], () => {}); } catch (e) { window.__attack.errors.push('runtime: ' + e); }`,
    ),
  },
  {
    name: 'redefine DOM APIs before we run',
    tried: 'in <head>, before the content script: Element.prototype.attachShadow throws, customElements.define/get replaced, window.MutationObserver a no-op class, createElement/createElementNS/appendChild/append wrapped, showModal/showPopover no-ops, requestAnimationFrame dropped, a custom element named scam-sentinel-alert defined',
    stopsIt: 'the content script runs in an isolated world (Chromium) / behind Xray wrappers (Firefox): it never sees the page\'s replacements; our host is a MathML element no page constructor can upgrade',
    head: `
window.__attack.constructed = 0;
customElements.define('scam-sentinel-alert', class extends HTMLElement { constructor() { super(); window.__attack.constructed++; } });
Element.prototype.attachShadow = function () { window.__attack.tries++; throw new Error('no shadow for you'); };
customElements.define = function () { window.__attack.tries++; };
customElements.get = () => undefined;
window.MutationObserver = class { observe() { window.__attack.tries++; } disconnect() {} takeRecords() { return []; } };
const wrap = (obj, key) => { const orig = obj[key]; obj[key] = function (...a) { window.__attack.tries++; return orig.apply(this, a); }; };
wrap(Document.prototype, 'createElement'); wrap(Document.prototype, 'createElementNS'); wrap(Node.prototype, 'appendChild'); wrap(Element.prototype, 'append');
HTMLDialogElement.prototype.showModal = function () { window.__attack.tries++; };
HTMLElement.prototype.showPopover = function () { window.__attack.tries++; };
window.requestAnimationFrame = () => 0;`,
  },
  {
    name: 'flood mutations',
    tried: 'every 2 ms: 500 nodes added and removed, attributes and text toggled, for the whole visit; the scam text arrives 1.5 s in',
    stopsIt: 'src/page/observer.ts + scheduler.ts batch mutations and cap the work per slice, so the scan completes and the page keeps its own pace',
    body: `
const junk = document.createElement('div'); junk.id = 'junk'; document.body.append(junk);
setInterval(() => {
  window.__attack.tries++;
  const frag = document.createDocumentFragment();
  for (let i = 0; i < 500; i++) { const s = document.createElement('span'); s.textContent = '天气晴 ' + i; frag.append(s); }
  junk.replaceChildren(frag);
  junk.setAttribute('data-n', String(window.__attack.tries));
}, 2);
setTimeout(() => { const p = document.createElement('div'); p.innerHTML = ${JSON.stringify(HIGH_TEXT)}; document.body.prepend(p); }, 1500);`,
  },
  {
    name: 'wipe and restyle our phrase highlights',
    tried: `CSS.highlights.delete/clear, and ::highlight(${HIGHLIGHT_NAME}) styled transparent with !important`,
    stopsIt: 'not stopped, by design: the highlights paint the page\'s own text, which the page controls; the phrases are also listed inside our closed alert, which it cannot touch',
    css: `html body *::highlight(${HIGHLIGHT_NAME}) { background-color: transparent !important; color: inherit !important; text-decoration: none !important; }`,
    body: whenOurs(50, `if (window.CSS && CSS.highlights) { window.__attack.highlightsSeen = CSS.highlights.size; CSS.highlights.clear(); }`),
  },
];

/** The full page for an attack. */
export function attackPage(a: Attack): string {
  const text = a.level === 'medium' ? MEDIUM_TEXT : HIGH_TEXT;
  const scamFirst = a.name !== 'flood mutations';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>attack: ${a.name}</title>
<script>
window.__attack = { name: ${JSON.stringify(a.name)}, leaked: [], errors: [], tries: 0 };
window.__own = 0; window.__ticks = 0;
setInterval(() => window.__ticks++, 100);
${a.head ?? ''}
</script>
${a.css ? `<style>${a.css}</style>` : ''}
</head><body>
${scamFirst ? text : '<h1>天气预报</h1><p>今天晴，最高气温二十五度。</p>'}
<p><button id="own" type="button">页面自己的按钮</button></p>
<script>
document.getElementById('own').addEventListener('click', () => window.__own++);
${a.body ?? ''}
</script>
</body></html>`;
}

/** Strings from our alert that must never appear in what an attack read. */
export const OUR_WORDS = [/96110/, /反诈/, /请停一下/, /诈骗/];
