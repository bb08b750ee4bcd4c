/**
 * Matching and precedence (src/lists/precedence.ts):
 * user allow > user block > list allow > list block; most specific match within a level.
 */
import { describe, expect, it, test } from 'vitest';
import { buildIndex, confirmVerdict, lookupIdentifier, lookupUrl } from '../../../src/lists/lookup';
import { metaKey } from '../../../src/lists/compact-index';
import { canonicalize, lookupExpressions } from '../../../src/url/canonicalize';
import type { EntryKind, ListAction, ListEntry } from '../../../src/lists/types';

const entry = (kind: EntryKind, value: string, action: ListAction, source = 'sub1', extra: Partial<ListEntry> = {}): ListEntry => ({
  kind,
  value,
  action,
  source,
  category: 'investment',
  firstSeen: 1,
  ...extra,
});

const verdict = (entries: ListEntry[], url: string) => {
  const v = lookupUrl(buildIndex(entries), url).verdict;
  return `${v.result}${v.match ? ' ' + v.match : ''}`;
};

describe('matching: warns (block)', () => {
  const entries = [
    entry('domain', 'scam-demo.example', 'block'),
    entry('host', 'exact.example', 'block'),
    entry('ip', '203.0.113.7', 'block'),
    entry('urlPrefix', 'shared.example/~scam/', 'block'),
    entry('urlPrefix', 'shared.example/page.html', 'block'),
  ];
  it.each([
    ['https://scam-demo.example/', 'block scam-demo.example'],
    ['https://a.b.c.scam-demo.example/x?y', 'block scam-demo.example'],
    ['http://SCAM-DEMO.EXAMPLE./', 'block scam-demo.example'],
    ['http://exact.example/anything', 'block exact.example'],
    ['http://203.0.113.7/login', 'block 203.0.113.7'],
    ['http://3405803783/login', 'block 203.0.113.7'], // decimal form of the same IP
    ['http://shared.example/~scam/', 'block shared.example/~scam/'],
    ['http://shared.example/~scam/deep/page.php?id=1', 'block shared.example/~scam/'],
    ['http://shared.example/page.html?utm=1', 'block shared.example/page.html'],
    ['http://sub.shared.example/~scam/x', 'block shared.example/~scam/'], // Safe Browsing host suffix semantics
    ['http://shared.example/%7Escam/x', 'block shared.example/~scam/'], // escaped tilde
  ])('%s → %s', (url, expected) => expect(verdict(entries, url)).toBe(expected));
});

describe('matching: stays silent', () => {
  const entries = [
    entry('domain', 'scam-demo.example', 'block'),
    entry('host', 'exact.example', 'block'),
    entry('urlPrefix', 'shared.example/~scam/', 'block'),
    entry('urlPrefix', 'shared.example/page.html', 'block'),
  ];
  it.each([
    'https://notscam-demo.example/', // not a subdomain
    'https://scam-demo.example.evil.test/', // scam domain as a label of another domain
    'http://sub.exact.example/', // host entries do not cover subdomains
    'http://shared.example/', // other pages on shared hosting
    'http://shared.example/~scammer/', // prefix is by path component, not by characters
    'http://shared.example/page.html2',
    'javascript:alert(1)',
    'not a url at all',
  ])('%s', (url) => expect(verdict(entries, url)).toBe('none'));
});

describe('precedence across levels', () => {
  it('user allow beats everything, even a more specific user block', () => {
    const e = [entry('domain', 'x.example', 'allow', 'user'), entry('urlPrefix', 'x.example/bad/', 'block', 'user'), entry('host', 'x.example', 'block')];
    expect(lookupUrl(buildIndex(e), 'http://x.example/bad/1').verdict).toMatchObject({ result: 'allow', level: 'userAllow', match: 'x.example' });
  });
  it('user block beats a list allow', () => {
    const e = [entry('domain', 'x.example', 'block', 'user:family'), entry('host', 'x.example', 'allow')];
    expect(lookupUrl(buildIndex(e), 'http://x.example/').verdict).toMatchObject({ result: 'block', level: 'userBlock' });
  });
  it('list allow beats a more specific list block', () => {
    const e = [entry('domain', 'allowed-demo.example', 'allow', 'seed'), entry('urlPrefix', 'allowed-demo.example/bad/', 'block')];
    expect(lookupUrl(buildIndex(e), 'http://allowed-demo.example/bad/').verdict).toMatchObject({ result: 'allow', type: 'allowlist', level: 'listAllow' });
  });
  it('the worked example of types.ts: user allows one host under a blocked domain', () => {
    const e = [entry('domain', 'scam-demo.example', 'block', 'seed'), entry('host', 'safe.scam-demo.example', 'allow', 'user')];
    expect(verdict(e, 'https://safe.scam-demo.example/x')).toBe('allow safe.scam-demo.example');
    expect(verdict(e, 'https://other.scam-demo.example/')).toBe('block scam-demo.example');
  });
});

describe('most specific wins within a level', () => {
  it.each([
    [[entry('domain', 'a.example', 'block'), entry('domain', 'b.a.example', 'block')], 'http://c.b.a.example/', 'block b.a.example'],
    [[entry('domain', 'a.example', 'block'), entry('host', 'b.a.example', 'block')], 'http://b.a.example/', 'block b.a.example'],
    [[entry('host', 'b.a.example', 'block'), entry('urlPrefix', 'b.a.example/x/', 'block')], 'http://b.a.example/x/y', 'block b.a.example/x/'],
    [[entry('urlPrefix', 'b.a.example/x/', 'block'), entry('urlPrefix', 'b.a.example/x/y/', 'block')], 'http://b.a.example/x/y/z', 'block b.a.example/x/y/'],
  ])('%#', (entries, url, expected) => expect(verdict(entries, url)).toBe(expected));
});

describe('confirmVerdict (metadata fetched on a hit)', () => {
  const block = entry('domain', 'scam-demo.example', 'block', 'seed', { category: 'investment' });
  const ix = buildIndex([block, entry('host', 'expired.example', 'block')]);
  it('fills in the entry from its record', () => {
    const { hits } = lookupUrl(ix, 'https://www.scam-demo.example/');
    const records = new Map([[metaKey('domain', 'scam-demo.example'), [block]]]);
    const v = confirmVerdict(hits, (k) => records.get(k), 10);
    expect(v).toMatchObject({ result: 'block', entry: { category: 'investment', source: 'seed' } });
  });
  it('drops a hit with no record (hash collision or stale index)', () => {
    const { hits } = lookupUrl(ix, 'https://www.scam-demo.example/');
    expect(confirmVerdict(hits, () => undefined, 10).result).toBe('none');
  });
  it('drops expired entries', () => {
    const { hits } = lookupUrl(ix, 'https://expired.example/');
    const rec = [entry('host', 'expired.example', 'block', 'sub1', { expires: 5 })];
    expect(confirmVerdict(hits, () => rec, 10).result).toBe('none');
    expect(confirmVerdict(hits, () => rec, 4).result).toBe('block');
  });
  it('keeps precedence when a record holds entries from several sources', () => {
    const e = [entry('domain', 'x.example', 'block', 'sub1'), entry('domain', 'x.example', 'allow', 'user')];
    const { hits } = lookupUrl(buildIndex(e), 'http://x.example/');
    expect(confirmVerdict(hits, () => e, 0)).toMatchObject({ result: 'allow', level: 'userAllow', entry: { source: 'user' } });
  });
});

describe('identifiers for the on-page check', () => {
  const ix = buildIndex([], [{ kind: 'phone', value: '13800138000', source: 'sub1' }, { kind: 'qq', value: '10001', source: 'sub1' }]);
  it('finds a listed phone in any written form', () => {
    expect(lookupIdentifier(ix, 'phone', '+86 138-0013-8000')).toBe('phone:13800138000');
    expect(lookupIdentifier(ix, 'qq', '10001')).toBe('qq:10001');
  });
  it('stays silent for others', () => {
    expect(lookupIdentifier(ix, 'phone', '13800138001')).toBeNull();
    expect(lookupIdentifier(ix, 'wechat', '10001')).toBeNull();
  });
});

describe('URL-prefix probes (one-pass hashing) agree with lookupExpressions', () => {
  it.each([
    'http://a.b.c/1/2.html?param=1',
    'http://a.b.c.d.e.f.g/1/2/3/4/5.html?x=y',
    'http://h.example/',
    'http://h.example/dir/',
    'http://h.example/a/b/c/',
    'http://h.example/a/b/c/d/',
    'http://h.example/page?',
    'http://203.0.113.7/x/y?z',
  ])('%s', (url) => {
    const c = canonicalize(url);
    if (!c.ok) throw new Error(url);
    const expressions = lookupExpressions(c.url);
    const ix = buildIndex(expressions.map((v) => entry('urlPrefix', v, 'block')));
    const hits = lookupUrl(ix, url).hits.filter((h) => h.kind === 'urlPrefix').map((h) => h.value);
    expect(hits).toEqual(expressions);
  });
});

describe('URL prefixes under diffs (host markers)', () => {
  it('removing one prefix on a host keeps the other one matching', () => {
    const ix = buildIndex([entry('urlPrefix', 'shared.example/~a/', 'block'), entry('urlPrefix', 'shared.example/~b/', 'block')]);
    const next = ix.applyDiff({ add: [], remove: [{ kind: 'urlPrefix', value: 'shared.example/~a/', level: 'listBlock' }] });
    expect(lookupUrl(next, 'http://shared.example/~a/x').verdict.result).toBe('none');
    expect(lookupUrl(next, 'http://shared.example/~b/x').verdict.result).toBe('block');
  });
  it('a prefix added by a diff is found', () => {
    const ix = buildIndex([entry('domain', 'a.example', 'block')]);
    const next = ix.applyDiff({ add: [{ kind: 'urlPrefix', value: 'shared.example/~new/', level: 'listBlock' }], remove: [] });
    expect(lookupUrl(next, 'http://www.shared.example/~new/p').verdict).toMatchObject({ result: 'block', match: 'shared.example/~new/' });
  });
});

describe('very long hosts', () => {
  const long = 'a.b.c.d.e.f.g.h.i.j.k.l.shared.example';
  it('a domain entry still matches through the last labels', () => {
    expect(verdict([entry('domain', 'shared.example', 'block')], `http://${long}/`)).toBe('block shared.example');
  });
  it('an exact-host URL prefix on a 14-label host matches once', () => {
    const hits = lookupUrl(buildIndex([entry('urlPrefix', `${long}/x/`, 'block')]), `http://${long}/x/y`).hits;
    expect(hits.map((h) => h.value)).toEqual([`${long}/x/`]);
  });
  it('an 11-label exact host with a URL prefix matches once', () => {
    const h11 = 'a.b.c.d.e.f.g.h.i.shared.example';
    const hits = lookupUrl(buildIndex([entry('urlPrefix', `${h11}/x/`, 'block')]), `http://${h11}/x/y`).hits;
    expect(hits.map((h) => h.value)).toEqual([`${h11}/x/`]);
  });
});

describe('one order, three users of it (src/lists/precedence.ts)', () => {
  test('DNR priorities follow the level order (the values the rules always had)', async () => {
    const { DNR_PRIORITY } = await import('../../../src/lists/precedence');
    expect(DNR_PRIORITY).toEqual({ userAllow: 40, userBlock: 30, listAllow: 20, listBlock: 10, bypass: 50 });
  });
  test.each([
    ['a.example', { allow: ['a.example'], block: ['a.example'] }, 'userAllow'],
    ['x.a.example', { allow: [], block: ['a.example'] }, 'userBlock'],
    ['b.example', { allow: ['a.example'], block: [] }, null],
    ['notb.example', { allow: [], block: ['b.example'] }, null],
  ] as const)('user lists: %s with %j → %s', async (host, lists, want) => {
    const { userLevelMatch } = await import('../../../src/lists/precedence');
    const user = { allow: lists.allow.map((h) => ({ host: h, addedAt: 0 })), block: lists.block.map((h) => ({ host: h, addedAt: 0 })) };
    expect(userLevelMatch(host, user)?.level ?? null).toBe(want);
  });
});
