/**
 * The blacklist's message handlers (protocol types ui-bg/url-verdict, ui-bg/proceed,
 * ui-bg/undo-allow, cs-bg/url-verdict, ui-bg/lists-*, cs-bg/identifiers) and the policy
 * they apply (subscription limits, what counts as "allowed" for the page side). The parts
 * come in assembled (src/background/blacklist.ts is the composition root).
 */
import type { Handlers } from './router';
import type { ListMeta } from './list-store';
import { SEED_ID, type ListService } from './list-service';
import type { ListEngine } from './list-engine';
import type { Bypass } from './bypass';
import type { Updater } from './updater';
import type { ListStatus } from '../messaging/protocol';
import { identifierHandlers } from './identifier-handlers';

export const MAX_SUBSCRIPTIONS = 20;

export interface BlacklistParts {
  lists: ListService;
  engine: ListEngine;
  bypass: Bypass;
  updater: Updater;
  now: () => number;
  random?: () => number;
}

export function statusOf(m: ListMeta): ListStatus {
  return {
    id: m.id,
    kind: m.kind,
    name: m.name,
    url: m.url ?? null,
    format: m.format,
    entryCount: m.entryCount,
    version: m.version ?? null,
    lastSuccess: m.lastSuccess ?? null,
    lastAttempt: m.lastAttempt ?? null,
    lastError: m.lastError ? { code: m.lastError.code, detail: m.lastError.detail ?? null, at: m.lastError.at } : null,
    failures: m.failures ?? 0,
    nextDue: m.nextDue ?? null,
  };
}

export function blacklistHandlers(parts: BlacklistParts): Partial<Handlers> {
  const { lists, engine, bypass, updater } = parts;
  const deps = { now: parts.now, random: parts.random };
  /** A host typed by the person, or a URL: canonical host, or null. */
  function hostFromInput(input: string): string | null {
    const s = input.trim();
    if (!s || /\s/.test(s)) return null;
    return engine.canonicalHost(/^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `http://${s}/`);
  }

  return {
    ...identifierHandlers(lists),
    async 'ui-bg/url-verdict'({ url }) {
      const { verdict, host } = await lists.verdict(url);
      const base = { host, match: verdict.match ?? null, category: null, listId: null, listName: null, listUrl: null, firstSeen: null, listUpdatedAt: null, brand: null };
      if (verdict.result === 'block' || verdict.result === 'allow') {
        const e = verdict.entry;
        const meta = e && e.source !== 'user' ? await lists.getMeta(e.source) : null;
        return {
          ...base,
          result: verdict.result,
          category: e?.category ?? null,
          listId: e?.source ?? null,
          listName: meta?.name ?? (e?.source === 'user' ? 'user' : null),
          listUrl: meta?.url ?? null,
          firstSeen: e?.firstSeen ?? null,
          listUpdatedAt: meta?.lastSuccess ?? null,
        };
      }
      const look = await engine.lookalike(url);
      return look ? { ...base, result: 'caution' as const, brand: look.brand } : { ...base, result: 'none' as const };
    },
    async 'ui-bg/proceed'({ url, scope }) {
      return bypass.proceed(url, scope);
    },
    async 'ui-bg/undo-allow'({ host }) {
      const h = hostFromInput(host);
      if (!h) return { ok: false };
      await bypass.undo(h);
      return { ok: true };
    },
    async 'cs-bg/url-verdict'({ url }) {
      const none = { caution: false, brandId: null, brand: null, reason: null };
      const { verdict, host } = await lists.verdict(url);
      // The person (or family) allowed the site, for good or for this session: the page
      // side shows no alert and no cooling-off there. A list's allow entry only
      // silences the lookalike caution (page wording is still judged).
      if (verdict.result === 'allow' && verdict.entry?.source === 'user') return { ...none, allowed: true };
      if (host && (await bypass.isBypassed(host))) return { ...none, allowed: true };
      if (verdict.result === 'allow') return none;
      const look = await engine.lookalike(url);
      return look ? { caution: true, brandId: look.brandId, brand: look.brand, reason: look.reason } : none;
    },
    async 'ui-bg/lists-get'() {
      const metas = await lists.allMeta();
      metas.sort((a, b) => (a.id === SEED_ID ? -1 : b.id === SEED_ID ? 1 : a.addedAt - b.addedAt));
      const user = await lists.userLists();
      return { lists: metas.map(statusOf), user: { allow: user.allow.map((u) => u.host), block: user.block.map((u) => u.host) } };
    },
    async 'ui-bg/lists-add'({ url, format, publicKey, name }) {
      let parsed: URL;
      try {
        parsed = new URL(url.trim());
      } catch {
        return { ok: false, error: 'url', list: null };
      }
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { ok: false, error: 'url', list: null };
      if (format === 'feed' && !publicKey?.trim()) return { ok: false, error: 'key', list: null };
      const metas = await lists.allMeta();
      if (metas.some((m) => m.url === parsed.href)) return { ok: false, error: 'exists', list: null };
      if (metas.filter((m) => m.kind === 'subscription').length >= MAX_SUBSCRIPTIONS) return { ok: false, error: 'full', list: null };
      const id = `sub-${deps.now().toString(36)}-${Math.floor((deps.random ?? Math.random)() * 1e6).toString(36)}`;
      const meta: ListMeta = {
        id,
        kind: 'subscription',
        name: name?.trim() || parsed.host,
        url: parsed.href,
        format,
        ...(format === 'feed' ? { publicKey: publicKey!.trim() } : {}),
        addedAt: deps.now(),
        failures: 0,
        entryCount: 0,
      };
      await lists.addList(meta);
      const after = await updater.update(id);
      await updater.schedule();
      return { ok: true, error: null, list: after ? statusOf(after) : statusOf(meta) };
    },
    async 'ui-bg/lists-remove'({ id }) {
      if (id === SEED_ID) return { ok: false, error: 'seed' };
      if (!(await lists.getMeta(id))) return { ok: false, error: 'missing' };
      await lists.removeList(id);
      return { ok: true, error: null };
    },
    async 'ui-bg/lists-update'({ id }) {
      const m = await updater.update(id);
      await updater.schedule();
      return { list: m ? statusOf(m) : null };
    },
    async 'ui-bg/lists-user-set'({ host, action, present }) {
      const h = hostFromInput(host);
      if (!h) return { ok: false, error: 'host' };
      try {
        await lists.setUserHost(h, action, present);
      } catch {
        return { ok: false, error: 'full' };
      }
      return { ok: true, error: null };
    },
  };
}
