/**
 * The per-buyer figures stored beside the ledger so screens never recompute the whole ledger: exposure,
 * overdue, covered/uncovered, limit, alert counts. Computed from ONE buyer's rows with the domain's
 * `exposureOf`, `coverAsOf` and `alertsFor` — the single definition of each figure.
 *
 * Invariant: overdue and alerts depend on `asOf`; an aggregate records the date it was computed for, and a
 * reader refreshes stale ones when the day changes.
 */
import { alertsFor } from '../domain/alerts';
import { coverAsOf } from '../domain/cover';
import { exposureOf } from '../domain/exposure';
import type { BuyerLedger } from '../domain/model';
import { DEFAULT_POLICY } from '../domain/policy';
import type { Policy } from '../domain/policy';
import type { IsoDate } from '../domain/types';
import type { Reader } from './define';
import { POLICY_ROW_ID } from './entities';
import type { BuyerAggregate, PolicyRow } from './entities';

export function policyOf(row: PolicyRow | undefined): Policy {
  if (row === undefined) return DEFAULT_POLICY;
  const { id: _id, version: _version, updatedAt: _updatedAt, ...policy } = row;
  return policy;
}

export function computeBuyerAggregate(ledger: BuyerLedger, policy: Policy, asOf: IsoDate): BuyerAggregate {
  const exposure = exposureOf(ledger, policy, asOf);
  const cover = coverAsOf(ledger, policy, asOf, exposure);
  const alerts = alertsFor(ledger, policy, asOf, { exposure, cover });
  const alertCounts = { critical: 0, warning: 0, info: 0 };
  for (const alert of alerts) alertCounts[alert.severity]++;
  return {
    buyerId: ledger.buyer.id,
    asOf,
    exposureCents: Math.max(0, exposure.exposureCents),
    overdueCents: exposure.overdueCents,
    coveredCents: cover.coveredCents,
    uncoveredCents: Math.max(0, cover.uncoveredCents),
    limitCents: cover.limitCents,
    openInvoiceCount: exposure.openItems.length,
    alertCounts,
    alertCodes: [...new Set(alerts.map((alert) => alert.code))].sort(),
  };
}

/** One buyer's ledger read through the `buyerId` indexes (never a scan of the whole ledger). */
export async function loadBuyerLedger(reader: Reader, buyerId: string): Promise<BuyerLedger | undefined> {
  const buyer = await reader.get('buyers', buyerId);
  if (buyer === undefined) return undefined;
  const where = { index: 'buyerId', equals: buyerId };
  const [invoices, payments, creditNotes, limitDecisions] = await Promise.all([
    reader.query('invoices', where),
    reader.query('payments', where),
    reader.query('creditNotes', where),
    reader.query('limitDecisions', where),
  ]);
  return { buyer, invoices, payments, creditNotes, limitDecisions };
}

/**
 * The ledgers of many buyers at once (an import touches hundreds): every read is issued before any is
 * awaited, so the storage serves them back to back instead of one round trip per buyer per table. Each
 * ledger is read exactly as `loadBuyerLedger` reads it (same index, same row order), so the figures are the
 * same. Buyers that do not exist are absent from the map.
 */
export async function loadBuyerLedgers(
  reader: Reader,
  buyerIds: readonly string[],
): Promise<Map<string, BuyerLedger>> {
  const ids = [...new Set(buyerIds)];
  const buyers = await reader.getMany('buyers', ids);
  const found = buyers.filter((buyer) => buyer !== undefined);
  const rowsOf = <E extends 'invoices' | 'payments' | 'creditNotes' | 'limitDecisions'>(entity: E) =>
    Promise.all(found.map((buyer) => reader.query(entity, { index: 'buyerId', equals: buyer.id })));
  const [invoices, payments, creditNotes, limitDecisions] = await Promise.all([
    rowsOf('invoices'),
    rowsOf('payments'),
    rowsOf('creditNotes'),
    rowsOf('limitDecisions'),
  ]);
  const ledgers = new Map<string, BuyerLedger>();
  found.forEach((buyer, index) => {
    ledgers.set(buyer.id, {
      buyer,
      invoices: invoices[index] ?? [],
      payments: payments[index] ?? [],
      creditNotes: creditNotes[index] ?? [],
      limitDecisions: limitDecisions[index] ?? [],
    });
  });
  return ledgers;
}

export async function loadPolicy(reader: Reader): Promise<Policy> {
  return policyOf(await reader.get('policy', POLICY_ROW_ID));
}
