/**
 * The database of ONE workspace (a company's ledger): `encours-ws-<id>`. Typed tables for every entity of
 * `shared/commands`, plus the local-only tables: the outbox (operations waiting to be pushed, keyed by
 * `clientSeq`), conflicts (ops the server refused), stored per-buyer aggregates, and meta (clientId,
 * lastClientSeq).
 *
 * Invariants: writes go through `runCommand` only; transactions use strict durability so a committed write
 * is on disk; the schema comes from the append-only SCHEMA_VERSIONS.
 */
import Dexie from 'dexie';
import type { Table } from 'dexie';
import type { Change } from '../../shared/commands/define';
import type { BuyerAggregate, EntityName, EntityRows } from '../../shared/commands/entities';
import type { LocalizedText } from '../../shared/domain/types';
import { SCHEMA_VERSIONS } from './schema-versions';
import type { SchemaVersion } from './schema-versions';

export type OutboxOp = {
  readonly opId: string;
  readonly clientId: string;
  /** Strictly increasing, no gaps: allocated from meta.lastClientSeq in the writing transaction. */
  readonly clientSeq: number;
  readonly command: string;
  readonly args: unknown;
  readonly baseVersion?: number;
  readonly createdAt: string;
};

export type ConflictRow = {
  readonly opId: string;
  readonly clientSeq: number;
  readonly command: string;
  readonly args: unknown;
  readonly status: 'rejected' | 'conflict';
  readonly reason: LocalizedText;
  readonly serverChanges?: readonly Change[];
  /** The server's coded reason (`conflict`, `not-found`, …), so the UI can choose its words by code. */
  readonly reasonCode?: string;
  /** When the user made the change (the outbox op's `createdAt`; display only). */
  readonly createdAt?: string;
  /** When the server's answer was recorded (display only). */
  readonly recordedAt?: string;
  /** Set when the user chose on the Conflits page; a resolved conflict stays listed, never deleted. */
  readonly resolvedAt?: string;
  readonly resolution?: 'kept-server' | 'reapplied';
};

export const META_ID = 'local';

/**
 * Where the sync engine stands (renderer/sync): the pull cursor (a server seq, never a clock), a bootstrap in
 * progress (so an interrupted one resumes) and whether local rows must be rebuilt from a snapshot.
 */
export type SyncMeta = {
  readonly cursor: number;
  readonly isBootstrapped: boolean;
  readonly bootstrap?: {
    readonly atSeq: number | null;
    readonly after: string | null;
    /** True until the first page has cleared the entity tables (a re-bootstrap). */
    readonly isReset: boolean;
  };
  readonly needsRepair?: boolean;
  readonly lastSyncAt?: string;
};

export type MetaRow = {
  readonly id: typeof META_ID;
  readonly clientId: string;
  readonly lastClientSeq: number;
  /** Absent until the workspace is first connected to a sync server. */
  readonly sync?: SyncMeta;
};

export type StoredBuyerAggregate = BuyerAggregate & { readonly updatedAt: string };

/**
 * The bytes of an attached file, local only (never synced; kept in backups). Base64 text rather than a Blob
 * so that a backup, which serialises rows as JSON, keeps the file.
 */
export type AttachmentBlobRow = {
  readonly sha256: string;
  readonly base64: string;
  readonly sizeBytes: number;
};

type EntityTables = { readonly [E in EntityName]: Table<EntityRows[E], string> };

export function workspaceDbName(workspaceId: string): string {
  return `encours-ws-${workspaceId}`;
}

export class AppDB extends Dexie {
  declare readonly buyers: Table<EntityRows['buyers'], string>;
  declare readonly limitDecisions: Table<EntityRows['limitDecisions'], string>;
  declare readonly invoices: Table<EntityRows['invoices'], string>;
  declare readonly payments: Table<EntityRows['payments'], string>;
  declare readonly creditNotes: Table<EntityRows['creditNotes'], string>;
  declare readonly claims: Table<EntityRows['claims'], string>;
  declare readonly claimEvents: Table<EntityRows['claimEvents'], string>;
  declare readonly policy: Table<EntityRows['policy'], string>;
  declare readonly attachments: Table<EntityRows['attachments'], string>;
  declare readonly imports: Table<EntityRows['imports'], string>;
  declare readonly alertStates: Table<EntityRows['alertStates'], string>;
  declare readonly company: Table<EntityRows['company'], string>;
  declare readonly outbox: Table<OutboxOp, number>;
  declare readonly conflicts: Table<ConflictRow, string>;
  declare readonly buyerAggregates: Table<StoredBuyerAggregate, string>;
  declare readonly meta: Table<MetaRow, string>;
  declare readonly attachmentBlobs: Table<AttachmentBlobRow, string>;

  readonly workspaceId: string;

  /** `versions` is for migration tests (open a database as an older app would); the app uses the default. */
  constructor(workspaceId: string, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(workspaceDbName(workspaceId), { chromeTransactionDurability: 'strict' });
    this.workspaceId = workspaceId;
    for (const entry of versions) {
      const version = this.version(entry.version).stores(entry.stores);
      if (entry.upgrade !== undefined) version.upgrade(entry.upgrade);
    }
  }

  /** The entity tables by name, for code that is generic over entities (commands, sync). */
  get entities(): EntityTables {
    return {
      buyers: this.buyers,
      limitDecisions: this.limitDecisions,
      invoices: this.invoices,
      payments: this.payments,
      creditNotes: this.creditNotes,
      claims: this.claims,
      claimEvents: this.claimEvents,
      policy: this.policy,
      attachments: this.attachments,
      imports: this.imports,
      alertStates: this.alertStates,
      company: this.company,
    };
  }
}
