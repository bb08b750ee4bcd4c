/**
 * Composition root of the blacklist: its parts (store → service → DNR / bypass / nav
 * guard / updater) assembled with every browser API passed in. What it does lives in
 * its own modules: message handlers and their policy in blacklist-handlers.ts, install /
 * start-up / alarm / navigation hooks in blacklist-lifecycle.ts, the DNR coverage record
 * in dnr-state.ts. entrypoints/background.ts only connects browser events to these.
 */
import { loadSeed, SEED_SOURCE } from '../lists/seed';
import type { Db } from './db';
import type { StorageArea } from '../settings/store';
import { loadSettings } from '../settings/store';
import { resolveLocale } from '../i18n/locale-tag';
import { tWorker } from '../i18n/worker';
import { createListStore } from './list-store';
import { createListService, type SeedList } from './list-service';
import { sentinelEngine, type ListEngine } from './list-engine';
import { createDnr, DEFAULT_DNR_OPTIONS, type DnrApi, type DnrOptions } from './dnr';
import { createBypass } from './bypass';
import { createNavGuard } from './nav-guard';
import { createUpdater, type AlarmsApi, type FetchFn, type UpdaterLimits } from './updater';
import { createFeedDriver } from './feed-driver';
import { createDnrStateStore, createDnrSyncer } from './dnr-state';
import type { ListBuilder } from './list-builder-client';
import { blacklistHandlers } from './blacklist-handlers';
import { blacklistLifecycle } from './blacklist-lifecycle';

export { MAX_SUBSCRIPTIONS, statusOf } from './blacklist-handlers';

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
  logError?: (msg: string) => void;
  engine?: ListEngine;
  seed?: SeedList;
  dnrOptions?: Partial<Omit<DnrOptions, 'warningPage'>>;
  /** Builds big lists off the worker's thread (list-builder-client.ts); optional. */
  builder?: ListBuilder;
  limits?: Partial<UpdaterLimits>;
}

function bundledSeed(): SeedList {
  // The seed's own listVersion decides when a newer build replaces the stored copy.
  // Validated on first use, not at every worker start: a cold wake that finds the stored
  // index never needs the bundled copy (zod + canonical checks of every entry).
  let seed: ReturnType<typeof loadSeed> | null = null;
  const load = () => (seed ??= loadSeed());
  return {
    get version() {
      return load().listVersion;
    },
    name: SEED_SOURCE,
    entries: () => load().entries,
  };
}

export function createBlacklist(deps: BlacklistDeps) {
  const engine = deps.engine ?? sentinelEngine;
  const store = createListStore(deps.db);
  const dnr = createDnr(deps.dnr, { warningPage: deps.warningPage, ...DEFAULT_DNR_OPTIONS, ...deps.dnrOptions });
  const dnrState = createDnrStateStore(deps.local);
  const syncer = createDnrSyncer({ dnr, state: dnrState, store, warningPage: deps.warningPage, log: deps.log });
  const lists = createListService({
    store,
    engine,
    seed: deps.seed ?? bundledSeed(),
    now: deps.now,
    log: deps.log,
    clock: deps.clock,
    builder: deps.builder,
    logError: deps.logError,
    // A swap waits for its rules; a big plan (many calls) runs on after it returns, and
    // the nav guard covers what is not installed yet (dnr-state.ts).
    onListRulesChanged: async () => {
      const run = syncer.sync();
      const size = await store.dnrPlanSize().catch(() => null);
      if (size && Math.min(size.block, dnr.options.maxDomains) + size.allow > dnr.options.chunk) {
        run.catch((err: unknown) => deps.log?.(`DNR sync failed: ${String(err)}`));
        return;
      }
      await run;
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
      title: tWorker(locale, 'lists.notify.title'),
      message: tWorker(locale, 'lists.notify.body', { host: host || '?' }),
    });
  }

  const handlers = blacklistHandlers({ lists, engine, bypass, updater, now: deps.now, random: deps.random });
  const lifecycle = blacklistLifecycle({ lists, dnr, syncer, guard, updater, log: deps.log });

  return { handlers, lists, store, dnr, bypass, guard, updater, ...lifecycle };
}
export type Blacklist = ReturnType<typeof createBlacklist>;
