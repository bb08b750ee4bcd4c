/**
 * The 60-bit key hash of the compact index. PURE.
 *
 * Two 32-bit multiplicative hashes run side by side over the UTF-16 code units of the key
 * (FNV-1a with its prime, and a murmur-style multiply-xor with another constant), each
 * seeded by the key's kind and finished with murmur3's fmix32 avalanche. The high word is
 * kept whole; the low word gives up its 4 lowest bits, which the index uses for the
 * precedence-level flags. So a key is 60 bits.
 *
 * Collision risk (documented, and covered by the metadata confirmation on a hit):
 *   - false hit for a URL that is on no list: ≤ 40 probes × n keys / 2^60; with
 *     n = 1,000,000 that is ≈ 3.5e-11 per URL (one in ~30 billion page loads);
 *   - two list keys sharing a hash (their level flags get OR-ed): n² / 2^61 ≈ 4e-7 for 1M.
 * A hit is confirmed by fetching its metadata record (metaKey) before anything is shown;
 * a hit without a record is dropped (see confirmVerdict in lookup.ts).
 * Not a cryptographic hash: list publishers are trusted to the extent of their signature;
 * a hostile publisher could block anything by listing it anyway.
 */
import type { EntryKind, IdentifierKind } from './types';

/** 'urlPrefixHost' is internal: a marker that a host suffix has URL-prefix entries. */
export type KeyKind = EntryKind | IdentifierKind | 'urlPrefixHost';

/** Per-kind seeds: the same string as a domain and as a host gives different keys. */
export const KIND_SEEDS: Record<KeyKind, number> = {
  domain: 0x9e3779b1,
  host: 0x85ebca77,
  urlPrefix: 0xc2b2ae3d,
  ip: 0x27d4eb2f,
  phone: 0x165667b1,
  bankCard: 0xd3a2646c,
  usdtAddress: 0xfd7046c5,
  qq: 0xb55a4f09,
  wechat: 0x61c88647,
  urlPrefixHost: 0x2545f491,
};

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Host-like kinds are hashed from the LAST character to the first, so the hashes of all
 * suffixes of a host ("a.b.example.com", "b.example.com", "example.com") fall out of one
 * backward pass (hostSuffixHashes); everything else is hashed first to last.
 */
const BACKWARD: Record<KeyKind, boolean> = {
  domain: true,
  host: true,
  ip: true,
  urlPrefixHost: true,
  urlPrefix: false,
  phone: false,
  bankCard: false,
  usdtAddress: false,
  qq: false,
  wechat: false,
};

/** Writes the 60-bit hash of (kind, key) into out[0] (high 32 bits) and out[1] (low 28 bits << 4). */
export function hashKey(kind: KeyKind, key: string, out: Uint32Array): void {
  let a = 0x811c9dc5 ^ KIND_SEEDS[kind];
  let b = KIND_SEEDS[kind];
  const n = key.length;
  if (BACKWARD[kind]) {
    for (let i = n - 1; i >= 0; i--) {
      const c = key.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const c = key.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
  }
  out[0] = fmix32(a ^ n);
  out[1] = (fmix32(b ^ Math.imul(n, 0x27d4eb2f)) & 0xfffffff0) >>> 0;
}

/**
 * One backward pass over `host` giving, for every suffix that starts a label (the whole
 * host included), the hashKey of ('domain', suffix) and of ('urlPrefixHost', suffix).
 * Suffix k (k = 0 is the shortest, the last label) starts at starts[k]; returns the count.
 * Equal to calling hashKey on each host.slice(starts[k]), pinned by tests/unit/lists.
 * With `hostOut`, the same pass also writes hashKey('host', host) there (the independent
 * multiply chains run side by side, so the third costs little over a separate pass).
 */
export function hostSuffixHashes(
  host: string,
  starts: Int32Array,
  domHi: Uint32Array,
  domLo: Uint32Array,
  markHi: Uint32Array,
  markLo: Uint32Array,
  hostOut?: Uint32Array,
): number {
  let a1 = 0x811c9dc5 ^ KIND_SEEDS.domain;
  let b1 = KIND_SEEDS.domain;
  let a2 = 0x811c9dc5 ^ KIND_SEEDS.urlPrefixHost;
  let b2 = KIND_SEEDS.urlPrefixHost;
  let a3 = 0x811c9dc5 ^ KIND_SEEDS.host;
  let b3 = KIND_SEEDS.host;
  const len = host.length;
  const max = starts.length;
  let k = 0;
  let next = len > 0 ? host.charCodeAt(len - 1) : 0;
  for (let i = len - 1; i >= 0; i--) {
    const c = next;
    next = i > 0 ? host.charCodeAt(i - 1) : 46; // one charCodeAt per character
    a1 = Math.imul(a1 ^ c, 0x01000193);
    b1 = Math.imul(b1 ^ c, 0x5bd1e995);
    b1 ^= b1 >>> 15;
    a2 = Math.imul(a2 ^ c, 0x01000193);
    b2 = Math.imul(b2 ^ c, 0x5bd1e995);
    b2 ^= b2 >>> 15;
    a3 = Math.imul(a3 ^ c, 0x01000193);
    b3 = Math.imul(b3 ^ c, 0x5bd1e995);
    b3 ^= b3 >>> 15;
    if (next === 46 && k < max) {
      const n = len - i;
      starts[k] = i;
      domHi[k] = fmix32(a1 ^ n);
      domLo[k] = (fmix32(b1 ^ Math.imul(n, 0x27d4eb2f)) & 0xfffffff0) >>> 0;
      markHi[k] = fmix32(a2 ^ n);
      markLo[k] = (fmix32(b2 ^ Math.imul(n, 0x27d4eb2f)) & 0xfffffff0) >>> 0;
      k++;
    }
  }
  if (hostOut) {
    hostOut[0] = fmix32(a3 ^ len);
    hostOut[1] = (fmix32(b3 ^ Math.imul(len, 0x27d4eb2f)) & 0xfffffff0) >>> 0;
  }
  return k;
}

/**
 * Hashes of (kind, head.slice(headStart) + tail.slice(0, cut)) for every cut in `cuts` (ascending, each
 * ≤ tail.length), in one pass and without building the strings: the URL-prefix probes of
 * one host suffix ("host" + "/a/b/c.html?q") share every character up to their cut.
 * Result i goes to outHi[i], outLo[i]; equal to hashKey of the concatenated string.
 */
export function hashPrefixes(
  kind: KeyKind,
  head: string,
  headStart: number,
  tail: string,
  cuts: ArrayLike<number>,
  ncuts: number,
  outHi: Uint32Array,
  outLo: Uint32Array,
): void {
  let a = 0x811c9dc5 ^ KIND_SEEDS[kind];
  let b = KIND_SEEDS[kind];
  const hn = head.length - headStart;
  for (let i = headStart; i < head.length; i++) {
    const c = head.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  let pos = 0;
  for (let k = 0; k < ncuts; k++) {
    const cut = cuts[k]!;
    for (; pos < cut; pos++) {
      const c = tail.charCodeAt(pos);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    const n = hn + cut;
    outHi[k] = fmix32(a ^ n);
    outLo[k] = (fmix32(b ^ Math.imul(n, 0x27d4eb2f)) & 0xfffffff0) >>> 0;
  }
}

/**
 * The 60-bit key hash as 15 hex digits (high word, then the low word's 28 bits): what the
 * page sends for an identifier it saw, so the list stays in the background and the
 * background never needs the identifier itself.
 *   keyHashHex('phone', '13800138000') → "3f0c…" (15 hex digits)
 */
export function keyHashHex(kind: KeyKind, key: string): string {
  const out = new Uint32Array(2);
  hashKey(kind, key, out);
  return out[0]!.toString(16).padStart(8, '0') + (out[1]! >>> 4).toString(16).padStart(7, '0');
}

/** Back to (hi, lo) as CompactIndex.find takes them; null when not 15 hex digits. */
export function parseKeyHashHex(hex: string): [number, number] | null {
  if (!/^[0-9a-f]{15}$/.test(hex)) return null;
  return [parseInt(hex.slice(0, 8), 16) >>> 0, (parseInt(hex.slice(8), 16) << 4) >>> 0];
}
