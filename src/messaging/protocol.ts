/**
 * THE message protocol: every message between content scripts, UI pages and the
 * background is named here (direction-prefixed, e.g. `cs-bg/…` = content script →
 * background), typed, and validated with zod at the background's boundary.
 *
 * Content scripts are untrusted (a hostile page can influence what they send), so
 * every payload is size-capped and the background also checks `sender`.
 */
import { z } from 'zod';
import { CATEGORIES, LEVELS, LOCALES } from '../engine/types';
import { LIST_ERROR_CODES, LIST_FORMATS, TEXT_LIST_FORMATS } from '../lists/vocabulary';
import { IDENTIFIER_KINDS } from '../lists/types';

z.config({ jitless: true }); // MV3 CSP forbids eval/new Function.

export const MAX_URL = 4096;
const url = z.string().max(MAX_URL);
const level = z.enum(LEVELS);
const category = z.enum(CATEGORIES);
const localized = z.object({ 'zh-CN': z.string().max(500), 'zh-TW': z.string().max(500), en: z.string().max(500) });

export const evidenceSchema = z.object({
  ruleId: z.string().max(100),
  category,
  spans: z.array(z.object({ start: z.number().int().min(0), end: z.number().int().min(0), passage: z.number().int().min(0).optional() })).max(50),
  quotes: z.array(z.string().max(200)).max(50),
  /** Only evidence the page words itself (a listed identifier); a rule's words are looked up by ruleId (cs-bg/rule-texts). */
  explanation: localized.optional(),
  advice: localized.optional(),
  weight: z.number().finite(),
});

export const verdictSchema = z.object({
  level,
  score: z.number().finite().min(0).max(1000),
  categories: z.array(category).max(CATEGORIES.length),
  evidence: z.array(evidenceSchema).max(50),
});

/** A locally kept user report (IndexedDB `reports`); never sent anywhere by us. */
export const reportSchema = z.object({
  id: z.number().int(),
  time: z.number(),
  url,
  kind: z.enum(['scam', 'false-alarm']),
  from: z.enum(['popup', 'warning', 'options']),
  category: z.string().max(64).optional(),
  evidence: z.array(z.string().max(200)).max(20),
  note: z.string().max(1000).optional(),
});
export type Report = z.infer<typeof reportSchema>;

/** Blacklist subscription status for the options page (src/background/list-handlers.ts). */
const host = z.string().max(253);
/** The list formats (one definition: src/lists/vocabulary.ts). */
export const LIST_FORMAT_NAMES = LIST_FORMATS;
export const listStatusSchema = z.object({
  id: z.string().max(64),
  kind: z.enum(['seed', 'subscription']),
  name: z.string().max(200),
  url: z.string().max(MAX_URL).nullable(),
  format: z.enum(LIST_FORMAT_NAMES),
  entryCount: z.number().int().min(0),
  version: z.number().int().nullable(),
  lastSuccess: z.number().nullable(),
  lastAttempt: z.number().nullable(),
  /** code: one of src/lists/vocabulary.ts LIST_ERROR_CODES; the UI words it. */
  lastError: z.object({ code: z.string().max(32), detail: z.string().max(300).nullable(), at: z.number() }).nullable(),
  failures: z.number().int().min(0),
  nextDue: z.number().nullable(),
});
export type ListStatus = z.infer<typeof listStatusSchema>;
const listOk = z.object({ ok: z.boolean(), error: z.string().max(300).nullable() });

// ---- issue 9: shapes used by the family messages below ----
const familyOk = z.object({ ok: z.boolean(), error: z.string().max(40).nullable() });
const guardianAnswer = familyOk.extend({ lockedUntil: z.number().nullable(), triesLeft: z.number().int().min(0) });
const familyStatusSchema = z.object({
  pinSet: z.boolean(),
  totpSet: z.boolean(),
  /** PIN set and not entered recently: settings, lists and "always allow" are refused. */
  locked: z.boolean(),
  lockedUntil: z.number().nullable(),
  triesLeft: z.number().int().min(0),
  elderMode: z.boolean(),
  /** Elder mode with a PIN or approval code: "continue anyway" needs the guardian. */
  approvalRequired: z.boolean(),
});
const familyEventRequest = z.object({ url: url.optional(), kind: z.enum(['warning', 'left']), source: z.enum(['page', 'list']), category: z.string().max(64).optional() });
const weeklySummarySchema = z.object({
  from: z.number(),
  to: z.number(),
  days: z.array(z.object({ date: z.string().max(10), byCategory: z.record(z.string().max(64), z.number().int()), total: z.number().int() })).max(31),
  categories: z.array(z.string().max(64)).max(64),
  warnings: z.number().int(),
  heeded: z.number().int(),
  proceeded: z.number().int(),
  approvals: z.object({ pin: z.number().int(), code: z.number().int() }),
  sites: z.array(z.object({ host, warnings: z.number().int() })).max(20).nullable(),
});

/** Requests and their responses, keyed by message type. */
export const protocol = {
  /** Content script finished (re)scanning the page. */
  'cs-bg/page-scanned': {
    request: z.object({ url, verdict: verdictSchema }),
    response: z.object({ alertLevel: level, dismissed: z.boolean() }),
  },
  /** Content script: the user dismissed the in-page alert for this site (this session). */
  'cs-bg/dismiss-alert': {
    request: z.object({ url }),
    response: z.object({ ok: z.boolean() }),
  },
  /** Popup asks what we know about a tab. */
  'ui-bg/get-tab-state': {
    request: z.object({ tabId: z.number().int().min(0) }),
    response: z.object({
      url: z.string().nullable(),
      verdict: verdictSchema.nullable(),
      scannedAt: z.number().nullable(),
    }),
  },
  /** UI page: the person reports a site ("report this site") or a false alarm ("this warning is wrong"). Owned by src/background/reports.ts. */
  'ui-bg/report-create': {
    // The stored report minus what the background assigns (id, time): one definition.
    request: reportSchema.omit({ id: true, time: true }),
    response: z.object({ id: z.number().int() }),
  },
  /** Options page: the local report log, newest first. */
  'ui-bg/report-list': {
    request: z.object({ limit: z.number().int().min(1).max(5000).optional() }),
    response: z.object({ reports: z.array(reportSchema) }),
  },
  /** Warning page: why is this URL blocked (list name, source, category, date)? */
  'ui-bg/url-verdict': {
    request: z.object({ url }),
    response: z.object({
      result: z.enum(['block', 'allow', 'caution', 'none']),
      host: host.nullable(),
      match: z.string().max(MAX_URL).nullable(),
      category: z.string().max(64).nullable(),
      listId: z.string().max(64).nullable(),
      listName: z.string().max(200).nullable(),
      listUrl: z.string().max(MAX_URL).nullable(),
      /** When the entry was first listed (ms) and when its list was last confirmed fresh. */
      firstSeen: z.number().nullable(),
      listUpdatedAt: z.number().nullable(),
      brand: localized.nullable(),
    }),
  },
  /** Warning page "proceed": once = this browser session; always = the person's allow list. */
  'ui-bg/proceed': {
    request: z.object({ url, scope: z.enum(['once', 'always']) }),
    response: z.object({ ok: z.boolean(), host: host.nullable() }),
  },
  /** Undo "continue once" and "always allow" for a host. */
  'ui-bg/undo-allow': {
    request: z.object({ host }),
    response: z.object({ ok: z.boolean() }),
  },
  /** Content script: is this page's host a lookalike of a protected brand? (caution banner) */
  'cs-bg/url-verdict': {
    request: z.object({ url }),
    response: z.object({
      caution: z.boolean(),
      brandId: z.string().max(64).nullable(),
      brand: localized.nullable(),
      reason: z.string().max(32).nullable(),
      /** The person (or family) allowed this site: own allow list ("always allow") or "continue once" this session. No in-page alerts, no cooling-off. */
      allowed: z.boolean().optional(),
    }),
  },
  /** Options page "名单订阅": every list with its freshness and last error, and the person's own lists. */
  'ui-bg/lists-get': {
    request: z.object({}),
    response: z.object({ lists: z.array(listStatusSchema).max(100), user: z.object({ allow: z.array(host).max(5000), block: z.array(host).max(5000) }) }),
  },
  'ui-bg/lists-add': {
    request: z.object({ url, format: z.enum(LIST_FORMAT_NAMES), publicKey: z.string().max(2000).optional(), name: z.string().max(200).optional() }),
    response: listOk.extend({ list: listStatusSchema.nullable() }),
  },
  'ui-bg/lists-remove': {
    request: z.object({ id: z.string().max(64) }),
    response: listOk,
  },
  /** "Update now" for one list. */
  'ui-bg/lists-update': {
    request: z.object({ id: z.string().max(64) }),
    response: z.object({ list: listStatusSchema.nullable() }),
  },
  /** Add/remove a host on the person's own allow or block list. */
  'ui-bg/lists-user-set': {
    request: z.object({ host: z.string().max(MAX_URL), action: z.enum(['allow', 'block']), present: z.boolean() }),
    response: listOk,
  },
  // ---- issue 11: identifiers on the page ----
  /**
   * Content script: are any of these identifiers (phone, bank card, USDT address, QQ,
   * WeChat) listed? Only hashes travel (src/lists/hash.ts keyHashHex); the list stays in
   * the background. The answer names each listed one's list and since when it is listed.
   */
  'cs-bg/identifiers': {
    request: z.object({ ids: z.array(z.object({ kind: z.enum(IDENTIFIER_KINDS), hash: z.string().regex(/^[0-9a-f]{15}$/) })).max(100) }),
    response: z.object({
      listed: z
        .array(
          z.object({
            kind: z.enum(IDENTIFIER_KINDS),
            hash: z.string().max(15),
            listName: z.string().max(200),
            category: z.string().max(64).nullable(),
            firstSeen: z.number().nullable(),
          }),
        )
        .max(100),
    }),
  },
  // ── Outreach demo (issue 10): the demo interstitial for the reserved demo host. Nothing is recorded. ──
  /** Demo gallery: arm a one-time token for the demo interstitial of a case. */
  'ui-bg/demo-arm': {
    request: z.object({ caseId: z.string().regex(/^[a-z0-9-]{1,64}$/) }),
    response: z.object({ token: z.string().max(64) }),
  },
  /** Warning page in demo mode: is this the reserved demo host with an armed token? */
  'ui-bg/demo-site-verdict': {
    request: z.object({ url, token: z.string().max(64) }),
    response: z.object({ confirmed: z.boolean(), caseId: z.string().max(64).nullable() }),
  },
  // ---- issue 9: families and elderly relatives (src/background/family.ts) ----
  /** Guardian PIN / approval-code state, for the options, welcome, warning and summary pages. */
  'ui-bg/guardian-status': {
    request: z.object({}),
    response: familyStatusSchema,
  },
  /** Check the guardian PIN; on success settings/lists/allowlist are unlocked for a few minutes (this browser session). */
  'ui-bg/guardian-unlock': {
    request: z.object({ pin: z.string().max(16) }),
    response: guardianAnswer,
  },
  'ui-bg/guardian-lock': { request: z.object({}), response: z.object({ ok: z.boolean() }) },
  /** Set or change the PIN (needs the old one unlocked first); empty pin = remove it. */
  'ui-bg/guardian-set-pin': {
    request: z.object({ pin: z.string().max(16) }),
    response: familyOk,
  },
  /** Start approval-code setup: a fresh secret and its otpauth:// URI (kept pending until confirmed). */
  'ui-bg/guardian-totp-begin': {
    request: z.object({ label: z.string().max(60) }),
    response: familyOk.extend({ secret: z.string().max(128).nullable(), uri: z.string().max(1000).nullable() }),
  },
  /** The guardian types the code their app shows: proves the scan worked, then the secret is kept. */
  'ui-bg/guardian-totp-confirm': { request: z.object({ code: z.string().max(16) }), response: familyOk },
  'ui-bg/guardian-totp-remove': { request: z.object({}), response: familyOk },
  /** Elder mode "continue anyway": allowed once for this site only with the PIN or a current approval code. */
  'ui-bg/guardian-proceed': {
    request: z.object({
      url,
      pin: z.string().max(16).optional(),
      code: z.string().max(16).optional(),
      source: z.enum(['page', 'list']),
      category: z.string().max(64).optional(),
      /** The tab whose page was judged (page warnings open the approval in a new tab): reloaded after approval. */
      tabId: z.number().int().min(0).optional(),
    }),
    response: guardianAnswer.extend({ host: host.nullable() }),
  },
  /** Settings changes from our pages go through here so the background can ask for the PIN. */
  'ui-bg/settings-save': {
    request: z.object({ patch: z.record(z.string(), z.unknown()) }),
    response: familyOk,
  },
  /** A warning was shown / the person left (heeded it): one line in the local family log. */
  'ui-bg/family-event': { request: familyEventRequest, response: z.object({ ok: z.boolean() }) },
  'cs-bg/family-event': { request: familyEventRequest, response: z.object({ ok: z.boolean() }) },
  /** Elder mode: read a warning aloud with the browser's speech engine (chrome.tts); spoken=false → the page speaks itself. */
  'cs-bg/read-aloud': { request: z.object({ text: z.string().max(2000) }), response: z.object({ spoken: z.boolean() }) },
  /** Elder mode, high page: open the guardian approval page for this tab's page. */
  'cs-bg/request-approval': { request: z.object({ url }), response: z.object({ ok: z.boolean() }) },
  /** The weekly summary (behind the PIN). */
  'ui-bg/guardian-summary': {
    request: z.object({}),
    response: familyOk.extend({ summary: weeklySummarySchema.nullable() }),
  },
  /** Setup code: export the whole configuration, encrypted under the guardian's passphrase. */
  'ui-bg/setup-export': {
    request: z.object({ passphrase: z.string().max(200) }),
    response: familyOk.extend({ text: z.string().max(2_000_000).nullable() }),
  },
  /** Setup code: import (replaces the configuration; on any error nothing changes). */
  'ui-bg/setup-import': {
    request: z.object({ text: z.string().max(2_000_000), passphrase: z.string().max(200) }),
    response: familyOk,
  },
  // ---- issue 11: content script diet ----
  /**
   * Content script, when its alert opens: the explanations of these rules in one
   * language. The page does not carry the three-language texts; the background reads
   * them from the package (/rule-texts.json) and answers only the ids asked for.
   */
  'cs-bg/rule-texts': {
    request: z.object({ ruleIds: z.array(z.string().regex(/^[a-z0-9_.-]{3,60}$/)).max(50), locale: z.enum(LOCALES) }),
    response: z.object({ texts: z.record(z.string().max(60), z.string().max(500)) }),
  },
} as const;

/**
 * Background → list builder (src/background/list-builder-client.ts): never accepted by the
 * background's router (not in `protocol`), only by the offscreen document and the builder
 * Worker, which also check that the sender is our own background.
 */
export const builderProtocol = {
  'bg-builder/text-job': {
    request: z.object({
      /** The list id; its downloaded bytes wait in IndexedDB under 'job:<id>'. */
      jobId: z.string().min(1).max(64),
      meta: z.looseObject({ id: z.string().min(1).max(64), kind: z.enum(['seed', 'subscription']), name: z.string().max(200), format: z.enum(TEXT_LIST_FORMATS), addedAt: z.number(), failures: z.number(), entryCount: z.number() }),
      patch: z.looseObject({}),
      maxEntries: z.number().int().min(1).max(10_000_000),
      now: z.number().finite(),
    }),
    response: z.union([
      z.object({ ok: z.literal(true), generation: z.number().int().min(1), entryCount: z.number().int().min(0), rejected: z.number().int().min(0) }),
      z.object({ ok: z.literal(false), code: z.enum(LIST_ERROR_CODES), detail: z.string().max(500).optional() }),
    ]),
  },
} as const;

export type MessageType = keyof typeof protocol;
export type RequestOf<T extends MessageType> = z.infer<(typeof protocol)[T]['request']>;
export type ResponseOf<T extends MessageType> = z.infer<(typeof protocol)[T]['response']>;
export type Envelope<T extends MessageType = MessageType> = { type: T; payload: RequestOf<T> };

export const envelopeSchema = z.object({ type: z.string().max(64), payload: z.unknown() });

export type ParseResult =
  | { ok: true; type: MessageType; payload: unknown }
  | { ok: false; error: string };

/** Validate an incoming message. Never throws; the error is a short, loggable string. */
export function parseEnvelope(raw: unknown): ParseResult {
  const env = envelopeSchema.safeParse(raw);
  if (!env.success) return { ok: false, error: 'not a ScamSentinel message' };
  const type = env.data.type;
  if (!Object.hasOwn(protocol, type)) return { ok: false, error: `unknown message type: ${type.slice(0, 64)}` };
  const def = protocol[type as MessageType];
  const parsed = def.request.safeParse(env.data.payload);
  if (!parsed.success) return { ok: false, error: `invalid ${type}: ${parsed.error.issues[0]?.message ?? 'bad payload'}` };
  return { ok: true, type: type as MessageType, payload: parsed.data };
}
