/**
 * The navigation guard: catches what declarativeNetRequest does not cover (exact hosts,
 * URL prefixes, lists beyond the DNR budget, SPA URL changes) as early as the browser
 * lets an extension see a navigation, and redirects the tab to the warning page.
 *
 *   webNavigation.onBeforeNavigate (top frame)  → earliest point; DNR-covered hits skipped
 *   tabs.onUpdated with a new url               → safety net for navigations without it
 *   webNavigation.onHistoryStateUpdated         → SPA pushState/replaceState (DNR never sees these)
 *
 * A background tab that ends up on the warning page gets a browser notification.
 * Dedupe and "already notified" marks live in storage.session (not module memory).
 */
import type { StorageArea } from '../settings/store';
import { buildWarningUrl } from '../url/warning-url';
import type { Bypass } from './bypass';
import type { Dnr } from './dnr';
import type { ListService } from './list-service';
import { DNR_STATE_KEY, type DnrState } from './dnr-state';

// Owned by dnr-state.ts; re-exported for the guard's tests and callers.
export { DNR_STATE_KEY, type DnrState } from './dnr-state';

export type NavTrigger = 'before-navigate' | 'tab-updated' | 'history';
export type GuardOutcome = 'none' | 'allowed' | 'dnr' | 'redirected' | 'duplicate';

const GUARD_PREFIX = 'guard:';
const NOTIFIED_PREFIX = 'notified:';
const DEDUPE_MS = 5_000;


export interface NavGuardDeps {
  lists: Pick<ListService, 'verdict' | 'generation'>;
  bypass: Pick<Bypass, 'isBypassed'>;
  dnr: Pick<Dnr, 'coversUserDomain'>;
  local: StorageArea;
  session: StorageArea;
  tabs: { update(tabId: number, props: { url: string }): Promise<unknown> };
  /** Absolute URL of warning.html. */
  warningPage: string;
  /** The URL a tab shows for it, if different (Chromium use_dynamic_url: the fixed id). */
  warningPageShown?: string;
  notify?: (tabId: number, host: string) => Promise<void>;
  now: () => number;
  log?: (msg: string) => void;
}

/** The warning page URL (format: src/url/warning-url.ts). */
export function warningUrl(warningPage: string, url: string): string {
  return buildWarningUrl(warningPage, url, 'blacklist');
}

const isWeb = (url: string) => /^https?:\/\//i.test(url);

export function createNavGuard(deps: NavGuardDeps) {
  async function coveredByDnr(entry: { kind: string; value: string; source: string }): Promise<boolean> {
    if (entry.kind !== 'domain' && entry.kind !== 'ip') return false;
    if (entry.source === 'user') return deps.dnr.coversUserDomain(entry.value);
    const state = (await deps.local.get(DNR_STATE_KEY))[DNR_STATE_KEY] as DnrState | undefined;
    // Only a complete, current rule set is trusted. Partial coverage (a list beyond the DNR
    // budget) or rules still being installed in pieces: the guard redirects itself. Asking
    // DNR which domains it holds would copy up to the whole budget (150,000 domains) into
    // this thread on every such hit; a second redirect to the same warning page is harmless.
    return Boolean(state && state.generation === (await deps.lists.generation()) && state.covered === state.total);
  }

  const isWarningPage = (url: string) => url.startsWith(deps.warningPage) || (deps.warningPageShown !== undefined && url.startsWith(deps.warningPageShown));

  return {
    isWarningPage,
    async check(tabId: number, url: string, trigger: NavTrigger): Promise<GuardOutcome> {
      if (tabId < 0 || !isWeb(url)) return 'none';
      const { verdict, host } = await deps.lists.verdict(url);
      if (verdict.result !== 'block' || !host || !verdict.entry) return 'none';
      if (await deps.bypass.isBypassed(host)) return 'allowed';
      // pushState never reaches the network, so DNR cannot have handled it.
      if (trigger !== 'history' && (await coveredByDnr(verdict.entry))) return 'dnr';
      const key = `${GUARD_PREFIX}${tabId}`;
      const last = (await deps.session.get(key))[key] as { url: string; at: number } | undefined;
      if (last && last.url === url && deps.now() - last.at < DEDUPE_MS) return 'duplicate';
      await deps.session.set({ [key]: { url, at: deps.now() } });
      await deps.tabs.update(tabId, { url: warningUrl(deps.warningPage, url) });
      return 'redirected';
    },
    /** A tab reached the warning page (by DNR or by us): notify if the person is not looking at it. */
    async onWarningShown(tabId: number, url: string, active: boolean): Promise<boolean> {
      if (active || !isWarningPage(url) || !deps.notify) return false;
      const hashAt = url.indexOf('#');
      const params = new URLSearchParams(url.slice(url.indexOf('?') + 1, hashAt < 0 ? undefined : hashAt));
      if (params.get('k') !== 'blacklist') return false;
      const key = `${NOTIFIED_PREFIX}${tabId}`;
      const last = (await deps.session.get(key))[key];
      if (last === url) return false;
      await deps.session.set({ [key]: url });
      let host = '';
      try {
        // DNR form: the raw target after `#u=`; nav-guard form: the encoded `u` parameter.
        const raw = hashAt >= 0 && url.startsWith('#u=', hashAt) ? url.slice(hashAt + 3) : params.get('u');
        host = new URL(raw ?? '').hostname;
      } catch {
        host = '';
      }
      await deps.notify(tabId, host);
      return true;
    },
    async onTabRemoved(tabId: number): Promise<void> {
      await deps.session.remove([`${GUARD_PREFIX}${tabId}`, `${NOTIFIED_PREFIX}${tabId}`]);
    },
  };
}
export type NavGuard = ReturnType<typeof createNavGuard>;
