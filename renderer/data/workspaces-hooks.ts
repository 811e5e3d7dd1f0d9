/**
 * Client workspaces (« dossiers clients ») for the screens, without the database: the live list with the
 * current one, and the actions of the header's switcher, « Gérer les dossiers », the demo reset and the
 * prospect diagnostic.
 *
 * Invariants:
 * - Switching is reload-based (`switchToWorkspace`): every live query, the sync engine (its connection is
 *   kept per workspace id by the platform bridge), the backup scheduler and the import worker start again
 *   on the new database; nothing of the old one stays open in memory.
 * - The open workspace is never deleted from here: `remove` answers `is-current` (switch first). Deleting
 *   another one drops its database, then its registry entry, then its sync connection.
 * - A prospect's FEC goes into a NEW workspace through the app's one import path (the import worker and
 *   `importLedger`); when the import does not complete, the new workspace is deleted again, so a failed
 *   diagnostic leaves no empty dossier behind.
 * - The demo reset deletes only workspaces marked `isDemo` in the registry, never one of the user's.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import type { LocalizedText } from '../../shared/domain/types';
import {
  createWorkspace,
  deleteWorkspace,
  listWorkspaces,
  markWorkspaceAsDemo,
  renameWorkspace,
} from '../db/workspaces';
import { bridge } from '../platform/bridge';
import { switchToWorkspace } from './backups';
import type { SwitchDeps } from './backups';
import { createDemoWorkspace } from './demo';
import type { DemoOutcome, DemoProgress } from './demo';
import { startImportWorker } from './import/import-client';
import type { ImportCounts, ImportProgress, RejectedLine } from './import/run-import';
import { useWorkspace } from './workspace-context';

export type WorkspaceSummary = {
  readonly id: string;
  readonly name: string;
  readonly siren?: string;
  readonly createdAt: string;
  readonly isDemo: boolean;
};

export type WorkspaceList = {
  /** Every workspace of this device, by name. */
  readonly entries: readonly WorkspaceSummary[];
  readonly currentId: string;
  /** Undefined only if the registry lost the open workspace's entry (it stays usable until a switch). */
  readonly current: WorkspaceSummary | undefined;
};

/** The workspaces, live (a rename or a deletion shows at once); undefined while loading. */
export function useWorkspaceList(): WorkspaceList | undefined {
  const { db } = useWorkspace();
  const currentId = db.workspaceId;
  return useLiveQuery(async () => {
    const entries = (await listWorkspaces()).map((entry): WorkspaceSummary => ({
      id: entry.id,
      name: entry.name,
      ...(entry.siren === undefined ? {} : { siren: entry.siren }),
      createdAt: entry.createdAt,
      isDemo: entry.isDemo === true,
    }));
    return { entries, currentId, current: entries.find((entry) => entry.id === currentId) };
  }, [currentId]);
}

/**
 * Whether the typed confirmation of a deletion matches the workspace's name: exact, apart from the spaces
 * around it (a broker types the name, not a near match).
 */
export function isDeletionConfirmed(typed: string, name: string): boolean {
  return typed.trim() !== '' && typed.trim() === name.trim();
}

export type WorkspaceOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: 'is-current' | 'empty-name' | 'failed'; readonly detail?: string };

export type WorkspaceActions = {
  /** Records the workspace as the one to open, and reloads on it. */
  readonly open: (id: string) => void;
  /** Creates an empty workspace `name` and opens it. */
  readonly createAndOpen: (name: string) => Promise<WorkspaceOutcome>;
  readonly rename: (id: string, name: string) => Promise<WorkspaceOutcome>;
  /** Deletes another workspace and everything in it (refuses the open one). */
  readonly remove: (id: string) => Promise<WorkspaceOutcome>;
  /** Creates a demo workspace `name` (marked as such), then opens it. */
  readonly createDemoAndOpen: (
    name: string,
    onProgress?: (progress: DemoProgress) => void,
  ) => Promise<DemoOutcome>;
  /**
   * Deletes every demo workspace and creates a fresh one named `name`, then opens it. The new one is
   * written before the old ones are deleted: a failure leaves the previous demo in place.
   */
  readonly resetDemo: (name: string, onProgress?: (progress: DemoProgress) => void) => Promise<DemoOutcome>;
};

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function useWorkspaceActions(deps?: SwitchDeps): WorkspaceActions {
  const { db, actor, today } = useWorkspace();
  const currentId = db.workspaceId;

  const open = useCallback(
    (id: string) => {
      switchToWorkspace(id, deps);
    },
    [deps],
  );

  const createAndOpen = useCallback<WorkspaceActions['createAndOpen']>(
    async (name) => {
      if (name.trim() === '') return { ok: false, code: 'empty-name' };
      try {
        const created = await createWorkspace({ name: name.trim() }, new Date().toISOString());
        created.db.close();
        switchToWorkspace(created.entry.id, deps);
        return { ok: true };
      } catch (error) {
        return { ok: false, code: 'failed', detail: errorText(error) };
      }
    },
    [deps],
  );

  const rename = useCallback<WorkspaceActions['rename']>(async (id, name) => {
    if (name.trim() === '') return { ok: false, code: 'empty-name' };
    try {
      await renameWorkspace(id, name.trim());
      return { ok: true };
    } catch (error) {
      return { ok: false, code: 'failed', detail: errorText(error) };
    }
  }, []);

  const remove = useCallback<WorkspaceActions['remove']>(
    async (id) => {
      if (id === currentId) return { ok: false, code: 'is-current' };
      try {
        await deleteWorkspace(id);
      } catch (error) {
        return { ok: false, code: 'failed', detail: errorText(error) };
      }
      // The server's secret for a workspace that no longer exists is useless: forget it (browser mode has
      // none to forget; a failure here leaves a harmless orphan, so it is not reported as a failed delete).
      await bridge.forgetSyncConnection({ workspaceId: id }).catch(() => undefined);
      return { ok: true };
    },
    [currentId],
  );

  const createDemo = useCallback(
    async (name: string, onProgress?: (progress: DemoProgress) => void) => {
      const { id, outcome } = await createDemoWorkspace(
        name,
        { actor, today, now: new Date().toISOString() },
        onProgress,
      );
      if (outcome.ok) await markWorkspaceAsDemo(id);
      else await deleteWorkspace(id);
      return { id, outcome };
    },
    [actor, today],
  );

  const createDemoAndOpen = useCallback<WorkspaceActions['createDemoAndOpen']>(
    async (name, onProgress) => {
      const { id, outcome } = await createDemo(name, onProgress);
      if (outcome.ok) switchToWorkspace(id, deps);
      return outcome;
    },
    [createDemo, deps],
  );

  const resetDemo = useCallback<WorkspaceActions['resetDemo']>(
    async (name, onProgress) => {
      const previous = (await listWorkspaces()).filter((entry) => entry.isDemo === true);
      const { id, outcome } = await createDemo(name, onProgress);
      if (!outcome.ok) return outcome;
      // The open workspace may be the demo being replaced: close it so its database can be deleted (the
      // reload that follows opens the new one).
      if (previous.some((entry) => entry.id === currentId)) db.close();
      for (const entry of previous) await deleteWorkspace(entry.id);
      switchToWorkspace(id, deps);
      return outcome;
    },
    [createDemo, currentId, db, deps],
  );

  return { open, createAndOpen, rename, remove, createDemoAndOpen, resetDemo };
}

export type ProspectImportOutcome =
  | {
      readonly status: 'imported';
      readonly workspaceId: string;
      readonly name: string;
      readonly counts: ImportCounts;
    }
  | { readonly status: 'rejected'; readonly errors: readonly RejectedLine[] }
  | { readonly status: 'failed'; readonly message: LocalizedText };

/**
 * Imports a prospect's FEC into a new workspace `name` (the current one is not touched and stays open):
 * the same worker and `importLedger` command as the Import page.
 */
export function useProspectImport(): (
  file: File,
  name: string,
  siren: string | undefined,
  onProgress: (progress: ImportProgress) => void,
) => Promise<ProspectImportOutcome> {
  const { actor, today } = useWorkspace();
  return useCallback(
    async (file, name, siren, onProgress) => {
      const now = new Date().toISOString();
      const bytes = await file.arrayBuffer();
      const { entry, db } = await createWorkspace({ name, ...(siren === undefined ? {} : { siren }) }, now);
      // The worker opens its own connection; this one is not needed.
      db.close();
      const job = startImportWorker(
        { workspaceId: entry.id, bytes, fileName: file.name, kind: 'fec', actor, now, today },
        onProgress,
      );
      const outcome = await job.done;
      if (outcome.status === 'imported')
        return { status: 'imported', workspaceId: entry.id, name: entry.name, counts: outcome.counts };
      await deleteWorkspace(entry.id);
      if (outcome.status === 'rejected') return { status: 'rejected', errors: outcome.errors };
      if (outcome.status === 'failed') return { status: 'failed', message: outcome.message };
      return {
        status: 'failed',
        message: {
          fr: "L'import a été interrompu : aucun dossier n'a été créé.",
          en: 'The import was interrupted: no workspace was created.',
        },
      };
    },
    [actor, today],
  );
}
