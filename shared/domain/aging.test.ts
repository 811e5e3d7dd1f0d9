import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agingAsOf,
  agingBars,
  agingOfLedger,
  agingSeries,
  bucketOf,
  dayNumber,
  fromDayNumber,
  MAX_CHART_POINTS,
} from './aging';
import { daysBetween } from './dates';
import { allocate, openBalance } from './ledger';
import type { LedgerDocuments } from './ledger';
import type { Invoice, Payment } from './model';

const invoice = (id: string, ttc: number, dueDate: string, issueDate = '2026-01-01'): Invoice => ({
  id,
  buyerId: 'b1',
  number: id,
  issueDate,
  dueDate,
  amountHtCents: ttc,
  amountTtcCents: ttc,
  currency: 'EUR',
});
const payment = (id: string, amountCents: number, date: string): Payment => ({
  id,
  buyerId: 'b1',
  date,
  amountCents,
  currency: 'EUR',
});

describe('agingAsOf — worked example 8 (domain.md §5)', () => {
  // Open items as of 2026-11-25; days past due by hand: 12-10 → not due; 11-10 → 15; 09-01 → 29 + 31 + 25 = 85;
  // 06-30 → > 90.
  const items = [
    { dueDate: '2026-12-10', openTtcCents: 1_000 },
    { dueDate: '2026-11-10', openTtcCents: 2_000 },
    { dueDate: '2026-09-01', openTtcCents: 3_000 },
    { dueDate: '2026-06-30', openTtcCents: 4_000 },
  ];
  const aging = agingAsOf(items, '2026-11-25');

  it.each([
    ['notDue', 1_000],
    ['days1To30', 2_000],
    ['days31To60', 0],
    ['days61To90', 3_000],
    ['over90', 4_000],
  ] as const)('bucket %s = %i', (bucket, expected) => {
    expect(aging.buckets[bucket]).toBe(expected);
  });

  it('totals 10 000 with no unapplied line', () => {
    expect(aging.totalCents).toBe(10_000);
    expect(aging.unappliedCents).toBe(0);
  });
});

describe('bucketOf — boundaries', () => {
  it.each([
    [-5, 'notDue'],
    [0, 'notDue'],
    [1, 'days1To30'],
    [30, 'days1To30'],
    [31, 'days31To60'],
    [60, 'days31To60'],
    [61, 'days61To90'],
    [90, 'days61To90'],
    [91, 'over90'],
  ] as const)('%i days past due → %s', (days, bucket) => {
    expect(bucketOf(days)).toBe(bucket);
  });

  it('counts an item due on asOf as not yet due, and one due the day before as 1–30', () => {
    const aging = agingAsOf(
      [
        { dueDate: '2026-03-01', openTtcCents: 10 },
        { dueDate: '2026-02-28', openTtcCents: 20 },
      ],
      '2026-03-01',
    );
    expect(aging.buckets.notDue).toBe(10);
    expect(aging.buckets.days1To30).toBe(20);
  });
});

describe('unapplied money', () => {
  it('is a negative line so that the lines sum to the open balance', () => {
    const ledger: LedgerDocuments = {
      invoices: [invoice('a', 1_000, '2026-01-31')],
      payments: [payment('p', 1_500, '2026-01-15')],
      creditNotes: [],
    };
    const aging = agingOfLedger(ledger, '2026-02-15');
    // 1 500 paid on a 1 000 invoice: 500 on account → balance −500.
    expect(aging.unappliedCents).toBe(-500);
    expect(aging.totalCents).toBe(-500);
    expect(Object.values(aging.buckets).every((amount) => amount === 0)).toBe(true);
  });
});

const dateArb = fc
  .integer({ min: -400, max: 400 })
  .map((offset) => new Date(Date.UTC(2026, 5, 1 + offset)).toISOString().slice(0, 10));

describe('aging — properties', () => {
  it('the lines always sum to the open balance of the allocation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ ttc: fc.integer({ min: 0, max: 10_000_000 }), due: dateArb, issue: dateArb }), {
          maxLength: 15,
        }),
        fc.array(fc.record({ amount: fc.integer({ min: 1, max: 10_000_000 }), date: dateArb }), {
          maxLength: 8,
        }),
        dateArb,
        (invoices, payments, asOf) => {
          const ledger: LedgerDocuments = {
            invoices: invoices.map((entry, index) => invoice(`i${index}`, entry.ttc, entry.due, entry.issue)),
            payments: payments.map((entry, index) => payment(`p${index}`, entry.amount, entry.date)),
            creditNotes: [],
          };
          const aging = agingOfLedger(ledger, asOf);
          const lines =
            Object.values(aging.buckets).reduce((sum, amount) => sum + amount, 0) + aging.unappliedCents;
          expect(lines).toBe(aging.totalCents);
          expect(lines).toBe(openBalance(allocate(ledger, asOf)));
        },
      ),
    );
  });

  it('dayNumber agrees with date-fns daysBetween and round-trips through fromDayNumber', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2200-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2200-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (a, b) => {
          const isoA = a.toISOString().slice(0, 10);
          const isoB = b.toISOString().slice(0, 10);
          expect(dayNumber(isoB) - dayNumber(isoA)).toBe(daysBetween(isoA, isoB));
          expect(fromDayNumber(dayNumber(isoA))).toBe(isoA);
        },
      ),
    );
  });

  it.each([
    ['1970-01-01', 0],
    ['2000-03-01', 11_017],
    ['2026-11-25', 20_782],
  ])('dayNumber(%s) = %i', (date, expected) => {
    // 2000-03-01: 30 years × 365 + 7 leap days (72…96) + 31 + 29 = 11 017. 2026-11-25 checked with Python's date.
    expect(dayNumber(date)).toBe(expected);
  });

  it.each(['2026-02-30', '2026-13-01', '2026-1-01', '26-01-01x', 'abcd-ef-gh', '2025-02-29'])(
    'rejects %s',
    (date) => {
      expect(() => dayNumber(date)).toThrow(RangeError);
    },
  );
});

describe('chart shapes', () => {
  const ledger: LedgerDocuments = {
    invoices: [invoice('a', 1_000, '2026-01-31'), invoice('b', 2_000, '2026-03-31')],
    payments: [payment('p', 500, '2026-02-10')],
    creditNotes: [],
  };

  it('agingBars gives one labelled bar per bucket, plus unapplied when there is some', () => {
    const bars = agingBars(agingOfLedger(ledger, '2026-03-15'));
    expect(bars.map((bar) => bar.labelKey)).toEqual([
      'aging.notDue',
      'aging.days1To30',
      'aging.days31To60',
      'aging.days61To90',
      'aging.over90',
    ]);
    // a: 1 000 − 500 = 500 due 01-31, 43 days late on 03-15 → 31–60; b not due.
    expect(bars.find((bar) => bar.key === 'days31To60')?.amountCents).toBe(500);
    expect(bars.find((bar) => bar.key === 'notDue')?.amountCents).toBe(2_000);
  });

  it('agingSeries keeps at most 600 sorted points, first and last included', () => {
    const dates = Array.from({ length: 1_500 }, (_, i) =>
      fromDayNumber(dayNumber('2025-01-01') + i),
    ).reverse();
    const series = agingSeries(ledger, dates);
    expect(series.length).toBe(MAX_CHART_POINTS);
    expect(series[0]?.date).toBe('2025-01-01');
    expect(series.at(-1)?.date).toBe(fromDayNumber(dayNumber('2025-01-01') + 1_499));
    const sorted = series.map((point) => point.date);
    expect([...sorted].sort()).toEqual(sorted);
    expect(new Set(sorted).size).toBe(sorted.length);
  });

  it('agingSeries points are plain objects whose lines sum to the total', () => {
    const [point] = agingSeries(ledger, ['2026-03-15']);
    expect(point).toEqual({
      date: '2026-03-15',
      notDue: 2_000,
      days1To30: 0,
      days31To60: 500,
      days61To90: 0,
      over90: 0,
      unapplied: 0,
      total: 2_500,
    });
  });
});
