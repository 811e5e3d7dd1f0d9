/**
 * Rolling automatic backups kept by the main process, outside IndexedDB (a damaged browser profile must not
 * take the backups with it): `<userData>/backups/<workspaceId>/`.
 *
 * - A write creates or overwrites the current hour's file `hourly-YYYYMMDD-HH.encours-backup`, and creates
 *   the day's file `daily-YYYYMMDD.encours-backup` the first time that day (later writes leave it alone, so it
 *   holds the day's first state). Periods are UTC, so a DST change never makes two hours share a name.
 * - Every write is atomic (atomic-write.ts): a crash leaves the previous file, never half of a new one.
 * - Rotation keeps the newest `keep` files of each kind and never touches a file it did not name. The file of
 *   the current period is always kept, even if the clock was moved back and "newer" names exist.
 * - The workspace id and file names are checked against the contract's patterns before any path is built.
 * The bytes are not parsed here: the renderer checks a backup (checksum) when it restores one.
 */
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { autoBackupFileSchema, workspaceIdSchema, type AutoBackupEntry } from '../../shared/ipc/contract';
import { writeFileAtomically } from './atomic-write';

export type AutoBackupKind = AutoBackupEntry['kind'];

const FILE_NAME = /^(?:hourly-(\d{4})(\d{2})(\d{2})-(\d{2})|daily-(\d{4})(\d{2})(\d{2}))\.encours-backup$/;

/** Kind and period start of one of our file names; null for any other file. */
export function parseAutoBackupName(file: string): { kind: AutoBackupKind; periodStart: Date } | null {
  const match = FILE_NAME.exec(file);
  if (match === null) return null;
  const [, hy, hm, hd, hh, dy, dm, dd] = match;
  const kind: AutoBackupKind = hy !== undefined ? 'hourly' : 'daily';
  const iso =
    kind === 'hourly'
      ? `${hy ?? ''}-${hm ?? ''}-${hd ?? ''}T${hh ?? ''}:00:00Z`
      : `${dy ?? ''}-${dm ?? ''}-${dd ?? ''}T00:00:00Z`;
  const periodStart = new Date(iso);
  // Reject impossible dates (20261340) rather than let Date roll them over.
  if (Number.isNaN(periodStart.getTime()) || periodStart.toISOString().slice(0, 19) !== iso.slice(0, 19)) {
    return null;
  }
  return { kind, periodStart };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The names a write at `now` uses. */
export function autoBackupNames(now: Date): { hourly: string; daily: string } {
  const day = `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}`;
  return {
    hourly: `hourly-${day}-${pad(now.getUTCHours())}.encours-backup`,
    daily: `daily-${day}.encours-backup`,
  };
}

/** Which of `files` to keep and which to delete so that at most `keep` of each kind remain. */
export function planRotation(
  files: readonly string[],
  now: Date,
  keep: number,
): { keep: string[]; remove: string[] } {
  const current = new Set(Object.values(autoBackupNames(now)));
  const kept: string[] = [];
  const removed: string[] = [];
  for (const kind of ['hourly', 'daily'] as const) {
    const ours = files.filter((file) => parseAutoBackupName(file)?.kind === kind);
    // Names sort chronologically (fixed-width digits); the current period's file goes first regardless.
    const ordered = [...ours].sort((a, b) => {
      if (current.has(a) !== current.has(b)) return current.has(a) ? -1 : 1;
      return a < b ? 1 : a > b ? -1 : 0;
    });
    kept.push(...ordered.slice(0, Math.max(1, keep)));
    removed.push(...ordered.slice(Math.max(1, keep)));
  }
  return { keep: kept, remove: removed };
}

function workspaceFolder(backupsRoot: string, workspaceId: string): string {
  // Defence in depth: IPC already parsed the id with the same schema.
  const id = workspaceIdSchema.parse(workspaceId);
  return path.join(backupsRoot, id);
}

async function listNames(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((file) => parseAutoBackupName(file) !== null);
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
}

export async function writeAutoBackup(
  backupsRoot: string,
  workspaceId: string,
  bytes: Uint8Array,
  now: Date,
  keep: number,
): Promise<{ path: string; kept: number }> {
  const folder = workspaceFolder(backupsRoot, workspaceId);
  await mkdir(folder, { recursive: true });
  const names = autoBackupNames(now);
  const hourlyPath = path.join(folder, names.hourly);
  await writeFileAtomically(hourlyPath, bytes);
  const existing = await listNames(folder);
  if (!existing.includes(names.daily)) {
    await writeFileAtomically(path.join(folder, names.daily), bytes);
    existing.push(names.daily);
  }
  const plan = planRotation(existing, now, keep);
  for (const file of plan.remove) await rm(path.join(folder, file), { force: true });
  return { path: hourlyPath, kept: plan.keep.length };
}

/** The workspace's automatic backups, newest first (daily and hourly interleaved by period). */
export async function listAutoBackups(backupsRoot: string, workspaceId: string): Promise<AutoBackupEntry[]> {
  const folder = workspaceFolder(backupsRoot, workspaceId);
  const entries: AutoBackupEntry[] = [];
  for (const file of await listNames(folder)) {
    const parsed = parseAutoBackupName(file);
    if (parsed === null) continue;
    const { size } = await stat(path.join(folder, file));
    entries.push({ file, kind: parsed.kind, createdAt: parsed.periodStart.toISOString(), size });
  }
  return entries.sort((a, b) =>
    a.createdAt === b.createdAt ? a.kind.localeCompare(b.kind) : a.createdAt < b.createdAt ? 1 : -1,
  );
}

/** Reads one backup; `null` when `file` is not one of this workspace's automatic backups. */
export async function readAutoBackup(
  backupsRoot: string,
  workspaceId: string,
  file: string,
): Promise<Uint8Array | null> {
  const folder = workspaceFolder(backupsRoot, workspaceId);
  // The name must match our pattern (no separator, no `..`) AND be in the folder's listing.
  if (!autoBackupFileSchema.safeParse(file).success) return null;
  if (!(await listNames(folder)).includes(file)) return null;
  return readFile(path.join(folder, file));
}
