/**
 * Backups for the screens (Paramètres → Sauvegardes) and the automatic-backup scheduler. Screens never see
 * the database: they get functions that answer plain results with coded, localized messages.
 *
 * - Manual export: the current workspace → `bridge.saveFile` (a download in browser mode, a save dialog in
 *   the desktop app).
 * - Restore, from a chosen file or from an automatic backup: first `inspectBackup` (checks the file, says
 *   what it holds, so the screen can refuse a damaged file before asking for confirmation), then
 *   `restoreBackup`, which creates a NEW workspace; the current one is never touched.
 * - Automatic backups exist in the desktop app only: every bridge call answers `not-supported` in browser
 *   mode, which the list shows as a note and which keeps the scheduler from ever starting.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  BACKUP_FILE_EXTENSION,
  BACKUP_MIME_TYPE,
  parseBackup,
  type LocalizedMessage,
} from '../../shared/backup/format';
import type { AutoBackupEntry, IpcError } from '../../shared/ipc/contract';
import { outcomeOf, startBackupScheduler, writeAutoBackupNow } from '../db/backup-scheduler';
import { backupWorkspaceOf, exportAppWorkspace, restoreAsNewWorkspace } from '../db/backup-workspace';
import { LATEST_SCHEMA_VERSION } from '../db/schema-versions';
import type { WorkspaceEntry } from '../db/workspaces';
import { base64ToBytes, bytesToBase64 } from '../platform/base64';
import { bridge } from '../platform/bridge';
import { LAST_WORKSPACE_KEY } from './bootstrap';
import { useWorkspace } from './workspace-context';

declare const __APP_VERSION__: string;

/** A failure the screen shows: a coded sentence (French and English) or a bridge error. */
export type BackupFailure =
  | { readonly kind: 'backup'; readonly code: string; readonly message: LocalizedMessage }
  | { readonly kind: 'bridge'; readonly code: IpcError['code']; readonly detail: string };

export type BackupOutcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: BackupFailure };

/** A backup file in memory, checked, with what the confirmation needs to say about it. */
export type CheckedBackup = {
  readonly bytes: Uint8Array;
  /** The file's name (chosen file or automatic backup), recorded as the restored copy's origin. */
  readonly sourceName: string;
  readonly workspaceName: string;
  readonly createdAt: string;
  readonly rowCount: number;
};

export type RestoredWorkspace = { readonly id: string; readonly name: string };

function bridgeFailure(error: IpcError): BackupOutcome<never> {
  return { ok: false, failure: { kind: 'bridge', code: error.code, detail: error.message } };
}

/** Checks a file before any confirmation; a damaged, truncated or too-new file gets its coded message. */
export async function inspectBackup(
  bytes: Uint8Array,
  sourceName: string,
): Promise<BackupOutcome<CheckedBackup>> {
  const parsed = await parseBackup(bytes, { appSchemaVersion: LATEST_SCHEMA_VERSION });
  if (!parsed.ok) {
    return { ok: false, failure: { kind: 'backup', code: parsed.error.code, message: parsed.error.message } };
  }
  const { workspace, createdAt, tables } = parsed.backup;
  const rowCount = Object.values(tables).reduce((sum, rows) => sum + rows.length, 0);
  return { ok: true, value: { bytes, sourceName, workspaceName: workspace.name, createdAt, rowCount } };
}

export type BackupActions = {
  /** Exports the current workspace and saves it; the value says where it went, `null` if cancelled. */
  readonly exportBackup: () => Promise<BackupOutcome<{ readonly savedAs: string } | null>>;
  /** Lets the user choose a backup file (`title`: the dialog's title); `null` when they cancelled. */
  readonly chooseBackupFile: (title: string) => Promise<BackupOutcome<CheckedBackup | null>>;
  /** Reads one automatic backup of the current workspace. */
  readonly readAutoBackup: (file: string) => Promise<BackupOutcome<CheckedBackup>>;
  /** Restores into a new workspace named by `nameFor` (worded by the screen). */
  readonly restoreBackup: (
    backup: CheckedBackup,
    nameFor: (source: { readonly workspaceName: string; readonly backupCreatedAt: string }) => string,
  ) => Promise<BackupOutcome<RestoredWorkspace>>;
};

export function useBackupActions(): BackupActions {
  const { db } = useWorkspace();

  const exportBackup = useCallback<BackupActions['exportBackup']>(async () => {
    const { bytes, fileName } = await exportAppWorkspace(db, __APP_VERSION__, new Date());
    const saved = await bridge.saveFile({
      suggestedName: fileName,
      mimeType: BACKUP_MIME_TYPE,
      base64: bytesToBase64(bytes),
    });
    if (!saved.ok) return bridgeFailure(saved.error);
    return { ok: true, value: saved.data };
  }, [db]);

  const chooseBackupFile = useCallback<BackupActions['chooseBackupFile']>(async (title) => {
    // `inspectBackup` still says plainly when a chosen file is not a backup (the filter can be bypassed).
    const opened = await bridge.openFile({
      title,
      filters: [{ name: 'Encours', extensions: [BACKUP_FILE_EXTENSION] }],
    });
    if (!opened.ok) return bridgeFailure(opened.error);
    if (opened.data === null) return { ok: true, value: null };
    return inspectBackup(base64ToBytes(opened.data.base64), opened.data.name);
  }, []);

  const readAutoBackup = useCallback(
    async (file: string): Promise<BackupOutcome<CheckedBackup>> => {
      const read = await bridge.readAutoBackup({ workspaceId: db.workspaceId, file });
      if (!read.ok) return bridgeFailure(read.error);
      return inspectBackup(base64ToBytes(read.data.base64), file);
    },
    [db],
  );

  const restoreBackup = useCallback<BackupActions['restoreBackup']>(async (backup, nameFor) => {
    const result = await restoreAsNewWorkspace(backup.bytes, {
      sourceName: backup.sourceName,
      nameFor,
      now: new Date(),
    });
    if (!result.ok) {
      return {
        ok: false,
        failure: { kind: 'backup', code: result.error.code, message: result.error.message },
      };
    }
    const entry: WorkspaceEntry = result.entry;
    return { ok: true, value: { id: entry.id, name: entry.name } };
  }, []);

  return { exportBackup, chooseBackupFile, readAutoBackup, restoreBackup };
}

/**
 * Opens another workspace: start-up (bootstrap.ts) opens the last workspace recorded under its key, so
 * recording it and reloading switches cleanly (every live query, the scheduler and the import worker start
 * again on the new database).
 */
export type SwitchDeps = { readonly storage: Pick<Storage, 'setItem'>; readonly reload: () => void };

export function switchToWorkspace(
  id: string,
  deps: SwitchDeps = {
    storage: window.localStorage,
    reload: () => {
      window.location.reload();
    },
  },
): void {
  deps.storage.setItem(LAST_WORKSPACE_KEY, id);
  deps.reload();
}

export type AutoBackupList =
  | { readonly status: 'loading' }
  | { readonly status: 'not-supported' }
  | { readonly status: 'error'; readonly failure: BackupFailure }
  | { readonly status: 'ready'; readonly entries: readonly AutoBackupEntry[] };

/** The automatic backups of the current workspace, newest first; `refresh` reads the folder again. */
export function useAutoBackupList(): { readonly list: AutoBackupList; readonly refresh: () => void } {
  const { db } = useWorkspace();
  const [list, setList] = useState<AutoBackupList>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    void bridge.listAutoBackups({ workspaceId: db.workspaceId }).then((result) => {
      if (!live) return;
      if (result.ok) {
        const entries = [...result.data].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
        setList({ status: 'ready', entries });
      } else if (result.error.code === 'not-supported') setList({ status: 'not-supported' });
      else
        setList({
          status: 'error',
          failure: { kind: 'bridge', code: result.error.code, detail: result.error.message },
        });
    });
    return () => {
      live = false;
    };
  }, [db, generation]);
  const refresh = useCallback(() => {
    setGeneration((value) => value + 1);
  }, []);
  return { list, refresh };
}

/**
 * Runs the hourly automatic backups of the current workspace while mounted (desktop app only). Mount it once,
 * inside `WorkspaceProvider`. A first `listAutoBackups` probe answers `not-supported` in browser mode, so the
 * browser never pays for an export whose bytes would have nowhere to go.
 */
export function useAutoBackups(): void {
  const { db } = useWorkspace();
  useEffect(() => {
    let stopped = false;
    let stop: (() => void) | null = null;
    void bridge.listAutoBackups({ workspaceId: db.workspaceId }).then((probe) => {
      if (stopped || (!probe.ok && probe.error.code === 'not-supported')) return;
      const scheduler = startBackupScheduler({
        run: async () => {
          const workspace = await backupWorkspaceOf(db.workspaceId);
          const result = await writeAutoBackupNow(bridge, db, workspace, __APP_VERSION__, new Date());
          if (!result.ok)
            console.warn(`Automatic backup failed: ${result.error.code} ${result.error.message}`);
          return outcomeOf(result);
        },
      });
      stop = scheduler.stop;
      // Due at start: the first backup does not wait for the first timer tick.
      void scheduler.tick();
    });
    return () => {
      stopped = true;
      stop?.();
    };
  }, [db]);
}

/** `useAutoBackups` as a component, for a provider tree: `<AutoBackupScheduler />` inside WorkspaceProvider. */
export function AutoBackupScheduler(): null {
  useAutoBackups();
  return null;
}
