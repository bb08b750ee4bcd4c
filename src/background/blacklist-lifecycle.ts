/**
 * The blacklist's lifecycle: what runs on install/update, on browser start-up, on the
 * update alarm, and on navigations (the nav guard). No message handling here
 * (blacklist-handlers.ts) and no assembly (blacklist.ts).
 *
 * Worker start (every wake-up): nothing heavy. The nav guard loads the merged index
 * lazily in one IndexedDB read on the first navigation it has to judge.
 * onInstalled / onStartup: install or refresh the bundled seed, bring DNR rules in sync
 * with the stored lists (a worker killed between a swap and its rule sync), and update
 * every stale subscription at once (the once-a-week PC).
 */
import type { ListService } from './list-service';
import type { Dnr } from './dnr';
import type { NavGuard } from './nav-guard';
import { UPDATE_ALARM, type Updater } from './updater';
import type { DnrSyncer } from './dnr-state';

export interface LifecycleParts {
  lists: ListService;
  dnr: Dnr;
  syncer: DnrSyncer;
  guard: NavGuard;
  updater: Updater;
  log?: (msg: string) => void;
}

export function blacklistLifecycle(parts: LifecycleParts) {
  const { lists, dnr, guard, updater } = parts;
  const deps = { log: parts.log };

  /** DNR rules = what the stored lists say (repairs a worker killed between swap and sync). */
  async function ensureDnrInSync(): Promise<void> {
    // Under the list lock (no swap half-way), and in the syncer's queue (one sync at a time).
    await lists.withLock(() => parts.syncer.sync({ ifNeeded: true }));
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

  return {
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
