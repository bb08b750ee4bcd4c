/**
 * The weekly summary for the guardian (issue 9, item 6), computed from the local family
 * log. Pure: the log entries and the clock come in; nothing here reads storage.
 *   warnings per category per day · heeded (left) vs proceeded · approval uses (PIN / code)
 * Site names appear only when the person turned on "share site names with my family".
 */
import * as z from 'zod/mini';

export const FAMILY_EVENT_KINDS = ['warning', 'left', 'proceeded'] as const;
export const APPROVAL_VIA = ['pin', 'code', 'none'] as const;

export const familyEventSchema = z.object({
  time: z.number(),
  kind: z.enum(FAMILY_EVENT_KINDS),
  /** Where the warning came from: the page's wording, or a scam-site list. */
  source: z.enum(['page', 'list']),
  category: z.nullable(z.string().check(z.maxLength(64))),
  host: z.nullable(z.string().check(z.maxLength(253))),
  /** proceeded: who let it through (guardian PIN, approval code read over the phone, or no gate). */
  via: z.optional(z.enum(APPROVAL_VIA)),
});
export type FamilyEvent = z.infer<typeof familyEventSchema>;

export const SUMMARY_DAYS = 7;
const DAY = 86_400_000;

export interface DaySummary {
  /** Local date, YYYY-MM-DD. */
  date: string;
  byCategory: Record<string, number>;
  total: number;
}

export interface WeeklySummary {
  from: number;
  to: number;
  days: DaySummary[];
  categories: string[];
  warnings: number;
  heeded: number;
  proceeded: number;
  approvals: { pin: number; code: number };
  /** Only when shareSiteNames: hosts with how many warnings each, most first. */
  sites: Array<{ host: string; warnings: number }> | null;
}

export function localDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function summarize(events: readonly FamilyEvent[], opts: { now: number; shareSiteNames: boolean; days?: number }): WeeklySummary {
  const daysBack = opts.days ?? SUMMARY_DAYS;
  const start = new Date(opts.now);
  start.setHours(0, 0, 0, 0);
  const from = start.getTime() - (daysBack - 1) * DAY;
  const days: DaySummary[] = [];
  for (let i = 0; i < daysBack; i++) days.push({ date: localDate(from + i * DAY + DAY / 2), byCategory: {}, total: 0 });
  const byDate = new Map(days.map((d) => [d.date, d]));
  const categories = new Set<string>();
  const sites = new Map<string, number>();
  let warnings = 0;
  let heeded = 0;
  let proceeded = 0;
  const approvals = { pin: 0, code: 0 };
  for (const e of events) {
    if (e.time < from || e.time > opts.now) continue;
    if (e.kind === 'warning') {
      const day = byDate.get(localDate(e.time));
      if (!day) continue;
      const cat = e.category ?? 'unknown';
      categories.add(cat);
      day.byCategory[cat] = (day.byCategory[cat] ?? 0) + 1;
      day.total += 1;
      warnings += 1;
      if (e.host) sites.set(e.host, (sites.get(e.host) ?? 0) + 1);
    } else if (e.kind === 'left') heeded += 1;
    else {
      proceeded += 1;
      if (e.via === 'pin') approvals.pin += 1;
      if (e.via === 'code') approvals.code += 1;
    }
  }
  return {
    from,
    to: opts.now,
    days,
    categories: [...categories].sort(),
    warnings,
    heeded,
    proceeded,
    approvals,
    sites: opts.shareSiteNames ? [...sites].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 20).map(([host, warnings]) => ({ host, warnings })) : null,
  };
}
