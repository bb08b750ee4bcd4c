/**
 * Scoring POLICY as named data: every number the engine uses to turn cues into a level
 * lives here, with the reason for it. Rules (what to match) live in rules/core.source.ts;
 * their weights in rules/weights.json (fitted by scripts/fit-weights.ts); this file holds
 * how matched cues combine. SpamAssassin keeps the same three apart (rules, scores, engine).
 *
 * Worked example (standard sensitivity, weights from weights.json):
 *   "导师带单，保本高收益日收益2%，加微信 caifu8866"
 *   sentence 0: inv.mentor-group (topic), inv.returns-high (lure, 730 %/yr), sig.contact-id (ask)
 *   → the window is BOUND (an ask and a lure in one sentence) → score = offset + Σ weights
 *   → level by THRESHOLDS. Without the contact id there is no ask: the score is capped at
 *   UNBOUND_CAP (badge at most).
 */
import type { Level, Sensitivity } from './types';

/** Score thresholds per sensitivity preset (score is 0–100). */
export const THRESHOLDS: Record<Sensitivity, { low: number; medium: number; high: number }> = {
  strict: { low: 18, medium: 38, high: 62 },
  standard: { low: 25, medium: 50, high: 75 },
  relaxed: { low: 35, medium: 65, high: 90 },
};

export const LEVEL_MEANING: Record<Exclude<Level, 'none'>, string> = {
  low: 'some fraud cues: toolbar badge only, no interruption',
  medium: 'looks like a scam: an in-page banner explains why',
  high: 'almost certainly a scam: the page is interrupted until the person chooses',
};

/**
 * A window without an ask bound to a lure or pressure can at most reach this score:
 * below the standard low threshold (25) and every preset's medium (strict 38), so
 * co-occurring words alone never show a banner, whatever their weights (under strict
 * they may light the badge).
 */
export const UNBOUND_CAP = 24;

/**
 * Sentences, the unit of binding. Cut at 。！？!?；; and newlines (passage joins); a
 * piece shorter than MIN chars is glued to the next (a page that puts every character in
 * its own block must not escape binding), and a run without punctuation is cut every
 * MAX chars. Bound cues sit in adjacent sentences at most, so at most 2 × MAX characters
 * apart, and a window's evidence spans at most 3 × MAX — never 800 characters across a
 * long segment.
 */
export const SENTENCE = { minChars: 8, maxChars: 160 } as const;

/**
 * A window is a sentence and this many neighbours on each side; an ask and a lure or
 * pressure bind only when at most this many sentences apart (1 = the same or adjacent
 * sentences). The window's evidence may include a cue from either neighbour.
 */
export const WINDOW_SENTENCES = 1;

/**
 * A scam story is told over several sentences (a chat log: one lure, two replies, then the
 * account number). An ask and a lure or pressure further apart than WINDOW_SENTENCES still
 * bind when every sentence between them carries a STORY cue, so the two are joined by an
 * chain of fraud cues (story sentences at most CHAIN.maxGap apart: one plain sentence may
 * sit between two), the ask and the lure at most CHAIN.maxSentences apart. A story cue is a category
 * cue (not a generic signal) or a signal of weight ≥ CHAIN.minSignalWeight (a private
 * contact, an account number, a credential or secrecy request); everyday words such as
 * 登录/支付/福利 never carry a chain. Two plain sentences in a row break it, so an ask and
 * a lure with unrelated text between them stay apart however long the page. A part of the
 * page with report or warning words (advice, a retold case) gets no chains.
 */
export const CHAIN = { maxSentences: 5, maxGap: 2, minSignalWeight: 15 } as const;

/**
 * Three parts of the mechanism corroborate each other over a short passage: a strong ask
 * (weight ≥ CORROBORATION.minAsk: a private contact, an account, a credential, an app),
 * a fraud lure or pressure of a category (weight ≥ CORROBORATION.minLure) and, between or
 * beside them, a distinct pressure cue (a deadline, secrecy, a threat: any pressure cue,
 * weight ≥ CORROBORATION.minPressure) bind at most CORROBORATION.maxSentences apart,
 * outside report/advice context. An ask and a lure alone, with plain text between, still do not.
 */
export const CORROBORATION = { maxSentences: 6, minAsk: 15, minLure: 25, minPressure: 5 } as const;

/**
 * A warning is as strong as its weakest link: a bound window's score is capped at
 * base + perPoint × min(ask weight, lure/pressure weight). "登录" (weight ~6) next to a
 * strong lure stays below medium (30 + 2 × 6 = 42); a private chat ID (~15) allows a
 * banner (60); two strong cues (≥ 35) are not capped.
 */
export const WEAKEST_LINK = { base: 30, perPoint: 2 } as const;

/**
 * Everyone puts phone numbers on pages, so a plain number (PLAIN_CONTACT_RULES) is no
 * ask, except next to an offer that is itself a crime (ILLICIT_OFFER_CATEGORIES: fake
 * invoices and documents, sex services, card trading, gambling): there "call me" is the
 * only ask the advert needs.
 */
export const PLAIN_CONTACT_RULES: readonly string[] = ['sig.phone'];
export const ILLICIT_OFFER_CATEGORIES: readonly string[] = ['illegal_service', 'card_trading', 'gambling'];
/** …and it then binds as strongly as a private chat ID does (for WEAKEST_LINK). */
export const ILLICIT_CONTACT_LINK = 15;

/**
 * Once a window is bound, the other cues of its unit (≤ UNIT_CHARS) support it at this
 * share: a scam page spreads its story over a passage, but it is the bound ask that makes
 * the story a scam. An unbound window gets no support.
 */
export const UNIT_SUPPORT = 0.5;

/**
 * Passages are joined into units of at most UNIT_CHARS (a long passage is cut at a
 * sentence end); a unit is the scope of report context and the cache key of the
 * page scanner. MAX_SCAN_CHARS bounds one page (the content script reads ≤ 2 M).
 */
export const UNIT_CHARS = 1500;
export const MAX_SCAN_CHARS = 4_000_000;

/**
 * Report context inside one unit: words scammers do not use about themselves (警方提醒,
 * 以案说法, 被骗…) discount every cue of the unit. Warning words (谨防, 提醒) only deepen a
 * discount that a report word opened, so "谨防假冒" on a scam page is inert.
 */
export const REPORT_DISCOUNT = {
  /** one report word */
  one: 0.5,
  /** one report word and one warning word */
  oneWithWarn: 0.3,
  /** one report word and two or more warning words */
  oneWithWarns: 0.2,
  /** two or more distinct report words */
  many: 0.15,
} as const;

/**
 * A unit that asks for money/codes/downloads in its own voice (outside quotes) AND leaves
 * a contact or account of its own is talking to its victim, whatever fraud words it
 * borrows ("我是反诈中心民警…"): the report discount is floored here, unless it has more
 * than OWN_CONTACT_MAX_REPORT report words (then it is mostly about fraud).
 */
export const OWN_CONTACT_FLOOR = 0.6;
export const OWN_CONTACT_MAX_REPORT = 2;

/**
 * A page that is overall about fraud (this many report words across all units) discounts
 * units that carry no contact or payment identifier of their own.
 */
export const PAGE_ABOUT_FRAUD = { minReportWords: 3, factor: 0.3 } as const;

/** Licensed-finance disclosures (理财非存款, 业绩比较基准…) soften investment cues. */
export const DISCLOSURE_FACTOR = 0.35;

/** Every range of a cue inside a quotation introduced by a reporting verb (对方称“…”). */
export const REPORTED_SPEECH_FACTOR = 0.3;

/** Negation before a cue (不要…) and refutation after it (…都是骗局), in normalized chars. */
export const NEGATION = { before: 8, refuteAfter: 8, scopeChars: 80 } as const;

/**
 * Claimed returns count only above normal rates (annualized: 日1% = 365 %/yr):
 * ≥ high → ×1.5, ≥ normal → ×1, above deposit rates with a "guaranteed" claim → ×1.
 */
export const RETURNS = { high: 100, highFactor: 1.5, normal: 30, guaranteedAbove: 4 } as const;

/**
 * Several units of a page that each reach medium on their own add a little: SHARE of each
 * other such unit's score, at most CAP points (a page of many scam adverts goes high).
 */
export const EXTRA_UNITS = { share: 0.2, cap: 20 } as const;

/** Bounds on evidence kept per page (what the banner highlights and the popup lists). */
export const MAX_HITS_PER_GROUP = 24;
export const MAX_SPANS_PER_EVIDENCE = 12;

export function levelFor(score: number, sensitivity: Sensitivity = 'standard'): Level {
  const t = THRESHOLDS[sensitivity] ?? THRESHOLDS.standard;
  return score >= t.high ? 'high' : score >= t.medium ? 'medium' : score >= t.low ? 'low' : 'none';
}
