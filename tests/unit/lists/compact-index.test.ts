/** The compact index: build, serialized round trip, immutable diffs, merge, corrupt input. */
import { describe, expect, it } from 'vitest';
import { CompactIndex, IndexFormatError, LEVEL_BITS, type IndexKey } from '../../../src/lists/compact-index';
import { hashKey, hostSuffixHashes } from '../../../src/lists/hash';

const key = (value: string, level: IndexKey['level'] = 'listBlock', kind: IndexKey['kind'] = 'domain'): IndexKey => ({ kind, value, level });
const many = (n: number, prefix = 'd') => Array.from({ length: n }, (_, i) => key(`${prefix}${i}.example`));

describe('CompactIndex', () => {
  it('finds what was built and nothing else (small and radix-sorted sizes)', () => {
    for (const n of [0, 1, 7, 5000]) {
      const ix = CompactIndex.build(many(n));
      expect(ix.size).toBe(n);
      for (let i = 0; i < n; i += Math.max(1, n >> 4)) expect(ix.levels('domain', `d${i}.example`)).toBe(LEVEL_BITS.listBlock);
      expect(ix.levels('domain', `d${n}.example`)).toBe(0);
      expect(ix.levels('host', 'd0.example')).toBe(0); // kind is part of the key
    }
  });

  it('merges duplicate keys and ORs their levels', () => {
    const ix = CompactIndex.build([key('a.example'), key('a.example'), key('a.example', 'userAllow')]);
    expect(ix.size).toBe(1);
    expect(ix.levels('domain', 'a.example')).toBe(LEVEL_BITS.listBlock | LEVEL_BITS.userAllow);
  });

  it('round-trips through toBytes/fromBytes at 8 bytes per key + 16', () => {
    const ix = CompactIndex.build([...many(3000), key('shared.example/~x/', 'listBlock', 'urlPrefix')]);
    const bytes = ix.toBytes();
    expect(bytes.length).toBe(16 + 8 * ix.size);
    const back = CompactIndex.fromBytes(bytes);
    expect(back.size).toBe(ix.size);
    expect(back.hasKind('urlPrefix')).toBe(true);
    expect(back.hasKind('ip')).toBe(false);
    expect(back.levels('domain', 'd2999.example')).toBe(LEVEL_BITS.listBlock);
    expect(back.toBytes()).toEqual(bytes);
    // Unaligned copy (as some stores hand back) also loads.
    const unaligned = new Uint8Array(bytes.length + 1).subarray(1);
    unaligned.set(bytes);
    expect(CompactIndex.fromBytes(unaligned).levels('domain', 'd5.example')).toBe(LEVEL_BITS.listBlock);
    expect(CompactIndex.fromBytes(bytes.slice().buffer).size).toBe(ix.size);
  });

  it('refuses corrupt or foreign bytes with IndexFormatError', () => {
    const good = CompactIndex.build(many(10)).toBytes();
    const bad: Array<[string, Uint8Array]> = [
      ['too short', good.slice(0, 8)],
      ['truncated', good.slice(0, good.length - 4)],
      ['bad magic', (() => { const b = good.slice(); b[0] = 0; return b; })()],
      ['bad version', (() => { const b = good.slice(); b[4] = 9; return b; })()],
      ['unsorted', (() => { const b = good.slice(); const first = b.slice(16, 24); b.copyWithin(16, 24, 32); b.set(first, 24); return b; })()],
      ['no flags', (() => { const b = good.slice(); b[20] = b[20]! & 0xf0; return b; })()],
    ];
    for (const [, bytes] of bad) expect(() => CompactIndex.fromBytes(bytes)).toThrow(IndexFormatError);
  });

  it('applyDiff returns a new index and leaves the old one untouched', () => {
    const old = CompactIndex.build([key('keep.example'), key('gone.example'), key('both.example'), key('both.example', 'listAllow')]);
    const next = old.applyDiff({
      add: [key('new.example'), key('keep.example', 'userBlock')],
      remove: [key('gone.example'), key('both.example', 'listAllow'), key('never-there.example')],
    });
    expect(next.levels('domain', 'new.example')).toBe(LEVEL_BITS.listBlock);
    expect(next.levels('domain', 'gone.example')).toBe(0);
    expect(next.levels('domain', 'keep.example')).toBe(LEVEL_BITS.listBlock | LEVEL_BITS.userBlock);
    expect(next.levels('domain', 'both.example')).toBe(LEVEL_BITS.listBlock);
    expect(next.size).toBe(3 + 0 + 1 - 1); // keep, both, new (gone removed)
    // old unchanged
    expect(old.levels('domain', 'gone.example')).toBe(LEVEL_BITS.listBlock);
    expect(old.levels('domain', 'new.example')).toBe(0);
    expect(old.levels('domain', 'both.example')).toBe(LEVEL_BITS.listBlock | LEVEL_BITS.listAllow);
  });

  it('applyDiff: remove then add of the same key keeps it (metadata update)', () => {
    const old = CompactIndex.build([key('x.example')]);
    expect(old.applyDiff({ add: [key('x.example')], remove: [key('x.example')] }).levels('domain', 'x.example')).toBe(LEVEL_BITS.listBlock);
  });

  it('applyDiff on a large index equals a rebuild', () => {
    const base = many(6000);
    const adds = many(500, 'n');
    const removes = base.slice(0, 700);
    const viaDiff = CompactIndex.build(base).applyDiff({ add: adds, remove: removes });
    const rebuilt = CompactIndex.build([...base.slice(700), ...adds]);
    expect(viaDiff.toBytes()).toEqual(rebuilt.toBytes());
  });

  it('merge ORs levels across indexes', () => {
    const a = CompactIndex.build([key('a.example'), key('s.example')]);
    const b = CompactIndex.build([key('b.example', 'userAllow'), key('s.example', 'userAllow')]);
    const m = CompactIndex.merge([a, b, CompactIndex.empty()]);
    expect(m.size).toBe(3);
    expect(m.levels('domain', 's.example')).toBe(LEVEL_BITS.listBlock | LEVEL_BITS.userAllow);
    expect(m.levels('domain', 'b.example')).toBe(LEVEL_BITS.userAllow);
  });
});

describe('hashKey', () => {
  it('differs by kind and by value, keeps the 4 flag bits clear', () => {
    const a = new Uint32Array(2);
    const b = new Uint32Array(2);
    hashKey('domain', 'scam-demo.example', a);
    hashKey('host', 'scam-demo.example', b);
    expect([...a]).not.toEqual([...b]);
    hashKey('domain', 'scam-demo.examplf', b);
    expect([...a]).not.toEqual([...b]);
    expect(a[1]! & 15).toBe(0);
  });
  it('has no collisions over 200k similar keys', () => {
    const seen = new Set<string>();
    const out = new Uint32Array(2);
    for (let i = 0; i < 200_000; i++) {
      hashKey('domain', `site${i}.example`, out);
      seen.add(`${out[0]}:${out[1]}`);
    }
    expect(seen.size).toBe(200_000);
  });
});

describe('hostSuffixHashes (one backward pass) equals hashKey per suffix', () => {
  it.each(['a.b.example.com', 'example.com', 'x', 'a.b.c.d.e.f.g.h.i.j.k.l.m.example.com'])('%s', (host) => {
    const starts = new Int32Array(11);
    const dh = new Uint32Array(11);
    const dl = new Uint32Array(11);
    const mh = new Uint32Array(11);
    const ml = new Uint32Array(11);
    const count = hostSuffixHashes(host, starts, dh, dl, mh, ml);
    expect(count).toBe(Math.min(11, host.split('.').length));
    const out = new Uint32Array(2);
    for (let k = 0; k < count; k++) {
      const suffix = host.slice(starts[k]);
      expect(suffix.split('.').length).toBe(k + 1);
      hashKey('domain', suffix, out);
      expect([dh[k], dl[k]]).toEqual([out[0], out[1]]);
      hashKey('urlPrefixHost', suffix, out);
      expect([mh[k], ml[k]]).toEqual([out[0], out[1]]);
    }
  });
});
