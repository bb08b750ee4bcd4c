/** Presenter deck: routes from a hostile hash, → / ← moves, keys, the session timer; quiz order and score. */
import { describe, expect, test } from 'vitest';
import { formatElapsed, keyAction, move, parseRoute, routeHash, type Route } from '../../../src/demo/deck';
import { newRun, score, shuffled, QUIZ_ITEMS } from '../../../src/demo/quiz';
import { demoCaseIdOf, demoSiteUrl, DEMO_HOST } from '../../../src/demo/host';

const IDS = ['a-case', 'b-case'];

describe('parseRoute', () => {
  const table: Array<[string, Route]> = [
    ['', { view: 'list' }],
    ['#/', { view: 'list' }],
    ['#/case/a-case/turn', { view: 'case', caseId: 'a-case', step: 'turn' }],
    ['#/case/b-case', { view: 'case', caseId: 'b-case', step: 'hook' }],
    ['#/case/b-case/nonsense', { view: 'case', caseId: 'b-case', step: 'hook' }],
    ['#/case/unknown/turn', { view: 'list' }],
    ['#/case/__proto__/turn', { view: 'list' }],
    ['#/case/a-case/constructor', { view: 'case', caseId: 'a-case', step: 'hook' }],
    ['#/quiz', { view: 'quiz' }],
    ['#/handout', { view: 'handout' }],
    ['#/notes', { view: 'notes' }],
    ['#/<script>', { view: 'list' }],
    [`#/case/${'x'.repeat(5000)}`, { view: 'list' }],
  ];
  for (const [hash, want] of table) test(JSON.stringify(hash.slice(0, 40)), () => expect(parseRoute(hash, IDS)).toEqual(want));
  test('routeHash round-trips', () => {
    for (const r of [{ view: 'list' }, { view: 'case', caseId: 'a-case', step: 'pay' }, { view: 'quiz' }] as Route[]) expect(parseRoute(routeHash(r), IDS)).toEqual(r);
  });
});

describe('move', () => {
  test('forward through a case, then into the next case; the last step of the last case stays', () => {
    let r: Route = { view: 'list' };
    const seen: string[] = [];
    for (let i = 0; i < 20; i++) {
      r = move(r, 1, IDS);
      seen.push(r.view === 'case' ? `${r.caseId}/${r.step}` : r.view);
    }
    expect(seen.slice(0, 9)).toEqual(['a-case/hook', 'a-case/turn', 'a-case/ask', 'a-case/live', 'a-case/pay', 'a-case/site', 'a-case/signs', 'a-case/todo', 'b-case/hook']);
    expect(seen.at(-1)).toBe('b-case/todo');
  });
  test('back: previous step; the first step goes back to the list; the list stays', () => {
    expect(move({ view: 'case', caseId: 'b-case', step: 'turn' }, -1, IDS)).toEqual({ view: 'case', caseId: 'b-case', step: 'hook' });
    expect(move({ view: 'case', caseId: 'b-case', step: 'hook' }, -1, IDS)).toEqual({ view: 'list' });
    expect(move({ view: 'list' }, -1, IDS)).toEqual({ view: 'list' });
    expect(move({ view: 'quiz' }, 1, IDS)).toEqual({ view: 'quiz' });
  });
});

describe('keyAction', () => {
  const table: Array<[string, ReturnType<typeof keyAction>]> = [
    ['ArrowRight', 'next'], ['PageDown', 'next'], [' ', 'next'],
    ['ArrowLeft', 'prev'], ['PageUp', 'prev'],
    ['b', 'blank'], ['B', 'blank'], ['Escape', 'exit'],
    ['Enter', null], ['a', null], ['Tab', null], ['ArrowDown', null],
  ];
  for (const [key, want] of table) test(JSON.stringify(key), () => expect(keyAction(key)).toBe(want));
});

describe('formatElapsed', () => {
  const table: Array<[number, string]> = [[0, '00:00'], [999, '00:00'], [65_000, '01:05'], [3_725_000, '1:02:05'], [-5, '00:00']];
  for (const [ms, want] of table) test(String(ms), () => expect(formatElapsed(ms)).toBe(want));
});

describe('quiz order and score', () => {
  test('shuffled is a permutation and follows the random source', () => {
    const items = [1, 2, 3, 4, 5, 6];
    const out = shuffled(items, () => 0);
    expect([...out].sort()).toEqual(items);
    expect(out).not.toEqual(items);
    expect(shuffled(items, () => 0.999999)).toEqual(items);
  });
  test('score counts right answers only', () => {
    const run = newRun(QUIZ_ITEMS, Math.random);
    expect(score(run)).toBe(0);
    const [a, b, c] = run.order;
    run.answers.set(a!.id, a!.scam); // right
    run.answers.set(b!.id, !b!.scam); // wrong
    run.answers.set(c!.id, c!.scam); // right
    expect(score(run)).toBe(2);
    for (const item of run.order) run.answers.set(item.id, item.scam);
    expect(score(run)).toBe(QUIZ_ITEMS.length);
  });
});

describe('demo host', () => {
  test('accepts exactly https://demo.scamsentinel.invalid/<case id>', () => {
    expect(demoCaseIdOf(demoSiteUrl('pension-house'))).toBe('pension-house');
    expect(DEMO_HOST.endsWith('.invalid')).toBe(true);
  });
  const rejected = [
    'http://demo.scamsentinel.invalid/pension-house',
    'https://demo.scamsentinel.invalid.evil.com/pension-house',
    'https://evil.com/demo.scamsentinel.invalid/pension-house',
    'https://x.demo.scamsentinel.invalid/pension-house',
    'https://demo.scamsentinel.invalid:8443/pension-house',
    'https://user:pw@demo.scamsentinel.invalid/pension-house',
    'https://demo.scamsentinel.invalid/pension-house/more',
    'https://demo.scamsentinel.invalid/pension-house?x=1',
    'https://demo.scamsentinel.invalid/',
    'https://demo.scamsentinel.invalid/Pension-House%00',
    'https://www.icbc.com.cn/',
    'not a url',
  ];
  for (const url of rejected) test(`rejects ${url}`, () => expect(demoCaseIdOf(url)).toBeNull());
});
