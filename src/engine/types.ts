/**
 * The engine's public vocabulary. PURE: no extension APIs (enforced by eslint).
 * Everything that leaves the engine is one of these types.
 */
export const LEVELS = ['none', 'low', 'medium', 'high'] as const;
export type Level = (typeof LEVELS)[number];

/** medium = show a banner, high = interrupt the page; low = badge only. */
export const levelRank = (level: Level): number => LEVELS.indexOf(level);

export const CATEGORIES = [
  'investment',
  'pension',
  'task_scam',
  'impersonation_authority',
  'impersonation_acquaintance',
  'fake_customer_service',
  'loan_credit',
  'phishing_subsidy',
  'gambling',
  'card_trading',
  'romance',
  'illegal_service',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type LocalizedText = Record<Locale, string>;

export const SENSITIVITIES = ['strict', 'standard', 'relaxed'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/** Half-open range [start, end) in UTF-16 code units of the ORIGINAL text given to the engine. */
export interface Span {
  start: number;
  end: number;
  /** With scanPassages: index of the passage the offsets refer to. */
  passage?: number;
}

export interface Evidence {
  ruleId: string;
  category: Category;
  /** Offsets into the original (un-normalized) text. */
  spans: Span[];
  /** The original text under each span, for highlighting on a page and for reports. */
  quotes: string[];
  /**
   * Own words, only for evidence the page words itself (a listed phone number on the
   * page, src/page/identifiers.ts). A rule's evidence carries none: its explanation and
   * advice are looked up by `ruleId` in rule-texts.json when shown (./rule-texts.ts).
   */
  explanation?: LocalizedText;
  advice?: LocalizedText;
  weight: number;
}

/** What a cue does in a scam (see src/engine/policy.ts and ROLES in rules/core.source.ts). */
export type CueRole = 'ask' | 'lure' | 'pressure' | 'mechanism' | 'topic';

/** One cue of the deciding window, as `sentinel explain` prints it. */
export interface TraceCue {
  ruleId: string;
  role: CueRole;
  /** Rule weight (fitted) × the cue's own factor (returns, disclosure, reported speech). */
  weight: number;
  factor: number;
  quote: string;
}

/** One named policy factor that applied (policy.ts), e.g. { name: 'report-context', value: 0.3 }. */
export interface TraceFactor {
  name: string;
  value: number;
  note: string;
}

/** Why this score: the deciding window of the deciding unit, and every factor on the way. */
export interface VerdictTrace {
  /** The ask and the lure or pressure it is bound to; null when no window binds one. */
  binding: { ask: TraceCue; to: TraceCue } | null;
  cues: TraceCue[];
  factors: TraceFactor[];
}

export interface Verdict {
  level: Level;
  score: number;
  categories: Category[];
  evidence: Evidence[];
  /** Engine-side explanation (CLI, tests); the content script does not send it. */
  trace?: VerdictTrace;
}

export interface ScanOptions {
  sensitivity?: Sensitivity;
  /** Categories the user switched off; their evidence is dropped before scoring. */
  disabledCategories?: readonly Category[];
}

export const EMPTY_VERDICT: Verdict = Object.freeze({ level: 'none', score: 0, categories: [], evidence: [] }) as Verdict;
