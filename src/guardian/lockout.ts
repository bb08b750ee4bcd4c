/**
 * Wrong-PIN policy. The first 5 tries are free (fingers slip); from the 5th wrong try on,
 * each further wrong try locks the PIN for longer:
 *   wrong tries   5     6     7     8      9      10+
 *   locked for    30 s  1 min 2 min 4 min  8 min  … doubling, at most 1 hour
 * A 4-digit PIN then takes months to guess by hand. The state (count, until) lives in
 * extension storage, so closing the page or restarting the worker does not reset it.
 */
export const FREE_TRIES = 5;
export const FIRST_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 60 * 60_000;

export interface LockState {
  failures: number;
  lockedUntil: number;
}

export const UNLOCKED: LockState = { failures: 0, lockedUntil: 0 };

export function delayAfter(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_TRIES));
}

export function isLocked(state: LockState, now: number): boolean {
  return state.lockedUntil > now;
}

export function afterFailure(state: LockState, now: number): LockState {
  const failures = state.failures + 1;
  const delay = delayAfter(failures);
  return { failures, lockedUntil: delay ? now + delay : 0 };
}

/** Tries left before the first lock (0 once locking has begun). */
export function triesLeft(state: LockState): number {
  return Math.max(0, FREE_TRIES - state.failures);
}
