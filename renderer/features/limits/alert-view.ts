/**
 * Pure shaping of the alert centre: code families for the filter, filtering, grouping by status and by
 * severity (critical, warning, info — the domain's order is kept inside a group), and the days left to a
 * deadline. No React, no i18n: the components pick the words.
 */
import { dayNumber } from '../../../shared/domain/aging';
import type { AlertCode, AlertSeverity } from '../../../shared/domain/alerts';
import type { IsoDate } from '../../../shared/domain/types';
import type { AlertEntry, AlertStatus } from '../../data/alert-hooks';

export type AlertFamily = 'limits' | 'overdue' | 'claims' | 'buyer';

export const ALERT_FAMILIES: readonly AlertFamily[] = ['limits', 'overdue', 'claims', 'buyer'];
export const SEVERITIES: readonly AlertSeverity[] = ['critical', 'warning', 'info'];
export const STATUSES: readonly AlertStatus[] = ['open', 'acknowledged', 'snoozed'];

const FAMILY_OF: Readonly<Record<AlertCode, AlertFamily>> = {
  'over-limit': 'limits',
  'near-limit': 'limits',
  'no-cover': 'limits',
  'limit-reduced': 'limits',
  'limit-cancelled': 'limits',
  'limit-expiring': 'limits',
  'invoice-overdue': 'overdue',
  'stop-shipments': 'overdue',
  'dms-due': 'claims',
  'dms-missed': 'claims',
  'dic-due': 'claims',
  'dic-missed': 'claims',
  'terms-exceeded': 'buyer',
  insolvency: 'buyer',
};

export function familyOf(code: AlertCode): AlertFamily {
  return FAMILY_OF[code];
}

export type AlertFilter = {
  readonly severity: AlertSeverity | 'all';
  readonly family: AlertFamily | 'all';
  /** Part of the buyer's name, any case and accents. */
  readonly buyer: string;
};

/** Lower case without accents, so « societe » finds « Société ». */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

export function filterAlerts(entries: readonly AlertEntry[], filter: AlertFilter): AlertEntry[] {
  const needle = searchKey(filter.buyer);
  return entries.filter(
    (entry) =>
      (filter.severity === 'all' || entry.alert.severity === filter.severity) &&
      (filter.family === 'all' || familyOf(entry.alert.code) === filter.family) &&
      (needle === '' || searchKey(entry.buyerName).includes(needle)),
  );
}

export type SeverityGroup = { readonly severity: AlertSeverity; readonly entries: readonly AlertEntry[] };

/** The entries of one status, by severity; groups without entries are left out. */
export function groupBySeverity(entries: readonly AlertEntry[], status: AlertStatus): SeverityGroup[] {
  return SEVERITIES.map((severity) => ({
    severity,
    entries: entries.filter((entry) => entry.status === status && entry.alert.severity === severity),
  })).filter((group) => group.entries.length > 0);
}

export function countByStatus(entries: readonly AlertEntry[]): Record<AlertStatus, number> {
  const counts: Record<AlertStatus, number> = { open: 0, acknowledged: 0, snoozed: 0 };
  for (const entry of entries) counts[entry.status] += 1;
  return counts;
}

/** Days from `today` to `deadline`: positive ahead, 0 today, negative once passed. */
export function daysUntil(deadline: IsoDate, today: IsoDate): number {
  return dayNumber(deadline) - dayNumber(today);
}
