/**
 * SQLite adapter (the embedded default): one file in the data folder, WAL, `synchronous=FULL` (an
 * acknowledged push survives a power cut), and a lock file so two servers never open the same folder.
 *
 * Concurrency: one write connection; write transactions are serialised by an in-process queue (the async
 * commands of `shared/commands` await between statements, so better-sqlite3's synchronous `transaction()`
 * cannot be used) and run as `BEGIN IMMEDIATE … COMMIT`. Reads use a second connection, which in WAL mode
 * sees only committed transactions.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrationsFor } from './migrations';
import { createSqlStorage, migrate } from './sql-storage';
import type { SqlDriver, SqlExecutor, SqlRow } from './sql-storage';
import type { Storage } from './storage';

export const DATABASE_FILE = 'encours-server.sqlite';
export const LOCK_FILE = 'encours-server.lock';

export class DataFolderLockedError extends Error {
  constructor(folder: string, pid: number) {
    super(
      `Le dossier de données ${folder} est déjà utilisé par un autre serveur (pid ${pid}). / ` +
        `The data folder ${folder} is already used by another server (pid ${pid}).`,
    );
    this.name = 'DataFolderLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else — still alive.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/** Takes the folder's lock (`wx` create) or throws; a lock left by a dead process is taken over. */
export function acquireLock(folder: string): () => void {
  const lockPath = path.join(folder, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
      const pid = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) throw new DataFolderLockedError(folder, pid);
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`could not take the lock ${lockPath}`);
}

function executor(db: Database.Database): SqlExecutor {
  const normalise = (params: readonly unknown[]): unknown[] =>
    params.map((value) => (typeof value === 'boolean' ? Number(value) : value));
  // Prepared once per SQL text: preparing is a large part of a small statement's cost, and the push path
  // runs the same few statements for every op. The SQL texts are constants of sql-storage.ts, so the cache
  // stays small.
  const statements = new Map<string, Database.Statement<unknown[], SqlRow>>();
  const prepared = (sql: string): Database.Statement<unknown[], SqlRow> => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare<unknown[], SqlRow>(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  return {
    all(sql, params = []) {
      const statement = prepared(sql);
      return Promise.resolve(statement.reader ? statement.all(...normalise(params)) : []);
    },
    run(sql, params = []) {
      return Promise.resolve(prepared(sql).run(...normalise(params)).changes);
    },
  };
}

export async function openSqliteStorage(folder: string): Promise<Storage> {
  mkdirSync(folder, { recursive: true });
  const release = acquireLock(folder);
  try {
    const file = path.join(folder, DATABASE_FILE);
    const writer = new Database(file);
    writer.pragma('journal_mode = WAL');
    writer.pragma('synchronous = FULL');
    writer.pragma('foreign_keys = ON');
    writer.pragma('busy_timeout = 5000');
    let queue: Promise<unknown> = Promise.resolve();
    const write = executor(writer);
    // The read connection opens after the migrations have created the tables.
    const readSide: { db?: Database.Database; executor?: SqlExecutor } = {};
    const driver: SqlDriver = {
      kind: 'sqlite',
      lockSuffix: '',
      read: {
        all: (sql, params) => {
          if (readSide.executor === undefined) throw new Error('storage not open');
          return readSide.executor.all(sql, params);
        },
        run: () => Promise.reject(new Error('writes go through a transaction')),
      },
      transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
        const run = async (): Promise<T> => {
          writer.exec('BEGIN IMMEDIATE');
          try {
            const result = await fn(write);
            writer.exec('COMMIT');
            return result;
          } catch (error) {
            if (writer.inTransaction) writer.exec('ROLLBACK');
            throw error;
          }
        };
        const next = queue.then(run, run);
        queue = next.catch(() => undefined);
        return next;
      },
      async close() {
        await queue;
        readSide.db?.close();
        writer.close();
        release();
      },
    };
    await migrate(driver, migrationsFor('sqlite'));
    const reader = new Database(file, { readonly: true });
    reader.pragma('busy_timeout = 5000');
    readSide.db = reader;
    readSide.executor = executor(reader);
    return createSqlStorage(driver);
  } catch (error) {
    release();
    throw error;
  }
}
