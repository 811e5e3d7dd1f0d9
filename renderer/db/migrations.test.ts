import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { AppDB, workspaceDbName } from './app-db';
import { openAppDb } from './open-db';
import { SCHEMA_VERSIONS, LATEST_SCHEMA_VERSION } from './schema-versions';
import { StoreFailure } from './store-errors';

const V1 = SCHEMA_VERSIONS.filter((entry) => entry.version <= 1);
const META = { id: 'local' as const, clientId: 'client-1', lastClientSeq: 2 };

async function dumpAll(db: Dexie): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of db.tables) dump[table.name] = await table.toArray();
  return dump;
}

describe('upgrade 1 → 2 (buyer nameKey)', () => {
  it('keeps every row, pending outbox included, and backfills nameKey', async () => {
    const id = `mig-${crypto.randomUUID()}`;
    const old = new AppDB(id, V1);
    await old.open();
    // Rows as version 1 of the app wrote them: buyers without nameKey.
    await old.transaction('rw', old.tables, async () => {
      await old.table('buyers').bulkPut([
        { id: 'b1', name: 'Société  ÉLÉGANTE', limitHistoryVersion: 0, version: 1, updatedAt: 't' },
        { id: 'b2', name: 'dupont', limitHistoryVersion: 3, version: 4, updatedAt: 't' },
      ]);
      await old.invoices.put({
        id: 'i1',
        buyerId: 'b1',
        number: 'F1',
        issueDate: '2026-01-01',
        dueDate: '2026-02-01',
        amountHtCents: 100,
        amountTtcCents: 120,
        currency: 'EUR',
        version: 1,
        updatedAt: 't',
      });
      await old.outbox.bulkAdd([
        {
          opId: 'op1',
          clientId: 'client-1',
          clientSeq: 1,
          command: 'createBuyer',
          args: { id: 'b1' },
          createdAt: 't',
        },
        {
          opId: 'op2',
          clientId: 'client-1',
          clientSeq: 2,
          command: 'createBuyer',
          args: { id: 'b2' },
          createdAt: 't',
        },
      ]);
      await old.meta.put(META);
    });
    const before = await dumpAll(old);
    old.close();

    const db = await openAppDb(id);
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    const after = await dumpAll(db);
    // Every table except buyers is byte-for-byte the same; buyers gain exactly nameKey.
    for (const [table, rows] of Object.entries(before)) {
      if (table !== 'buyers') expect(after[table], table).toEqual(rows);
    }
    expect(after['buyers']).toEqual([
      {
        id: 'b1',
        name: 'Société  ÉLÉGANTE',
        nameKey: 'societe elegante',
        limitHistoryVersion: 0,
        version: 1,
        updatedAt: 't',
      },
      { id: 'b2', name: 'dupont', nameKey: 'dupont', limitHistoryVersion: 3, version: 4, updatedAt: 't' },
    ]);
    expect(await db.buyers.where('nameKey').equals('dupont').count()).toBe(1);
    db.close();
  });
});

describe('an app older than its database', () => {
  it('refuses to open it with database-newer-than-app and changes nothing', async () => {
    const id = `newer-${crypto.randomUUID()}`;
    // A future app: one version more, with one more table.
    const future = new Dexie(workspaceDbName(id));
    for (const entry of SCHEMA_VERSIONS) future.version(entry.version).stores(entry.stores);
    future.version(LATEST_SCHEMA_VERSION + 1).stores({ notes: 'id' });
    await future.open();
    await future.table('notes').put({ id: 'n1' });
    future.close();

    const failure = await openAppDb(id).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(StoreFailure);
    if (failure instanceof StoreFailure) {
      expect(failure.error.code).toBe('database-newer-than-app');
      expect(failure.error.message.fr).toMatch(
        /^Cette base a été créée par une version plus récente d'Encours/,
      );
    }
    const reopened = new Dexie(workspaceDbName(id));
    await reopened.open();
    expect(reopened.verno).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(await reopened.table('notes').toArray()).toEqual([{ id: 'n1' }]);
    reopened.close();
  });
});
