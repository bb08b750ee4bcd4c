/**
 * Signed feed: verify → plan → verify part → parse → apply, and the bad-feed battery at the
 * parser level. Every bad feed is refused with a typed error code (the options page shows it
 * while the previous list keeps working: that part is the glue's, tested in e2e).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyDiffToSnapshot,
  buildFeed,
  checkFeedEntry,
  feedEntrySchema,
  feedEntriesToList,
  generateFeedKeyPair,
  keyIdOf,
  parseDiff,
  parseSnapshot,
  planUpdate,
  toBase64Url,
  fromBase64Url,
  verifyManifest,
  verifyPart,
  type BuiltFeed,
  type FeedEntry,
  type FeedKeyPair,
  type FeedManifest,
  type FeedSnapshot,
} from '../../../src/lists/feed';
import { buildIndex, indexKeysOf, lookupUrl } from '../../../src/lists/lookup';

const enc = new TextEncoder();
const e = (value: string, action: 'block' | 'allow' = 'block', kind: FeedEntry['kind'] = 'domain'): FeedEntry => ({ kind, value, action, category: 'investment', firstSeen: 1795392000000 });
const snap = (listVersion: number, entries: FeedEntry[]): FeedSnapshot => ({ format: 'scamsentinel-list', listId: 'demo-office', listVersion, entries });

const v1 = snap(1, [e('scam-demo.example'), e('old.example'), e('allowed-demo.example', 'allow')]);
const v2 = snap(2, [e('scam-demo.example'), e('new.example'), e('shared.example/~scam/', 'block', 'urlPrefix'), e('allowed-demo.example', 'allow')]);

let keys: FeedKeyPair;
let other: FeedKeyPair;
let feed: BuiltFeed;
const file = (name: string) => feed.files.get(name)!;

/** Sign arbitrary payload bytes in the documented envelope (to forge schema-invalid but validly signed manifests). */
async function envelope(payload: Uint8Array<ArrayBuffer>, k: FeedKeyPair): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('pkcs8', fromBase64Url(k.privateKey)!, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
  const sig = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, payload));
  const head = enc.encode(`SSFEED1 ECDSA-P256-SHA256 ${await keyIdOf(k.publicKey)} ${toBase64Url(sig)}\n`);
  const out = new Uint8Array(head.length + payload.length);
  out.set(head);
  out.set(payload, head.length);
  return out;
}
const signJson = async (obj: unknown, k = keys) => envelope(enc.encode(JSON.stringify(obj)), k);

beforeAll(async () => {
  keys = await generateFeedKeyPair();
  other = await generateFeedKeyPair();
  feed = await buildFeed(v2, [v1], keys, { created: '2026-11-23T10:00:00Z', title: 'Demo office list' });
});

describe('happy path', () => {
  it('builds static files: manifest, full snapshot, diff', () => {
    expect([...feed.files.keys()].sort()).toEqual(['diff-1-2.json', 'full-2.json', 'manifest']);
    expect(new TextDecoder().decode(file('manifest')).split('\n')[0]).toMatch(/^SSFEED1 ECDSA-P256-SHA256 [A-Za-z0-9_-]{16} [A-Za-z0-9_-]+$/);
  });

  it('fresh install: verify manifest → plan full → verify part → parse snapshot → index', async () => {
    const m = await verifyManifest(file('manifest'), [other.publicKey, keys.publicKey]);
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(m.value.manifest).toMatchObject({ listId: 'demo-office', listVersion: 2, title: 'Demo office list' });
    const plan = planUpdate(null, m.value.manifest);
    expect(plan).toMatchObject({ action: 'full', toVersion: 2 });
    if (plan.action !== 'full') return;
    const part = await verifyPart(file(plan.part.path), plan.part);
    expect(part.ok).toBe(true);
    const s = parseSnapshot(file(plan.part.path), m.value.manifest);
    expect(s.ok && s.value.entries).toHaveLength(4);
    if (!s.ok) return;
    const ix = buildIndex(feedEntriesToList(s.value.entries, 'feed:demo-office'));
    expect(lookupUrl(ix, 'https://www.scam-demo.example/').verdict.result).toBe('block');
    expect(lookupUrl(ix, 'https://shared.example/~scam/x').verdict.result).toBe('block');
  });

  it('update from v1: plan diff; the diffed index equals the index of the v2 snapshot', async () => {
    const m = await verifyManifest(file('manifest'), [keys.publicKey]);
    if (!m.ok) throw new Error(m.error.message);
    const plan = planUpdate({ listId: 'demo-office', listVersion: 1 }, m.value.manifest);
    expect(plan).toMatchObject({ action: 'diff', fromVersion: 1, toVersion: 2 });
    if (plan.action !== 'diff') return;
    expect((await verifyPart(file(plan.part.path), plan.part)).ok).toBe(true);
    const d = parseDiff(file(plan.part.path), m.value.manifest, 1);
    if (!d.ok) throw new Error(d.error.message);
    const source = 'feed:demo-office';
    const before = buildIndex(feedEntriesToList(v1.entries, source));
    const after = before.applyDiff({
      add: [...indexKeysOf(feedEntriesToList(d.value.add, source))],
      remove: [...indexKeysOf(d.value.remove.map((r) => ({ ...r, source })))],
    });
    expect(after.toBytes()).toEqual(buildIndex(feedEntriesToList(v2.entries, source)).toBytes());
    expect(applyDiffToSnapshot(v1, d.value).entries.map((x) => x.value).sort()).toEqual(v2.entries.map((x) => x.value).sort());
    expect(lookupUrl(before, 'https://old.example/').verdict.result).toBe('block'); // old index untouched
  });

  it('plans none when up to date and full when no diff starts at the installed version', () => {
    const m = feed.manifest;
    expect(planUpdate({ listId: 'demo-office', listVersion: 2 }, m)).toEqual({ action: 'none', reason: 'up-to-date' });
    expect(planUpdate({ listId: 'demo-office', listVersion: 1 }, { ...m, diffs: [] })).toMatchObject({ action: 'full' });
  });
});

describe('bad feed battery', () => {
  const manifestOf = (): FeedManifest => structuredClone(feed.manifest);

  it('bad signature: payload changed after signing', async () => {
    const b = file('manifest').slice();
    const i = b.indexOf(10) + 20;
    b[i] = b[i]! ^ 1;
    expect(await verifyManifest(b, [keys.publicKey])).toMatchObject({ ok: false, error: { code: 'bad-signature' } });
  });
  it('wrong key: signed by a key the subscription did not pin', async () => {
    const forged = await buildFeed(v2, [], other, { created: '2026-11-23T10:00:00Z' });
    expect(await verifyManifest(forged.files.get('manifest')!, [keys.publicKey])).toMatchObject({ ok: false, error: { code: 'unknown-key' } });
  });
  it('truncated manifest download', async () => {
    const b = file('manifest');
    expect(await verifyManifest(b.slice(0, b.length - 10), [keys.publicKey])).toMatchObject({ ok: false, error: { code: 'bad-signature' } });
    expect(await verifyManifest(b.slice(0, 30), [keys.publicKey])).toMatchObject({ ok: false, error: { code: 'bad-envelope' } });
  });
  it('truncated part download', async () => {
    const ref = feed.manifest.full;
    expect(await verifyPart(file(ref.path).slice(0, ref.bytes - 100), ref)).toMatchObject({ ok: false, error: { code: 'truncated' } });
  });
  it('wrong sha256 of a part', async () => {
    const ref = feed.manifest.full;
    const b = file(ref.path).slice();
    b[5] = b[5]! ^ 1;
    expect(await verifyPart(b, ref)).toMatchObject({ ok: false, error: { code: 'sha256-mismatch' } });
  });
  it('malformed envelope and unsupported algorithm', async () => {
    expect(await verifyManifest(enc.encode('{"format":"scamsentinel-feed"}'), [keys.publicKey])).toMatchObject({ ok: false, error: { code: 'bad-envelope' } });
    const b = new TextDecoder().decode(file('manifest')).replace('ECDSA-P256-SHA256', 'RSA-PSS-SHA256');
    expect(await verifyManifest(enc.encode(b), [keys.publicKey])).toMatchObject({ ok: false, error: { code: 'bad-envelope' } });
  });
  it.each([
    ['extra field', (m: FeedManifest) => ({ ...m, evil: true })],
    ['future format version', (m: FeedManifest) => ({ ...m, formatVersion: 2 })],
    ['negative version', (m: FeedManifest) => ({ ...m, listVersion: -1 })],
    ['part path with a scheme', (m: FeedManifest) => ({ ...m, full: { ...m.full, path: 'https://evil.example/x.json' } })],
    ['part path escaping the folder', (m: FeedManifest) => ({ ...m, full: { ...m.full, path: '../x.json' } })],
    ['bad sha256', (m: FeedManifest) => ({ ...m, full: { ...m.full, sha256: 'abc' } })],
    ['missing created', (m: FeedManifest) => ({ ...m, created: undefined })],
  ])('schema violation (validly signed): %s', async (_name, mutate) => {
    const r = await verifyManifest(await signJson(mutate(manifestOf())), [keys.publicKey]);
    expect(r).toMatchObject({ ok: false, error: { code: 'schema' } });
  });
  it('signed garbage that is not JSON', async () => {
    expect(await verifyManifest(await envelope(enc.encode('not json {'), keys), [keys.publicKey])).toMatchObject({ ok: false, error: { code: 'bad-json' } });
  });
  it('oversize manifest and parts (size caps before any work)', async () => {
    const big = new Uint8Array(70 * 1024);
    expect(await verifyManifest(big, [keys.publicKey])).toMatchObject({ ok: false, error: { code: 'oversize' } });
    const ref = feed.manifest.full;
    expect(await verifyPart(file(ref.path), ref, { limits: { partBytes: 100 } })).toMatchObject({ ok: false, error: { code: 'oversize' } });
    expect(await verifyPart(new Uint8Array(10), { ...ref, bytes: 2 ** 31 })).toMatchObject({ ok: false, error: { code: 'oversize' } });
  });
  it('older version than installed (rollback) is refused', () => {
    expect(planUpdate({ listId: 'demo-office', listVersion: 3 }, feed.manifest)).toMatchObject({ action: 'reject', error: { code: 'rollback' } });
  });
  it('another list served under the same subscription is refused', () => {
    expect(planUpdate({ listId: 'other-list', listVersion: 1 }, feed.manifest)).toMatchObject({ action: 'reject', error: { code: 'list-mismatch' } });
  });

  const snapBytes = (s: unknown) => enc.encode(JSON.stringify(s));
  it.each([
    ['duplicate entries', snap(2, [e('a.example'), e('a.example')]), 'duplicate-entry'],
    ['conflicting entries', snap(2, [e('a.example'), e('a.example', 'allow')]), 'conflicting-entry'],
    ['javascript: URLs', snap(2, [e('javascript:alert(1)', 'block', 'urlPrefix'), e('javascript:void(0)', 'block', 'urlPrefix')]), 'bad-entry'],
    ['non-canonical value', snap(2, [e('Scam-Demo.Example')]), 'bad-entry'],
    ['public suffix', snap(2, [e('com.cn')]), 'bad-entry'],
    ['unknown category', { ...snap(2, []), entries: [{ ...e('a.example'), category: 'whatever' }] }, 'schema'],
    ['unknown kind', { ...snap(2, []), entries: [{ ...e('a.example'), kind: 'regex' }] }, 'schema'],
    ['wrong version for the manifest', snap(1, [e('a.example')]), 'version-mismatch'],
    ['wrong list', { ...snap(2, [e('a.example')]), listId: 'other' }, 'list-mismatch'],
  ])('snapshot with %s', (_name, s, code) => {
    expect(parseSnapshot(snapBytes(s), feed.manifest)).toMatchObject({ ok: false, error: { code } });
  });
  it('snapshot that is not JSON', () => {
    expect(parseSnapshot(enc.encode('{"format":'), feed.manifest)).toMatchObject({ ok: false, error: { code: 'bad-json' } });
  });
  it('diff from the wrong version, or with a non-canonical removal', () => {
    const d = { format: 'scamsentinel-diff', listId: 'demo-office', from: 1, to: 2, add: [], remove: [] };
    expect(parseDiff(snapBytes(d), feed.manifest, 1).ok).toBe(true);
    expect(parseDiff(snapBytes({ ...d, from: 1, to: 3 }), feed.manifest, 1)).toMatchObject({ ok: false, error: { code: 'version-mismatch' } });
    expect(parseDiff(snapBytes({ ...d, remove: [{ kind: 'domain', value: 'A.example', action: 'block' }] }), feed.manifest, 1)).toMatchObject({ ok: false, error: { code: 'bad-entry' } });
  });
  it('a pinned key that is not a P-256 key is reported, not thrown', async () => {
    const bogus = toBase64Url(new Uint8Array(64).fill(7));
    const sameId = await keyIdOf(bogus);
    const b = new TextDecoder().decode(file('manifest')).replace(/^SSFEED1 (\S+) \S+/, `SSFEED1 $1 ${sameId}`);
    expect(await verifyManifest(enc.encode(b), [bogus])).toMatchObject({ ok: false, error: { code: 'bad-key' } });
  });
});

describe('checkFeedEntry (fast twin of the zod entry schema)', () => {
  const good = e('a.example');
  it.each([
    ['valid', good],
    ['valid with expires', { ...good, expires: 5 }],
    ['null', null],
    ['array', [good]],
    ['string', 'a.example'],
    ['extra field', { ...good, note: 'x' }],
    ['bad kind', { ...good, kind: 'regex' }],
    ['empty value', { ...good, value: '' }],
    ['huge value', { ...good, value: 'a'.repeat(3000) }],
    ['bad action', { ...good, action: 'warn' }],
    ['bad category', { ...good, category: 'x' }],
    ['fractional firstSeen', { ...good, firstSeen: 1.5 }],
    ['negative firstSeen', { ...good, firstSeen: -1 }],
    ['string firstSeen', { ...good, firstSeen: '1' }],
    ['missing firstSeen', { kind: 'domain', value: 'a.example', action: 'block', category: 'unknown' }],
    ['bad expires', { ...good, expires: 'never' }],
  ])('%s: same verdict as zod', (_name, item) => {
    expect(checkFeedEntry(item) === null).toBe(feedEntrySchema().safeParse(item).success);
  });
});
