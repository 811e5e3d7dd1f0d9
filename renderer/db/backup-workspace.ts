/**
 * The app's backups of WORKSPACES: `backup.ts` knows any Dexie database; this module knows the app's
 * (AppDB, its schema versions, the registry) and is what renderer/data calls.
 *
 * - Export: the backup names the workspace as the registry does (id, name, SIREN) and gets the usual file
 *   name (`encours-<name>-<date>.encours-backup`).
 * - Restore creates a NEW workspace (fresh id, registry entry with `restoredFrom`); the current one is never
 *   touched. Local-only tables restored empty: `outbox` and `conflicts` (the source device's pending and
 *   refused operations: the copy must never push them) and `meta` (the source's `clientId` and
 *   `lastClientSeq`: the copy is a new device with its own `clientId`, created at first open), so two
 *   devices never number operations under the same `clientId`.
 * - All or nothing: on any failure neither the database nor the registry entry is left behind.
 */
import Dexie from 'dexie';
import { backupFileName, parseBackup, type BackupWorkspace } from '../../shared/backup/format';
import { AppDB, workspaceDbName } from './app-db';
import { exportWorkspace, restoreWorkspace, type RestoreResult, type RestoredFrom } from './backup';
import { SCHEMA_VERSIONS } from './schema-versions';
import { createWorkspace, deleteWorkspace, listWorkspaces, type WorkspaceEntry } from './workspaces';

export const APP_LOCAL_ONLY_TABLES: readonly string[] = ['outbox', 'conflicts', 'meta'];

/** The workspace database at the latest schema, or as it was at `schemaVersion` (for older backups). */
export function createAppRestoreDb(newId: string, schemaVersion?: number): AppDB {
  const versions =
    schemaVersion === undefined
      ? SCHEMA_VERSIONS
      : SCHEMA_VERSIONS.filter((entry) => entry.version <= schemaVersion);
  return new AppDB(newId, versions);
}

/** How the backup names a workspace: the registry's entry, or the bare id if it has none. */
export async function backupWorkspaceOf(workspaceId: string): Promise<BackupWorkspace> {
  const entry = (await listWorkspaces()).find((candidate) => candidate.id === workspaceId);
  if (entry === undefined) return { id: workspaceId, name: '' };
  return entry.siren === undefined
    ? { id: entry.id, name: entry.name }
    : { id: entry.id, name: entry.name, siren: entry.siren };
}

export type ExportedBackup = { readonly bytes: Uint8Array; readonly fileName: string };

/** The backup file of `db`'s workspace, and the name to save it under. */
export async function exportAppWorkspace(db: AppDB, appVersion: string, now: Date): Promise<ExportedBackup> {
  const workspace = await backupWorkspaceOf(db.workspaceId);
  const createdAt = now.toISOString();
  const bytes = await exportWorkspace(db, workspace, appVersion, { now: () => now });
  return { bytes, fileName: backupFileName(workspace, createdAt) };
}

export type RestoreAsWorkspaceResult =
  | {
      readonly ok: true;
      readonly entry: WorkspaceEntry;
      readonly restoredFrom: RestoredFrom;
    }
  | Extract<RestoreResult, { ok: false }>;

export type RestoreAsWorkspaceOptions = {
  /** Shown in the registry as where the copy came from (the backup's file name). */
  readonly sourceName: string;
  /** The new workspace's name, from what the backup says about its source (a screen words it). */
  readonly nameFor: (restoredFrom: Pick<RestoredFrom, 'workspaceName' | 'backupCreatedAt'>) => string;
  readonly now: Date;
};

/**
 * Restores `bytes` into a new registered workspace. The file is checked before anything is created; the
 * registry entry is created first (the registry makes the ids) and removed again if the restore fails.
 */
export async function restoreAsNewWorkspace(
  bytes: Uint8Array,
  options: RestoreAsWorkspaceOptions,
): Promise<RestoreAsWorkspaceResult> {
  const parsed = await parseBackup(bytes);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const { workspace, createdAt } = parsed.backup;

  const name = options.nameFor({ workspaceName: workspace.name, backupCreatedAt: createdAt });
  const created = await createWorkspace(
    workspace.siren === undefined
      ? { name, restoredFrom: options.sourceName }
      : { name, siren: workspace.siren, restoredFrom: options.sourceName },
    options.now.toISOString(),
  );
  // createWorkspace opened an empty database at the latest schema; the restore needs a new one made at the
  // backup's own schema version, so this one goes (it holds nothing yet).
  created.db.close();
  await Dexie.delete(workspaceDbName(created.entry.id));

  let result: RestoreResult;
  try {
    result = await restoreWorkspace(bytes, createAppRestoreDb, {
      newId: () => created.entry.id,
      localOnlyTables: APP_LOCAL_ONLY_TABLES,
    });
  } catch (error) {
    await deleteWorkspace(created.entry.id);
    throw error;
  }
  if (!result.ok) {
    await deleteWorkspace(created.entry.id);
    return result;
  }
  return { ok: true, entry: created.entry, restoredFrom: result.restoredFrom };
}
