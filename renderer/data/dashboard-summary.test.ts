import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMIT_SOURCES } from '../../shared/commands/entities';
import type { BuyerAggregate } from '../../shared/commands/entities';
import { dsoMonthsBack, summarizeAggregates, TOP_EXPOSURES } from './dashboard-summary';

const TODAY = '2026-11-25';
const cents = fc.integer({ min: 0, max: 50_000_000 });

const aggregateArb = (buyerId: string): fc.Arbitrary<BuyerAggregate> =>
  fc
    .record({
      covered: cents,
      uncovered: cents,
      limit: cents,
      source: fc.constantFrom(...LIMIT_SOURCES),
      aging: fc.array(cents, { minLength: 5, maxLength: 5 }),
      receivable: fc.integer({ min: -1_000_000, max: 50_000_000 }),
      alerts: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 3, maxLength: 3 }),
      sales: fc.array(fc.integer({ min: -1_000_000, max: 9_000_000 }), { minLength: 13, maxLength: 13 }),
      ends: fc.array(cents, { minLength: 12, maxLength: 12 }),
    })
    .map(({ covered, uncovered, limit, source, aging, receivable, alerts, sales, ends }) => {
      const [notDue = 0, days1To30 = 0, days31To60 = 0, days61To90 = 0, over90 = 0] = aging;
      const [critical = 0, warning = 0, info = 0] = alerts;
      return {
        buyerId,
        asOf: TODAY,
        exposureCents: covered + uncovered,
        overdueCents: days1To30 + days31To60 + days61To90 + over90,
        coveredCents: covered,
        uncoveredCents: uncovered,
        limitCents: limit,
        limitSource: source,
        openInvoiceCount: 1,
        alertCounts: { critical, warning, info },
        alertCodes: [],
        aging: { notDue, days1To30, days31To60, days61To90, over90 },
        receivableTtcCents: receivable,
        salesTtcByMonthCents: sales,
        receivableTtcAtMonthEndCents: ends,
      };
    });

const aggregatesArb = fc
  .integer({ min: 0, max: 25 })
  .chain((n) =>
    fc.tuple(...Array.from({ length: n }, (_, i) => aggregateArb(`b${String(i).padStart(2, '0')}`))),
  );

describe('summarizeAggregates', () => {
  it('every figure is the plain sum over the aggregates', () => {
    fc.assert(
      fc.property(aggregatesArb, (aggregates) => {
        const summary = summarizeAggregates(aggregates, TODAY);
        let exposure = 0;
        let covered = 0;
        let overdue = 0;
        let over90 = 0;
        let critical = 0;
        let receivable = 0;
        for (const a of aggregates) {
          exposure += a.exposureCents;
          covered += a.coveredCents;
          overdue += a.overdueCents;
          over90 += a.aging.over90;
          critical += a.alertCounts.critical;
          receivable += a.receivableTtcCents;
        }
        expect(summary.buyerCount).toBe(aggregates.length);
        expect(summary.exposureCents).toBe(exposure);
        expect(summary.coveredCents).toBe(covered);
        expect(summary.coveredCents + summary.uncoveredCents).toBe(exposure);
        expect(summary.overdueCents).toBe(overdue);
        expect(summary.aging.over90).toBe(over90);
        expect(summary.alertCounts.critical).toBe(critical);
        expect(summary.receivableTtcCents).toBe(receivable);
      }),
    );
  });

  it('ranks the 10 largest exposures, largest first', () => {
    fc.assert(
      fc.property(aggregatesArb, (aggregates) => {
        const top = summarizeAggregates(aggregates, TODAY).topExposures;
        const expected = aggregates
          .map((a) => a.exposureCents)
          .filter((value) => value > 0)
          .sort((x, y) => y - x)
          .slice(0, TOP_EXPOSURES);
        expect(top.map((t) => t.exposureCents)).toEqual(expected);
        // Each row carries its own buyer's limit and what kind of limit it is.
        const byId = new Map(aggregates.map((a) => [a.buyerId, a]));
        for (const entry of top) {
          const own = byId.get(entry.buyerId);
          expect([entry.limitCents, entry.limitSource]).toEqual([own?.limitCents, own?.limitSource]);
        }
      }),
    );
  });

  it('counts DSO back over the summed figures (hand-counted)', () => {
    // Two buyers as of 2026-11-25. Sales (Σ): Nov 1 000 + 500 = 1 500 to date, Oct 3 000. Open now (Σ):
    // 2 000 + 1 000 = 3 000 → Nov 1 500 (25 d) leaves 1 500; Oct 3 000 holds it: 1 500 / 3 000 × 31 = 15.5.
    // DSO = 40.5 days. At 31/10 (Σ 2 000 open): Oct 3 000 → 2 000 / 3 000 × 31 ≈ 20.67 days.
    const base = (
      buyerId: string,
      nov: number,
      oct: number,
      open: number,
      openOct: number,
    ): BuyerAggregate => ({
      buyerId,
      asOf: TODAY,
      exposureCents: 0,
      overdueCents: 0,
      coveredCents: 0,
      uncoveredCents: 0,
      limitCents: 0,
      limitSource: 'none',
      openInvoiceCount: 0,
      alertCounts: { critical: 0, warning: 0, info: 0 },
      alertCodes: [],
      aging: { notDue: 0, days1To30: 0, days31To60: 0, days61To90: 0, over90: 0 },
      receivableTtcCents: open,
      salesTtcByMonthCents: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, oct, nov],
      receivableTtcAtMonthEndCents: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, openOct],
    });
    const summary = summarizeAggregates(
      [base('a', 1000_00, 2000_00, 2000_00, 1500_00), base('b', 500_00, 1000_00, 1000_00, 500_00)],
      TODAY,
    );
    expect(summary.dsoTrend.at(-1)).toMatchObject({ date: TODAY, days: 40.5, isComplete: true });
    expect(summary.dsoTrend.at(-2)?.days).toBeCloseTo((2 / 3) * 31, 10);
    expect(dsoMonthsBack(summary.dsoTrend, 1)?.date).toBe('2026-10-31');
    expect(dsoMonthsBack(summary.dsoTrend, 3)?.date).toBe('2026-08-31');
  });
});
