/**
 * A Chromium trace of top-level tasks (category `toplevel`) over CDP, for figures that
 * are printed, never asserted: which thread ran how long at a stretch. Used by the worker
 * responsiveness bench (tests/perf/worker-responsiveness.ts) and its e2e test.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, µs. */
  tdur?: number;
  args?: { name?: string; src_func?: string };
}

export interface TopLevelTask {
  process: string;
  thread: string;
  /** Wall-clock duration: stretched when the machine takes the CPU away mid-task. */
  ms: number;
  /** The thread's CPU time in the task: its own work (NaN where the trace has none). */
  cpuMs: number;
  /** The task's posting site, as Chromium names it (e.g. "Notify", "DOMTimer"). */
  what: string;
  /** Trace clock, ms. */
  at: number;
}

/** Start tracing every process (through `page`'s CDP session); `stop()` returns the top-level tasks. */
export async function traceTopLevel(context: BrowserContext, page: Page): Promise<{ stop(): Promise<TopLevelTask[]> }> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['toplevel', '__metadata'] } });
  return {
    async stop() {
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach().catch(() => undefined);
      return topLevelTasks(events);
    },
  };
}

/** Every top-level task of the trace, with its process and thread names. */
export function topLevelTasks(events: TraceEvent[]): TopLevelTask[] {
  const threads = new Map<string, string>();
  const processes = new Map<number, string>();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
    if (e.name === 'process_name') processes.set(e.pid, e.args?.name ?? '');
  }
  return events
    .filter((e) => e.ph === 'X' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'ThreadPool_RunTask') && e.dur !== undefined)
    .map((e) => ({ process: processes.get(e.pid) ?? String(e.pid), thread: threads.get(`${e.pid}:${e.tid}`) ?? String(e.tid), ms: e.dur! / 1000, cpuMs: e.tdur === undefined ? NaN : e.tdur / 1000, what: e.args?.src_func ?? '', at: e.ts / 1000 }));
}

/** The name Chromium gives an extension service worker's thread. */
export const SERVICE_WORKER_THREAD = 'ServiceWorker thread';
