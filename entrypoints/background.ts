import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackground } from '../src/background/main';
import { openSentinelDb } from '../src/background/db';
import { createBlacklist } from '../src/background/blacklist';
import type { DnrApi } from '../src/background/dnr';
import type { NotificationsApi } from '../src/background/blacklist';
import { createDemoHandlers } from '../src/background/demo';
import { createFamily } from '../src/background/family';
import { sentinelEngine } from '../src/background/list-engine';
import { offscreenBuilder, workerBuilder, type OffscreenApi } from '../src/background/list-builder-client';
import { createRuleTextsLoader } from '../src/i18n/rule-texts-loader';
import { RULE_TEXTS_PATH } from '../src/engine/rule-texts';

// Composition root only: real browser APIs in, listeners registered synchronously
// at top level (MV3 requirement for wake-up events).
export default defineBackground(() => {
  let dbPromise: ReturnType<typeof openSentinelDb> | undefined;
  const log = (msg: string) => console.warn(`[ScamSentinel] ${msg}`);
  // Big lists are built in a Worker: Firefox's background page starts it, Chromium's
  // service worker cannot and asks its offscreen document to (list-builder-client.ts).
  const offscreen = (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
  const builder =
    typeof Worker !== 'undefined'
      ? workerBuilder(browser.runtime.getURL('/list-builder.js'))
      : offscreen
        ? offscreenBuilder(offscreen, (msg) => browser.runtime.sendMessage(msg), browser.runtime.getURL('/offscreen.html'))
        : undefined;
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
    logError: (msg) => console.error(`[ScamSentinel] ${msg}`),
    builder,
  });
  // Families and elderly relatives (issue 9): guardian PIN / approval code, family log, read-aloud.
  const family = createFamily({
    local: browser.storage.local,
    session: browser.storage.session,
    now: () => Date.now(),
    proceedOnce: (url) => blacklist.bypass.proceed(url, 'once'),
    canonicalHost: (url) => sentinelEngine.canonicalHost(url),
    lists: {
      userLists: () => blacklist.lists.userLists(),
      setUserHost: (host, action, present) => blacklist.lists.setUserHost(host, action, present),
      subscriptions: async () =>
        (await blacklist.lists.allMeta()).flatMap((m) => (m.kind === 'subscription' && m.url ? [{ url: m.url, format: m.format, name: m.name, ...(m.publicKey ? { publicKey: m.publicKey } : {}) }] : [])),
      addSubscription: async (s) => void (await blacklist.handlers['ui-bg/lists-add']!(s, {})),
    },
    tabs: { create: (p) => browser.tabs.create(p), reload: (id) => browser.tabs.reload(id) },
    // chrome.tts is looked up at call time (Firefox has none: the page then speaks itself).
    speak: async (text) => {
      const tts = (globalThis as { chrome?: { tts?: typeof chrome.tts } }).chrome?.tts;
      if (!tts?.speak) return false;
      const voices = await Promise.race([
        new Promise<chrome.tts.TtsVoice[]>((r) => (tts.getVoices ? tts.getVoices(r) : r([]))),
        new Promise<chrome.tts.TtsVoice[]>((r) => setTimeout(() => r([]), 300)), // never wait long to speak
      ]).catch(() => []);
      const zh = voices.find((v) => /^zh[-_]CN/i.test(v.lang ?? ''));
      tts.speak(text, { lang: 'zh-CN', ...(zh?.voiceName ? { voiceName: zh.voiceName } : {}), enqueue: false });
      return true;
    },
    warningPage: browser.runtime.getURL('/warning.html'),
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
    family,
    // Read from the package on a page's first alert (the bundle does not carry them).
    ruleTexts: createRuleTextsLoader(() => fetch(browser.runtime.getURL(RULE_TEXTS_PATH)).then((r) => r.json())),
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
  // First run (issue 9): "who will use this browser?" — only on a fresh install, never on updates.
  browser.runtime.onInstalled.addListener((d) => {
    if (d.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  browser.runtime.onStartup.addListener(() => void blacklist.onStartup());
  browser.alarms.onAlarm.addListener((alarm) => void blacklist.onAlarm(alarm.name));
  browser.webNavigation.onBeforeNavigate.addListener((d) => void blacklist.onBeforeNavigate(d));
  browser.webNavigation.onHistoryStateUpdated.addListener((d) => void blacklist.onHistoryStateUpdated(d));
  browser.tabs.onUpdated.addListener((tabId, change, tab) => void blacklist.onTabUpdated(tabId, change, tab));
});
