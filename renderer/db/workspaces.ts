/**
 * Workspaces: the registry database `encours-registry` lists them; each has its own database
 * (`encours-ws-<id>`, see app-db.ts). A broker keeps one workspace per client company.
 */
import Dexie from 'dexie';
import type { Table } from 'dexie';
import type { AppDB } from './app-db';
import { workspaceDbName } from './app-db';
import { openAppDb } from './open-db';

export type WorkspaceEntry = {
  readonly id: string;
  readonly name: string;
  readonly siren?: string;
  readonly createdAt: string;
  /** Backup file the workspace was restored from: a restored workspace never pushes stale state. */
  readonly restoredFrom?: string;
  /**
   * A demonstration workspace (fictitious buyers), which « Réinitialiser la démonstration » may delete and
   * recreate. Absent on entries written before the field existed: those read as not-demo (nothing of a user's
   * is ever deleted on a guess).
   */
  readonly isDemo?: boolean;
};

export const REGISTRY_DB_NAME = 'encours-registry';

class RegistryDB extends Dexie {
  declare readonly workspaces: Table<WorkspaceEntry, string>;
  constructor() {
    super(REGISTRY_DB_NAME, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ workspaces: 'id, name, createdAt' });
  }
}

let registry: RegistryDB | undefined;
function registryDb(): RegistryDB {
  registry ??= new RegistryDB();
  return registry;
}

export async function createWorkspace(
  input: {
    readonly name: string;
    readonly siren?: string;
    readonly restoredFrom?: string;
    readonly isDemo?: boolean;
  },
  now: string,
): Promise<{ entry: WorkspaceEntry; db: AppDB }> {
  const entry: WorkspaceEntry = { ...input, id: crypto.randomUUID(), createdAt: now };
  await registryDb().workspaces.add(entry);
  return { entry, db: await openAppDb(entry.id) };
}

export function listWorkspaces(): Promise<WorkspaceEntry[]> {
  return registryDb().workspaces.orderBy('name').toArray();
}

export async function openWorkspace(id: string): Promise<AppDB | undefined> {
  if ((await registryDb().workspaces.get(id)) === undefined) return undefined;
  return openAppDb(id);
}

export async function renameWorkspace(id: string, name: string): Promise<void> {
  await registryDb().workspaces.update(id, { name });
}

/** Marks an existing workspace as a demonstration one (the demo loader creates it unmarked). */
export async function markWorkspaceAsDemo(id: string): Promise<void> {
  await registryDb().workspaces.update(id, { isDemo: true });
}

/** Deletes the workspace database first: a registry entry without a database is the worse leftover. */
export async function deleteWorkspace(id: string): Promise<void> {
  await Dexie.delete(workspaceDbName(id));
  await registryDb().workspaces.delete(id);
}
