import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createPassScheduler, createSlicer, type Clock } from '../../../src/page/scheduler';

const clock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
});
afterEach(() => vi.useRealTimers());

describe('createPassScheduler', () => {
  test('debounces a burst of requests into one pass after the quiet period', async () => {
    const run = vi.fn(async () => 1);
    const s = createPassScheduler(clock, run, { debounceMs: 300, maxWaitMs: 2000, minIntervalMs: 0 });
    for (let i = 0; i < 10; i++) {
      s.request();
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(300);
    expect(run).toHaveBeenCalledTimes(1);
  });

  test('a page that never goes quiet is still scanned every maxWaitMs', async () => {
    const run = vi.fn(async () => 1);
    const s = createPassScheduler(clock, run, { debounceMs: 300, maxWaitMs: 1000, minIntervalMs: 1000 });
    for (let t = 0; t < 10_000; t += 10) {
      s.request();
      await vi.advanceTimersByTimeAsync(10);
    }
    // 10 s of constant requests: about one pass per second, never more.
    expect(run.mock.calls.length).toBeGreaterThanOrEqual(8);
    expect(run.mock.calls.length).toBeLessThanOrEqual(11);
  });

  test('the spacing grows with the cost of the last pass (bounded CPU share)', async () => {
    let busy = 200; // ms per pass
    const starts: number[] = [];
    const run = vi.fn(async () => {
      starts.push(Date.now());
      return busy;
    });
    const s = createPassScheduler(clock, run, { debounceMs: 0, maxWaitMs: 0, minIntervalMs: 1000, costFactor: 20, maxIntervalMs: 30_000 });
    for (let t = 0; t < 30_000; t += 50) {
      s.request();
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(s.interval()).toBe(4000);
    const gaps = starts.slice(2).map((t, i) => t - starts[i + 1]!);
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(4000);
    busy = 1;
    await vi.advanceTimersByTimeAsync(10_000);
    s.request();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(s.interval()).toBe(1000);
  });

  test('urgent requests skip the debounce; a throwing pass does not stop later passes', async () => {
    let n = 0;
    const errors: unknown[] = [];
    const run = vi.fn(async () => {
      if (n++ === 0) throw new Error('boom');
      return 1;
    });
    const s = createPassScheduler(clock, run, { debounceMs: 500, minIntervalMs: 0, onError: (e) => errors.push(e) });
    s.request(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(errors).toHaveLength(1);
    s.request(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
  });

  test('stop() cancels pending passes', async () => {
    const run = vi.fn(async () => 1);
    const s = createPassScheduler(clock, run, { debounceMs: 100 });
    s.request();
    s.stop();
    s.request();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(run).not.toHaveBeenCalled();
  });
});

describe('createSlicer', () => {
  test('is due after sliceMs, pauses, and counts busy time without the pauses', async () => {
    let t = 0;
    const slicer = createSlicer({ now: () => t }, async () => {
      t += 100; // the page ran for 100 ms meanwhile
    }, 8);
    slicer.begin();
    t += 5;
    expect(slicer.due()).toBe(false);
    t += 4;
    expect(slicer.due()).toBe(true);
    await slicer.pause();
    expect(slicer.due()).toBe(false);
    t += 3;
    expect(slicer.busy()).toBe(12);
    expect(slicer.longest()).toBe(9);
  });
});
