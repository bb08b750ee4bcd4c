/**
 * Which list generation the installed DNR rules were built from, and how much of it they
 * cover (storage.local `lists:dnrState`). Written only here, after a rule sync; read by
 * the nav guard (skip a hit DNR already stops) and the lifecycle (resync after a crash).
 */
import type { StorageArea } from '../settings/store';
import type { Dnr } from './dnr';
import type { DnrPlanSource, ListStore } from './list-store';

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

export interface DnrSyncerDeps {
  dnr: Pick<Dnr, 'syncListRules' | 'options'>;
  state: DnrStateStore;
  store: Pick<ListStore, 'loadDnrSource'>;
  warningPage: string;
  log?: (msg: string) => void;
}

/**
 * Brings the list rules in line with the stored DNR plan, one sync at a time. The plan
 * is read in small records, only as far as the DNR budget (dnr.options.maxDomains), and
 * dnr.ts installs it at most `chunk` domains per call: the worker never marshals a
 * million domains in one go. The queue is a lock, not state: a worker that dies mid-way
 * leaves the recorded state on the old generation, so the nav guard keeps catching
 * listed hosts, and the next install/start-up sync repairs the rules.
 */
export function createDnrSyncer(deps: DnrSyncerDeps) {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    /** Sync to the stored plan (unless the rules already match it, for `ifNeeded`). */
    sync(opts: { ifNeeded?: boolean } = {}): Promise<DnrState | null> {
      const run = queue.then(async () => {
        const source = await deps.store.loadDnrSource(deps.dnr.options.maxDomains);
        if (!source) return null;
        const state = await deps.state.get();
        // The redirect target is part of the rules: Chromium's use_dynamic_url id is new
        // each browser session, and rules built with the old one redirect to a dead page.
        if (opts.ifNeeded && state?.generation === source.generation && state.warningPage === deps.warningPage) return state;
        const next = await syncListRulesRecorded(deps.dnr, deps.state, source, source.generation, deps.warningPage);
        if (next.covered < next.total) deps.log?.(`DNR holds ${next.covered} of ${next.total} blocked domains; the rest is caught on navigation`);
        return next;
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
export type DnrSyncer = ReturnType<typeof createDnrSyncer>;
