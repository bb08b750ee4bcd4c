/**
 * The outreach demo's only background part (issue 10): confirming the demo interstitial.
 *   1. the gallery (demo.html) arms a random one-time token for a case id;
 *   2. warning.html?…&u=https://demo.scamsentinel.invalid/<case>&demo=<token> asks whether
 *      that URL is the reserved demo host AND the token was armed for that very case.
 * Tokens live in storage.session (a worker restart keeps them) for TOKEN_TTL_MS. Nothing
 * else is touched: no event, no report, no list, no badge, no allow list. Real browsing
 * can never reach this path: `.invalid` never resolves, and no other host is confirmed.
 */
import { demoCaseIdOf } from '../demo/host';
import { STORAGE_KEYS } from '../settings/schema';
import type { StorageArea } from '../settings/store';
import type { Handlers, MessageSender } from './router';

export const TOKEN_TTL_MS = 30 * 60_000;
/** At most this many armed tokens at once (the oldest are dropped). */
export const MAX_TOKENS = 20;

export interface DemoDeps {
  session: StorageArea;
  extensionOrigin: string;
  now: () => number;
  /** 32 random bytes' worth of token; injected for tests. */
  randomToken?: () => string;
}

interface Armed {
  caseId: string;
  expires: number;
}

function defaultToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function createDemoHandlers(deps: DemoDeps): { handlers: Partial<Handlers> } {
  const prefix = STORAGE_KEYS.demoTokenPrefix;
  const galleryPage = `${deps.extensionOrigin}demo.html`;
  const warningPage = `${deps.extensionOrigin}warning.html`;

  const armedTokens = async (): Promise<Array<[string, Armed]>> => {
    const all = await deps.session.get(null);
    return Object.entries(all)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => [k, v as Armed]);
  };

  return {
    handlers: {
      async 'ui-bg/demo-arm'({ caseId }, sender: MessageSender) {
        if (!sender.url?.startsWith(galleryPage)) throw new Error('demo-arm only from the gallery');
        const now = deps.now();
        const existing = await armedTokens();
        const stale = existing.filter(([, v]) => !v || typeof v.expires !== 'number' || v.expires <= now).map(([k]) => k);
        const live = existing.filter(([k]) => !stale.includes(k)).sort(([, a], [, b]) => a.expires - b.expires);
        const overflow = live.slice(0, Math.max(0, live.length - (MAX_TOKENS - 1))).map(([k]) => k);
        if (stale.length || overflow.length) await deps.session.remove([...stale, ...overflow]);
        const token = (deps.randomToken ?? defaultToken)();
        await deps.session.set({ [`${prefix}${token}`]: { caseId, expires: now + TOKEN_TTL_MS } satisfies Armed });
        return { token };
      },
      async 'ui-bg/demo-site-verdict'({ url, token }, sender: MessageSender) {
        const no = { confirmed: false, caseId: null };
        if (!sender.url?.startsWith(warningPage)) return no;
        const caseId = demoCaseIdOf(url);
        if (!caseId || !/^[A-Za-z0-9_-]{16,64}$/.test(token)) return no;
        const key = `${prefix}${token}`;
        const armed = (await deps.session.get(key))[key] as Armed | undefined;
        if (!armed || armed.caseId !== caseId || armed.expires <= deps.now()) return no;
        return { confirmed: true, caseId };
      },
    },
  };
}
