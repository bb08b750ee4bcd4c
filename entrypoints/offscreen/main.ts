// Chromium only: hosts the list builder Worker for the service worker, which cannot
// start Workers itself (src/background/list-builder-client.ts). Takes nothing but a
// `bg-builder/text-job` from our own background (builderJobFrom).
import { browser } from 'wxt/browser';
import { builderJobFrom, runInWorker } from '../../src/background/list-builder-client';

const own = { id: browser.runtime.id, backgroundUrl: browser.runtime.getURL('/background.js') };

browser.runtime.onMessage.addListener((msg: unknown, sender) => {
  const job = builderJobFrom(msg, sender, own);
  if (!job) return undefined;
  return runInWorker(() => new Worker(browser.runtime.getURL('/list-builder.js')), job);
});
