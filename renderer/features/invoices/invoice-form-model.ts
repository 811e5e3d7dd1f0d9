/**
 * The invoice, payment and credit-note forms as plain data: what the user typed (strings, French amounts
 * such as « 1 234,56 ») → the arguments of `recordInvoice` / `updateInvoice` / `recordPayment` /
 * `recordCreditNote`, or a coded error per field (the screen words it, naming the field, in fr or en).
 *
 * Amounts are read by the domain's `parseAmount` (never a float); the TTC proposed from an HT is the domain's
 * one rounding rule at 20 % VAT; the due date proposed comes from the buyer's payment terms (`dueDateOf`).
 */
import { isIsoDate } from '../../../shared/domain/dates';
import { applyBp, parseAmount } from '../../../shared/domain/money';
import { TERMS_WHEN_NOTHING_AGREED, dueDateOf } from '../../../shared/domain/payment-terms';
import type { Cents, IsoDate } from '../../../shared/domain/types';

export type FieldError = 'required' | 'amount' | 'positive' | 'date' | 'dueBeforeIssue' | 'htAboveTtc';

export type FormResult<F extends string, T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: Partial<Record<F, FieldError>> };

/** Standard French VAT rate, in basis points of the HT amount (100 % + 20 %). */
const TTC_OF_HT_BP = 12_000;

/** « 1 234,56 » for an input (no currency sign; regular spaces between groups, which `parseAmount` reads). */
export function centsToInput(cents: Cents): string {
  const magnitude = Math.abs(cents);
  const units = String(Math.trunc(magnitude / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${cents < 0 ? '-' : ''}${units},${String(magnitude % 100).padStart(2, '0')}`;
}

/** TTC at 20 % VAT of an HT typed by the user, as input text; empty when the HT is not readable. */
export function proposedTtc(htText: string): string {
  const parsed = parseAmount(htText);
  return parsed.ok && parsed.cents >= 0 ? centsToInput(applyBp(parsed.cents, TTC_OF_HT_BP)) : '';
}

/** The due date the buyer's terms give (net days), else 30 days after delivery (the legal default). */
export function proposedDueDate(
  issueDate: string,
  deliveryDate: string,
  paymentTermsDays: number | undefined,
): IsoDate {
  if (!isIsoDate(issueDate)) return '';
  const delivery = isIsoDate(deliveryDate) ? deliveryDate : undefined;
  const terms =
    paymentTermsDays === undefined
      ? TERMS_WHEN_NOTHING_AGREED
      : { kind: 'net' as const, days: paymentTermsDays };
  return dueDateOf(issueDate, terms, delivery);
}

function amountOf(text: string, isPositiveRequired: boolean): Cents | FieldError {
  if (text.trim() === '') return 'required';
  const parsed = parseAmount(text);
  if (!parsed.ok || parsed.cents < 0) return 'amount';
  if (isPositiveRequired && parsed.cents === 0) return 'positive';
  return parsed.cents;
}

/** The problem with a typed date, or null when it is a real ISO calendar date (what a date input gives). */
function dateError(text: string): FieldError | null {
  if (text.trim() === '') return 'required';
  return isIsoDate(text) ? null : 'date';
}

export type InvoiceFormValues = {
  buyerId: string;
  number: string;
  issueDate: string;
  deliveryDate: string;
  dueDate: string;
  amountHt: string;
  amountTtc: string;
  currency: string;
};

export type InvoiceFields = {
  readonly buyerId: string;
  readonly number: string;
  readonly issueDate: IsoDate;
  readonly deliveryDate?: IsoDate;
  readonly dueDate: IsoDate;
  readonly amountHtCents: Cents;
  readonly amountTtcCents: Cents;
  readonly currency: string;
};

export function toInvoiceFields(
  values: InvoiceFormValues,
): FormResult<keyof InvoiceFormValues, InvoiceFields> {
  const errors: Partial<Record<keyof InvoiceFormValues, FieldError>> = {};
  if (values.buyerId === '') errors.buyerId = 'required';
  if (values.number.trim() === '') errors.number = 'required';
  const issueError = dateError(values.issueDate);
  const dueError = dateError(values.dueDate);
  const deliveryError = values.deliveryDate === '' ? null : dateError(values.deliveryDate);
  const ht = amountOf(values.amountHt, false);
  const ttc = amountOf(values.amountTtc, false);
  if (issueError !== null) errors.issueDate = issueError;
  if (dueError !== null) errors.dueDate = dueError;
  else if (issueError === null && values.dueDate < values.issueDate) errors.dueDate = 'dueBeforeIssue';
  if (deliveryError !== null) errors.deliveryDate = deliveryError;
  if (typeof ht === 'string') errors.amountHt = ht;
  if (typeof ttc === 'string') errors.amountTtc = ttc;
  else if (typeof ht === 'number' && ht > ttc) errors.amountHt = 'htAboveTtc';
  if (Object.keys(errors).length > 0 || typeof ht !== 'number' || typeof ttc !== 'number') {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      buyerId: values.buyerId,
      number: values.number.trim(),
      issueDate: values.issueDate,
      ...(values.deliveryDate === '' ? {} : { deliveryDate: values.deliveryDate }),
      dueDate: values.dueDate,
      amountHtCents: ht,
      amountTtcCents: ttc,
      currency: values.currency,
    },
  };
}

export type PaymentFormValues = { amount: string; date: string };

export function toPayment(
  values: PaymentFormValues,
): FormResult<keyof PaymentFormValues, { amountCents: Cents; date: IsoDate }> {
  const amount = amountOf(values.amount, true);
  const dateProblem = dateError(values.date);
  const errors: Partial<Record<keyof PaymentFormValues, FieldError>> = {};
  if (typeof amount === 'string') errors.amount = amount;
  if (dateProblem !== null) errors.date = dateProblem;
  if (typeof amount === 'string' || dateProblem !== null) return { ok: false, errors };
  return { ok: true, value: { amountCents: amount, date: values.date } };
}

export type CreditNoteFormValues = { number: string; date: string; amountHt: string; amountTtc: string };

export function toCreditNote(
  values: CreditNoteFormValues,
): FormResult<
  keyof CreditNoteFormValues,
  { number: string; date: IsoDate; amountHtCents: Cents; amountTtcCents: Cents }
> {
  const errors: Partial<Record<keyof CreditNoteFormValues, FieldError>> = {};
  if (values.number.trim() === '') errors.number = 'required';
  const dateProblem = dateError(values.date);
  const ht = amountOf(values.amountHt, false);
  const ttc = amountOf(values.amountTtc, true);
  if (dateProblem !== null) errors.date = dateProblem;
  if (typeof ht === 'string') errors.amountHt = ht;
  if (typeof ttc === 'string') errors.amountTtc = ttc;
  else if (typeof ht === 'number' && ht > ttc) errors.amountHt = 'htAboveTtc';
  if (Object.keys(errors).length > 0 || typeof ht !== 'number' || typeof ttc !== 'number') {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: { number: values.number.trim(), date: values.date, amountHtCents: ht, amountTtcCents: ttc },
  };
}
