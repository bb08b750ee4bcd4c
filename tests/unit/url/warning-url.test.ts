/** The warning-page URL codec: what dnr.ts and nav-guard.ts build is what the warning page parses. */
import { describe, expect, test } from 'vitest';
import { buildWarningUrl, parseWarningUrl, warningRedirectSubstitution } from '../../../src/url/warning-url';
import { redirectRule } from '../../../src/background/dnr';
import { warningUrl } from '../../../src/background/nav-guard';

const PAGE = 'chrome-extension://abc/warning.html';
const split = (href: string) => {
  const u = new URL(href);
  return { search: u.search, hash: u.hash };
};

describe('round trip: built → parsed target is the original URL', () => {
  test.each([
    'https://scam-demo.example/',
    'https://a.example/p?b=1&c=2#frag',
    'http://xn--80ak6aa92e.com/path?x=%E4%BD%A0',
    'https://a.example/?u=https://b.example/&k=page#u=evil',
  ])('%s (nav guard form)', (target) => {
    const { search, hash } = split(buildWarningUrl(PAGE, target));
    expect(parseWarningUrl(search, hash)).toEqual({ target, kind: 'blacklist', tab: null });
  });
  test.each(['https://a.example/p?b=1&c=2#frag', 'https://a.example/x#u=y'])('%s (DNR form: raw URL after #u=)', (target) => {
    // What Chromium does with the rule: \0 replaced by the whole matched URL.
    const href = warningRedirectSubstitution(PAGE).replace('\\0', target);
    const u = href.indexOf('#');
    expect(parseWarningUrl(href.slice(href.indexOf('?'), u), href.slice(u))).toEqual({ target, kind: 'blacklist', tab: null });
  });
  test('page kind with a tab', () => {
    const { search, hash } = split(buildWarningUrl(PAGE, 'https://a.example/', 'page', 7));
    expect(parseWarningUrl(search, hash)).toEqual({ target: 'https://a.example/', kind: 'page', tab: '7' });
  });
});

describe('one home: the background builds with the codec', () => {
  test('nav-guard warningUrl', () => expect(warningUrl(PAGE, 'https://a.example/?q=1')).toBe(buildWarningUrl(PAGE, 'https://a.example/?q=1')));
  test('DNR redirect rule', () => expect(redirectRule(1, 10, ['a.example'], PAGE).action.redirect?.regexSubstitution).toBe(warningRedirectSubstitution(PAGE)));
});

describe('hostile input', () => {
  test.each([
    ['?k=evil&u=https%3A%2F%2Fa.example%2F', '', 'blacklist'],
    ['?k=page', '', 'page'],
    ['', '', 'blacklist'],
  ])('%j%j → kind %s', (search, hash, kind) => expect(parseWarningUrl(search, hash).kind).toBe(kind));
  test('no target at all', () => expect(parseWarningUrl('?k=blacklist', '').target).toBeNull());
});
