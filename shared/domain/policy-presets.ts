/**
 * Insurer-profile presets a broker compares side by side: each is a partial override of DEFAULT_POLICY plus the
 * premium offer that goes with it. Profiles are generic on purpose — no insurer's name, no contractual offer:
 * each carries a disclaimer saying the values are typical, within the ranges of domain.md §3.
 *
 * Invariant: an offer's quotité and maximum-liability multiple are read from the preset's own merged policy, so
 * the policy and its offer cannot disagree.
 */
import type { LocalizedText } from './types';
import { DEFAULT_POLICY, type Policy } from './policy';
import { turnoverRateOfferFromPolicy, type PremiumOffer } from './premium';

export type PolicyPreset = {
  readonly id: string;
  readonly label: LocalizedText;
  readonly description: LocalizedText;
  readonly disclaimer: LocalizedText;
  /** What differs from DEFAULT_POLICY. */
  readonly policy: Partial<Policy>;
  readonly offer: PremiumOffer;
};

export const PRESET_DISCLAIMER: LocalizedText = {
  fr: 'Valeurs typiques, non contractuelles : seules les conditions particulières de votre contrat font foi.',
  en: 'Typical values, not contractual: only the specific terms of your policy are binding.',
};

/** DEFAULT_POLICY with a preset's overrides applied. */
export function policyFromPreset(preset: PolicyPreset): Policy {
  return { ...DEFAULT_POLICY, ...preset.policy };
}

type PresetDraft = Omit<PolicyPreset, 'offer' | 'disclaimer'>;

function withTurnoverRateOffer(draft: PresetDraft): PolicyPreset {
  const policy = { ...DEFAULT_POLICY, ...draft.policy };
  return {
    ...draft,
    disclaimer: PRESET_DISCLAIMER,
    offer: turnoverRateOfferFromPolicy(policy, draft.id, draft.label),
  };
}

function withOffer(
  draft: PresetDraft,
  pricing:
    | {
        readonly kind: 'turnover-band';
        readonly bands: Extract<PremiumOffer, { kind: 'turnover-band' }>['bands'];
      }
    | { readonly kind: 'outstanding-rate'; readonly rateBp: number },
): PolicyPreset {
  const policy = { ...DEFAULT_POLICY, ...draft.policy };
  const common = {
    id: draft.id,
    label: draft.label,
    quotityBp: policy.namedQuotityBp,
    maxLiabilityMultiple: policy.maxLiabilityMultiple,
    monitoringFeePerBuyerCents: policy.monitoringFeePerBuyerCents,
  };
  const offer: PremiumOffer =
    pricing.kind === 'turnover-band'
      ? { ...common, kind: 'turnover-band', bands: pricing.bands }
      : {
          ...common,
          kind: 'outstanding-rate',
          rateBp: pricing.rateBp,
          minimumPremiumCents: policy.minimumPremiumCents,
        };
  return { ...draft, disclaimer: PRESET_DISCLAIMER, offer };
}

export const POLICY_PRESETS: readonly PolicyPreset[] = [
  withTurnoverRateOffer({
    id: 'sme-major-insurer',
    label: { fr: 'Profil grand assureur — PME', en: 'Major insurer profile — SME' },
    description: {
      fr: "Police globale sur le chiffre d'affaires assurable : 0,30 % avec une prime minimale de 3 650 €, frais de surveillance par client dénommé, quotité 90 %.",
      en: 'Whole-turnover policy: 0.30 % of insurable turnover with a 3,650 € minimum premium, a monitoring fee per named buyer, 90 % insured.',
    },
    policy: {},
  }),
  withOffer(
    {
      id: 'micro-flat-fee',
      label: { fr: 'Profil TPE forfaitaire', en: 'Micro-business flat-fee profile' },
      description: {
        fr: "Prix annuel fixe par tranche de chiffre d'affaires, surveillance incluse, quotité 85 %, seuil de non-dénommé 5 000 €, délais plus courts.",
        en: 'Fixed yearly price by turnover band, monitoring included, 85 % insured, 5,000 € unnamed threshold, shorter deadlines.',
      },
      policy: {
        namedQuotityBp: 8500,
        unnamedQuotityBp: 6500,
        unnamedThresholdCents: 5_000_00,
        maxCreditTermsDays: 90,
        maxExtensionDays: 30,
        monitoringFeePerBuyerCents: 0,
        maxLiabilityMultiple: 20,
      },
    },
    {
      kind: 'turnover-band',
      bands: [
        { upToTurnoverCents: 250_000_00, annualPriceCents: 900_00 },
        { upToTurnoverCents: 500_000_00, annualPriceCents: 1_400_00 },
        { upToTurnoverCents: 1_000_000_00, annualPriceCents: 2_200_00 },
        { upToTurnoverCents: 2_000_000_00, annualPriceCents: 3_300_00 },
      ],
    },
  ),
  withTurnoverRateOffer({
    id: 'export',
    label: { fr: 'Profil export', en: 'Export profile' },
    description: {
      fr: 'Acheteurs hors de France : durée de crédit jusqu’à 180 jours, prorogation 90 jours, carence 180 jours, taux 0,45 %, prime minimale 5 000 €.',
      en: 'Buyers outside France: credit terms up to 180 days, 90-day extension, 180-day waiting period, 0.45 % rate, 5,000 € minimum premium.',
    },
    policy: {
      maxCreditTermsExportDays: 180,
      maxExtensionDays: 90,
      waitingPeriodDays: 180,
      premiumRateBp: 45,
      minimumPremiumCents: 5_000_00,
      monitoringFeePerBuyerCents: 90_00,
      maxLiabilityMultiple: 30,
    },
  }),
  withOffer(
    {
      id: 'outstanding-based',
      label: { fr: 'Profil tarif sur encours', en: 'Outstanding-based pricing profile' },
      description: {
        fr: "Prime de 0,60 % par an sur l'encours assuré moyen de fin de mois, prime minimale 3 000 €, quotité 90 %.",
        en: 'Premium of 0.60 % a year on the average month-end insured outstanding, 3,000 € minimum premium, 90 % insured.',
      },
      policy: { minimumPremiumCents: 3_000_00 },
    },
    { kind: 'outstanding-rate', rateBp: 60 },
  ),
];

export function findPreset(id: string): PolicyPreset | undefined {
  return POLICY_PRESETS.find((preset) => preset.id === id);
}
