/**
 * `cs-bg/identifiers`: the page sends the hashes of the phone numbers, bank cards, USDT
 * addresses, QQ numbers and WeChat IDs it shows (src/page/identifiers.ts); the answer
 * names the listed ones with their list and "listed since" date. The list never leaves
 * the background, and the identifiers themselves never reach it (hashes only).
 */
import type { Handlers } from './router';
import type { ListService } from './list-service';

export function identifierHandlers(lists: Pick<ListService, 'identifierHits' | 'getMeta'>): Pick<Handlers, 'cs-bg/identifiers'> {
  return {
    async 'cs-bg/identifiers'({ ids }) {
      const hits = await lists.identifierHits(ids);
      const names = new Map<string, string>();
      const listed = [];
      for (const h of hits) {
        if (!names.has(h.source)) names.set(h.source, h.source === 'user' || h.source.startsWith('user:') ? 'user' : ((await lists.getMeta(h.source))?.name ?? h.source));
        listed.push({ kind: h.kind, hash: h.hash, listName: names.get(h.source)!.slice(0, 200), category: h.category === 'unknown' ? null : h.category, firstSeen: h.firstSeen || null });
      }
      return { listed };
    },
  };
}
