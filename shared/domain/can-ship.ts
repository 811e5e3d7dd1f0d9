/**
 * « Puis-je livrer ? » — can this order be shipped under cover (domain.md §4 "Cover on a date")?
 *
 * For one buyer, an order amount (on the policy's basis, HT by default) and a delivery date:
 * - the limit is the one in force ON THE DELIVERY DATE (a reduction effective on or before it already
 *   applies; a temporary limit ended before it no longer does): primary layer (named, else discretionary,
 *   else the unnamed threshold — a refused, cancelled or expired named limit stands at 0 and does NOT fall
 *   back) plus the top-up layer, exactly as `cover.ts` picks them;
 * - the exposure is TODAY's (`asOf`): invoices falling due before the delivery are NOT assumed paid, so the
 *   answer is the prudent one;
 * - headroom = max(0, limit − exposure); covered part of the order = min(order, headroom); the shipment
 *   comes after every open invoice, so this is what the cover walk of `cover.ts` would give it;
 * - indemnifiable = covered part × quotité, layer by layer (primary first, then the top-up);
 * - increase to request = exposure + order − limit, rounded UP to the next 1 000 € (insurers grant round
 *   amounts), when positive and when asking can help (not for a buyer in insolvency proceedings nor for
 *   payment terms beyond the maximum credit terms, which no limit covers).
 *
 * Verdict, first match: buyer in insolvency proceedings (judged on or before the delivery) → `insolvent`;
 * terms beyond the maximum credit terms → `terms-exceeded`; limit 0 on the delivery date → `no-limit`;
 * nothing uncovered → `covered`; something covered → `partly-covered`; else `not-covered`.
 */
import { maxTermsFor } from './cover';
import type { PrimaryLayer } from './cover';
import { exposureOf } from './exposure';
import { limitInForce } from './limits';
import type { BuyerLedger, LimitDecision } from './model';
import { applyBp } from './money';
import type { Policy } from './policy';
import type { BasisPoints, Cents, IsoDate } from './types';

/** Insurers grant limits in round amounts: the increase to request is rounded up to this step (1 000 €). */
export const LIMIT_REQUEST_STEP_CENTS = 1_000_00;

export type CanShipVerdict =
  'covered' | 'partly-covered' | 'not-covered' | 'no-limit' | 'insolvent' | 'terms-exceeded';

export type CanShipInput = {
  /** Order amount on the policy's basis (HT by default). */
  readonly orderCents: Cents;
  readonly deliveryDate: IsoDate;
  /** Today: the exposure is taken on this date. */
  readonly asOf: IsoDate;
  /** Payment terms of the order in days (invoice → due), when known. */
  readonly termsDays?: number;
};

export type CanShip = {
  readonly verdict: CanShipVerdict;
  readonly orderCents: Cents;
  readonly deliveryDate: IsoDate;
  readonly asOf: IsoDate;
  /** Primary + top-up limit in force on the delivery date. */
  readonly limitCents: Cents;
  /** Primary + top-up limit in force today (differs from `limitCents` when a change is due before delivery). */
  readonly limitTodayCents: Cents;
  readonly primaryLayer: PrimaryLayer;
  readonly primaryLimitCents: Cents;
  readonly topUpLimitCents: Cents;
  /** The named or discretionary decision in force on the delivery date (absent for the unnamed threshold). */
  readonly primaryDecision?: LimitDecision;
  /** Exposure today (not reduced by invoices falling due before the delivery). */
  readonly exposureCents: Cents;
  readonly headroomCents: Cents;
  readonly coveredCents: Cents;
  readonly uncoveredCents: Cents;
  /** Quotité of the primary layer on the delivery date. */
  readonly quotityBp: BasisPoints;
  readonly topUpQuotityBp?: BasisPoints;
  /** Covered part × quotité, per layer, summed: what the insurer would pay on this order before deductibles. */
  readonly indemnifiableCents: Cents;
  /** Increase of limit to request (0 when none is needed or asking cannot help), a multiple of 1 000 €. */
  readonly increaseCents: Cents;
  /** Limit to request (`limitCents + increaseCents`), `null` when no request is suggested. */
  readonly requestedLimitCents: Cents | null;
  readonly maxTermsDays: number;
};

type LimitsOnDate = {
  readonly primary: {
    readonly layer: PrimaryLayer;
    readonly amountCents: Cents;
    readonly quotityBp: BasisPoints;
    readonly decision?: LimitDecision;
  };
  readonly topUpCents: Cents;
  readonly topUpQuotityBp?: BasisPoints;
};

/** The layers in force on `date`, picked as `cover.ts` picks them (the named layer wins, even at 0). */
function limitsOnDate(decisions: readonly LimitDecision[], policy: Policy, date: IsoDate): LimitsOnDate {
  const named = limitInForce(decisions, 'named', date);
  const discretionary = named === null ? limitInForce(decisions, 'discretionary', date) : null;
  const topUp = limitInForce(decisions, 'top-up', date);
  const primary: LimitsOnDate['primary'] =
    named !== null
      ? {
          layer: 'named',
          amountCents: named.amountCents,
          quotityBp: named.decision.quotityBp ?? policy.namedQuotityBp,
          decision: named.decision,
        }
      : discretionary !== null
        ? {
            layer: 'discretionary',
            amountCents: discretionary.amountCents,
            quotityBp: discretionary.decision.quotityBp ?? policy.unnamedQuotityBp,
            decision: discretionary.decision,
          }
        : {
            layer: 'unnamed',
            amountCents: policy.unnamedThresholdCents,
            quotityBp: policy.unnamedQuotityBp,
          };
  return topUp === null
    ? { primary, topUpCents: 0 }
    : {
        primary,
        topUpCents: topUp.amountCents,
        topUpQuotityBp: topUp.decision.quotityBp ?? policy.namedQuotityBp,
      };
}

/** Rounds a positive amount up to the next multiple of `LIMIT_REQUEST_STEP_CENTS`. */
export function roundUpToRequestStep(cents: Cents): Cents {
  if (cents <= 0) return 0;
  return Math.ceil(cents / LIMIT_REQUEST_STEP_CENTS) * LIMIT_REQUEST_STEP_CENTS;
}

export function canShip(ledger: BuyerLedger, policy: Policy, input: CanShipInput): CanShip {
  const { orderCents, deliveryDate, asOf } = input;
  const exposureCents = exposureOf(ledger, policy, asOf).exposureCents;
  const atDelivery = limitsOnDate(ledger.limitDecisions, policy, deliveryDate);
  const today = limitsOnDate(ledger.limitDecisions, policy, asOf);
  const limitCents = atDelivery.primary.amountCents + atDelivery.topUpCents;
  const maxTermsDays = maxTermsFor(ledger.buyer, policy);

  const insolvency = ledger.buyer.insolvency;
  const isInsolvent = insolvency !== undefined && insolvency.judgmentDate <= deliveryDate;
  const isTermsExceeded = input.termsDays !== undefined && input.termsDays > maxTermsDays;
  const isCoverable = !isInsolvent && !isTermsExceeded;

  const headroomCents = Math.max(0, limitCents - exposureCents);
  // Primary layer first, then the top-up covers what the primary left (same order as the walk of cover.ts).
  const primaryHeadroom = Math.max(0, atDelivery.primary.amountCents - exposureCents);
  const primaryCovered = isCoverable ? Math.min(orderCents, primaryHeadroom) : 0;
  const coveredCents = isCoverable ? Math.min(orderCents, headroomCents) : 0;
  const topUpCovered = coveredCents - primaryCovered;
  const uncoveredCents = orderCents - coveredCents;
  const indemnifiableCents =
    applyBp(primaryCovered, atDelivery.primary.quotityBp) +
    (atDelivery.topUpQuotityBp === undefined ? 0 : applyBp(topUpCovered, atDelivery.topUpQuotityBp));

  const increaseCents = isCoverable ? roundUpToRequestStep(exposureCents + orderCents - limitCents) : 0;

  const verdict: CanShipVerdict = isInsolvent
    ? 'insolvent'
    : isTermsExceeded
      ? 'terms-exceeded'
      : limitCents <= 0
        ? 'no-limit'
        : uncoveredCents === 0
          ? 'covered'
          : coveredCents > 0
            ? 'partly-covered'
            : 'not-covered';

  return {
    verdict,
    orderCents,
    deliveryDate,
    asOf,
    limitCents,
    limitTodayCents: today.primary.amountCents + today.topUpCents,
    primaryLayer: atDelivery.primary.layer,
    primaryLimitCents: atDelivery.primary.amountCents,
    topUpLimitCents: atDelivery.topUpCents,
    ...(atDelivery.primary.decision === undefined ? {} : { primaryDecision: atDelivery.primary.decision }),
    exposureCents,
    headroomCents,
    coveredCents,
    uncoveredCents,
    quotityBp: atDelivery.primary.quotityBp,
    ...(atDelivery.topUpQuotityBp === undefined ? {} : { topUpQuotityBp: atDelivery.topUpQuotityBp }),
    indemnifiableCents,
    increaseCents,
    requestedLimitCents: increaseCents > 0 ? limitCents + increaseCents : null,
    maxTermsDays,
  };
}
