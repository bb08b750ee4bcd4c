/**
 * RFC 6238 TOTP (over RFC 4226 HOTP), as every authenticator app computes it:
 * 30-second steps counted from the Unix epoch, 6 digits, HMAC-SHA1 by default.
 * Worked example (RFC 6238 Appendix B, SHA-1 secret "12345678901234567890"):
 *   time 59 s → step 1 → 8-digit code 94287082 → 6 digits "287082".
 * The clock is always passed in (tests pin it; the background passes Date.now()).
 */
import { buf } from './bytes';

export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** ±1 step: a code read out over the phone is still good in the next 30 s window. */
export const TOTP_SKEW_STEPS = 1;

export type TotpAlgorithm = 'SHA-1' | 'SHA-256' | 'SHA-512';

export async function hotp(secret: Uint8Array, counter: number, digits = TOTP_DIGITS, algorithm: TotpAlgorithm = 'SHA-1'): Promise<string> {
  const key = await crypto.subtle.importKey('raw', buf(secret), { name: 'HMAC', hash: algorithm }, false, ['sign']);
  const msg = new Uint8Array(8);
  // 64-bit big-endian counter (numbers above 2^32 occur from the year 2106 on at 30 s).
  let c = counter;
  for (let i = 7; i >= 0; i--) {
    msg[i] = c % 256;
    c = Math.floor(c / 256);
  }
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, buf(msg)));
  const offset = mac[mac.length - 1]! & 0x0f;
  const bin = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(bin % 10 ** digits).padStart(digits, '0');
}

export const stepOf = (nowMs: number, stepSeconds = TOTP_STEP_SECONDS) => Math.floor(nowMs / 1000 / stepSeconds);

export function totp(secret: Uint8Array, nowMs: number, opts: { digits?: number; algorithm?: TotpAlgorithm; stepSeconds?: number } = {}): Promise<string> {
  return hotp(secret, stepOf(nowMs, opts.stepSeconds), opts.digits ?? TOTP_DIGITS, opts.algorithm);
}

/**
 * Check a code typed by the person. Returns the matching step (so the caller can refuse
 * the same step twice: a code overheard once cannot be replayed) or null.
 * Only steps AFTER `lastUsedStep` count.
 */
export async function verifyTotp(secret: Uint8Array, code: string, nowMs: number, lastUsedStep = -1): Promise<number | null> {
  const typed = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(typed)) return null;
  const now = stepOf(nowMs);
  // A "last used" step from the future means the clock was wrong then (or is now): it only
  // blocks replays inside the current window, never every code until that date.
  const last = lastUsedStep > now + TOTP_SKEW_STEPS ? -1 : lastUsedStep;
  let match: number | null = null;
  // Check every window (no early exit) so timing does not say which one matched.
  for (let s = now - TOTP_SKEW_STEPS; s <= now + TOTP_SKEW_STEPS; s++) {
    if (s < 0) continue;
    const expected = await hotp(secret, s);
    if (expected === typed && s > last && match === null) match = s;
  }
  return match;
}

/**
 * The URI an authenticator app scans: otpauth://totp/反诈哨兵:妈妈的电脑?secret=…&issuer=…
 * (Key Uri Format, github.com/google/google-authenticator/wiki/Key-Uri-Format).
 */
export function otpauthUri(secretBase32: string, label: string, issuer: string): string {
  const l = encodeURIComponent(`${issuer}:${label}`);
  const q = new URLSearchParams({ secret: secretBase32, issuer, algorithm: 'SHA1', digits: String(TOTP_DIGITS), period: String(TOTP_STEP_SECONDS) });
  return `otpauth://totp/${l}?${q.toString()}`;
}
