/**
 * The settings' vocabularies as plain values (no zod), so the content script can check a
 * stored value against them without carrying a validator library (./page-settings.ts).
 * src/settings/schema.ts builds its schema from these and re-exports them.
 */
export const LANGUAGE_CHOICES = ['auto', 'zh-CN', 'zh-TW', 'en'] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

/** Who the family contact is to the person (issue 9): words the approval prompt ("给女儿打电话，请她…"). */
export const FAMILY_RELATIONS = ['daughter', 'son', 'granddaughter', 'grandson', 'family'] as const;
export type FamilyRelation = (typeof FAMILY_RELATIONS)[number];
