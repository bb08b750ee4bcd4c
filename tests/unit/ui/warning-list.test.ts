import { describe, expect, test } from 'vitest';
import { listSourceText } from '../../../src/ui/warning';

describe('interstitial list line: friendly names, never internal ids', () => {
  test.each([
    ['zh-CN', { listId: 'seed', listName: 'seed', listUrl: null }, '名单：内置名单（2026-01-02 收录）'],
    ['zh-TW', { listId: 'seed', listName: 'seed', listUrl: null }, '名單：內建名單（2026-01-02 收錄）'],
    ['en', { listId: 'seed', listName: 'seed', listUrl: null }, 'List: Built-in list (added 2026-01-02)'],
    ['zh-CN', { listId: 'user', listName: 'user', listUrl: null }, '名单：你自己（或家人）加入的名单（2026-01-02 收录）'],
    ['en', { listId: 'user', listName: 'user', listUrl: null }, 'List: your own list (added 2026-01-02)'],
    ['zh-CN', { listId: 'sub-1', listName: '社区名单', listUrl: 'https://lists.example/a.txt' }, '名单：社区名单（来源：https://lists.example/a.txt，2026-01-02 收录）'],
  ] as const)('%s %o', (locale, v, want) => {
    const got = listSourceText(locale, v, '2026-01-02');
    expect(got).toBe(want);
    expect(got).not.toMatch(/\bseed\b|\buser\b/);
  });
});
