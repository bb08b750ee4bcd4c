/**
 * The blacklist feature assembled from its parts (store → service → DNR / bypass / nav
 * guard / updater) with every browser API passed in, plus its protocol handlers and
 * lifecycle hooks. entrypoints/background.ts only connects browser events to these.
 *
 * Worker start (every wake-up): nothing heavy. The nav guard loads the merged index
 * lazily in one IndexedDB read on the first navigation it has to judge.
 * onInstalled / onStartup: install or refresh the bundled seed, bring DNR rules in sync
 * with the stored lists (a worker killed between a swap and its rule sync), and update
 * every stale subscription at once (the once-a-week PC).
 */
import { loadSeed, SEED_SOURCE } from '../lists/seed';
import type { Handlers } from './router';
import type { Db } from './db';
import type { StorageArea } from '../settings/store';
import { loadSettings } from '../settings/store';
import { resolveLocale, t } from '../i18n';
import { createListStore, type ListMeta } from './list-store';
import { createListService, SEED_ID, type SeedList } from './list-service';
import { sentinelEngine, type ListEngine } from './list-engine';
import { createDnr, DEFAULT_DNR_OPTIONS, type DnrApi, type DnrOptions } from './dnr';
import { createBypass } from './bypass';
import { createNavGuard, DNR_STATE_KEY, type DnrState } from './nav-guard';
import { createUpdater, UPDATE_ALARM, type AlarmsApi, type FetchFn, type UpdaterLimits } from './updater';
import { createFeedDriver } from './feed-driver';
import type { ListStatus } from '../messaging/protocol';

export const MAX_SUBSCRIPTIONS = 20;
/**
 * storage.local key: download timeout in ms for slow connections (clamped to 3 s – 5 min).
 * Default: DEFAULT_LIMITS.timeoutMs (60 s). The e2e sets it to test a hanging server quickly.
 */
export const TIMEOUT_KEY = 'lists:timeoutMs';

export interface NotificationsApi {
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<unknown>;
}

export interface BlacklistDeps {
  db: () => Promise<Db>;
  local: StorageArea;
  session: StorageArea;
  dnr: DnrApi;
  fetch: FetchFn;
  alarms: AlarmsApi;
  tabs: { update(tabId: number, props: { url: string }): Promise<unknown> };
  notifications?: NotificationsApi;
  /** Absolute URLs of the packaged warning page and the notification icon. */
  warningPage: string;
  /**
   * Where a tab that shows the warning page says it is, when that differs from
   * `warningPage`: Chromium's use_dynamic_url gives runtime.getURL (and so our redirects)
   * a per-session id, but the tab's URL carries the extension's fixed id.
   */
  warningPageShown?: string;
  iconUrl?: string;
  browserLanguage?: () => string | undefined;
  now: () => number;
  /** performance.now, for timing lines in the log. */
  clock?: () => number;
  random?: () => number;
  log?: (msg: string) => void;
  engine?: ListEngine;
  seed?: SeedList;
  dnrOptions?: Partial<Omit<DnrOptions, 'warningPage'>>;
  limits?: Partial<UpdaterLimits>;
}

function bundledSeed(): SeedList {
  // The seed's own listVersion decides when a newer build replaces the stored copy.
  const seed = loadSeed();
  return { version: seed.listVersion, name: SEED_SOURCE, entries: () => seed.entries };
}

export function statusOf(m: ListMeta): ListStatus {
  return {
    id: m.id,
    kind: m.kind,
    name: m.name,
    url: m.url ?? null,
    format: m.format,
    entryCount: m.entryCount,
    version: m.version ?? null,
    lastSuccess: m.lastSuccess ?? null,
    lastAttempt: m.lastAttempt ?? null,
    lastError: m.lastError ? { code: m.lastError.code, detail: m.lastError.detail ?? null, at: m.lastError.at } : null,
    failures: m.failures ?? 0,
    nextDue: m.nextDue ?? null,
  };
}

export function createBlacklist(deps: BlacklistDeps) {
  const engine = deps.engine ?? sentinelEngine;
  const store = createListStore(deps.db);
  const dnr = createDnr(deps.dnr, { warningPage: deps.warningPage, ...DEFAULT_DNR_OPTIONS, ...deps.dnrOptions });
  const lists = createListService({
    store,
    engine,
    seed: deps.seed ?? bundledSeed(),
    now: deps.now,
    log: deps.log,
    clock: deps.clock,
    onListRulesChanged: async (plan, generation) => {
      const { covered, total } = await dnr.syncListRules(plan);
      const state: DnrState = { generation, covered, total, warningPage: deps.warningPage };
      await deps.local.set({ [DNR_STATE_KEY]: state });
      if (covered < total) deps.log?.(`DNR holds ${covered} of ${total} blocked domains; the rest is caught on navigation`);
    },
    onUserRulesChanged: (user) => dnr.syncUserRules(user),
  });
  const bypass = createBypass({ session: deps.session, dnr, lists, canonicalHost: engine.canonicalHost, now: deps.now });
  const guard = createNavGuard({
    lists,
    bypass,
    dnr,
    local: deps.local,
    session: deps.session,
    tabs: deps.tabs,
    warningPage: deps.warningPage,
    warningPageShown: deps.warningPageShown,
    now: deps.now,
    log: deps.log,
    notify: deps.notifications ? (tabId, host) => notifyBlocked(tabId, host) : undefined,
  });
  const updater = createUpdater({ lists, engine, fetch: deps.fetch, now: deps.now, random: deps.random, alarms: deps.alarms, feed: createFeedDriver(), limits: deps.limits, log: deps.log, timeoutMs: async () => {
      const v = (await deps.local.get(TIMEOUT_KEY))[TIMEOUT_KEY];
      return typeof v === 'number' && Number.isFinite(v) ? Math.min(300_000, Math.max(3_000, v)) : undefined;
    } });

  async function notifyBlocked(tabId: number, host: string): Promise<void> {
    const settings = await loadSettings(deps.local);
    const locale = resolveLocale(settings.language, deps.browserLanguage?.());
    await deps.notifications!.create(`blocked-${tabId}-${deps.now()}`, {
      type: 'basic',
      iconUrl: deps.iconUrl ?? '',
      title: t(locale, 'lists.notify.title'),
      message: t(locale, 'lists.notify.body', { host: host || '?' }),
    });
  }

  /** DNR rules = what the stored lists say (repairs a worker killed between swap and sync). */
  function ensureDnrInSync(): Promise<void> {
    // Under the list lock, so it cannot interleave with a swap's own rule sync.
    return lists.withLock(async () => {
      const source = await store.loadDnrSource();
      if (!source) return;
      const state = (await deps.local.get(DNR_STATE_KEY))[DNR_STATE_KEY] as DnrState | undefined;
      // The redirect target changes too: Chromium's use_dynamic_url id is new each browser
      // session, and rules stored with the old one would redirect to a dead page.
      if (state?.generation === source.generation && state.warningPage === deps.warningPage) return;
      const { covered, total } = await dnr.syncListRules(source);
      await deps.local.set({ [DNR_STATE_KEY]: { generation: source.generation, covered, total, warningPage: deps.warningPage } satisfies DnrState });
    });
  }

  /** A host typed by the person, or a URL: canonical host, or null. */
  function hostFromInput(input: string): string | null {
    const s = input.trim();
    if (!s || /\s/.test(s)) return null;
    return engine.canonicalHost(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `http://${s}/`);
  }

  async function prepare(startup: boolean): Promise<void> {
    try {
      await lists.ensureSeed();
    } catch (err) {
      // Storage refused (quota): the in-memory seed still protects; say so in the log.
      deps.log?.(`storing the bundled list failed: ${String(err)}`);
    }
    await ensureDnrInSync().catch((err: unknown) => deps.log?.(`DNR sync failed: ${String(err)}`));
    await dnr.syncUserRules(await lists.userLists()).catch((err: unknown) => deps.log?.(`user rules sync failed: ${String(err)}`));
    await updater.runDue({ startup }).catch((err: unknown) => deps.log?.(`list update failed: ${String(err)}`));
  }

  const handlers: Partial<Handlers> = {
    async 'ui-bg/url-verdict'({ url }) {
      const { verdict, host } = await lists.verdict(url);
      const base = { host, match: verdict.match ?? null, category: null, listId: null, listName: null, listUrl: null, firstSeen: null, listUpdatedAt: null, brand: null };
      if (verdict.result === 'block' || verdict.result === 'allow') {
        const e = verdict.entry;
        const meta = e && e.source !== 'user' ? await lists.getMeta(e.source) : null;
        return {
          ...base,
          result: verdict.result,
          category: e?.category ?? null,
          listId: e?.source ?? null,
          listName: meta?.name ?? (e?.source === 'user' ? 'user' : null),
          listUrl: meta?.url ?? null,
          firstSeen: e?.firstSeen ?? null,
          listUpdatedAt: meta?.lastSuccess ?? null,
        };
      }
      const look = engine.lookalike(url);
      return look ? { ...base, result: 'caution' as const, brand: look.brand } : { ...base, result: 'none' as const };
    },
    async 'ui-bg/proceed'({ url, scope }) {
      return bypass.proceed(url, scope);
    },
    async 'ui-bg/undo-allow'({ host }) {
      const h = hostFromInput(host);
      if (!h) return { ok: false };
      await bypass.undo(h);
      return { ok: true };
    },
    async 'cs-bg/url-verdict'({ url }) {
      const none = { caution: false, brandId: null, brand: null, reason: null };
      const { verdict, host } = await lists.verdict(url);
      // The person (or family) allowed the site, for good or for this session: the page
      // side shows no alert and no cooling-off there. A list's allow entry only
      // silences the lookalike caution (page wording is still judged).
      if (verdict.result === 'allow' && verdict.entry?.source === 'user') return { ...none, allowed: true };
      if (host && (await bypass.isBypassed(host))) return { ...none, allowed: true };
      if (verdict.result === 'allow') return none;
      const look = engine.lookalike(url);
      return look ? { caution: true, brandId: look.brandId, brand: look.brand, reason: look.reason } : none;
    },
    async 'ui-bg/lists-get'() {
      const metas = await lists.allMeta();
      metas.sort((a, b) => (a.id === SEED_ID ? -1 : b.id === SEED_ID ? 1 : a.addedAt - b.addedAt));
      const user = await lists.userLists();
      return { lists: metas.map(statusOf), user: { allow: user.allow.map((u) => u.host), block: user.block.map((u) => u.host) } };
    },
    async 'ui-bg/lists-add'({ url, format, publicKey, name }) {
      let parsed: URL;
      try {
        parsed = new URL(url.trim());
      } catch {
        return { ok: false, error: 'url', list: null };
      }
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { ok: false, error: 'url', list: null };
      if (format === 'feed' && !publicKey?.trim()) return { ok: false, error: 'key', list: null };
      const metas = await lists.allMeta();
      if (metas.some((m) => m.url === parsed.href)) return { ok: false, error: 'exists', list: null };
      if (metas.filter((m) => m.kind === 'subscription').length >= MAX_SUBSCRIPTIONS) return { ok: false, error: 'full', list: null };
      const id = `sub-${deps.now().toString(36)}-${Math.floor((deps.random ?? Math.random)() * 1e6).toString(36)}`;
      const meta: ListMeta = {
        id,
        kind: 'subscription',
        name: name?.trim() || parsed.host,
        url: parsed.href,
        format,
        ...(format === 'feed' ? { publicKey: publicKey!.trim() } : {}),
        addedAt: deps.now(),
        failures: 0,
        entryCount: 0,
      };
      await lists.addList(meta);
      const after = await updater.update(id);
      await updater.schedule();
      return { ok: true, error: null, list: after ? statusOf(after) : statusOf(meta) };
    },
    async 'ui-bg/lists-remove'({ id }) {
      if (id === SEED_ID) return { ok: false, error: 'seed' };
      if (!(await lists.getMeta(id))) return { ok: false, error: 'missing' };
      await lists.removeList(id);
      return { ok: true, error: null };
    },
    async 'ui-bg/lists-update'({ id }) {
      const m = await updater.update(id);
      await updater.schedule();
      return { list: m ? statusOf(m) : null };
    },
    async 'ui-bg/lists-user-set'({ host, action, present }) {
      const h = hostFromInput(host);
      if (!h) return { ok: false, error: 'host' };
      try {
        await lists.setUserHost(h, action, present);
      } catch {
        return { ok: false, error: 'full' };
      }
      return { ok: true, error: null };
    },
  };

  return {
    handlers,
    lists,
    store,
    dnr,
    bypass,
    guard,
    updater,
    /** Extension installed or updated. */
    onInstalled: () => prepare(true),
    /** Browser started (the PC was off): stale lists update now. */
    onStartup: () => prepare(true),
    async onAlarm(name: string): Promise<void> {
      if (name === UPDATE_ALARM) await updater.runDue();
    },
    onBeforeNavigate: (d: { tabId: number; frameId: number; url: string }) => (d.frameId === 0 ? guard.check(d.tabId, d.url, 'before-navigate') : Promise.resolve('none' as const)),
    onHistoryStateUpdated: (d: { tabId: number; frameId: number; url: string }) => (d.frameId === 0 ? guard.check(d.tabId, d.url, 'history') : Promise.resolve('none' as const)),
    async onTabUpdated(tabId: number, change: { url?: string }, tab: { active?: boolean }): Promise<void> {
      if (!change.url) return;
      if (guard.isWarningPage(change.url)) await guard.onWarningShown(tabId, change.url, tab.active ?? false);
      else await guard.check(tabId, change.url, 'tab-updated');
    },
    onTabRemoved: (tabId: number) => guard.onTabRemoved(tabId),
  };
}
export type Blacklist = ReturnType<typeof createBlacklist>;
