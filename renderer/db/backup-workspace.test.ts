import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup, serializeBackup } from '../../shared/backup/format';
import type { AppDB } from './app-db';
import { workspaceDbName } from './app-db';
import { exportAppWorkspace, restoreAsNewWorkspace } from './backup-workspace';
import { openAppDb } from './open-db';
import { createWorkspace, deleteWorkspace, listWorkspaces } from './workspaces';

const NOW = new Date('2026-11-25T09:30:00.000Z');
const nameFor = ({ workspaceName }: { workspaceName: string }): string => `${workspaceName} (copie)`;

afterEach(async () => {
  for (const entry of await listWorkspaces()) await deleteWorkspace(entry.id);
});

async function dumpAll(db: Dexie): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of db.tables) dump[table.name] = await table.toArray();
  return dump;
}

async function populatedWorkspace(): Promise<AppDB> {
  const { db } = await createWorkspace({ name: 'Menuiserie Durand', siren: '552100554' }, NOW.toISOString());
  await db.transaction('rw', db.tables, async () => {
    await db.buyers.bulkAdd([
      { id: 'b1', name: 'Alpha', nameKey: 'alpha', limitHistoryVersion: 0, version: 1, updatedAt: 't' },
      { id: 'b2', name: 'Bêta', nameKey: 'beta', limitHistoryVersion: 2, version: 3, updatedAt: 't' },
    ]);
    await db.invoices.add({
      id: 'i1',
      buyerId: 'b1',
      number: 'F-001',
      issueDate: '2026-10-01',
      dueDate: '2026-11-30',
      amountHtCents: 100_000,
      amountTtcCents: 120_000,
      currency: 'EUR',
      version: 1,
      updatedAt: 't',
    });
    await db.outbox.add({
      opId: 'op-1',
      clientId: 'device-a',
      clientSeq: 1,
      command: 'createBuyer',
      args: { id: 'b1' },
      createdAt: 't',
    });
    await db.meta.put({ id: 'local', clientId: 'device-a', lastClientSeq: 1 });
  });
  return db;
}

describe('exportAppWorkspace', () => {
  it("names the backup after the registry's workspace and the date", async () => {
    const db = await populatedWorkspace();
    const { bytes, fileName } = await exportAppWorkspace(db, '0.1.0', NOW);
    expect(fileName).toBe('encours-menuiserie-durand-2026-11-25.encours-backup');
    const parsed = await parseBackup(bytes);
    expect(parsed.ok && parsed.backup.workspace).toEqual({
      id: db.workspaceId,
      name: 'Menuiserie Durand',
      siren: '552100554',
    });
    db.close();
  });
});

describe('restoreAsNewWorkspace', () => {
  it('creates a second registered workspace with the same ledger rows and a fresh device identity', async () => {
    const source = await populatedWorkspace();
    const before = await dumpAll(source);
    const { bytes } = await exportAppWorkspace(source, '0.1.0', NOW);

    const result = await restoreAsNewWorkspace(bytes, {
      sourceName: 'copie.encours-backup',
      nameFor,
      now: NOW,
    });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.entry).toMatchObject({
      name: 'Menuiserie Durand (copie)',
      siren: '552100554',
      restoredFrom: 'copie.encours-backup',
    });
    expect(result.entry.id).not.toBe(source.workspaceId);
    expect((await listWorkspaces()).map((entry) => entry.id).sort()).toEqual(
      [source.workspaceId, result.entry.id].sort(),
    );

    const copy = await openAppDb(result.entry.id);
    const after = await dumpAll(copy);
    for (const table of Object.keys(before)) {
      if (table === 'outbox' || table === 'conflicts' || table === 'meta') continue;
      expect(after[table], table).toEqual(before[table]);
    }
    // Local-only state of the source device is not carried over.
    expect(after['outbox']).toEqual([]);
    const meta = await copy.meta.get('local');
    expect(meta?.lastClientSeq).toBe(0);
    expect(meta?.clientId).not.toBe('device-a');
    // The source is untouched.
    expect(await dumpAll(source)).toEqual(before);
    copy.close();
    source.close();
  });

  it('refuses a truncated file and registers nothing', async () => {
    const source = await populatedWorkspace();
    const { bytes } = await exportAppWorkspace(source, '0.1.0', NOW);
    const namesBefore = await Dexie.getDatabaseNames();
    const result = await restoreAsNewWorkspace(bytes.subarray(0, bytes.length - 5), {
      sourceName: 'cut.encours-backup',
      nameFor,
      now: NOW,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'truncated' } });
    expect((await listWorkspaces()).map((entry) => entry.id)).toEqual([source.workspaceId]);
    expect(await Dexie.getDatabaseNames()).toEqual(namesBefore);
    source.close();
  });

  it('removes the registry entry and the database when the rows cannot be written', async () => {
    const source = await populatedWorkspace();
    const { bytes } = await exportAppWorkspace(source, '0.1.0', NOW);
    const parsed = await parseBackup(bytes);
    if (!parsed.ok) throw new Error(parsed.error.code);
    const { appVersion, schemaVersion, createdAt, workspace, tables } = parsed.backup;
    const invoices = tables['invoices'] ?? [];
    // The same invoice twice: a valid file (checksummed after the change) whose rows cannot all be added.
    const damaged = await serializeBackup({
      appVersion,
      schemaVersion,
      createdAt,
      workspace,
      tables: { ...tables, invoices: [...invoices, ...invoices] },
    });
    const result = await restoreAsNewWorkspace(damaged, {
      sourceName: 'dup.encours-backup',
      nameFor,
      now: NOW,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'restore-failed' } });
    const ids = (await listWorkspaces()).map((entry) => entry.id);
    expect(ids).toEqual([source.workspaceId]);
    const names = await Dexie.getDatabaseNames();
    expect(names.filter((name) => name.startsWith('encours-ws-'))).toEqual([
      workspaceDbName(source.workspaceId),
    ]);
    source.close();
  });
});
