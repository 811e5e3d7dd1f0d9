/**
 * Policy parameters of domain.md §3, each with its default. Every number a rule uses comes from here:
 * real contracts differ, so nothing in the domain is a hard-coded constant.
 *
 * Percentages are basis points (9000 = 90 %); amounts are integer cents; periods are calendar days.
 */
import type { BasisPoints, Cents, Currency } from './types';

/** Base on which exposure is compared with the limit: HT (VAT excluded, default) or TTC. */
export type CoverBasis = 'HT' | 'TTC';

export type Policy = {
  readonly currency: Currency;
  /** Quotité garantie for named limits. */
  readonly namedQuotityBp: BasisPoints;
  /** Quotité for unnamed buyers (non-dénommés) and discretionary limits. */
  readonly unnamedQuotityBp: BasisPoints;
  /** Seuil de non-dénommé: exposure covered without a named limit. */
  readonly unnamedThresholdCents: Cents;
  /** Durée maximale de crédit, France. */
  readonly maxCreditTermsDays: number;
  /** Durée maximale de crédit, export. */
  readonly maxCreditTermsExportDays: number;
  /** Délai maximum de prorogation (MEP) after the due date. */
  readonly maxExtensionDays: number;
  /** DMS deadline after the end of the MEP. */
  readonly dmsDeadlineDays: number;
  /** DIC deadline after the DMS. */
  readonly dicDeadlineDays: number;
  /** Seuil d'intervention (TTC). */
  readonly claimThresholdCents: Cents;
  /** Délai de carence after the DIC for protracted default. */
  readonly waitingPeriodDays: number;
  /** Notice before a limit reduction takes effect. */
  readonly limitReductionNoticeDays: number;
  /** Limite de décaissement as a multiple of the annual premium. */
  readonly maxLiabilityMultiple: number;
  /** Premium rate on insurable turnover HT, in basis points (30 bp = 0.30 %). */
  readonly premiumRateBp: BasisPoints;
  readonly minimumPremiumCents: Cents;
  readonly monitoringFeePerBuyerCents: Cents;
  readonly coverBasis: CoverBasis;
  /** Franchise individuelle déduite, per claim. */
  readonly perClaimDeductibleCents: Cents;
  /** Franchise annuelle (aggregate deductible) per policy year. */
  readonly aggregateDeductibleCents: Cents;
  /** Alert thresholds on exposure ÷ limit. */
  readonly nearLimitAlertBp: BasisPoints;
  readonly overLimitAlertBp: BasisPoints;
  /** Include delivered-not-invoiced (418) and open orders in exposure. */
  readonly includeDeliveredNotInvoiced: boolean;
  readonly includeOpenOrders: boolean;
};

export const DEFAULT_POLICY: Policy = {
  currency: 'EUR',
  namedQuotityBp: 9000,
  unnamedQuotityBp: 7000,
  unnamedThresholdCents: 10_000_00,
  maxCreditTermsDays: 120,
  maxCreditTermsExportDays: 180,
  maxExtensionDays: 60,
  dmsDeadlineDays: 30,
  dicDeadlineDays: 60,
  claimThresholdCents: 300_00,
  waitingPeriodDays: 150,
  limitReductionNoticeDays: 30,
  maxLiabilityMultiple: 25,
  premiumRateBp: 30,
  minimumPremiumCents: 3_650_00,
  monitoringFeePerBuyerCents: 60_00,
  coverBasis: 'HT',
  perClaimDeductibleCents: 0,
  aggregateDeductibleCents: 0,
  nearLimitAlertBp: 8000,
  overLimitAlertBp: 10000,
  includeDeliveredNotInvoiced: false,
  includeOpenOrders: false,
};
