/**
 * The blacklist's protocol handlers and lifecycle through the real router (sender
 * checks, zod validation of requests AND responses), with fake-indexeddb, in-memory
 * storage/DNR, and a fake fetch. Plus the options section's freshness wording.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import { createBlacklist } from '../../../src/background/blacklist';
import { createRouter } from '../../../src/background/router';
import { DNR_STATE_KEY } from '../../../src/background/nav-guard';
import { errorText, freshnessText, statusText } from '../../../src/ui/options-lists';
import { memoryArea } from '../support/memory-area';
import { fakeDnr, fakeFetch, freshDb, SEED, T0 } from './list-fixtures';

const WARN = 'chrome-extension://ext/warning.html';
const ui = { id: 'ext', url: 'chrome-extension://ext/options.html' };
const cs = { id: 'ext', url: 'https://shop.example/', tab: { id: 3 }, frameId: 0 };
const HOUR = 3600_000;

let db: ReturnType<typeof freshDb>;
beforeEach(() => {
  db = freshDb();
});

function start(routes: Parameters<typeof fakeFetch>[0] = {}, shared?: { local: ReturnType<typeof memoryArea>; session: ReturnType<typeof memoryArea>; dnr: ReturnType<typeof fakeDnr> }) {
  const local = shared?.local ?? memoryArea();
  const session = shared?.session ?? memoryArea();
  const dnr = shared?.dnr ?? fakeDnr();
  const clock = { now: T0 };
  const alarms: Array<{ name: string; when: number }> = [];
  const bl = createBlacklist({
    db,
    local,
    session,
    dnr,
    fetch: fakeFetch(routes).fn as never,
    alarms: { create: (name, info) => void alarms.push({ name, ...info }) },
    tabs: { update: async () => undefined },
    warningPage: WARN,
    now: () => clock.now,
    random: () => 0.5,
    seed: SEED,
  });
  const route = createRouter(bl.handlers, { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/' });
  return { bl, route, local, session, dnr, clock, alarms };
}

describe('handlers', () => {
  test('ui-bg/url-verdict names the list, its category and dates for the warning page', async () => {
    const { bl, route } = start();
    await bl.onInstalled();
    const r = await route({ type: 'ui-bg/url-verdict', payload: { url: 'http://www.fake-police.example/case?id=1' } }, ui);
    expect(r).toEqual({
      ok: true,
      data: expect.objectContaining({ result: 'block', host: 'www.fake-police.example', match: 'fake-police.example', category: 'impersonation_authority', listId: 'seed', listName: 'Bundled', listUpdatedAt: T0, firstSeen: 1_795_392_000_000 }),
    });
  });

  test('ui-bg/url-verdict: a lookalike is a caution naming the brand, never a block', async () => {
    const { route } = start();
    const r = await route({ type: 'ui-bg/url-verdict', payload: { url: 'https://icbc-kefu.example/' } }, ui);
    expect(r).toMatchObject({ ok: true, data: { result: 'caution', brand: { 'zh-CN': expect.stringContaining('工商银行') } } });
  });

  test('cs-bg/url-verdict gives the content script the brand of a lookalike, silence elsewhere', async () => {
    const { route } = start();
    expect(await route({ type: 'cs-bg/url-verdict', payload: { url: 'https://icbc-kefu.example/' } }, cs)).toMatchObject({ ok: true, data: { caution: true, brandId: expect.any(String) } });
    expect(await route({ type: 'cs-bg/url-verdict', payload: { url: 'https://www.icbc.com.cn/' } }, cs)).toMatchObject({ ok: true, data: { caution: false, brand: null } });
    expect(await route({ type: 'cs-bg/url-verdict', payload: { url: 'https://example.org/' } }, cs)).toMatchObject({ ok: true, data: { caution: false } });
  });

  test('cs-bg/url-verdict says allowed after "continue once" or "always allow" (the person\'s own allow list)', async () => {
    const { bl, route } = start();
    await bl.onInstalled();
    const ask = async (url: string) => ((await route({ type: 'cs-bg/url-verdict', payload: { url } }, cs)) as { data: { allowed?: boolean } }).data.allowed === true;
    // stays silent (not allowed): unknown, listed, and never-touched hosts
    expect(await ask('https://example.org/')).toBe(false);
    expect(await ask('http://www.fake-police.example/')).toBe(false);
    expect(await ask('https://allowed-demo.example/')).toBe(false); // a list's allow entry is not the person's choice
    // allowed: the person's own allow list (also a subdomain), and a session bypass
    await route({ type: 'ui-bg/lists-user-set', payload: { host: 'family-shop.example', action: 'allow', present: true } }, ui);
    expect(await ask('https://family-shop.example/pay')).toBe(true);
    expect(await ask('https://m.family-shop.example/pay')).toBe(true);
    await route({ type: 'ui-bg/proceed', payload: { url: 'http://www.fake-police.example/case', scope: 'once' } }, ui);
    expect(await ask('http://www.fake-police.example/other')).toBe(true);
    await route({ type: 'ui-bg/proceed', payload: { url: 'https://always.example/', scope: 'always' } }, ui);
    expect(await ask('https://always.example/x')).toBe(true);
    await route({ type: 'ui-bg/undo-allow', payload: { host: 'always.example' } }, ui);
    expect(await ask('https://always.example/x')).toBe(false);
  });

  test('ui-bg/* list messages from a web page are refused by the router', async () => {
    const { route } = start();
    expect(await route({ type: 'ui-bg/proceed', payload: { url: 'http://scam-demo.example/', scope: 'always' } }, cs)).toMatchObject({ ok: false });
    expect(await route({ type: 'ui-bg/lists-add', payload: { url: 'https://x.example/l.txt', format: 'plain' } }, cs)).toMatchObject({ ok: false });
  });

  test.each([
    [{ url: 'javascript:alert(1)', format: 'plain' }, 'url'],
    [{ url: 'ftp://lists.example/x', format: 'plain' }, 'url'],
    [{ url: 'not a url', format: 'auto' }, 'url'],
    [{ url: 'https://feeds.example/manifest', format: 'feed' }, 'key'],
  ])('ui-bg/lists-add refuses %o with %s', async (payload, error) => {
    const { route } = start();
    expect(await route({ type: 'ui-bg/lists-add', payload }, ui)).toMatchObject({ ok: true, data: { ok: false, error } });
  });

  test('ui-bg/lists-add subscribes, downloads at once, and ui-bg/lists-get shows it after the seed', async () => {
    const { bl, route, alarms } = start({ 'https://lists.example/a.txt': () => ({ body: 'sub-scam.example\n' }) });
    await bl.onInstalled();
    const add = await route({ type: 'ui-bg/lists-add', payload: { url: 'https://lists.example/a.txt', format: 'auto' } }, ui);
    expect(add).toMatchObject({ ok: true, data: { ok: true, list: { entryCount: 1, lastSuccess: T0, lastError: null } } });
    expect(await route({ type: 'ui-bg/lists-add', payload: { url: 'https://lists.example/a.txt', format: 'auto' } }, ui)).toMatchObject({ data: { ok: false, error: 'exists' } });
    const got = (await route({ type: 'ui-bg/lists-get', payload: {} }, ui)) as { ok: true; data: { lists: Array<{ id: string }> } };
    expect(got.data.lists.map((l) => l.id)[0]).toBe('seed');
    expect(got.data.lists).toHaveLength(2);
    expect(alarms.at(-1)?.when).toBeGreaterThan(T0);
    expect((await bl.lists.verdict('https://sub-scam.example/')).verdict.result).toBe('block');
  });

  test('ui-bg/lists-user-set accepts a host or a URL, refuses junk', async () => {
    const { route, bl } = start();
    expect(await route({ type: 'ui-bg/lists-user-set', payload: { host: 'https://Mine.Example/path', action: 'block', present: true } }, ui)).toMatchObject({ data: { ok: true } });
    expect((await bl.lists.userLists()).block.map((u) => u.host)).toEqual(['mine.example']);
    expect(await route({ type: 'ui-bg/lists-user-set', payload: { host: 'two words', action: 'allow', present: true } }, ui)).toMatchObject({ data: { ok: false, error: 'host' } });
    expect(await route({ type: 'ui-bg/lists-remove', payload: { id: 'seed' } }, ui)).toMatchObject({ data: { ok: false } });
  });
});

describe('lifecycle', () => {
  test('install stores the seed and its DNR rules; a worker killed before the rule sync is repaired at start-up', async () => {
    const first = start();
    await first.bl.onInstalled();
    expect(first.dnr.dynamic.flatMap((r) => r.condition.requestDomains ?? [])).toContain('scam-demo.example');
    // Simulate: rules lost / never synced for the stored generation.
    first.dnr.dynamic = [];
    await first.local.remove(DNR_STATE_KEY);
    const restarted = start({}, { local: first.local, session: first.session, dnr: first.dnr });
    await restarted.bl.onStartup();
    expect(first.dnr.dynamic.flatMap((r) => r.condition.requestDomains ?? [])).toContain('scam-demo.example');
  });
});

describe('options section wording', () => {
  const sub = { kind: 'subscription' as const, lastError: null, entryCount: 10 };
  test.each([
    [T0 - 30_000, '名单刚刚更新'],
    [T0 - 5 * 60_000, '名单更新于 5 分钟前'],
    [T0 - 3 * HOUR, '名单更新于 3 小时前'],
    [T0 - 7 * 24 * HOUR, '名单更新于 7 天前'],
  ])('last success at %i → %s', (lastSuccess, text) => {
    expect(freshnessText('zh-CN', { ...sub, lastSuccess }, T0)).toBe(text);
  });
  test('the bundled list and a never-downloaded list say so', () => {
    expect(freshnessText('zh-CN', { kind: 'seed', lastSuccess: T0 }, T0)).toContain('不联网也有效');
    expect(freshnessText('en', { kind: 'subscription', lastSuccess: null }, T0)).toBe('The list has not been downloaded yet');
  });
  test('an error is worded plainly and says whether the previous list still protects', () => {
    const err = { code: 'bad-signature', detail: 'x', at: T0 };
    expect(errorText('zh-CN', { lastError: err, lastSuccess: T0 - HOUR, entryCount: 5 })).toContain('之前的名单仍在保护您');
    expect(errorText('zh-CN', { lastError: err, lastSuccess: null, entryCount: 0 })).toContain('还没有生效');
    expect(statusText('zh-CN', { id: 's', name: 'n', url: null, format: 'feed', version: 1, lastAttempt: T0, failures: 1, nextDue: null, lastError: err, lastSuccess: T0 - 3 * HOUR, entryCount: 5, kind: 'subscription' }, T0)).toBe(
      '上次更新没有成功：名单的签名对不上，可能被人改过，已拒绝使用。之前的名单仍在保护您。名单更新于 3 小时前。',
    );
  });
  test('server-provided detail text never reaches the page; only an HTTP status number does', () => {
    expect(errorText('en', { lastError: { code: 'http', detail: '<img src=x onerror=alert(1)>', at: T0 }, lastSuccess: null, entryCount: 0 })).not.toContain('<img');
    expect(errorText('en', { lastError: { code: 'http', detail: '503', at: T0 }, lastSuccess: null, entryCount: 0 })).toContain('503');
    expect(errorText('en', { lastError: { code: 'made-up', detail: null, at: T0 }, lastSuccess: null, entryCount: 0 })).toContain('unknown problem');
  });
});
