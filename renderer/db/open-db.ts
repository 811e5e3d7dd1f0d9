/**
 * Opening a workspace database. An app older than its database refuses to open it (so it can never write
 * rows in a shape it does not know) and says why with the `database-newer-than-app` code.
 * Ensures the meta row (clientId, lastClientSeq) exists.
 */
import Dexie from 'dexie';
import { AppDB, META_ID } from './app-db';
import { LATEST_SCHEMA_VERSION } from './schema-versions';
import type { SchemaVersion } from './schema-versions';
import { DATABASE_NEWER_THAN_APP, StoreFailure, hasErrorName } from './store-errors';

export async function openAppDb(workspaceId: string, versions?: readonly SchemaVersion[]): Promise<AppDB> {
  const db = new AppDB(workspaceId, versions);
  const latest =
    versions === undefined ? LATEST_SCHEMA_VERSION : Math.max(...versions.map((entry) => entry.version));
  try {
    await db.open();
  } catch (error) {
    db.close();
    if (hasErrorName(error, Dexie.errnames.Version)) throw new StoreFailure(DATABASE_NEWER_THAN_APP);
    throw error;
  }
  // Dexie 4 opens a higher-versioned database in place (and reports the app's `verno`); the installed
  // IndexedDB version (Dexie stores version × 10) tells the truth.
  if (db.backendDB().version / 10 > latest) {
    db.close();
    throw new StoreFailure(DATABASE_NEWER_THAN_APP);
  }
  await db.transaction('rw', db.meta, async () => {
    if ((await db.meta.get(META_ID)) === undefined) {
      await db.meta.put({ id: META_ID, clientId: crypto.randomUUID(), lastClientSeq: 0 });
    }
  });
  return db;
}
