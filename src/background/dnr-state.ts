/**
 * Which list generation the installed DNR rules were built from, and how much of it they
 * cover (storage.local `lists:dnrState`). Written only here, after a rule sync; read by
 * the nav guard (skip a hit DNR already stops) and the lifecycle (resync after a crash).
 */
import type { StorageArea } from '../settings/store';
import type { Dnr } from './dnr';
import type { DnrPlanSource } from './list-store';

export const DNR_STATE_KEY = 'lists:dnrState';

export interface DnrState {
  generation: number;
  covered: number;
  total: number;
  /** The redirect target the rules were built with (use_dynamic_url: new each session). */
  warningPage?: string;
}

export function createDnrStateStore(local: StorageArea) {
  return {
    async get(): Promise<DnrState | undefined> {
      return (await local.get(DNR_STATE_KEY))[DNR_STATE_KEY] as DnrState | undefined;
    },
    async set(state: DnrState): Promise<void> {
      await local.set({ [DNR_STATE_KEY]: state });
    },
  };
}
export type DnrStateStore = ReturnType<typeof createDnrStateStore>;

/** Install the list rules for `plan` and record what they cover. */
export async function syncListRulesRecorded(dnr: Pick<Dnr, 'syncListRules'>, state: DnrStateStore, plan: DnrPlanSource, generation: number, warningPage: string): Promise<DnrState> {
  const { covered, total } = await dnr.syncListRules(plan);
  const next = { generation, covered, total, warningPage };
  await state.set(next);
  return next;
}
