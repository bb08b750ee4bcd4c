/**
 * THE message protocol: every message between content scripts, UI pages and the
 * background is named here (direction-prefixed, e.g. `cs-bg/…` = content script →
 * background), typed, and validated with zod at the background's boundary.
 *
 * Content scripts are untrusted (a hostile page can influence what they send), so
 * every payload is size-capped and the background also checks `sender`.
 */
import { z } from 'zod';
import { CATEGORIES, LEVELS } from '../engine/types';

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
  explanation: localized,
  advice: localized,
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
    request: z.object({
      url,
      kind: z.enum(['scam', 'false-alarm']),
      from: z.enum(['popup', 'warning', 'options']),
      category: z.string().max(64).optional(),
      evidence: z.array(z.string().max(200)).max(20),
      note: z.string().max(1000).optional(),
    }),
    response: z.object({ id: z.number().int() }),
  },
  /** Options page: the local report log, newest first. */
  'ui-bg/report-list': {
    request: z.object({ limit: z.number().int().min(1).max(5000).optional() }),
    response: z.object({ reports: z.array(reportSchema) }),
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
