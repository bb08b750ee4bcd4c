import { describe, expect, test } from 'vitest';
import { exportSetupCode, importSetupCode, SETUP_FORMAT, SETUP_VERSION, type SetupConfig } from '../../../src/guardian/setup-code';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../../src/settings/schema';
import { hashPin } from '../../../src/guardian/pin';

const FAST = { now: 1_700_000_000_000, iterations: 100_000 };
const PASS = '女儿的口令 2026';

async function config(): Promise<SetupConfig> {
  return {
    settings: { ...DEFAULT_SETTINGS, elderMode: true, sensitivity: 'strict', familyContact: { name: '小芳', phone: '138 0000 0000', relation: 'daughter' } },
    guardian: { pin: await hashPin('2468', { iterations: 200_000 }), totpSecret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' },
    lists: { allow: ['bank.example'], block: ['scam.example'], subscriptions: [{ url: 'https://lists.example/feed.json', format: 'feed', name: 'Feed', publicKey: 'k' }] },
  };
}

describe('setup code round trip', () => {
  test('everything comes back; no secret is readable in the file', async () => {
    const c = await config();
    const text = await exportSetupCode(c, PASS, FAST);
    for (const secret of ['GEZDGNBV', c.guardian.pin!.hash, '小芳', '138', 'scam.example']) expect(text).not.toContain(secret);
    const back = await importSetupCode(text, PASS);
    expect(back).toEqual({ ok: true, config: c });
  });
  test('a code whose settings are version 1 (made before elder mode) imports, migrated, nothing lost', async () => {
    const c = await config();
    const v1 = { version: 1, sensitivity: 'relaxed', disabledCategories: ['gambling'], language: 'zh-TW', familyContact: { name: '阿明', phone: '021-1234567' } };
    const text = await exportSetupCode({ ...c, settings: v1 as unknown as SetupConfig['settings'] }, PASS, FAST);
    const back = await importSetupCode(text, PASS);
    expect(back.ok && back.config.settings).toEqual({ ...v1, version: SETTINGS_VERSION, elderMode: false, shareSiteNames: false });
  });
  test('a short passphrase is refused at export', async () => {
    await expect(exportSetupCode(await config(), 'short', FAST)).rejects.toThrow('passphrase-short');
  });
});

describe('bad setup codes give a clear error', () => {
  let good = '';
  const get = async () => (good ||= await exportSetupCode(await config(), PASS, FAST));
  const mutate = async (fn: (o: Record<string, unknown>) => void) => {
    const o = JSON.parse(await get());
    fn(o);
    return JSON.stringify(o);
  };
  const flip = (b64: string) => {
    const bytes = Buffer.from(b64, 'base64');
    const i = Math.floor(bytes.length / 2);
    bytes[i] = bytes[i]! ^ 1;
    return bytes.toString('base64');
  };
  test('wrong passphrase', async () => expect(await importSetupCode(await get(), 'not the passphrase')).toEqual({ ok: false, error: 'wrong-passphrase' }));
  test('truncated file', async () => expect(await importSetupCode((await get()).slice(0, 200), PASS)).toEqual({ ok: false, error: 'damaged' }));
  test('ciphertext tampered', async () => expect(await importSetupCode(await mutate((o) => (o.data = flip(o.data as string))), PASS)).toEqual({ ok: false, error: 'tampered' }));
  test('ciphertext cut short but still valid JSON', async () =>
    expect(await importSetupCode(await mutate((o) => (o.data = (o.data as string).slice(0, 40))), PASS)).toEqual({ ok: false, error: 'tampered' }));
  test('header tampered (iterations changed) is not accepted', async () => {
    const res = await importSetupCode(await mutate((o) => ((o.kdf as { iterations: number }).iterations = 100_001)), PASS);
    expect(res.ok).toBe(false);
  });
  test('a newer format version', async () => expect(await importSetupCode(await mutate((o) => (o.version = SETUP_VERSION + 1)), PASS)).toEqual({ ok: false, error: 'newer-version' }));
  test('not a setup code at all', async () => {
    expect(await importSetupCode('hello', PASS)).toEqual({ ok: false, error: 'not-setup-code' });
    expect(await importSetupCode('{"format":"other"}', PASS)).toEqual({ ok: false, error: 'not-setup-code' });
    expect(await importSetupCode(42, PASS)).toEqual({ ok: false, error: 'not-setup-code' });
  });
  test('a missing field', async () => expect(await importSetupCode(await mutate((o) => delete o.iv), PASS)).toEqual({ ok: false, error: 'damaged' }));
  test('the file says what it is', async () => expect(JSON.parse(await get()).format).toBe(SETUP_FORMAT));
});
