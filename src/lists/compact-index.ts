/**
 * The compact blacklist index and its serialized form. PURE.
 *
 * An index is a sorted array of 60-bit key hashes (src/lists/hash.ts) with 4 level flags
 * packed into the low bits: one Uint32Array of interleaved (hi, lo) pairs, 8 bytes per key.
 * A key is (kind, value): ('domain', 'scam-demo.example'), ('urlPrefix', 'host/a/'),
 * ('phone', '13800138000') …; the flags say at which precedence levels it is listed
 * (bit 1 userAllow, 2 userBlock, 4 listAllow, 8 listBlock; see types.ts).
 * Lookups binary-search inside a bucket picked by the top bits of `hi` (a start table
 * rebuilt on load, 4–8 keys per bucket, up to 2^22 buckets), behind a Bloom filter of
 * 8–16 bits per key (also rebuilt on load; 1 MB at 1M keys, so it stays in cache where
 * the 8 MB of pairs do not): a probe for an absent key (most are) reads one filter word;
 * a present one also reads its bucket bounds and one or two cache lines of pairs. Each URL-prefix entry also adds a
 * marker key ('urlPrefixHost', its host), so lookups hash paths only behind a marker.
 *
 * The index holds no entry text. Metadata (category, source, firstSeen, expiry) lives in
 * the glue's own records keyed by `metaKey(kind, value)` and is fetched only on a hit.
 *
 * Serialized form (`toBytes`/`fromBytes`; one IndexedDB record, loaded with one read):
 *   offset 0   4 bytes  magic "SSX1"
 *          4   u32 LE   format version (INDEX_FORMAT_VERSION)
 *          8   u32 LE   key count n
 *         12   u32 LE   kinds-present bitmask (bit i = KEY_KINDS[i]; lets lookups skip URL-prefix probes)
 *         16   n × (u32 LE hi, u32 LE lo) pairs, ascending by (hi, lo bits 31..4);
 *                       lo bits 3..0 are the level flags
 * Size: 16 + 8n bytes. fromBytes checks length, order and flags and throws IndexFormatError.
 *
 * Immutability: build/applyDiff/merge always return a NEW index; the old one is never
 * mutated, so the glue can build aside and swap atomically.
 */
import { hashKey, type KeyKind } from './hash';
import type { ListLevel } from './types';
import { runSync, STEP, type Steps } from './slices';

export const INDEX_FORMAT_VERSION = 2; // 2: interleaved pairs, host-like kinds hashed backwards
const MAGIC = 0x31585353; // "SSX1" read as little-endian u32
const HEADER_BYTES = 16;
const MAX_BUCKET_BITS = 22;

export const KEY_KINDS: readonly KeyKind[] = ['domain', 'host', 'urlPrefix', 'ip', 'phone', 'bankCard', 'usdtAddress', 'qq', 'wechat', 'urlPrefixHost'];
export const LEVEL_BITS: Record<ListLevel, number> = { userAllow: 1, userBlock: 2, listAllow: 4, listBlock: 8 };
const KIND_BIT = Object.fromEntries(KEY_KINDS.map((k, i) => [k, 1 << i])) as Record<KeyKind, number>;

/** One key with the level it is listed at (the unit of build and diff). */
export interface IndexKey {
  kind: KeyKind;
  /** Normalized value (src/lists/entries.ts). */
  value: string;
  level: ListLevel;
}

export interface IndexDiff {
  /** Applied after `remove`. */
  add: readonly IndexKey[];
  /** Clears that key's level flag; the key disappears when no flag is left. */
  remove: readonly IndexKey[];
}

export class IndexFormatError extends Error {
  override name = 'IndexFormatError';
}

/** Key of the metadata record for (kind, value), e.g. "domain:scam-demo.example". */
export function metaKey(kind: KeyKind, value: string): string {
  return `${kind}:${value}`;
}

/**
 * Key of an identifier's metadata record: by its hash (src/lists/hash.ts keyHashHex), since
 * the page sends only the hash and the background answers without the identifier itself.
 *   identifierMetaKey('phone', '3f0c…') → "phone#3f0c…"
 */
export function identifierMetaKey(kind: KeyKind, hashHex: string): string {
  return `${kind}#${hashHex}`;
}

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const scratch = new Uint32Array(2);

export class CompactIndex {
  /** Bucket start table: keys whose top `bits` of hi equal b are pairs [start[b], start[b + 1]). */
  private readonly start: Uint32Array;
  private readonly shift: number;
  /** Filter words (see filterBits), picked by the top bits of hi: a probe that misses here is absent. */
  private readonly filter: Uint32Array;
  private readonly filterShift: number;

  private constructor(
    /** Interleaved (hi, lo) pairs, ascending: kv[2i] = hi, kv[2i + 1] = lo (hash bits 31..4 | level flags). */
    private readonly kv: Uint32Array,
    /** Bitmask over KEY_KINDS of kinds that were ever added (may over-approximate after removals). */
    readonly kindsPresent: number,
    table?: Tables,
  ) {
    const t = table ?? runSync(tablesSteps(kv));
    this.shift = t.shift;
    this.start = t.start;
    this.filterShift = t.filterShift;
    this.filter = t.filter;
  }

  /** Number of distinct keys. */
  get size(): number {
    return this.kv.length >>> 1;
  }

  static empty(): CompactIndex {
    return new CompactIndex(new Uint32Array(0), 0);
  }

  /** Build from keys; duplicate keys merge their level flags. O(n) radix sort. */
  static build(keys: Iterable<IndexKey>): CompactIndex {
    return runSync(CompactIndex.buildSteps(keys));
  }

  /** build() as steps (src/lists/slices.ts), for the worker: yields every STEP keys and between sort passes. */
  static *buildSteps(keys: Iterable<IndexKey>): Steps<CompactIndex> {
    let hi = new Uint32Array(1024);
    let lo = new Uint32Array(1024);
    let n = 0;
    let kinds = 0;
    const push = (h: number, l: number) => {
      if (n === hi.length) {
        const h2 = new Uint32Array(n * 2);
        h2.set(hi);
        hi = h2;
        const l2 = new Uint32Array(n * 2);
        l2.set(lo);
        lo = l2;
      }
      hi[n] = h;
      lo[n] = l;
      n++;
    };
    for (const k of keys) {
      const flag = LEVEL_BITS[k.level];
      hashKey(k.kind, k.value, scratch);
      push(scratch[0]!, (scratch[1]! | flag) >>> 0);
      kinds |= KIND_BIT[k.kind];
      if (k.kind === 'urlPrefix') {
        // Marker "this host suffix has URL prefixes": lookups probe paths only behind one.
        const slash = k.value.indexOf('/');
        hashKey('urlPrefixHost', slash < 0 ? k.value : k.value.slice(0, slash), scratch);
        push(scratch[0]!, (scratch[1]! | flag) >>> 0);
      }
      if ((n & (STEP - 1)) === 0) yield;
    }
    return yield* CompactIndex.fromUnsortedSteps(hi.subarray(0, n), lo.subarray(0, n), kinds);
  }

  private static *fromUnsortedSteps(hi: Uint32Array, lo: Uint32Array, kinds: number): Steps<CompactIndex> {
    const [sh, sl] = yield* radixSortPairsSteps(hi, lo);
    // Interleave, merging adjacent equal hashes (OR their flags).
    const kv = new Uint32Array(2 * sh.length);
    let w = 0;
    for (let r = 0; r < sh.length; r++) {
      if (w > 0 && kv[2 * w - 2] === sh[r] && ((kv[2 * w - 1]! ^ sl[r]!) & 0xfffffff0) === 0) {
        kv[2 * w - 1] = (kv[2 * w - 1]! | sl[r]!) >>> 0;
      } else {
        kv[2 * w] = sh[r]!;
        kv[2 * w + 1] = sl[r]!;
        w++;
      }
      if ((r & (STEP * 16 - 1)) === 0) yield;
    }
    return new CompactIndex(kv.slice(0, 2 * w), kinds);
  }

  /** Level flags (LEVEL_BITS mask) of (kind, value); 0 when absent. */
  levels(kind: KeyKind, value: string): number {
    hashKey(kind, value, scratch);
    return this.find(scratch[0]!, scratch[1]!);
  }

  /** Flags for a precomputed hash (hashKey's out[0], out[1]), or 0. */
  find(h: number, l: number): number {
    const f = filterBits(l);
    const fs = this.filterShift;
    if ((this.filter[fs === 32 ? 0 : h >>> fs]! & f) !== f) return 0; // certainly absent (most probes)
    const kv = this.kv;
    const b = this.shift === 32 ? 0 : h >>> this.shift;
    let a = this.start[b]!;
    let z = this.start[b + 1]!;
    while (a < z) {
      const m = (a + z) >>> 1;
      const mh = kv[2 * m]!;
      if (mh < h) a = m + 1;
      else if (mh > h) z = m;
      else {
        const raw = kv[2 * m + 1]!;
        const ml = (raw & 0xfffffff0) >>> 0;
        if (ml < l) a = m + 1;
        else if (ml > l) z = m;
        else return raw & 15;
      }
    }
    return 0;
  }

  /**
   * The filter alone for probes i < count of (hi[i], lo[i]): bit i of the result is set when
   * that key may be present (then ask `find`), clear when it is certainly absent. All the
   * filter words are read before any is tested, so a lookup's cache misses overlap instead
   * of queueing one behind the other. count ≤ 32.
   */
  filterMask(hi: Uint32Array, lo: Uint32Array, count: number, words: Uint32Array): number {
    const filter = this.filter;
    const fs = this.filterShift;
    for (let i = 0; i < count; i++) words[i] = filter[fs === 32 ? 0 : hi[i]! >>> fs]!;
    let pass = 0;
    for (let i = 0; i < count; i++) {
      const f = filterBits(lo[i]!);
      if ((words[i]! & f) === f) pass |= 1 << i;
    }
    return pass;
  }

  /** Whether any key of this kind was added (used to skip URL-prefix probes). */
  hasKind(kind: KeyKind): boolean {
    return (this.kindsPresent & KIND_BIT[kind]) !== 0;
  }

  /**
   * A new index with `diff.remove` cleared and then `diff.add` added. `this` is unchanged.
   * URL-prefix host markers are only ever added (another prefix may share the host); a
   * stale marker costs a few extra probes, never a wrong verdict.
   */
  applyDiff(diff: IndexDiff): CompactIndex {
    const add = CompactIndex.build(diff.add);
    return mergeSorted(this, add, buildNoMarkers(diff.remove), this.kindsPresent | add.kindsPresent);
  }

  /** Union of several indexes (flags OR-ed), e.g. seed + each subscription + user lists. */
  static merge(indexes: readonly CompactIndex[]): CompactIndex {
    let acc = CompactIndex.empty();
    for (const ix of indexes) acc = mergeSorted(acc, ix, CompactIndex.empty(), acc.kindsPresent | ix.kindsPresent);
    return acc;
  }

  toBytes(): Uint8Array {
    const n = this.size;
    const out = new Uint8Array(HEADER_BYTES + 8 * n);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, MAGIC, true);
    dv.setUint32(4, INDEX_FORMAT_VERSION, true);
    dv.setUint32(8, n, true);
    dv.setUint32(12, this.kindsPresent, true);
    if (littleEndian) new Uint32Array(out.buffer, HEADER_BYTES, 2 * n).set(this.kv);
    else for (let i = 0; i < 2 * n; i++) dv.setUint32(HEADER_BYTES + 4 * i, this.kv[i]!, true);
    return out;
  }

  /** Load a serialized index. Zero-copy when the bytes are 4-byte aligned. Throws IndexFormatError. */
  static fromBytes(input: Uint8Array | ArrayBuffer): CompactIndex {
    return runSync(CompactIndex.fromBytesSteps(input));
  }

  /** fromBytes as steps (src/lists/slices.ts): the worker checks a 1M-key index in slices. */
  static *fromBytesSteps(input: Uint8Array | ArrayBuffer): Steps<CompactIndex> {
    const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
    if (bytes.length < HEADER_BYTES) throw new IndexFormatError('index too short');
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (dv.getUint32(0, true) !== MAGIC) throw new IndexFormatError('not a ScamSentinel index (bad magic)');
    const version = dv.getUint32(4, true);
    if (version !== INDEX_FORMAT_VERSION) throw new IndexFormatError(`unsupported index format version ${version}`);
    const n = dv.getUint32(8, true);
    if (bytes.length !== HEADER_BYTES + 8 * n) throw new IndexFormatError(`index length ${bytes.length} does not match its ${n} keys`);
    const kinds = dv.getUint32(12, true);
    let kv: Uint32Array;
    if (littleEndian && (bytes.byteOffset & 3) === 0) kv = new Uint32Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES, 2 * n);
    else {
      kv = new Uint32Array(2 * n);
      for (let i = 0; i < 2 * n; i++) kv[i] = dv.getUint32(HEADER_BYTES + 4 * i, true);
    }
    for (let i = 0; i < n; i++) {
      if ((kv[2 * i + 1]! & 15) === 0) throw new IndexFormatError(`key ${i} has no level flag`);
      if (i > 0 && cmp(kv[2 * i - 2]!, kv[2 * i - 1]!, kv[2 * i]!, kv[2 * i + 1]!) >= 0) throw new IndexFormatError(`keys not strictly ascending at ${i}`);
      if ((i & (STEP * 4 - 1)) === STEP * 4 - 1) yield;
    }
    return new CompactIndex(kv, kinds, yield* tablesSteps(kv));
  }

  /** @internal the interleaved pairs, for merging (not part of the API). */
  static raw(ix: CompactIndex): Uint32Array {
    return ix.kv;
  }

  /** @internal */
  static fromSorted(kv: Uint32Array, kinds: number): CompactIndex {
    return new CompactIndex(kv, kinds);
  }
}

/**
 * The bucket start table and the filter of sorted pairs, as steps (the worker loads a
 * 1M-key index in slices). Buckets: 4–8 keys each (2^bits ≤ n / 4), so a bucket's keys
 * span one or two cache lines and the table stays small (512 KB at 1M keys) since the
 * filter answers most probes. Filter: 2–4 keys per word (2^fbits ≥ n / 4), 8–16 bits per
 * key, 1 MB at 1M keys. Keys are sorted by hi, so both tables are written in order.
 */
interface Tables {
  shift: number;
  start: Uint32Array;
  filterShift: number;
  filter: Uint32Array;
}
function* tablesSteps(kv: Uint32Array): Steps<Tables> {
  const n = kv.length >>> 1;
  let bits = 0;
  while (bits < MAX_BUCKET_BITS && 2 ** (bits + 3) <= n) bits++;
  let fbits = 0;
  while (fbits < MAX_BUCKET_BITS && 2 ** (fbits + 2) < n) fbits++;
  const shift = 32 - bits;
  const filterShift = 32 - fbits;
  const start = new Uint32Array(2 ** bits + 1);
  const filter = new Uint32Array(2 ** fbits);
  for (let i = 0; i < n; i++) {
    const h = kv[2 * i]!;
    start[(bits === 0 ? 0 : h >>> shift) + 1]!++;
    filter[fbits === 0 ? 0 : h >>> filterShift]! |= filterBits(kv[2 * i + 1]!);
    if ((i & (STEP * 16 - 1)) === STEP * 16 - 1) yield;
  }
  for (let b = 1; b < start.length; b++) {
    start[b]! += start[b - 1]!;
    if ((b & (STEP * 16 - 1)) === STEP * 16 - 1) yield;
  }
  return { shift, start, filterShift, filter };
}

/**
 * A register-blocked Bloom filter over the keys: one 32-bit word per 2–4 keys (picked by
 * the top bits of hi), 3 bits set per key, picked by 15 hash bits of lo. A probe whose
 * bits are not all set in its word is certainly absent: one read from a table small
 * enough to stay cached, instead of a binary search in 8 MB. Most URL-lookup probes are
 * absent; false positives (~3 % at 1M keys, checked in tests/unit/lists/lookup-fast.test.ts)
 * fall through to the search. No false negatives.
 */
function filterBits(lo: number): number {
  return (1 << ((lo >>> 4) & 31)) | (1 << ((lo >>> 9) & 31)) | (1 << ((lo >>> 14) & 31));
}

/** Keys exactly as given (no markers): used for removals. */
function buildNoMarkers(keys: readonly IndexKey[]): CompactIndex {
  const hi = new Uint32Array(keys.length);
  const lo = new Uint32Array(keys.length);
  keys.forEach((k, i) => {
    hashKey(k.kind, k.value, scratch);
    hi[i] = scratch[0]!;
    lo[i] = (scratch[1]! | LEVEL_BITS[k.level]) >>> 0;
  });
  const [sh, sl] = radixSortPairs(hi, lo);
  const kv = new Uint32Array(2 * sh.length);
  let w = 0;
  for (let r = 0; r < sh.length; r++) {
    if (w > 0 && kv[2 * w - 2] === sh[r] && ((kv[2 * w - 1]! ^ sl[r]!) & 0xfffffff0) === 0) kv[2 * w - 1] = (kv[2 * w - 1]! | sl[r]!) >>> 0;
    else {
      kv[2 * w] = sh[r]!;
      kv[2 * w + 1] = sl[r]!;
      w++;
    }
  }
  return CompactIndex.fromSorted(kv.slice(0, 2 * w), 0);
}

function cmp(ah: number, al: number, bh: number, bl: number): number {
  if (ah !== bh) return ah < bh ? -1 : 1;
  const x = (al & 0xfffffff0) >>> 0;
  const y = (bl & 0xfffffff0) >>> 0;
  return x === y ? 0 : x < y ? -1 : 1;
}

/** Linear merge: result flags = (A & ~R) | B for each key; keys with no flag left are dropped. */
function mergeSorted(a: CompactIndex, b: CompactIndex, r: CompactIndex, kinds: number): CompactIndex {
  const A = CompactIndex.raw(a);
  const B = CompactIndex.raw(b);
  const R = CompactIndex.raw(r);
  const na = A.length >>> 1;
  const nb = B.length >>> 1;
  const nr = R.length >>> 1;
  const out = new Uint32Array(A.length + B.length);
  let i = 0;
  let j = 0;
  let k = 0;
  let w = 0;
  while (i < na || j < nb) {
    let h: number;
    let l: number;
    let flags: number;
    const c = i >= na ? 1 : j >= nb ? -1 : cmp(A[2 * i]!, A[2 * i + 1]!, B[2 * j]!, B[2 * j + 1]!);
    if (c > 0) {
      h = B[2 * j]!;
      l = B[2 * j + 1]!;
      flags = l & 15;
      j++;
    } else {
      h = A[2 * i]!;
      l = A[2 * i + 1]!;
      flags = l & 15;
      i++;
      // Advance the remove cursor to this key.
      while (k < nr && cmp(R[2 * k]!, R[2 * k + 1]!, h, l) < 0) k++;
      if (k < nr && cmp(R[2 * k]!, R[2 * k + 1]!, h, l) === 0) flags &= ~(R[2 * k + 1]! & 15);
      if (c === 0) {
        flags |= B[2 * j + 1]! & 15;
        j++;
      }
    }
    if (flags !== 0) {
      out[2 * w] = h;
      out[2 * w + 1] = ((l & 0xfffffff0) | flags) >>> 0;
      w++;
    }
  }
  return CompactIndex.fromSorted(out.slice(0, 2 * w), kinds);
}

/** LSD radix sort of (hi, lo) pairs by the 64-bit value hi:lo, 16 bits per pass. Returns new arrays. */
export function radixSortPairs(hi: Uint32Array, lo: Uint32Array): [Uint32Array, Uint32Array] {
  return runSync(radixSortPairsSteps(hi, lo));
}

function* radixSortPairsSteps(hi: Uint32Array, lo: Uint32Array): Steps<[Uint32Array, Uint32Array]> {
  const n = hi.length;
  let sh = Uint32Array.from(hi);
  let sl = Uint32Array.from(lo);
  if (n < 2) return [sh, sl];
  if (n < 4096) {
    // Small inputs (diffs, user lists): a comparison sort beats four 64K-bucket passes.
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((x, y) => (hi[x]! !== hi[y]! ? (hi[x]! < hi[y]! ? -1 : 1) : lo[x]! < lo[y]! ? -1 : lo[x]! > lo[y]! ? 1 : 0));
    for (let i = 0; i < n; i++) {
      sh[i] = hi[order[i]!]!;
      sl[i] = lo[order[i]!]!;
    }
    return [sh, sl];
  }
  let th = new Uint32Array(n);
  let tl = new Uint32Array(n);
  const count = new Uint32Array(65537);
  for (let pass = 0; pass < 4; pass++) {
    const src = pass < 2 ? sl : sh;
    const shift = (pass & 1) * 16;
    count.fill(0);
    for (let i = 0; i < n; i++) count[((src[i]! >>> shift) & 0xffff) + 1]!++;
    for (let d = 1; d < 65537; d++) count[d]! += count[d - 1]!;
    for (let i = 0; i < n; i++) {
      const d = (src[i]! >>> shift) & 0xffff;
      const pos = count[d]!++;
      th[pos] = sh[i]!;
      tl[pos] = sl[i]!;
    }
    [sh, th] = [th, sh];
    [sl, tl] = [tl, sl];
    yield;
  }
  return [sh, sl];
}
