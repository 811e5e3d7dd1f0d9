/**
 * The company's figures for the Tableau de bord, summed from the stored per-buyer aggregates — never from
 * the invoices, so the dashboard costs one read of ~one small row per buyer whatever the size of the ledger.
 *
 * Invariants: every amount is a plain Σ over the aggregates (exposure, covered, uncovered, overdue and aging
 * on the policy's cover basis; the receivable balance TTC); covered + uncovered = exposure because each
 * aggregate's are (cover.ts). The DSO trend is the count-back of the summed monthly figures
 * (`dsoTrendOf`, see shared/commands/aggregates.ts for why sums are exact). Every chart series is bounded by
 * construction — 5 aging buckets, 13 DSO points, 10 top exposures — far below MAX_CHART_POINTS.
 */
import { dsoTrendOf, sumDsoFigures } from '../../shared/commands/aggregates';
import type { DsoPoint } from '../../shared/commands/aggregates';
import type { BuyerAggregate, LimitSource } from '../../shared/commands/entities';
import { AGING_BUCKETS } from '../../shared/domain/aging';
import type { AgingBucket } from '../../shared/domain/aging';
import type { AlertSeverity } from '../../shared/domain/alerts';
import type { Cents, IsoDate } from '../../shared/domain/types';

export const TOP_EXPOSURES = 10;

export type TopExposure = {
  readonly buyerId: string;
  readonly exposureCents: Cents;
  readonly coveredCents: Cents;
  readonly uncoveredCents: Cents;
  readonly limitCents: Cents;
  /** What the limit is: a named limit, the unnamed threshold, none… (see `LIMIT_SOURCES`). */
  readonly limitSource: LimitSource;
};

export type DashboardSummary = {
  readonly buyerCount: number;
  readonly exposureCents: Cents;
  readonly coveredCents: Cents;
  readonly uncoveredCents: Cents;
  readonly overdueCents: Cents;
  readonly receivableTtcCents: Cents;
  readonly aging: Readonly<Record<AgingBucket, Cents>>;
  readonly alertCounts: Readonly<Record<AlertSeverity, number>>;
  /** The largest exposures, largest first (ties by buyer id, so the order is stable). */
  readonly topExposures: readonly TopExposure[];
  /** 12 month-ends then `today`, oldest first. */
  readonly dsoTrend: readonly DsoPoint[];
};

export function summarizeAggregates(aggregates: readonly BuyerAggregate[], today: IsoDate): DashboardSummary {
  let exposure = 0;
  let covered = 0;
  let uncovered = 0;
  let overdue = 0;
  let receivable = 0;
  const aging: Record<AgingBucket, Cents> = {
    notDue: 0,
    days1To30: 0,
    days31To60: 0,
    days61To90: 0,
    over90: 0,
  };
  const alertCounts: Record<AlertSeverity, number> = { critical: 0, warning: 0, info: 0 };
  for (const aggregate of aggregates) {
    exposure += aggregate.exposureCents;
    covered += aggregate.coveredCents;
    uncovered += aggregate.uncoveredCents;
    overdue += aggregate.overdueCents;
    receivable += aggregate.receivableTtcCents;
    for (const bucket of AGING_BUCKETS) aging[bucket] += aggregate.aging[bucket];
    alertCounts.critical += aggregate.alertCounts.critical;
    alertCounts.warning += aggregate.alertCounts.warning;
    alertCounts.info += aggregate.alertCounts.info;
  }
  const topExposures = aggregates
    .filter((aggregate) => aggregate.exposureCents > 0)
    .sort(
      (a, b) =>
        b.exposureCents - a.exposureCents || (a.buyerId < b.buyerId ? -1 : a.buyerId > b.buyerId ? 1 : 0),
    )
    .slice(0, TOP_EXPOSURES)
    .map(({ buyerId, exposureCents, coveredCents, uncoveredCents, limitCents, limitSource }) => ({
      buyerId,
      exposureCents,
      coveredCents,
      uncoveredCents,
      limitCents,
      limitSource,
    }));
  return {
    buyerCount: aggregates.length,
    exposureCents: exposure,
    coveredCents: covered,
    uncoveredCents: uncovered,
    overdueCents: overdue,
    receivableTtcCents: receivable,
    aging,
    alertCounts,
    topExposures,
    dsoTrend: dsoTrendOf(sumDsoFigures(aggregates, today)),
  };
}

/** The DSO point `monthsBack` month-ends before the current one (3 → the end of the month 3 months ago). */
export function dsoMonthsBack(trend: readonly DsoPoint[], monthsBack: number): DsoPoint | undefined {
  return trend[trend.length - 1 - monthsBack];
}
