/**
 * The local report log: "report this site" and "this warning is wrong", kept in the
 * IndexedDB `reports` store. Nothing here is sent anywhere: the person hands a report
 * to the official channels (12321, 国家反诈中心 App, 96110) themselves, and can
 * export the log as JSON or CSV from the options page (src/ui/report-export.ts: the
 * export runs on that page, so the worker never carries it).
 */
import type { Db } from './db';
import type { Handlers } from './router';
import type { Report, RequestOf } from '../messaging/protocol';

export const MAX_REPORTS = 2000;

export type NewReport = RequestOf<'ui-bg/report-create'>;

export function createReportLog(db: () => Promise<Db>, now: () => number) {
  return {
    async add(input: NewReport): Promise<number> {
      const conn = await db();
      const record: Omit<Report, 'id'> = {
        time: now(),
        url: input.url,
        kind: input.kind,
        from: input.from,
        evidence: input.evidence.slice(0, 20),
        ...(input.category ? { category: input.category } : {}),
        ...(input.note?.trim() ? { note: input.note.trim() } : {}),
      };
      const id = await conn.add('reports', record);
      // Bounded: the oldest reports go first beyond MAX_REPORTS.
      const count = await conn.count('reports');
      if (count > MAX_REPORTS) {
        const tx = conn.transaction('reports', 'readwrite');
        let cursor = await tx.store.index('byTime').openCursor();
        for (let excess = count - MAX_REPORTS; cursor && excess > 0; excess--) {
          await cursor.delete();
          cursor = await cursor.continue();
        }
        await tx.done;
      }
      return id;
    },
    /** Newest first. */
    async list(limit = 500): Promise<Report[]> {
      const conn = await db();
      const out: Report[] = [];
      let cursor = await conn.transaction('reports').store.index('byTime').openCursor(null, 'prev');
      while (cursor && out.length < limit) {
        out.push(cursor.value as unknown as Report);
        cursor = await cursor.continue();
      }
      return out;
    },
  };
}
export type ReportLog = ReturnType<typeof createReportLog>;

export function reportHandlers(log: ReportLog): Pick<Handlers, 'ui-bg/report-create' | 'ui-bg/report-list'> {
  return {
    async 'ui-bg/report-create'(payload) {
      return { id: await log.add(payload) };
    },
    async 'ui-bg/report-list'({ limit }) {
      return { reports: await log.list(limit) };
    },
  };
}
