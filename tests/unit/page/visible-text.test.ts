// Pure helpers of the extraction. The DOM walk itself is exercised in real Chromium:
// tests/e2e/page-bad-input.e2e.test.ts and tests/e2e/engine-pages.e2e.test.ts.
import { describe, expect, test } from 'vitest';
import { hiddenByStyle, isInlineDisplay, splitLongText, tidy } from '../../../src/page/visible-text';

describe('splitLongText', () => {
  test('prefers to cut just after a sentence end near the limit', () => {
    expect(splitLongText('一二三四五六七八。九十甲乙', 10)).toEqual(['一二三四五六七八。', '九十甲乙']);
  });
  test('hard-cuts when there is no sentence end, and never splits a surrogate pair', () => {
    const text = 'a'.repeat(9) + '😀' + 'b'.repeat(5);
    const parts = splitLongText(text, 10);
    expect(parts.join('')).toBe(text);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(10);
      expect(/[\uD800-\uDBFF]$/.test(p)).toBe(false);
    }
  });
  test('5 MB of one character: bounded pieces, nothing lost', () => {
    const text = '保'.repeat(5_000_000);
    const parts = splitLongText(text, 8000);
    expect(parts.length).toBe(625);
    expect(parts.reduce((n, p) => n + p.length, 0)).toBe(text.length);
  });
});

describe('tidy', () => {
  test('collapses whitespace and drops whitespace-only text', () => {
    expect(tidy('  保本\n\t 保息  ')).toBe('保本 保息');
    expect(tidy(' \n ')).toBe('');
  });
});

describe('display and visibility', () => {
  test.each([
    ['inline', true],
    ['inline-block', true],
    ['inline-flex', true],
    ['contents', true],
    ['block', false],
    ['list-item', false],
    ['table-cell', false],
    ['flex', false],
  ])('display %s → inline %s', (display, inline) => {
    expect(isInlineDisplay(display)).toBe(inline);
  });
  test.each([
    [{ display: 'none', visibility: 'visible', contentVisibility: 'visible' }, true],
    [{ display: 'block', visibility: 'hidden', contentVisibility: 'visible' }, true],
    [{ display: 'block', visibility: 'visible', contentVisibility: 'hidden' }, true],
    [{ display: 'block', visibility: 'visible', contentVisibility: 'visible' }, false],
  ])('%o hidden → %s', (style, hidden) => {
    expect(hiddenByStyle(style)).toBe(hidden);
  });
});
