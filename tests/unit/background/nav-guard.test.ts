/**
 * DNR rule building and syncing, "proceed anyway" bypasses, and the navigation guard
 * fallback, with an in-memory declarativeNetRequest and storage areas.
 */
import { createListStore } from '../../../src/background/list-store';
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import { sentinelEngine } from '../../../src/background/list-engine';
import { buildListRules, createDnr, PRIORITY, RULE_RANGES } from '../../../src/background/dnr';
import { createBypass } from '../../../src/background/bypass';
import { createNavGuard, DNR_STATE_KEY, warningUrl } from '../../../src/background/nav-guard';
import type { ListMeta } from '../../../src/background/list-store';
import { memoryArea } from '../support/memory-area';
import { fakeDnr, freshDb, makeService, T0 } from './list-fixtures';

const WARN = 'chrome-extension://ext/warning.html';
let db: ReturnType<typeof freshDb>;
beforeEach(() => {
  db = freshDb();
});

function world(opts: { maxDomains?: number } = {}) {
  const api = fakeDnr();
  const dnr = createDnr(api, { warningPage: WARN, maxDomains: opts.maxDomains ?? 1_000_000, chunk: 2 });
  const local = memoryArea();
  const session = memoryArea();
  const { lists, clock } = makeService(db, {
    onListRulesChanged: async (generation) => {
      const plan = (await createListStore(db).loadDnrSource())!;
      const { covered, total } = await dnr.syncListRules(plan);
      await local.set({ [DNR_STATE_KEY]: { generation, covered, total } });
    },
    onUserRulesChanged: (u) => dnr.syncUserRules(u),
  });
  const bypass = createBypass({ session, dnr, lists, canonicalHost: sentinelEngine.canonicalHost, now: () => clock.now });
  const updates: Array<{ tabId: number; url: string }> = [];
  const notes: Array<{ tabId: number; host: string }> = [];
  const guard = createNavGuard({
    lists,
    bypass,
    dnr,
    local,
    session,
    tabs: { update: async (tabId, { url }) => void updates.push({ tabId, url }) },
    warningPage: WARN,
    notify: async (tabId, host) => void notes.push({ tabId, host }),
    now: () => clock.now,
  });
  return { api, dnr, local, session, lists, clock, bypass, guard, updates, notes };
}

const sub = (id: string): ListMeta => ({ id, kind: 'subscription', name: id, url: `https://l.example/${id}`, format: 'plain', addedAt: T0, failures: 0, entryCount: 0 });

describe('DNR rules', () => {
  test('domains are merged into requestDomains chunks that redirect main frames to warning.html', () => {
    const { rules, covered, total } = buildListRules({ block: ['a.example', 'b.example', 'c.example'], allow: ['ok.example'] }, { warningPage: WARN, maxDomains: 10, chunk: 2 });
    expect(rules.map((r) => [r.id, r.priority, r.action.type, r.condition.requestDomains])).toEqual([
      [1, PRIORITY.listBlock, 'redirect', ['a.example', 'b.example']],
      [2, PRIORITY.listBlock, 'redirect', ['c.example']],
      [1001, PRIORITY.listAllow, 'allow', ['ok.example']],
    ]);
    // The raw URL goes into the fragment (DNR cannot percent-encode; a query would be cut at '&').
    expect(rules[0]!.action.redirect?.regexSubstitution).toBe(`${WARN}?k=blacklist#u=\\0`);
    expect(rules[0]!.condition.resourceTypes).toEqual(['main_frame']);
    expect([covered, total]).toEqual([3, 3]);
  });

  test('beyond the budget the rest is left to the nav guard', () => {
    const { covered, total } = buildListRules({ block: ['a.x', 'b.x', 'c.x', 'd.x', 'e.x'], allow: [] }, { warningPage: WARN, maxDomains: 3, chunk: 2 });
    expect([covered, total]).toEqual([3, 5]);
  });

  test('seed install puts the demo domains into DNR; a resync replaces only our ranges', async () => {
    const w = world();
    await w.api.updateDynamicRules({ addRules: [{ id: 50_000, priority: 1, action: { type: 'allow' }, condition: { resourceTypes: ['main_frame'] } }] });
    await w.lists.ensureSeed();
    const domains = w.api.dynamic.filter((r) => r.action.type === 'redirect').flatMap((r) => r.condition.requestDomains);
    expect(domains.sort()).toEqual(['fake-police.example', 'pension-demo.example', 'scam-demo.example']);
    expect(w.api.dynamic.find((r) => r.action.type === 'allow' && r.id < 50_000)?.condition.requestDomains).toEqual(['allowed-demo.example']);
    await w.lists.replaceList(sub('s1'), [{ kind: 'domain', value: 'new.example', action: 'block', category: 'unknown', source: 's1', firstSeen: T0 }]);
    expect(w.api.dynamic.some((r) => r.id === 50_000)).toBe(true);
    expect(w.api.dynamic.flatMap((r) => r.condition.requestDomains ?? [])).toContain('new.example');
  });
});

describe('warns (nav guard redirects)', () => {
  test('an exact-host entry (not in DNR) is redirected with the exact URL contract', async () => {
    const w = world();
    await w.lists.replaceList(sub('s1'), [{ kind: 'host', value: 'pay.shared-host.example', action: 'block', category: 'unknown', source: 's1', firstSeen: T0 }]);
    const url = 'https://pay.shared-host.example/a?b=1&c=2#frag';
    expect(await w.guard.check(3, url, 'before-navigate')).toBe('redirected');
    expect(w.updates).toEqual([{ tabId: 3, url: warningUrl(WARN, url) }]);
    const u = new URL(w.updates[0]!.url);
    expect(u.searchParams.get('u')).toBe(url);
    expect(u.searchParams.get('k')).toBe('blacklist');
  });

  test('a list larger than the DNR budget: the uncovered part is caught by the guard', async () => {
    const w = world({ maxDomains: 1 });
    await w.lists.replaceList(sub('s1'), ['a.example', 'b.example'].map((value) => ({ kind: 'domain' as const, value, action: 'block' as const, category: 'unknown' as const, source: 's1', firstSeen: T0 })));
    const outcomes = [await w.guard.check(1, 'https://a.example/', 'before-navigate'), await w.guard.check(2, 'https://b.example/', 'before-navigate')];
    // Partial coverage is not trusted per domain (asking DNR would copy the whole budget
    // into the worker): the guard redirects both; DNR also stops the covered one.
    expect(outcomes.sort()).toEqual(['redirected', 'redirected']);
  });

  test('SPA URL changes are checked even for DNR-covered entries', async () => {
    const w = world();
    await w.lists.replaceList(sub('s1'), [{ kind: 'urlPrefix', value: 'spa.example/pay/', action: 'block', category: 'unknown', source: 's1', firstSeen: T0 }]);
    expect(await w.guard.check(5, 'https://spa.example/', 'history')).toBe('none');
    expect(await w.guard.check(5, 'https://spa.example/pay/now', 'history')).toBe('redirected');
  });

  test('the same navigation reported twice (onBeforeNavigate + tabs.onUpdated) redirects once', async () => {
    const w = world();
    await w.lists.replaceList(sub('s1'), [{ kind: 'host', value: 'h.example', action: 'block', category: 'unknown', source: 's1', firstSeen: T0 }]);
    await w.guard.check(4, 'https://h.example/', 'before-navigate');
    expect(await w.guard.check(4, 'https://h.example/', 'tab-updated')).toBe('duplicate');
    expect(w.updates).toHaveLength(1);
  });

  test('a background tab that lands on the warning page gets one notification', async () => {
    const w = world();
    const url = warningUrl(WARN, 'https://scam-demo.example/x');
    expect(await w.guard.onWarningShown(8, url, false)).toBe(true);
    expect(await w.guard.onWarningShown(8, url, false)).toBe(false);
    expect(w.notes).toEqual([{ tabId: 8, host: 'scam-demo.example' }]);
  });

  test('the DNR form (raw target after #u=) names the host in the notification too', async () => {
    const w = world();
    expect(await w.guard.onWarningShown(9, `${WARN}?k=blacklist#u=https://scam-demo.example/a?b=1&c=2#frag`, false)).toBe(true);
    expect(w.notes).toEqual([{ tabId: 9, host: 'scam-demo.example' }]);
  });
});

describe('stays silent', () => {
  test('DNR-covered seed entries are left to DNR (no double redirect)', async () => {
    const w = world();
    await w.lists.ensureSeed();
    expect(await w.guard.check(1, 'http://scam-demo.example/plain.html', 'before-navigate')).toBe('dnr');
    expect(w.updates).toEqual([]);
  });

  test.each(['https://allowed-demo.example/', 'https://example.org/', 'chrome://settings', 'about:blank'])('%s is let through', async (url) => {
    const w = world();
    await w.lists.ensureSeed();
    expect(await w.guard.check(1, url, 'history')).toBe('none');
  });

  test('a foreground tab on the warning page gets no notification', async () => {
    const w = world();
    expect(await w.guard.onWarningShown(8, warningUrl(WARN, 'https://scam-demo.example/'), true)).toBe(false);
  });
});

describe('bypass (proceed anyway)', () => {
  test('"continue once" survives a worker restart: it lives in storage.session and a session allow rule', async () => {
    const w = world();
    await w.lists.ensureSeed();
    expect(await w.bypass.proceed('http://scam-demo.example/plain.html', 'once')).toEqual({ ok: true, host: 'scam-demo.example' });
    expect(w.api.session).toEqual([expect.objectContaining({ priority: PRIORITY.bypass, action: { type: 'allow' }, condition: expect.objectContaining({ requestDomains: ['scam-demo.example'] }) })]);
    // A restarted worker: new service and bypass objects over the same storage.
    const { lists } = makeService(db);
    const again = createBypass({ session: w.session, dnr: w.dnr, lists, canonicalHost: sentinelEngine.canonicalHost, now: () => T0 });
    expect(await again.isBypassed('www.scam-demo.example')).toBe(true);
    expect(await w.guard.check(1, 'http://scam-demo.example/plain.html', 'history')).toBe('allowed');
  });

  test('"always allow" goes to the user allow list and a higher-priority dynamic allow rule; undo removes both', async () => {
    const w = world();
    await w.lists.ensureSeed();
    await w.bypass.proceed('http://fake-police.example/', 'always');
    const allow = w.api.dynamic.find((r) => r.id >= RULE_RANGES.userAllow[0] && r.id <= RULE_RANGES.userAllow[1]);
    expect(allow).toMatchObject({ priority: PRIORITY.userAllow, condition: { requestDomains: ['fake-police.example'] } });
    expect(allow!.priority).toBeGreaterThan(PRIORITY.listBlock);
    const { lists } = makeService(db);
    expect((await lists.verdict('http://fake-police.example/')).verdict.result).toBe('allow');
    await w.bypass.undo('fake-police.example');
    expect(w.api.dynamic.some((r) => r.id >= RULE_RANGES.userAllow[0] && r.id <= RULE_RANGES.userAllow[1])).toBe(false);
    expect((await w.lists.verdict('http://fake-police.example/')).verdict.result).toBe('block');
  });

  test.each(['javascript:alert(1)', 'data:text/html,x', 'not a url', 'file:///etc/passwd'])('refuses to record a bypass for %s', async (url) => {
    const w = world();
    expect((await w.bypass.proceed(url, 'once')).ok).toBe(false);
    expect(w.api.session).toEqual([]);
  });
});
