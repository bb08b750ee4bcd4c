/** Builds signed feeds (src/lists/feed.ts format) as in-memory files for the glue tests. */
import { computeDiff, sha256Hex, signManifest, type FeedKeyPair, type FeedManifest, type FeedSnapshot } from '../../../src/lists/feed';
import type { Category } from '../../../src/engine/types';

export interface FeedEntryInput {
  value: string;
  kind?: 'domain' | 'host' | 'urlPrefix' | 'ip';
  action?: 'block' | 'allow';
  category?: Category | 'unknown';
}

const enc = new TextEncoder();
export const FIRST_SEEN = 1_795_392_000_000;

export function snapshotOf(listId: string, version: number, entries: FeedEntryInput[]): FeedSnapshot {
  return {
    format: 'scamsentinel-list',
    listId,
    listVersion: version,
    entries: entries.map((e) => ({ kind: e.kind ?? 'domain', value: e.value, action: e.action ?? 'block', category: e.category ?? 'investment', firstSeen: FIRST_SEEN })),
  };
}

/** Files of one published version: `manifest`, `full-<v>.json` and a diff from `previous` if given. */
export async function publish(keys: FeedKeyPair, snap: FeedSnapshot, previous?: FeedSnapshot): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {};
  const full = enc.encode(JSON.stringify(snap));
  files[`full-${snap.listVersion}.json`] = full;
  const diffs: FeedManifest['diffs'] = [];
  if (previous) {
    const d = enc.encode(JSON.stringify(computeDiff(previous, snap)));
    const path = `diff-${previous.listVersion}-${snap.listVersion}.json`;
    files[path] = d;
    diffs.push({ from: previous.listVersion, path, sha256: await sha256Hex(d), bytes: d.length });
  }
  const manifest: FeedManifest = {
    format: 'scamsentinel-feed',
    formatVersion: 1,
    listId: snap.listId,
    listVersion: snap.listVersion,
    created: new Date(FIRST_SEEN).toISOString(),
    title: 'Community anti-fraud list',
    full: { path: `full-${snap.listVersion}.json`, sha256: await sha256Hex(full), bytes: full.length, entries: snap.entries.length },
    diffs,
  };
  files.manifest = await signManifest(manifest, keys);
  return files;
}
