/**
 * The local report log: "report this site" and "this warning is wrong", kept in the
 * IndexedDB `reports` store. Nothing here is sent anywhere: the person hands a report
 * to the official channels (12321, 国家反诈中心 App, 96110) themselves, and can
 * export the log as JSON or CSV from the options page.
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

/** Columns of the CSV export, in order. */
export const CSV_COLUMNS = ['id', 'time', 'url', 'kind', 'from', 'category', 'evidence', 'note'] as const;

/**
 * RFC 4180 CSV. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR)
 * get a leading apostrophe: a scam page's text must not become a formula in Excel.
 * Example: `=HYPERLINK("x")` → `"'=HYPERLINK(""x"")"`.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function reportsToCsv(reports: readonly Report[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of reports) {
    const cells = [
      String(r.id),
      new Date(r.time).toISOString(),
      r.url,
      r.kind,
      r.from,
      r.category ?? '',
      r.evidence.join(' | '),
      r.note ?? '',
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  // BOM so that Excel opens the Chinese text as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function reportsToJson(reports: readonly Report[]): string {
  return JSON.stringify(
    reports.map((r) => ({ ...r, time: new Date(r.time).toISOString() })),
    null,
    2,
  );
}
