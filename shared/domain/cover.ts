/**
 * Cover on a date (domain.md §4 "Cover on a date", worked examples 1 and 2): how much of a buyer's exposure
 * the insurer covers, invoice by invoice and layer by layer.
 *
 * Rules:
 * - Each open invoice is covered by the limit in force on its shipment date (`deliveryDate`, else
 *   `issueDate`). Invoices are walked in shipment order (then issue date, then id); an invoice gets
 *   min(open, max(0, L − E)) where L is the limit in force at its shipment and E the open exposure of the
 *   earlier shipments of the walk. So with one limit, covered = min(exposure, limit); after a reduction,
 *   earlier shipments keep the old limit and later ones only get the new limit's headroom (floored at 0).
 *   Consequence (property-tested): covered ≤ exposure and ≤ the largest limit in force at the shipments.
 * - Primary layer on a date: the named limit if a named decision is in force (a refused, cancelled or
 *   expired one is in force at 0 and does NOT fall back); else the discretionary limit if any; else the
 *   unnamed threshold (seuil de non-dénommé) at the unnamed quotité.
 * - The top-up layer (CAP-style complément) covers, with its own walk and quotité, what the primary layer
 *   left uncovered; it can stand alone (CAP+ after a refusal).
 * - Not covered, and left out of the walk (they do not consume the limit): disputed invoices, and invoices
 *   whose terms (due − issue) exceed the maximum credit terms (export terms when the buyer's country is set
 *   and is not FR).
 * - Delivered-not-invoiced and open orders count in the exposure but are not yet insured debts: they are part
 *   of `uncoveredCents`.
 * Amounts are on the policy's basis (HT by default).
 */
import { dayNumber } from './aging';
import type { Exposure } from './exposure';
import { exposureOf, openOnBasis } from './exposure';
import { ISO_DATE_KEY_SPAN, isoDateKey } from './dates';
import type { InvoiceAllocation } from './ledger';
import { sortByKeys } from './ledger';
import type { LimitInForce, LimitSegment } from './limits';
import { limitAt, limitTimeline } from './limits';
import type { Buyer, BuyerLedger, Invoice } from './model';
import { applyBp } from './money';
import type { CoverBasis, Policy } from './policy';
import type { BasisPoints, Cents, IsoDate } from './types';

export type PrimaryLayer = 'named' | 'discretionary' | 'unnamed';
export type CoverLayer = PrimaryLayer | 'top-up';

export type LayerCover = {
  readonly layer: CoverLayer;
  /** Limit of this layer in force on `asOf` (0 when the layer is not in force then). */
  readonly limitCents: Cents;
  readonly coveredCents: Cents;
  readonly quotityBp: BasisPoints;
  /** coveredCents × quotité (`applyBp`): what the insurer would pay before deductibles. */
  readonly guaranteedCents: Cents;
};

export type UncoveredReason = 'disputed' | 'terms-exceeded' | 'over-limit';

export type InvoiceCover = {
  readonly invoiceId: string;
  readonly openCents: Cents;
  /** Primary + top-up. */
  readonly coveredCents: Cents;
  readonly topUpCoveredCents: Cents;
  /** The primary layer in force at shipment (`null` for invoices left out of the walk). */
  readonly layer: PrimaryLayer | null;
  /** Primary + top-up limit in force at the invoice's shipment (also for invoices left out of the walk). */
  readonly limitCents: Cents;
  /** The primary layer in force at shipment, whether or not the invoice takes part in the walk. */
  readonly limitLayer: PrimaryLayer;
  /** Why part or all of the invoice is not covered. */
  readonly uncoveredReason?: UncoveredReason;
};

export type Cover = {
  readonly asOf: IsoDate;
  readonly basis: CoverBasis;
  readonly exposureCents: Cents;
  readonly coveredCents: Cents;
  /** exposureCents − coveredCents. */
  readonly uncoveredCents: Cents;
  /** Primary + top-up limit in force on `asOf`. */
  readonly limitCents: Cents;
  /** The primary layer in force on `asOf`. */
  readonly primaryLayer: PrimaryLayer;
  readonly byLayer: readonly LayerCover[];
  /** One row per open invoice, in shipment order. */
  readonly perInvoice: readonly InvoiceCover[];
};

export function shipmentDate(invoice: Invoice): IsoDate {
  return invoice.deliveryDate ?? invoice.issueDate;
}

/** Maximum credit terms for a buyer: the export terms when its country is set and is not France. */
export function maxTermsFor(buyer: Buyer, policy: Policy): number {
  return buyer.country !== undefined && buyer.country.toUpperCase() !== 'FR'
    ? policy.maxCreditTermsExportDays
    : policy.maxCreditTermsDays;
}

/** Days of credit granted by an invoice (issue → due). */
export function termsDays(invoice: Invoice): number {
  return dayNumber(invoice.dueDate) - dayNumber(invoice.issueDate);
}

type Primary = { readonly layer: PrimaryLayer; readonly amountCents: Cents; readonly quotityBp: BasisPoints };

type Timelines = {
  readonly named: readonly LimitSegment[];
  readonly discretionary: readonly LimitSegment[];
  readonly topUp: readonly LimitSegment[];
};

function primaryAt(timelines: Timelines, policy: Policy, date: IsoDate): Primary {
  const named = limitAt(timelines.named, date);
  return primaryOf(named, named === null ? limitAt(timelines.discretionary, date) : null, policy);
}

/** The primary layer given the named and discretionary limits in force (the named one wins, even at 0). */
function primaryOf(named: LimitInForce | null, discretionary: LimitInForce | null, policy: Policy): Primary {
  if (named !== null) {
    return {
      layer: 'named',
      amountCents: named.amountCents,
      quotityBp: named.decision.quotityBp ?? policy.namedQuotityBp,
    };
  }
  if (discretionary !== null) {
    return {
      layer: 'discretionary',
      amountCents: discretionary.amountCents,
      quotityBp: discretionary.decision.quotityBp ?? policy.unnamedQuotityBp,
    };
  }
  return { layer: 'unnamed', amountCents: policy.unnamedThresholdCents, quotityBp: policy.unnamedQuotityBp };
}

const compareItemIds = (a: InvoiceAllocation, b: InvoiceAllocation): number =>
  a.invoiceId < b.invoiceId ? -1 : a.invoiceId > b.invoiceId ? 1 : 0;

/**
 * The open items in shipment order (shipment date, issue date, id). Sorted on one packed number per item
 * (`isoDateKey`) unless a date is not plain `YYYY-MM-DD`, where the string comparator decides.
 */
function inShipmentOrder(openItems: readonly InvoiceAllocation[]): InvoiceAllocation[] {
  const items: InvoiceAllocation[] = [];
  const keys: number[] = [];
  let isKeyed = true;
  for (const item of openItems) {
    const shipped = isoDateKey(shipmentDate(item.invoice));
    const issued = isoDateKey(item.invoice.issueDate);
    if (shipped < 0 || issued < 0) isKeyed = false;
    items.push(item);
    keys.push(shipped * ISO_DATE_KEY_SPAN + issued);
  }
  if (isKeyed) sortByKeys(items, keys, compareItemIds);
  else items.sort(compareShipments);
  return items;
}

function compareShipments(a: InvoiceAllocation, b: InvoiceAllocation): number {
  const sa = shipmentDate(a.invoice);
  const sb = shipmentDate(b.invoice);
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (a.invoice.issueDate !== b.invoice.issueDate) return a.invoice.issueDate < b.invoice.issueDate ? -1 : 1;
  return a.invoiceId < b.invoiceId ? -1 : a.invoiceId > b.invoiceId ? 1 : 0;
}

const LAYERS: readonly CoverLayer[] = ['named', 'discretionary', 'unnamed', 'top-up'];

/** True when the segments' `from` dates never decrease (a replay can emit an expiry dated before its step). */
function isAscending(timeline: readonly LimitSegment[]): boolean {
  for (let index = 1; index < timeline.length; index += 1) {
    const previous = timeline[index - 1];
    const segment = timeline[index];
    if (previous !== undefined && segment !== undefined && segment.from < previous.from) return false;
  }
  return true;
}

/**
 * `limitAt` for dates that never decrease from one call to the next (the walk goes in shipment order): the
 * cursor only moves forward, so each segment boundary is compared about once per walk instead of a binary
 * search per invoice. Timelines that are not ascending keep the binary search (identical results otherwise).
 */
type TimelineCursor = {
  readonly timeline: readonly LimitSegment[];
  readonly isAscending: boolean;
  next: number;
};

function cursorOn(timeline: readonly LimitSegment[]): TimelineCursor {
  return { timeline, isAscending: isAscending(timeline), next: 0 };
}

function limitAtCursor(cursor: TimelineCursor, date: IsoDate): LimitInForce | null {
  const timeline = cursor.timeline;
  if (!cursor.isAscending) return limitAt(timeline, date);
  let next = cursor.next;
  for (;;) {
    const segment = timeline[next];
    if (segment === undefined || segment.from > date) break;
    next += 1;
  }
  cursor.next = next;
  return next === 0 ? null : (timeline[next - 1]?.inForce ?? null);
}

/** Cover of a buyer's exposure on `asOf`. Pass `exposure` when already computed for the same inputs. */
export function coverAsOf(
  ledger: BuyerLedger,
  policy: Policy,
  asOf: IsoDate,
  exposure: Exposure = exposureOf(ledger, policy, asOf),
): Cover {
  const basis = policy.coverBasis;
  const decisions = ledger.limitDecisions;
  const timelines: Timelines = {
    named: limitTimeline(decisions, 'named'),
    discretionary: limitTimeline(decisions, 'discretionary'),
    topUp: limitTimeline(decisions, 'top-up'),
  };
  const maxTerms = maxTermsFor(ledger.buyer, policy);

  const covered: Record<CoverLayer, Cents> = { named: 0, discretionary: 0, unnamed: 0, 'top-up': 0 };
  const quotities: Partial<Record<CoverLayer, BasisPoints>> = {};
  const perInvoice: InvoiceCover[] = [];
  const items = inShipmentOrder(exposure.openItems);
  // E of the module header, for the primary walk and for the top-up walk (the primary's leftovers).
  let earlierPrimary = 0;
  let earlierTopUp = 0;
  let primary: Primary | undefined;
  let primaryNamed: LimitInForce | null = null;
  let primaryDiscretionary: LimitInForce | null = null;
  // Items are in shipment order, ascending as strings on both sort paths: forward cursors can replace the
  // binary searches.
  const namedCursor = cursorOn(timelines.named);
  const discretionaryCursor = cursorOn(timelines.discretionary);
  const topUpCursor = cursorOn(timelines.topUp);
  for (const item of items) {
    const openCents = openOnBasis(item, basis);
    const shipped = shipmentDate(item.invoice);
    const named = limitAtCursor(namedCursor, shipped);
    const discretionary = named === null ? limitAtCursor(discretionaryCursor, shipped) : null;
    // Consecutive shipments mostly fall under the same limits: reuse the layer instead of rebuilding it.
    if (primary === undefined || named !== primaryNamed || discretionary !== primaryDiscretionary) {
      primary = primaryOf(named, discretionary, policy);
      primaryNamed = named;
      primaryDiscretionary = discretionary;
    }
    const topUp: LimitInForce | null = limitAtCursor(topUpCursor, shipped);
    const limitCents = primary.amountCents + (topUp?.amountCents ?? 0);
    const excluded: UncoveredReason | undefined = item.isDisputed
      ? 'disputed'
      : termsDays(item.invoice) > maxTerms
        ? 'terms-exceeded'
        : undefined;
    if (excluded !== undefined) {
      perInvoice.push({
        invoiceId: item.invoiceId,
        openCents,
        coveredCents: 0,
        topUpCoveredCents: 0,
        layer: null,
        limitCents,
        limitLayer: primary.layer,
        uncoveredReason: excluded,
      });
      continue;
    }
    const primaryCovered = Math.min(openCents, Math.max(0, primary.amountCents - earlierPrimary));
    earlierPrimary += openCents;
    covered[primary.layer] += primaryCovered;
    quotities[primary.layer] ??= primary.quotityBp;

    const rest = openCents - primaryCovered;
    const topUpCovered = topUp === null ? 0 : Math.min(rest, Math.max(0, topUp.amountCents - earlierTopUp));
    earlierTopUp += rest;
    covered['top-up'] += topUpCovered;
    if (topUp !== null) quotities['top-up'] ??= topUp.decision.quotityBp ?? policy.namedQuotityBp;

    const total = primaryCovered + topUpCovered;
    // The reason key exists only when part of the invoice is left uncovered.
    perInvoice.push(
      total < openCents
        ? {
            invoiceId: item.invoiceId,
            openCents,
            coveredCents: total,
            topUpCoveredCents: topUpCovered,
            layer: primary.layer,
            limitCents,
            limitLayer: primary.layer,
            uncoveredReason: 'over-limit',
          }
        : {
            invoiceId: item.invoiceId,
            openCents,
            coveredCents: total,
            topUpCoveredCents: topUpCovered,
            layer: primary.layer,
            limitCents,
            limitLayer: primary.layer,
          },
    );
  }

  const primaryNow = primaryAt(timelines, policy, asOf);
  const topUpNow = limitAt(timelines.topUp, asOf);
  const limitNow: Record<CoverLayer, Cents | null> = {
    named: null,
    discretionary: null,
    unnamed: null,
    'top-up': topUpNow?.amountCents ?? null,
  };
  limitNow[primaryNow.layer] = primaryNow.amountCents;
  const quotityNow: Partial<Record<CoverLayer, BasisPoints>> = {};
  quotityNow[primaryNow.layer] = primaryNow.quotityBp;
  if (topUpNow !== null) quotityNow['top-up'] = topUpNow.decision.quotityBp ?? policy.namedQuotityBp;

  const byLayer: LayerCover[] = [];
  let coveredCents = 0;
  for (const layer of LAYERS) {
    const layerLimit = limitNow[layer];
    if (covered[layer] === 0 && layerLimit === null) continue;
    const quotityBp = quotityNow[layer] ?? quotities[layer] ?? policy.namedQuotityBp;
    coveredCents += covered[layer];
    byLayer.push({
      layer,
      limitCents: layerLimit ?? 0,
      coveredCents: covered[layer],
      quotityBp,
      guaranteedCents: applyBp(covered[layer], quotityBp),
    });
  }

  return {
    asOf,
    basis,
    exposureCents: exposure.exposureCents,
    coveredCents,
    uncoveredCents: Math.max(0, exposure.exposureCents - coveredCents),
    limitCents: primaryNow.amountCents + (topUpNow?.amountCents ?? 0),
    primaryLayer: primaryNow.layer,
    byLayer,
    perInvoice,
  };
}
