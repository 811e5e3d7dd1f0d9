/**
 * Déclaration de chiffre d'affaires: the insured's periodic duty of telling the insurer the insurable turnover
 * of a month or a quarter, split France / export by the buyer's country, with the premium it carries.
 *
 * Readings chosen here (domain.md §4 "Premium"):
 * - Insurable turnover of a period = Σ invoices HT issued in the period − Σ credit notes HT dated in the period,
 *   on the policy's currency. The ledger holds receivables only (sales on credit to businesses: cash sales never
 *   reach account 411), so every invoice counts; domain.md names no other exclusion. Disputed invoices are still
 *   turnover (their cover is suspended, not their declaration).
 * - Invoices and credit notes in another currency are left out and counted, never summed with euros.
 * - A buyer without a country is taken as French (the FEC carries no country; a French ledger's buyers are
 *   French unless the buyer record says otherwise). Country codes are compared upper-case; `FR` is France.
 * - Premium of the period = premium rate × insurable turnover of the period (never below 0: a period with more
 *   credit notes than sales owes nothing and carries no credit here).
 * - The minimum premium is a floor on the YEAR, not on a period: the periods are paid at the rate, and the
 *   insurer bills what is missing to the minimum at the yearly adjustment (régularisation). The policy year is
 *   taken as the calendar year; `minimumShortfallCents` is what would remain due if the year ended with the
 *   period.
 *
 * Invariants: Σ lines = totalCents = franceCents + exportCents = Σ byCountry[].insurableCents.
 */
import { isIsoDate, isOnOrBefore } from './dates';
import { applyBp, sumCents } from './money';
import type { BasisPoints, Cents, IsoDate } from './types';

export type DeclarationPeriodKind = 'month' | 'quarter';

/** A calendar month (index 1–12) or quarter (index 1–4). */
export type DeclarationPeriod = {
  readonly kind: DeclarationPeriodKind;
  readonly year: number;
  readonly index: number;
};

export type DateRange = { readonly start: IsoDate; readonly end: IsoDate };

const pad2 = (value: number): string => String(value).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** First and last day of a period, inclusive. */
export function periodRange(period: DeclarationPeriod): DateRange {
  const max = period.kind === 'month' ? 12 : 4;
  if (!Number.isInteger(period.index) || period.index < 1 || period.index > max) {
    throw new RangeError(`periodRange: a ${period.kind} index runs from 1 to ${max}, got ${period.index}`);
  }
  const firstMonth = period.kind === 'month' ? period.index : (period.index - 1) * 3 + 1;
  const lastMonth = period.kind === 'month' ? period.index : firstMonth + 2;
  return {
    start: `${period.year}-${pad2(firstMonth)}-01`,
    end: `${period.year}-${pad2(lastMonth)}-${pad2(lastDayOfMonth(period.year, lastMonth))}`,
  };
}

/** The last complete period before `today` (the one a declaration is usually due for). */
export function previousPeriod(kind: DeclarationPeriodKind, today: IsoDate): DeclarationPeriod {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (kind === 'month')
    return month === 1 ? { kind, year: year - 1, index: 12 } : { kind, year, index: month - 1 };
  const quarter = Math.ceil(month / 3);
  return quarter === 1 ? { kind, year: year - 1, index: 4 } : { kind, year, index: quarter - 1 };
}

export type DeclarationInvoice = {
  readonly id: string;
  readonly buyerId: string;
  readonly number: string;
  readonly issueDate: IsoDate;
  readonly amountHtCents: Cents;
  readonly currency: string;
};

export type DeclarationCreditNote = {
  readonly id: string;
  readonly buyerId: string;
  readonly number: string;
  readonly date: IsoDate;
  readonly amountHtCents: Cents;
  readonly currency: string;
};

export type DeclarationBuyer = { readonly name: string; readonly country?: string | undefined };

export type DeclarationZone = 'france' | 'export';

/** One document of the period; a credit note's amount is negative. */
export type DeclarationLine = {
  readonly kind: 'invoice' | 'credit-note';
  readonly id: string;
  readonly number: string;
  readonly date: IsoDate;
  readonly buyerId: string;
  readonly buyerName: string;
  readonly country: string;
  readonly zone: DeclarationZone;
  readonly amountHtCents: Cents;
};

export type CountryTotal = {
  readonly country: string;
  readonly zone: DeclarationZone;
  readonly invoiceCount: number;
  readonly creditNoteCount: number;
  readonly invoicesHtCents: Cents;
  /** Positive: what the credit notes take off. */
  readonly creditNotesHtCents: Cents;
  readonly insurableCents: Cents;
};

export type TurnoverDeclarationInput = {
  readonly range: DateRange;
  /** Every document from the start of the policy year to the end of the range (others are ignored). */
  readonly invoices: readonly DeclarationInvoice[];
  readonly creditNotes: readonly DeclarationCreditNote[];
  readonly buyers: ReadonlyMap<string, DeclarationBuyer>;
  readonly currency: string;
  readonly premiumRateBp: BasisPoints;
  readonly minimumPremiumCents: Cents;
};

export type TurnoverDeclaration = {
  readonly range: DateRange;
  /** Documents of the period, by date then number. */
  readonly lines: readonly DeclarationLine[];
  /** France first, then export countries by code. */
  readonly byCountry: readonly CountryTotal[];
  readonly franceCents: Cents;
  readonly exportCents: Cents;
  readonly totalCents: Cents;
  readonly premiumRateBp: BasisPoints;
  readonly premiumCents: Cents;
  /** From 1 January of the range's year to the end of the range. */
  readonly yearToDateInsurableCents: Cents;
  readonly yearToDatePremiumCents: Cents;
  readonly minimumPremiumCents: Cents;
  /** max(0, minimum premium − year-to-date premium): billed at the yearly adjustment if nothing more is sold. */
  readonly minimumShortfallCents: Cents;
  /** Documents of the period in another currency than the policy's, left out of every total. */
  readonly otherCurrencyCount: number;
};

export const FRANCE = 'FR';

/** The buyer's country code, upper-case; French when unknown. */
export function countryOf(buyer: DeclarationBuyer | undefined): string {
  const code = buyer?.country?.trim().toUpperCase();
  return code === undefined || code === '' ? FRANCE : code;
}

function premiumOf(insurableCents: Cents, rateBp: BasisPoints): Cents {
  return insurableCents <= 0 ? 0 : applyBp(insurableCents, rateBp);
}

function within(date: IsoDate, range: DateRange): boolean {
  return isIsoDate(date) && isOnOrBefore(range.start, date) && isOnOrBefore(date, range.end);
}

export function turnoverDeclaration(input: TurnoverDeclarationInput): TurnoverDeclaration {
  const { range } = input;
  const yearRange: DateRange = { start: `${range.start.slice(0, 4)}-01-01`, end: range.end };
  const lines: DeclarationLine[] = [];
  const yearToDate: Cents[] = [];
  let otherCurrencyCount = 0;

  const consider = (
    kind: DeclarationLine['kind'],
    doc: { id: string; buyerId: string; number: string; amountHtCents: Cents; currency: string },
    date: IsoDate,
  ): void => {
    const signed = kind === 'invoice' ? doc.amountHtCents : -doc.amountHtCents;
    const isInPeriod = within(date, range);
    if (doc.currency !== input.currency) {
      if (isInPeriod) otherCurrencyCount += 1;
      return;
    }
    if (within(date, yearRange)) yearToDate.push(signed);
    if (!isInPeriod) return;
    const buyer = input.buyers.get(doc.buyerId);
    const country = countryOf(buyer);
    lines.push({
      kind,
      id: doc.id,
      number: doc.number,
      date,
      buyerId: doc.buyerId,
      buyerName: buyer?.name ?? doc.buyerId,
      country,
      zone: country === FRANCE ? 'france' : 'export',
      amountHtCents: signed,
    });
  };
  for (const invoice of input.invoices) consider('invoice', invoice, invoice.issueDate);
  for (const note of input.creditNotes) consider('credit-note', note, note.date);

  lines.sort((a, b) =>
    a.date === b.date ? a.number.localeCompare(b.number, 'fr') : a.date < b.date ? -1 : 1,
  );

  const countries = new Map<string, { invoices: Cents[]; notes: Cents[]; zone: DeclarationZone }>();
  for (const line of lines) {
    const entry = countries.get(line.country) ?? { invoices: [], notes: [], zone: line.zone };
    if (line.kind === 'invoice') entry.invoices.push(line.amountHtCents);
    else entry.notes.push(-line.amountHtCents);
    countries.set(line.country, entry);
  }
  const byCountry = [...countries.entries()]
    .map(([country, entry]): CountryTotal => {
      const invoicesHtCents = sumCents(entry.invoices);
      const creditNotesHtCents = sumCents(entry.notes);
      return {
        country,
        zone: entry.zone,
        invoiceCount: entry.invoices.length,
        creditNoteCount: entry.notes.length,
        invoicesHtCents,
        creditNotesHtCents,
        insurableCents: invoicesHtCents - creditNotesHtCents,
      };
    })
    .sort((a, b) =>
      a.country === FRANCE ? -1 : b.country === FRANCE ? 1 : a.country.localeCompare(b.country),
    );

  const franceCents = sumCents(byCountry.filter((c) => c.zone === 'france').map((c) => c.insurableCents));
  const exportCents = sumCents(byCountry.filter((c) => c.zone === 'export').map((c) => c.insurableCents));
  const totalCents = franceCents + exportCents;
  const yearToDateInsurableCents = sumCents(yearToDate);
  const yearToDatePremiumCents = premiumOf(yearToDateInsurableCents, input.premiumRateBp);
  return {
    range,
    lines,
    byCountry,
    franceCents,
    exportCents,
    totalCents,
    premiumRateBp: input.premiumRateBp,
    premiumCents: premiumOf(totalCents, input.premiumRateBp),
    yearToDateInsurableCents,
    yearToDatePremiumCents,
    minimumPremiumCents: input.minimumPremiumCents,
    minimumShortfallCents: Math.max(0, input.minimumPremiumCents - yearToDatePremiumCents),
    otherCurrencyCount,
  };
}
