/**
 * Pure shaping of the alert centre: code families for the filter, filtering, grouping by status and by
 * buyer (one row per buyer: its worst severity, the kinds of alerts it has, the amount at stake counted
 * once, the nearest deadline, the alert that says what to do first), and the days left to a deadline.
 * No React, no i18n: the components pick the words.
 */
import { dayNumber } from '../../../shared/domain/aging';
import { compareAlerts } from '../../../shared/domain/alerts';
import type { Alert, AlertCode, AlertSeverity } from '../../../shared/domain/alerts';
import type { Cents, IsoDate } from '../../../shared/domain/types';
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

export function countByStatus(entries: readonly AlertEntry[]): Record<AlertStatus, number> {
  const counts: Record<AlertStatus, number> = { open: 0, acknowledged: 0, snoozed: 0 };
  for (const entry of entries) counts[entry.status] += 1;
  return counts;
}

/** Days from `today` to `deadline`: positive ahead, 0 today, negative once passed. */
export function daysUntil(deadline: IsoDate, today: IsoDate): number {
  return dayNumber(deadline) - dayNumber(today);
}

const SEVERITY_RANK: Readonly<Record<AlertSeverity, number>> = { critical: 0, warning: 1, info: 2 };

/**
 * The amount at stake for one buyer, each euro counted once. All the amounts of a buyer's alerts are slices
 * of the same exposure, so adding them up would count an invoice two or three times:
 * - an overdue invoice raises a stage alert (`invoice-overdue` or `stop-shipments`) AND a filing alert
 *   (`dms-due`, `dms-missed`…) AND maybe `terms-exceeded`, all on the same open amount → per invoice, the
 *   largest amount of its alerts (the open TTC; `terms-exceeded` may carry the HT, which is smaller);
 * - distinct invoices are distinct money → the invoice amounts are summed;
 * - buyer-level alerts (limit exceeded or near, no cover, limit reduced/cancelled/expiring, insolvency)
 *   each measure the whole position (the exposure, the uncovered part, the cover lost), which already
 *   contains the open invoices → the largest of them, never added to each other nor to the invoices.
 * Total = max(largest buyer-level amount, sum over invoices of each invoice's largest amount).
 */
export function amountAtStake(alerts: readonly Alert[]): Cents {
  let buyerLevel = 0;
  const perInvoice = new Map<string, Cents>();
  for (const alert of alerts) {
    if (alert.invoiceId === undefined) {
      buyerLevel = Math.max(buyerLevel, alert.amountAtStakeCents);
    } else {
      const seen = perInvoice.get(alert.invoiceId) ?? 0;
      perInvoice.set(alert.invoiceId, Math.max(seen, alert.amountAtStakeCents));
    }
  }
  let invoices = 0;
  for (const amount of perInvoice.values()) invoices += amount;
  return Math.max(buyerLevel, invoices);
}

/** One kind of alert of a buyer, for its chip: « 12 factures échues ». */
export type AlertKind = {
  readonly code: AlertCode;
  readonly severity: AlertSeverity;
  readonly count: number;
};

/** One row of the alert centre: a buyer and its alerts of one status. */
export type BuyerAlertGroup = {
  readonly buyerId: string;
  readonly buyerName: string;
  /** The worst severity of its alerts. */
  readonly severity: AlertSeverity;
  /** Sorted like the domain sorts them (severity, then deadline): the first one is what to do first. */
  readonly entries: readonly AlertEntry[];
  /** In the order of their first alert, so the chip of the most urgent kind comes first. */
  readonly kinds: readonly AlertKind[];
  readonly amountAtStakeCents: Cents;
  /** The earliest deadline: a passed one is the most urgent of all. */
  readonly nearestDeadline?: IsoDate;
};

/**
 * The entries of one status, one group per buyer, the buyers sorted by worst severity, then amount at stake
 * (largest first), then name. Each group's alerts keep the domain's order (`compareAlerts`).
 */
export function groupByBuyer(entries: readonly AlertEntry[], status: AlertStatus): BuyerAlertGroup[] {
  const byBuyer = new Map<string, AlertEntry[]>();
  for (const entry of entries) {
    if (entry.status !== status) continue;
    const list = byBuyer.get(entry.alert.buyerId);
    if (list === undefined) byBuyer.set(entry.alert.buyerId, [entry]);
    else list.push(entry);
  }
  const groups: BuyerAlertGroup[] = [];
  for (const [buyerId, list] of byBuyer) {
    list.sort((a, b) => compareAlerts(a.alert, b.alert));
    const kinds = new Map<AlertCode, { severity: AlertSeverity; count: number }>();
    let nearestDeadline: IsoDate | undefined;
    for (const { alert } of list) {
      const kind = kinds.get(alert.code);
      if (kind === undefined) kinds.set(alert.code, { severity: alert.severity, count: 1 });
      else kind.count += 1;
      if (alert.deadline !== undefined && (nearestDeadline === undefined || alert.deadline < nearestDeadline))
        nearestDeadline = alert.deadline;
    }
    const first = list[0];
    if (first === undefined) continue;
    groups.push({
      buyerId,
      buyerName: first.buyerName,
      severity: first.alert.severity,
      entries: list,
      kinds: [...kinds].map(([code, kind]) => ({ code, ...kind })),
      amountAtStakeCents: amountAtStake(list.map((entry) => entry.alert)),
      ...(nearestDeadline === undefined ? {} : { nearestDeadline }),
    });
  }
  return groups.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      b.amountAtStakeCents - a.amountAtStakeCents ||
      a.buyerName.localeCompare(b.buyerName, 'fr'),
  );
}

/** The figures above the list: buyers concerned, how many critical, the money at stake, deadlines passed. */
export type GroupSummary = {
  readonly buyers: number;
  readonly criticalBuyers: number;
  readonly amountAtStakeCents: Cents;
  readonly passedDeadlineBuyers: number;
};

/** Buyers are distinct positions, so their amounts at stake add up without double counting. */
export function summarizeGroups(groups: readonly BuyerAlertGroup[], today: IsoDate): GroupSummary {
  let criticalBuyers = 0;
  let amountAtStakeCents = 0;
  let passedDeadlineBuyers = 0;
  for (const group of groups) {
    if (group.severity === 'critical') criticalBuyers += 1;
    amountAtStakeCents += group.amountAtStakeCents;
    if (group.nearestDeadline !== undefined && group.nearestDeadline < today) passedDeadlineBuyers += 1;
  }
  return { buyers: groups.length, criticalBuyers, amountAtStakeCents, passedDeadlineBuyers };
}
