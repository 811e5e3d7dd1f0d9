/**
 * Aging (balance âgée) of a buyer's receivables as of a date: not yet due, 1–30, 31–60, 61–90 and > 90 days
 * past due, plus chart-ready series.
 *
 * Invariant (domain.md §4, property-tested): the lines ALWAYS sum to the open balance of `ledger.ts`.
 * Unapplied money (payments on account, unused credit notes) is not spread over the buckets: it is shown as
 * its own line, `unappliedCents`, which is ≤ 0, so that notDue + 1–30 + 31–60 + 61–90 + > 90 + unapplied =
 * Σ open TTC − unapplied = `openBalance`. Amounts are TTC (what the buyer owes).
 *
 * An item due on `asOf` itself is not yet past due (0 days late → "not due").
 *
 * Day counts use `dayNumber`, a pure integer conversion of an ISO date (days since 1970-01-01), because
 * aging runs over every open invoice of every buyer: parsing through date-fns there costs far more than the
 * arithmetic itself. It agrees with `dates.daysBetween` (property-tested).
 */
import { allocate } from './ledger';
import type { LedgerDocuments } from './ledger';
import type { Cents, IsoDate } from './types';

/**
 * Days since 1970-01-01 of an ISO date `YYYY-MM-DD` (proleptic Gregorian calendar). Throws a RangeError on
 * anything that is not a real calendar date.
 */
export function dayNumber(date: IsoDate): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) throw notIso(date);
  const y = digits(date, 0, 4);
  const m = digits(date, 5, 7);
  const d = digits(date, 8, 10);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) throw notIso(date);
  // Howard Hinnant's days_from_civil: exact integer arithmetic, no Date object.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The ISO date of a `dayNumber` (inverse of `dayNumber`). */
export function fromDayNumber(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

function notIso(date: string): RangeError {
  return new RangeError(`Not an ISO calendar date (YYYY-MM-DD): "${date}"`);
}

/** What aging needs of an open item (an `InvoiceAllocation` fits). */
export type AgingItem = { readonly dueDate: IsoDate; readonly openTtcCents: Cents };

export type AgingBucket = 'notDue' | 'days1To30' | 'days31To60' | 'days61To90' | 'over90';

export const AGING_BUCKETS: readonly AgingBucket[] = [
  'notDue',
  'days1To30',
  'days31To60',
  'days61To90',
  'over90',
];

export type Aging = {
  readonly asOf: IsoDate;
  readonly buckets: Readonly<Record<AgingBucket, Cents>>;
  /** Unapplied payments and credits as a line of their own, ≤ 0 (see the module header). */
  readonly unappliedCents: Cents;
  /** Σ buckets + unappliedCents = the open balance. */
  readonly totalCents: Cents;
};

/** The bucket of an item `daysPastDue` days late (≤ 0: not yet due). */
export function bucketOf(daysPastDue: number): AgingBucket {
  if (daysPastDue <= 0) return 'notDue';
  if (daysPastDue <= 30) return 'days1To30';
  if (daysPastDue <= 60) return 'days31To60';
  if (daysPastDue <= 90) return 'days61To90';
  return 'over90';
}

/**
 * Buckets open items as of `asOf`. `unappliedCents` (≥ 0, from `Allocation.unappliedCents`) is shown as a
 * negative line so that the total equals `openBalance`.
 */
export function agingAsOf(openItems: readonly AgingItem[], asOf: IsoDate, unappliedCents: Cents = 0): Aging {
  const today = dayNumber(asOf);
  const buckets: Record<AgingBucket, Cents> = {
    notDue: 0,
    days1To30: 0,
    days31To60: 0,
    days61To90: 0,
    over90: 0,
  };
  let total = 0;
  for (const item of openItems) {
    buckets[bucketOf(today - dayNumber(item.dueDate))] += item.openTtcCents;
    total += item.openTtcCents;
  }
  // `0 - x` rather than `-x`: never a -0 line (it would show as "-0,00 €").
  return { asOf, buckets, unappliedCents: 0 - unappliedCents, totalCents: total - unappliedCents };
}

/** Allocates the documents as of `asOf` and ages the result; `totalCents` equals `openBalance`. */
export function agingOfLedger(ledger: LedgerDocuments, asOf: IsoDate): Aging {
  const allocation = allocate(ledger, asOf);
  // Settled invoices (open 0) add nothing to any bucket, so all of them can be passed.
  return agingAsOf(allocation.invoices, asOf, allocation.unappliedCents);
}

/** One bar of an aging chart: an i18n label key and an amount in cents. */
export type AgingBar = {
  readonly key: AgingBucket | 'unapplied';
  readonly labelKey: string;
  readonly amountCents: Cents;
};

/** The bars of one aging (the unapplied line only when there is one). */
export function agingBars(aging: Aging): readonly AgingBar[] {
  const bars: AgingBar[] = AGING_BUCKETS.map((key) => ({
    key,
    labelKey: `aging.${key}`,
    amountCents: aging.buckets[key],
  }));
  if (aging.unappliedCents !== 0) {
    bars.push({ key: 'unapplied', labelKey: 'aging.unapplied', amountCents: aging.unappliedCents });
  }
  return bars;
}

/** One point of an aging-over-time chart: flat plain object, amounts in cents, `labelKey` for the legend. */
export type AgingPoint = { readonly date: IsoDate } & Readonly<
  Record<AgingBucket | 'unapplied' | 'total', Cents>
>;

export const MAX_CHART_POINTS = 600;

/**
 * Aging at each of `dates` (any order; output sorted, duplicates dropped), for a stacked chart. When there are
 * more dates than `maxPoints`, evenly spaced dates are kept, always including the first and the last, so a
 * series never exceeds the charts' budget (architecture §6: ≤ ~600 points).
 */
export function agingSeries(
  ledger: LedgerDocuments,
  dates: readonly IsoDate[],
  maxPoints: number = MAX_CHART_POINTS,
): readonly AgingPoint[] {
  const sorted = [...new Set(dates)].sort();
  const kept = downsample(sorted, Math.max(1, Math.floor(maxPoints)));
  return kept.map((date) => {
    const aging = agingOfLedger(ledger, date);
    return { date, ...aging.buckets, unapplied: aging.unappliedCents, total: aging.totalCents };
  });
}

function downsample<T>(items: readonly T[], maxPoints: number): readonly T[] {
  if (items.length <= maxPoints) return items;
  if (maxPoints === 1) return items.slice(-1);
  const kept: T[] = [];
  const step = (items.length - 1) / (maxPoints - 1);
  for (let i = 0; i < maxPoints; i += 1) {
    const item = items[Math.round(i * step)];
    if (item !== undefined) kept.push(item);
  }
  return kept;
}
