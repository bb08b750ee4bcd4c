import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackground } from '../src/background/main';
import { openSentinelDb } from '../src/background/db';
import { createBlacklist } from '../src/background/blacklist';
import type { DnrApi } from '../src/background/dnr';
import type { NotificationsApi } from '../src/background/blacklist';
import { createDemoHandlers } from '../src/background/demo';

// Composition root only: real browser APIs in, listeners registered synchronously
// at top level (MV3 requirement for wake-up events).
export default defineBackground(() => {
  let dbPromise: ReturnType<typeof openSentinelDb> | undefined;
  const log = (msg: string) => console.warn(`[ScamSentinel] ${msg}`);
  const blacklist = createBlacklist({
    db: () => (dbPromise ??= openSentinelDb()),
    local: browser.storage.local,
    session: browser.storage.session,
    dnr: browser.declarativeNetRequest as unknown as DnrApi,
    fetch: (url, init) => fetch(url, init),
    alarms: browser.alarms,
    tabs: { update: (tabId, props) => browser.tabs.update(tabId, props) },
    notifications: browser.notifications as unknown as NotificationsApi,
    warningPage: browser.runtime.getURL('/warning.html'),
    warningPageShown: new URL('/warning.html', browser.runtime.getURL('/')).href,
    iconUrl: browser.runtime.getURL('/icons/128.png'),
    browserLanguage: () => navigator.language,
    now: () => Date.now(),
    clock: () => performance.now(),
    log,
  });
  const bg = createBackground({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    session: browser.storage.session,
    local: browser.storage.local,
    badge: browser.action,
    db: () => (dbPromise ??= openSentinelDb()),
    now: () => Date.now(),
    log: (msg) => console.warn(`[ScamSentinel] ${msg}`),
    blacklist,
    demo: createDemoHandlers({ session: browser.storage.session, extensionOrigin: browser.runtime.getURL('/'), now: () => Date.now() }),
  });

  browser.runtime.onMessage.addListener((message, sender) => bg.route(message, sender));
  browser.webNavigation.onCommitted.addListener((details) => {
    if (details.frameId === 0) void bg.onTopNavigation(details.tabId);
  });
  // One listener: tab state (main.ts) and the blacklist's per-tab guard state both forget the tab.
  browser.tabs.onRemoved.addListener((tabId) => {
    void bg.onTabRemoved(tabId);
    void blacklist.onTabRemoved(tabId);
  });

  // Blacklist: lists, updates, and stopping blacklisted pages before they load.
  browser.runtime.onInstalled.addListener(() => void blacklist.onInstalled());
  browser.runtime.onStartup.addListener(() => void blacklist.onStartup());
  browser.alarms.onAlarm.addListener((alarm) => void blacklist.onAlarm(alarm.name));
  browser.webNavigation.onBeforeNavigate.addListener((d) => void blacklist.onBeforeNavigate(d));
  browser.webNavigation.onHistoryStateUpdated.addListener((d) => void blacklist.onHistoryStateUpdated(d));
  browser.tabs.onUpdated.addListener((tabId, change, tab) => void blacklist.onTabUpdated(tabId, change, tab));
});
