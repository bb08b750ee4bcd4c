/**
 * Time and rate control for page work, with the clock and timers passed in (unit
 * tests drive them with fake timers).
 *
 * - `createSlicer`: cooperative time slicing. Work calls `due()` often; when the
 *   current slice has run for `sliceMs` (8 ms: half a frame, far below the 50 ms
 *   long-task line) it awaits `pause()`, which gives the page's own tasks a turn.
 * - `createPassScheduler`: when to run a (re)scan pass. Requests are debounced
 *   (`debounceMs` of quiet), but never delayed more than `maxWaitMs` so a page that
 *   mutates forever is still scanned; passes are at least `minIntervalMs` apart, and
 *   that interval grows with the cost of the last pass (busy × `costFactor`, up to
 *   `maxIntervalMs`), which bounds our share of the CPU to about 1/costFactor no
 *   matter what the page does.
 */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Slicer {
  /** True when the current slice is over budget: call `pause()`. */
  due(): boolean;
  pause(): Promise<void>;
  /** Start timing (call at the beginning of a pass). */
  begin(): void;
  /** Busy milliseconds since `begin()` (time spent in slices, not in pauses). */
  busy(): number;
  /** Longest slice since `begin()`, ms. */
  longest(): number;
}

export function createSlicer(clock: Pick<Clock, 'now'>, yieldToPage: () => Promise<void>, sliceMs = 8): Slicer {
  let sliceStart = clock.now();
  let busy = 0;
  let longest = 0;
  const endSlice = () => {
    const d = clock.now() - sliceStart;
    busy += d;
    if (d > longest) longest = d;
  };
  return {
    due: () => clock.now() - sliceStart >= sliceMs,
    async pause() {
      endSlice();
      await yieldToPage();
      sliceStart = clock.now();
    },
    begin() {
      busy = 0;
      longest = 0;
      sliceStart = clock.now();
    },
    busy: () => busy + (clock.now() - sliceStart),
    longest: () => Math.max(longest, clock.now() - sliceStart),
  };
}

/** Yield to the page: scheduler.postTask where it exists (Chromium), else setTimeout 0. */
export function defaultYield(): Promise<void> {
  const sched = (globalThis as { scheduler?: { postTask?: (cb: () => void, o?: object) => Promise<void> } }).scheduler;
  if (sched?.postTask) return sched.postTask(() => undefined, { priority: 'user-visible' });
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface PassSchedulerOptions {
  debounceMs?: number;
  maxWaitMs?: number;
  minIntervalMs?: number;
  maxIntervalMs?: number;
  costFactor?: number;
  /** A pass threw: it is logged here and the next request runs a new pass. */
  onError?: (err: unknown) => void;
}

export interface PassScheduler {
  /** Ask for a pass; `urgent` skips the debounce (still respects the interval). */
  request(urgent?: boolean): void;
  /** Current spacing between passes (ms), for diagnostics and tests. */
  interval(): number;
  stop(): void;
}

/** `run` performs one pass and resolves with the busy milliseconds it spent. */
export function createPassScheduler(clock: Clock, run: () => Promise<number>, opts: PassSchedulerOptions = {}): PassScheduler {
  const debounceMs = opts.debounceMs ?? 300;
  const maxWaitMs = opts.maxWaitMs ?? 2_000;
  const minIntervalMs = opts.minIntervalMs ?? 1_000;
  const maxIntervalMs = opts.maxIntervalMs ?? 30_000;
  const costFactor = opts.costFactor ?? 20;

  let interval = minIntervalMs;
  let lastEnd = -Infinity;
  let firstRequest = -1;
  let lastRequest = -1;
  let urgentWanted = false;
  let timer: unknown = null;
  let running = false;
  let stopped = false;

  const arm = () => {
    if (stopped || running || firstRequest < 0) return;
    const now = clock.now();
    const quietAt = urgentWanted ? now : Math.min(lastRequest + debounceMs, firstRequest + maxWaitMs);
    const at = Math.max(quietAt, lastEnd + interval);
    if (timer !== null) clock.clearTimeout(timer);
    timer = clock.setTimeout(fire, Math.max(0, at - now));
  };

  const fire = () => {
    timer = null;
    if (stopped || running) return;
    const now = clock.now();
    const quietAt = urgentWanted ? now : Math.min(lastRequest + debounceMs, firstRequest + maxWaitMs);
    if (now < quietAt || now < lastEnd + interval) {
      arm();
      return;
    }
    firstRequest = -1;
    urgentWanted = false;
    running = true;
    run()
      .catch((err: unknown) => {
        opts.onError?.(err);
        return 0;
      })
      .then((busy) => {
        running = false;
        lastEnd = clock.now();
        interval = Math.min(maxIntervalMs, Math.max(minIntervalMs, busy * costFactor));
        arm();
      });
  };

  return {
    request(urgent = false) {
      if (stopped) return;
      const now = clock.now();
      if (firstRequest < 0) firstRequest = now;
      lastRequest = now;
      // Cheap on a page that mutates constantly: the armed timer re-checks when it fires.
      if (!running && (timer === null || (urgent && !urgentWanted))) {
        urgentWanted ||= urgent;
        arm();
      }
      urgentWanted ||= urgent;
    },
    interval: () => interval,
    stop() {
      stopped = true;
      if (timer !== null) clock.clearTimeout(timer);
    },
  };
}
