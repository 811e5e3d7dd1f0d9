/**
 * The simulator's model: what the form holds (amounts in euros, rates in percent, as a person types them), its
 * zod schema (the form's validation and the check of a stored scenario), and the conversion to the domain's
 * `PremiumContext` and `PremiumOffer`s (cents, basis points). Every figure shown is computed by
 * shared/domain/premium.ts from what this module hands it.
 *
 * Error messages in the schema are i18n keys; the screen translates them.
 *
 * Invariant: euros and percents convert to cents and basis points by one rounding to the hundredth, so what is
 * typed with at most two decimals is kept exactly.
 */
import { z } from 'zod';
import { parseAmount } from '../../../shared/domain/money';
import type { Policy } from '../../../shared/domain/policy';
import { policyFromPreset, type PolicyPreset } from '../../../shared/domain/policy-presets';
import type { OfferComparison, PremiumContext, PremiumOffer } from '../../../shared/domain/premium';
import type { Cents } from '../../../shared/domain/types';

export const OFFER_KINDS = ['turnover-rate', 'turnover-band', 'outstanding-rate'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];
export const MAX_OFFERS = 3;
export const OFFER_LETTERS = ['A', 'B', 'C'] as const;

const required = { error: 'premium.errors.required' };
const amount = z
  .number(required)
  .min(0, { error: 'premium.errors.negative' })
  .max(10_000_000_000, { error: 'premium.errors.tooLarge' });
const optionalAmount = z.union([z.literal(''), amount]);
const percent = z
  .number(required)
  .min(0, { error: 'premium.errors.percent' })
  .max(100, { error: 'premium.errors.percent' });
const count = z
  .number(required)
  .int({ error: 'premium.errors.whole' })
  .min(0, { error: 'premium.errors.negative' })
  .max(1_000_000, { error: 'premium.errors.tooLarge' });

export const bandSchema = z.object({ upTo: optionalAmount, price: amount });

export const offerSchema = z
  .object({
    id: z.string().min(1),
    label: z.string().trim().min(1, { error: 'premium.errors.label' }).max(120),
    kind: z.enum(OFFER_KINDS),
    ratePercent: z.union([z.literal(''), percent]),
    minimumPremium: optionalAmount,
    monitoringFee: optionalAmount,
    maxLiabilityMultiple: z
      .number(required)
      .min(0, { error: 'premium.errors.negative' })
      .max(1000, { error: 'premium.errors.tooLarge' }),
    quotityPercent: percent,
    deductible: optionalAmount,
    bands: z.array(bandSchema).max(8),
  })
  .superRefine((offer, context) => {
    if (offer.kind !== 'turnover-band' && offer.ratePercent === '') {
      context.addIssue({ code: 'custom', path: ['ratePercent'], message: 'premium.errors.required' });
    }
    if (offer.kind === 'turnover-band' && offer.bands.length === 0) {
      context.addIssue({ code: 'custom', path: ['bands'], message: 'premium.errors.noBand' });
    }
  });
export type OfferValues = z.infer<typeof offerSchema>;

/** Losses typed as « 9 400 ; 12 000 », French amounts separated by semicolons or new lines. */
export function parseLossHistory(text: string): Cents[] | null {
  const parts = text
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const cents: Cents[] = [];
  for (const part of parts) {
    const parsed = parseAmount(part);
    if (!parsed.ok || parsed.cents < 0) return null;
    cents.push(parsed.cents);
  }
  return cents;
}

export const simulationSchema = z
  .object({
    turnover: amount,
    creditSharePercent: percent,
    exportSharePercent: percent,
    sector: z.string().max(2),
    buyers: count,
    namedBuyers: count,
    averageOutstanding: optionalAmount,
    marginPercent: z.union([
      z.literal(''),
      z
        .number(required)
        .gt(0, { error: 'premium.errors.margin' })
        .max(100, { error: 'premium.errors.margin' }),
    ]),
    lossHistory: z
      .string()
      .max(500)
      .refine((text) => parseLossHistory(text) !== null, { error: 'premium.errors.lossHistory' }),
    offers: z.array(offerSchema).min(1).max(MAX_OFFERS),
  })
  .refine((values) => values.namedBuyers <= values.buyers, {
    path: ['namedBuyers'],
    error: 'premium.errors.namedAboveBuyers',
  });
export type SimulationValues = z.infer<typeof simulationSchema>;

/** The form's values before the user types: what a stored value that fails the schema cannot be. */
export type SimulationDraft = {
  [K in keyof SimulationValues]: K extends 'offers' ? OfferValues[] : SimulationValues[K] | '';
};

export function parseScenarioValues(value: unknown): SimulationValues | null {
  const parsed = simulationSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const toCents = (euros: number): Cents => Math.round(euros * 100);
const toBp = (percentValue: number): number => Math.round(percentValue * 100);
const centsOrZero = (value: number | ''): Cents => (value === '' ? 0 : toCents(value));

export function toPremiumContext(values: SimulationValues): PremiumContext {
  const losses = parseLossHistory(values.lossHistory) ?? [];
  return {
    turnoverHtCents: toCents(values.turnover),
    creditShareBp: toBp(values.creditSharePercent),
    namedBuyers: values.namedBuyers,
    ...(values.averageOutstanding === ''
      ? {}
      : { averageMonthEndOutstandingCents: toCents(values.averageOutstanding) }),
    ...(losses.length === 0 ? {} : { lossHistoryCents: losses }),
    ...(values.marginPercent === '' ? {} : { marginBp: toBp(values.marginPercent) }),
  };
}

export function toPremiumOffer(offer: OfferValues): PremiumOffer {
  const common = {
    id: offer.id,
    label: { fr: offer.label, en: offer.label },
    quotityBp: toBp(offer.quotityPercent),
    maxLiabilityMultiple: offer.maxLiabilityMultiple,
    monitoringFeePerBuyerCents: centsOrZero(offer.monitoringFee),
  };
  const rateBp = offer.ratePercent === '' ? 0 : toBp(offer.ratePercent);
  switch (offer.kind) {
    case 'turnover-rate':
      return {
        ...common,
        kind: 'turnover-rate',
        rateBp,
        minimumPremiumCents: centsOrZero(offer.minimumPremium),
      };
    case 'outstanding-rate':
      return {
        ...common,
        kind: 'outstanding-rate',
        rateBp,
        minimumPremiumCents: centsOrZero(offer.minimumPremium),
      };
    case 'turnover-band':
      return {
        ...common,
        kind: 'turnover-band',
        bands: offer.bands.map((band) => ({
          upToTurnoverCents: band.upTo === '' ? null : toCents(band.upTo),
          annualPriceCents: toCents(band.price),
        })),
      };
  }
}

const toEuros = (cents: Cents): number => cents / 100;
const toPercent = (bp: number): number => bp / 100;

/** Offer values from a domain offer (a preset's, or the policy's), with the deductible of its policy. */
export function offerValuesFrom(
  offer: PremiumOffer,
  id: string,
  label: string,
  perClaimDeductibleCents: Cents,
): OfferValues {
  return {
    id,
    label,
    kind: offer.kind,
    ratePercent: offer.kind === 'turnover-band' ? '' : toPercent(offer.rateBp),
    minimumPremium: offer.kind === 'turnover-band' ? '' : toEuros(offer.minimumPremiumCents),
    monitoringFee: toEuros(offer.monitoringFeePerBuyerCents ?? 0),
    maxLiabilityMultiple: offer.maxLiabilityMultiple,
    quotityPercent: toPercent(offer.quotityBp),
    deductible: toEuros(perClaimDeductibleCents),
    bands:
      offer.kind === 'turnover-band'
        ? offer.bands.map((band) => ({
            upTo: band.upToTurnoverCents === null ? '' : toEuros(band.upToTurnoverCents),
            price: toEuros(band.annualPriceCents),
          }))
        : [],
  };
}

export function offerValuesFromPreset(preset: PolicyPreset, id: string, label: string): OfferValues {
  return offerValuesFrom(preset.offer, id, label, policyFromPreset(preset).perClaimDeductibleCents);
}

export function offerValuesFromPolicy(policy: Policy, id: string, label: string): OfferValues {
  return offerValuesFrom(
    {
      kind: 'turnover-rate',
      id,
      label: { fr: label, en: label },
      quotityBp: policy.namedQuotityBp,
      maxLiabilityMultiple: policy.maxLiabilityMultiple,
      monitoringFeePerBuyerCents: policy.monitoringFeePerBuyerCents,
      rateBp: policy.premiumRateBp,
      minimumPremiumCents: policy.minimumPremiumCents,
    },
    id,
    label,
    policy.perClaimDeductibleCents,
  );
}

/**
 * The offer to recommend: the lowest net cost (annual cost − the expected loss it would pay), the annual cost
 * breaking ties. `undefined` when no offer applies.
 */
export function bestOfferId(comparison: OfferComparison): string | undefined {
  let best: { id: string; net: Cents; annual: Cents } | undefined;
  for (const row of comparison.rows) {
    if (!row.ok) continue;
    const candidate = { id: row.offerId, net: row.netCostCents, annual: row.estimate.annualCents };
    if (
      best === undefined ||
      candidate.net < best.net ||
      (candidate.net === best.net && candidate.annual < best.annual)
    ) {
      best = candidate;
    }
  }
  return best?.id;
}

export type ComparisonPoint = {
  readonly offer: string;
  /** Whole euros: the chart's axis, not an amount anyone adds up. */
  readonly annualCost: number;
  readonly coveredLoss: number;
};

/** The chart's series: per applicable offer, its annual cost beside the expected loss it would pay. */
export function comparisonSeries(
  comparison: OfferComparison,
  labelOf: (offerId: string) => string,
): ComparisonPoint[] {
  return comparison.rows.flatMap((row) =>
    row.ok
      ? [
          {
            offer: labelOf(row.offerId),
            annualCost: Math.round(row.estimate.annualCents / 100),
            coveredLoss: Math.round(row.coveredExpectedLossCents / 100),
          },
        ]
      : [],
  );
}

/** NAF rev. 2 sections (the sector list), code → French and English labels. */
export const NAF_SECTIONS: readonly { readonly code: string; readonly fr: string; readonly en: string }[] = [
  { code: 'A', fr: 'Agriculture, sylviculture et pêche', en: 'Agriculture, forestry and fishing' },
  { code: 'B', fr: 'Industries extractives', en: 'Mining and quarrying' },
  { code: 'C', fr: 'Industrie manufacturière', en: 'Manufacturing' },
  {
    code: 'D',
    fr: "Production et distribution d'électricité, de gaz, de vapeur",
    en: 'Electricity, gas and steam supply',
  },
  {
    code: 'E',
    fr: "Production et distribution d'eau ; déchets, dépollution",
    en: 'Water supply; waste management',
  },
  { code: 'F', fr: 'Construction', en: 'Construction' },
  {
    code: 'G',
    fr: "Commerce ; réparation d'automobiles et de motocycles",
    en: 'Wholesale and retail trade; repair of vehicles',
  },
  { code: 'H', fr: 'Transports et entreposage', en: 'Transportation and storage' },
  { code: 'I', fr: 'Hébergement et restauration', en: 'Accommodation and food services' },
  { code: 'J', fr: 'Information et communication', en: 'Information and communication' },
  { code: 'K', fr: "Activités financières et d'assurance", en: 'Financial and insurance activities' },
  { code: 'L', fr: 'Activités immobilières', en: 'Real estate activities' },
  {
    code: 'M',
    fr: 'Activités spécialisées, scientifiques et techniques',
    en: 'Professional, scientific and technical activities',
  },
  {
    code: 'N',
    fr: 'Activités de services administratifs et de soutien',
    en: 'Administrative and support services',
  },
  { code: 'O', fr: 'Administration publique', en: 'Public administration' },
  { code: 'P', fr: 'Enseignement', en: 'Education' },
  { code: 'Q', fr: 'Santé humaine et action sociale', en: 'Human health and social work' },
  { code: 'R', fr: 'Arts, spectacles et activités récréatives', en: 'Arts, entertainment and recreation' },
  { code: 'S', fr: 'Autres activités de services', en: 'Other service activities' },
  {
    code: 'T',
    fr: 'Activités des ménages en tant qu’employeurs',
    en: 'Activities of households as employers',
  },
  { code: 'U', fr: 'Activités extra-territoriales', en: 'Extraterritorial organisations' },
];
