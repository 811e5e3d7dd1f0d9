/**
 * The workspace database schema, one entry per released version. APPEND-ONLY: a released entry never changes
 * (its stores strings are frozen by schema-versions.test.ts); a new version is a new entry with a higher
 * number, and a data-changing one brings an `upgrade()` plus a test that opens a populated database of the
 * previous version, outbox included.
 *
 * Invoice indexes (at most four secondary, each costs every invoice write):
 * - `buyerId`: a buyer's ledger, read by every aggregate refresh (the hottest read) and by the buyer page;
 * - `[buyerId+dueDate]`: the buyer page lists its invoices sorted by due date within the buyer;
 * - `dueDate`: the cross-buyer "overdue / due soon" screens (range from a date);
 * - `number`: finding an invoice by its number (search box, import matching).
 * Disputed / open status is not indexed: it changes with payments, and the screens that filter on it read
 * one buyer's invoices, which the indexes above already narrow.
 */
import type { Transaction } from 'dexie';
import { nameKeyOf } from '../../shared/commands/entities';

export type SchemaVersion = {
  readonly version: number;
  readonly stores: Readonly<Record<string, string | null>>;
  readonly upgrade?: (tx: Transaction) => Promise<void>;
};

const VERSION_1_STORES = {
  buyers: 'id, name',
  limitDecisions: 'id, buyerId',
  invoices: 'id, buyerId, dueDate, [buyerId+dueDate], number',
  payments: 'id, buyerId, invoiceId',
  creditNotes: 'id, buyerId, invoiceId',
  claims: 'id, buyerId, status',
  claimEvents: 'id, claimId',
  policy: 'id',
  attachments: 'id, [ownerEntity+ownerId]',
  imports: 'id, importedAt',
  outbox: 'clientSeq, &opId',
  conflicts: 'opId, clientSeq',
  buyerAggregates: 'buyerId',
  meta: 'id',
} as const;

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  { version: 1, stores: VERSION_1_STORES },
  {
    // Buyer search compares an accent-free, lower-case key; rows written before it get it backfilled.
    version: 2,
    stores: { buyers: 'id, name, nameKey' },
    async upgrade(tx) {
      await tx
        .table('buyers')
        .toCollection()
        .modify((buyer: Record<string, unknown>) => {
          const name = buyer['name'];
          if (typeof name === 'string') buyer['nameKey'] = nameKeyOf(name);
        });
    },
  },
  {
    // The team's handling of alerts (acknowledged / snoozed), keyed by the alert's stable key.
    version: 3,
    stores: { alertStates: 'id, buyerId' },
  },
  {
    // The bytes of attached files (claims' proofs, letters), keyed by their SHA-256, LOCAL ONLY: the
    // `attachments` metadata row is synced, the bytes stay on the computer that added them.
    version: 4,
    stores: { attachmentBlobs: 'sha256' },
  },
  {
    // The insured company (« Votre entreprise »): a synced singleton, the sender of the letters.
    version: 5,
    stores: { company: 'id' },
  },
];

export const LATEST_SCHEMA_VERSION = Math.max(...SCHEMA_VERSIONS.map((entry) => entry.version));
