/** `sentinel check-id` through a fake CliIo: "listed" and "not listed" groups. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run as checkId } from '../../../src/cli/commands/check-id';
import type { CliIo } from '../../../src/cli/io';

function fakeIo(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), stdin: async () => '', readFile: (p) => files[p] ?? readFileSync(p, 'utf8') };
  return { io, out, err };
}
const LIST = { 'ids.txt': 'phone:13800138000\nusdt:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t\nwechat:scam_kefu01\nqq:12345678\nphone:95588\n' };

async function check(value: string, ...extra: string[]) {
  const { io, out } = fakeIo(LIST);
  const code = await checkId([value, '--list', 'ids.txt', '--json', ...extra], io);
  return { code, r: JSON.parse(out[0]!) as { identifiers: Array<{ kind: string; value: string; genuine: boolean; listed: unknown[] }> } };
}

describe('listed', () => {
  it.each([
    ['1 3 8-0013-8000', 'phone', '13800138000'],
    ['１３８００１３８０００', 'phone', '13800138000'],
    ['phone:+86 138 0013 8000', 'phone', '13800138000'],
    ['TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'usdtAddress', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'],
    ['薇信：scam_kefu01', 'wechat', 'scam_kefu01'],
    ['12345678', 'qq', '12345678'],
  ])('%j → %s %s', async (input, kind, value) => {
    const { code, r } = await check(input);
    expect(code).toBe(0);
    expect(r.identifiers[0]).toMatchObject({ kind, value, genuine: false, listed: [{ source: 'file:ids.txt' }] });
  });
});

describe('not listed', () => {
  it('a genuine service number is never flagged, even when the list carries it', async () => {
    const { r } = await check('95588');
    expect(r.identifiers[0]).toMatchObject({ kind: 'phone', value: '95588', genuine: true, listed: [] });
  });
  it('an unlisted mobile number', async () => {
    const { r } = await check('139 0000 1111');
    expect(r.identifiers[0]).toMatchObject({ kind: 'phone', value: '13900001111', listed: [] });
  });
  it('text with no identifier exits 2', async () => {
    const { io } = fakeIo(LIST);
    expect(await checkId(['hello', '--list', 'ids.txt'], io)).toBe(2);
  });
});
