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
  explanation: LocalizedText;
  advice: LocalizedText;
  weight: number;
}

export interface Verdict {
  level: Level;
  score: number;
  categories: Category[];
  evidence: Evidence[];
}

export interface ScanOptions {
  sensitivity?: Sensitivity;
  /** Categories the user switched off; their evidence is dropped before scoring. */
  disabledCategories?: readonly Category[];
}

export const EMPTY_VERDICT: Verdict = Object.freeze({ level: 'none', score: 0, categories: [], evidence: [] }) as Verdict;
