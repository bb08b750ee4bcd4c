/**
 * The settings the page side uses, read from storage without zod: zod/mini was ~18 KB
 * of every page's content script (issue 11, content script ≤ 150 KB). Extension pages
 * and the background keep migrateSettings (./schema.ts), the one definition of the
 * settings; this reader gives the SAME answer for the fields it returns, for any stored
 * value (old versions, corrupt fields, junk), which tests/unit/settings/page-settings.test.ts
 * pins against migrateSettings over a table and random inputs. A new settings version
 * or field that the page reads must be added here too (that test fails until it is).
 */
import { CATEGORIES, SENSITIVITIES, type Category, type Sensitivity } from '../engine/types';
import { FAMILY_RELATIONS, LANGUAGE_CHOICES, type FamilyRelation, type LanguageChoice } from './vocabulary';

/** storage.local key of the settings (= STORAGE_KEYS.settings in ./schema.ts; the test pins it). */
export const SETTINGS_KEY = 'settings';
/** The settings version this reader knows (= SETTINGS_VERSION; the test pins it). */
export const PAGE_SETTINGS_VERSION = 2;

export interface PageSettings {
  sensitivity: Sensitivity;
  disabledCategories: Category[];
  language: LanguageChoice;
  familyContact: { name: string; phone: string; relation?: FamilyRelation } | null;
  elderMode: boolean;
}

const DEFAULTS: PageSettings = { sensitivity: 'standard', disabledCategories: [], language: 'auto', familyContact: null, elderMode: false };

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

function contactOf(v: unknown): PageSettings['familyContact'] | undefined {
  if (v === null) return null;
  if (!isRecord(v)) return undefined;
  const { name, phone, relation } = v;
  if (typeof name !== 'string' || name.length > 40 || typeof phone !== 'string' || phone.length > 30) return undefined;
  if (relation !== undefined && !oneOf(FAMILY_RELATIONS, relation)) return undefined;
  return { name, phone, ...(relation !== undefined ? { relation } : {}) };
}

/** Whatever is stored → the page's settings; every field that is not valid gets its default, as in migrateSettings. */
export function readPageSettings(stored: unknown): PageSettings {
  let value: Record<string, unknown> = isRecord(stored) ? { ...stored } : {};
  const version = typeof value.version === 'number' ? value.version : 0;
  // migrateSettings' steps, for the fields read here: v0 = unversioned (defaults under
  // what is stored), v1 → v2 brought elder mode, switched off.
  if (version === 0) value = { ...DEFAULTS, ...value };
  if (version === 0 || version === 1) value = { ...value, elderMode: false };
  const contact = contactOf(value.familyContact);
  const categories = value.disabledCategories;
  return {
    sensitivity: oneOf(SENSITIVITIES, value.sensitivity) ? value.sensitivity : DEFAULTS.sensitivity,
    disabledCategories: Array.isArray(categories) && categories.every((c) => oneOf(CATEGORIES, c)) ? [...(categories as Category[])] : [],
    language: oneOf(LANGUAGE_CHOICES, value.language) ? value.language : DEFAULTS.language,
    familyContact: contact === undefined ? DEFAULTS.familyContact : contact,
    elderMode: typeof value.elderMode === 'boolean' ? value.elderMode : DEFAULTS.elderMode,
  };
}
