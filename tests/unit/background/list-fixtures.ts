/** Shared fakes for the blacklist glue tests: seed list, in-memory DNR, a fake fetch. */
import { IDBFactory } from 'fake-indexeddb';
import { openSentinelDb } from '../../../src/background/db';
import { sentinelEngine } from '../../../src/background/list-engine';
import { loadSeed } from '../../../src/lists/seed';
import { createListStore } from '../../../src/background/list-store';
import { createListService, type ListServiceDeps, type SeedList } from '../../../src/background/list-service';
import type { DnrApi, DnrRule } from '../../../src/background/dnr';

/** The real bundled seed (assets/lists/seed.json). */
export const SEED: SeedList = { version: 1, name: 'Bundled', entries: () => loadSeed().entries };

export const T0 = 1_700_000_000_000;

export function freshDb() {
  globalThis.indexedDB = new IDBFactory();
  let p: ReturnType<typeof openSentinelDb> | undefined;
  return () => (p ??= openSentinelDb());
}

export function makeService(db: ReturnType<typeof freshDb>, extra: Partial<ListServiceDeps> = {}, clock = { now: T0 }) {
  const store = createListStore(db);
  const lists = createListService({ store, engine: sentinelEngine, seed: SEED, now: () => clock.now, ...extra });
  return { store, lists, clock };
}

export function fakeDnr(): DnrApi & { dynamic: DnrRule[]; session: DnrRule[]; calls: number } {
  const api = {
    dynamic: [] as DnrRule[],
    session: [] as DnrRule[],
    calls: 0,
    async getDynamicRules(filter?: { ruleIds?: number[] }) {
      return structuredClone(api.dynamic.filter((r) => !filter?.ruleIds || filter.ruleIds.includes(r.id)));
    },
    async updateDynamicRules(o: { removeRuleIds?: number[]; addRules?: DnrRule[] }) {
      api.calls++;
      const removing = new Set(o.removeRuleIds ?? []);
      const kept = api.dynamic.filter((r) => !removing.has(r.id));
      for (const r of o.addRules ?? []) if (kept.some((k) => k.id === r.id)) throw new Error(`duplicate rule id ${r.id}`);
      api.dynamic = [...kept, ...structuredClone(o.addRules ?? [])];
    },
    async getSessionRules(filter?: { ruleIds?: number[] }) {
      return structuredClone(api.session.filter((r) => !filter?.ruleIds || filter.ruleIds.includes(r.id)));
    },
    async updateSessionRules(o: { removeRuleIds?: number[]; addRules?: DnrRule[] }) {
      api.session = [...api.session.filter((r) => !o.removeRuleIds?.includes(r.id)), ...structuredClone(o.addRules ?? [])];
    },
  };
  return api;
}

export type Served = { status?: number; body?: string | Uint8Array; headers?: Record<string, string>; hang?: boolean; chunks?: () => AsyncGenerator<Uint8Array> };

/** A fetch that serves `routes[url]` (a function of the request headers); records requests. */
export function fakeFetch(routes: Record<string, (headers: Record<string, string>) => Served>) {
  const requests: Array<{ url: string; headers: Record<string, string> }> = [];
  const fn = async (url: string, init: { headers: Record<string, string>; signal: AbortSignal }) => {
    requests.push({ url, headers: init.headers });
    const route = routes[url];
    if (!route) throw new TypeError('Failed to fetch');
    const s = route(init.headers);
    if (s.hang) {
      return new Promise<Response>((_, reject) => init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    }
    if (s.chunks) {
      const gen = s.chunks();
      const stream = new ReadableStream<Uint8Array>({
        async pull(c) {
          const { done, value } = await gen.next();
          if (done) c.close();
          else c.enqueue(value);
        },
      });
      return new Response(stream, { status: s.status ?? 200, headers: s.headers });
    }
    return new Response(s.status === 304 ? null : ((s.body ?? '') as BodyInit), { status: s.status ?? 200, headers: s.headers });
  };
  return { fn, requests };
}
