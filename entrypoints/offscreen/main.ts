// Chromium only: hosts the list builder Worker for the service worker, which cannot
// start Workers itself (src/background/list-builder-client.ts). Answers nothing but
// `bg-builder/text-job` from our own background.
import { browser } from 'wxt/browser';
import { runInWorker, type BuilderJob } from '../../src/background/list-builder-client';

const background = browser.runtime.getURL('/background.js');

browser.runtime.onMessage.addListener((msg: unknown, sender) => {
  if ((msg as { type?: unknown } | null)?.type !== 'bg-builder/text-job') return undefined;
  if (sender.id !== browser.runtime.id || sender.tab || sender.url !== background) return undefined;
  // The Worker validates the job itself (src/background/list-builder-job.ts).
  return runInWorker(() => new Worker(browser.runtime.getURL('/list-builder.js')), (msg as { payload: BuilderJob }).payload);
});
