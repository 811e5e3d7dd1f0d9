/**
 * DSO (délai moyen de paiement clients, days sales outstanding) by the count-back method.
 *
 * Starting from the receivables open at `asOf`, walk back month by month through the monthly sales (TTC,
 * the same basis as receivables): while the balance left exceeds a month's sales, subtract them and add the
 * month's days; in the month where it is exhausted, add the fraction balance ÷ sales of that month's days.
 * The month of `asOf` counts only its days up to `asOf` (its sales are those to date); earlier months count
 * whole. A month absent from the sales counts as zero sales.
 *
 * When the history runs out before the balance is exhausted, the result is a lower bound (`isComplete`
 * false). DSO is a display figure (days with a fraction), not money, so it is a plain number.
 */
import { dayNumber, daysInMonth } from './aging';
import type { CreditNote, Invoice } from './model';
import type { Cents, IsoDate } from './types';

/** Sales of one calendar month, `month` written `YYYY-MM`. */
export type MonthlySales = { readonly month: string; readonly salesTtcCents: Cents };

export type Dso = {
  /** Days of sales the receivables represent. */
  readonly days: number;
  /** False when the sales history ended before the receivables were exhausted (days is then a minimum). */
  readonly isComplete: boolean;
  /** How many months were walked through (the last one partly). */
  readonly monthsUsed: number;
};

const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

function parseMonth(month: string): { year: number; month: number } {
  const match = MONTH_PATTERN.exec(month);
  const year = Number(match?.[1]);
  const monthNumber = Number(match?.[2]);
  if (match === null || monthNumber < 1 || monthNumber > 12) {
    throw new RangeError(`Not a month (YYYY-MM): "${month}"`);
  }
  return { year, month: monthNumber };
}

function monthKey(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** Count-back DSO of `receivablesCents` (open at `asOf`) over `monthlySales` (duplicate months are added). */
export function dsoCountBack(
  receivablesCents: Cents,
  monthlySales: readonly MonthlySales[],
  asOf: IsoDate,
): Dso {
  dayNumber(asOf); // validates asOf before it is sliced
  if (receivablesCents <= 0) return { days: 0, isComplete: true, monthsUsed: 0 };
  const sales = new Map<string, Cents>();
  let earliest: string | undefined;
  for (const entry of monthlySales) {
    parseMonth(entry.month);
    sales.set(entry.month, (sales.get(entry.month) ?? 0) + entry.salesTtcCents);
    if (earliest === undefined || entry.month < earliest) earliest = entry.month;
  }

  let year = Number(asOf.slice(0, 4));
  let month = Number(asOf.slice(5, 7));
  // The asOf month counts its days to date; every earlier month counts whole.
  let periodDays = Number(asOf.slice(8, 10));
  let left = receivablesCents;
  let days = 0;
  let monthsUsed = 0;
  while (earliest !== undefined && monthKey(year, month) >= earliest) {
    const monthSales = sales.get(monthKey(year, month)) ?? 0;
    monthsUsed += 1;
    if (monthSales > 0 && left <= monthSales) {
      return { days: days + (left / monthSales) * periodDays, isComplete: true, monthsUsed };
    }
    left -= Math.max(0, monthSales);
    days += periodDays;
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
    periodDays = daysInMonth(year, month);
  }
  return { days, isComplete: false, monthsUsed };
}

/**
 * Monthly TTC sales from invoices (by issue month) net of credit notes (by their month), sorted by month.
 * Only documents dated on or before `asOf` count.
 */
export function monthlySalesOf(
  invoices: readonly Invoice[],
  creditNotes: readonly CreditNote[],
  asOf: IsoDate,
): readonly MonthlySales[] {
  const totals = new Map<string, Cents>();
  for (const invoice of invoices) {
    if (invoice.issueDate > asOf) continue;
    const key = invoice.issueDate.slice(0, 7);
    totals.set(key, (totals.get(key) ?? 0) + invoice.amountTtcCents);
  }
  for (const note of creditNotes) {
    if (note.date > asOf) continue;
    const key = note.date.slice(0, 7);
    totals.set(key, (totals.get(key) ?? 0) - note.amountTtcCents);
  }
  return [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([month, salesTtcCents]) => ({ month, salesTtcCents }));
}
