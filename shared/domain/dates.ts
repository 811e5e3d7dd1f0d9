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
  isValid,
  parse,
} from 'date-fns';
import type { IsoDate } from './types';

const ISO_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  if (!ISO_PATTERN.test(value)) return false;
  const parsed = parse(value, 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(parsed) && format(parsed, 'yyyy-MM-dd') === value;
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
