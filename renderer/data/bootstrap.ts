/**
 * Start-up of the local store: asks for persistent storage (result logged), then opens the current workspace
 * — the last one opened on this device, else the first of the registry, else a new "Mon entreprise" on first
 * run. An app older than the workspace database gets the `database-newer-than-app` error back (nothing is
 * written); the caller shows it full page.
 */
import { StoreFailure, describeError } from '../db/store-errors';
import type { StoreError } from '../db/store-errors';
import { requestPersistentStorage } from '../db/storage';
import { createWorkspace, listWorkspaces, openWorkspace } from '../db/workspaces';
import { localIsoDate } from './workspace-context';
import type { Workspace } from './workspace-context';

export const DEFAULT_WORKSPACE_NAME = 'Mon entreprise';
/** The workspace opened at start: the last one recorded here (switching = record it, then reload). */
export const LAST_WORKSPACE_KEY = 'encours.lastWorkspaceId';
const DEVICE_LABEL_KEY = 'encours.deviceLabel';

export type BootResult =
  | { readonly ok: true; readonly workspace: Workspace; readonly name: string }
  | { readonly ok: false; readonly error: StoreError };

// The day rule lives with the provider that moves `today` at midnight; start-up uses the same one.
export { localIsoDate };

/** A stable label of this device for the audit trail (`actor`), created once. */
function deviceLabel(): string {
  const stored = localStorage.getItem(DEVICE_LABEL_KEY);
  if (stored !== null) return stored;
  const label = `poste-${crypto.randomUUID().slice(0, 8)}`;
  localStorage.setItem(DEVICE_LABEL_KEY, label);
  return label;
}

export async function openCurrentWorkspace(now: Date): Promise<BootResult> {
  void requestPersistentStorage().catch((error: unknown) => {
    console.warn(`[storage] persist() failed: ${describeError(error)}`);
  });
  const actor = deviceLabel();
  const today = localIsoDate(now);
  try {
    const entries = await listWorkspaces();
    const lastId = localStorage.getItem(LAST_WORKSPACE_KEY);
    const entry = entries.find((candidate) => candidate.id === lastId) ?? entries[0];
    if (entry !== undefined) {
      const db = await openWorkspace(entry.id);
      if (db !== undefined) {
        localStorage.setItem(LAST_WORKSPACE_KEY, entry.id);
        return { ok: true, workspace: { db, actor, today }, name: entry.name };
      }
    }
    const created = await createWorkspace({ name: DEFAULT_WORKSPACE_NAME }, now.toISOString());
    localStorage.setItem(LAST_WORKSPACE_KEY, created.entry.id);
    return { ok: true, workspace: { db: created.db, actor, today }, name: created.entry.name };
  } catch (error) {
    if (error instanceof StoreFailure) return { ok: false, error: error.error };
    const detail = describeError(error);
    return {
      ok: false,
      error: {
        code: 'storage-error',
        message: {
          fr: `Impossible d'ouvrir vos données locales (${detail}). Redémarrez l'application ; si cela persiste, restaurez une sauvegarde.`,
          en: `Could not open your local data (${detail}). Restart the application; if it persists, restore a backup.`,
        },
      },
    };
  }
}
