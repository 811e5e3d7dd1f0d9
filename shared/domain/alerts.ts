/**
 * Every alert of domain.md §4 for one buyer as of a date, each with a severity, the amount at stake, an
 * optional deadline, an i18n key and its interpolation parameters (messages: `alert-messages.ts`).
 *
 * The list is deterministic: same input → same output, whatever the order of the documents (every rule
 * below sorts with id tie-breaks), sorted by severity (critical first), then deadline (soonest first, none
 * last), then code, invoice id and decision id.
 *
 * Rules, per buyer:
 * - `over-limit` (critical) when exposure ≥ overLimitAlertBp × limit; else `near-limit` (warning) when
 *   ≥ nearLimitAlertBp × limit. The limit is the one in force on `asOf` (primary + top-up, `cover.ts`).
 * - `no-cover` (critical): exposure > 0 and the limit in force is 0 (refused, cancelled, expired); at stake = the
 *   uncovered part (invoices shipped under an earlier limit keep their cover).
 * - `limit-reduced` (warning) / `limit-cancelled` (critical): a reduction or cancellation decided on or before
 *   `asOf` that takes effect in the future or took effect within `recentLimitChangeDays` (default 30);
 *   deadline = its effective date; at stake = the cover lost (previous − new limit).
 * - `limit-expiring` (warning): a limit in force whose `endDate` falls within `limitExpiryWithinDays`
 *   (default 30).
 * - `insolvency` (critical): the buyer is in insolvency proceedings judged on or before `asOf`; declare at once.
 * Per open invoice (claim deadlines from `claimDeadlines`, with the filing dates of `claimFilings`):
 * - one stage alert: `invoice-overdue` (warning) while past due and before the end of the maximum extension
 *   period (MEP), then `stop-shipments` (critical) from the MEP end;
 * - `dms-due` (warning) when the DMS is not filed and its deadline is within `dmsDueWithinDays` (default 15),
 *   `dms-missed` (critical) once it has passed;
 * - only when the DMS was filed: `dic-due` (warning) within `dicDueWithinDays` (default 15) of the DIC
 *   deadline, `dic-missed` (critical) after it;
 * - `terms-exceeded` (warning): terms (due − issue) beyond the maximum credit terms: not covered.
 *
 * Parameters: amounts are integer cents under the keys `amount`, `limit`, `exposure`, `previousLimit`; dates are
 * ISO under `deadline`, `judgmentDate`. `alert-messages.ts` formats them for display.
 */
import { dayNumber, fromDayNumber } from './aging';
import type { Cover } from './cover';
import { coverAsOf, maxTermsFor } from './cover';
import { ISO_DATE_KEY_SPAN, isoDateKey } from './dates';
import type { ClaimDeadlines } from './deadlines';
import { claimDeadlines } from './deadlines';
import type { Exposure } from './exposure';
import { exposureOf } from './exposure';
import { sortByKeys } from './ledger';
import { limitHistory, limitInForce } from './limits';
import type { BuyerLedger, ClaimFiling, LimitDecision, LimitLayer } from './model';
import type { Policy } from './policy';
import type { Cents, IsoDate } from './types';

export const ALERT_CODES = [
  'over-limit',
  'near-limit',
  'no-cover',
  'limit-reduced',
  'limit-cancelled',
  'limit-expiring',
  'invoice-overdue',
  'stop-shipments',
  'dms-due',
  'dms-missed',
  'dic-due',
  'dic-missed',
  'terms-exceeded',
  'insolvency',
] as const;

export type AlertCode = (typeof ALERT_CODES)[number];

export type AlertSeverity = 'info' | 'warning' | 'critical';

export type Alert = {
  readonly code: AlertCode;
  readonly severity: AlertSeverity;
  readonly buyerId: string;
  readonly invoiceId?: string;
  readonly amountAtStakeCents: Cents;
  readonly deadline?: IsoDate;
  readonly messageKey: `alerts.${AlertCode}`;
  readonly params: Readonly<Record<string, string | number>>;
};

export type { ClaimFiling };

export type AlertOptions = {
  readonly dmsDueWithinDays?: number;
  readonly dicDueWithinDays?: number;
  readonly limitExpiryWithinDays?: number;
  readonly recentLimitChangeDays?: number;
  /** Filings per invoice id; defaults to the ledger's own `claimFilings`. */
  readonly claimFilings?: Readonly<Record<string, ClaimFiling>>;
  /** Already computed for the same ledger, policy and date (saves recomputing them). */
  readonly exposure?: Exposure;
  readonly cover?: Cover;
};

/** The i18n key of each code, built once (a template literal per alert would allocate a string each time). */
const MESSAGE_KEYS: { readonly [C in AlertCode]: `alerts.${C}` } = {
  'over-limit': 'alerts.over-limit',
  'near-limit': 'alerts.near-limit',
  'no-cover': 'alerts.no-cover',
  'limit-reduced': 'alerts.limit-reduced',
  'limit-cancelled': 'alerts.limit-cancelled',
  'limit-expiring': 'alerts.limit-expiring',
  'invoice-overdue': 'alerts.invoice-overdue',
  'stop-shipments': 'alerts.stop-shipments',
  'dms-due': 'alerts.dms-due',
  'dms-missed': 'alerts.dms-missed',
  'dic-due': 'alerts.dic-due',
  'dic-missed': 'alerts.dic-missed',
  'terms-exceeded': 'alerts.terms-exceeded',
  insolvency: 'alerts.insolvency',
};

const SEVERITY_RANK: Readonly<Record<AlertSeverity, number>> = { critical: 0, warning: 1, info: 2 };

/**
 * A stable identity of an alert from one day to the next (its amount and message move, its key does not):
 * code, buyer, invoice and deadline. What the team decided about it (acknowledged, snoozed) is stored under it.
 */
export function alertKey(alert: Pick<Alert, 'code' | 'buyerId' | 'invoiceId' | 'deadline'>): string {
  return [alert.code, alert.buyerId, alert.invoiceId ?? '', alert.deadline ?? ''].join('|');
}

export function compareAlerts(a: Alert, b: Alert): number {
  const bySeverity = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (bySeverity !== 0) return bySeverity;
  if (a.deadline !== b.deadline) {
    if (a.deadline === undefined) return 1;
    if (b.deadline === undefined) return -1;
    return a.deadline < b.deadline ? -1 : 1;
  }
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  const ia = a.invoiceId ?? '';
  const ib = b.invoiceId ?? '';
  if (ia !== ib) return ia < ib ? -1 : 1;
  const da = String(a.params['decisionId'] ?? '');
  const db = String(b.params['decisionId'] ?? '');
  return da < db ? -1 : da > db ? 1 : 0;
}

/** `value × 10 000 ≥ base × bp`, exactly (BigInt when the products leave the safe range). */
function reachesRatio(value: Cents, base: Cents, bp: number): boolean {
  const left = value * 10_000;
  const right = base * bp;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left >= right;
  return BigInt(value) * 10_000n >= BigInt(base) * BigInt(bp);
}

/** Claim deadlines of one due date with the day numbers the alert rules compare. */
type Deadlines = ClaimDeadlines & {
  readonly maxExtensionDay: number;
  readonly dmsDay: number;
  readonly dicDay: number;
};

function withDays(deadlines: ClaimDeadlines): Deadlines {
  return {
    ...deadlines,
    maxExtensionDay: dayNumber(deadlines.maxExtensionEnd),
    dmsDay: dayNumber(deadlines.dmsDeadline),
    dicDay: dayNumber(deadlines.dicDeadline),
  };
}

// Due dates repeat a lot across a ledger and most invoices have no filing: those deadlines are memoised per
// policy object and due date (claimDeadlines is pure, so this changes nothing but the speed). Invoices with a
// filing are computed on the spot.
const deadlineCache = new WeakMap<Policy, Map<IsoDate, Deadlines>>();

function deadlinesFor(dueDate: IsoDate, filing: ClaimFiling | undefined, policy: Policy): Deadlines {
  if (filing !== undefined) {
    return withDays(
      claimDeadlines(
        {
          dueDate,
          ...(filing.dmsFiledOn === undefined ? {} : { dmsFiledOn: filing.dmsFiledOn }),
          ...(filing.dicFiledOn === undefined ? {} : { dicFiledOn: filing.dicFiledOn }),
        },
        policy,
      ),
    );
  }
  let cache = deadlineCache.get(policy);
  if (cache === undefined) {
    cache = new Map();
    deadlineCache.set(policy, cache);
  }
  let deadlines = cache.get(dueDate);
  if (deadlines === undefined) {
    deadlines = withDays(claimDeadlines({ dueDate }, policy));
    cache.set(dueDate, deadlines);
  }
  return deadlines;
}

const LIMIT_LAYERS: readonly LimitLayer[] = ['named', 'discretionary', 'top-up'];

// Plain loops rather than `decisions.some(closure)`: these run for every buyer.
function hasReductionOrCancellation(decisions: readonly LimitDecision[]): boolean {
  for (const decision of decisions)
    if (decision.kind === 'reduced' || decision.kind === 'cancelled') return true;
  return false;
}

function hasLayer(decisions: readonly LimitDecision[], layer: LimitLayer): boolean {
  for (const decision of decisions) if (decision.layer === layer) return true;
  return false;
}

/** Key of an alert without a deadline: after every `isoDateKey` (none reaches the span). */
const NO_DEADLINE_KEY = ISO_DATE_KEY_SPAN - 1;

/**
 * Sorts alerts by `compareAlerts`, stably. Severity and deadline — the first two criteria — are packed into
 * one number per alert (`isoDateKey` orders like the ISO string), so most comparisons are between numbers;
 * `compareAlerts` breaks the ties. A deadline not written `YYYY-MM-DD` makes the comparator decide alone.
 */
function sortAlerts(alerts: Alert[]): Alert[] {
  const keys: number[] = [];
  for (const alert of alerts) {
    const deadlineKey = alert.deadline === undefined ? NO_DEADLINE_KEY : isoDateKey(alert.deadline);
    if (deadlineKey < 0) return alerts.sort(compareAlerts);
    keys.push(SEVERITY_RANK[alert.severity] * ISO_DATE_KEY_SPAN + deadlineKey);
  }
  sortByKeys(alerts, keys, compareAlerts);
  return alerts;
}

export function alertsFor(
  ledger: BuyerLedger,
  policy: Policy,
  asOf: IsoDate,
  options: AlertOptions = {},
): Alert[] {
  const buyerId = ledger.buyer.id;
  const today = dayNumber(asOf);
  const exposure = options.exposure ?? exposureOf(ledger, policy, asOf);
  const cover = options.cover ?? coverAsOf(ledger, policy, asOf, exposure);
  const alerts: Alert[] = [];

  // Exposure against the limit in force.
  const exposureCents = exposure.exposureCents;
  const limitCents = cover.limitCents;
  if (exposureCents > 0 && limitCents <= 0) {
    // What is at stake is the part no limit covers: invoices shipped while a limit was in force keep their
    // cover after a cancellation (cover at the shipment date), so the amount can be 0 while the alert still
    // stands for every new shipment.
    const uncoveredCents = Math.max(0, cover.uncoveredCents);
    alerts.push({
      code: 'no-cover',
      buyerId,
      messageKey: 'alerts.no-cover',
      severity: 'critical',
      amountAtStakeCents: uncoveredCents,
      params: { amount: uncoveredCents, exposure: exposureCents },
    });
  } else if (exposureCents > 0) {
    const params = {
      exposure: exposureCents,
      limit: limitCents,
      amount: Math.max(0, exposureCents - limitCents),
      ratio: Math.floor((exposureCents * 100) / limitCents),
    };
    if (reachesRatio(exposureCents, limitCents, policy.overLimitAlertBp)) {
      alerts.push({
        code: 'over-limit',
        severity: 'critical',
        buyerId,
        amountAtStakeCents: params.amount,
        messageKey: 'alerts.over-limit',
        params,
      });
    } else if (reachesRatio(exposureCents, limitCents, policy.nearLimitAlertBp)) {
      alerts.push({
        code: 'near-limit',
        severity: 'warning',
        buyerId,
        amountAtStakeCents: exposureCents,
        messageKey: 'alerts.near-limit',
        params,
      });
    }
  }

  // Limit decisions: reductions and cancellations announced, limits about to end.
  const decisions = ledger.limitDecisions;
  if (hasReductionOrCancellation(decisions)) {
    const recentFrom = fromDayNumber(today - (options.recentLimitChangeDays ?? 30));
    for (const row of limitHistory(decisions)) {
      if (row.event !== 'reduced' && row.event !== 'cancelled') continue;
      if (row.decisionDate > asOf || row.date < recentFrom) continue;
      const previous = row.previousAmountCents ?? 0;
      const next = row.amountCents ?? 0;
      const code = row.event === 'reduced' ? 'limit-reduced' : 'limit-cancelled';
      alerts.push({
        code,
        buyerId,
        messageKey: MESSAGE_KEYS[code],
        severity: row.event === 'reduced' ? 'warning' : 'critical',
        amountAtStakeCents: Math.max(0, previous - next),
        deadline: row.date,
        params: { limit: next, previousLimit: previous, deadline: row.date, decisionId: row.decisionId },
      });
    }
  }
  const expiryWithin = options.limitExpiryWithinDays ?? 30;
  for (const layer of LIMIT_LAYERS) {
    const inForce = hasLayer(decisions, layer) ? limitInForce(decisions, layer, asOf) : null;
    const endDate = inForce?.decision.endDate;
    if (inForce === null || endDate === undefined || inForce.amountCents <= 0) continue;
    const daysLeft = dayNumber(endDate) - today;
    if (daysLeft < 0 || daysLeft > expiryWithin) continue;
    alerts.push({
      code: 'limit-expiring',
      buyerId,
      messageKey: 'alerts.limit-expiring',
      severity: 'warning',
      amountAtStakeCents: inForce.amountCents,
      deadline: endDate,
      params: { limit: inForce.amountCents, deadline: endDate, decisionId: inForce.decision.id },
    });
  }

  const insolvency = ledger.buyer.insolvency;
  if (insolvency !== undefined && insolvency.judgmentDate <= asOf) {
    alerts.push({
      code: 'insolvency',
      buyerId,
      messageKey: 'alerts.insolvency',
      severity: 'critical',
      amountAtStakeCents: exposureCents,
      params: { amount: exposureCents, judgmentDate: insolvency.judgmentDate, procedure: insolvency.kind },
    });
  }

  // Open invoices: overdue stages, claim deadlines, terms.
  const maxTerms = maxTermsFor(ledger.buyer, policy);
  const dmsWithin = options.dmsDueWithinDays ?? 15;
  const dicWithin = options.dicDueWithinDays ?? 15;
  const filings = options.claimFilings ?? ledger.claimFilings;
  for (const item of exposure.openItems) {
    const invoice = item.invoice;
    const invoiceId = item.invoiceId;
    const amount = item.openTtcCents;
    // `termsDays` inlined so the due date is parsed once for both the terms and the days late.
    const dueDay = dayNumber(invoice.dueDate);
    const terms = dueDay - dayNumber(invoice.issueDate);
    if (terms > maxTerms) {
      alerts.push({
        code: 'terms-exceeded',
        buyerId,
        messageKey: 'alerts.terms-exceeded',
        severity: 'warning',
        invoiceId,
        amountAtStakeCents: policy.coverBasis === 'HT' ? item.openHtCents : amount,
        params: { invoice: invoice.number, days: terms, maxDays: maxTerms },
      });
    }
    const daysLate = today - dueDay;
    if (daysLate <= 0) continue;
    const filing =
      filings !== undefined && Object.hasOwn(filings, invoiceId) ? filings[invoiceId] : undefined;
    const deadlines = deadlinesFor(invoice.dueDate, filing, policy);
    // Day numbers order like the ISO dates (both are valid here: `dayNumber` accepted them).
    if (today < deadlines.maxExtensionDay) {
      alerts.push({
        code: 'invoice-overdue',
        buyerId,
        messageKey: 'alerts.invoice-overdue',
        severity: 'warning',
        invoiceId,
        amountAtStakeCents: amount,
        deadline: deadlines.maxExtensionEnd,
        params: { invoice: invoice.number, amount, days: daysLate, deadline: deadlines.maxExtensionEnd },
      });
    } else {
      alerts.push({
        code: 'stop-shipments',
        buyerId,
        messageKey: 'alerts.stop-shipments',
        severity: 'critical',
        invoiceId,
        amountAtStakeCents: amount,
        deadline: deadlines.maxExtensionEnd,
        params: { invoice: invoice.number, amount, deadline: deadlines.maxExtensionEnd },
      });
    }
    // The next filing to make: the DMS until it is filed, then the DIC until it is filed. Plain locals
    // rather than a descriptor object: this runs for every overdue invoice.
    if (filing?.dmsFiledOn === undefined || filing.dicFiledOn === undefined) {
      const isDms = filing?.dmsFiledOn === undefined;
      const left = (isDms ? deadlines.dmsDay : deadlines.dicDay) - today;
      if (left < 0 || left <= (isDms ? dmsWithin : dicWithin)) {
        const date = isDms ? deadlines.dmsDeadline : deadlines.dicDeadline;
        const code: AlertCode =
          left < 0 ? (isDms ? 'dms-missed' : 'dic-missed') : isDms ? 'dms-due' : 'dic-due';
        alerts.push({
          code,
          buyerId,
          messageKey: MESSAGE_KEYS[code],
          severity: left < 0 ? 'critical' : 'warning',
          invoiceId,
          amountAtStakeCents: amount,
          deadline: date,
          params: { invoice: invoice.number, amount, deadline: date },
        });
      }
    }
  }

  return sortAlerts(alerts);
}
