/**
 * Premium estimator (domain.md §4 "Premium", worked example 5): what a credit insurance offer costs a year, a
 * month and a day, its maximum liability, and how that compares with the expected loss without insurance.
 *
 * Readings chosen here (all amounts integer cents, every division rounded once by the money.ts rule):
 * - `turnover-rate`: insurable turnover = turnover HT × share sold on credit to businesses; premium base =
 *   max(minimum premium, rate × insurable turnover).
 * - `turnover-band` (TPE flat offers): the annual price of the first band whose upper bound is ≥ the total
 *   turnover HT; the premium base is that price.
 * - `outstanding-rate`: an ANNUAL rate on the average month-end insured outstanding (a monthly rate quoted by an
 *   insurer is × 12); the average is over the figures given (12 month-ends, or fewer, or one average);
 *   premium base = max(minimum premium, rate × average).
 * - Every kind then adds monitoring fees × named buyers and top-up premiums. A top-up rate is an annual rate on
 *   the top-up limit, prorated by the months it runs: limit × rate × months ÷ 12, rounded per top-up.
 * - Maximum liability (limite de décaissement) = multiple × premium BASE, i.e. before fees and top-ups
 *   (example 5: 25 × 4 800 € = 120 000 €, not 25 × 5 700 €), unless the offer states a fixed amount.
 * - Per month = annual ÷ 12, per day = annual ÷ 365, each rounded to the cent.
 */
import { applyBp, mulRatio, roundHalfAwayFromZero, sumCents } from './money';
import type { Policy } from './policy';
import type { BasisPoints, Cents, LocalizedText } from './types';

/** A top-up layer (complément, CAP-style) bought for part of the year. */
export type TopUp = {
  readonly limitCents: Cents;
  /** Annual rate on the top-up limit. */
  readonly rateBp: BasisPoints;
  /** Months of cover, 0–12. */
  readonly months: number;
};

/** One band of a flat-price offer; `upToTurnoverCents: null` means no upper bound. */
export type TurnoverBand = { readonly upToTurnoverCents: Cents | null; readonly annualPriceCents: Cents };

type OfferCommon = {
  readonly id: string;
  readonly label: LocalizedText;
  /** Quotité garantie on named buyers, used to weigh the expected loss the offer would cover. */
  readonly quotityBp: BasisPoints;
  /** Limite de décaissement as a multiple of the premium base. */
  readonly maxLiabilityMultiple: number;
  /** A fixed maximum liability, stated by some flat offers instead of a multiple. */
  readonly maxLiabilityCents?: Cents;
  /** Frais de surveillance per named buyer per year; none when absent. */
  readonly monitoringFeePerBuyerCents?: Cents;
  readonly topUps?: readonly TopUp[];
};

export type PremiumOffer = OfferCommon &
  (
    | { readonly kind: 'turnover-rate'; readonly rateBp: BasisPoints; readonly minimumPremiumCents: Cents }
    | { readonly kind: 'turnover-band'; readonly bands: readonly TurnoverBand[] }
    | { readonly kind: 'outstanding-rate'; readonly rateBp: BasisPoints; readonly minimumPremiumCents: Cents }
  );

export type PremiumContext = {
  /** Chiffre d'affaires HT of the year. */
  readonly turnoverHtCents: Cents;
  /** Share of turnover sold on credit to businesses (the insurable part); 8000 = 80 %. */
  readonly creditShareBp: BasisPoints;
  /** Clients dénommés: buyers with a named limit, each charged a monitoring fee. */
  readonly namedBuyers: number;
  /** Month-end insured outstanding figures (ideally 12), for `outstanding-rate` offers. */
  readonly monthEndOutstandingCents?: readonly Cents[];
  /** Or their average, when the figures themselves are not known. */
  readonly averageMonthEndOutstandingCents?: Cents;
  /** The firm's own yearly losses on unpaid invoices; the seed default is used when absent. */
  readonly lossHistoryCents?: readonly Cents[];
  /** Gross margin rate, for break-even sales. */
  readonly marginBp?: BasisPoints;
};

export type PremiumEstimate = {
  readonly offerId: string;
  readonly kind: PremiumOffer['kind'];
  /** Premium before fees and top-ups; the base of the maximum liability. */
  readonly premiumBaseCents: Cents;
  /** True when the minimum premium, not the rate, set the base. */
  readonly isMinimumApplied: boolean;
  /** Turnover HT × credit share (turnover-rate offers). */
  readonly insurableTurnoverCents?: Cents;
  readonly monitoringFeesCents: Cents;
  readonly topUpPremiumsCents: Cents;
  readonly annualCents: Cents;
  readonly perMonthCents: Cents;
  readonly perDayCents: Cents;
  readonly maxLiabilityCents: Cents;
};

export type PremiumErrorReason = 'turnover-above-bands' | 'no-outstanding-figures';

export type PremiumEstimateResult =
  | { readonly ok: true; readonly estimate: PremiumEstimate }
  | { readonly ok: false; readonly reason: PremiumErrorReason; readonly message: LocalizedText };

function premiumBase(
  offer: PremiumOffer,
  context: PremiumContext,
):
  | {
      readonly ok: true;
      readonly cents: Cents;
      readonly isMinimumApplied: boolean;
      readonly insurable?: Cents;
    }
  | { readonly ok: false; readonly reason: PremiumErrorReason; readonly message: LocalizedText } {
  switch (offer.kind) {
    case 'turnover-rate': {
      const insurable = applyBp(context.turnoverHtCents, context.creditShareBp);
      const computed = applyBp(insurable, offer.rateBp);
      const isMinimumApplied = computed < offer.minimumPremiumCents;
      return {
        ok: true,
        cents: isMinimumApplied ? offer.minimumPremiumCents : computed,
        isMinimumApplied,
        insurable,
      };
    }
    case 'turnover-band': {
      const band = [...offer.bands]
        .sort((a, b) => (a.upToTurnoverCents ?? Infinity) - (b.upToTurnoverCents ?? Infinity))
        .find(
          (candidate) =>
            candidate.upToTurnoverCents === null || context.turnoverHtCents <= candidate.upToTurnoverCents,
        );
      if (band === undefined) {
        return {
          ok: false,
          reason: 'turnover-above-bands',
          message: {
            fr: "Le chiffre d'affaires dépasse la dernière tranche de cette offre forfaitaire : elle ne s'applique pas.",
            en: 'The turnover is above the last band of this flat-price offer: it does not apply.',
          },
        };
      }
      return { ok: true, cents: band.annualPriceCents, isMinimumApplied: false };
    }
    case 'outstanding-rate': {
      const figures =
        context.monthEndOutstandingCents !== undefined && context.monthEndOutstandingCents.length > 0
          ? context.monthEndOutstandingCents
          : context.averageMonthEndOutstandingCents !== undefined
            ? [context.averageMonthEndOutstandingCents]
            : [];
      if (figures.length === 0) {
        return {
          ok: false,
          reason: 'no-outstanding-figures',
          message: {
            fr: "Cette offre se calcule sur l'encours de fin de mois : saisissez les encours mensuels ou leur moyenne.",
            en: 'This offer is priced on month-end outstanding: enter the monthly figures or their average.',
          },
        };
      }
      // rate × (Σ figures ÷ n), one exact division.
      const computed = Number(
        roundHalfAwayFromZero(
          BigInt(sumCents(figures)) * BigInt(offer.rateBp),
          BigInt(figures.length) * 10_000n,
        ),
      );
      const isMinimumApplied = computed < offer.minimumPremiumCents;
      return { ok: true, cents: isMinimumApplied ? offer.minimumPremiumCents : computed, isMinimumApplied };
    }
  }
}

/** Top-up premium: limit × annual rate × months ÷ 12. */
export function topUpPremium(topUp: TopUp): Cents {
  if (!Number.isInteger(topUp.months) || topUp.months < 0 || topUp.months > 12) {
    throw new RangeError(`topUpPremium: months must be an integer from 0 to 12, got ${topUp.months}`);
  }
  return mulRatio(topUp.limitCents, topUp.rateBp * topUp.months, 10_000 * 12);
}

/** The yearly cost of one offer for one firm. */
export function estimatePremium(offer: PremiumOffer, context: PremiumContext): PremiumEstimateResult {
  const base = premiumBase(offer, context);
  if (!base.ok) return base;
  const monitoringFeesCents = (offer.monitoringFeePerBuyerCents ?? 0) * context.namedBuyers;
  const topUpPremiumsCents = sumCents((offer.topUps ?? []).map(topUpPremium));
  const annualCents = sumCents([base.cents, monitoringFeesCents, topUpPremiumsCents]);
  const estimate: PremiumEstimate = {
    offerId: offer.id,
    kind: offer.kind,
    premiumBaseCents: base.cents,
    isMinimumApplied: base.isMinimumApplied,
    ...(base.insurable === undefined ? {} : { insurableTurnoverCents: base.insurable }),
    monitoringFeesCents,
    topUpPremiumsCents,
    annualCents,
    perMonthCents: mulRatio(annualCents, 1, 12),
    perDayCents: mulRatio(annualCents, 1, 365),
    maxLiabilityCents: offer.maxLiabilityCents ?? mulRatio(base.cents, offer.maxLiabilityMultiple, 1),
  };
  return { ok: true, estimate };
}

/** The policy's own premium parameters as a turnover-rate offer. */
export function turnoverRateOfferFromPolicy(policy: Policy, id: string, label: LocalizedText): PremiumOffer {
  return {
    kind: 'turnover-rate',
    id,
    label,
    quotityBp: policy.namedQuotityBp,
    maxLiabilityMultiple: policy.maxLiabilityMultiple,
    monitoringFeePerBuyerCents: policy.monitoringFeePerBuyerCents,
    rateBp: policy.premiumRateBp,
    minimumPremiumCents: policy.minimumPremiumCents,
  };
}

/** Seed figures (domain.md §1): a TPE suffers about 7 unpaid invoices a year, 9 400 € lost on average. */
export const SEED_UNPAID_INVOICES_PER_YEAR = 7;
export const SEED_AVERAGE_LOSS_CENTS: Cents = 9_400_00;

export type ExpectedLoss = { readonly cents: Cents; readonly source: 'history' | 'seed' };

/** Average yearly loss from the firm's own history, else the seed 7 × 9 400 € = 65 800 €. */
export function expectedLossWithoutInsurance(lossHistoryCents?: readonly Cents[]): ExpectedLoss {
  if (lossHistoryCents === undefined || lossHistoryCents.length === 0) {
    return { cents: SEED_UNPAID_INVOICES_PER_YEAR * SEED_AVERAGE_LOSS_CENTS, source: 'seed' };
  }
  const average = roundHalfAwayFromZero(BigInt(sumCents(lossHistoryCents)), BigInt(lossHistoryCents.length));
  return { cents: Number(average), source: 'history' };
}

/** Extra sales needed to earn back a loss at a margin: loss ÷ margin (10 000 € at 5 % → 200 000 €). */
export function breakEvenExtraSales(lossCents: Cents, marginBp: BasisPoints): Cents {
  if (!Number.isSafeInteger(marginBp) || marginBp <= 0) {
    throw new RangeError(
      `breakEvenExtraSales: the margin must be a positive number of basis points, got ${marginBp}`,
    );
  }
  return mulRatio(lossCents, 10_000, marginBp);
}

export type OfferComparisonRow =
  | {
      readonly ok: true;
      readonly offerId: string;
      readonly label: LocalizedText;
      readonly estimate: PremiumEstimate;
      readonly quotityBp: BasisPoints;
      /** The expected loss the offer would pay: min(expected loss, maximum liability) × quotité. */
      readonly coveredExpectedLossCents: Cents;
      /** Annual cost − covered expected loss; negative when the expected indemnity exceeds the premium. */
      readonly netCostCents: Cents;
      /** Extra sales that would pay for the premium at the firm's margin, when the margin is known. */
      readonly premiumBreakEvenSalesCents?: Cents;
    }
  | {
      readonly ok: false;
      readonly offerId: string;
      readonly label: LocalizedText;
      readonly reason: PremiumErrorReason;
      readonly message: LocalizedText;
    };

export type OfferComparison = {
  readonly expectedLoss: ExpectedLoss;
  /** Extra sales needed to earn back the expected loss, when the margin is known. */
  readonly lossBreakEvenSalesCents?: Cents;
  /** One row per offer, in the order given. */
  readonly rows: readonly OfferComparisonRow[];
};

/**
 * Offers side by side against the expected loss without insurance. Simplification: the whole expected loss is
 * taken as insurable (no uncovered buyers, no deductible), which flatters every offer equally.
 */
export function compareOffers(offers: readonly PremiumOffer[], context: PremiumContext): OfferComparison {
  const expectedLoss = expectedLossWithoutInsurance(context.lossHistoryCents);
  const margin = context.marginBp;
  const rows = offers.map((offer): OfferComparisonRow => {
    const result = estimatePremium(offer, context);
    if (!result.ok) {
      return {
        ok: false,
        offerId: offer.id,
        label: offer.label,
        reason: result.reason,
        message: result.message,
      };
    }
    const { estimate } = result;
    const coveredExpectedLossCents = applyBp(
      Math.min(expectedLoss.cents, estimate.maxLiabilityCents),
      offer.quotityBp,
    );
    return {
      ok: true,
      offerId: offer.id,
      label: offer.label,
      estimate,
      quotityBp: offer.quotityBp,
      coveredExpectedLossCents,
      netCostCents: estimate.annualCents - coveredExpectedLossCents,
      ...(margin === undefined
        ? {}
        : { premiumBreakEvenSalesCents: breakEvenExtraSales(estimate.annualCents, margin) }),
    };
  });
  return {
    expectedLoss,
    ...(margin === undefined
      ? {}
      : { lossBreakEvenSalesCents: breakEvenExtraSales(expectedLoss.cents, margin) }),
    rows,
  };
}
