/**
 * fr-FR formatting for money, numbers and dates. French businesses read amounts as "1 234,56 €" and dates as
 * "25/11/2026" whatever the interface language, so the locale is fixed here rather than following i18next.
 */
import { toDate } from '../../shared/domain/dates';
import { formatCents } from '../../shared/domain/money';
import type { Cents, IsoDate } from '../../shared/domain/types';

export const FORMAT_LOCALE = 'fr-FR';

/** Money through the domain's exact formatter (no float division), always in the fr-FR format. */
export function formatMoney(cents: Cents, currency = 'EUR'): string {
  return formatCents(cents, { currency, locale: FORMAT_LOCALE });
}

const wholeEuroFormat = new Intl.NumberFormat(FORMAT_LOCALE, {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});
/**
 * Whole euros, for headline figures where cents are noise (« 1 557 299 € »): the cents are rounded half away
 * from zero in integers first, so the display never depends on float rounding. Tables keep `formatMoney`.
 */
export function formatMoneyWhole(cents: Cents): string {
  const euros = Math.sign(cents) * Math.floor((Math.abs(cents) + 50) / 100);
  return wholeEuroFormat.format(euros);
}

const numberFormat = new Intl.NumberFormat(FORMAT_LOCALE);
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

const percentFormat = new Intl.NumberFormat(FORMAT_LOCALE, { style: 'percent', maximumFractionDigits: 1 });
export function formatPercent(ratio: number): string {
  return percentFormat.format(ratio);
}

const dateFormat = new Intl.DateTimeFormat(FORMAT_LOCALE, {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
export function formatDate(date: IsoDate): string {
  return dateFormat.format(toDate(date));
}

const longDateFormat = new Intl.DateTimeFormat(FORMAT_LOCALE, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
export function formatLongDate(date: IsoDate): string {
  return longDateFormat.format(toDate(date));
}
