/**
 * The outreach demo's content: enough cases, every category, the five pension forms;
 * every sample page makes the real engine warn (in both Chinese scripts); the real quiz
 * items stay silent; every text exists in all three languages; zh-TW matches its
 * generator (scripts/demo-zh-tw.ts).
 */
import { describe, expect, test } from 'vitest';
import * as OpenCC from 'opencc-js';
import { scanPassages } from '../../../src/engine';
import { CATEGORIES, LOCALES, levelRank } from '../../../src/engine/types';
import { DEMO_CASES } from '../../../src/demo/cases';
import { QUIZ_ITEMS } from '../../../src/demo/quiz';
import { DEMO_CATALOGS } from '../../../src/i18n/demo';
import { demoZhCN } from '../../../src/i18n/demo/zh-CN';
import { CASES_ZH_TW, QUIZ_ZH_TW } from '../../../src/demo/zh-tw.generated';
import { demoZhTwSources } from '../../../src/demo/zh-tw-sources';
import type { CaseText, SampleBlock } from '../../../src/demo/types';

const blockText = (b: SampleBlock) => ('h' in b ? b.h : 'p' in b ? b.p : 'li' in b ? b.li : b.chat);
const pagePassages = (t: CaseText) => [t.site, ...t.page.map(blockText), t.form.title, t.form.card, t.form.button];

describe('cases: coverage', () => {
  test('at least 12 cases, at least one per category, the five pension forms', () => {
    expect(DEMO_CASES.length).toBeGreaterThanOrEqual(12);
    for (const c of CATEGORIES) expect(DEMO_CASES.some((d) => d.category === c), c).toBe(true);
    expect(DEMO_CASES.filter((d) => d.pensionForm).map((d) => d.pensionForm).sort()).toEqual(['apartment', 'free-trip', 'health-talk', 'house', 'insurance']);
    expect(DEMO_CASES.filter((d) => d.pensionForm).every((d) => d.category === 'pension')).toBe(true);
  });
  test('ids are unique URL-path words', () => {
    const ids = DEMO_CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]{1,64}$/);
  });
});

describe('cases: the real engine warns on every sample page', () => {
  for (const c of DEMO_CASES) {
    for (const locale of ['zh-CN', 'zh-TW'] as const) {
      test(`${c.id} (${locale}) warns, naming its kind`, () => {
        const v = scanPassages(pagePassages(c.text[locale]), {});
        expect(levelRank(v.level)).toBeGreaterThanOrEqual(levelRank('medium'));
        expect(v.categories).toContain(c.category);
      });
    }
  }
});

describe('quiz: the real messages stay silent, the scam pages warn', () => {
  const text = (id: string) => QUIZ_ITEMS.find((q) => q.id === id)!.text['zh-CN'];
  const scanItem = (id: string) => scanPassages([text(id).title ?? '', text(id).parts.map((p) => p.text).join('')], {});
  for (const item of QUIZ_ITEMS.filter((q) => !q.scam)) {
    test(`real: ${item.id} stays below medium`, () => {
      expect(levelRank(scanItem(item.id).level)).toBeLessThan(levelRank('medium'));
    });
  }
});

describe('quiz: items', () => {
  test('at least 20 items: scams and real ones, messages and pages, incl. a real bank notice and a real courier message', () => {
    expect(QUIZ_ITEMS.length).toBeGreaterThanOrEqual(20);
    expect(QUIZ_ITEMS.some((q) => q.scam)).toBe(true);
    expect(QUIZ_ITEMS.some((q) => !q.scam)).toBe(true);
    expect(new Set(QUIZ_ITEMS.map((q) => q.kind))).toEqual(new Set(['sms', 'page']));
    expect(QUIZ_ITEMS.find((q) => q.id === 'bank-spend-sms')?.scam).toBe(false);
    expect(QUIZ_ITEMS.find((q) => q.id === 'parcel-pickup-sms')?.scam).toBe(false);
    expect(new Set(QUIZ_ITEMS.map((q) => q.id)).size).toBe(QUIZ_ITEMS.length);
  });
  test('every item points at a giveaway part and explains it, in every language', () => {
    for (const q of QUIZ_ITEMS) {
      for (const l of LOCALES) {
        const t = q.text[l];
        expect(t.parts.some((p) => p.tell), `${q.id} ${l}`).toBe(true);
        expect(t.explain.length, `${q.id} ${l}`).toBeGreaterThan(10);
        expect(t.topic.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('languages', () => {
  test('every case text exists in zh-CN, zh-TW and en with the same shape (en glosses line up with the Chinese blocks)', () => {
    for (const c of DEMO_CASES) {
      const zh = c.text['zh-CN'];
      for (const l of LOCALES) {
        const t = c.text[l];
        expect(t.page.map((b) => Object.keys(b).sort().join()), `${c.id} ${l}`).toEqual(zh.page.map((b) => Object.keys(b).sort().join()));
        expect(t.signs.length).toBe(zh.signs.length);
        for (const v of [t.title, t.summary, t.site, t.hook, t.turn, t.ask, t.todo, t.notes.hook, t.notes.turn, t.notes.ask, t.notes.signs]) expect(v.trim().length).toBeGreaterThan(0);
      }
      expect(c.text.en.title).not.toBe(zh.title);
    }
  });
  test('the demo UI catalog has every key, non-empty, in all three languages', () => {
    for (const l of LOCALES) for (const k of Object.keys(demoZhCN)) expect(DEMO_CATALOGS[l][k as keyof typeof demoZhCN]?.trim(), `${l} ${k}`).toBeTruthy();
  });
  test('zh-TW is exactly the generator output (run `npx tsx scripts/demo-zh-tw.ts` after editing zh-CN)', () => {
    const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const deep = (v: unknown): unknown => (typeof v === 'string' ? toTw(v) : Array.isArray(v) ? v.map(deep) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deep(x)])) : v);
    const src = demoZhTwSources();
    expect(DEMO_CATALOGS['zh-TW']).toEqual(deep(src.ui));
    expect(CASES_ZH_TW).toEqual(deep(src.cases));
    expect(QUIZ_ZH_TW).toEqual(deep(src.quiz));
  });
});
