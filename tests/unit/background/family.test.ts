/** src/background/family.ts: the background, not the page, decides (PIN, code, lock, gate). */
import { describe, expect, test } from 'vitest';
import { createFamily, FAMILY_LOG_KEY, GUARDIAN_KEY } from '../../../src/background/family';
import type { Handlers } from '../../../src/background/router';
import { memoryArea } from '../support/memory-area';
import { DEFAULT_SETTINGS } from '../../../src/settings/schema';
import { base32Encode } from '../../../src/guardian/base32';
import { totp } from '../../../src/guardian/totp';

const SECRET = new TextEncoder().encode('12345678901234567890');

function setup(opts: { elder?: boolean } = {}) {
  let now = 1_700_000_000_000;
  const local = memoryArea({ settings: { ...DEFAULT_SETTINGS, elderMode: opts.elder ?? true } });
  const session = memoryArea();
  const proceeded: string[] = [];
  const innerCalls: string[] = [];
  const fam = createFamily({
    local,
    session,
    now: () => now,
    proceedOnce: async (url) => {
      proceeded.push(url);
      return { ok: true, host: new URL(url).hostname };
    },
    canonicalHost: (url) => new URL(url).hostname,
    lists: { userLists: async () => ({ allow: [], block: [] }), setUserHost: async () => undefined, subscriptions: async () => [], addSubscription: async () => undefined },
    tabs: { create: async () => undefined, reload: async () => undefined },
    warningPage: 'chrome-extension://x/warning.html',
  });
  const inner: Partial<Handlers> = {
    'ui-bg/proceed': async (p) => {
      innerCalls.push(`proceed:${p.scope}`);
      return { ok: true, host: 'a.example' };
    },
    'ui-bg/lists-user-set': async (p) => {
      innerCalls.push(`user:${p.action}:${p.present}`);
      return { ok: true, error: null };
    },
  };
  const gated = fam.gate(inner);
  const h = fam.handlers as Required<Handlers>;
  return { fam, h, gated: gated as Required<Handlers>, local, session, proceeded, innerCalls, setNow: (t: number) => (now = t), getNow: () => now };
}
const sender = {};

describe('guardian in the background', () => {
  test('without a PIN nothing is locked; with one, settings and the allowlist are refused until it is entered', async () => {
    const s = setup();
    expect(await s.h['ui-bg/settings-save']({ patch: { sensitivity: 'strict' } }, sender)).toEqual({ ok: true, error: null });
    expect(await s.h['ui-bg/guardian-set-pin']({ pin: '2468' }, sender)).toEqual({ ok: true, error: null });
    await s.h['ui-bg/guardian-lock']({}, sender);
    expect(await s.h['ui-bg/settings-save']({ patch: { elderMode: false } }, sender)).toEqual({ ok: false, error: 'locked' });
    expect(await s.gated['ui-bg/lists-user-set']({ host: 'x.example', action: 'allow', present: true }, sender)).toEqual({ ok: false, error: 'locked' });
    expect(await s.gated['ui-bg/proceed']({ url: 'https://a.example/', scope: 'always' }, sender)).toEqual({ ok: false, host: null });
    expect(await s.gated['ui-bg/proceed']({ url: 'https://a.example/', scope: 'once' }, sender)).toEqual({ ok: false, host: null });
    // adding protection is always allowed
    expect(await s.gated['ui-bg/lists-user-set']({ host: 'x.example', action: 'block', present: true }, sender)).toEqual({ ok: true, error: null });
    expect(s.innerCalls).toEqual(['user:block:true']);
    expect(JSON.stringify(s.local.data[GUARDIAN_KEY])).not.toContain('"2468"');
    expect((await s.h['ui-bg/guardian-unlock']({ pin: '2468' }, sender)).ok).toBe(true);
    expect(await s.h['ui-bg/settings-save']({ patch: { elderMode: false } }, sender)).toEqual({ ok: true, error: null });
  });

  test('unlock expires after 10 minutes', async () => {
    const s = setup();
    await s.h['ui-bg/guardian-set-pin']({ pin: '2468' }, sender);
    s.setNow(s.getNow() + 10 * 60_000 + 1);
    expect(await s.h['ui-bg/settings-save']({ patch: { sensitivity: 'relaxed' } }, sender)).toEqual({ ok: false, error: 'locked' });
  });

  test('guarded proceed: a wrong PIN or code does nothing; the right code proceeds once and is logged', async () => {
    const s = setup();
    await s.h['ui-bg/guardian-set-pin']({ pin: '2468' }, sender);
    s.local.data[GUARDIAN_KEY] = { ...(s.local.data[GUARDIAN_KEY] as object), totpSecret: base32Encode(SECRET) };
    const url = 'https://scam.example/pay';
    expect((await s.h['ui-bg/guardian-proceed']({ url, pin: '1111', source: 'list' }, sender)).ok).toBe(false);
    expect((await s.h['ui-bg/guardian-proceed']({ url, code: '000000', source: 'list' }, sender)).ok).toBe(false);
    expect((await s.h['ui-bg/guardian-proceed']({ url, source: 'list' }, sender)).error).toBe('missing');
    expect(s.proceeded).toEqual([]);
    const code = await totp(SECRET, s.getNow());
    expect(await s.h['ui-bg/guardian-proceed']({ url, code, source: 'page', category: 'investment' }, sender)).toMatchObject({ ok: true, host: 'scam.example' });
    expect(s.proceeded).toEqual([url]);
    expect((await s.h['ui-bg/guardian-proceed']({ url, code, source: 'page' }, sender)).ok).toBe(false); // replay
    expect(s.local.data[FAMILY_LOG_KEY]).toEqual([{ time: s.getNow(), kind: 'proceeded', source: 'page', category: 'investment', host: 'scam.example', via: 'code' }]);
  });

  test('five wrong PINs lock, even the right PIN, until the delay passes', async () => {
    const s = setup();
    await s.h['ui-bg/guardian-set-pin']({ pin: '2468' }, sender);
    for (let i = 0; i < 4; i++) expect(await s.h['ui-bg/guardian-unlock']({ pin: '0000' }, sender)).toMatchObject({ ok: false, error: 'wrong', triesLeft: 4 - i });
    expect(await s.h['ui-bg/guardian-unlock']({ pin: '0000' }, sender)).toMatchObject({ ok: false, error: 'locked', lockedUntil: s.getNow() + 30_000 });
    expect(await s.h['ui-bg/guardian-unlock']({ pin: '2468' }, sender)).toMatchObject({ ok: false, error: 'locked' });
    s.setNow(s.getNow() + 30_001);
    expect(await s.h['ui-bg/guardian-unlock']({ pin: '2468' }, sender)).toMatchObject({ ok: true, triesLeft: 5 });
  });

  test('outside elder mode plain "continue once" is not gated, and it is logged', async () => {
    const s = setup({ elder: false });
    await s.h['ui-bg/guardian-set-pin']({ pin: '2468' }, sender);
    await s.h['ui-bg/guardian-lock']({}, sender);
    expect(await s.gated['ui-bg/proceed']({ url: 'https://a.example/', scope: 'once' }, sender)).toEqual({ ok: true, host: 'a.example' });
    expect((s.local.data[FAMILY_LOG_KEY] as Array<{ via: string }>)[0]!.via).toBe('none');
  });
});
