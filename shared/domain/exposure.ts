/**
 * Exposure (encours) of one buyer as of a date — THE definition used everywhere (domain.md §4):
 *
 *   exposure = Σ open invoices − unapplied credit notes and payments on account
 *              (+ delivered-not-invoiced, + open orders, each when the policy includes it)
 *
 * computed from the source documents through `allocate`. Both bases are kept; `exposureCents` is the one of
 * the policy's cover basis (HT by default). Disputed invoices are part of the exposure (the buyer still owes
 * them) but are not insurable while the dispute lasts: `disputedCents` reports them and `insurableCents`
 * leaves them out.
 *
 * Conventions:
 * - Exposure is floored at 0: money the buyer has in advance is a credit, not a negative risk.
 * - Unapplied credit notes count HT at each note's own HT ÷ TTC; payments on account carry no VAT breakdown,
 *   so their HT equivalent uses the buyer's invoices' overall HT ÷ TTC (TTC = HT when there is no invoice).
 * - Delivered-not-invoiced and open orders are given on the policy's basis and are added as is to both the HT
 *   and the TTC figures.
 * - Amounts are in the policy's currency (the ledger is kept in one currency).
 */
import { allocate } from './ledger';
import type { Allocation, InvoiceAllocation } from './ledger';
import type { BuyerLedger } from './model';
import { mulRatio } from './money';
import type { CoverBasis, Policy } from './policy';
import type { Cents, IsoDate } from './types';

export type Exposure = {
  readonly asOf: IsoDate;
  readonly basis: CoverBasis;
  /** On the policy's basis. */
  readonly exposureCents: Cents;
  readonly exposureHtCents: Cents;
  readonly exposureTtcCents: Cents;
  /** Exposure without the disputed invoices (basis). */
  readonly insurableCents: Cents;
  /** Open amount past its due date (basis). */
  readonly overdueCents: Cents;
  /** Open amount of disputed invoices (basis). */
  readonly disputedCents: Cents;
  /** Included amounts (0 when the policy leaves them out). */
  readonly deliveredNotInvoicedCents: Cents;
  readonly openOrdersCents: Cents;
  /** Unapplied payments and credit notes, TTC. */
  readonly unappliedCents: Cents;
  /** Invoices still (partly) open, in settlement order. */
  readonly openItems: readonly InvoiceAllocation[];
  readonly allocation: Allocation;
};

/** The open amount of an allocated invoice on a basis. */
export function openOnBasis(item: InvoiceAllocation, basis: CoverBasis): Cents {
  return basis === 'HT' ? item.openHtCents : item.openTtcCents;
}

export function exposureOf(ledger: BuyerLedger, policy: Policy, asOf: IsoDate): Exposure {
  const allocation = allocate(ledger, asOf);
  const basis = policy.coverBasis;

  let openHt = 0;
  let openTtc = 0;
  let invoicedHt = 0;
  let invoicedTtc = 0;
  let overdue = 0;
  let disputed = 0;
  const openItems: InvoiceAllocation[] = [];
  for (const item of allocation.invoices) {
    invoicedHt += item.invoice.amountHtCents;
    invoicedTtc += item.invoice.amountTtcCents;
    if (item.openTtcCents <= 0) continue;
    openItems.push(item);
    openHt += item.openHtCents;
    openTtc += item.openTtcCents;
    const onBasis = openOnBasis(item, basis);
    // ISO dates compare as strings: no parsing in this loop over every open invoice.
    if (item.dueDate < asOf) overdue += onBasis;
    if (item.isDisputed) disputed += onBasis;
  }

  const unappliedPaymentHt =
    allocation.unappliedPaymentCents === 0 || invoicedTtc === 0
      ? allocation.unappliedPaymentCents
      : mulRatio(allocation.unappliedPaymentCents, invoicedHt, invoicedTtc);
  const unappliedHt = allocation.unappliedCreditHtCents + unappliedPaymentHt;

  const deliveredNotInvoiced = policy.includeDeliveredNotInvoiced
    ? (ledger.deliveredNotInvoicedCents ?? 0)
    : 0;
  const openOrders = policy.includeOpenOrders ? (ledger.openOrdersCents ?? 0) : 0;
  const extra = deliveredNotInvoiced + openOrders;

  const exposureHtCents = Math.max(0, openHt - unappliedHt + extra);
  const exposureTtcCents = Math.max(0, openTtc - allocation.unappliedCents + extra);
  const exposureCents = basis === 'HT' ? exposureHtCents : exposureTtcCents;

  return {
    asOf,
    basis,
    exposureCents,
    exposureHtCents,
    exposureTtcCents,
    insurableCents: Math.max(0, exposureCents - disputed),
    overdueCents: overdue,
    disputedCents: disputed,
    deliveredNotInvoicedCents: deliveredNotInvoiced,
    openOrdersCents: openOrders,
    unappliedCents: allocation.unappliedCents,
    openItems,
    allocation,
  };
}
