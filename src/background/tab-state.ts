/**
 * Per-tab verdicts live in storage.session (not module memory): a restarted service
 * worker still knows what each tab showed, and the popup can read it.
 */
import type { Verdict } from '../engine/types';
import { STORAGE_KEYS } from '../settings/schema';
import type { StorageArea } from '../settings/store';

export interface TabState {
  url: string;
  verdict: Verdict;
  scannedAt: number;
  /** Worst verdict reported by a sub-frame since the last top navigation. */
  frameVerdict?: Verdict;
}

const key = (tabId: number) => `${STORAGE_KEYS.tabPrefix}${tabId}`;

export function createTabStateStore(session: StorageArea) {
  return {
    async get(tabId: number): Promise<TabState | null> {
      const raw = await session.get(key(tabId));
      return (raw[key(tabId)] as TabState | undefined) ?? null;
    },
    async set(tabId: number, state: TabState): Promise<void> {
      await session.set({ [key(tabId)]: state });
    },
    async clear(tabId: number): Promise<void> {
      await session.remove(key(tabId));
    },
  };
}
export type TabStateStore = ReturnType<typeof createTabStateStore>;
