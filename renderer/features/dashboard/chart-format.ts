/**
 * Short French axis labels for the dashboard's charts: amounts as « 12 k€ » / « 1,2 M€ », months as
 * « nov. 26 ». Full amounts (formatMoney) stay in tooltips and in the charts' hidden data tables.
 */
import { toDate } from '../../../shared/domain/dates';
import type { Cents, IsoDate } from '../../../shared/domain/types';
import { FORMAT_LOCALE } from '../../lib/format';

const oneDecimal = new Intl.NumberFormat(FORMAT_LOCALE, { maximumFractionDigits: 1 });
const NBSP = '\u00a0';

/** An axis amount in euros: 950 €, 12 k€, 1,2 M€ (negative amounts keep their sign). */
export function formatAxisEuros(cents: Cents): string {
  const euros = cents / 100;
  const size = Math.abs(euros);
  if (size >= 1_000_000) return `${oneDecimal.format(euros / 1_000_000)}${NBSP}M€`;
  if (size >= 1_000) return `${oneDecimal.format(euros / 1_000)}${NBSP}k€`;
  return `${oneDecimal.format(euros)}${NBSP}€`;
}

const monthFormats = {
  fr: new Intl.DateTimeFormat(FORMAT_LOCALE, { month: 'short', year: '2-digit' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'short', year: '2-digit' }),
} as const;

/**
 * « nov. 26 » for any date of November 2026 — a word, so it follows the interface language (« Nov 26 » in
 * English), unlike amounts and numeric dates, which stay fr-FR.
 */
export function formatAxisMonth(date: IsoDate, language: 'fr' | 'en' = 'fr'): string {
  return monthFormats[language].format(toDate(date));
}

const dayFormat = new Intl.NumberFormat(FORMAT_LOCALE, { maximumFractionDigits: 0 });

/** Whole days, French grouping. */
export function formatDays(days: number): string {
  return dayFormat.format(Math.round(days));
}
