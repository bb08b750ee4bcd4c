/**
 * Every persisted key, defined once, typed and versioned.
 *
 * storage.local  (survives restarts):   `settings` (below), feature modules add their own
 *                                      keys to STORAGE_KEYS so they are listed in one place.
 * storage.session (cleared with the browser session, survives worker restarts):
 *                                      per-tab state, "continue once" bypasses, dismissals.
 */
// zod/mini: the content script reads settings, and full zod would add ~85 KB to it.
import * as z from 'zod/mini';
import { CATEGORIES, SENSITIVITIES } from '../engine/types';

z.config({ jitless: true });

export const STORAGE_KEYS = {
  settings: 'settings',
  /** storage.session: `tab:<id>` → TabState */
  tabPrefix: 'tab:',
  /** storage.session: `dismiss:<host>` → true (alert dismissed for this site, this session) */
  dismissPrefix: 'dismiss:',
  /** storage.session: `demo:<token>` → { caseId, expires } (outreach demo interstitial, src/background/demo.ts) */
  demoTokenPrefix: 'demo:',
} as const;

// The vocabularies live in ./vocabulary.ts (zod-free: the content script reads them, ./page-settings.ts).
import { FAMILY_RELATIONS, LANGUAGE_CHOICES } from './vocabulary';
export { FAMILY_RELATIONS, LANGUAGE_CHOICES, type FamilyRelation, type LanguageChoice } from './vocabulary';

export const SETTINGS_VERSION = 2;


export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  sensitivity: z.enum(SENSITIVITIES),
  disabledCategories: z.array(z.enum(CATEGORIES)),
  language: z.enum(LANGUAGE_CHOICES),
  /** Shown in the cooling-off dialog: "先给家人打个电话". Optional. */
  familyContact: z.nullable(
    z.object({ name: z.string().check(z.maxLength(40)), phone: z.string().check(z.maxLength(30)), relation: z.optional(z.enum(FAMILY_RELATIONS)) }),
  ),
  /** 长辈模式 (issue 9): large text, read-aloud, guardian-gated "continue". */
  elderMode: z.boolean(),
  /** The person agreed that the weekly family summary may name the sites. */
  shareSiteNames: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  sensitivity: 'standard',
  disabledCategories: [],
  language: 'auto',
  familyContact: null,
  elderMode: false,
  shareSiteNames: false,
};

/**
 * Migrations from each older version to the next. `migrate` walks them in order.
 * Version 0 = the unversioned shape (or nothing stored): fill defaults.
 */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  0: (old) => ({ ...DEFAULT_SETTINGS, ...old, version: 1 }),
  // 1 → 2 (issue 9): elder mode and site-name sharing arrive switched off; everything else is kept as it was.
  1: (old) => ({ ...old, elderMode: false, shareSiteNames: false, version: 2 }),
};

/** Turn whatever is stored (possibly old, partial or corrupt) into valid current settings. */
export function migrateSettings(stored: unknown): Settings {
  let value: Record<string, unknown> =
    stored && typeof stored === 'object' && !Array.isArray(stored) ? { ...(stored as Record<string, unknown>) } : {};
  let version = typeof value.version === 'number' ? value.version : 0;
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) break;
    value = step(value);
    version = value.version as number;
  }
  const parsed = settingsSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  // Keep every field that is still valid, default the rest: never lose good settings.
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const field = settingsSchema.shape[key].safeParse(value[key]);
    if (field.success) out[key] = field.data;
  }
  return settingsSchema.parse({ ...out, version: SETTINGS_VERSION });
}
