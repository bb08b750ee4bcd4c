import { describe, expect, test } from 'vitest';
import { bucketPassages, createPassageStore } from '../../../src/page/passage-store';

describe('createPassageStore', () => {
  test('fills buckets in order and keeps an entry in its bucket when it changes', () => {
    const s = createPassageStore({ bucketChars: 10 });
    const a = {}, b = {}, c = {};
    s.set(a, null, ['123456']);
    s.set(b, null, ['123456']); // bucket 0 now 12 chars: full
    s.set(c, null, ['12']);
    expect(s.buckets().map((x) => x.chars)).toEqual([12, 2]);
    for (const x of s.buckets()) x.dirty = false;
    s.set(a, null, ['1']);
    expect(s.buckets().map((x) => [x.chars, x.dirty])).toEqual([[7, true], [2, false]]);
    expect(bucketPassages(s.buckets()[0]!).map((p) => p.text)).toEqual(['1', '123456']);
  });

  test('setting the same texts again does not dirty the bucket', () => {
    const s = createPassageStore();
    const a = {};
    s.set(a, null, ['同样的文字']);
    s.buckets()[0]!.dirty = false;
    s.set(a, null, ['同样的文字']);
    expect(s.buckets()[0]!.dirty).toBe(false);
  });

  test('empty texts and prune() forget entries', () => {
    const s = createPassageStore();
    const a = {}, b = {};
    s.set(a, null, ['aa']);
    s.set(b, null, ['bbb']);
    s.set(a, null, []);
    expect(s.has(a)).toBe(false);
    s.prune((k) => k !== b);
    expect(s.total()).toBe(0);
  });

  test('over the cap, the oldest buckets from later changes are evicted first, never the first read', () => {
    const s = createPassageStore({ bucketChars: 10, maxChars: 30 });
    const first = {};
    s.set(first, null, ['x'.repeat(10)]);
    const later = Array.from({ length: 5 }, () => ({}));
    for (const k of later) s.set(k, null, ['y'.repeat(10)], true);
    expect(s.total()).toBeLessThanOrEqual(30);
    expect(s.has(first)).toBe(true);
    expect(s.has(later[4]!)).toBe(true);
    expect(s.has(later[0]!)).toBe(false);
  });
});
