/**
 * The interstitial states only what the background confirms (confirmWarning): a web page
 * can open warning.html with any parameters, so the parameters alone must never produce
 * a danger page — e.g. `?k=blacklist&u=https://www.icbc.com.cn/` for a real bank.
 */
import { describe, expect, test } from 'vitest';
import { confirmWarning, sameDocument } from '../../../src/ui/warning';
import type { Request } from '../../../src/ui/report-panel';
import type { WarningKind } from '../../../src/ui/target-url';

const LISTED = 'https://scam-demo.example/pay';
const HIGH_PAGE = 'http://127.0.0.1:8080/warn/high.html';

const verdict = (level: 'none' | 'low' | 'medium' | 'high') => ({
  level,
  score: level === 'high' ? 90 : level === 'medium' ? 60 : 10,
  categories: ['impersonation_authority' as const],
  evidence: [],
});

/** A background that lists one URL and has one tab (id 7) showing HIGH_PAGE at `level`. */
function background(level: 'none' | 'low' | 'medium' | 'high' = 'high'): Request {
  const base = { host: null, match: null, category: null, listId: null, listName: null, listUrl: null, firstSeen: null, listUpdatedAt: null, brand: null };
  return (async (type: string, payload: { url?: string; tabId?: number }) => {
    if (type === 'ui-bg/url-verdict') {
      if (payload.url === LISTED) return { ...base, result: 'block', host: 'scam-demo.example', listId: 'seed', listName: 'seed' };
      if (payload.url === 'https://www.icbc.com.cn/') return { ...base, result: 'none' };
      if (payload.url === 'https://icbc-kefu.example/') return { ...base, result: 'caution' };
      if (payload.url === 'https://allowed.example/') return { ...base, result: 'allow' };
      return { ...base, result: 'none' };
    }
    if (type === 'ui-bg/get-tab-state') {
      if (payload.tabId === 7) return { url: HIGH_PAGE, verdict: verdict(level), scannedAt: 1 };
      return { url: null, verdict: null, scannedAt: null };
    }
    throw new Error(`unexpected ${type}`);
  }) as unknown as Request;
}

const failing: Request = (async () => {
  throw new Error('worker gone');
}) as unknown as Request;

describe('confirmWarning: shows the danger page only for what the background confirms', () => {
  test.each([
    ['a listed URL', 'blacklist', LISTED, null],
    ['a high page verdict for that tab and URL', 'page', HIGH_PAGE, '7'],
    ['the same document with another fragment', 'page', `${HIGH_PAGE}#top`, '7'],
  ] as const)('warns: %s', async (_name, kind, url, tab) => {
    const c = await confirmWarning(background(), kind as WarningKind, url, tab);
    expect(c?.kind).toBe(kind);
  });

  test('warns: a medium page verdict', async () => {
    expect((await confirmWarning(background('medium'), 'page', HIGH_PAGE, '7'))?.kind).toBe('page');
  });
});

describe('confirmWarning: stays neutral for anything unconfirmed', () => {
  test.each([
    ['a real bank named in the URL', 'blacklist', 'https://www.icbc.com.cn/', null],
    ['a lookalike (caution is not a listing)', 'blacklist', 'https://icbc-kefu.example/', null],
    ['an allowed site', 'blacklist', 'https://allowed.example/', null],
    ['k=page for a tab showing another URL', 'page', 'https://www.icbc.com.cn/', '7'],
    ['k=page for an unknown tab', 'page', HIGH_PAGE, '8'],
    ['k=page without a tab', 'page', HIGH_PAGE, null],
    ['k=page with a negative tab', 'page', HIGH_PAGE, '-7'],
    ['k=page with a non-numeric tab', 'page', HIGH_PAGE, '7abc'],
    ['k=page with a huge tab id', 'page', HIGH_PAGE, '99999999999999999999'],
  ] as const)('stays neutral: %s', async (_name, kind, url, tab) => {
    expect(await confirmWarning(background(), kind as WarningKind, url, tab)).toBeNull();
  });

  test.each(['none', 'low'] as const)('stays neutral: k=page when the tab verdict is only %s', async (level) => {
    expect(await confirmWarning(background(level), 'page', HIGH_PAGE, '7')).toBeNull();
  });

  test.each(['blacklist', 'page'] as const)('stays neutral: the background does not answer (%s)', async (kind) => {
    expect(await confirmWarning(failing, kind, LISTED, '7')).toBeNull();
  });
});

describe('sameDocument', () => {
  test.each([
    ['https://a.example/p?x=1', 'https://a.example/p?x=1#f', true],
    ['https://a.example/p?x=1', 'https://a.example/p?x=2', false],
    ['https://a.example/p', 'http://a.example/p', false],
    ['https://a.example/p', 'https://b.example/p', false],
    ['not a url', 'https://a.example/', false],
  ] as const)('%s vs %s → %s', (a, b, want) => {
    expect(sameDocument(a, b)).toBe(want);
  });
});
