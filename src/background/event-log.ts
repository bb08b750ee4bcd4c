/** Detection events in IndexedDB: what was flagged, when. Never leaves the device. */
import type { Db, PageEvent } from './db';

export const MAX_EVENTS = 5000;

export function createEventLog(db: () => Promise<Db>) {
  return {
    async record(event: Omit<PageEvent, 'id'>): Promise<number> {
      const conn = await db();
      const id = await conn.add('events', event as PageEvent);
      // Keep the log bounded: drop the oldest beyond MAX_EVENTS.
      const count = await conn.count('events');
      if (count > MAX_EVENTS) {
        const tx = conn.transaction('events', 'readwrite');
        let cursor = await tx.store.index('byTime').openCursor();
        for (let excess = count - MAX_EVENTS; cursor && excess > 0; excess--) {
          await cursor.delete();
          cursor = await cursor.continue();
        }
        await tx.done;
      }
      return id;
    },
    async recent(limit = 50): Promise<PageEvent[]> {
      const conn = await db();
      const out: PageEvent[] = [];
      let cursor = await conn.transaction('events').store.index('byTime').openCursor(null, 'prev');
      while (cursor && out.length < limit) {
        out.push(cursor.value);
        cursor = await cursor.continue();
      }
      return out;
    },
  };
}
export type EventLog = ReturnType<typeof createEventLog>;
