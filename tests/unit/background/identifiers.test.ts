/**
 * Identifier lookup in the background over fake-indexeddb: a subscription lists
 * identifiers; the page's hashes find them; genuine service numbers never come back,
 * even when the list carries them; expired entries are ignored; a cold worker answers.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import type { ListMeta } from '../../../src/background/list-store';
import { identifierHandlers } from '../../../src/background/identifier-handlers';
import { keyHashHex } from '../../../src/lists/hash';
import type { IdentifierEntry, IdentifierKind } from '../../../src/lists/types';
import type { MessageSender } from '../../../src/background/router';
import { freshDb, makeService, T0 } from './list-fixtures';

let db: ReturnType<typeof freshDb>;
beforeEach(() => {
  db = freshDb();
});

const meta: ListMeta = { id: 'sub-1', kind: 'subscription', name: '某市反诈名单', url: 'https://lists.example/ids.txt', format: 'plain', addedAt: T0, failures: 0, entryCount: 0 };
const id = (kind: IdentifierKind, value: string, extra: Partial<IdentifierEntry> = {}): IdentifierEntry => ({ kind, value, category: 'unknown', source: 'sub-1', firstSeen: T0, ...extra });
const ask = (kind: IdentifierKind, value: string) => ({ kind, hash: keyHashHex(kind, value) });

async function listed(values: Array<[IdentifierKind, string]>) {
  const { lists } = makeService(db);
  await lists.ensureSeed();
  await lists.replaceList(meta, [], [
    id('phone', '13800138000'),
    id('usdtAddress', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'),
    id('wechat', 'scam_kefu01'),
    id('phone', '95588'),
    id('qq', '12345678', { expires: T0 - 1 }),
  ]);
  // A cold worker: a new service over the same database.
  const cold = makeService(db).lists;
  const { listed: out } = await identifierHandlers(cold)['cs-bg/identifiers']({ ids: values.map(([k, v]) => ask(k, v)) }, {} as MessageSender);
  return out;
}

describe('warns', () => {
  test.each([
    ['phone', '13800138000'],
    ['usdtAddress', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t'],
    ['wechat', 'scam_kefu01'],
  ] as const)('a listed %s is reported with its list name and date', async (kind, value) => {
    expect(await listed([[kind, value]])).toEqual([{ kind, hash: keyHashHex(kind, value), listName: '某市反诈名单', category: null, firstSeen: T0 }]);
  });
});

describe('stays silent', () => {
  test.each([
    ['phone', '95588', 'a genuine bank line the list wrongly carries'],
    ['qq', '12345678', 'an expired entry'],
    ['phone', '13900001111', 'an unlisted number'],
    ['wechat', '13800138000', 'the listed value under another kind'],
  ] as const)('%s %s (%s)', async (kind, value, _why) => {
    expect(await listed([[kind, value]])).toEqual([]);
  });
});
