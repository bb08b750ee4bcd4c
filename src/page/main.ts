/**
 * Page-side wiring: read the page's visible text → engine → report to the
 * background → presenter. Dependencies come in as parameters; entrypoints/content.ts
 * passes the real ones.
 *
 * One *pass* at a time (src/page/scheduler.ts decides when):
 *   1. read: the whole page on the first pass and after a URL change; otherwise only
 *      the blocks the change observer (src/page/observer.ts) saw change;
 *   2. scan: the page's passages, in reading order, through the engine's page scanner
 *      (src/engine/page.ts), which re-analyses only the parts whose text changed and
 *      owns the page verdict: we only decide how many characters go between yields,
 *      which never changes the verdict;
 *   3. report, present.
 * Reading and scanning are time-sliced (yield when a slice reaches 8 ms), so the
 * page never sees a long task from us, and passes are spaced by their cost, so a page
 * that mutates forever gets a bounded share of one core.
 *
 * Frames: the content script runs in every frame (all_frames). A frame whose parent is
 * same-origin stops at once (entrypoints/content.ts): its parent reads its document
 * here, as part of its own page, so the page gets one verdict with full context and
 * one alert. A cross-origin frame keeps its own instance and reports into the same
 * tab (the background keeps the worst frame verdict).
 */
import { createScanner } from '../engine';
import type { PageScanner } from '../engine';
import { levelRank, type Locale, type ScanOptions, type Verdict } from '../engine/types';
import type { RequestOf, ResponseOf } from '../messaging/protocol';
import type { PageSettings } from '../settings/page-settings';
import { documentHeadTexts, MAX_PAGE_CHARS, ownerBlock, walkBlocks, type Passage, type WalkSink } from './visible-text';
import { createPresenter, siteInfoFromUrlVerdict } from './present';
import { createChangeObserver } from './observer';
import { createPassScheduler, createSlicer, defaultYield, type PassSchedulerOptions } from './scheduler';
import { bucketPassages, createPassageStore } from './passage-store';
import { watchUrl } from './spa';
import { createIdentifierCheck, withIdentifierEvidence } from './identifiers';

/** Store buckets (eviction of text that came from later changes) hold about this many characters. */
export const SCAN_CHARS = 32_000;
/** Characters the engine analyses between two yield checks (main-thread time only: the verdict does not depend on it). */
export const ENGINE_STEP_CHARS = 8_000;
/** A first read that gets this far reports early when it already sees risk (big pages). */
export const EARLY_REPORT_CHARS = 32_000;
/** Characters a change pass may read (the first read of a page reads up to MAX_PAGE_CHARS). */
export const CHANGE_PASS_CHARS = 500_000;
/** Same-origin frames read per page (a frame-heavy page costs bounded work). */
export const MAX_FRAMES = 100;

export interface ContentDeps {
  doc: Document;
  win: Pick<Window, 'addEventListener' | 'removeEventListener' | 'setInterval' | 'clearInterval'>;
  url: () => string;
  locale: (settings: PageSettings) => Locale;
  /** src/settings/page-settings.ts readPageSettings (the page carries no zod); any Settings fits. */
  loadSettings: () => Promise<PageSettings>;
  pageScanned: (payload: RequestOf<'cs-bg/page-scanned'>) => Promise<ResponseOf<'cs-bg/page-scanned'>>;
  dismiss: (payload: RequestOf<'cs-bg/dismiss-alert'>) => Promise<unknown>;
  /** Lookalike check for the caution banner (optional: without it no caution banner). */
  urlVerdict?: (payload: RequestOf<'cs-bg/url-verdict'>) => Promise<ResponseOf<'cs-bg/url-verdict'>>;
  /** The explanations of rule ids, asked for when an alert opens (optional: without them an alert names categories). */
  ruleTexts?: (payload: RequestOf<'cs-bg/rule-texts'>) => Promise<ResponseOf<'cs-bg/rule-texts'>>;
  /** Listed-identifier lookup (src/page/identifiers.ts; optional: without it no identifier check). */
  identifiers?: (payload: RequestOf<'cs-bg/identifiers'>) => Promise<ResponseOf<'cs-bg/identifiers'>>;
  /** The engine's page scanner (default: createScanner from src/engine). */
  createScanner?: (options: ScanOptions) => PageScanner;
  now?: () => number;
  yieldToPage?: () => Promise<void>;
  /** Resolves once the page has rendered (default: next animation frame, or 1 s in a hidden tab). */
  afterPaint?: () => Promise<void>;
  timing?: PassSchedulerOptions;
  /** "Leave this page" in the alert and the cooling-off dialog (default: history back). The outreach demo's stage passes its own. */
  leave?: () => void;
  /** Families (issue 9): read-aloud, the approval page, the local family log. */
  family?: {
    speak(text: string, locale: Locale): void;
    askFamily(): void;
    event(kind: 'warning' | 'left', category?: string): void;
  };
}

/**
 * Wait for the browser's own rendering of the page: reading computed styles before the
 * first style pass would make *us* pay for styling the whole page (450 ms on a 5 MB
 * page in tests/perf/page-bench.ts) inside one of our tasks. A hidden tab gets no
 * animation frames, hence the timer.
 */
export function defaultAfterPaint(): Promise<void> {
  return new Promise((resolve) => {
    // A visible tab paints soon (a huge page may take seconds); a hidden one never does.
    const timer = setTimeout(resolve, document.visibilityState === 'visible' ? 10_000 : 1_000);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/** Keep what we send within the protocol's caps (src/messaging/protocol.ts). */
export function capVerdict(v: Verdict): Verdict {
  const cut = (s: string) => s.slice(0, 500);
  // The trace is for `sentinel explain`; it never leaves the page.
  const { trace: _trace, ...rest } = v;
  return {
    ...rest,
    score: Math.min(1000, Math.max(0, v.score)),
    evidence: v.evidence.slice(0, 50).map((e) => ({
      ...e,
      ruleId: e.ruleId.slice(0, 100),
      spans: e.spans.slice(0, 50),
      quotes: e.quotes.slice(0, 50).map((q) => q.slice(0, 200)),
      // Only a listed identifier's evidence has words of its own (a rule's are looked up by ruleId).
      ...(e.explanation ? { explanation: { 'zh-CN': cut(e.explanation['zh-CN']), 'zh-TW': cut(e.explanation['zh-TW']), en: cut(e.explanation.en) } } : {}),
      ...(e.advice ? { advice: { 'zh-CN': cut(e.advice['zh-CN']), 'zh-TW': cut(e.advice['zh-TW']), en: cut(e.advice.en) } } : {}),
    })),
  };
}

/** Is this node (a store key) still part of the page? */
function alive(key: object): boolean {
  const n = key as Node;
  if (n.nodeType === 9) return !!(n as Document).defaultView;
  if (n.nodeType === 11) return !!(n as ShadowRoot).host?.isConnected;
  return n.isConnected;
}

function isContextGone(err: unknown): boolean {
  return err instanceof Error && /context invalidated|Receiving end does not exist/i.test(err.message);
}

interface Job {
  root: Element | ShadowRoot;
  deep: boolean;
}

export async function startContentScript(deps: ContentDeps) {
  const settings = await deps.loadSettings();
  const locale = deps.locale(settings);
  const now = deps.now ?? (() => performance.now());
  const options: ScanOptions = { sensitivity: settings.sensitivity, disabledCategories: settings.disabledCategories };
  const scanner = (deps.createScanner ?? createScanner)(options);
  const urlVerdict = deps.urlVerdict;
  const presenter = createPresenter({
    doc: deps.doc,
    locale,
    onDismiss: () => void deps.dismiss({ url: deps.url() }).catch(() => undefined),
    // Named in the cooling-off dialog; lookalike brand for the caution banner.
    familyContact: settings.familyContact,
    ...(deps.leave ? { leave: deps.leave } : {}),
    ...(deps.family
      ? {
          familyEvent: (kind: 'warning' | 'left', category?: string) => deps.family!.event(kind, category),
          ...(settings.elderMode ? { elder: { speak: (text: string) => deps.family!.speak(text, locale), askFamily: () => deps.family!.askFamily() } } : {}),
        }
      : {}),
    ...(urlVerdict ? { siteInfo: async () => siteInfoFromUrlVerdict(await urlVerdict({ url: deps.url() }), locale) } : {}),
    ...(deps.ruleTexts ? { explain: async (ruleIds: string[]) => (await deps.ruleTexts!({ ruleIds, locale })).texts } : {}),
  });
  const slicer = createSlicer({ now }, deps.yieldToPage ?? defaultYield);
  const idCheck = deps.identifiers ? createIdentifierCheck(deps.identifiers) : null;
  /** Listed phone numbers, cards, addresses … on the page raise the verdict to high (issue 11). */
  const addIdentifiers = async (verdict: Verdict, passages: Passage[]): Promise<Verdict> => {
    if (!idCheck) return verdict;
    try {
      return withIdentifierEvidence(verdict, await idCheck(passages.map((p) => p.text), slicer));
    } catch {
      return verdict; // background unavailable: the page's own verdict still stands
    }
  };
  const store = createPassageStore({ bucketChars: SCAN_CHARS });

  let seen = new WeakSet<Element>();
  const framesSeen = new WeakSet<Element>();
  let frameCount = 0;
  const frameLoads = new Set<HTMLIFrameElement>();
  let generation = 0;
  let fullRead = true;
  let fromChange = false;
  let lastKey = '';
  let stopped = false;
  let lastVerdict: Verdict | null = null;
  const jobs: Job[] = [];
  const budget = { chars: MAX_PAGE_CHARS };

  const observer = createChangeObserver({
    now,
    onChange: () => {
      urls.check();
      scheduler.request();
    },
  });
  const observe = (root: Node) => {
    try {
      observer.observe(root);
    } catch {
      /* a node we may not observe: its changes are picked up by a later full read */
    }
  };

  const readHead = (doc: Document) => store.set(doc, null, documentHeadTexts(doc), fromChange);

  const readFrame = (f: HTMLIFrameElement) => {
    let inner: Document | null = null;
    try {
      inner = f.contentDocument;
    } catch {
      inner = null;
    }
    if (!framesSeen.has(f)) {
      if (frameCount >= MAX_FRAMES) return;
      framesSeen.add(f);
      frameCount++;
      // A frame that (re)loads later: read it then (it is a new document).
      f.addEventListener('load', () => {
        frameLoads.add(f);
        scheduler.request();
      });
    }
    if (!inner?.documentElement) return; // cross-origin (its own instance covers it) or not loaded yet
    readHead(inner);
    observe(inner.documentElement);
    const root = inner.body ?? inner.documentElement;
    jobs.push({ root, deep: true });
  };

  const sink: WalkSink = {
    budget,
    block(key, element, texts) {
      if ((key as Node).nodeType === 1) seen.add(key as Element);
      store.set(key, element, texts, fromChange);
    },
    shadowRoot(root) {
      observe(root);
      jobs.push({ root, deep: true });
    },
    frame: readFrame,
    known: (el) => seen.has(el),
  };

  /** Turn the observer's change set into read jobs (cheap; the reading is sliced). */
  const planChanges = (): boolean => {
    const changes = observer.take();
    if (changes.overflow) return true;
    for (const doc of changes.heads) readHead(doc);
    for (const f of frameLoads) readFrame(f);
    frameLoads.clear();
    if (changes.removed) store.prune(alive);
    const deep: Element[] = [];
    const shallow = new Set<Element | ShadowRoot>();
    for (const el of changes.toggled) {
      if (!el.isConnected) continue;
      const owner = ownerBlock(el);
      if (!owner) {
        // Now hidden: forget what it showed.
        store.prune((k) => !((k as Node).nodeType === 1 && el.contains(k as Node)));
      } else if (owner === el) deep.push(el);
      else shallow.add(owner);
    }
    for (const n of changes.added) {
      if (!n.isConnected) continue;
      const owner = ownerBlock(n);
      if (!owner) continue;
      if (owner === n) deep.push(n as Element);
      else shallow.add(owner);
    }
    for (const n of changes.changed) {
      if (!n.isConnected) continue;
      const owner = ownerBlock(n);
      if (owner) shallow.add(owner);
    }
    for (const el of deep) jobs.push({ root: el, deep: true });
    for (const root of shallow) jobs.push({ root, deep: false });
    return false;
  };

  const planFullRead = (reset: boolean) => {
    if (reset) {
      store.clear();
      seen = new WeakSet();
    } else {
      store.prune(alive);
    }
    const doc = deps.doc;
    readHead(doc);
    const root = doc.body ?? doc.documentElement;
    if (root) {
      observe(doc.documentElement);
      jobs.push({ root, deep: true });
    }
  };

  const report = async (verdict: Verdict, passages: Passage[]) => {
    const url = deps.url();
    const capped = capVerdict(verdict);
    const key = `${url}|${capped.level}|${capped.categories.join(',')}|${capped.evidence.map((e) => `${e.ruleId}:${e.spans.length}`).join(',')}`;
    if (key === lastKey) return;
    lastKey = key;
    lastVerdict = capped;
    let dismissed = false;
    try {
      dismissed = (await deps.pageScanned({ url, verdict: capped })).dismissed;
    } catch (err) {
      if (isContextGone(err)) {
        stop();
        return;
      }
      lastKey = ''; // try again on the next pass
    }
    try {
      presenter.show(capped, passages, dismissed);
    } catch {
      // The page broke our alert host (e.g. it defined <scam-sentinel-alert> itself).
      // Fail safe: the badge and the popup still carry the verdict.
    }
  };

  const pass = async (): Promise<number> => {
    slicer.begin();
    const gen = generation;
    let overflow = false;
    if (fullRead) {
      fullRead = false;
      fromChange = false;
      budget.chars = MAX_PAGE_CHARS;
      jobs.length = 0;
      planFullRead(true);
    } else {
      fromChange = true;
      budget.chars = CHANGE_PASS_CHARS;
      overflow = planChanges();
      if (overflow) {
        jobs.length = 0;
        budget.chars = MAX_PAGE_CHARS;
        planFullRead(false);
      }
    }

    // 1. Read (time-sliced). A big page's first read reports early if its first
    //    screenfuls already show risk, instead of making the person wait for 2 M chars.
    let early = fromChange;
    while (jobs.length && budget.chars > 0) {
      const job = jobs.shift()!;
      if (!alive(job.root)) continue;
      for (const _ of walkBlocks(job.root, sink, job.deep)) {
        if (slicer.due()) {
          await slicer.pause();
          if (gen !== generation || stopped) return slicer.busy();
          if (!early && store.total() >= EARLY_REPORT_CHARS) {
            early = true;
            const first = await scanStore(gen);
            if (!first) return slicer.busy();
            if (levelRank(first.verdict.level) >= levelRank('medium')) await report(first.verdict, first.passages);
          }
        }
      }
    }
    jobs.length = 0;
    if (observer.isPaused()) observer.resume();

    // 2. Scan what changed, 3. report and present.
    const result = await scanStore(gen);
    if (result) await report(await addIdentifiers(result.verdict, result.passages), result.passages);
    return slicer.busy();
  };

  /** The page verdict from the engine's page scanner, time-sliced between steps. Null if superseded. */
  const scanStore = async (gen: number): Promise<{ verdict: Verdict; passages: Passage[] } | null> => {
    const passages: Passage[] = [];
    for (const bucket of store.buckets()) {
      for (const p of bucketPassages(bucket)) passages.push(p);
      bucket.dirty = false;
    }
    const job = scanner.begin(passages.map((p) => p.text));
    while (!job.step(ENGINE_STEP_CHARS)) {
      if (slicer.due()) {
        await slicer.pause();
        if (gen !== generation || stopped) return null;
      }
    }
    return { verdict: job.verdict(), passages };
  };

  const scheduler = createPassScheduler(
    { now, setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
    pass,
    { onError: (err) => console.debug('[ScamSentinel] scan pass failed:', err), ...deps.timing },
  );

  const urls = watchUrl({
    win: deps.win,
    href: deps.url,
    onChange: () => {
      // A single-page app moved to another URL: fresh verdict for the new view.
      generation++;
      fullRead = true;
      scheduler.request(true);
    },
  });

  function stop() {
    stopped = true;
    scheduler.stop();
    observer.disconnect();
    urls.stop();
  }

  await (deps.afterPaint ?? defaultAfterPaint)();
  scheduler.request(true);
  return {
    /** Ask for a pass now (diagnostics). */
    rescan: () => scheduler.request(true),
    lastVerdict: () => lastVerdict,
    stop,
  };
}
