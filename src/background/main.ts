/**
 * Background wiring, with every browser dependency passed in (so tests can use
 * WXT's fake browser and fake-indexeddb). entrypoints/background.ts only calls this.
 */
import { levelRank, type Verdict } from '../engine/types';
import type { Handlers, MessageSender } from './router';
import { createRouter } from './router';
import { setTabBadge, type BadgeApi } from './badge';
import { createEventLog } from './event-log';
import { createTabStateStore } from './tab-state';
import { createReportLog, reportHandlers } from './reports';
import type { Db } from './db';
import type { StorageArea } from '../settings/store';
import { STORAGE_KEYS } from '../settings/schema';
import { explanationsById, type RuleTexts } from '../engine/rule-texts';

export interface BackgroundDeps {
  extensionId: string;
  extensionOrigin: string;
  session: StorageArea;
  local: StorageArea;
  badge: BadgeApi;
  db: () => Promise<Db>;
  now: () => number;
  log: (msg: string) => void;
  /** The blacklist feature (src/background/blacklist.ts): its message handlers join the router. */
  blacklist?: { handlers: Partial<Handlers> };
  /** The outreach demo's interstitial check (src/background/demo.ts): records nothing. */
  demo?: { handlers: Partial<Handlers> };
  /** Families (src/background/family.ts): its handlers join, and it gates the blacklist's allow/list changes behind the guardian PIN. */
  family?: { handlers: Partial<Handlers>; gate(inner: Partial<Handlers>): Partial<Handlers> };
  /** The packaged rule texts (/rule-texts.json, src/i18n/rule-texts-loader.ts), read on a page's first alert. */
  ruleTexts?: () => Promise<RuleTexts | null>;
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
  // Per-tab queue for read-modify-write of tab state (a lock, not state: losing it on a
  // worker restart loses nothing).
  const tabQueues = new Map<number, Promise<unknown>>();
  const inTabOrder = (tabId: number, work: () => Promise<void>): Promise<void> => {
    const run = (tabQueues.get(tabId) ?? Promise.resolve()).then(work, work);
    tabQueues.set(tabId, run);
    return run.finally(() => {
      if (tabQueues.get(tabId) === run) tabQueues.delete(tabId);
    });
  };
  const handlers: Partial<Handlers> = {
    ...reportHandlers(reports),
    ...(deps.family && deps.blacklist ? deps.family.gate(deps.blacklist.handlers) : deps.blacklist?.handlers),
    ...deps.demo?.handlers,
    ...deps.family?.handlers,
    async 'cs-bg/page-scanned'({ url, verdict }, sender: MessageSender) {
      const tabId = sender.tab!.id!;
      // The top frame owns the tab's verdict, but a cross-origin frame's worse verdict
      // (kept as frameVerdict until the next top navigation) still counts, whichever
      // frame reports first. One report per tab at a time (read-modify-write).
      const isTop = (sender.frameId ?? 0) === 0;
      const worse = (a: Verdict, b: Verdict | undefined) => (b && levelRank(b.level) > levelRank(a.level) ? b : a);
      await inTabOrder(tabId, async () => {
        const previous = await tabs.get(tabId);
        const frameVerdict = isTop ? previous?.frameVerdict : worse(verdict, previous?.frameVerdict);
        const next = isTop ? worse(verdict, frameVerdict) : worse(verdict, previous?.verdict);
        await tabs.set(tabId, { url: isTop ? url : (previous?.url ?? url), verdict: next, scannedAt: deps.now(), ...(frameVerdict ? { frameVerdict } : {}) });
        await setTabBadge(deps.badge, tabId, next.level);
      });
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
    async 'cs-bg/rule-texts'({ ruleIds, locale }) {
      return { texts: explanationsById((await deps.ruleTexts?.()) ?? null, ruleIds, locale) };
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
