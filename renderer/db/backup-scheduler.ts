/**
 * The renderer half of the rolling automatic backups: main cannot read IndexedDB, so while the app runs the
 * renderer exports a snapshot every hour and hands it to main (`window.encours.writeAutoBackup`), which
 * names, writes and rotates the files (electron/main/auto-backup.ts).
 *
 * - `isBackupDue` is the whole timing rule, pure and tested with a fixed clock: due at start, then once per
 *   interval after the last success; after a failure, not again before `retryMs` (a full disk must not be
 *   hammered every minute); a clock moved back makes a backup due rather than silencing backups until it
 *   catches up.
 * - Browser mode answers `not-supported`: the scheduler then stops for good (manual export only).
 * - Runs never overlap: a slow export is not started twice.
 */
import type Dexie from 'dexie';
import type { BackupWorkspace } from '../../shared/backup/format';
import type { EncoursApi, IpcData, IpcResult } from '../../shared/ipc/contract';
import { bytesToBase64 } from '../platform/base64';
import { exportWorkspace } from './backup';

export const AUTO_BACKUP_INTERVAL_MS = 60 * 60 * 1000;
export const AUTO_BACKUP_RETRY_MS = 10 * 60 * 1000;
export const AUTO_BACKUP_CHECK_EVERY_MS = 60 * 1000;

export type BackupHistory = {
  readonly lastSuccessAt: Date | null;
  readonly lastFailureAt: Date | null;
};

export function isBackupDue(
  history: BackupHistory,
  now: Date,
  { intervalMs = AUTO_BACKUP_INTERVAL_MS, retryMs = AUTO_BACKUP_RETRY_MS } = {},
): boolean {
  const since = (date: Date | null): number | null => (date === null ? null : now.getTime() - date.getTime());
  const sinceFailure = since(history.lastFailureAt);
  if (sinceFailure !== null && sinceFailure >= 0 && sinceFailure < retryMs) return false;
  const sinceSuccess = since(history.lastSuccessAt);
  return sinceSuccess === null || sinceSuccess < 0 || sinceSuccess >= intervalMs;
}

/** Exports the workspace and hands the snapshot to main. */
export async function writeAutoBackupNow(
  api: Pick<EncoursApi, 'writeAutoBackup'>,
  db: Dexie,
  workspace: BackupWorkspace,
  appVersion: string,
  now: Date,
): Promise<IpcResult<IpcData<'writeAutoBackup'>>> {
  const bytes = await exportWorkspace(db, workspace, appVersion, { now: () => now });
  return api.writeAutoBackup({ workspaceId: workspace.id, base64: bytesToBase64(bytes) });
}

export type BackupRunOutcome = 'ok' | 'failed' | 'not-supported';

/** Calls `callback` every `ms` until the returned cancel function is called. */
export type Every = (callback: () => void, ms: number) => () => void;

const every: Every = (callback, ms) => {
  const handle = setInterval(callback, ms);
  return () => {
    clearInterval(handle);
  };
};

export type BackupSchedulerOptions = {
  /** One backup; `writeAutoBackupNow` mapped to an outcome by the caller (who also logs failures). */
  readonly run: () => Promise<BackupRunOutcome>;
  readonly now?: () => Date;
  readonly every?: Every;
  readonly checkEveryMs?: number;
  readonly intervalMs?: number;
  readonly retryMs?: number;
};

export type BackupScheduler = {
  /** Checks now (also called by the timer); resolves when a backup started by this call ends. */
  readonly tick: () => Promise<void>;
  readonly stop: () => void;
};

/** Maps a `writeAutoBackup` answer to an outcome. */
export function outcomeOf(result: IpcResult<unknown>): BackupRunOutcome {
  if (result.ok) return 'ok';
  return result.error.code === 'not-supported' ? 'not-supported' : 'failed';
}

export function startBackupScheduler(options: BackupSchedulerOptions): BackupScheduler {
  const now = options.now ?? (() => new Date());
  let history: BackupHistory = { lastSuccessAt: null, lastFailureAt: null };
  let running = false;
  let stopped = false;
  let cancel: (() => void) | null = null;

  const stop = (): void => {
    stopped = true;
    cancel?.();
    cancel = null;
  };

  const tick = async (): Promise<void> => {
    if (stopped || running) return;
    const startedAt = now();
    if (!isBackupDue(history, startedAt, options)) return;
    running = true;
    let outcome: BackupRunOutcome;
    try {
      outcome = await options.run();
    } catch {
      outcome = 'failed';
    } finally {
      running = false;
    }
    if (outcome === 'not-supported') stop();
    else if (outcome === 'ok') history = { lastSuccessAt: startedAt, lastFailureAt: null };
    else history = { ...history, lastFailureAt: startedAt };
  };

  cancel = (options.every ?? every)(() => {
    void tick();
  }, options.checkEveryMs ?? AUTO_BACKUP_CHECK_EVERY_MS);
  return { tick, stop };
}
