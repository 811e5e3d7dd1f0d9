/**
 * Server schema migrations: numbered, append-only (never edit a released one; add the next number), applied
 * at start and recorded in `schema_migrations`. One list for both dialects; the only difference is the text
 * collation of key columns (PostgreSQL's "C" so ORDER BY matches SQLite's byte order).
 */
import type { Migration } from './sql-storage';

export function migrationsFor(dialect: 'sqlite' | 'postgres'): readonly Migration[] {
  const key = dialect === 'postgres' ? 'TEXT COLLATE "C"' : 'TEXT';
  return [
    {
      version: 1,
      statements: [
        'CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)',
        `CREATE TABLE workspaces (id ${key} PRIMARY KEY, name TEXT NOT NULL, seq BIGINT NOT NULL,
           min_retained_seq BIGINT NOT NULL, created_at TEXT NOT NULL)`,
        `CREATE TABLE devices (id ${key} PRIMARY KEY, name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
           created_at TEXT NOT NULL, expires_at TEXT NOT NULL, revoked_at TEXT)`,
        `CREATE TABLE memberships (workspace_id ${key} NOT NULL REFERENCES workspaces (id),
           device_id ${key} NOT NULL REFERENCES devices (id), role TEXT NOT NULL,
           PRIMARY KEY (workspace_id, device_id))`,
        'CREATE INDEX memberships_device ON memberships (device_id)',
        `CREATE TABLE invites (code_hash TEXT PRIMARY KEY, workspace_id ${key} NOT NULL REFERENCES workspaces (id),
           role TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL,
           used_at TEXT, used_by TEXT)`,
        `CREATE TABLE clients (workspace_id ${key} NOT NULL REFERENCES workspaces (id), client_id ${key} NOT NULL,
           device_id ${key} NOT NULL, last_client_seq BIGINT NOT NULL, PRIMARY KEY (workspace_id, client_id))`,
        `CREATE TABLE ops (workspace_id ${key} NOT NULL, client_id ${key} NOT NULL, client_seq BIGINT NOT NULL,
           op_id TEXT NOT NULL, result TEXT NOT NULL, received_at TEXT NOT NULL,
           PRIMARY KEY (workspace_id, client_id, client_seq))`,
        `CREATE TABLE entity_rows (workspace_id ${key} NOT NULL, entity ${key} NOT NULL, id ${key} NOT NULL,
           version BIGINT NOT NULL, seq BIGINT NOT NULL, buyer_id ${key}, invoice_id ${key}, data TEXT NOT NULL,
           PRIMARY KEY (workspace_id, entity, id))`,
        'CREATE INDEX entity_rows_buyer ON entity_rows (workspace_id, entity, buyer_id)',
        'CREATE INDEX entity_rows_invoice ON entity_rows (workspace_id, entity, invoice_id)',
        `CREATE TABLE changes (workspace_id ${key} NOT NULL, seq BIGINT NOT NULL, idx INTEGER NOT NULL,
           entity ${key} NOT NULL, id ${key} NOT NULL, version BIGINT NOT NULL, fields TEXT,
           PRIMARY KEY (workspace_id, seq, idx))`,
      ],
    },
  ];
}
