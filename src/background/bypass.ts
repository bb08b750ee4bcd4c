/**
 * "Proceed anyway" decisions from the warning page. They must survive worker restarts
 * (ARCHITECTURE.md lesson 6: Bitwarden kept its bypasses in a module Set and lost them),
 * so they live in extension storage AND become DNR allow rules:
 *   once   → storage.session `bypass:<host>` + a session allow rule (this browser session)
 *   always → the person's own allow list in IndexedDB + a dynamic allow rule (user-allow range)
 * Undo removes both.
 */
import type { StorageArea } from '../settings/store';
import type { Dnr } from './dnr';
import type { ListService } from './list-service';

export const BYPASS_PREFIX = 'bypass:';
export type ProceedScope = 'once' | 'always';

export interface BypassDeps {
  session: StorageArea;
  dnr: Pick<Dnr, 'addBypassRule' | 'removeBypassRule'>;
  lists: Pick<ListService, 'setUserHost'>;
  canonicalHost: (url: string) => string | null;
  now: () => number;
}

/** host, then each parent domain: a.b.example → [a.b.example, b.example, example]. */
export function hostAndParents(host: string): string[] {
  const labels = host.split('.');
  return labels.map((_, i) => labels.slice(i).join('.'));
}

export function createBypass(deps: BypassDeps) {
  return {
    /** Record a bypass for the URL's host. Only http(s) targets can be proceeded to. */
    async proceed(url: string, scope: ProceedScope): Promise<{ ok: boolean; host: string | null }> {
      const host = deps.canonicalHost(url);
      if (!host) return { ok: false, host: null };
      if (scope === 'always') {
        await deps.lists.setUserHost(host, 'allow', true);
      } else {
        // Storage first: if the worker dies before the rule is added, the nav guard
        // still lets the page through and the next proceed re-adds the rule.
        await deps.session.set({ [`${BYPASS_PREFIX}${host}`]: { at: deps.now() } });
        await deps.dnr.addBypassRule(host);
      }
      return { ok: true, host };
    },
    async isBypassed(host: string): Promise<boolean> {
      const keys = hostAndParents(host).map((h) => `${BYPASS_PREFIX}${h}`);
      const got = await deps.session.get(keys);
      return keys.some((k) => got[k] !== undefined);
    },
    /** Undo "continue once" and "always allow" for a host. */
    async undo(host: string): Promise<void> {
      await deps.session.remove(`${BYPASS_PREFIX}${host}`);
      await deps.dnr.removeBypassRule(host);
      await deps.lists.setUserHost(host, 'allow', false);
    },
  };
}
export type Bypass = ReturnType<typeof createBypass>;
