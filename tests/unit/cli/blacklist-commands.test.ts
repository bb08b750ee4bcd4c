/** `sentinel check-url` and `sentinel feed` through a fake CliIo (no subprocess). */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as checkUrl } from '../../../src/cli/commands/check-url';
import { run as feed } from '../../../src/cli/commands/feed';
import type { CliIo } from '../../../src/cli/io';

function fakeIo(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    stdin: async () => '',
    readFile: (p) => files[p] ?? readFileSync(p, 'utf8'),
  };
  return { io, out, err };
}

describe('check-url --json', () => {
  it('blocks a seed demo domain, with canonical URL and expressions', async () => {
    const { io, out } = fakeIo();
    expect(await checkUrl(['HTTPS://WWW.Scam-Demo.Example/a/../b#x', '--json'], io)).toBe(0);
    const r = JSON.parse(out[0]!);
    expect(r.canonical).toBe('https://www.scam-demo.example/b');
    expect(r.expressions).toEqual(['www.scam-demo.example/b', 'www.scam-demo.example/', 'scam-demo.example/b', 'scam-demo.example/']);
    expect(r.verdict).toMatchObject({ result: 'block', type: 'blocklist', match: 'scam-demo.example', entry: { source: 'seed', category: 'investment' } });
  });
  it('honours an extra list and precedence (list allow beats list block)', async () => {
    const { io, out } = fakeIo({ 'my.txt': '@@||scam-demo.example^\n||other.example^\n' });
    await checkUrl(['https://scam-demo.example/', '--list', 'my.txt', '--json'], io);
    expect(JSON.parse(out[0]!).verdict).toMatchObject({ result: 'allow', type: 'allowlist', entry: { source: 'file:my.txt' } });
  });
  it('says caution for a lookalike and none for an unlisted site', async () => {
    const a = fakeIo();
    await checkUrl(['http://icbc-kefu.top/', '--json'], a.io);
    expect(JSON.parse(a.out[0]!).verdict).toMatchObject({ result: 'caution', type: 'lookalike', brand: '中国工商银行' });
    const b = fakeIo();
    await checkUrl(['https://example.org/', '--json'], b.io);
    expect(JSON.parse(b.out[0]!).verdict).toEqual({ result: 'none', type: 'none' });
  });
  it('refuses a javascript: URL with exit code 2', async () => {
    const { io, out } = fakeIo();
    expect(await checkUrl(['javascript:alert(1)', '--json'], io)).toBe(2);
    expect(JSON.parse(out[0]!)).toMatchObject({ canonical: null, error: 'invalid-scheme-path' });
  });
});

describe('feed keygen → build → verify → diff', () => {
  it('publishes a verifiable feed as static files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sentinel-feed-'));
    const k = fakeIo();
    expect(await feed(['keygen', '--out', join(dir, 'keys')], k.io)).toBe(0);
    writeFileSync(join(dir, 'v1.txt'), 'scam-demo.example\nold.example\n');
    writeFileSync(join(dir, 'v2.txt'), 'scam-demo.example\nnew.example\n');
    const common = ['--list-id', 'demo-office', '--key', join(dir, 'keys', 'feed-private.key'), '--out', join(dir, 'pub'), '--category', 'investment'];
    expect(await feed(['build', '--list', join(dir, 'v1.txt'), '--version', '1', ...common], fakeIo().io)).toBe(0);
    const b = fakeIo();
    expect(await feed(['build', '--list', join(dir, 'v2.txt'), '--version', '2', ...common], b.io)).toBe(0);
    expect(JSON.parse(b.out[0]!)).toMatchObject({ listVersion: 2, diffsFrom: [1] });
    const v = fakeIo();
    expect(await feed(['verify', join(dir, 'pub'), '--pub', join(dir, 'keys', 'feed-public.key'), '--installed', '1', '--json'], v.io)).toBe(0);
    expect(JSON.parse(v.out[0]!)).toMatchObject({ ok: true, listVersion: 2, plan: { action: 'diff', fromVersion: 1 } });
    const d = fakeIo();
    await feed(['diff', join(dir, 'pub', 'full-1.json'), join(dir, 'pub', 'full-2.json'), '--json'], d.io);
    const diff = JSON.parse(d.out[0]!);
    expect(diff.add.map((x: { value: string }) => x.value)).toEqual(['new.example']);
    expect(diff.remove.map((x: { value: string }) => x.value)).toEqual(['old.example']);
    // Tampering with a part is caught by verify.
    writeFileSync(join(dir, 'pub', 'full-2.json'), readFileSync(join(dir, 'pub', 'full-2.json'), 'utf8').replace('new.example', 'nex.example'));
    const t = fakeIo();
    expect(await feed(['verify', join(dir, 'pub'), '--pub', join(dir, 'keys', 'feed-public.key'), '--json'], t.io)).toBe(1);
    expect(JSON.parse(t.out[0]!).problems[0]).toMatch(/sha256-mismatch/);
  });
});
