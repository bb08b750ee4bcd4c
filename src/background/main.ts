/**
 * Background wiring, with every browser dependency passed in (so tests can use
 * WXT's fake browser and fake-indexeddb). entrypoints/background.ts only calls this.
 */
import { levelRank } from '../engine/types';
import type { Handlers, MessageSender } from './router';
import { createRouter } from './router';
import { setTabBadge, type BadgeApi } from './badge';
import { createEventLog } from './event-log';
import { createTabStateStore } from './tab-state';
import { createReportLog, reportHandlers } from './reports';
import type { Db } from './db';
import type { StorageArea } from '../settings/store';
import { STORAGE_KEYS } from '../settings/schema';

export interface BackgroundDeps {
  extensionId: string;
  extensionOrigin: string;
  session: StorageArea;
  local: StorageArea;
  badge: BadgeApi;
  db: () => Promise<Db>;
  now: () => number;
  log: (msg: string) => void;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export function createBackground(deps: BackgroundDeps) {
  const tabs = createTabStateStore(deps.session);
  const events = createEventLog(deps.db);
  const dismissKey = (url: string) => `${STORAGE_KEYS.dismissPrefix}${hostOf(url)}`;

  const reports = createReportLog(deps.db, deps.now);
  const handlers: Partial<Handlers> = {
    ...reportHandlers(reports),
    async 'cs-bg/page-scanned'({ url, verdict }, sender: MessageSender) {
      const tabId = sender.tab!.id!;
      // Only the top frame owns the tab's verdict; frames report into it only if worse.
      const previous = await tabs.get(tabId);
      const isTop = (sender.frameId ?? 0) === 0;
      if (isTop || !previous || levelRank(verdict.level) > levelRank(previous.verdict.level)) {
        await tabs.set(tabId, { url: isTop ? url : (previous?.url ?? url), verdict, scannedAt: deps.now() });
        await setTabBadge(deps.badge, tabId, verdict.level);
      }
      if (levelRank(verdict.level) >= levelRank('medium')) {
        await events.record({ time: deps.now(), url, host: hostOf(url), verdict });
      }
      const dismissed = Boolean((await deps.session.get(dismissKey(url)))[dismissKey(url)]);
      return { alertLevel: verdict.level, dismissed };
    },
    async 'cs-bg/dismiss-alert'({ url }) {
      await deps.session.set({ [dismissKey(url)]: true });
      return { ok: true };
    },
    async 'ui-bg/get-tab-state'({ tabId }) {
      const state = await tabs.get(tabId);
      return { url: state?.url ?? null, verdict: state?.verdict ?? null, scannedAt: state?.scannedAt ?? null };
    },
  };

  const route = createRouter(handlers, deps);

  return {
    route,
    handlers,
    events,
    tabs,
    /** A top-level navigation committed: the old verdict no longer applies. */
    async onTopNavigation(tabId: number): Promise<void> {
      await tabs.clear(tabId);
      await setTabBadge(deps.badge, tabId, 'none');
    },
    async onTabRemoved(tabId: number): Promise<void> {
      await tabs.clear(tabId);
    },
  };
}
