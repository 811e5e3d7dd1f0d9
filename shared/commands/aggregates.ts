/**
 * The per-buyer figures stored beside the ledger so screens never recompute the whole ledger: exposure,
 * overdue, covered/uncovered, limit and what kind of limit it is, alert counts, the balance âgée, and the
 * monthly figures of the DSO trend.
 * Computed from ONE buyer's rows with the domain's `exposureOf`, `coverAsOf`, `alertsFor` and `agingAsOf` —
 * the single definition of each figure.
 *
 * Invariants:
 * - overdue, aging and alerts depend on `asOf`; an aggregate records the date it was computed for, and the
 *   app recomputes stale ones when the day changes (renderer/data/aggregate-refresh.ts).
 * - `aging` is on the policy's cover basis, like `exposureCents` and `overdueCents`: its past-due buckets sum
 *   to `overdueCents`, all five to the open invoices on that basis. Unapplied money is not a bucket: a ledger
 *   only has some once every invoice is settled (ledger.ts), when every bucket is 0.
 * - The DSO figures are TTC, like `dso.ts`: the sales of the 13 calendar months ending with the month of
 *   `asOf`, and the open balance at `asOf` and at the 12 previous month-ends. The count-back method reads only
 *   the TOTAL receivables and the TOTAL sales of each month (`dsoCountBack` adds duplicate months), so the
 *   company's DSO is the count-back of the sums of these per-buyer figures — exactly the DSO of the merged
 *   ledger of all buyers, and not an average of the buyers' DSOs (domain: DSO of the receivables as a whole).
 *   The balance summed is not floored per buyer: one buyer's credit reduces the company's receivables, as in
 *   the merged ledger. With 13 months of sales kept, a count-back that needs older sales stops there and
 *   says so (`isComplete` false, the days being a minimum).
 */
import { agingAsOf, daysInMonth } from '../domain/aging';
import type { AgingItem } from '../domain/aging';
import { alertsFor } from '../domain/alerts';
import { coverAsOf } from '../domain/cover';
import type { Cover } from '../domain/cover';
import { dsoCountBack } from '../domain/dso';
import type { Dso } from '../domain/dso';
import { exposureOf, openOnBasis } from '../domain/exposure';
import type { BuyerLedger, ClaimFiling } from '../domain/model';
import { DEFAULT_POLICY } from '../domain/policy';
import type { Policy } from '../domain/policy';
import type { Cents, IsoDate } from '../domain/types';
import type { Reader } from './define';
import { AGGREGATE_MONTH_ENDS, AGGREGATE_SALES_MONTHS, POLICY_ROW_ID } from './entities';
import type { BuyerAggregate, ClaimRow, LimitSource, PolicyRow } from './entities';

export function policyOf(row: PolicyRow | undefined): Policy {
  if (row === undefined) return DEFAULT_POLICY;
  const { id: _id, version: _version, updatedAt: _updatedAt, ...policy } = row;
  return policy;
}

/** Consecutive month numbers: year × 12 + month − 1 of an ISO date (or `YYYY-MM`), no parsing. */
export function monthIndexOf(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function monthOfIndex(index: number): { year: number; month: number } {
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** `YYYY-MM` of a month number. */
export function monthKeyOfIndex(index: number): string {
  const { year, month } = monthOfIndex(index);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The last day of a month number, as an ISO date. */
export function monthEndOfIndex(index: number): IsoDate {
  const { year, month } = monthOfIndex(index);
  return `${monthKeyOfIndex(index)}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/** The `YYYY-MM` of each entry of `salesTtcByMonthCents` of an aggregate as of `asOf`, oldest first. */
export function salesMonthsOf(asOf: IsoDate): string[] {
  const last = monthIndexOf(asOf);
  return Array.from({ length: AGGREGATE_SALES_MONTHS }, (_, i) =>
    monthKeyOfIndex(last - AGGREGATE_SALES_MONTHS + 1 + i),
  );
}

/** The date of each entry of `receivableTtcAtMonthEndCents` of an aggregate as of `asOf`, oldest first. */
export function monthEndsOf(asOf: IsoDate): IsoDate[] {
  const current = monthIndexOf(asOf);
  return Array.from({ length: AGGREGATE_MONTH_ENDS }, (_, i) =>
    monthEndOfIndex(current - AGGREGATE_MONTH_ENDS + i),
  );
}

type MonthlyFigures = {
  readonly salesTtcByMonthCents: number[];
  readonly receivableTtcAtMonthEndCents: number[];
};

/**
 * Sales per month (invoices by issue month, credit notes by their month: `monthlySalesOf`) and the balance at
 * each month-end (Σ invoices issued − Σ payments and credit notes dated on or before it: what `allocate`
 * leaves open minus unapplied), in one pass over the documents dated on or before `asOf`.
 */
function monthlyFiguresOf(ledger: BuyerLedger, asOf: IsoDate): MonthlyFigures {
  const current = monthIndexOf(asOf);
  const firstSales = current - AGGREGATE_SALES_MONTHS + 1;
  const firstEnd = current - AGGREGATE_MONTH_ENDS;
  const sales = new Array<number>(AGGREGATE_SALES_MONTHS).fill(0);
  // movement[i]: net change of the balance during month firstEnd + i; `before`: everything earlier.
  const movement = new Array<number>(AGGREGATE_MONTH_ENDS).fill(0);
  let before = 0;
  const add = (date: IsoDate, cents: number, isSale: boolean): void => {
    if (date > asOf) return;
    const month = monthIndexOf(date);
    if (isSale && month >= firstSales) sales[month - firstSales] = (sales[month - firstSales] ?? 0) + cents;
    if (month < firstEnd) before += cents;
    else if (month < current) movement[month - firstEnd] = (movement[month - firstEnd] ?? 0) + cents;
  };
  for (const invoice of ledger.invoices) add(invoice.issueDate, invoice.amountTtcCents, true);
  for (const note of ledger.creditNotes) add(note.date, -note.amountTtcCents, true);
  for (const payment of ledger.payments) add(payment.date, -payment.amountCents, false);
  let balance = before;
  const receivableTtcAtMonthEndCents = movement.map((change) => (balance += change));
  return { salesTtcByMonthCents: sales, receivableTtcAtMonthEndCents };
}

/**
 * What `cover.limitCents` is, read from the cover's own choice of primary layer (cover.ts decides; this only
 * names it): `none` when nothing covers new shipments today, `top-up` when only a top-up layer does (the
 * primary is 0), else the primary layer.
 */
export function limitSourceOf(cover: Cover): LimitSource {
  if (cover.limitCents === 0) return 'none';
  const primary = cover.byLayer.find((layer) => layer.layer === cover.primaryLayer);
  return primary === undefined || primary.limitCents === 0 ? 'top-up' : cover.primaryLayer;
}

export function computeBuyerAggregate(ledger: BuyerLedger, policy: Policy, asOf: IsoDate): BuyerAggregate {
  const exposure = exposureOf(ledger, policy, asOf);
  const cover = coverAsOf(ledger, policy, asOf, exposure);
  const alerts = alertsFor(ledger, policy, asOf, { exposure, cover });
  const alertCounts = { critical: 0, warning: 0, info: 0 };
  for (const alert of alerts) alertCounts[alert.severity]++;
  const basis = policy.coverBasis;
  // `agingAsOf` reads `openTtcCents`; on an HT basis it is given the HT open amount, so the buckets are on
  // the same basis as the exposure and the overdue amount.
  const agingItems: AgingItem[] = exposure.openItems.map((item) => ({
    dueDate: item.dueDate,
    openTtcCents: openOnBasis(item, basis),
  }));
  const aging = agingAsOf(agingItems, asOf);
  let openTtc = 0;
  for (const item of exposure.openItems) openTtc += item.openTtcCents;
  return {
    buyerId: ledger.buyer.id,
    asOf,
    exposureCents: Math.max(0, exposure.exposureCents),
    overdueCents: exposure.overdueCents,
    coveredCents: cover.coveredCents,
    uncoveredCents: Math.max(0, cover.uncoveredCents),
    limitCents: cover.limitCents,
    limitSource: limitSourceOf(cover),
    openInvoiceCount: exposure.openItems.length,
    alertCounts,
    alertCodes: [...new Set(alerts.map((alert) => alert.code))].sort(),
    aging: { ...aging.buckets },
    receivableTtcCents: openTtc - exposure.unappliedCents,
    ...monthlyFiguresOf(ledger, asOf),
  };
}

/** What the company DSO needs, summed over buyers (see the module header). */
export type DsoTotals = {
  readonly asOf: IsoDate;
  readonly receivableTtcCents: Cents;
  readonly salesTtcByMonthCents: readonly Cents[];
  readonly receivableTtcAtMonthEndCents: readonly Cents[];
};

/** Σ of the DSO figures of aggregates computed as of `asOf` (others are left out: their months differ). */
export function sumDsoFigures(aggregates: readonly BuyerAggregate[], asOf: IsoDate): DsoTotals {
  const sales = new Array<number>(AGGREGATE_SALES_MONTHS).fill(0);
  const ends = new Array<number>(AGGREGATE_MONTH_ENDS).fill(0);
  let receivable = 0;
  for (const aggregate of aggregates) {
    if (aggregate.asOf !== asOf) continue;
    receivable += aggregate.receivableTtcCents;
    aggregate.salesTtcByMonthCents.forEach((cents, i) => (sales[i] = (sales[i] ?? 0) + cents));
    aggregate.receivableTtcAtMonthEndCents.forEach((cents, i) => (ends[i] = (ends[i] ?? 0) + cents));
  }
  return {
    asOf,
    receivableTtcCents: receivable,
    salesTtcByMonthCents: sales,
    receivableTtcAtMonthEndCents: ends,
  };
}

export type DsoPoint = Dso & { readonly date: IsoDate };

/**
 * The company DSO at each of the 12 month-ends before the month of `asOf`, then at `asOf`: the count-back of
 * the summed balance over the summed monthly sales (the walk from a month-end never reaches later months).
 */
export function dsoTrendOf(totals: DsoTotals): DsoPoint[] {
  // Months without sales are left out, as `monthlySalesOf` leaves them out of a ledger: the history then
  // starts at the first month with sales (a younger company's count-back stops there, flagged incomplete).
  const sales = salesMonthsOf(totals.asOf)
    .map((month, i) => ({ month, salesTtcCents: totals.salesTtcByMonthCents[i] ?? 0 }))
    .filter((entry) => entry.salesTtcCents !== 0);
  const points = monthEndsOf(totals.asOf).map((date, i) => ({
    date,
    ...dsoCountBack(totals.receivableTtcAtMonthEndCents[i] ?? 0, sales, date),
  }));
  points.push({ date: totals.asOf, ...dsoCountBack(totals.receivableTtcCents, sales, totals.asOf) });
  return points;
}

/**
 * The DMS / DIC filing dates per invoice id, the shape `alertsFor` takes as `claimFilings`: a filed DMS stops
 * the « DMS à déclarer » alert of the invoices of that claim. An invoice claimed twice (a closed claim, then a
 * new one) takes the filings of the claim opened last.
 */
export function claimFilingsOf(
  claims: readonly Pick<ClaimRow, 'invoiceIds' | 'openedOn' | 'dmsFiledOn' | 'dicFiledOn'>[],
): Record<string, ClaimFiling> {
  const sorted = [...claims].sort((a, b) => a.openedOn.localeCompare(b.openedOn));
  const filings: Record<string, ClaimFiling> = {};
  for (const claim of sorted) {
    const filing: ClaimFiling = {
      ...(claim.dmsFiledOn === undefined ? {} : { dmsFiledOn: claim.dmsFiledOn }),
      ...(claim.dicFiledOn === undefined ? {} : { dicFiledOn: claim.dicFiledOn }),
    };
    for (const invoiceId of claim.invoiceIds) filings[invoiceId] = filing;
  }
  return filings;
}

/** The ledger with its claims' filings attached (absent when the buyer has no claim, as before claims existed). */
export function withClaimFilings(ledger: BuyerLedger, claims: readonly ClaimRow[]): BuyerLedger {
  return claims.length === 0 ? ledger : { ...ledger, claimFilings: claimFilingsOf(claims) };
}

/** One buyer's ledger read through the `buyerId` indexes (never a scan of the whole ledger). */
export async function loadBuyerLedger(reader: Reader, buyerId: string): Promise<BuyerLedger | undefined> {
  const buyer = await reader.get('buyers', buyerId);
  if (buyer === undefined) return undefined;
  const where = { index: 'buyerId', equals: buyerId };
  const [invoices, payments, creditNotes, limitDecisions, claims] = await Promise.all([
    reader.query('invoices', where),
    reader.query('payments', where),
    reader.query('creditNotes', where),
    reader.query('limitDecisions', where),
    reader.query('claims', where),
  ]);
  return withClaimFilings({ buyer, invoices, payments, creditNotes, limitDecisions }, claims);
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
  const rowsOf = <E extends 'invoices' | 'payments' | 'creditNotes' | 'limitDecisions' | 'claims'>(
    entity: E,
  ) => Promise.all(found.map((buyer) => reader.query(entity, { index: 'buyerId', equals: buyer.id })));
  const [invoices, payments, creditNotes, limitDecisions, claims] = await Promise.all([
    rowsOf('invoices'),
    rowsOf('payments'),
    rowsOf('creditNotes'),
    rowsOf('limitDecisions'),
    rowsOf('claims'),
  ]);
  const ledgers = new Map<string, BuyerLedger>();
  found.forEach((buyer, index) => {
    ledgers.set(
      buyer.id,
      withClaimFilings(
        {
          buyer,
          invoices: invoices[index] ?? [],
          payments: payments[index] ?? [],
          creditNotes: creditNotes[index] ?? [],
          limitDecisions: limitDecisions[index] ?? [],
        },
        claims[index] ?? [],
      ),
    );
  });
  return ledgers;
}

export async function loadPolicy(reader: Reader): Promise<Policy> {
  return policyOf(await reader.get('policy', POLICY_ROW_ID));
}
