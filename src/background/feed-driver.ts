/**
 * Signed-feed updates (format of src/lists/feed.ts) for the updater:
 *   manifest (conditional GET, 64 KB cap) → verifyManifest against the subscription's
 *   PINNED keys (before any parsing) → planUpdate (refuses rollback) → fetch the one
 *   planned part with a cap of its declared size → verifyPart (size + sha256) →
 *   parseSnapshot / parseDiff (zod, canonical entries) → new entries for the atomic swap.
 * A diff is applied to the entries we hold; any error leaves them untouched.
 */
import { FEED_LIMITS, feedEntriesToList, feedIdentifiersToList, parseDiff, parseSnapshot, planUpdate, verifyManifest, verifyPart, type FeedErrorCode } from '../lists/feed';
import type { IdentifierEntry, ListEntry } from '../lists/types';
import type { ListErrorCode } from '../lists/vocabulary';
import type { FeedDriver, FeedResult } from './updater';
import { loadUrlData } from './url-data-loader';

const FEED_ERRORS: Record<FeedErrorCode, ListErrorCode> = {
  oversize: 'too-large',
  truncated: 'truncated',
  'bad-envelope': 'bad-signature',
  'unknown-key': 'wrong-key',
  'bad-key': 'wrong-key',
  'bad-signature': 'bad-signature',
  'bad-json': 'bad-format',
  schema: 'bad-format',
  'sha256-mismatch': 'bad-hash',
  rollback: 'rollback',
  'list-mismatch': 'bad-format',
  'version-mismatch': 'bad-format',
  'bad-entry': 'bad-format',
  'duplicate-entry': 'bad-format',
  'conflicting-entry': 'bad-format',
  'too-many-entries': 'too-large',
};

const err = (code: FeedErrorCode, message: string): FeedResult => ({ kind: 'error', code: FEED_ERRORS[code], detail: message.slice(0, 200) });

/** Pinned keys as pasted by the person: SPKI base64url, several separated by spaces/commas/newlines. */
export function pinnedKeysOf(publicKey: string | undefined): string[] {
  return (publicKey ?? '').split(/[\s,]+/).filter((k) => /^[A-Za-z0-9_-]{40,400}$/.test(k));
}

/** `ready` loads what canonical entry checks need (the Public Suffix List) on first need. */
export function createFeedDriver(opts: { subtle?: SubtleCrypto; ready?: () => Promise<void> } = {}): FeedDriver {
  const ready = opts.ready ?? loadUrlData;
  return {
    async update(meta, fetchBytes, current, currentIds) {
      const pins = pinnedKeysOf(meta.publicKey);
      if (!pins.length) return { kind: 'error', code: 'wrong-key', detail: 'no publisher key pinned for this subscription' };
      const got = await fetchBytes(meta.url!, { etag: meta.etag, lastModified: meta.lastModified, maxBytes: FEED_LIMITS.manifestBytes });
      if (!got.ok) return { kind: 'error', code: got.code, detail: got.detail };
      if (got.status === 304) return { kind: 'unchanged', etag: got.etag, lastModified: got.lastModified };
      if (got.status !== 200) return { kind: 'error', code: 'http', detail: String(got.status) }; // never deferred: no deferAbove here
      const verified = await verifyManifest(got.bytes, pins, { subtle: opts.subtle });
      if (!verified.ok) return err(verified.error.code, verified.error.message);
      const { manifest } = verified.value;
      const installed = meta.version !== undefined && meta.feedListId ? { listId: meta.feedListId, listVersion: meta.version } : null;
      const plan = planUpdate(installed, manifest);
      if (plan.action === 'reject') return err(plan.error.code, plan.error.message);
      if (plan.action === 'none') return { kind: 'unchanged', etag: got.etag, lastModified: got.lastModified };
      const partUrl = new URL(plan.part.path, meta.url).href;
      // One byte more than declared: a longer body is cut off at once and refused.
      const part = await fetchBytes(partUrl, { maxBytes: Math.min(plan.part.bytes, FEED_LIMITS.partBytes) + 1 });
      if (!part.ok) return { kind: 'error', code: part.code, detail: part.detail };
      if (part.status !== 200) return { kind: 'error', code: 'http', detail: String(part.status) };
      const checked = await verifyPart(part.bytes, plan.part, { subtle: opts.subtle });
      if (!checked.ok) return err(checked.error.code, checked.error.message);
      try {
        await ready();
      } catch (e) {
        return { kind: 'error', code: 'storage', detail: String(e).slice(0, 200) };
      }
      let entries: ListEntry[];
      let identifiers: IdentifierEntry[];
      if (plan.action === 'full') {
        const snap = parseSnapshot(checked.value, manifest);
        if (!snap.ok) return err(snap.error.code, snap.error.message);
        entries = feedEntriesToList(snap.value.entries, meta.id);
        identifiers = feedIdentifiersToList(snap.value.identifiers ?? [], meta.id);
      } else {
        const diff = parseDiff(checked.value, manifest, plan.fromVersion);
        if (!diff.ok) return err(diff.error.code, diff.error.message);
        const k = (e: { kind: string; value: string; action: string }) => `${e.kind}|${e.value}|${e.action}`;
        const removed = new Set(diff.value.remove.map(k));
        entries = (await current()).filter((e) => !removed.has(k(e)));
        const have = new Set(entries.map(k));
        for (const a of feedEntriesToList(diff.value.add, meta.id)) if (!have.has(k(a))) entries.push(a);
        const ki = (e: { kind: string; value: string }) => `${e.kind}|${e.value}`;
        const removedIds = new Set((diff.value.removeIdentifiers ?? []).map(ki));
        identifiers = ((await currentIds?.()) ?? []).filter((e) => !removedIds.has(ki(e)));
        const haveIds = new Set(identifiers.map(ki));
        for (const a of feedIdentifiersToList(diff.value.addIdentifiers ?? [], meta.id)) if (!haveIds.has(ki(a))) identifiers.push(a);
      }
      return { kind: 'updated', entries, identifiers, version: manifest.listVersion, listId: manifest.listId, etag: got.etag, lastModified: got.lastModified };
    },
  };
}
