/**
 * Export a workspace database to a backup file, and restore a backup into a NEW workspace database.
 *
 * Written against Dexie's generic API only (`db.tables`, `table.name`, `toArray`, `bulkAdd`, one
 * `db.transaction`), so it works with whatever schema the app database declares. Rules:
 * - Export reads every table in ONE read transaction: the file is a consistent snapshot even while the user
 *   or the sync client writes. Checksumming happens after the transaction (no foreign async work inside it).
 * - Restore never touches an existing workspace: it creates a new database (fresh id), writes every row in
 *   ONE 'rw' transaction, and deletes that database if anything fails, so a restore is all or nothing.
 * - Sync rule for a restored copy: the tables listed in `localOnlyTables` (by default `outbox`) are restored
 *   EMPTY. Operations that were already pushed belong to the server, which keeps them; operations still
 *   pending in the backup are stale (the server may have moved on since) and must never be pushed over newer
 *   server state. The restored copy records where it came from (`restoredFrom`, given to `markRestored` in
 *   the same transaction and returned) so the sync client can treat it as a fresh device that pulls first.
 * - Tables must have inbound primary keys (the key is a property of the row); an outbound-key table cannot
 *   be exported faithfully by `toArray()` and is refused.
 * - Older schema: rows are written as they were, into a database created AT THE BACKUP'S SCHEMA VERSION
 *   (`createDb(id, schemaVersion)`), which is then closed and reopened at the latest (`createDb(id)`) so
 *   Dexie runs every `upgrade()` in between, exactly as for a database left by an older app. Writing old
 *   rows straight into the latest schema would skip the upgrades (e.g. the v2 `nameKey` backfill).
 */
import Dexie from 'dexie';
import {
  BACKUP_ERROR_MESSAGES,
  parseBackup,
  serializeBackup,
  type BackupErrorCode,
  type BackupWorkspace,
  type LocalizedMessage,
} from '../../shared/backup/format';

/** Where a restored workspace came from (kept so sync can tell it apart from the original). */
export type RestoredFrom = {
  readonly workspaceId: string;
  readonly workspaceName: string;
  readonly backupCreatedAt: string;
  readonly appVersion: string;
  readonly schemaVersion: number;
};

export type RestoreErrorCode = BackupErrorCode | 'unknown-table' | 'restore-failed';
export type RestoreResult =
  | { readonly ok: true; readonly workspaceId: string; readonly restoredFrom: RestoredFrom }
  | {
      readonly ok: false;
      readonly error: { readonly code: RestoreErrorCode; readonly message: LocalizedMessage };
    };

export type RestoreOptions = {
  /** Tables restored empty (see the sync rule above). */
  readonly localOnlyTables?: readonly string[];
  /** Called inside the restore transaction, e.g. to write `restoredFrom` into a meta table. */
  readonly markRestored?: (db: Dexie, restoredFrom: RestoredFrom) => Promise<void> | void;
  /** The new workspace id; a random UUID by default. */
  readonly newId?: () => string;
};

export const DEFAULT_LOCAL_ONLY_TABLES: readonly string[] = ['outbox'];

const RESTORE_MESSAGES: { readonly [C in 'unknown-table' | 'restore-failed']: LocalizedMessage } = {
  'unknown-table': {
    fr: "Cette sauvegarde contient des données que cette version d'Encours ne connaît pas. Mettez Encours à jour puis réessayez.",
    en: 'This backup holds data this version of Encours does not know. Update Encours and try again.',
  },
  'restore-failed': {
    fr: "La restauration a échoué et n'a rien modifié (espace disque plein ou données incohérentes). Libérez de l'espace ou utilisez une autre sauvegarde.",
    en: 'The restore failed and changed nothing (disk full or inconsistent data). Free some space or use another backup.',
  },
};

function restoreFailure(code: RestoreErrorCode): RestoreResult {
  const message =
    code === 'unknown-table' || code === 'restore-failed'
      ? RESTORE_MESSAGES[code]
      : BACKUP_ERROR_MESSAGES[code];
  return { ok: false, error: { code, message } };
}

/** Reads every table in one read transaction and returns the backup file's bytes. */
export async function exportWorkspace(
  db: Dexie,
  workspace: BackupWorkspace,
  appVersion: string,
  options: { readonly now?: () => Date } = {},
): Promise<Uint8Array> {
  for (const table of db.tables) {
    // Dexie's types say string | string[], but an outbound key ('' in the schema) has no key path at run time.
    const keyPath: unknown = table.schema.primKey.keyPath;
    if (keyPath === null || keyPath === undefined || keyPath === '') {
      throw new Error(`Table ${table.name}: outbound primary keys cannot be backed up`);
    }
  }
  const snapshot = await db.transaction('r', db.tables, async () => {
    const rows = await Promise.all(db.tables.map((table) => table.toArray()));
    return db.tables.map((table, i) => [table.name, rows[i] ?? []] as const);
  });
  return serializeBackup({
    appVersion,
    schemaVersion: db.verno,
    createdAt: (options.now?.() ?? new Date()).toISOString(),
    workspace,
    tables: Object.fromEntries(snapshot),
  });
}

/**
 * Makes the database of a new workspace, not yet opened. Without `schemaVersion`: the app's latest schema.
 * With it: the schema as it was at that version (versions 1..schemaVersion declared), so a backup's rows
 * can be written in the shape they were exported in.
 */
export type CreateRestoreDb = (newId: string, schemaVersion?: number) => Dexie;

async function deleteQuietly(db: Dexie): Promise<void> {
  db.close();
  await Dexie.delete(db.name);
}

/**
 * Checks `bytes` and restores them into a new database (see `CreateRestoreDb`). Returns the new workspace
 * id, or a coded error; on error no database is left behind. On success the database is closed, at the
 * latest schema: open it with the app's usual opener.
 */
export async function restoreWorkspace(
  bytes: Uint8Array,
  createDb: CreateRestoreDb,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const parsed = await parseBackup(bytes);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const { backup } = parsed;

  const workspaceId = options.newId?.() ?? crypto.randomUUID();
  const latest = createDb(workspaceId);
  // A database schema older than the backup's cannot hold its rows: refuse before writing anything.
  if (backup.schemaVersion > latest.verno) {
    latest.close();
    return restoreFailure('schema-newer-than-app');
  }
  const olderSchema = backup.schemaVersion < latest.verno;
  const db = olderSchema ? createDb(workspaceId, backup.schemaVersion) : latest;
  // A factory that cannot build the old schema would write old rows into the new one and skip upgrade().
  if (db.verno !== backup.schemaVersion) {
    db.close();
    latest.close();
    return restoreFailure('restore-failed');
  }
  const tableNames = new Set(db.tables.map((table) => table.name));
  if (Object.keys(backup.tables).some((name) => !tableNames.has(name))) {
    db.close();
    latest.close();
    return restoreFailure('unknown-table');
  }

  const localOnly = new Set(options.localOnlyTables ?? DEFAULT_LOCAL_ONLY_TABLES);
  const restoredFrom: RestoredFrom = {
    workspaceId: backup.workspace.id,
    workspaceName: backup.workspace.name,
    backupCreatedAt: backup.createdAt,
    appVersion: backup.appVersion,
    schemaVersion: backup.schemaVersion,
  };
  try {
    await db.open();
    await db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) {
        const rows = backup.tables[table.name];
        // bulkAdd, not bulkPut: the database is new, so a duplicate key means a damaged backup.
        if (rows !== undefined && !localOnly.has(table.name)) await table.bulkAdd(rows);
      }
      await options.markRestored?.(db, restoredFrom);
    });
    db.close();
    if (olderSchema) {
      // Reopening at the latest runs the upgrades (in Dexie's own versionchange transaction).
      await latest.open();
      latest.close();
    }
  } catch {
    // All or nothing: the transaction rolled back (or an upgrade failed); remove the database too.
    latest.close();
    await deleteQuietly(db);
    return restoreFailure('restore-failed');
  }
  return { ok: true, workspaceId, restoredFrom };
}
