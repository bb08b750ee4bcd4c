import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackground } from '../src/background/main';
import { openSentinelDb } from '../src/background/db';

// Composition root only: real browser APIs in, listeners registered synchronously
// at top level (MV3 requirement for wake-up events).
export default defineBackground(() => {
  let dbPromise: ReturnType<typeof openSentinelDb> | undefined;
  const bg = createBackground({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    session: browser.storage.session,
    local: browser.storage.local,
    badge: browser.action,
    db: () => (dbPromise ??= openSentinelDb()),
    now: () => Date.now(),
    log: (msg) => console.warn(`[ScamSentinel] ${msg}`),
  });

  browser.runtime.onMessage.addListener((message, sender) => bg.route(message, sender));
  browser.webNavigation.onCommitted.addListener((details) => {
    if (details.frameId === 0) void bg.onTopNavigation(details.tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void bg.onTabRemoved(tabId));
});
