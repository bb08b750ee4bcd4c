/**
 * Export of the local report log as CSV or JSON, on the options page (the worker never
 * needs it). PURE string work.
 */
import type { Report } from '../messaging/protocol';

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
