/**
 * The figures of the letters, as plain data (no React): which invoices a letter names, how late each is on
 * the letter's date, and for a formal notice (mise en demeure) the late-payment penalties and the flat 40 €
 * recovery indemnity of each invoice, computed by the domain (`latePaymentPenalty`, L441-10 / D441-5).
 *
 * Invariants:
 * - A letter names only invoices still open on the letter date and past their due date; principal = what is
 *   still owed TTC (the penalty runs on the unpaid amount), never the invoice's original total.
 * - Days late and penalties are counted up to the LETTER date (a parameter; nothing reads a clock).
 * - A half-year whose ECB rate is not in the table gives no penalty (0) and is listed in `missingHalfYears`,
 *   so the screen asks for the rate rather than printing a guessed amount; the 40 € indemnity is owed anyway.
 */
import { addDays, daysBetween } from '../../../shared/domain/dates';
import { sumCents } from '../../../shared/domain/money';
import {
  REFERENCE_RATES,
  halfYearOf,
  latePaymentPenalty,
  mergeReferenceRates,
} from '../../../shared/domain/late-payment';
import type { HalfYear, PenaltyRate, ReferenceRateRow } from '../../../shared/domain/late-payment';
import type { BasisPoints, Cents, IsoDate } from '../../../shared/domain/types';

/** Days the buyer is given to pay after a formal notice (« sous huitaine »). */
export const FORMAL_NOTICE_DAYS = 8;

/** An invoice as a letter needs it. */
export type LetterInvoice = {
  readonly id: string;
  readonly number: string;
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly amountTtcCents: Cents;
  /** Still owed TTC on the letter date (after payments and credit notes). */
  readonly openTtcCents: Cents;
  readonly currency: string;
};

export type ReminderLine = { readonly invoice: LetterInvoice; readonly daysLate: number };

export type ReminderFigures = {
  readonly lines: readonly ReminderLine[];
  readonly totalOpenCents: Cents;
};

/** Open and past due on `letterDate`, the oldest due date first (then by number). */
function overdueOn(invoices: readonly LetterInvoice[], letterDate: IsoDate): ReminderLine[] {
  return invoices
    .map((invoice) => ({ invoice, daysLate: daysBetween(invoice.dueDate, letterDate) }))
    .filter((line) => line.invoice.openTtcCents > 0 && line.daysLate > 0)
    .sort(
      (a, b) =>
        a.invoice.dueDate.localeCompare(b.invoice.dueDate) ||
        a.invoice.number.localeCompare(b.invoice.number),
    );
}

/** The relance amiable: the overdue invoices and what is still owed on them. */
export function reminderFigures(invoices: readonly LetterInvoice[], letterDate: IsoDate): ReminderFigures {
  const lines = overdueOn(invoices, letterDate);
  return { lines, totalOpenCents: sumCents(lines.map((line) => line.invoice.openTtcCents)) };
}

export type NoticeLine = {
  readonly invoice: LetterInvoice;
  readonly daysLate: number;
  /** The rate applied; absent when the half-year's ECB rate is unknown (penalty 0). */
  readonly rate?: PenaltyRate;
  readonly penaltyCents: Cents;
  readonly indemnityCents: Cents;
  /** Principal + penalty + indemnity. */
  readonly totalCents: Cents;
};

export type FormalNoticeFigures = {
  readonly lines: readonly NoticeLine[];
  readonly principalCents: Cents;
  readonly penaltyCents: Cents;
  readonly indemnityCents: Cents;
  readonly totalCents: Cents;
  /** Pay by this date: the letter date + FORMAL_NOTICE_DAYS. */
  readonly deadline: IsoDate;
  /** Half-years whose ECB rate is needed and not known: their penalties are left out. */
  readonly missingHalfYears: readonly HalfYear[];
};

export type FormalNoticeInput = {
  readonly invoices: readonly LetterInvoice[];
  readonly letterDate: IsoDate;
  /** Defaults to REFERENCE_RATES. */
  readonly rates?: readonly ReferenceRateRow[];
  /** Rate agreed in the general terms of sale, if any. */
  readonly contractualRateBp?: BasisPoints;
};

export function formalNoticeFigures(input: FormalNoticeInput): FormalNoticeFigures {
  const missing = new Set<HalfYear>();
  const lines = overdueOn(input.invoices, input.letterDate).map((line): NoticeLine => {
    const result = latePaymentPenalty({
      amountTtcCents: line.invoice.openTtcCents,
      dueDate: line.invoice.dueDate,
      asOf: input.letterDate,
      ...(input.rates === undefined ? {} : { rates: input.rates }),
      ...(input.contractualRateBp === undefined ? {} : { contractualRateBp: input.contractualRateBp }),
    });
    const principal = line.invoice.openTtcCents;
    switch (result.status) {
      case 'late':
        return {
          ...line,
          rate: result.rate,
          penaltyCents: result.penaltyCents,
          indemnityCents: result.recoveryIndemnityCents,
          totalCents: principal + result.totalCents,
        };
      case 'rate-unknown':
        missing.add(result.halfYear);
        return {
          ...line,
          penaltyCents: 0,
          indemnityCents: result.recoveryIndemnityCents,
          totalCents: principal + result.recoveryIndemnityCents,
        };
      case 'on-time':
        // Unreachable (the line is past due); answered for the exhaustive switch.
        return { ...line, penaltyCents: 0, indemnityCents: 0, totalCents: principal };
    }
  });
  return {
    lines,
    principalCents: sumCents(lines.map((line) => line.invoice.openTtcCents)),
    penaltyCents: sumCents(lines.map((line) => line.penaltyCents)),
    indemnityCents: sumCents(lines.map((line) => line.indemnityCents)),
    totalCents: sumCents(lines.map((line) => line.totalCents)),
    deadline: addDays(input.letterDate, FORMAL_NOTICE_DAYS),
    missingHalfYears: [...missing].sort(),
  };
}

/** The half-years whose ECB rate a formal notice on `letterDate` needs and `rates` lacks. */
export function missingRateHalfYears(
  invoices: readonly LetterInvoice[],
  letterDate: IsoDate,
  rates: readonly ReferenceRateRow[] = REFERENCE_RATES,
): HalfYear[] {
  const known = new Set(rates.map((row) => row.halfYear));
  const needed = new Set(overdueOn(invoices, letterDate).map((line) => halfYearOf(line.invoice.dueDate)));
  return [...needed].filter((halfYear) => !known.has(halfYear)).sort();
}

/** The most recent row of the table: what the screen proposes (to be checked) for a missing half-year. */
export function latestReferenceRate(rates: readonly ReferenceRateRow[] = REFERENCE_RATES): ReferenceRateRow {
  const sorted = mergeReferenceRates([], rates);
  const latest = sorted[sorted.length - 1];
  if (latest === undefined) throw new RangeError('latestReferenceRate: empty rate table');
  return latest;
}

/** REFERENCE_RATES with the ECB rates the user typed for missing half-years (no legal rate: not needed). */
export function ratesWithOverrides(
  overrides: ReadonlyMap<HalfYear, BasisPoints>,
  base: readonly ReferenceRateRow[] = REFERENCE_RATES,
): ReferenceRateRow[] {
  return mergeReferenceRates(
    base,
    [...overrides].map(([halfYear, ecbRateBp]) => ({ halfYear, ecbRateBp })),
  );
}
