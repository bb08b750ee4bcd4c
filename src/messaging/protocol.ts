/**
 * THE message protocol: every message between content scripts, UI pages and the
 * background is named here (direction-prefixed, e.g. `cs-bg/…` = content script →
 * background), typed, and validated with zod at the background's boundary.
 *
 * Content scripts are untrusted (a hostile page can influence what they send), so
 * every payload is size-capped and the background also checks `sender`.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { CATEGORIES, LEVELS, LOCALES } from '../engine/types';
import { LIST_ERROR_CODES, LIST_FORMATS, TEXT_LIST_FORMATS } from '../lists/vocabulary';
import { IDENTIFIER_KINDS } from '../lists/types';
import { lazy } from './lazy';

// MV3 CSP forbids eval/new Function. zod/mini (not classic zod: a fraction of the size in
// every bundle that validates messages) carries no locale: the English one keeps the
// rejection messages ("Too big: expected string to have <=4096 characters").
z.config({ jitless: true, ...en() });

/** Shorthands for zod/mini's functional checks (one place, so the schemas below stay readable). */
const str = (max: number) => z.string().check(z.maxLength(max));
const int = () => z.int();
const nat = () => z.int().check(z.gte(0));
const list = <T extends z.ZodMiniType>(item: T, max: number) => z.array(item).check(z.maxLength(max));

/**
 * Schemas are built on first use, not at import: constructing every zod schema of the
 * protocol cost ~30 ms of each cold service-worker wake (issue 11), and a wake answers
 * one or two message types. `lazy` (lazy.ts) memoizes one schema; `lazyTable` gives each
 * message type a getter that builds its request/response pair once.
 */
function lazyTable<T extends Record<string, () => { request: z.ZodMiniType; response: z.ZodMiniType }>>(defs: T): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const table = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const key of Object.keys(defs) as (keyof T & string)[]) {
    const get = lazy(defs[key]! as () => ReturnType<T[typeof key]>);
    Object.defineProperty(table, key, { enumerable: true, get });
  }
  return table;
}

export const MAX_URL = 4096;
const url = () => str(MAX_URL);
const level = lazy(() => z.enum(LEVELS));
const category = lazy(() => z.enum(CATEGORIES));
const localized = lazy(() => z.object({ 'zh-CN': str(500), 'zh-TW': str(500), en: str(500) }));

export const evidenceSchema = lazy(() =>
  z.object({
    ruleId: str(100),
    category: category(),
    spans: list(z.object({ start: nat(), end: nat(), passage: z.optional(nat()) }), 50),
    quotes: list(str(200), 50),
    /** Only evidence the page words itself (a listed identifier); a rule's words are looked up by ruleId (cs-bg/rule-texts). */
    explanation: z.optional(localized()),
    advice: z.optional(localized()),
    weight: z.number(),
  }),
);

export const verdictSchema = lazy(() =>
  z.object({
    level: level(),
    score: z.number().check(z.gte(0), z.lte(1000)),
    categories: list(category(), CATEGORIES.length),
    evidence: list(evidenceSchema(), 50),
  }),
);

/** A locally kept user report (IndexedDB `reports`); never sent anywhere by us. */
export const reportSchema = lazy(() =>
  z.object({
    id: int(),
    time: z.number(),
    url: url(),
    kind: z.enum(['scam', 'false-alarm']),
    from: z.enum(['popup', 'warning', 'options']),
    category: z.optional(str(64)),
    evidence: list(str(200), 20),
    note: z.optional(str(1000)),
  }),
);
export type Report = z.infer<ReturnType<typeof reportSchema>>;

/** Blacklist subscription status for the options page (src/background/list-handlers.ts). */
const host = () => str(253);
/** The list formats (one definition: src/lists/vocabulary.ts). */
export const LIST_FORMAT_NAMES = LIST_FORMATS;
export const listStatusSchema = lazy(() =>
  z.object({
    id: str(64),
    kind: z.enum(['seed', 'subscription']),
    name: str(200),
    url: z.nullable(str(MAX_URL)),
    format: z.enum(LIST_FORMAT_NAMES),
    entryCount: nat(),
    version: z.nullable(int()),
    lastSuccess: z.nullable(z.number()),
    lastAttempt: z.nullable(z.number()),
    /** code: one of src/lists/vocabulary.ts LIST_ERROR_CODES; the UI words it. */
    lastError: z.nullable(z.object({ code: str(32), detail: z.nullable(str(300)), at: z.number() })),
    failures: nat(),
    nextDue: z.nullable(z.number()),
  }),
);
export type ListStatus = z.infer<ReturnType<typeof listStatusSchema>>;
const listOk = lazy(() => z.object({ ok: z.boolean(), error: z.nullable(str(300)) }));

// ---- issue 9: shapes used by the family messages below ----
const familyOk = lazy(() => z.object({ ok: z.boolean(), error: z.nullable(str(40)) }));
const guardianAnswer = lazy(() => z.extend(familyOk(), { lockedUntil: z.nullable(z.number()), triesLeft: nat() }));
const familyStatusSchema = lazy(() =>
  z.object({
    pinSet: z.boolean(),
    totpSet: z.boolean(),
    /** PIN set and not entered recently: settings, lists and "always allow" are refused. */
    locked: z.boolean(),
    lockedUntil: z.nullable(z.number()),
    triesLeft: nat(),
    elderMode: z.boolean(),
    /** Elder mode with a PIN or approval code: "continue anyway" needs the guardian. */
    approvalRequired: z.boolean(),
  }),
);
const familyEventRequest = lazy(() => z.object({ url: z.optional(url()), kind: z.enum(['warning', 'left']), source: z.enum(['page', 'list']), category: z.optional(str(64)) }));
const weeklySummarySchema = lazy(() =>
  z.object({
    from: z.number(),
    to: z.number(),
    days: list(z.object({ date: str(10), byCategory: z.record(str(64), int()), total: int() }), 31),
    categories: list(str(64), 64),
    warnings: int(),
    heeded: int(),
    proceeded: int(),
    approvals: z.object({ pin: int(), code: int() }),
    sites: z.nullable(list(z.object({ host: host(), warnings: int() }), 20)),
  }),
);

/** Requests and their responses, keyed by message type. */
export const protocol = lazyTable({
  /** Content script finished (re)scanning the page. */
  'cs-bg/page-scanned': () => ({
    request: z.object({ url: url(), verdict: verdictSchema() }),
    response: z.object({ alertLevel: level(), dismissed: z.boolean() }),
  }),
  /** Content script: the user dismissed the in-page alert for this site (this session). */
  'cs-bg/dismiss-alert': () => ({
    request: z.object({ url: url() }),
    response: z.object({ ok: z.boolean() }),
  }),
  /** Popup asks what we know about a tab. */
  'ui-bg/get-tab-state': () => ({
    request: z.object({ tabId: nat() }),
    response: z.object({
      url: z.nullable(z.string()),
      verdict: z.nullable(verdictSchema()),
      scannedAt: z.nullable(z.number()),
    }),
  }),
  /** UI page: the person reports a site ("report this site") or a false alarm ("this warning is wrong"). Owned by src/background/reports.ts. */
  'ui-bg/report-create': () => ({
    // The stored report minus what the background assigns (id, time): one definition.
    request: z.omit(reportSchema(), { id: true, time: true }),
    response: z.object({ id: int() }),
  }),
  /** Options page: the local report log, newest first. */
  'ui-bg/report-list': () => ({
    request: z.object({ limit: z.optional(z.int().check(z.gte(1), z.lte(5000))) }),
    response: z.object({ reports: z.array(reportSchema()) }),
  }),
  /** Warning page: why is this URL blocked (list name, source, category, date)? */
  'ui-bg/url-verdict': () => ({
    request: z.object({ url: url() }),
    response: z.object({
      result: z.enum(['block', 'allow', 'caution', 'none']),
      host: z.nullable(host()),
      match: z.nullable(str(MAX_URL)),
      category: z.nullable(str(64)),
      listId: z.nullable(str(64)),
      listName: z.nullable(str(200)),
      listUrl: z.nullable(str(MAX_URL)),
      /** When the entry was first listed (ms) and when its list was last confirmed fresh. */
      firstSeen: z.nullable(z.number()),
      listUpdatedAt: z.nullable(z.number()),
      brand: z.nullable(localized()),
    }),
  }),
  /** Warning page "proceed": once = this browser session; always = the person's allow list. */
  'ui-bg/proceed': () => ({
    request: z.object({ url: url(), scope: z.enum(['once', 'always']) }),
    response: z.object({ ok: z.boolean(), host: z.nullable(host()) }),
  }),
  /** Undo "continue once" and "always allow" for a host. */
  'ui-bg/undo-allow': () => ({
    request: z.object({ host: host() }),
    response: z.object({ ok: z.boolean() }),
  }),
  /** Content script: is this page's host a lookalike of a protected brand? (caution banner) */
  'cs-bg/url-verdict': () => ({
    request: z.object({ url: url() }),
    response: z.object({
      caution: z.boolean(),
      brandId: z.nullable(str(64)),
      brand: z.nullable(localized()),
      reason: z.nullable(str(32)),
      /** The person (or family) allowed this site: own allow list ("always allow") or "continue once" this session. No in-page alerts, no cooling-off. */
      allowed: z.optional(z.boolean()),
    }),
  }),
  /** Options page "名单订阅": every list with its freshness and last error, and the person's own lists. */
  'ui-bg/lists-get': () => ({
    request: z.object({}),
    response: z.object({ lists: list(listStatusSchema(), 100), user: z.object({ allow: list(host(), 5000), block: list(host(), 5000) }) }),
  }),
  'ui-bg/lists-add': () => ({
    request: z.object({ url: url(), format: z.enum(LIST_FORMAT_NAMES), publicKey: z.optional(str(2000)), name: z.optional(str(200)) }),
    response: z.extend(listOk(), { list: z.nullable(listStatusSchema()) }),
  }),
  'ui-bg/lists-remove': () => ({
    request: z.object({ id: str(64) }),
    response: listOk(),
  }),
  /** "Update now" for one list. */
  'ui-bg/lists-update': () => ({
    request: z.object({ id: str(64) }),
    response: z.object({ list: z.nullable(listStatusSchema()) }),
  }),
  /** Add/remove a host on the person's own allow or block list. */
  'ui-bg/lists-user-set': () => ({
    request: z.object({ host: str(MAX_URL), action: z.enum(['allow', 'block']), present: z.boolean() }),
    response: listOk(),
  }),
  // ---- issue 11: identifiers on the page ----
  /**
   * Content script: are any of these identifiers (phone, bank card, USDT address, QQ,
   * WeChat) listed? Only hashes travel (src/lists/hash.ts keyHashHex); the list stays in
   * the background. The answer names each listed one's list and since when it is listed.
   */
  'cs-bg/identifiers': () => ({
    request: z.object({ ids: list(z.object({ kind: z.enum(IDENTIFIER_KINDS), hash: z.string().check(z.regex(/^[0-9a-f]{15}$/)) }), 100) }),
    response: z.object({
      listed: list(
        z.object({
          kind: z.enum(IDENTIFIER_KINDS),
          hash: str(15),
          listName: str(200),
          category: z.nullable(str(64)),
          firstSeen: z.nullable(z.number()),
        }),
        100,
      ),
    }),
  }),
  // ── Outreach demo (issue 10): the demo interstitial for the reserved demo host. Nothing is recorded. ──
  /** Demo gallery: arm a one-time token for the demo interstitial of a case. */
  'ui-bg/demo-arm': () => ({
    request: z.object({ caseId: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)) }),
    response: z.object({ token: str(64) }),
  }),
  /** Warning page in demo mode: is this the reserved demo host with an armed token? */
  'ui-bg/demo-site-verdict': () => ({
    request: z.object({ url: url(), token: str(64) }),
    response: z.object({ confirmed: z.boolean(), caseId: z.nullable(str(64)) }),
  }),
  // ---- issue 9: families and elderly relatives (src/background/family.ts) ----
  /** Guardian PIN / approval-code state, for the options, welcome, warning and summary pages. */
  'ui-bg/guardian-status': () => ({
    request: z.object({}),
    response: familyStatusSchema(),
  }),
  /** Check the guardian PIN; on success settings/lists/allowlist are unlocked for a few minutes (this browser session). */
  'ui-bg/guardian-unlock': () => ({
    request: z.object({ pin: str(16) }),
    response: guardianAnswer(),
  }),
  'ui-bg/guardian-lock': () => ({ request: z.object({}), response: z.object({ ok: z.boolean() }) }),
  /** Set or change the PIN (needs the old one unlocked first); empty pin = remove it. */
  'ui-bg/guardian-set-pin': () => ({
    request: z.object({ pin: str(16) }),
    response: familyOk(),
  }),
  /** Start approval-code setup: a fresh secret and its otpauth:// URI (kept pending until confirmed). */
  'ui-bg/guardian-totp-begin': () => ({
    request: z.object({ label: str(60) }),
    response: z.extend(familyOk(), { secret: z.nullable(str(128)), uri: z.nullable(str(1000)) }),
  }),
  /** The guardian types the code their app shows: proves the scan worked, then the secret is kept. */
  'ui-bg/guardian-totp-confirm': () => ({ request: z.object({ code: str(16) }), response: familyOk() }),
  'ui-bg/guardian-totp-remove': () => ({ request: z.object({}), response: familyOk() }),
  /** Elder mode "continue anyway": allowed once for this site only with the PIN or a current approval code. */
  'ui-bg/guardian-proceed': () => ({
    request: z.object({
      url: url(),
      pin: z.optional(str(16)),
      code: z.optional(str(16)),
      source: z.enum(['page', 'list']),
      category: z.optional(str(64)),
      /** The tab whose page was judged (page warnings open the approval in a new tab): reloaded after approval. */
      tabId: z.optional(nat()),
    }),
    response: z.extend(guardianAnswer(), { host: z.nullable(host()) }),
  }),
  /** Settings changes from our pages go through here so the background can ask for the PIN. */
  'ui-bg/settings-save': () => ({
    request: z.object({ patch: z.record(z.string(), z.unknown()) }),
    response: familyOk(),
  }),
  /** A warning was shown / the person left (heeded it): one line in the local family log. */
  'ui-bg/family-event': () => ({ request: familyEventRequest(), response: z.object({ ok: z.boolean() }) }),
  'cs-bg/family-event': () => ({ request: familyEventRequest(), response: z.object({ ok: z.boolean() }) }),
  /** Elder mode: read a warning aloud with the browser's speech engine (chrome.tts); spoken=false → the page speaks itself. */
  'cs-bg/read-aloud': () => ({ request: z.object({ text: str(2000) }), response: z.object({ spoken: z.boolean() }) }),
  /** Elder mode, high page: open the guardian approval page for this tab's page. */
  'cs-bg/request-approval': () => ({ request: z.object({ url: url() }), response: z.object({ ok: z.boolean() }) }),
  /** The weekly summary (behind the PIN). */
  'ui-bg/guardian-summary': () => ({
    request: z.object({}),
    response: z.extend(familyOk(), { summary: z.nullable(weeklySummarySchema()) }),
  }),
  /** Setup code: export the whole configuration, encrypted under the guardian's passphrase. */
  'ui-bg/setup-export': () => ({
    request: z.object({ passphrase: str(200) }),
    response: z.extend(familyOk(), { text: z.nullable(str(2_000_000)) }),
  }),
  /** Setup code: import (replaces the configuration; on any error nothing changes). */
  'ui-bg/setup-import': () => ({
    request: z.object({ text: str(2_000_000), passphrase: str(200) }),
    response: familyOk(),
  }),
  // ---- issue 11: content script diet ----
  /**
   * Content script, when its alert opens: the explanations of these rules in one
   * language. The page does not carry the three-language texts; the background reads
   * them from the package (/rule-texts.json) and answers only the ids asked for.
   */
  'cs-bg/rule-texts': () => ({
    request: z.object({ ruleIds: list(z.string().check(z.regex(/^[a-z0-9_.-]{3,60}$/)), 50), locale: z.enum(LOCALES) }),
    response: z.object({ texts: z.record(str(60), str(500)) }),
  }),
});

/**
 * Background → list builder (src/background/list-builder-client.ts): never accepted by the
 * background's router (not in `protocol`), only by the offscreen document and the builder
 * Worker, which also check that the sender is our own background.
 */
export const builderProtocol = lazyTable({
  'bg-builder/text-job': () => ({
    request: z.object({
      /** The list id; its downloaded bytes wait in IndexedDB under 'job:<id>'. */
      jobId: z.string().check(z.minLength(1), z.maxLength(64)),
      meta: z.looseObject({ id: z.string().check(z.minLength(1), z.maxLength(64)), kind: z.enum(['seed', 'subscription']), name: str(200), format: z.enum(TEXT_LIST_FORMATS), addedAt: z.number(), failures: z.number(), entryCount: z.number() }),
      patch: z.looseObject({}),
      maxEntries: z.int().check(z.gte(1), z.lte(10_000_000)),
      now: z.number(),
      /** Set when the builder downloads the list itself (an http(s) subscription URL). */
      download: z.optional(z.object({ url: str(MAX_URL).check(z.regex(/^https?:\/\//i)), timeoutMs: z.int().check(z.gte(1000), z.lte(600_000)), maxBytes: z.int().check(z.gte(1), z.lte(256 * 1024 * 1024)) })),
    }),
    response: z.union([
      z.object({ ok: z.literal(true), generation: z.int().check(z.gte(1)), entryCount: nat(), rejected: nat() }),
      z.object({ ok: z.literal(false), code: z.enum(LIST_ERROR_CODES), detail: z.optional(str(500)) }),
    ]),
  }),
});

export type MessageType = keyof typeof protocol;
export type RequestOf<T extends MessageType> = z.infer<(typeof protocol)[T]['request']>;
export type ResponseOf<T extends MessageType> = z.infer<(typeof protocol)[T]['response']>;
export type Envelope<T extends MessageType = MessageType> = { type: T; payload: RequestOf<T> };

export const envelopeSchema = lazy(() => z.object({ type: str(64), payload: z.unknown() }));

export type ParseResult =
  | { ok: true; type: MessageType; payload: unknown }
  | { ok: false; error: string };

/** Validate an incoming message. Never throws; the error is a short, loggable string. */
export function parseEnvelope(raw: unknown): ParseResult {
  const env = envelopeSchema().safeParse(raw);
  if (!env.success) return { ok: false, error: 'not a ScamSentinel message' };
  const type = env.data.type;
  if (!Object.hasOwn(protocol, type)) return { ok: false, error: `unknown message type: ${type.slice(0, 64)}` };
  const def = protocol[type as MessageType];
  const parsed = def.request.safeParse(env.data.payload);
  if (!parsed.success) return { ok: false, error: `invalid ${type}: ${parsed.error.issues[0]?.message ?? 'bad payload'}` };
  return { ok: true, type: type as MessageType, payload: parsed.data };
}
