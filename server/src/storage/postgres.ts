/**
 * PostgreSQL adapter (`DATABASE_URL`), for a broker or a larger team. Same SQL as SQLite; `?` placeholders
 * are rewritten to `$n`, and the workspace row is locked with `SELECT … FOR UPDATE` for the whole push
 * transaction so the per-workspace seq is allocated and committed in one order.
 */
import pg from 'pg';
import { migrationsFor } from './migrations';
import { createSqlStorage, migrate } from './sql-storage';
import type { SqlDriver, SqlExecutor, SqlRow } from './sql-storage';
import type { Storage } from './storage';

/** `?` → `$1, $2 …` (the SQL of this server never holds a literal question mark). */
export function toPositional(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function executor(client: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    async all(sql, params = []) {
      const result = await client.query<SqlRow>(toPositional(sql), [...params]);
      return result.rows;
    },
    async run(sql, params = []) {
      const result = await client.query(toPositional(sql), [...params]);
      return result.rowCount ?? 0;
    },
  };
}

export async function openPostgresStorage(connectionString: string): Promise<Storage> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const driver: SqlDriver = {
    kind: 'postgres',
    lockSuffix: ' FOR UPDATE',
    read: executor(pool),
    async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
  // Two servers starting together on an empty database: serialise the migrations with an advisory lock.
  await migrate(
    {
      ...driver,
      transaction: (fn) =>
        driver.transaction(async (tx) => {
          await tx.all('SELECT pg_advisory_xact_lock(8787001)');
          return fn(tx);
        }),
    },
    migrationsFor('postgres'),
  );
  return createSqlStorage(driver);
}
