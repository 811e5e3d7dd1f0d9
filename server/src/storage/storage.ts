/**
 * The ONE storage interface of the sync server. Both adapters (SQLite embedded, PostgreSQL) implement it
 * through the same SQL (`sql-storage.ts`) over a small driver; only the DDL and the connection differ.
 *
 * Invariants:
 * - Tokens and invite codes are stored as SHA-256 hashes only.
 * - A workspace's `seq` is read and written only inside `withWorkspace`, which holds the workspace row lock
 *   for the whole transaction (PostgreSQL `SELECT … FOR UPDATE`; SQLite write transactions are serialised),
 *   so commit order = seq order and a puller never sees seq n+1 before seq n.
 * - Entity rows are stored as JSON beside their `version` and the `seq` that last wrote them.
 */
import type { EntityName } from '../../../shared/commands/entities';
import type { Role } from '../../../shared/sync/protocol';

export type JsonRecord = Record<string, unknown>;

export type AuthDevice = {
  readonly id: string;
  readonly name: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly memberships: ReadonlyMap<string, Role>;
};

export type NewDevice = {
  readonly id: string;
  readonly name: string;
  readonly tokenHash: string;
  readonly createdAt: string;
  readonly expiresAt: string;
};

export type NewWorkspace = { readonly id: string; readonly name: string; readonly createdAt: string };

export type NewInvite = {
  readonly codeHash: string;
  readonly workspaceId: string;
  readonly role: Role;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly expiresAt: string;
};

export type StoredChange = {
  readonly seq: number;
  readonly entity: EntityName;
  readonly id: string;
  readonly version: number;
  /** `null` for a deletion. */
  readonly fields: JsonRecord | null;
};

export type StoredRow = {
  readonly entity: EntityName;
  readonly id: string;
  readonly version: number;
  readonly data: JsonRecord;
};

export type WorkspaceState = { readonly seq: number; readonly minRetainedSeq: number };

/** Reads and writes of one workspace inside one transaction, under its row lock. */
export type WorkspaceTx = {
  readonly seq: number;
  client(clientId: string): Promise<{ deviceId: string; lastClientSeq: number } | undefined>;
  opResult(clientId: string, clientSeq: number): Promise<string | undefined>;
  getRow(entity: EntityName, id: string): Promise<JsonRecord | undefined>;
  queryRows(
    entity: EntityName,
    column: 'buyer_id' | 'invoice_id' | null,
    equals: string | null,
  ): Promise<JsonRecord[]>;
  putRow(entity: EntityName, id: string, version: number, seq: number, data: JsonRecord): Promise<void>;
  deleteRow(entity: EntityName, id: string): Promise<void>;
  appendChange(change: StoredChange, index: number): Promise<void>;
  setSeq(seq: number): Promise<void>;
  saveClient(clientId: string, deviceId: string, lastClientSeq: number): Promise<void>;
  saveOp(clientId: string, clientSeq: number, opId: string, result: string, at: string): Promise<void>;
};

export type Storage = {
  readonly kind: 'sqlite' | 'postgres';
  close(): Promise<void>;
  /** Stores a new setup token's hash (replacing an unused one); false once the setup token was consumed. */
  initSetupToken(hash: string, at: string): Promise<boolean>;
  findDeviceByTokenHash(hash: string): Promise<AuthDevice | undefined>;
  findDevice(id: string): Promise<AuthDevice | undefined>;
  workspaceState(id: string): Promise<WorkspaceState | undefined>;
  /** Consumes the setup token (if `setupHash` is the unconsumed one) and creates the workspace and its owner. */
  createFirstWorkspace(setupHash: string, workspace: NewWorkspace, owner: NewDevice): Promise<boolean>;
  createWorkspace(workspace: NewWorkspace, ownerDeviceId: string): Promise<void>;
  isSetupToken(hash: string): Promise<'unused' | 'consumed' | 'no'>;
  createInvite(invite: NewInvite): Promise<void>;
  /** Single use: marks the invite used and creates the device with its membership; undefined if invalid. */
  redeemInvite(codeHash: string, device: NewDevice): Promise<{ workspaceId: string; role: Role } | undefined>;
  revokeDevice(deviceId: string, at: string): Promise<void>;
  withWorkspace<T>(workspaceId: string, fn: (tx: WorkspaceTx) => Promise<T>): Promise<T | undefined>;
  lastClientSeq(workspaceId: string, clientId: string): Promise<number>;
  /** Changes with seq > since, whole operations only, about `limit` rows (one op bigger than that is whole). */
  pull(
    workspaceId: string,
    since: number,
    limit: number,
  ): Promise<{ changes: StoredChange[]; hasMore: boolean }>;
  /** Rows after the cursor in (entity, id) order. */
  snapshot(
    workspaceId: string,
    after: { entity: string; id: string } | undefined,
    limit: number,
  ): Promise<{ rows: StoredRow[]; hasMore: boolean }>;
  /** Drops change rows with seq ≤ upToSeq and raises minRetainedSeq (pullers below it get 410). */
  compact(workspaceId: string, upToSeq: number): Promise<void>;
  /** Row counts for tests and diagnostics (tenant-isolation checks). */
  countRows(workspaceId: string): Promise<{ rows: number; changes: number; ops: number }>;
};
