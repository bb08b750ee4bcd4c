/**
 * Check digits of the identifiers a scam page steers a victim to. PURE, synchronous, no
 * dependencies (the content script carries this file on every page, so it stays small:
 * SHA-256 and Keccak-256 are written out here instead of pulling a hashing library).
 *
 *   luhnValid("6222020200112233440")      bank card check digit (ISO/IEC 7812)
 *   trc20Valid("TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7")
 *                                          base58check: 0x41 ‖ 20 bytes ‖ first 4 bytes of
 *                                          SHA-256(SHA-256(0x41 ‖ 20 bytes))
 *   eip55Valid("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
 *                                          all-lower / all-upper hex: no checksum to check →
 *                                          true; mixed case must match EIP-55 (Keccak-256 of
 *                                          the lower-case hex decides each letter's case)
 * Test vectors: tests/unit/lists/identifier-checks.test.ts (EIP-55's own examples, the
 * SHA-256/Keccak-256 "abc" and "" digests).
 */

export function luhnValid(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = digits.length - 1, dbl = false; i >= 0; i--, dbl = !dbl) {
    let d = digits.charCodeAt(i) - 48;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// ---- SHA-256 (FIPS 180-4) -------------------------------------------------------------
const K256 = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

export function sha256(data: Uint8Array): Uint8Array {
  const len = data.length;
  const blocks = Math.ceil((len + 9) / 64);
  const buf = new Uint8Array(blocks * 64);
  buf.set(data);
  buf[len] = 0x80;
  const dv = new DataView(buf.buffer);
  dv.setUint32(buf.length - 4, (len * 8) >>> 0);
  dv.setUint32(buf.length - 8, Math.floor((len * 8) / 2 ** 32));
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let b = 0; b < blocks; b++) {
    for (let i = 0; i < 16; i++) w[i] = dv.getUint32(b * 64 + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15]!, 7) ^ rotr(w[i - 15]!, 18) ^ (w[i - 15]! >>> 3);
      const s1 = rotr(w[i - 2]!, 17) ^ rotr(w[i - 2]!, 19) ^ (w[i - 2]! >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let [a, bb, c, d, e, f, g, hh] = h as unknown as number[];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh! + (rotr(e!, 6) ^ rotr(e!, 11) ^ rotr(e!, 25)) + ((e! & f!) ^ (~e! & g!)) + K256[i]! + w[i]!) >>> 0;
      const t2 = ((rotr(a!, 2) ^ rotr(a!, 13) ^ rotr(a!, 22)) + ((a! & bb!) ^ (a! & c!) ^ (bb! & c!))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d! + t1) >>> 0;
      d = c;
      c = bb;
      bb = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] = (h[0]! + a!) >>> 0;
    h[1] = (h[1]! + bb!) >>> 0;
    h[2] = (h[2]! + c!) >>> 0;
    h[3] = (h[3]! + d!) >>> 0;
    h[4] = (h[4]! + e!) >>> 0;
    h[5] = (h[5]! + f!) >>> 0;
    h[6] = (h[6]! + g!) >>> 0;
    h[7] = (h[7]! + hh!) >>> 0;
  }
  const out = new Uint8Array(32);
  const ov = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) ov.setUint32(i * 4, h[i]!);
  return out;
}

// ---- Keccak-256 (the pre-standard padding Ethereum uses, NOT SHA3-256) ----------------
const RC = [
  [0x00000001, 0x00000000], [0x00008082, 0x00000000], [0x0000808a, 0x80000000], [0x80008000, 0x80000000], [0x0000808b, 0x00000000],
  [0x80000001, 0x00000000], [0x80008081, 0x80000000], [0x00008009, 0x80000000], [0x0000008a, 0x00000000], [0x00000088, 0x00000000],
  [0x80008009, 0x00000000], [0x8000000a, 0x00000000], [0x8000808b, 0x00000000], [0x0000008b, 0x80000000], [0x00008089, 0x80000000],
  [0x00008003, 0x80000000], [0x00008002, 0x80000000], [0x00000080, 0x80000000], [0x0000800a, 0x00000000], [0x8000000a, 0x80000000],
  [0x80008081, 0x80000000], [0x00008080, 0x80000000], [0x80000001, 0x00000000], [0x80008008, 0x80000000],
] as const;
const ROT = [0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14];

/** Keccak-f[1600] on 25 lanes held as (lo, hi) 32-bit halves. */
function keccakF(s: Uint32Array): void {
  const c = new Uint32Array(10);
  const b = new Uint32Array(50);
  for (let round = 0; round < 24; round++) {
    for (let x = 0; x < 5; x++) {
      c[2 * x] = s[2 * x]! ^ s[2 * x + 10]! ^ s[2 * x + 20]! ^ s[2 * x + 30]! ^ s[2 * x + 40]!;
      c[2 * x + 1] = s[2 * x + 1]! ^ s[2 * x + 11]! ^ s[2 * x + 21]! ^ s[2 * x + 31]! ^ s[2 * x + 41]!;
    }
    for (let x = 0; x < 5; x++) {
      const p = (x + 4) % 5;
      const q = (x + 1) % 5;
      const lo = c[2 * p]! ^ ((c[2 * q]! << 1) | (c[2 * q + 1]! >>> 31));
      const hi = c[2 * p + 1]! ^ ((c[2 * q + 1]! << 1) | (c[2 * q]! >>> 31));
      for (let y = 0; y < 25; y += 5) {
        s[2 * (y + x)] = s[2 * (y + x)]! ^ lo;
        s[2 * (y + x) + 1] = s[2 * (y + x) + 1]! ^ hi;
      }
    }
    // ρ and π: lane (x, y) rotated by ROT[x + 5y] moves to (y, 2x + 3y).
    for (let x = 0; x < 5; x++) {
      for (let y = 0; y < 5; y++) {
        const i = x + 5 * y;
        const r = ROT[i]!;
        const lo = s[2 * i]!;
        const hi = s[2 * i + 1]!;
        let rl: number;
        let rh: number;
        if (r === 0) {
          rl = lo;
          rh = hi;
        } else if (r < 32) {
          rl = (lo << r) | (hi >>> (32 - r));
          rh = (hi << r) | (lo >>> (32 - r));
        } else if (r === 32) {
          rl = hi;
          rh = lo;
        } else {
          rl = (hi << (r - 32)) | (lo >>> (64 - r));
          rh = (lo << (r - 32)) | (hi >>> (64 - r));
        }
        const j = y + 5 * ((2 * x + 3 * y) % 5);
        b[2 * j] = rl;
        b[2 * j + 1] = rh;
      }
    }
    // χ
    for (let y = 0; y < 25; y += 5) {
      for (let x = 0; x < 5; x++) {
        const i = y + x;
        const i1 = y + ((x + 1) % 5);
        const i2 = y + ((x + 2) % 5);
        s[2 * i] = b[2 * i]! ^ (~b[2 * i1]! & b[2 * i2]!);
        s[2 * i + 1] = b[2 * i + 1]! ^ (~b[2 * i1 + 1]! & b[2 * i2 + 1]!);
      }
    }
    // ι
    s[0] = s[0]! ^ RC[round]![0];
    s[1] = s[1]! ^ RC[round]![1];
  }
}

export function keccak256(data: Uint8Array): Uint8Array {
  const rate = 136;
  const blocks = Math.floor(data.length / rate) + 1;
  const buf = new Uint8Array(blocks * rate);
  buf.set(data);
  buf[data.length] = buf[data.length]! ^ 0x01;
  buf[buf.length - 1] = buf[buf.length - 1]! ^ 0x80;
  const s = new Uint32Array(50);
  const dv = new DataView(buf.buffer);
  for (let b = 0; b < blocks; b++) {
    for (let i = 0; i < rate / 4; i++) s[i] = s[i]! ^ dv.getUint32(b * rate + i * 4, true);
    keccakF(s);
  }
  const out = new Uint8Array(32);
  const ov = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) ov.setUint32(i * 4, s[i]!, true);
  return out;
}

// ---- base58check (TRON) and EIP-55 (Ethereum) ------------------------------------------
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export function base58Decode(s: string): Uint8Array | null {
  const bytes: number[] = [0];
  for (const ch of s) {
    let carry = B58.indexOf(ch);
    if (carry < 0) return null;
    for (let i = 0; i < bytes.length; i++) {
      carry += bytes[i]! * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  for (let i = 0; i < s.length && s[i] === '1'; i++) bytes.push(0);
  return new Uint8Array(bytes.reverse());
}

/** A TRON (TRC20 USDT) address: base58check of 0x41 ‖ 20 bytes. */
export function trc20Valid(address: string): boolean {
  if (!/^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(address)) return false;
  const raw = base58Decode(address);
  if (!raw || raw.length !== 25 || raw[0] !== 0x41) return false;
  const check = sha256(sha256(raw.subarray(0, 21)));
  return check[0] === raw[21] && check[1] === raw[22] && check[2] === raw[23] && check[3] === raw[24];
}

/** An Ethereum (ERC20 USDT) address; mixed case must carry a valid EIP-55 checksum. */
export function eip55Valid(address: string): boolean {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return false;
  const hex = address.slice(2);
  if (hex === hex.toLowerCase() || hex === hex.toUpperCase()) return true;
  const lower = hex.toLowerCase();
  const digest = keccak256(new TextEncoder().encode(lower));
  for (let i = 0; i < 40; i++) {
    const c = hex[i]!;
    if (c >= '0' && c <= '9') continue;
    const nibble = (digest[i >> 1]! >> (i % 2 === 0 ? 4 : 0)) & 15;
    if ((nibble >= 8) !== (c !== c.toLowerCase())) return false;
  }
  return true;
}
