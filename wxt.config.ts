import { defineConfig } from 'wxt';
import { buildUrlData } from './src/url/url-data-source';

// Why so small: per-browser differences live in the manifest function, everything
// else is WXT's defaults. See README "Architecture".
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  publicDir: 'assets/public',
  // Separate output dirs let parallel builds (e.g. e2e vs. `npm start`) not clobber each other.
  outDir: process.env.SENTINEL_OUT_DIR ?? '.output',
  imports: false,
  manifestVersion: 3,
  hooks: {
    // Issue 11: the Public Suffix List and the confusables table ship as data, loaded on
    // first need (src/url/url-data.ts), not compiled into background.js.
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: 'url-data.json', contents: JSON.stringify(buildUrlData()) });
    },
    // Content script only (issue 11, size): `wxt/browser` is the browser's own promise API
    // (@wxt-dev/browser: `browser` in Firefox, `chrome` in Chromium MV3), not the 10 KB
    // webextension-polyfill every page would carry. The page uses runtime.sendMessage and
    // storage.local.get, which both return promises natively. README "Bundle composition".
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const alias = config.resolve?.alias ?? {};
      const list = Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      config.resolve = { ...config.resolve, alias: [{ find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' }, ...list.filter((a) => a.find !== 'wxt/browser')] };
    },
  },
  // `npm run package` (scripts/package.mjs): the Firefox sources zip carries the code, not test output.
  zip: { excludeSources: ['assets/screenshots/**', 'test-results/**', '.output*/**', 'screenshots/**', '.cache/**', '*.log'] },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      'webNavigation',
      'declarativeNetRequestWithHostAccess',
      'notifications',
      // Elder mode reads warnings aloud from the background (issue 9); Firefox has no tts API.
      // offscreen: the document that hosts the list builder Worker (Chromium's service
      // worker cannot start Workers; Firefox's background page can).
      ...(browser === 'firefox' ? [] : ['tts', 'offscreen']),
    ],
    host_permissions: ['<all_urls>'],
    action: { default_title: '__MSG_extName__' },
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    // warning.html must be web-accessible: both browsers refuse a DNR redirect to a page
    // that is not (Firefox: NS_ERROR_DOM_BAD_URI). Chromium's use_dynamic_url makes it
    // reachable only under a per-session random id (runtime.getURL returns it; our DNR
    // rules carry it): a web page can neither open, frame nor fetch it at the fixed id,
    // so it can neither spoof the interstitial nor detect us with it. Firefox has no such
    // option; its moz-extension:// host is already a random UUID per profile. README
    // "Firefox" → "Web-accessible warning page".
    web_accessible_resources: [{ resources: ['warning.html'], matches: ['<all_urls>'], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'scam-sentinel@scamsentinel.org',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
