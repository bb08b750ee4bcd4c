/**
 * Families and elderly relatives (issue 9), the background half: the guardian PIN and
 * approval code are CHECKED HERE (the pages only collect what was typed), the family log
 * is written here, and the blacklist's "always allow", list and allowlist changes are
 * refused while a PIN is set and not entered (gate()).
 *
 * Everything lives in extension storage, never in module memory (ARCHITECTURE.md, lesson 6):
 *   storage.local   `guardian`            GuardianRecord (PIN hash, approval secret, wrong-PIN count)
 *                   `guardian:log`        FamilyEvent[] (newest last, capped, 60 days)
 *   storage.session `guardian:unlocked`   time until which the PIN counts as entered
 *                   `guardian:pending`    approval secret shown as a QR code, not yet confirmed
 * Nothing here sends anything anywhere.
 */
import type { Handlers, MessageSender } from './router';
import type { StorageArea } from '../settings/store';
import { loadSettings } from '../settings/store';
import { migrateSettings, settingsSchema, STORAGE_KEYS } from '../settings/schema';
import { hashPin, pinRecordSchema, validPin, verifyPin, type PinRecord } from '../guardian/pin';
import { afterFailure, isLocked, triesLeft, UNLOCKED, type LockState } from '../guardian/lockout';
import { base32Decode, base32Encode } from '../guardian/base32';
import { otpauthUri, verifyTotp } from '../guardian/totp';
import { randomBytes } from '../guardian/bytes';
import { familyEventSchema, summarize, type FamilyEvent } from '../guardian/summary';
import { exportSetupCode, importSetupCode, MIN_PASSPHRASE, type SetupConfig } from '../guardian/setup-code';

export const GUARDIAN_KEY = 'guardian';
export const FAMILY_LOG_KEY = 'guardian:log';
export const UNLOCKED_KEY = 'guardian:unlocked';
export const PENDING_TOTP_KEY = 'guardian:pending';
/** A PIN entry unlocks settings for this long (and for this browser session at most). */
export const UNLOCK_MS = 10 * 60_000;
export const MAX_LOG = 3000;
const LOG_DAYS = 60;
const DAY = 86_400_000;

export interface GuardianRecord {
  pin: PinRecord | null;
  /** base32, as the authenticator app has it. */
  totpSecret: string | null;
  /** Last accepted approval-code step: the same code is never accepted twice. */
  lastTotpStep: number;
  lock: LockState;
}
const EMPTY: GuardianRecord = { pin: null, totpSecret: null, lastTotpStep: -1, lock: UNLOCKED };

export interface FamilyDeps {
  local: StorageArea;
  session: StorageArea;
  now: () => number;
  /** "Continue once" for the URL's host (the blacklist's bypass). */
  proceedOnce: (url: string) => Promise<{ ok: boolean; host: string | null }>;
  canonicalHost: (url: string) => string | null;
  lists: {
    userLists(): Promise<{ allow: Array<{ host: string }>; block: Array<{ host: string }> }>;
    setUserHost(host: string, action: 'allow' | 'block', present: boolean): Promise<unknown>;
    subscriptions(): Promise<Array<{ url: string; format: SetupConfig['lists']['subscriptions'][number]['format']; name: string; publicKey?: string }>>;
    addSubscription(s: SetupConfig['lists']['subscriptions'][number]): Promise<void>;
  };
  tabs: { create(props: { url: string; openerTabId?: number }): Promise<unknown>; reload(tabId: number): Promise<unknown> };
  /** chrome.tts where the browser has it (Chrome); undefined (Firefox) → the page speaks itself. */
  speak?: (text: string) => Promise<boolean>;
  warningPage: string;
  log?: (msg: string) => void;
}

function parseRecord(raw: unknown): GuardianRecord {
  if (!raw || typeof raw !== 'object') return { ...EMPTY };
  const r = raw as Record<string, unknown>;
  const pin = pinRecordSchema.safeParse(r.pin);
  const secret = typeof r.totpSecret === 'string' && /^[A-Z2-7]{16,128}$/.test(r.totpSecret) ? r.totpSecret : null;
  const lock = r.lock as LockState | undefined;
  return {
    pin: pin.success ? pin.data : null,
    totpSecret: secret,
    lastTotpStep: typeof r.lastTotpStep === 'number' ? r.lastTotpStep : -1,
    lock: lock && typeof lock.failures === 'number' && typeof lock.lockedUntil === 'number' ? { failures: lock.failures, lockedUntil: lock.lockedUntil } : UNLOCKED,
  };
}

/** Wording helper for responses. */
const answer = (ok: boolean, error: string | null, lock: LockState, now: number) => ({
  ok,
  error,
  lockedUntil: isLocked(lock, now) ? lock.lockedUntil : null,
  triesLeft: triesLeft(lock),
});

export function createFamily(deps: FamilyDeps) {
  // One read-modify-write at a time for the guardian record and the log (a lock, not state).
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const readRecord = async () => parseRecord((await deps.local.get(GUARDIAN_KEY))[GUARDIAN_KEY]);
  const writeRecord = (r: GuardianRecord) => deps.local.set({ [GUARDIAN_KEY]: r });

  async function isUnlocked(record?: GuardianRecord): Promise<boolean> {
    const r = record ?? (await readRecord());
    if (!r.pin) return true; // nothing to protect with
    const until = (await deps.session.get(UNLOCKED_KEY))[UNLOCKED_KEY];
    return typeof until === 'number' && until > deps.now();
  }

  async function approvalRequired(): Promise<boolean> {
    const [settings, r] = await Promise.all([loadSettings(deps.local), readRecord()]);
    return settings.elderMode && Boolean(r.pin || r.totpSecret);
  }

  async function logEvent(e: FamilyEvent): Promise<void> {
    await serial(async () => {
      const raw = (await deps.local.get(FAMILY_LOG_KEY))[FAMILY_LOG_KEY];
      const cutoff = deps.now() - LOG_DAYS * DAY;
      const list = (Array.isArray(raw) ? raw : []).filter((x) => familyEventSchema.safeParse(x).success && (x as FamilyEvent).time >= cutoff) as FamilyEvent[];
      // The same warning from the same site within a minute is one warning (rescans repeat it).
      const dup = list.some((x) => x.kind === e.kind && x.kind === 'warning' && x.host === e.host && x.category === e.category && e.time - x.time < 60_000);
      if (!dup) list.push(e);
      await deps.local.set({ [FAMILY_LOG_KEY]: list.slice(-MAX_LOG) });
    });
  }

  /** PIN check with the wrong-try lockout. */
  async function checkPin(pin: string): Promise<{ ok: boolean; error: string | null; lock: LockState }> {
    return serial(async () => {
      const r = await readRecord();
      const now = deps.now();
      if (!r.pin) return { ok: false, error: 'no-pin', lock: r.lock };
      if (isLocked(r.lock, now)) return { ok: false, error: 'locked', lock: r.lock };
      if (await verifyPin(pin, r.pin)) {
        await writeRecord({ ...r, lock: UNLOCKED });
        return { ok: true, error: null, lock: UNLOCKED };
      }
      const lock = afterFailure(r.lock, now);
      await writeRecord({ ...r, lock });
      return { ok: false, error: isLocked(lock, now) ? 'locked' : 'wrong', lock };
    });
  }

  async function checkCode(code: string): Promise<boolean> {
    return serial(async () => {
      const r = await readRecord();
      const secret = r.totpSecret ? base32Decode(r.totpSecret) : null;
      if (!secret) return false;
      const step = await verifyTotp(secret, code, deps.now(), r.lastTotpStep);
      if (step === null) return false;
      await writeRecord({ ...r, lastTotpStep: step });
      return true;
    });
  }

  const unlock = () => deps.session.set({ [UNLOCKED_KEY]: deps.now() + UNLOCK_MS });
  const hostOf = (url?: string) => (url ? deps.canonicalHost(url) : null);

  async function currentConfig(): Promise<SetupConfig> {
    const [settings, r, user, subs] = await Promise.all([loadSettings(deps.local), readRecord(), deps.lists.userLists(), deps.lists.subscriptions()]);
    return {
      settings,
      guardian: { pin: r.pin, totpSecret: r.totpSecret },
      lists: { allow: user.allow.map((u) => u.host), block: user.block.map((u) => u.host), subscriptions: subs.slice(0, 20) },
    };
  }

  const handlers: Partial<Handlers> = {
    async 'ui-bg/guardian-status'() {
      const [settings, r] = await Promise.all([loadSettings(deps.local), readRecord()]);
      const now = deps.now();
      return {
        pinSet: Boolean(r.pin),
        totpSet: Boolean(r.totpSecret),
        locked: !(await isUnlocked(r)),
        lockedUntil: isLocked(r.lock, now) ? r.lock.lockedUntil : null,
        triesLeft: triesLeft(r.lock),
        elderMode: settings.elderMode,
        approvalRequired: settings.elderMode && Boolean(r.pin || r.totpSecret),
      };
    },
    async 'ui-bg/guardian-unlock'({ pin }) {
      const res = await checkPin(pin);
      if (res.ok) await unlock();
      return answer(res.ok, res.error, res.lock, deps.now());
    },
    async 'ui-bg/guardian-lock'() {
      await deps.session.remove(UNLOCKED_KEY);
      return { ok: true };
    },
    async 'ui-bg/guardian-set-pin'({ pin }) {
      if (!(await isUnlocked())) return { ok: false, error: 'locked' };
      if (pin !== '' && !validPin(pin)) return { ok: false, error: 'pin' };
      const record = pin ? await hashPin(pin) : null;
      await serial(async () => writeRecord({ ...(await readRecord()), pin: record, lock: UNLOCKED }));
      if (record) await unlock();
      return { ok: true, error: null };
    },
    async 'ui-bg/guardian-totp-begin'({ label }) {
      if (!(await isUnlocked())) return { ok: false, error: 'locked', secret: null, uri: null };
      const secret = base32Encode(randomBytes(20)); // 160 bits, RFC 4226's recommended length
      await deps.session.set({ [PENDING_TOTP_KEY]: secret });
      return { ok: true, error: null, secret, uri: otpauthUri(secret, label.trim() || 'family', '反诈哨兵') };
    },
    async 'ui-bg/guardian-totp-confirm'({ code }) {
      if (!(await isUnlocked())) return { ok: false, error: 'locked' };
      const pending = (await deps.session.get(PENDING_TOTP_KEY))[PENDING_TOTP_KEY];
      const bytes = typeof pending === 'string' ? base32Decode(pending) : null;
      if (!bytes || typeof pending !== 'string') return { ok: false, error: 'no-pending' };
      const step = await verifyTotp(bytes, code, deps.now());
      if (step === null) return { ok: false, error: 'wrong' };
      await serial(async () => writeRecord({ ...(await readRecord()), totpSecret: pending, lastTotpStep: step }));
      await deps.session.remove(PENDING_TOTP_KEY);
      return { ok: true, error: null };
    },
    async 'ui-bg/guardian-totp-remove'() {
      if (!(await isUnlocked())) return { ok: false, error: 'locked' };
      await serial(async () => writeRecord({ ...(await readRecord()), totpSecret: null, lastTotpStep: -1 }));
      return { ok: true, error: null };
    },
    async 'ui-bg/guardian-proceed'({ url, pin, code, source, category, tabId }) {
      const host = hostOf(url);
      const r = await readRecord();
      const fail = (error: string, lock = r.lock) => ({ ...answer(false, error, lock, deps.now()), host: null });
      if (!host) return fail('url');
      let via: 'pin' | 'code' | null = null;
      if (pin) {
        const res = await checkPin(pin);
        if (!res.ok) return fail(res.error ?? 'wrong', res.lock);
        via = 'pin';
      } else if (code) {
        if (!(await checkCode(code))) return fail('wrong-code');
        via = 'code';
      } else return fail('missing');
      const res = await deps.proceedOnce(url);
      if (!res.ok) return fail('failed');
      await logEvent({ time: deps.now(), kind: 'proceeded', source, category: category ?? null, host, via });
      if (tabId !== undefined) await deps.tabs.reload(tabId).catch(() => undefined);
      return { ...answer(true, null, UNLOCKED, deps.now()), host: res.host };
    },
    async 'ui-bg/settings-save'({ patch }) {
      if (!(await isUnlocked())) return { ok: false, error: 'locked' };
      const current = await loadSettings(deps.local);
      const next = settingsSchema.safeParse({ ...current, ...patch, version: current.version });
      if (!next.success) return { ok: false, error: 'invalid' };
      await deps.local.set({ [STORAGE_KEYS.settings]: next.data });
      return { ok: true, error: null };
    },
    async 'ui-bg/family-event'({ url, kind, source, category }) {
      await logEvent({ time: deps.now(), kind, source, category: category ?? null, host: hostOf(url) });
      return { ok: true };
    },
    async 'cs-bg/family-event'({ url, kind, source, category }, sender: MessageSender) {
      // A page can only log about itself: the host is the sender tab's, not what it claims.
      const host = hostOf(sender.tab?.url ?? url);
      await logEvent({ time: deps.now(), kind, source, category: category ?? null, host });
      return { ok: true };
    },
    async 'cs-bg/read-aloud'({ text }) {
      if (!deps.speak || !(await loadSettings(deps.local)).elderMode) return { spoken: false };
      return { spoken: await deps.speak(text).catch(() => false) };
    },
    async 'cs-bg/request-approval'({ url }, sender: MessageSender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined || !(await loadSettings(deps.local)).elderMode) return { ok: false };
      const page = `${deps.warningPage}?u=${encodeURIComponent(url)}&k=page&tab=${tabId}`;
      await deps.tabs.create({ url: page, openerTabId: tabId });
      return { ok: true };
    },
    async 'ui-bg/guardian-summary'() {
      if (!(await isUnlocked())) return { ok: false, error: 'locked', summary: null };
      const settings = await loadSettings(deps.local);
      const raw = (await deps.local.get(FAMILY_LOG_KEY))[FAMILY_LOG_KEY];
      const events = (Array.isArray(raw) ? raw : []).flatMap((x) => {
        const p = familyEventSchema.safeParse(x);
        return p.success ? [p.data] : [];
      });
      return { ok: true, error: null, summary: summarize(events, { now: deps.now(), shareSiteNames: settings.shareSiteNames }) };
    },
    async 'ui-bg/setup-export'({ passphrase }) {
      if (!(await isUnlocked())) return { ok: false, error: 'locked', text: null };
      if (passphrase.length < MIN_PASSPHRASE) return { ok: false, error: 'passphrase-short', text: null };
      return { ok: true, error: null, text: await exportSetupCode(await currentConfig(), passphrase, { now: deps.now() }) };
    },
    async 'ui-bg/setup-import'({ text, passphrase }) {
      // Not behind the PIN on purpose: a fresh setup code from the guardian IS the way to
      // recover a forgotten PIN (it needs the guardian's passphrase).
      const res = await importSetupCode(text, passphrase);
      if (!res.ok) return { ok: false, error: res.error };
      await applyConfig(res.config);
      return { ok: true, error: null };
    },
  };

  /** Replace the configuration with an imported one (already decrypted and validated). */
  async function applyConfig(config: SetupConfig): Promise<void> {
    await deps.local.set({ [STORAGE_KEYS.settings]: migrateSettings(config.settings) });
    await serial(async () => writeRecord({ pin: config.guardian.pin, totpSecret: config.guardian.totpSecret, lastTotpStep: -1, lock: UNLOCKED }));
    await deps.session.remove(UNLOCKED_KEY);
    const user = await deps.lists.userLists();
    const keepAllow = new Set(config.lists.allow);
    const keepBlock = new Set(config.lists.block);
    for (const u of user.allow) if (!keepAllow.has(u.host)) await deps.lists.setUserHost(u.host, 'allow', false);
    for (const u of user.block) if (!keepBlock.has(u.host)) await deps.lists.setUserHost(u.host, 'block', false);
    for (const h of keepAllow) await deps.lists.setUserHost(h, 'allow', true);
    for (const h of keepBlock) await deps.lists.setUserHost(h, 'block', true);
    const have = new Set((await deps.lists.subscriptions()).map((s) => s.url));
    for (const s of config.lists.subscriptions) {
      if (!have.has(s.url)) await deps.lists.addSubscription(s).catch((err: unknown) => deps.log?.(`setup code: list ${s.url} not added: ${String(err)}`));
    }
  }

  /**
   * Wrap the blacklist's handlers: with a PIN set and not entered, changing lists, the
   * allowlist and "always allow" is refused; in elder mode with a guardian, plain
   * "continue once" is refused too (the warning page asks for the PIN or a code instead).
   * Every proceed is logged.
   */
  function gate(inner: Partial<Handlers>): Partial<Handlers> {
    const out: Partial<Handlers> = { ...inner };
    const locked = async () => !(await isUnlocked());
    if (inner['ui-bg/lists-add']) out['ui-bg/lists-add'] = async (p, s) => ((await locked()) ? { ok: false, error: 'locked', list: null } : inner['ui-bg/lists-add']!(p, s));
    if (inner['ui-bg/lists-remove']) out['ui-bg/lists-remove'] = async (p, s) => ((await locked()) ? { ok: false, error: 'locked' } : inner['ui-bg/lists-remove']!(p, s));
    if (inner['ui-bg/lists-user-set'])
      out['ui-bg/lists-user-set'] = async (p, s) => {
        // Adding a site to the person's own block list only adds protection: always allowed.
        const addsProtection = p.action === 'block' && p.present;
        return !addsProtection && (await locked()) ? { ok: false, error: 'locked' } : inner['ui-bg/lists-user-set']!(p, s);
      };
    if (inner['ui-bg/undo-allow']) out['ui-bg/undo-allow'] = async (p, s) => ((await locked()) ? { ok: false } : inner['ui-bg/undo-allow']!(p, s));
    if (inner['ui-bg/proceed'])
      out['ui-bg/proceed'] = async (p, s) => {
        if (p.scope === 'always' && (await locked())) return { ok: false, host: null };
        if (p.scope === 'once' && (await approvalRequired())) return { ok: false, host: null };
        const res = await inner['ui-bg/proceed']!(p, s);
        if (res.ok) await logEvent({ time: deps.now(), kind: 'proceeded', source: 'list', category: null, host: res.host, via: 'none' });
        return res;
      };
    return out;
  }

  return {
    handlers,
    gate,
    logEvent,
  };
}
export type Family = ReturnType<typeof createFamily>;
