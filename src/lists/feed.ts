/**
 * ScamSentinel's signed feed: static files any web server, CDN or object-storage bucket
 * can serve. PURE: bytes in, typed results out; WebCrypto (`crypto.subtle`, present in
 * Node ≥ 20 and in the extension) does the signatures and hashes.
 *
 * Files (all under one base URL; the subscription URL points at `manifest`):
 *   manifest                 signed envelope (below), re-fetched on every update check
 *   full-<version>.json      full snapshot of list version <version>
 *   diff-<from>-<to>.json    changes from an earlier version <from> to <to> (the latest)
 *
 * Manifest envelope: one ASCII header line, then the payload bytes that were signed:
 *   "SSFEED1 ECDSA-P256-SHA256 <keyId> <signature base64url>\n" + <payload JSON>
 *   keyId = base64url(sha256(SPKI public key))[0..16]; signature = IEEE P1363 r‖s over
 *   the payload bytes exactly as served. The payload is verified BEFORE it is parsed.
 * Payload (zod-validated after verification):
 *   { format: "scamsentinel-feed", formatVersion: 1, listId, listVersion (integer ≥ 1),
 *     created (ISO time), title?, full: { path, sha256, bytes, entries },
 *     diffs: [{ from, path, sha256, bytes }] }   (every diff leads to listVersion)
 * Snapshot: { format: "scamsentinel-list", listId, listVersion, entries: [FeedEntry],
 *             identifiers?: [FeedIdentifier] }
 * Diff:     { format: "scamsentinel-diff", listId, from, to, add: [FeedEntry],
 *             remove: [{ kind, value, action }], addIdentifiers?, removeIdentifiers? }
 * FeedEntry: { kind: domain|host|urlPrefix|ip, value (canonical form of entries.ts),
 *              action: block|allow, category, firstSeen (ms), expires? (ms) }
 *
 * Update path for the glue: fetch manifest → verifyManifest(bytes, pinnedKeys) →
 * planUpdate(current, manifest) → fetch the planned part → verifyPart(bytes, ref) →
 * parseSnapshot / parseDiff → build the new index aside → swap. Any error leaves the
 * current list untouched. Unlike third-party text lists (which are deduplicated
 * leniently), a signed feed with an invalid, duplicate or conflicting entry is refused
 * whole: its publisher has tooling (`sentinel feed build`) that never produces one.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { CATEGORIES } from '../engine/types';
import { radixSortPairs } from './compact-index';
import { normalizeEntryValue, normalizeIdentifier } from './entries';
import { hashKey } from './hash';
import { lazy } from '../messaging/lazy';
import { ENTRY_KINDS, IDENTIFIER_KINDS, type IdentifierEntry, type ListEntry } from './types';

// MV3 CSP forbids eval/new Function; zod/mini with the English messages (as src/messaging/protocol.ts).
z.config({ jitless: true, ...en() });

export const FEED_FORMAT_VERSION = 1;
export const FEED_ALGORITHM = 'ECDSA-P256-SHA256';
const HEADER_TAG = 'SSFEED1';

export const FEED_LIMITS = {
  manifestBytes: 64 * 1024,
  partBytes: 64 * 1024 * 1024,
  entries: 2_000_000,
  diffOps: 500_000,
  diffs: 64,
};
export type FeedLimits = typeof FEED_LIMITS;

export const FEED_ERROR_CODES = [
  'oversize',
  'truncated',
  'bad-envelope',
  'unknown-key',
  'bad-key',
  'bad-signature',
  'bad-json',
  'schema',
  'sha256-mismatch',
  'rollback',
  'list-mismatch',
  'version-mismatch',
  'bad-entry',
  'duplicate-entry',
  'conflicting-entry',
  'too-many-entries',
] as const;
export type FeedErrorCode = (typeof FEED_ERROR_CODES)[number];
export interface FeedError {
  code: FeedErrorCode;
  message: string;
}
export type FeedResult<T> = { ok: true; value: T } | { ok: false; error: FeedError };

const fail = (code: FeedErrorCode, message: string): { ok: false; error: FeedError } => ({ ok: false, error: { code, message } });

// ---------- schemas ----------

const sha256Field = () => z.string().check(z.regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lowercase hex digits'));
const partPath = () => z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a part path is a plain file name (no slashes, no scheme)'));
const listId = () => z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[a-z0-9][a-z0-9._-]*$/, 'listId: lowercase letters, digits, . _ -'));
const version = () => z.int().check(z.gte(1), z.lte(Number.MAX_SAFE_INTEGER));
const ms = () => z.int().check(z.gte(0), z.lte(8.64e15));
const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));
const list = <T extends z.ZodMiniType>(item: T, max: number) => z.array(item).check(z.maxLength(max));

export const manifestSchema = lazy(() =>
  z.strictObject({
    format: z.literal('scamsentinel-feed'),
    formatVersion: z.literal(FEED_FORMAT_VERSION),
    listId: listId(),
    listVersion: version(),
    created: z.iso.datetime({ offset: true }),
    title: z.optional(z.string().check(z.maxLength(200))),
    full: z.strictObject({ path: partPath(), sha256: sha256Field(), bytes: z.int().check(z.gte(1)), entries: z.int().check(z.gte(0)) }),
    diffs: list(z.strictObject({ from: version(), path: partPath(), sha256: sha256Field(), bytes: z.int().check(z.gte(1)) }), FEED_LIMITS.diffs),
  }),
);
export type FeedManifest = z.infer<ReturnType<typeof manifestSchema>>;
export type PartRef = { path: string; sha256: string; bytes: number };

const feedEntry = lazy(() =>
  z.strictObject({
    kind: z.enum(ENTRY_KINDS),
    value: text(1, 2048),
    action: z.enum(['block', 'allow']),
    category: z.enum([...CATEGORIES, 'unknown']),
    firstSeen: ms(),
    expires: z.optional(ms()),
  }),
);
const feedIdentifier = lazy(() =>
  z.strictObject({
    kind: z.enum(IDENTIFIER_KINDS),
    value: text(1, 64),
    category: z.enum([...CATEGORIES, 'unknown']),
    firstSeen: ms(),
    expires: z.optional(ms()),
  }),
);
const removal = lazy(() => z.strictObject({ kind: z.enum(ENTRY_KINDS), value: text(1, 2048), action: z.enum(['block', 'allow']) }));
const identRemoval = lazy(() => z.strictObject({ kind: z.enum(IDENTIFIER_KINDS), value: text(1, 64) }));

export const snapshotSchema = lazy(() =>
  z.strictObject({
    format: z.literal('scamsentinel-list'),
    listId: listId(),
    listVersion: version(),
    entries: list(feedEntry(), FEED_LIMITS.entries),
    identifiers: z.optional(list(feedIdentifier(), FEED_LIMITS.entries)),
  }),
);

/**
 * Large arrays (a 1M-entry snapshot) are checked item by item with checkFeedEntry, a
 * hand-written twin of `feedEntry` (zod in jitless mode — required by the MV3 CSP — costs
 * ~9 µs per object, 9 s for a million). tests/unit/lists/feed.test.ts pins that both accept
 * and refuse the same table of items. The envelope is still validated by zod.
 */
const snapshotShell = lazy(() => z.extend(snapshotSchema(), { entries: list(z.unknown(), FEED_LIMITS.entries) }));

const ENTRY_KIND_SET = new Set<string>(ENTRY_KINDS);
const CATEGORY_SET = new Set<string>([...CATEGORIES, 'unknown']);
const ENTRY_KEYS = new Set(['kind', 'value', 'action', 'category', 'firstSeen', 'expires']);
const isMs = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 8.64e15;

/** null when `x` is a valid FeedEntry, else the reason (same verdicts as the zod `feedEntry`). */
export function checkFeedEntry(x: unknown): string | null {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return 'not an object';
  const o = x as Record<string, unknown>;
  for (const k in o) if (!ENTRY_KEYS.has(k)) return `unknown field "${k}"`;
  if (typeof o.kind !== 'string' || !ENTRY_KIND_SET.has(o.kind)) return 'kind: invalid';
  if (typeof o.value !== 'string' || o.value.length < 1 || o.value.length > 2048) return 'value: invalid';
  if (o.action !== 'block' && o.action !== 'allow') return 'action: invalid';
  if (typeof o.category !== 'string' || !CATEGORY_SET.has(o.category)) return 'category: invalid';
  if (!isMs(o.firstSeen)) return 'firstSeen: invalid';
  if ('expires' in o && o.expires !== undefined && !isMs(o.expires)) return 'expires: invalid';
  return null;
}
export type FeedSnapshot = z.infer<ReturnType<typeof snapshotSchema>>;
/** Exported for the equivalence test of checkFeedEntry. */
export const feedEntrySchema = feedEntry;
export type FeedEntry = z.infer<ReturnType<typeof feedEntry>>;
export type FeedIdentifier = z.infer<ReturnType<typeof feedIdentifier>>;
export type FeedRemoval = z.infer<ReturnType<typeof removal>>;

export const diffSchema = lazy(() =>
  z.strictObject({
    format: z.literal('scamsentinel-diff'),
    listId: listId(),
    from: version(),
    to: version(),
    add: list(feedEntry(), FEED_LIMITS.diffOps),
    remove: list(removal(), FEED_LIMITS.diffOps),
    addIdentifiers: z.optional(list(feedIdentifier(), FEED_LIMITS.diffOps)),
    removeIdentifiers: z.optional(list(identRemoval(), FEED_LIMITS.diffOps)),
  }),
);
export type FeedDiff = z.infer<ReturnType<typeof diffSchema>>;
const diffShell = lazy(() => z.extend(diffSchema(), { add: list(z.unknown(), FEED_LIMITS.diffOps) }));

// ---------- bytes, base64, hashes ----------

const enc = new TextEncoder();

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]!);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(s: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) return null;
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

function hex(buf: ArrayBuffer): string {
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Copy into a fresh ArrayBuffer-backed view (WebCrypto rejects SharedArrayBuffer views). */
function ab(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out;
}

export async function sha256Hex(bytes: Uint8Array, subtle: SubtleCrypto = crypto.subtle): Promise<string> {
  return hex(await subtle.digest('SHA-256', ab(bytes)));
}

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** keyId of a public key: base64url(sha256(SPKI)) cut to 16 characters. */
export async function keyIdOf(spkiBase64Url: string, subtle: SubtleCrypto = crypto.subtle): Promise<string | null> {
  const spki = fromBase64Url(spkiBase64Url);
  if (!spki || spki.length < 32) return null;
  return toBase64Url(new Uint8Array(await subtle.digest('SHA-256', ab(spki)))).slice(0, 16);
}

export interface FeedKeyPair {
  /** Public key to pin in subscriptions: SPKI, base64url. */
  publicKey: string;
  /** Private key for `feed build`: PKCS#8, base64url. Keep it off the web server. */
  privateKey: string;
  keyId: string;
}

export async function generateFeedKeyPair(subtle: SubtleCrypto = crypto.subtle): Promise<FeedKeyPair> {
  const kp = (await subtle.generateKey(ECDSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = toBase64Url(new Uint8Array(await subtle.exportKey('spki', kp.publicKey)));
  const privateKey = toBase64Url(new Uint8Array(await subtle.exportKey('pkcs8', kp.privateKey)));
  return { publicKey, privateKey, keyId: (await keyIdOf(publicKey, subtle))! };
}

/** The public key (SPKI base64url) that belongs to a private key (PKCS#8 base64url). */
export async function publicKeyFromPrivate(privateKey: string, subtle: SubtleCrypto = crypto.subtle): Promise<string> {
  const pkcs8 = fromBase64Url(privateKey);
  if (!pkcs8) throw new Error('private key is not base64url');
  const priv = await subtle.importKey('pkcs8', pkcs8, ECDSA, true, ['sign']);
  const jwk = await subtle.exportKey('jwk', priv);
  const pub = await subtle.importKey('jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, ext: true }, ECDSA, true, ['verify']);
  return toBase64Url(new Uint8Array(await subtle.exportKey('spki', pub)));
}

/** Sign a manifest payload: returns the envelope bytes to serve as `manifest`. */
export async function signManifest(manifest: FeedManifest, keys: Pick<FeedKeyPair, 'privateKey' | 'publicKey'>, subtle: SubtleCrypto = crypto.subtle): Promise<Uint8Array> {
  const parsed = manifestSchema().safeParse(manifest);
  if (!parsed.success) throw new Error(`manifest does not match the schema: ${parsed.error.issues[0]?.message ?? ''}`);
  const pkcs8 = fromBase64Url(keys.privateKey);
  if (!pkcs8) throw new Error('private key is not base64url');
  const key = await subtle.importKey('pkcs8', ab(pkcs8), ECDSA, false, ['sign']);
  const payload = enc.encode(JSON.stringify(manifest, null, 1) + '\n');
  const sig = new Uint8Array(await subtle.sign(SIGN, key, payload));
  const keyId = await keyIdOf(keys.publicKey, subtle);
  const header = enc.encode(`${HEADER_TAG} ${FEED_ALGORITHM} ${keyId} ${toBase64Url(sig)}\n`);
  const out = new Uint8Array(header.length + payload.length);
  out.set(header);
  out.set(payload, header.length);
  return out;
}

export interface VerifiedManifest {
  manifest: FeedManifest;
  keyId: string;
}

/**
 * Verify a manifest envelope against the subscription's pinned public keys (SPKI base64url),
 * then parse and validate it. Order: size cap → header → key pin → signature → JSON → zod.
 */
export async function verifyManifest(
  bytes: Uint8Array,
  pinnedKeys: readonly string[],
  opts: { limits?: Partial<FeedLimits>; subtle?: SubtleCrypto } = {},
): Promise<FeedResult<VerifiedManifest>> {
  const subtle = opts.subtle ?? crypto.subtle;
  const max = opts.limits?.manifestBytes ?? FEED_LIMITS.manifestBytes;
  if (bytes.length > max) return fail('oversize', `manifest is ${bytes.length} bytes, more than the ${max} allowed`);
  const nl = bytes.indexOf(10);
  if (nl < 0 || nl > 400) return fail('bad-envelope', 'manifest has no signature header line');
  const header = new TextDecoder().decode(bytes.subarray(0, nl));
  const m = /^SSFEED1 ([A-Z0-9-]+) ([A-Za-z0-9_-]{16}) ([A-Za-z0-9_-]{20,200})$/.exec(header);
  if (!m) return fail('bad-envelope', 'manifest signature header is malformed');
  if (m[1] !== FEED_ALGORITHM) return fail('bad-envelope', `unsupported signature algorithm ${m[1]}`);
  const keyId = m[2]!;
  let key: CryptoKey | null = null;
  for (const pin of pinnedKeys) {
    if ((await keyIdOf(pin, subtle)) !== keyId) continue;
    try {
      key = await subtle.importKey('spki', ab(fromBase64Url(pin)!), ECDSA, false, ['verify']);
    } catch {
      return fail('bad-key', 'the pinned public key is not a valid ECDSA P-256 key');
    }
    break;
  }
  if (!key) return fail('unknown-key', `manifest is signed by key ${keyId}, which is not pinned for this subscription`);
  const sig = fromBase64Url(m[3]!);
  const payload = bytes.subarray(nl + 1);
  if (!sig || !(await subtle.verify(SIGN, key, ab(sig), ab(payload)))) return fail('bad-signature', 'manifest signature does not verify (changed or truncated in transit, or forged)');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
  } catch {
    return fail('bad-json', 'signed manifest is not valid JSON');
  }
  const parsed = manifestSchema().safeParse(json);
  if (!parsed.success) return fail('schema', `manifest: ${describeZod(parsed.error)}`);
  return { ok: true, value: { manifest: parsed.data, keyId } };
}

function describeZod(err: z.core.$ZodError): string {
  const i = err.issues[0];
  return i ? `${i.path.join('.') || '(root)'}: ${i.message}` : 'invalid';
}

/** Check a downloaded part against the size and sha256 that the signed manifest declares. */
export async function verifyPart(bytes: Uint8Array, ref: PartRef, opts: { limits?: Partial<FeedLimits>; subtle?: SubtleCrypto } = {}): Promise<FeedResult<Uint8Array>> {
  const max = opts.limits?.partBytes ?? FEED_LIMITS.partBytes;
  if (ref.bytes > max || bytes.length > max) return fail('oversize', `${ref.path} is larger than the ${max} bytes allowed`);
  if (bytes.length < ref.bytes) return fail('truncated', `${ref.path} is ${bytes.length} bytes, the manifest says ${ref.bytes}: download cut short`);
  if (bytes.length > ref.bytes) return fail('sha256-mismatch', `${ref.path} is ${bytes.length} bytes, the manifest says ${ref.bytes}`);
  if ((await sha256Hex(bytes, opts.subtle)) !== ref.sha256) return fail('sha256-mismatch', `${ref.path} does not match the sha256 in the signed manifest`);
  return { ok: true, value: bytes };
}

function parseJson(bytes: Uint8Array, what: string): FeedResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    return fail('bad-json', `${what} is not valid JSON`);
  }
}

/**
 * Cheap duplicate screen for large arrays: hash every (kind, value) with the index hash,
 * radix-sort, look for equal neighbours. Only when one is found (a bad feed, or a
 * 1-in-10^12 hash collision) does the exact string check run.
 */
function mayHaveDuplicates(entries: readonly FeedEntry[]): boolean {
  const n = entries.length;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const out = new Uint32Array(2);
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    hashKey(e.kind, e.value, out);
    hi[i] = out[0]!;
    lo[i] = out[1]!;
  }
  const [sh, sl] = radixSortPairs(hi, lo);
  for (let i = 1; i < n; i++) if (sh[i] === sh[i - 1] && sl[i] === sl[i - 1]) return true;
  return false;
}

/** Every entry must already be in canonical form, unique, and not both allowed and blocked. */
function checkEntries(entries: readonly FeedEntry[], identifiers: readonly FeedIdentifier[], what: string): FeedError | null {
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const n = normalizeEntryValue(e.kind, e.value);
    if (!n.ok) return { code: 'bad-entry', message: `${what} entry ${i} (${e.kind} "${e.value.slice(0, 80)}"): ${n.reason}` };
    if (n.value !== e.value) return { code: 'bad-entry', message: `${what} entry ${i}: "${e.value.slice(0, 80)}" is not canonical (expected "${n.value.slice(0, 80)}")` };
  }
  if (mayHaveDuplicates(entries)) {
    const seen = new Map<string, string>();
    for (const e of entries) {
      const key = `${e.kind}:${e.value}`;
      const prev = seen.get(key);
      if (prev === e.action) return { code: 'duplicate-entry', message: `${what} lists ${key} twice` };
      if (prev) return { code: 'conflicting-entry', message: `${what} both allows and blocks ${key}` };
      seen.set(key, e.action);
    }
  }
  const ids = new Set<string>();
  for (const [i, e] of identifiers.entries()) {
    const n = normalizeIdentifier(e.kind, e.value);
    if (!n.ok || n.value !== e.value) return { code: 'bad-entry', message: `${what} identifier ${i} (${e.kind}) is not valid or not canonical` };
    const key = `${e.kind}:${e.value}`;
    if (ids.has(key)) return { code: 'duplicate-entry', message: `${what} lists identifier ${key} twice` };
    ids.add(key);
  }
  return null;
}

/** Parse a verified snapshot part of `manifest`. */
export function parseSnapshot(bytes: Uint8Array, manifest: FeedManifest): FeedResult<FeedSnapshot> {
  const j = parseJson(bytes, 'snapshot');
  if (!j.ok) return j;
  const p = snapshotShell().safeParse(j.value);
  if (!p.success) return fail('schema', `snapshot: ${describeZod(p.error)}`);
  const raw = p.data.entries;
  for (let i = 0; i < raw.length; i++) {
    const why = checkFeedEntry(raw[i]);
    if (why) return fail('schema', `snapshot: entries.${i}: ${why}`);
  }
  const s = p.data as FeedSnapshot;
  if (s.listId !== manifest.listId) return fail('list-mismatch', `snapshot is for list "${s.listId}", the manifest for "${manifest.listId}"`);
  if (s.listVersion !== manifest.listVersion) return fail('version-mismatch', `snapshot is version() ${s.listVersion}, the manifest says ${manifest.listVersion}`);
  const bad = checkEntries(s.entries, s.identifiers ?? [], 'snapshot');
  return bad ? { ok: false, error: bad } : { ok: true, value: s };
}

/** Parse a verified diff part that should lead from `from` to `manifest.listVersion`. */
export function parseDiff(bytes: Uint8Array, manifest: FeedManifest, from: number): FeedResult<FeedDiff> {
  const j = parseJson(bytes, 'diff');
  if (!j.ok) return j;
  const p = diffShell().safeParse(j.value);
  if (!p.success) return fail('schema', `diff: ${describeZod(p.error)}`);
  for (let i = 0; i < p.data.add.length; i++) {
    const why = checkFeedEntry(p.data.add[i]);
    if (why) return fail('schema', `diff: add.${i}: ${why}`);
  }
  const d = p.data as FeedDiff;
  if (d.listId !== manifest.listId) return fail('list-mismatch', `diff is for list "${d.listId}", the manifest for "${manifest.listId}"`);
  if (d.from !== from || d.to !== manifest.listVersion) return fail('version-mismatch', `diff goes from ${d.from} to ${d.to}, expected ${from} to ${manifest.listVersion}`);
  const bad = checkEntries(d.add, d.addIdentifiers ?? [], 'diff');
  if (bad) return { ok: false, error: bad };
  for (const r of d.remove) {
    const n = normalizeEntryValue(r.kind, r.value);
    if (!n.ok || n.value !== r.value) return fail('bad-entry', `diff removal() ${r.kind} "${r.value.slice(0, 80)}" is not canonical`);
  }
  return { ok: true, value: d };
}

// ---------- planning and applying ----------

export interface InstalledFeed {
  listId: string;
  listVersion: number;
}

export type UpdatePlan =
  | { action: 'none'; reason: 'up-to-date' }
  | { action: 'full'; part: PartRef; toVersion: number }
  | { action: 'diff'; part: PartRef; fromVersion: number; toVersion: number }
  | { action: 'reject'; error: FeedError };

/**
 * Decide how to reach the manifest's version from what is installed:
 * nothing installed → full; same version → none; older manifest → reject (rollback);
 * a diff from exactly the installed version → diff; otherwise → full.
 */
export function planUpdate(current: InstalledFeed | null, manifest: FeedManifest): UpdatePlan {
  const full = { action: 'full', part: manifest.full, toVersion: manifest.listVersion } as const;
  if (!current) return full;
  if (current.listId !== manifest.listId) return { action: 'reject', error: { code: 'list-mismatch', message: `subscription holds list "${current.listId}", the server now serves "${manifest.listId}"` } };
  if (manifest.listVersion < current.listVersion) {
    return { action: 'reject', error: { code: 'rollback', message: `server offers version() ${manifest.listVersion}, older than the installed ${current.listVersion}: refused` } };
  }
  if (manifest.listVersion === current.listVersion) return { action: 'none', reason: 'up-to-date' };
  const d = manifest.diffs.find((x) => x.from === current.listVersion);
  return d ? { action: 'diff', part: d, fromVersion: d.from, toVersion: manifest.listVersion } : full;
}

/** Feed entries → ListEntry with the subscription's source id. */
export function feedEntriesToList(entries: readonly FeedEntry[], source: string): ListEntry[] {
  return entries.map((e) => {
    const out: ListEntry = { kind: e.kind, value: e.value, action: e.action, category: e.category, source, firstSeen: e.firstSeen };
    if (e.expires !== undefined) out.expires = e.expires;
    return out;
  });
}

export function feedIdentifiersToList(ids: readonly FeedIdentifier[], source: string): IdentifierEntry[] {
  return ids.map((e) => {
    const out: IdentifierEntry = { kind: e.kind, value: e.value, category: e.category, source, firstSeen: e.firstSeen };
    if (e.expires !== undefined) out.expires = e.expires;
    return out;
  });
}

/** Apply a diff to a snapshot, producing the next snapshot (used by the CLI and tests; the glue applies diffs to the index). */
export function applyDiffToSnapshot(s: FeedSnapshot, d: FeedDiff): FeedSnapshot {
  const k = (e: { kind: string; value: string }) => `${e.kind}:${e.value}`;
  const removed = new Set(d.remove.map((r) => `${k(r)}|${r.action}`));
  const entries = s.entries.filter((e) => !removed.has(`${k(e)}|${e.action}`));
  const have = new Set(entries.map(k));
  for (const a of d.add) if (!have.has(k(a))) entries.push(a);
  const removedIds = new Set((d.removeIdentifiers ?? []).map(k));
  const identifiers = (s.identifiers ?? []).filter((e) => !removedIds.has(k(e)));
  const haveIds = new Set(identifiers.map(k));
  for (const a of d.addIdentifiers ?? []) if (!haveIds.has(k(a))) identifiers.push(a);
  return { format: 'scamsentinel-list', listId: s.listId, listVersion: d.to, entries, identifiers };
}

/** The diff that turns snapshot `a` into snapshot `b` (same list). */
export function computeDiff(a: FeedSnapshot, b: FeedSnapshot): FeedDiff {
  const k = (e: { kind: string; value: string; action?: string }) => `${e.kind}:${e.value}|${e.action ?? ''}`;
  const inA = new Map(a.entries.map((e) => [k(e), e]));
  const inB = new Map(b.entries.map((e) => [k(e), e]));
  const add = b.entries.filter((e) => {
    const old = inA.get(k(e));
    return !old || old.category !== e.category || old.expires !== e.expires || old.firstSeen !== e.firstSeen;
  });
  const changed = new Set(add.map(k));
  const remove = a.entries.filter((e) => !inB.has(k(e)) || changed.has(k(e))).map((e) => ({ kind: e.kind, value: e.value, action: e.action }));
  const idA = new Set((a.identifiers ?? []).map((e) => k(e)));
  const idB = new Set((b.identifiers ?? []).map((e) => k(e)));
  const diff: FeedDiff = { format: 'scamsentinel-diff', listId: b.listId, from: a.listVersion, to: b.listVersion, add, remove };
  const addIdentifiers = (b.identifiers ?? []).filter((e) => !idA.has(k(e)));
  const removeIdentifiers = (a.identifiers ?? []).filter((e) => !idB.has(k(e))).map((e) => ({ kind: e.kind, value: e.value }));
  if (addIdentifiers.length) diff.addIdentifiers = addIdentifiers;
  if (removeIdentifiers.length) diff.removeIdentifiers = removeIdentifiers;
  return diff;
}

// ---------- publishing (used by `sentinel feed build` and tests) ----------

export interface BuiltFeed {
  manifest: FeedManifest;
  /** File name → bytes, ready to upload as static files next to each other. */
  files: Map<string, Uint8Array>;
}

/**
 * Build every file of a feed version: full snapshot, diffs from each earlier snapshot
 * given, and the signed manifest. Deterministic for the same inputs and `created`.
 */
export async function buildFeed(
  snapshot: FeedSnapshot,
  previous: readonly FeedSnapshot[],
  keys: Pick<FeedKeyPair, 'privateKey' | 'publicKey'>,
  opts: { created: string; title?: string; subtle?: SubtleCrypto },
): Promise<BuiltFeed> {
  const subtle = opts.subtle ?? crypto.subtle;
  const bad = checkEntries(snapshot.entries, snapshot.identifiers ?? [], 'snapshot');
  if (bad) throw new Error(bad.message);
  const files = new Map<string, Uint8Array>();
  const fullName = `full-${snapshot.listVersion}.json`;
  const fullBytes = enc.encode(JSON.stringify(snapshot) + '\n');
  files.set(fullName, fullBytes);
  const diffs: FeedManifest['diffs'] = [];
  for (const prev of previous) {
    if (prev.listId !== snapshot.listId) throw new Error(`previous snapshot is for list "${prev.listId}", not "${snapshot.listId}"`);
    if (prev.listVersion >= snapshot.listVersion) throw new Error(`previous version() ${prev.listVersion} is not older than ${snapshot.listVersion}`);
    const name = `diff-${prev.listVersion}-${snapshot.listVersion}.json`;
    const bytes = enc.encode(JSON.stringify(computeDiff(prev, snapshot)) + '\n');
    files.set(name, bytes);
    diffs.push({ from: prev.listVersion, path: name, sha256: await sha256Hex(bytes, subtle), bytes: bytes.length });
  }
  const manifest: FeedManifest = {
    format: 'scamsentinel-feed',
    formatVersion: FEED_FORMAT_VERSION,
    listId: snapshot.listId,
    listVersion: snapshot.listVersion,
    created: opts.created,
    ...(opts.title ? { title: opts.title } : {}),
    full: { path: fullName, sha256: await sha256Hex(fullBytes, subtle), bytes: fullBytes.length, entries: snapshot.entries.length },
    diffs,
  };
  files.set('manifest', await signManifest(manifest, keys, subtle));
  return { manifest, files };
}
