/**
 * Presentation of a page verdict on the page. Called by src/page/main.ts after every
 * (re)scan with the verdict, the passages it was computed from, and whether the
 * person dismissed this site's alert this session.
 *
 * Graduated severity (issue 5):
 *   none        nothing (no host element)
 *   low         host with data-level="low", nothing visible (the badge says it)
 *   medium      banner + phrases highlighted on the page
 *   lookalike   caution banner naming the imitated brand (from the background)
 *   high        interrupting dialog (role="alertdialog") + highlights
 * and, independently, the cooling-off dialog at the moment of action on pages rated
 * medium+ or showing 安全账户-type wording, never on genuine bank/payment sites or
 * sites the person allowed.
 */
import { levelRank, type Level, type Locale, type Verdict } from '../engine/types';
import { tPage as t, type PageKey as MessageKey } from '../i18n/page-strings';
import type { Passage } from './visible-text';
import { ALERT_TAG, mountAlert, type AlertHandle, type AlertMode, type AlertPhrase, type ElderAlert } from './alert';
import { locatePhrases, paintHighlights, revealRange } from './highlight';
import { createPauseDialog, type PauseDialog } from './pause-dialog';
import { installDissuasion } from './dissuasion';
import { SAFE_ACCOUNT_WORDING } from './sensitive-fields';
import { isGenuinePaymentHost } from './genuine-payment';

/** What the background knows about this site (lists, lookalikes, the person's allow list). */
export interface SiteInfo {
  /** The person allowed this site (e.g. after "this warning is wrong"). */
  allowed: boolean;
  /** Lookalike domain: the brand it imitates, e.g. '中国工商银行'. */
  lookalikeBrand?: string;
}

/**
 * Adapter for the content script: the background's `cs-bg/url-verdict` answer (lookalike
 * check, src/background/blacklist.ts) → SiteInfo. Wire it as
 *   siteInfo: async () => siteInfoFromUrlVerdict(await request('cs-bg/url-verdict', { url }), locale)
 */
export function siteInfoFromUrlVerdict(
  res: { caution: boolean; brand: Record<Locale, string> | null; allowed?: boolean },
  locale: Locale,
): SiteInfo {
  const brand = res.caution && res.brand ? res.brand[locale] || res.brand['zh-CN'] : '';
  return { allowed: res.allowed === true, ...(brand ? { lookalikeBrand: brand.slice(0, 80) } : {}) };
}

export interface PresentDeps {
  doc: Document;
  locale: Locale;
  /** The person dismissed the alert for this site (persisted by the background). */
  onDismiss: () => void;
  /** Page URL; defaults to the document's. */
  url?: () => string;
  /** From settings: named in the cooling-off dialog ("先给家人打个电话"). */
  familyContact?: { name: string; phone: string } | null;
  /** Asked once per page; defaults to "nothing known". */
  siteInfo?: () => Promise<SiteInfo>;
  /** "Leave this page"; defaults to history back, else a blank page. */
  leave?: () => void;
  /** Cooling-off length in seconds (default 15). */
  pauseSeconds?: number;
  /** 长辈模式 (issue 9): read-aloud and "ask the family" instead of "keep reading". */
  elder?: ElderAlert;
  /** The local family log (issue 9): a warning appeared / the person left. */
  familyEvent?: (kind: 'warning' | 'left', category?: string) => void;
  /**
   * The explanations of these rule ids in this page's language (the background's
   * `cs-bg/rule-texts`): the page does not carry them. Asked once per id when a medium+
   * verdict is about to be shown; without it, or when it fails, a reason is its category's name.
   */
  explain?: (ruleIds: string[]) => Promise<Record<string, string>>;
}

/** How long an alert waits for its explanations before it shows category names instead (ms). */
export const TEXTS_WAIT_MS = 1_500;

/** Which alert mode a verdict gets. Exported for unit tests. */
export function alertModeFor(level: Level, opts: { dismissed: boolean; allowed: boolean; lookalikeBrand?: string }): AlertMode {
  if (opts.dismissed || opts.allowed) return 'hidden';
  if (level === 'high') return 'dialog';
  if (opts.lookalikeBrand) return 'caution';
  if (level === 'medium') return 'banner';
  return 'hidden';
}

const MAX_WORDING_SCAN = 200_000;

export function hasSafeAccountWording(passages: readonly Passage[]): boolean {
  let budget = MAX_WORDING_SCAN;
  for (const p of passages) {
    if (budget <= 0) break;
    if (SAFE_ACCOUNT_WORDING.test(p.text.slice(0, budget))) return true;
    budget -= p.text.length;
  }
  return false;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export function createPresenter(deps: PresentDeps) {
  const { doc, locale } = deps;
  const url = deps.url ?? (() => doc.location.href);
  let alert: AlertHandle | null = null;
  let dismissed = false;
  let site: SiteInfo = { allowed: false };
  let siteAsked: Promise<void> | null = null;
  let risky = false;
  let pause: PauseDialog | null = null;
  let dissuasionInstalled = false;
  let last: { verdict: Verdict; passages: readonly Passage[] } | null = null;
  /** Explanations by rule id (answers of deps.explain), and the ids already asked for. */
  const reasons = new Map<string, string>();
  const asked = new Set<string>();
  /** Requests for explanations not answered yet: an alert waits for them (at most TEXTS_WAIT_MS). */
  let textsWaiting = 0;

  const leaveNow =
    deps.leave ??
    (() => {
      const win = doc.defaultView;
      if (win && win.history.length > 1) win.history.back();
      else doc.location.replace('about:blank');
    });
  const leave = () => {
    deps.familyEvent?.('left', last?.verdict.categories[0]);
    leaveNow();
  };
  /** One "warning" line per page and alert mode in the family log. */
  const logged = new Set<string>();

  const exempt = () => site.allowed || isGenuinePaymentHost(hostOf(url()));

  const ensureDissuasion = () => {
    if (dissuasionInstalled) return;
    dissuasionInstalled = true;
    pause = createPauseDialog(doc, { locale, familyContact: deps.familyContact ?? null, seconds: deps.pauseSeconds, ...(deps.elder ? { elder: deps.elder } : {}) });
    installDissuasion({
      doc,
      armed: () => risky && !exempt(),
      ask: (action) => pause!.ask(action),
      isAsking: () => pause!.isOpen(),
      leave,
    });
  };

  const reasonFor = (e: Verdict['evidence'][number]) => {
    const text = e.explanation?.[locale] || reasons.get(e.ruleId);
    // The engine may not have written an explanation yet: fall back to the category name.
    return text && text !== e.ruleId ? text : t(locale, `category.${e.category}` as MessageKey);
  };

  let paintTimer: ReturnType<typeof setTimeout> | undefined;
  function render(verdict: Verdict, passages: readonly Passage[]) {
    const mode = alertModeFor(verdict.level, { dismissed, allowed: site.allowed, lookalikeBrand: site.lookalikeBrand });
    const showHighlights = mode === 'banner' || mode === 'dialog';
    const hits = showHighlights ? locatePhrases(doc, verdict.evidence, passages, ALERT_TAG) : [];
    // Painted in a task of its own, after the alert opens: the first paint adds the
    // highlight rule, and Chromium then restyles the whole document (~60 ms on 5 MB of
    // text). In the same task as opening the alert the two made one task of 130–180 ms;
    // apart, the restyle runs in the browser's next rendering update (or in the first
    // script that asks for style).
    const ranges = hits.flatMap((h) => (h.range ? [h.range] : []));
    clearTimeout(paintTimer); // a newer render's ranges replace a paint still waiting
    paintTimer = setTimeout(() => paintHighlights(doc, ranges), 0);
    // One line per reason (evidence), strongest first, with its phrases.
    const groups = new Map<Verdict['evidence'][number], AlertPhrase['quotes'][number][]>();
    for (const h of hits) {
      const list = groups.get(h.evidence) ?? [];
      if (!list.some((q) => q.text === h.quote)) list.push({ text: h.quote, ...(h.range ? { reveal: () => revealRange(h.range!) } : {}) });
      groups.set(h.evidence, list);
    }
    const phrases: AlertPhrase[] = [...groups]
      .sort(([a], [b]) => b.weight - a.weight)
      .map(([e, quotes]) => ({ reason: reasonFor(e), quotes }));
    const level: Level = mode === 'caution' && levelRank(verdict.level) < levelRank('medium') ? 'medium' : verdict.level;
    if (level === 'none' && mode === 'hidden' && !alert) return;
    alert ??= mountAlert(doc, locale, {
      onDismiss: () => {
        dismissed = true;
        if (last) render(last.verdict, last.passages);
        deps.onDismiss();
      },
      onLeave: leave,
    }, deps.elder);
    if ((mode === 'banner' || mode === 'dialog' || mode === 'caution') && !logged.has(mode)) {
      logged.add(mode);
      deps.familyEvent?.('warning', verdict.categories[0]);
    }
    alert.host.toggleAttribute('data-lookalike', Boolean(site.lookalikeBrand));
    alert.render({ level, categories: verdict.categories, mode, phrases, ...(site.lookalikeBrand ? { brand: site.lookalikeBrand } : {}) });
  }

  /** How long the first alert waits for the background's answer about the site (ms). */
  const SITE_WAIT_MS = 1_500;
  let siteKnown = !deps.siteInfo;

  const applySite = () => {
    siteKnown = true;
    if (site.lookalikeBrand) risky = true;
    if (risky) ensureDissuasion();
    rerender();
  };

  /** Render the last verdict once nothing it waits for is pending. */
  function rerender() {
    if (!siteKnown || textsWaiting > 0 || !last) return;
    try {
      render(last.verdict, last.passages);
    } catch {
      // The page broke our alert host: the badge and the popup still carry the verdict.
    }
  }

  /** Ask for the explanations an alert is about to show (each rule id once per page). */
  const askTexts = (verdict: Verdict) => {
    if (!deps.explain || levelRank(verdict.level) < levelRank('medium')) return;
    const ids = [...new Set(verdict.evidence.filter((e) => !e.explanation && !asked.has(e.ruleId)).map((e) => e.ruleId))].slice(0, 50);
    if (!ids.length) return;
    for (const id of ids) asked.add(id);
    textsWaiting++;
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      textsWaiting--;
      if (timer !== undefined) doc.defaultView?.clearTimeout(timer);
      rerender();
    };
    // Never keep a scam page's alert back for a slow or dead background.
    const timer = doc.defaultView?.setTimeout(settle, TEXTS_WAIT_MS);
    deps
      .explain(ids)
      .then((texts) => {
        for (const id of ids) if (Object.hasOwn(texts, id) && typeof texts[id] === 'string' && texts[id]) reasons.set(id, texts[id].slice(0, 500));
        if (settled) rerender(); // a late answer still replaces the category names
      })
      .catch(() => undefined)
      .then(settle);
  };

  const askSite = () => {
    if (siteAsked || !deps.siteInfo) return;
    // Never stay silent on a slow or dead background: show what we have after a while
    // (a later answer still applies, e.g. the site is allowed → hide).
    const timer = doc.defaultView?.setTimeout(applySite, SITE_WAIT_MS);
    siteAsked = deps
      .siteInfo()
      .then((info) => {
        site = info;
      })
      .catch(() => undefined)
      .then(() => {
        if (timer !== undefined) doc.defaultView?.clearTimeout(timer);
        applySite();
      });
  };

  return {
    /** `dismissedBySite`: the background says this site's alert was dismissed this session. */
    show(verdict: Verdict, passages: readonly Passage[], dismissedBySite: boolean): void {
      dismissed ||= dismissedBySite;
      last = { verdict, passages };
      risky = levelRank(verdict.level) >= levelRank('medium') || Boolean(site.lookalikeBrand) || hasSafeAccountWording(passages);
      if (risky) ensureDissuasion();
      askSite();
      askTexts(verdict);
      // Until the background said whether the person allowed this site, show nothing
      // (an allowed site must not flash a dialog); askSite renders when it knows. An
      // alert also waits for its explanations (askTexts renders when they come).
      if (siteKnown && textsWaiting === 0) render(verdict, passages);
    },
  };
}
