import { describe, expect, test } from 'vitest';
import { localDate, summarize, type FamilyEvent } from '../../../src/guardian/summary';

const NOW = new Date(2026, 10, 30, 12, 0, 0).getTime(); // 30 Nov 2026, local noon
const DAY = 86_400_000;
const ev = (daysAgo: number, kind: FamilyEvent['kind'], extra: Partial<FamilyEvent> = {}): FamilyEvent => ({
  time: NOW - daysAgo * DAY,
  kind,
  source: 'page',
  category: 'investment',
  host: 'scam.example',
  ...extra,
});

describe('weekly summary', () => {
  const events = [
    ev(0, 'warning'),
    ev(0, 'warning', { category: 'pension', host: 'pension.example' }),
    ev(0, 'left'),
    ev(1, 'warning', { source: 'list', category: 'phishing' }),
    ev(1, 'proceeded', { via: 'code' }),
    ev(2, 'proceeded', { via: 'pin' }),
    ev(3, 'proceeded', { via: 'none' }),
    ev(8, 'warning'), // older than the week: not counted
  ];
  test('counts warnings per category per day, heeded vs proceeded, approval uses', () => {
    const s = summarize(events, { now: NOW, shareSiteNames: false });
    expect(s.days).toHaveLength(7);
    expect(s.days[6]!.date).toBe(localDate(NOW));
    expect(s.days[6]!.byCategory).toEqual({ investment: 1, pension: 1 });
    expect(s.days[5]!.byCategory).toEqual({ phishing: 1 });
    expect(s.warnings).toBe(3);
    expect(s.heeded).toBe(1);
    expect(s.proceeded).toBe(3);
    expect(s.approvals).toEqual({ pin: 1, code: 1 });
    expect(s.categories).toEqual(['investment', 'pension', 'phishing']);
  });
  describe('site names', () => {
    test('stay out unless the person shares them', () => expect(JSON.stringify(summarize(events, { now: NOW, shareSiteNames: false }))).not.toContain('example'));
    test('appear when shared', () =>
      expect(summarize(events, { now: NOW, shareSiteNames: true }).sites).toEqual([
        { host: 'scam.example', warnings: 2 },
        { host: 'pension.example', warnings: 1 },
      ]));
  });
  test('an empty log is a week of zeros', () => {
    const s = summarize([], { now: NOW, shareSiteNames: false });
    expect(s.days.every((d) => d.total === 0)).toBe(true);
    expect(s.warnings + s.heeded + s.proceeded).toBe(0);
  });
});
