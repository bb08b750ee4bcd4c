import { describe, expect, test } from 'vitest';
import { openDB } from 'idb';
import { createReportLog, MAX_REPORTS } from '../../../src/background/reports';
import { csvCell, reportsToCsv, reportsToJson } from '../../../src/ui/report-export';
import { createBackground } from '../../../src/background/main';
import type { Db, SentinelDB } from '../../../src/background/db';

let dbCount = 0;
function freshDb(): () => Promise<Db> {
  const name = `reports-test-${++dbCount}`;
  const p = openDB<SentinelDB>(name, 1, {
    upgrade(db) {
      db.createObjectStore('events', { keyPath: 'id', autoIncrement: true }).createIndex('byTime', 'time');
      db.createObjectStore('reports', { keyPath: 'id', autoIncrement: true }).createIndex('byTime', 'time');
      db.createObjectStore('lists', { keyPath: 'id' });
      db.createObjectStore('listBlobs', { keyPath: 'id' });
    },
  });
  return () => p;
}

describe('report log', () => {
  test('keeps URL, time, kind, category, evidence and note; lists newest first', async () => {
    let clock = 1000;
    const log = createReportLog(freshDb(), () => clock);
    await log.add({ url: 'https://a.example/', kind: 'scam', from: 'popup', category: 'investment', evidence: ['保本保息'], note: '  看着像骗子 ' });
    clock = 2000;
    await log.add({ url: 'https://b.example/', kind: 'false-alarm', from: 'warning', evidence: [] });
    const all = await log.list();
    expect(all.map((r) => r.url)).toEqual(['https://b.example/', 'https://a.example/']);
    expect(all[1]).toMatchObject({ time: 1000, kind: 'scam', category: 'investment', evidence: ['保本保息'], note: '看着像骗子' });
    expect(all[0]!.note).toBeUndefined();
  });

  test('stays bounded at MAX_REPORTS, dropping the oldest', async () => {
    let clock = 0;
    const log = createReportLog(freshDb(), () => ++clock);
    for (let i = 0; i < MAX_REPORTS + 3; i++) await log.add({ url: `https://x${i}.example/`, kind: 'scam', from: 'popup', evidence: [] });
    const all = await log.list(MAX_REPORTS + 10);
    expect(all).toHaveLength(MAX_REPORTS);
    expect(all.at(-1)!.url).toBe('https://x3.example/');
  }, 30_000);

  test('is reachable through the background router from our own pages only', async () => {
    const store = new Map<string, unknown>();
    const area = {
      get: async (k: string | string[] | null) => Object.fromEntries([...store].filter(([key]) => k === null || key === k || (Array.isArray(k) && k.includes(key)))),
      set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => store.set(k, v)),
      remove: async (k: string | string[]) => void [k].flat().forEach((key) => store.delete(key)),
    };
    const bg = createBackground({
      extensionId: 'ext',
      extensionOrigin: 'chrome-extension://ext/',
      session: area,
      local: area,
      badge: { setBadgeText: async () => undefined, setBadgeBackgroundColor: async () => undefined },
      db: freshDb(),
      now: () => 5,
      log: () => undefined,
    });
    const page = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
    const created = await bg.route({ type: 'ui-bg/report-create', payload: { url: 'https://s.example/', kind: 'scam', from: 'popup', evidence: ['安全账户'] } }, page);
    expect(created).toEqual({ ok: true, data: { id: 1 } });
    const fromTab = await bg.route({ type: 'ui-bg/report-list', payload: {} }, { id: 'ext', url: 'https://evil.example/', tab: { id: 3 } });
    expect(fromTab.ok).toBe(false);
    const listed = await bg.route({ type: 'ui-bg/report-list', payload: {} }, page);
    expect(listed.ok && (listed.data as { reports: unknown[] }).reports).toHaveLength(1);
    const oversized = await bg.route({ type: 'ui-bg/report-create', payload: { url: 'https://s.example/', kind: 'scam', from: 'popup', evidence: [], note: 'x'.repeat(5000) } }, page);
    expect(oversized.ok).toBe(false);
  });
});

describe('export', () => {
  const reports = [
    { id: 1, time: Date.UTC(2026, 0, 2), url: 'https://a.example/?q=1,2', kind: 'scam' as const, from: 'popup' as const, category: 'investment', evidence: ['保本保息', '说 "稳赚"'], note: '=HYPERLINK("http://x")' },
  ];
  test('CSV quotes commas and quotes, and defuses spreadsheet formulas', () => {
    const csv = reportsToCsv(reports);
    expect(csv.startsWith('\uFEFFid,time,url,kind,from,category,evidence,note\r\n')).toBe(true);
    expect(csv).toContain('"https://a.example/?q=1,2"');
    expect(csv).toContain('"保本保息 | 说 ""稳赚"""');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain('2026-01-02T00:00:00.000Z');
  });
  test.each([
    ['plain', 'plain'],
    ['-1', `"'-1"`],
    ['@cmd', `"'@cmd"`],
    ['a\nb', '"a\nb"'],
  ])('csvCell(%j) = %j', (input, expected) => expect(csvCell(input)).toBe(expected));
  test('JSON round-trips with ISO times', () => {
    const parsed = JSON.parse(reportsToJson(reports));
    expect(parsed[0]).toMatchObject({ id: 1, url: 'https://a.example/?q=1,2', time: '2026-01-02T00:00:00.000Z' });
  });
});
