/**
 * The one IndexedDB schema of the extension (through idb). Every object store is
 * declared here, with one upgrade path, so feature modules never race on versions.
 * Callers pass an IDBFactory in tests (fake-indexeddb) and use the global one in
 * the extension.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Verdict } from '../engine/types';

export const DB_NAME = 'scam-sentinel';
export const DB_VERSION = 1;

export interface PageEvent {
  id?: number;
  time: number;
  url: string;
  host: string;
  verdict: Verdict;
}

export interface SentinelDB extends DBSchema {
  /** Detection events (page verdicts at medium+ and blocked navigations). */
  events: { key: number; value: PageEvent; indexes: { byTime: number } };
  /** User reports ("report this site" / "this warning is wrong"). Owned by src/background/reports.ts. */
  reports: { key: number; value: Record<string, unknown> & { id?: number; time: number }; indexes: { byTime: number } };
  /** Blacklist storage: one record per list (meta) and serialized index blobs. Owned by src/background/list-store.ts. */
  lists: { key: string; value: Record<string, unknown> & { id: string } };
  listBlobs: { key: string; value: { id: string; bytes: ArrayBuffer | Uint8Array; [k: string]: unknown } };
}

export type Db = IDBPDatabase<SentinelDB>;

export function openSentinelDb(): Promise<Db> {
  return openDB<SentinelDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('events', { keyPath: 'id', autoIncrement: true }).createIndex('byTime', 'time');
        db.createObjectStore('reports', { keyPath: 'id', autoIncrement: true }).createIndex('byTime', 'time');
        db.createObjectStore('lists', { keyPath: 'id' });
        db.createObjectStore('listBlobs', { keyPath: 'id' });
      }
    },
  });
}
