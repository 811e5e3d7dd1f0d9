/**
 * The storage interface implemented once in portable SQL (SQLite ≥ 3.35 and PostgreSQL 15 both speak it:
 * `ON CONFLICT … DO UPDATE`, row values, `?` placeholders translated by the PostgreSQL driver). A driver
 * supplies connections, transactions and the dialect's row-lock suffix; each adapter supplies its DDL
 * migrations.
 *
 * Invariant: JSON columns are TEXT written by `JSON.stringify` and read by `JSON.parse`; integers may come
 * back as strings (PostgreSQL BIGINT) and are converted with `toInt`.
 */
import { ENTITY_NAMES } from '../../../shared/commands/entities';
import type { EntityName } from '../../../shared/commands/entities';
import type { Role } from '../../../shared/sync/protocol';
import type { AuthDevice, JsonRecord, Storage, StoredChange, StoredRow, WorkspaceTx } from './storage';

export type SqlRow = Record<string, unknown>;

export type SqlExecutor = {
  all(sql: string, params?: readonly unknown[]): Promise<SqlRow[]>;
  run(sql: string, params?: readonly unknown[]): Promise<number>;
};

export type SqlDriver = {
  readonly kind: 'sqlite' | 'postgres';
  /** Suffix that locks the selected rows until commit (`FOR UPDATE`), empty where writes are serialised. */
  readonly lockSuffix: string;
  /** Reads outside any transaction see only committed data. */
  readonly read: SqlExecutor;
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export type Migration = { readonly version: number; readonly statements: readonly string[] };

export function toInt(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint' || typeof value === 'string') return Number(value);
  throw new Error(`expected an integer column, got ${typeof value}`);
}

function toStr(value: unknown): string {
  if (typeof value === 'string') return value;
  throw new Error(`expected a text column, got ${typeof value}`);
}

function toRole(value: unknown): Role {
  return value === 'owner' ? 'owner' : 'member';
}

function toEntity(value: unknown): EntityName {
  const name = ENTITY_NAMES.find((entity) => entity === value);
  if (name === undefined) throw new Error('unknown entity in storage');
  return name;
}

function parseJsonRecord(value: unknown): JsonRecord {
  const parsed: unknown = JSON.parse(toStr(value));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('stored JSON is not an object');
  }
  return Object.fromEntries(Object.entries(parsed));
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Applies the numbered, append-only migrations not yet recorded in `schema_migrations`. */
export async function migrate(driver: SqlDriver, migrations: readonly Migration[]): Promise<void> {
  await driver.transaction(async (tx) => {
    await tx.run(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    const done = new Set(
      (await tx.all('SELECT version FROM schema_migrations')).map((r) => toInt(r['version'])),
    );
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [
        migration.version,
        new Date().toISOString(),
      ]);
    }
  });
}

const INDEX_COLUMNS = { buyerId: 'buyer_id', invoiceId: 'invoice_id' } as const;

function indexValues(data: JsonRecord): { buyerId: string | null; invoiceId: string | null } {
  return { buyerId: stringOrNull(data['buyerId']), invoiceId: stringOrNull(data['invoiceId']) };
}

export { INDEX_COLUMNS };

export function createSqlStorage(driver: SqlDriver): Storage {
  const { read } = driver;

  async function deviceWhere(column: 'token_hash' | 'id', value: string): Promise<AuthDevice | undefined> {
    const [device] = await read.all(
      `SELECT id, name, expires_at, revoked_at FROM devices WHERE ${column} = ?`,
      [value],
    );
    if (device === undefined) return undefined;
    const memberships = await read.all('SELECT workspace_id, role FROM memberships WHERE device_id = ?', [
      device['id'],
    ]);
    return {
      id: toStr(device['id']),
      name: toStr(device['name']),
      expiresAt: toStr(device['expires_at']),
      revokedAt: stringOrNull(device['revoked_at']),
      memberships: new Map(memberships.map((m) => [toStr(m['workspace_id']), toRole(m['role'])])),
    };
  }

  async function insertDevice(
    tx: SqlExecutor,
    device: Parameters<Storage['redeemInvite']>[1],
  ): Promise<void> {
    await tx.run(
      'INSERT INTO devices (id, name, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      [device.id, device.name, device.tokenHash, device.createdAt, device.expiresAt],
    );
  }

  function workspaceTx(tx: SqlExecutor, workspaceId: string, initialSeq: number): WorkspaceTx {
    // Follows `setSeq`, so several ops applied in one transaction each see the seq the previous one left.
    let seq = initialSeq;
    return {
      get seq() {
        return seq;
      },
      async client(clientId) {
        const [row] = await tx.all(
          'SELECT device_id, last_client_seq FROM clients WHERE workspace_id = ? AND client_id = ?',
          [workspaceId, clientId],
        );
        return row === undefined
          ? undefined
          : { deviceId: toStr(row['device_id']), lastClientSeq: toInt(row['last_client_seq']) };
      },
      async opResult(clientId, clientSeq) {
        const [row] = await tx.all(
          'SELECT result FROM ops WHERE workspace_id = ? AND client_id = ? AND client_seq = ?',
          [workspaceId, clientId, clientSeq],
        );
        return row === undefined ? undefined : toStr(row['result']);
      },
      async getRow(entity, id) {
        const [row] = await tx.all(
          'SELECT data FROM entity_rows WHERE workspace_id = ? AND entity = ? AND id = ?',
          [workspaceId, entity, id],
        );
        return row === undefined ? undefined : parseJsonRecord(row['data']);
      },
      async queryRows(entity, column, equals) {
        const rows =
          column === null
            ? await tx.all('SELECT data FROM entity_rows WHERE workspace_id = ? AND entity = ?', [
                workspaceId,
                entity,
              ])
            : await tx.all(
                `SELECT data FROM entity_rows WHERE workspace_id = ? AND entity = ? AND ${column} = ?`,
                [workspaceId, entity, equals],
              );
        return rows.map((row) => parseJsonRecord(row['data']));
      },
      async putRow(entity, id, version, rowSeq, data) {
        const { buyerId, invoiceId } = indexValues(data);
        await tx.run(
          `INSERT INTO entity_rows (workspace_id, entity, id, version, seq, buyer_id, invoice_id, data)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (workspace_id, entity, id) DO UPDATE SET version = excluded.version, seq = excluded.seq,
             buyer_id = excluded.buyer_id, invoice_id = excluded.invoice_id, data = excluded.data`,
          [workspaceId, entity, id, version, rowSeq, buyerId, invoiceId, JSON.stringify(data)],
        );
      },
      async deleteRow(entity, id) {
        await tx.run('DELETE FROM entity_rows WHERE workspace_id = ? AND entity = ? AND id = ?', [
          workspaceId,
          entity,
          id,
        ]);
      },
      async appendChange(change, index) {
        await tx.run(
          `INSERT INTO changes (workspace_id, seq, idx, entity, id, version, fields)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
          [
            workspaceId,
            change.seq,
            index,
            change.entity,
            change.id,
            change.version,
            change.fields === null ? null : JSON.stringify(change.fields),
          ],
        );
      },
      async setSeq(next) {
        await tx.run('UPDATE workspaces SET seq = ? WHERE id = ?', [next, workspaceId]);
        seq = next;
      },
      async saveClient(clientId, deviceId, lastClientSeq) {
        await tx.run(
          `INSERT INTO clients (workspace_id, client_id, device_id, last_client_seq) VALUES (?, ?, ?, ?)
           ON CONFLICT (workspace_id, client_id) DO UPDATE SET last_client_seq = excluded.last_client_seq`,
          [workspaceId, clientId, deviceId, lastClientSeq],
        );
      },
      async saveOp(clientId, clientSeq, opId, result, at) {
        await tx.run(
          `INSERT INTO ops (workspace_id, client_id, client_seq, op_id, result, received_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
          [workspaceId, clientId, clientSeq, opId, result, at],
        );
      },
    };
  }

  return {
    kind: driver.kind,
    close: () => driver.close(),

    initSetupToken(hash, at) {
      return driver.transaction(async (tx) => {
        const [consumed] = await tx.all(
          "SELECT value FROM server_meta WHERE key = 'setup_token_consumed_at'",
        );
        if (consumed !== undefined) return false;
        // Replaces an unused token from an earlier start: only its hash was kept, so it cannot be shown again.
        await tx.run("DELETE FROM server_meta WHERE key IN ('setup_token_hash', 'setup_token_created_at')");
        await tx.run("INSERT INTO server_meta (key, value) VALUES ('setup_token_hash', ?)", [hash]);
        await tx.run("INSERT INTO server_meta (key, value) VALUES ('setup_token_created_at', ?)", [at]);
        return true;
      });
    },

    findDeviceByTokenHash: (hash) => deviceWhere('token_hash', hash),
    findDevice: (id) => deviceWhere('id', id),

    async workspaceState(id) {
      const [row] = await read.all('SELECT seq, min_retained_seq FROM workspaces WHERE id = ?', [id]);
      return row === undefined
        ? undefined
        : { seq: toInt(row['seq']), minRetainedSeq: toInt(row['min_retained_seq']) };
    },

    async isSetupToken(hash) {
      const rows = await read.all(
        "SELECT key, value FROM server_meta WHERE key IN ('setup_token_hash', 'setup_token_consumed_at')",
      );
      const stored = rows.find((r) => r['key'] === 'setup_token_hash')?.['value'];
      if (stored !== hash) return 'no';
      return rows.some((r) => r['key'] === 'setup_token_consumed_at') ? 'consumed' : 'unused';
    },

    createFirstWorkspace(setupHash, workspace, owner) {
      return driver.transaction(async (tx) => {
        const rows = await tx.all(
          `SELECT key, value FROM server_meta WHERE key IN ('setup_token_hash', 'setup_token_consumed_at')${driver.lockSuffix}`,
        );
        const stored = rows.find((r) => r['key'] === 'setup_token_hash')?.['value'];
        if (stored !== setupHash || rows.some((r) => r['key'] === 'setup_token_consumed_at')) return false;
        // The primary key makes a concurrent second consumption fail instead of creating a second owner.
        await tx.run("INSERT INTO server_meta (key, value) VALUES ('setup_token_consumed_at', ?)", [
          workspace.createdAt,
        ]);
        await tx.run(
          'INSERT INTO workspaces (id, name, seq, min_retained_seq, created_at) VALUES (?, ?, 0, 0, ?)',
          [workspace.id, workspace.name, workspace.createdAt],
        );
        await insertDevice(tx, owner);
        await tx.run("INSERT INTO memberships (workspace_id, device_id, role) VALUES (?, ?, 'owner')", [
          workspace.id,
          owner.id,
        ]);
        return true;
      });
    },

    async createWorkspace(workspace, ownerDeviceId) {
      await driver.transaction(async (tx) => {
        await tx.run(
          'INSERT INTO workspaces (id, name, seq, min_retained_seq, created_at) VALUES (?, ?, 0, 0, ?)',
          [workspace.id, workspace.name, workspace.createdAt],
        );
        await tx.run("INSERT INTO memberships (workspace_id, device_id, role) VALUES (?, ?, 'owner')", [
          workspace.id,
          ownerDeviceId,
        ]);
      });
    },

    async createInvite(invite) {
      await driver.transaction((tx) =>
        tx.run(
          `INSERT INTO invites (code_hash, workspace_id, role, created_by, created_at, expires_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
          [
            invite.codeHash,
            invite.workspaceId,
            invite.role,
            invite.createdBy,
            invite.createdAt,
            invite.expiresAt,
          ],
        ),
      );
    },

    redeemInvite(codeHash, device) {
      return driver.transaction(async (tx) => {
        const [invite] = await tx.all(
          `SELECT workspace_id, role, expires_at, used_at FROM invites WHERE code_hash = ?${driver.lockSuffix}`,
          [codeHash],
        );
        if (invite === undefined || invite['used_at'] !== null) return undefined;
        if (toStr(invite['expires_at']) <= device.createdAt) return undefined;
        const workspaceId = toStr(invite['workspace_id']);
        const role = toRole(invite['role']);
        const used = await tx.run(
          'UPDATE invites SET used_at = ?, used_by = ? WHERE code_hash = ? AND used_at IS NULL',
          [device.createdAt, device.id, codeHash],
        );
        if (used !== 1) return undefined;
        await insertDevice(tx, device);
        await tx.run('INSERT INTO memberships (workspace_id, device_id, role) VALUES (?, ?, ?)', [
          workspaceId,
          device.id,
          role,
        ]);
        return { workspaceId, role };
      });
    },

    async revokeDevice(deviceId, at) {
      await driver.transaction((tx) =>
        tx.run('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [at, deviceId]),
      );
    },

    withWorkspace(workspaceId, fn) {
      return driver.transaction(async (tx) => {
        // The workspace row lock: held until commit, so seq allocation and commit happen in the same order.
        const [row] = await tx.all(`SELECT seq FROM workspaces WHERE id = ?${driver.lockSuffix}`, [
          workspaceId,
        ]);
        if (row === undefined) return undefined;
        return fn(workspaceTx(tx, workspaceId, toInt(row['seq'])));
      });
    },

    async lastClientSeq(workspaceId, clientId) {
      const [row] = await read.all(
        'SELECT last_client_seq FROM clients WHERE workspace_id = ? AND client_id = ?',
        [workspaceId, clientId],
      );
      return row === undefined ? 0 : toInt(row['last_client_seq']);
    },

    async pull(workspaceId, since, limit) {
      const select = 'SELECT seq, entity, id, version, fields FROM changes WHERE workspace_id = ?';
      const rows = await read.all(`${select} AND seq > ? ORDER BY seq, idx LIMIT ?`, [
        workspaceId,
        since,
        limit + 1,
      ]);
      let page = rows;
      let hasMore = false;
      if (rows.length > limit) {
        hasMore = true;
        page = rows.slice(0, limit);
        const boundary = toInt(rows[limit - 1]?.['seq']);
        const next = toInt(rows[limit]?.['seq']);
        if (next === boundary) {
          // Never split an operation: drop its partial tail, or take it whole when it is the only one.
          const first = toInt(rows[0]?.['seq']);
          page =
            first === boundary
              ? await read.all(`${select} AND seq = ? ORDER BY idx`, [workspaceId, boundary])
              : page.filter((row) => toInt(row['seq']) !== boundary);
        }
      }
      const changes: StoredChange[] = page.map((row) => ({
        seq: toInt(row['seq']),
        entity: toEntity(row['entity']),
        id: toStr(row['id']),
        version: toInt(row['version']),
        fields: row['fields'] === null ? null : parseJsonRecord(row['fields']),
      }));
      return { changes, hasMore };
    },

    async snapshot(workspaceId, after, limit) {
      const rows =
        after === undefined
          ? await read.all(
              'SELECT entity, id, version, data FROM entity_rows WHERE workspace_id = ? ORDER BY entity, id LIMIT ?',
              [workspaceId, limit + 1],
            )
          : await read.all(
              `SELECT entity, id, version, data FROM entity_rows WHERE workspace_id = ? AND (entity, id) > (?, ?)
               ORDER BY entity, id LIMIT ?`,
              [workspaceId, after.entity, after.id, limit + 1],
            );
      const stored: StoredRow[] = rows.slice(0, limit).map((row) => ({
        entity: toEntity(row['entity']),
        id: toStr(row['id']),
        version: toInt(row['version']),
        data: parseJsonRecord(row['data']),
      }));
      return { rows: stored, hasMore: rows.length > limit };
    },

    async compact(workspaceId, upToSeq) {
      await driver.transaction(async (tx) => {
        await tx.run('DELETE FROM changes WHERE workspace_id = ? AND seq <= ?', [workspaceId, upToSeq]);
        await tx.run('UPDATE workspaces SET min_retained_seq = ? WHERE id = ? AND min_retained_seq < ?', [
          upToSeq,
          workspaceId,
          upToSeq,
        ]);
      });
    },

    async countRows(workspaceId) {
      const count = async (table: string): Promise<number> => {
        const [row] = await read.all(`SELECT COUNT(*) AS n FROM ${table} WHERE workspace_id = ?`, [
          workspaceId,
        ]);
        return toInt(row?.['n']);
      };
      return { rows: await count('entity_rows'), changes: await count('changes'), ops: await count('ops') };
    },
  };
}
