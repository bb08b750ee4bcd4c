/**
 * Rule texts resolved by ruleId (src/engine/rule-texts.ts) and read once from the package
 * (src/i18n/rule-texts-loader.ts); the background's `cs-bg/rule-texts` through the real
 * router. Table-driven: "resolves" and "stays empty" groups.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { adviceFor, explanationFor, explanationsById, type RuleTexts } from '../../../src/engine/rule-texts';
import { CORE_RULE_TEXTS } from '../../../src/engine/rules/texts';
import { asRuleTexts, createRuleTextsLoader } from '../../../src/i18n/rule-texts-loader';
import { createBackground } from '../../../src/background/main';
import { openSentinelDb } from '../../../src/background/db';
import { memoryArea } from '../support/memory-area';
import type { Category, Locale } from '../../../src/engine/types';

const L = (zh: string, en: string) => ({ 'zh-CN': zh, 'zh-TW': `${zh}（繁）`, en });
const TEXTS: RuleTexts = {
  version: '2026.1.1',
  categoryAdvice: { investment: L('投资建议', 'invest advice'), pension: L('养老建议', 'pension advice') },
  rules: {
    'inv.own': { explanation: L('保本保息', 'guaranteed'), advice: L('自带建议', 'own advice') },
    'inv.plain': { explanation: L('内幕消息', 'insider tip') },
    'sig.contact': { explanation: L('加微信', 'add on WeChat'), signal: true },
    'sig.bare': { explanation: L('私下转账', 'pay privately'), signal: true },
  },
};
type Ev = { ruleId: string; category: Category; explanation?: ReturnType<typeof L>; advice?: ReturnType<typeof L> };
const ev = (ruleId: string, category: Category = 'investment', extra: Partial<Ev> = {}): Ev => ({ ruleId, category, ...extra });

describe('explanationFor', () => {
  describe('resolves', () => {
    test.each<[string, Ev, Locale, string]>([
      ['a rule by id, zh-CN', ev('inv.plain'), 'zh-CN', '内幕消息'],
      ['a rule by id, zh-TW', ev('inv.plain'), 'zh-TW', '内幕消息（繁）'],
      ['a rule by id, en', ev('inv.own'), 'en', 'guaranteed'],
      ['a signal rule', ev('sig.contact', 'pension'), 'zh-CN', '加微信'],
      ['evidence with its own words (a listed identifier) keeps them', ev('id.phone', 'investment', { explanation: L('电话在名单上', 'listed phone') }), 'en', 'listed phone'],
    ])('%s', (_n, e, locale, want) => expect(explanationFor(TEXTS, e, locale)).toBe(want));
  });
  describe('stays empty (the caller shows the category name)', () => {
    test.each<[string, RuleTexts | null, Ev]>([
      ['unknown rule id', TEXTS, ev('inv.missing')],
      ['texts not loaded', null, ev('inv.plain')],
      ['an inherited key is not a rule', TEXTS, ev('__proto__')],
      ['constructor is not a rule', TEXTS, ev('constructor')],
    ])('%s', (_n, texts, e) => expect(explanationFor(texts, e, 'zh-CN')).toBe(''));
  });
});

describe('adviceFor', () => {
  test.each<[string, Ev, Locale, string]>([
    ['own advice first', ev('inv.own'), 'zh-CN', '自带建议'],
    ['else the category advice', ev('inv.plain'), 'en', 'invest advice'],
    ['a signal rule advises as the page category', ev('sig.contact', 'pension'), 'zh-CN', '养老建议'],
    ['a signal rule in a category without advice falls back to its explanation', ev('sig.bare', 'gambling'), 'en', 'pay privately'],
    ['an unknown rule gets its category advice', ev('inv.missing', 'pension'), 'en', 'pension advice'],
    ['own advice on the evidence wins', ev('inv.plain', 'investment', { advice: L('别打', "don't call") }), 'en', "don't call"],
    ['nothing known', ev('inv.missing', 'gambling'), 'en', ''],
  ])('%s', (_n, e, locale, want) => expect(adviceFor(TEXTS, e, locale)).toBe(want));
});

describe('explanationsById (what the page asks for when its alert opens)', () => {
  test('answers only the asked ids it knows, in one locale', () => {
    expect(explanationsById(TEXTS, ['inv.plain', 'sig.contact', 'inv.missing', '__proto__'], 'en')).toEqual({ 'inv.plain': 'insider tip', 'sig.contact': 'add on WeChat' });
  });
  test('no texts → nothing', () => expect(explanationsById(null, ['inv.plain'], 'en')).toEqual({}));
  test('the built texts know every id the engine can emit (spot check)', () => {
    const id = Object.keys(CORE_RULE_TEXTS.rules)[0]!;
    expect(explanationsById(CORE_RULE_TEXTS, [id], 'zh-CN')[id]!.length).toBeGreaterThan(3);
  });
});

describe('loader', () => {
  test('reads once, then serves from the cache', async () => {
    let reads = 0;
    const load = createRuleTextsLoader(async () => {
      reads++;
      return TEXTS;
    });
    expect(await load()).toBe(TEXTS);
    expect(await load()).toBe(TEXTS);
    expect(reads).toBe(1);
  });
  test('a failed read is tried again next time', async () => {
    let reads = 0;
    const load = createRuleTextsLoader(async () => {
      reads++;
      if (reads === 1) throw new Error('not found');
      return TEXTS;
    });
    expect(await load()).toBeNull();
    expect(await load()).toBe(TEXTS);
  });
  test.each([
    ['not an object', 'nope'],
    ['no rules', { version: '1', categoryAdvice: {} }],
    ['rules is an array', { version: '1', categoryAdvice: {}, rules: [] }],
    ['no version', { categoryAdvice: {}, rules: {} }],
  ])('refuses a broken file: %s', (_n, value) => expect(asRuleTexts(value)).toBeNull());
});

describe('background: cs-bg/rule-texts', () => {
  const cs = { id: 'ext', url: 'https://shop.example/page', tab: { id: 7, url: 'https://shop.example/page' }, frameId: 0 };
  const popup = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
  const start = (ruleTexts?: () => Promise<RuleTexts | null>) => {
    globalThis.indexedDB = new IDBFactory();
    return createBackground({
      extensionId: 'ext',
      extensionOrigin: 'chrome-extension://ext/',
      session: memoryArea(),
      local: memoryArea(),
      badge: { async setBadgeText() {}, async setBadgeBackgroundColor() {} },
      db: () => openSentinelDb(),
      now: () => 0,
      log: () => undefined,
      ...(ruleTexts ? { ruleTexts } : {}),
    });
  };
  test('answers a content script with the asked explanations', async () => {
    const bg = start(async () => TEXTS);
    const reply = await bg.route({ type: 'cs-bg/rule-texts', payload: { ruleIds: ['inv.plain', 'inv.missing'], locale: 'zh-TW' } }, cs);
    expect(reply).toEqual({ ok: true, data: { texts: { 'inv.plain': '内幕消息（繁）' } } });
  });
  test('__proto__ / constructor pass the id alphabet but name no rule', async () => {
    const bg = start(async () => TEXTS);
    const reply = await bg.route({ type: 'cs-bg/rule-texts', payload: { ruleIds: ['__proto__', 'constructor'], locale: 'en' } }, cs);
    expect(reply).toEqual({ ok: true, data: { texts: {} } });
  });
  test('texts unreadable → an empty answer (the page names categories)', async () => {
    const bg = start(async () => null);
    expect(await bg.route({ type: 'cs-bg/rule-texts', payload: { ruleIds: ['inv.plain'], locale: 'en' } }, cs)).toEqual({ ok: true, data: { texts: {} } });
  });
  test.each([
    ['an extension page asks (content-script-only message)', { ruleIds: ['inv.plain'], locale: 'en' }, popup],
    ['a rule id outside the id alphabet', { ruleIds: ['Inv Plain!'], locale: 'en' }, cs],
    ['a rule id too long', { ruleIds: ['a'.repeat(61)], locale: 'en' }, cs],
    ['an unknown locale', { ruleIds: ['inv.plain'], locale: 'fr' }, cs],
    ['more than 50 ids', { ruleIds: Array.from({ length: 51 }, (_, i) => `inv.r${i}`), locale: 'en' }, cs],
  ])('refused: %s', async (_n, payload, sender) => {
    const bg = start(async () => TEXTS);
    const reply = await bg.route({ type: 'cs-bg/rule-texts', payload }, sender);
    expect(reply.ok).toBe(false);
  });
});
