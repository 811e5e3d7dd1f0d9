/**
 * The limit request / decision form as plain data: the text the user typed → a `LimitDecision` to record,
 * or coded errors per field (the component picks the words). Rules:
 * - an amount granted is required for granted, partial, reduced and temporary limits; refused, cancelled
 *   and expired decisions stand at 0; a request records the amount asked for (`requestedCents`) and 0 in
 *   force (a pending request grants nothing);
 * - a partial grant needs the amount requested, above the amount granted;
 * - a temporary limit needs its end date; no end date may come before the effective date;
 * - a reduction or cancellation takes effect after the policy's notice (`limitReductionNoticeDays`): an
 *   earlier effective date is allowed (the insurer's letter is what counts) but flagged as a warning.
 * Amounts are typed the French way (« 25 000 », « 1 234,56 »); quotité in percent (« 90 »).
 */
import { addDays, isIsoDate } from '../../../shared/domain/dates';
import type { LimitDecision, LimitDecisionKind, LimitLayer } from '../../../shared/domain/model';
import { parseAmount } from '../../../shared/domain/money';
import type { Cents, IsoDate } from '../../../shared/domain/types';
import { formatNumber } from '../../lib/format';

export const LIMIT_KINDS: readonly LimitDecisionKind[] = [
  'requested',
  'granted',
  'partial',
  'refused',
  'reduced',
  'cancelled',
  'expired',
  'temporary',
];
export const LIMIT_LAYERS: readonly LimitLayer[] = ['named', 'discretionary', 'top-up'];

export type LimitFormValues = {
  buyerId: string;
  kind: LimitDecisionKind;
  layer: LimitLayer;
  requested: string;
  granted: string;
  decisionDate: string;
  effectiveDate: string;
  endDate: string;
  quotity: string;
  insurerReference: string;
};

export type LimitFormField = keyof LimitFormValues;

export type LimitFormError =
  'required' | 'amount' | 'date' | 'end-before-effective' | 'quotity' | 'partial-not-below-request';

export type LimitFormResult =
  | { readonly ok: true; readonly decision: LimitDecision }
  | { readonly ok: false; readonly errors: Partial<Record<LimitFormField, LimitFormError>> };

/** Kinds whose amount in force is typed by the user. */
export function needsGranted(kind: LimitDecisionKind): boolean {
  return kind === 'granted' || kind === 'partial' || kind === 'reduced' || kind === 'temporary';
}

export function needsRequested(kind: LimitDecisionKind): boolean {
  return kind === 'requested' || kind === 'partial';
}

/** Reductions and cancellations take effect after the policy's notice period. */
export function needsNotice(kind: LimitDecisionKind): boolean {
  return kind === 'reduced' || kind === 'cancelled';
}

/** The earliest effective date the policy's notice allows for a decision of `decisionDate`. */
export function noticeEffectiveDate(decisionDate: IsoDate, noticeDays: number): IsoDate {
  return addDays(decisionDate, noticeDays);
}

/** True when a reduction or cancellation takes effect before the notice period has run. */
export function isNoticeShort(values: LimitFormValues, noticeDays: number): boolean {
  if (!needsNotice(values.kind) || !isIsoDate(values.decisionDate) || !isIsoDate(values.effectiveDate))
    return false;
  return values.effectiveDate < noticeEffectiveDate(values.decisionDate, noticeDays);
}

/** Cents as the user would type them: « 65 000 » or « 1 234,56 ». */
export function amountInput(cents: Cents): string {
  const euros = formatNumber(Math.trunc(cents / 100));
  const rest = cents % 100;
  return rest === 0 ? euros : `${euros},${String(rest).padStart(2, '0')}`;
}

export function emptyLimitForm(today: IsoDate): LimitFormValues {
  return {
    buyerId: '',
    kind: 'granted',
    layer: 'named',
    requested: '',
    granted: '',
    decisionDate: today,
    effectiveDate: today,
    endDate: '',
    quotity: '',
    insurerReference: '',
  };
}

function amountOf(text: string): Cents | LimitFormError {
  if (text.trim() === '') return 'required';
  const parsed = parseAmount(text);
  return parsed.ok && parsed.cents >= 0 ? parsed.cents : 'amount';
}

export function toLimitDecision(values: LimitFormValues, id: string, currency: string): LimitFormResult {
  const errors: Partial<Record<LimitFormField, LimitFormError>> = {};
  if (values.buyerId === '') errors.buyerId = 'required';

  let requestedCents: Cents | undefined;
  if (needsRequested(values.kind) || values.requested.trim() !== '') {
    const requested = amountOf(values.requested);
    if (typeof requested === 'number') requestedCents = requested;
    else errors.requested = requested;
  }
  let amountCents: Cents = 0;
  if (needsGranted(values.kind)) {
    const granted = amountOf(values.granted);
    if (typeof granted === 'number') amountCents = granted;
    else errors.granted = granted;
  }
  if (
    values.kind === 'partial' &&
    requestedCents !== undefined &&
    errors.granted === undefined &&
    amountCents >= requestedCents
  )
    errors.granted = 'partial-not-below-request';

  if (!isIsoDate(values.decisionDate)) errors.decisionDate = values.decisionDate === '' ? 'required' : 'date';
  if (!isIsoDate(values.effectiveDate))
    errors.effectiveDate = values.effectiveDate === '' ? 'required' : 'date';
  const hasEnd = values.endDate !== '';
  if (values.kind === 'temporary' && !hasEnd) errors.endDate = 'required';
  else if (hasEnd && !isIsoDate(values.endDate)) errors.endDate = 'date';
  else if (hasEnd && errors.effectiveDate === undefined && values.endDate < values.effectiveDate)
    errors.endDate = 'end-before-effective';

  let quotityBp: number | undefined;
  if (values.quotity.trim() !== '') {
    const percent = parseAmount(values.quotity.replace('%', ''));
    if (!percent.ok || percent.cents < 0 || percent.cents > 100_00) errors.quotity = 'quotity';
    else quotityBp = percent.cents;
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const reference = values.insurerReference.trim();
  return {
    ok: true,
    decision: {
      id,
      buyerId: values.buyerId,
      layer: values.layer,
      kind: values.kind,
      decisionDate: values.decisionDate,
      effectiveDate: values.effectiveDate,
      amountCents,
      currency,
      ...(requestedCents === undefined ? {} : { requestedCents }),
      ...(hasEnd ? { endDate: values.endDate } : {}),
      ...(quotityBp === undefined ? {} : { quotityBp }),
      ...(reference === '' ? {} : { insurerReference: reference }),
    },
  };
}
