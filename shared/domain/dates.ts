/**
 * Calendar-date arithmetic on ISO dates (`YYYY-MM-DD`), through date-fns.
 *
 * Dates are parsed at local midnight and only ever moved by whole calendar days or months, so daylight-saving
 * changes cannot shift a deadline by a day; results are formatted back to ISO.
 */
import {
  addDays as addDaysFns,
  addMonths as addMonthsFns,
  differenceInCalendarDays,
  endOfMonth as endOfMonthFns,
  format,
  parse,
} from 'date-fns';
import type { IsoDate } from './types';

const ISO_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  // Hot path (every date of an import is checked): plain arithmetic instead of a date-fns round trip.
  if (!ISO_PATTERN.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInGregorianMonth(year, month);
}

function daysInGregorianMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Parses an ISO date; throws a RangeError naming the value when it is not one. */
export function toDate(value: IsoDate): Date {
  if (!isIsoDate(value)) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): "${value}"`);
  return parse(value, 'yyyy-MM-dd', new Date(2000, 0, 1));
}

export function fromDate(date: Date): IsoDate {
  return format(date, 'yyyy-MM-dd');
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDate(addDaysFns(toDate(date), days));
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  return fromDate(addMonthsFns(toDate(date), months));
}

export function endOfMonth(date: IsoDate): IsoDate {
  return fromDate(endOfMonthFns(toDate(date)));
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toDate(to), toDate(from));
}

/** ISO dates compare correctly as strings; these helpers say so in the code that uses them. */
export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return a < b;
}

export function isOnOrBefore(a: IsoDate, b: IsoDate): boolean {
  return a <= b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/** 2^22: every `isoDateKey` is below it, so two keys pack exactly into one number (key1 × 2^22 + key2). */
export const ISO_DATE_KEY_SPAN = 4_194_304;

/**
 * A small integer that orders exactly like the ISO date string itself — `(year × 12 + month − 1) × 31 +
 * day − 1`, always < `ISO_DATE_KEY_SPAN` — so that hot loops sort and compare numbers instead of strings.
 * Returns -1 when `date` is not written `YYYY-MM-DD` with a month 01–12 and a day 01–31 (the ranges where
 * the key is order-preserving); callers then fall back to comparing the strings. No calendar check: the key
 * only has to order like the text, and `2026-02-30` sorts between `2026-02-29` and `2026-03-01` either way.
 */
export function isoDateKey(date: IsoDate): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return -1;
  const year =
    digitsAt(date, 0) * 1000 + digitsAt(date, 1) * 100 + digitsAt(date, 2) * 10 + digitsAt(date, 3);
  const month = digitsAt(date, 5) * 10 + digitsAt(date, 6);
  const day = digitsAt(date, 8) * 10 + digitsAt(date, 9);
  // A non-digit gives a negative or oversized part (digitsAt returns -100 000 for it, more than any
  // other digits can make up): rejected below.
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return -1;
  return (year * 12 + month - 1) * 31 + day - 1;
}

function digitsAt(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -100_000;
}
