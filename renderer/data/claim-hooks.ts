/**
 * Reads for the claims screens (Sinistres): every claim (a small table: a few per defaulting buyer), one
 * claim with its timeline rows and attachments, the names of the buyers concerned (read by id, never the
 * whole buyer table), the overdue open invoices of one buyer a claim can be opened from, and the invoices of
 * a claim with their open balance on a date (for the « Récapitulatif DMS / DIC »).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { loadBuyerLedger } from '../../shared/commands/aggregates';
import type { AttachmentRow, ClaimEventRow, ClaimRow, EntityName } from '../../shared/commands/entities';
import { exposureOf } from '../../shared/domain/exposure';
import { allocate } from '../../shared/domain/ledger';
import type { Policy } from '../../shared/domain/policy';
import type { Cents, IsoDate } from '../../shared/domain/types';
import { dexieReader } from '../db/dexie-reader';
import { useWorkspace } from './workspace-context';

export function useClaims(): ClaimRow[] | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(() => db.claims.toArray(), [db]);
}

/** `null` when no claim has this id. */
export function useClaim(claimId: string): ClaimRow | null | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => (await db.claims.get(claimId)) ?? null, [db, claimId]);
}

/** The claim's timeline rows (events and notes), oldest first: by date, then in the order recorded. */
export function useClaimEvents(claimId: string): ClaimEventRow[] | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(
    async () =>
      (await db.claimEvents.where('claimId').equals(claimId).toArray()).sort(
        (a, b) => a.date.localeCompare(b.date) || a.seq - b.seq,
      ),
    [db, claimId],
  );
}

export function useAttachmentsOf(ownerEntity: EntityName, ownerId: string): AttachmentRow[] | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(
    async () =>
      (await db.attachments.where('[ownerEntity+ownerId]').equals([ownerEntity, ownerId]).toArray()).sort(
        (a, b) => a.fileName.localeCompare(b.fileName),
      ),
    [db, ownerEntity, ownerId],
  );
}

/** Names of the given buyers, by id (missing buyers are absent). */
export function useBuyerNames(buyerIds: readonly string[]): ReadonlyMap<string, string> | undefined {
  const { db } = useWorkspace();
  const key = [...new Set(buyerIds)].sort().join('\u0000');
  return useLiveQuery(async () => {
    const ids = key === '' ? [] : key.split('\u0000');
    const rows = await db.buyers.bulkGet(ids);
    return new Map(rows.flatMap((row) => (row === undefined ? [] : [[row.id, row.name] as const])));
  }, [db, key]);
}

/** Buyers with something overdue (from the stored aggregates), by name: who a claim may be opened for. */
export function useBuyersWithOverdue(): { readonly id: string; readonly name: string }[] | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    const ids = (await db.buyerAggregates.toArray())
      .filter((aggregate) => aggregate.overdueCents > 0)
      .map((aggregate) => aggregate.buyerId);
    const rows = await db.buyers.bulkGet(ids);
    return rows
      .flatMap((row) => (row === undefined ? [] : [{ id: row.id, name: row.name }]))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }, [db]);
}

export type OverdueInvoice = {
  readonly id: string;
  readonly number: string;
  readonly dueDate: IsoDate;
  readonly openTtcCents: number;
  readonly openHtCents: number;
  readonly isDisputed: boolean;
};

/** The buyer's invoices still open and past due on `asOf`, oldest due first (allocation of ledger.ts). */
export function useOverdueInvoices(
  buyerId: string | null,
  policy: Policy | undefined,
  asOf: IsoDate,
): OverdueInvoice[] | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    if (buyerId === null || policy === undefined) return [];
    const ledger = await loadBuyerLedger(dexieReader(db), buyerId);
    if (ledger === undefined) return [];
    return exposureOf(ledger, policy, asOf)
      .openItems.filter((item) => item.openTtcCents > 0 && item.dueDate < asOf)
      .map((item) => ({
        id: item.invoiceId,
        number: item.invoice.number,
        dueDate: item.dueDate,
        openTtcCents: item.openTtcCents,
        openHtCents: item.openHtCents,
        isDisputed: item.isDisputed,
      }))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number));
  }, [db, buyerId, policy, asOf]);
}

/** Invoice numbers by id (a claim names a handful). */
export function useInvoiceNumbers(invoiceIds: readonly string[]): ReadonlyMap<string, string> | undefined {
  const { db } = useWorkspace();
  const key = invoiceIds.join('\u0000');
  return useLiveQuery(async () => {
    const ids = key === '' ? [] : key.split('\u0000');
    const rows = await db.invoices.bulkGet(ids);
    return new Map(rows.flatMap((row) => (row === undefined ? [] : [[row.id, row.number] as const])));
  }, [db, key]);
}

/** An invoice of a claim as the summary document lists it (the shape of a letter's invoice). */
export type ClaimInvoice = {
  readonly id: string;
  readonly number: string;
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly amountTtcCents: Cents;
  /** Still owed TTC on `asOf`, after the payments and credit notes dated up to then. */
  readonly openTtcCents: Cents;
  readonly currency: string;
};

/**
 * The claim's invoices (in the claim's order) with their open balance on `asOf`: the buyer's ledger is
 * allocated (ledger.ts) because a payment without an invoice reference settles the oldest invoices first.
 * Invoices deleted since the claim was opened are left out.
 */
export function useClaimInvoices(
  buyerId: string,
  invoiceIds: readonly string[],
  asOf: IsoDate,
): ClaimInvoice[] | undefined {
  const { db } = useWorkspace();
  const key = invoiceIds.join('\u0000');
  return useLiveQuery(async () => {
    const ids = key === '' ? [] : key.split('\u0000');
    const ledger = await loadBuyerLedger(dexieReader(db), buyerId);
    if (ledger === undefined) return [];
    const byId = new Map(allocate(ledger, asOf).invoices.map((item) => [item.invoiceId, item] as const));
    return ids.flatMap((id) => {
      const item = byId.get(id);
      if (item === undefined) return [];
      const { invoice } = item;
      return [
        {
          id,
          number: invoice.number,
          issueDate: invoice.issueDate,
          dueDate: item.dueDate,
          amountTtcCents: invoice.amountTtcCents,
          openTtcCents: item.openTtcCents,
          currency: invoice.currency,
        },
      ];
    });
  }, [db, buyerId, key, asOf]);
}
