/**
 * The setup code: the guardian's whole configuration in one file, to carry to the
 * parent's browser (issue 9, item 5).
 *
 * File (UTF-8 JSON text, at most MAX_SETUP_CODE_CHARS):
 *   { "format": "scam-sentinel-setup", "version": 1,
 *     "kdf": { "name": "PBKDF2", "hash": "SHA-256", "iterations": 310000, "salt": "<b64 16 B>" },
 *     "check": "<b64 16 B>", "iv": "<b64 12 B>", "data": "<b64 AES-GCM ciphertext + tag>" }
 * PBKDF2(passphrase, salt) gives 48 bytes: 32 for the AES-256-GCM key, 16 for `check`,
 * which tells a wrong passphrase apart from a damaged file. The header (format, version,
 * kdf, check) is the GCM additional data, so changing any of it fails the integrity check.
 * The plaintext is a versioned payload (PAYLOAD below); settings inside it go through
 * migrateSettings, so a code made by an older version imports with nothing lost.
 *
 * Every failure is one of SETUP_ERRORS, the UI words it, and nothing is changed.
 */
import * as z from 'zod/mini';
import { buf, equalBytes, fromBase64, randomBytes, toBase64 } from './bytes';
import { lazy } from '../messaging/lazy';
import { pinRecordSchema, type PinRecord } from './pin';
import { migrateSettings, type Settings } from '../settings/schema';

export const SETUP_FORMAT = 'scam-sentinel-setup';
export const SETUP_VERSION = 1;
export const SETUP_ITERATIONS = 310_000;
export const MAX_SETUP_CODE_CHARS = 2_000_000;
export const MIN_PASSPHRASE = 8;

export const SETUP_ERRORS = ['not-setup-code', 'damaged', 'newer-version', 'wrong-passphrase', 'tampered', 'passphrase-short'] as const;
export type SetupError = (typeof SETUP_ERRORS)[number];

// Schemas built on first use (lazy.ts): a cold worker wake that imports no setup code pays nothing.
const host = () => z.string().check(z.maxLength(253));
const payloadSchema = lazy(() => z.object({
  v: z.literal(1),
  createdAt: z.number(),
  settings: z.unknown(),
  guardian: z.object({ pin: z.nullable(pinRecordSchema), totpSecret: z.nullable(z.string().check(z.regex(/^[A-Z2-7]{16,128}$/))) }),
  lists: z.object({
    allow: z.array(host()).check(z.maxLength(5000)),
    block: z.array(host()).check(z.maxLength(5000)),
    subscriptions: z
      .array(
        z.object({
          url: z.string().check(z.maxLength(4096)),
          format: z.enum(['auto', 'hosts', 'adblock', 'plain', 'feed']),
          name: z.string().check(z.maxLength(200)),
          publicKey: z.optional(z.string().check(z.maxLength(2000))),
        }),
      )
      .check(z.maxLength(20)),
  }),
}));

/** What a setup code carries (settings already migrated to the current version). */
export interface SetupConfig {
  settings: Settings;
  guardian: { pin: PinRecord | null; totpSecret: string | null };
  lists: z.infer<ReturnType<typeof payloadSchema>>['lists'];
}

const envelopeSchema = lazy(() => z.object({
  format: z.literal(SETUP_FORMAT),
  version: z.number().check(z.int(), z.minimum(1)),
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().check(z.int(), z.minimum(100_000), z.maximum(5_000_000)),
    salt: z.string().check(z.maxLength(64)),
  }),
  check: z.string().check(z.maxLength(64)),
  iv: z.string().check(z.maxLength(64)),
  data: z.string().check(z.maxLength(MAX_SETUP_CODE_CHARS)),
}));
type Envelope = z.infer<ReturnType<typeof envelopeSchema>>;

export type ImportResult = { ok: true; config: SetupConfig } | { ok: false; error: SetupError };

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<{ key: CryptoKey; check: Uint8Array }> {
  const base = await crypto.subtle.importKey('raw', buf(new TextEncoder().encode(passphrase.normalize('NFC'))), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: buf(salt), iterations }, base, 384));
  const key = await crypto.subtle.importKey('raw', buf(bits.slice(0, 32)), 'AES-GCM', false, ['encrypt', 'decrypt']);
  return { key, check: bits.slice(32, 48) };
}

/** The GCM additional data: every header field, in a fixed order. */
function headerAad(e: Pick<Envelope, 'format' | 'version' | 'kdf' | 'check'>): ArrayBuffer {
  const text = JSON.stringify([e.format, e.version, e.kdf.name, e.kdf.hash, e.kdf.iterations, e.kdf.salt, e.check]);
  return buf(new TextEncoder().encode(text));
}

export async function exportSetupCode(config: SetupConfig, passphrase: string, opts: { now: number; iterations?: number }): Promise<string> {
  if (passphrase.length < MIN_PASSPHRASE) throw new Error('passphrase-short');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const iterations = opts.iterations ?? SETUP_ITERATIONS;
  const { key, check } = await deriveKey(passphrase, salt, iterations);
  const header = { format: SETUP_FORMAT, version: SETUP_VERSION, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) }, check: toBase64(check) } as const;
  const payload = { v: 1, createdAt: opts.now, settings: config.settings, guardian: config.guardian, lists: config.lists };
  const plain = new TextEncoder().encode(JSON.stringify(payload));
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: buf(iv), additionalData: headerAad(header) }, key, buf(plain)));
  return `${JSON.stringify({ ...header, iv: toBase64(iv), data: toBase64(data) }, null, 1)}\n`;
}

/** Read a setup code. Never throws: hostile or damaged input gives an error code. */
export async function importSetupCode(text: unknown, passphrase: string): Promise<ImportResult> {
  if (typeof text !== 'string' || text.length > MAX_SETUP_CODE_CHARS) return { ok: false, error: 'not-setup-code' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // Cut short (a half-copied file) still starts like ours: say "damaged", not "not ours".
    return { ok: false, error: text.includes(SETUP_FORMAT) ? 'damaged' : 'not-setup-code' };
  }
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== SETUP_FORMAT) return { ok: false, error: 'not-setup-code' };
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && version > SETUP_VERSION) return { ok: false, error: 'newer-version' };
  const env = envelopeSchema().safeParse(raw);
  if (!env.success) return { ok: false, error: 'damaged' };
  const e = env.data;
  const salt = fromBase64(e.kdf.salt);
  const check = fromBase64(e.check);
  const iv = fromBase64(e.iv);
  const data = fromBase64(e.data);
  if (!salt || !check || !iv || !data || iv.length !== 12 || check.length !== 16 || data.length < 16) return { ok: false, error: 'damaged' };
  const derived = await deriveKey(passphrase, salt, e.kdf.iterations);
  if (!equalBytes(derived.check, check)) return { ok: false, error: 'wrong-passphrase' };
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: buf(iv), additionalData: headerAad(e) }, derived.key, buf(data));
  } catch {
    return { ok: false, error: 'tampered' };
  }
  let payloadRaw: unknown;
  try {
    payloadRaw = JSON.parse(new TextDecoder().decode(plain));
  } catch {
    return { ok: false, error: 'tampered' };
  }
  const payload = payloadSchema().safeParse(migratePayload(payloadRaw));
  if (!payload.success) return { ok: false, error: 'tampered' };
  return { ok: true, config: { settings: migrateSettings(payload.data.settings), guardian: payload.data.guardian, lists: payload.data.lists } };
}

/**
 * Payload migrations, oldest first. Payload v1 is the only one so far; its `settings`
 * may be any settings version (migrateSettings upgrades them). A future v2 adds a step
 * here: PAYLOAD_MIGRATIONS[1] = (v1) => v2.
 */
const PAYLOAD_MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

function migratePayload(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  let value = raw as Record<string, unknown>;
  for (let v = Number(value.v); PAYLOAD_MIGRATIONS[v]; v = Number(value.v)) value = PAYLOAD_MIGRATIONS[v]!(value);
  return value;
}
