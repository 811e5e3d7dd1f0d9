import 'fake-indexeddb/auto';
import Dexie, { type EntityTable } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup, serializeBackup } from '../../shared/backup/format';
import { AppDB } from './app-db';
import { exportWorkspace, restoreWorkspace, type RestoredFrom } from './backup';
import { SCHEMA_VERSIONS, LATEST_SCHEMA_VERSION } from './schema-versions';

/** A small ad-hoc schema: the backup code must work with any. */
type Buyer = { id: string; name: string; siren?: string };
type Invoice = { id: string; buyerId: string; amountCents: number };
type OutboxOp = { clientSeq?: number; opId: string; command: string };
type Meta = { key: string; value: unknown };

class TestDb extends Dexie {
  buyers!: EntityTable<Buyer, 'id'>;
  invoices!: EntityTable<Invoice, 'id'>;
  outbox!: EntityTable<OutboxOp, 'clientSeq'>;
  meta!: EntityTable<Meta, 'key'>;
  constructor(name: string, version = 2) {
    super(name);
    this.version(1).stores({ buyers: 'id, name', invoices: 'id, buyerId', outbox: '++clientSeq, &opId' });
    if (version >= 2) this.version(2).stores({ buyers: 'id, name, &siren', meta: 'key' });
  }
}

const opened: Dexie[] = [];
function testDb(name: string, version?: number): TestDb {
  const db = new TestDb(name, version);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const workspace = { id: 'ws-source', name: 'Menuiserie Durand', siren: '552100554' };
const fixedNow = () => new Date('2026-11-25T09:30:00.000Z');

async function populated(): Promise<TestDb> {
  const db = testDb('encours-ws-source');
  await db.transaction('rw', db.tables, async () => {
    await db.buyers.bulkAdd([
      { id: 'b1', name: 'Alpha SARL', siren: '111111118' },
      { id: 'b2', name: 'Bêta & Fils', siren: '222222226' },
    ]);
    await db.invoices.bulkAdd([
      { id: 'i1', buyerId: 'b1', amountCents: 120_000 },
      { id: 'i2', buyerId: 'b2', amountCents: 35_050 },
    ]);
    await db.outbox.add({ opId: 'op-1', command: 'recordInvoice' });
    await db.meta.add({ key: 'syncCursor', value: 42 });
  });
  return db;
}

async function contentsOf(db: TestDb): Promise<Record<string, unknown[]>> {
  return {
    buyers: await db.buyers.orderBy('id').toArray(),
    invoices: await db.invoices.orderBy('id').toArray(),
    outbox: await db.outbox.toArray(),
    meta: await db.meta.toArray(),
  };
}

describe('exportWorkspace', () => {
  it('writes every table, the workspace and the schema version into a valid backup', async () => {
    const db = await populated();
    const result = await parseBackup(await exportWorkspace(db, workspace, '0.1.0', { now: fixedNow }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.backup).toMatchObject({
      appVersion: '0.1.0',
      schemaVersion: 2,
      createdAt: '2026-11-25T09:30:00.000Z',
      workspace,
    });
    expect(result.backup.tables).toEqual({
      buyers: [
        { id: 'b1', name: 'Alpha SARL', siren: '111111118' },
        { id: 'b2', name: 'Bêta & Fils', siren: '222222226' },
      ],
      invoices: [
        { id: 'i1', buyerId: 'b1', amountCents: 120_000 },
        { id: 'i2', buyerId: 'b2', amountCents: 35_050 },
      ],
      outbox: [{ clientSeq: 1, opId: 'op-1', command: 'recordInvoice' }],
      meta: [{ key: 'syncCursor', value: 42 }],
    });
  });

  it('takes a consistent snapshot: a write that starts during the export is wholly in or wholly out', async () => {
    const db = await populated();
    const exporting = exportWorkspace(db, workspace, '0.1.0');
    const writing = db.transaction('rw', db.buyers, db.invoices, async () => {
      await db.buyers.add({ id: 'b3', name: 'Gamma' });
      await db.invoices.add({ id: 'i3', buyerId: 'b3', amountCents: 1 });
    });
    const [bytes] = await Promise.all([exporting, writing]);
    const result = await parseBackup(bytes);
    if (!result.ok) throw new Error(result.error.code);
    const hasBuyer = (result.backup.tables['buyers'] ?? []).some((row) => row['id'] === 'b3');
    const hasInvoice = (result.backup.tables['invoices'] ?? []).some((row) => row['id'] === 'i3');
    expect(hasBuyer).toBe(hasInvoice);
  });

  it('refuses a table with outbound keys, whose keys toArray() would lose', async () => {
    const db = new Dexie('encours-ws-outbound');
    opened.push(db);
    db.version(1).stores({ buyers: 'id', blobs: '' });
    await db.table('blobs').put({ size: 3 }, 'k1');
    await expect(exportWorkspace(db, workspace, '0.1.0')).rejects.toThrow(/blobs: outbound/);
  });

  it('refuses a row that is not plain JSON instead of changing it', async () => {
    const db = testDb('encours-ws-dates');
    await db.meta.add({ key: 'openedAt', value: new Date('2026-01-01') });
    await expect(exportWorkspace(db, workspace, '0.1.0')).rejects.toThrow(/meta.*plain JSON/);
  });
});

describe('restoreWorkspace', () => {
  it('restores every row into a new workspace, with an empty outbox, and says where it came from', async () => {
    const source = await populated();
    const before = await contentsOf(source);
    const bytes = await exportWorkspace(source, workspace, '0.1.0', { now: fixedNow });
    const marks: RestoredFrom[] = [];
    const result = await restoreWorkspace(bytes, (id, version) => testDb(`encours-${id}`, version), {
      newId: () => 'ws-restored',
      markRestored: async (db, restoredFrom) => {
        marks.push(restoredFrom);
        await db.table('meta').put({ key: 'restoredFrom', value: restoredFrom });
      },
    });
    const restoredFrom = {
      workspaceId: 'ws-source',
      workspaceName: 'Menuiserie Durand',
      backupCreatedAt: '2026-11-25T09:30:00.000Z',
      appVersion: '0.1.0',
      schemaVersion: 2,
    };
    expect(result).toEqual({ ok: true, workspaceId: 'ws-restored', restoredFrom });
    expect(marks).toEqual([restoredFrom]);

    const copy = testDb('encours-ws-restored');
    expect(await contentsOf(copy)).toEqual({
      buyers: before['buyers'],
      invoices: before['invoices'],
      // The pending operation is not carried over: the copy must never push stale state.
      outbox: [],
      meta: [
        { key: 'restoredFrom', value: restoredFrom },
        { key: 'syncCursor', value: 42 },
      ],
    });
    // The source is untouched.
    expect(await contentsOf(source)).toEqual(before);
  });

  it('gives each restore a fresh random id by default', async () => {
    const bytes = await exportWorkspace(await populated(), workspace, '0.1.0');
    const first = await restoreWorkspace(bytes, (id, version) => testDb(`encours-${id}`, version));
    const second = await restoreWorkspace(bytes, (id, version) => testDb(`encours-${id}`, version));
    expect(first.ok && second.ok).toBe(true);
    if (first.ok && second.ok) {
      expect(first.workspaceId).toMatch(/^[0-9a-f-]{36}$/);
      expect(first.workspaceId).not.toBe(second.workspaceId);
    }
  });

  it('refuses a truncated file and creates nothing', async () => {
    const bytes = await exportWorkspace(await populated(), workspace, '0.1.0');
    const databasesBefore = await Dexie.getDatabaseNames();
    const result = await restoreWorkspace(bytes.subarray(0, bytes.length - 10), (id) =>
      testDb(`encours-${id}`),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'truncated' } });
    if (!result.ok) expect(result.error.message.fr).toContain('incomplet (tronqué)');
    expect(await Dexie.getDatabaseNames()).toEqual(databasesBefore);
  });

  it('refuses a backup from a newer schema than the database', async () => {
    const bytes = await exportWorkspace(await populated(), workspace, '0.1.0'); // schema 2
    const result = await restoreWorkspace(bytes, (id) => testDb(`encours-${id}`, 1), {
      newId: () => 'ws-old-app',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'schema-newer-than-app' } });
    expect(await Dexie.exists('encours-ws-old-app')).toBe(false);
  });

  it('refuses a backup with a table the database does not have', async () => {
    const bytes = await serializeBackup({
      appVersion: '0.1.0',
      schemaVersion: 1,
      createdAt: '2026-11-25T09:30:00Z',
      workspace,
      tables: { buyers: [], claims: [{ id: 'c1' }] },
    });
    const result = await restoreWorkspace(bytes, (id, version) => testDb(`encours-${id}`, version), {
      newId: () => 'ws-unknown',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-table' } });
    expect(await Dexie.exists('encours-ws-unknown')).toBe(false);
  });

  it.each<[string, Record<string, unknown[]>]>([
    [
      'two rows with the same key',
      { buyers: [{ id: 'b1', name: 'A' }], invoices: [{ id: 'i1' }, { id: 'i1' }] },
    ],
    [
      'a failure after every table was written (unique SIREN clash)',
      { buyers: [{ id: 'b1', name: 'A' }], meta: [{ key: 'm' }], invoices: [{ id: 'i1' }] },
    ],
  ])('is all or nothing: %s deletes the half-created database', async (_, tables) => {
    const bytes = await serializeBackup({
      appVersion: '0.1.0',
      schemaVersion: 2,
      createdAt: '2026-11-25T09:30:00Z',
      workspace,
      tables,
    });
    const result = await restoreWorkspace(bytes, (id, version) => testDb(`encours-${id}`, version), {
      newId: () => 'ws-half',
      markRestored: async (db) => {
        // Runs after every table is written; a unique index clash here aborts the whole transaction.
        await db.table('buyers').add({ id: 'b9', name: 'B', siren: '111111118' });
        await db.table('buyers').add({ id: 'b8', name: 'C', siren: '111111118' });
      },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'restore-failed' } });
    if (!result.ok) expect(result.error.message.fr).toContain("n'a rien modifié");
    expect(await Dexie.exists('encours-ws-half')).toBe(false);
  });

  describe('a backup made at an older schema version', () => {
    const appDb = (id: string, version?: number): AppDB => {
      const db = new AppDB(
        id,
        version === undefined ? SCHEMA_VERSIONS : SCHEMA_VERSIONS.filter((entry) => entry.version <= version),
      );
      opened.push(db);
      return db;
    };

    async function v1Backup(): Promise<Uint8Array> {
      const source = appDb('source-v1', 1);
      await source.open();
      // Buyers as version 1 of the app wrote them: no nameKey.
      await source.table('buyers').bulkAdd([
        { id: 'b1', name: 'Société  ÉLÉGANTE', limitHistoryVersion: 0, version: 1, updatedAt: 't' },
        { id: 'b2', name: 'Dupont', limitHistoryVersion: 0, version: 1, updatedAt: 't' },
      ]);
      const bytes = await exportWorkspace(source, workspace, '0.0.1', { now: fixedNow });
      const parsed = await parseBackup(bytes);
      expect(parsed.ok && parsed.backup.schemaVersion).toBe(1);
      return bytes;
    }

    it('is written at its own schema, then upgraded: buyers get the v2 nameKey', async () => {
      const result = await restoreWorkspace(await v1Backup(), appDb, { newId: () => 'restored-v1' });
      expect(result).toMatchObject({ ok: true, workspaceId: 'restored-v1' });

      const db = appDb('restored-v1');
      await db.open();
      expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
      // By hand: accents removed, lower case, runs of spaces collapsed (schema v2's upgrade rule).
      expect(await db.buyers.orderBy('id').toArray()).toEqual([
        {
          id: 'b1',
          name: 'Société  ÉLÉGANTE',
          nameKey: 'societe elegante',
          limitHistoryVersion: 0,
          version: 1,
          updatedAt: 't',
        },
        { id: 'b2', name: 'Dupont', nameKey: 'dupont', limitHistoryVersion: 0, version: 1, updatedAt: 't' },
      ]);
      // The nameKey index is usable: the upgrade ran, the rows were not merely copied.
      expect(await db.buyers.where('nameKey').equals('dupont').count()).toBe(1);
    });

    it('is refused when the factory cannot build the old schema (it would skip the upgrade)', async () => {
      const latestOnly = (id: string): AppDB => appDb(id);
      const result = await restoreWorkspace(await v1Backup(), latestOnly, { newId: () => 'no-old-schema' });
      expect(result).toMatchObject({ ok: false, error: { code: 'restore-failed' } });
      expect(await Dexie.exists('encours-ws-no-old-schema')).toBe(false);
    });

    it('leaves nothing behind when an upgrade fails', async () => {
      const failing = (id: string, version?: number): Dexie => {
        const db = new Dexie(`encours-${id}`);
        opened.push(db);
        db.version(1).stores({ buyers: 'id, name', invoices: 'id, buyerId', outbox: '++clientSeq, &opId' });
        if (version === undefined) {
          db.version(2)
            .stores({ buyers: 'id, name, &siren' })
            .upgrade(() => Promise.reject(new Error('upgrade failed')));
        }
        return db;
      };
      const source = testDb('encours-ws-source-v1', 1);
      await source.buyers.add({ id: 'b1', name: 'A' });
      const bytes = await exportWorkspace(source, workspace, '0.0.1');
      const result = await restoreWorkspace(bytes, failing, { newId: () => 'upgrade-fails' });
      expect(result).toMatchObject({ ok: false, error: { code: 'restore-failed' } });
      expect(await Dexie.exists('encours-upgrade-fails')).toBe(false);
    });
  });
});
