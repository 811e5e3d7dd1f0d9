/**
 * The policy form's model: which field goes in which group, in which unit it is typed (percent, euros, days,
 * a multiple), the conversion between what the user types and the stored policy (basis points, cents), and
 * the validation — the command's own zod schema (`policyFieldsSchema`) plus the bounds a person expects
 * (a percentage is at most 100 %, the « proche » threshold is below the « dépassement » one).
 *
 * Invariant: `toPolicy(toFormValues(p), p.currency)` gives `p` back for any valid policy (units convert exactly:
 * basis points and cents are hundredths).
 */
import { policyFieldsSchema } from '../../../shared/commands/entities';
import type { CoverBasis, Policy } from '../../../shared/domain/policy';

export type FieldUnit = 'percent' | 'money' | 'days' | 'multiple';
export type PolicyGroup = 'cover' | 'deadlines' | 'premium' | 'alerts';

export type NumericKey = {
  [K in keyof Policy]: Policy[K] extends number ? K : never;
}[keyof Policy];

export type PolicyField = {
  readonly key: NumericKey;
  readonly group: PolicyGroup;
  readonly unit: FieldUnit;
  /** Upper bound in the typed unit, when there is one a person would expect. */
  readonly max?: number;
};

export const POLICY_FIELDS: readonly PolicyField[] = [
  { key: 'namedQuotityBp', group: 'cover', unit: 'percent', max: 100 },
  { key: 'unnamedQuotityBp', group: 'cover', unit: 'percent', max: 100 },
  { key: 'unnamedThresholdCents', group: 'cover', unit: 'money' },
  { key: 'claimThresholdCents', group: 'cover', unit: 'money' },
  { key: 'perClaimDeductibleCents', group: 'cover', unit: 'money' },
  { key: 'aggregateDeductibleCents', group: 'cover', unit: 'money' },
  { key: 'maxLiabilityMultiple', group: 'cover', unit: 'multiple', max: 1000 },
  { key: 'maxCreditTermsDays', group: 'deadlines', unit: 'days', max: 3650 },
  { key: 'maxCreditTermsExportDays', group: 'deadlines', unit: 'days', max: 3650 },
  { key: 'maxExtensionDays', group: 'deadlines', unit: 'days', max: 3650 },
  { key: 'dmsDeadlineDays', group: 'deadlines', unit: 'days', max: 3650 },
  { key: 'dicDeadlineDays', group: 'deadlines', unit: 'days', max: 3650 },
  { key: 'waitingPeriodDays', group: 'deadlines', unit: 'days', max: 3650 },
  { key: 'limitReductionNoticeDays', group: 'deadlines', unit: 'days', max: 3650 },
  { key: 'premiumRateBp', group: 'premium', unit: 'percent', max: 100 },
  { key: 'minimumPremiumCents', group: 'premium', unit: 'money' },
  { key: 'monitoringFeePerBuyerCents', group: 'premium', unit: 'money' },
  { key: 'nearLimitAlertBp', group: 'alerts', unit: 'percent', max: 100 },
  { key: 'overLimitAlertBp', group: 'alerts', unit: 'percent', max: 200 },
];

export const POLICY_GROUPS: readonly PolicyGroup[] = ['cover', 'deadlines', 'premium', 'alerts'];

/** What the inputs hold: numbers in the typed unit (`''` while a field is empty). */
export type PolicyFormValues = {
  readonly numbers: Readonly<Record<NumericKey, number | string>>;
  readonly coverBasis: CoverBasis;
  readonly includeDeliveredNotInvoiced: boolean;
  readonly includeOpenOrders: boolean;
};

/** Stored → typed: basis points and cents are hundredths of the percent and the euro. */
function toTyped(unit: FieldUnit, stored: number): number {
  return unit === 'percent' || unit === 'money' ? stored / 100 : stored;
}

function toStored(unit: FieldUnit, typed: number): number {
  return unit === 'percent' || unit === 'money' ? Math.round(typed * 100) : typed;
}

export function toFormValues(policy: Policy): PolicyFormValues {
  const numbers: Record<NumericKey, number> = policyNumbers(policy);
  for (const field of POLICY_FIELDS) numbers[field.key] = toTyped(field.unit, policy[field.key]);
  return {
    numbers,
    coverBasis: policy.coverBasis,
    includeDeliveredNotInvoiced: policy.includeDeliveredNotInvoiced,
    includeOpenOrders: policy.includeOpenOrders,
  };
}

/** A fresh record of every numeric field of a policy, by key. */
function policyNumbers(policy: Policy): Record<NumericKey, number> {
  return {
    namedQuotityBp: policy.namedQuotityBp,
    unnamedQuotityBp: policy.unnamedQuotityBp,
    unnamedThresholdCents: policy.unnamedThresholdCents,
    maxCreditTermsDays: policy.maxCreditTermsDays,
    maxCreditTermsExportDays: policy.maxCreditTermsExportDays,
    maxExtensionDays: policy.maxExtensionDays,
    dmsDeadlineDays: policy.dmsDeadlineDays,
    dicDeadlineDays: policy.dicDeadlineDays,
    claimThresholdCents: policy.claimThresholdCents,
    waitingPeriodDays: policy.waitingPeriodDays,
    limitReductionNoticeDays: policy.limitReductionNoticeDays,
    maxLiabilityMultiple: policy.maxLiabilityMultiple,
    premiumRateBp: policy.premiumRateBp,
    minimumPremiumCents: policy.minimumPremiumCents,
    monitoringFeePerBuyerCents: policy.monitoringFeePerBuyerCents,
    perClaimDeductibleCents: policy.perClaimDeductibleCents,
    aggregateDeductibleCents: policy.aggregateDeductibleCents,
    nearLimitAlertBp: policy.nearLimitAlertBp,
    overLimitAlertBp: policy.overLimitAlertBp,
  };
}

/** Why a field is refused; the screen words it with the field's label. */
export type PolicyFieldError =
  | { readonly code: 'required' }
  | { readonly code: 'range'; readonly min: number; readonly max?: number }
  | { readonly code: 'whole-days' }
  | { readonly code: 'near-above-over' };

export type PolicyValidation =
  | { readonly ok: true; readonly policy: Policy }
  | { readonly ok: false; readonly errors: Partial<Record<NumericKey, PolicyFieldError>> };

export function validatePolicyForm(values: PolicyFormValues, currency: string): PolicyValidation {
  const errors: Partial<Record<NumericKey, PolicyFieldError>> = {};
  const numbers: Partial<Record<NumericKey, number>> = {};
  for (const field of POLICY_FIELDS) {
    const raw = values.numbers[field.key];
    const typed =
      typeof raw === 'number' ? raw : raw.trim() === '' ? Number.NaN : Number(raw.replace(',', '.'));
    if (Number.isNaN(typed)) errors[field.key] = { code: 'required' };
    else if (typed < 0 || (field.max !== undefined && typed > field.max))
      errors[field.key] = { code: 'range', min: 0, ...(field.max === undefined ? {} : { max: field.max }) };
    else if (field.unit === 'days' && !Number.isInteger(typed)) errors[field.key] = { code: 'whole-days' };
    else numbers[field.key] = toStored(field.unit, typed);
  }
  const near = numbers.nearLimitAlertBp;
  const over = numbers.overLimitAlertBp;
  if (near !== undefined && over !== undefined && near >= over)
    errors.nearLimitAlertBp = { code: 'near-above-over' };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = policyFieldsSchema.safeParse({
    currency,
    ...numbers,
    coverBasis: values.coverBasis,
    includeDeliveredNotInvoiced: values.includeDeliveredNotInvoiced,
    includeOpenOrders: values.includeOpenOrders,
  });
  if (parsed.success) return { ok: true, policy: parsed.data };
  // The schema's own bounds (kept as the last word): reported on the field it names.
  const schemaErrors: Partial<Record<NumericKey, PolicyFieldError>> = {};
  for (const issue of parsed.error.issues) {
    const field = POLICY_FIELDS.find((candidate) => candidate.key === issue.path[0]);
    if (field !== undefined)
      schemaErrors[field.key] = {
        code: 'range',
        min: 0,
        ...(field.max === undefined ? {} : { max: field.max }),
      };
  }
  return { ok: false, errors: schemaErrors };
}
