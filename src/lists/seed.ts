/**
 * The bundled seed list (assets/lists/seed.json): protection from the first second after
 * install, offline. Authored by hand, punycode only, no duplicates (tests/unit/lists/
 * seed-hygiene.test.ts). It holds the demo domains used by tests and demos:
 *   scam-demo.example      block  investment scam demo
 *   fake-police.example    block  impersonation (police) demo
 *   pension-demo.example   block  pension scam demo
 *   shared-hosting-demo.example/~scam/  block  URL-prefix demo (scam page on shared hosting)
 *   allowed-demo.example   allow  precedence demo (a list allow entry)
 * Same JSON shape as a signed feed's snapshot (src/lists/feed.ts), validated the same way.
 */
import seedJson from '../../assets/lists/seed.json';
import { feedEntriesToList, feedIdentifiersToList, parseSnapshot, type FeedManifest } from './feed';
import type { IdentifierEntry, ListEntry } from './types';

export const SEED_SOURCE = 'seed';

export interface SeedList {
  listVersion: number;
  entries: ListEntry[];
  identifiers: IdentifierEntry[];
}

/** Validated seed entries (throws if the bundled file is broken: a build-time bug, caught by the hygiene test). */
export function loadSeed(): SeedList {
  const bytes = new TextEncoder().encode(JSON.stringify(seedJson));
  const pseudoManifest = { listId: seedJson.listId, listVersion: seedJson.listVersion } as FeedManifest;
  const r = parseSnapshot(bytes, pseudoManifest);
  if (!r.ok) throw new Error(`bundled seed list is invalid: ${r.error.message}`);
  return {
    listVersion: r.value.listVersion,
    entries: feedEntriesToList(r.value.entries, SEED_SOURCE),
    identifiers: feedIdentifiersToList(r.value.identifiers ?? [], SEED_SOURCE),
  };
}
