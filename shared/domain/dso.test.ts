import { describe, expect, it } from 'vitest';
import { dsoCountBack, monthlySalesOf } from './dso';
import type { MonthlySales } from './dso';
import type { CreditNote, Invoice } from './model';

const sales = (entries: Record<string, number>): MonthlySales[] =>
  Object.entries(entries).map(([month, salesTtcCents]) => ({ month, salesTtcCents }));

type Case = {
  readonly label: string;
  readonly receivables: number;
  readonly months: Record<string, number>;
  readonly asOf: string;
  readonly days: number;
  readonly monthsUsed: number;
};

describe('dsoCountBack', () => {
  it.each<Case>([
    {
      label: 'two months: 31 (March whole) + 50/80 × 28 (February) = 48.5',
      receivables: 150_000,
      months: { '2026-03': 100_000, '2026-02': 80_000, '2026-01': 60_000 },
      asOf: '2026-03-31',
      days: 48.5,
      monthsUsed: 2,
    },
    {
      label: 'exhausted in the asOf month: 30/60 × 15 days to date = 7.5',
      receivables: 30_000,
      months: { '2026-03': 60_000 },
      asOf: '2026-03-15',
      days: 7.5,
      monthsUsed: 1,
    },
    {
      label: 'a missing month counts as no sales: 31 + 28 + 50/100 × 31 = 74.5',
      receivables: 100_000,
      months: { '2026-03': 50_000, '2026-01': 100_000 },
      asOf: '2026-03-31',
      days: 74.5,
      monthsUsed: 3,
    },
    {
      label: 'across a year: 31 (January) + 20/40 × 31 (December) = 46.5',
      receivables: 40_000,
      months: { '2026-01': 20_000, '2025-12': 40_000 },
      asOf: '2026-01-31',
      days: 46.5,
      monthsUsed: 2,
    },
    {
      label: 'a leap February has 29 days: 31 + 50/100 × 29 = 45.5',
      receivables: 150,
      months: { '2024-03': 100, '2024-02': 100 },
      asOf: '2024-03-31',
      days: 45.5,
      monthsUsed: 2,
    },
    {
      label: 'exactly one month of sales = that month',
      receivables: 100_000,
      months: { '2026-03': 100_000 },
      asOf: '2026-03-31',
      days: 31,
      monthsUsed: 1,
    },
  ])('$label', ({ receivables, months, asOf, days, monthsUsed }) => {
    const dso = dsoCountBack(receivables, sales(months), asOf);
    expect(dso.days).toBeCloseTo(days, 10);
    expect(dso.isComplete).toBe(true);
    expect(dso.monthsUsed).toBe(monthsUsed);
  });

  it('returns a lower bound when the history runs out: 31 + 28 = 59, incomplete', () => {
    const dso = dsoCountBack(500_000, sales({ '2026-03': 100_000, '2026-02': 100_000 }), '2026-03-31');
    expect(dso).toEqual({ days: 59, isComplete: false, monthsUsed: 2 });
  });

  it('is 0 for no receivables, and incomplete 0 for receivables without sales history', () => {
    expect(dsoCountBack(0, sales({ '2026-03': 1 }), '2026-03-31')).toEqual({
      days: 0,
      isComplete: true,
      monthsUsed: 0,
    });
    expect(dsoCountBack(100, [], '2026-03-31')).toEqual({ days: 0, isComplete: false, monthsUsed: 0 });
  });

  it('rejects malformed months and dates', () => {
    expect(() => dsoCountBack(1, sales({ '2026-13': 1 }), '2026-03-31')).toThrow(RangeError);
    expect(() => dsoCountBack(1, sales({ '2026-03': 1 }), '2026-03-32')).toThrow(RangeError);
  });
});

describe('monthlySalesOf', () => {
  const invoice = (id: string, issueDate: string, ttc: number): Invoice => ({
    id,
    buyerId: 'b',
    number: id,
    issueDate,
    dueDate: issueDate,
    amountHtCents: ttc,
    amountTtcCents: ttc,
    currency: 'EUR',
  });
  const note: CreditNote = {
    id: 'c',
    buyerId: 'b',
    number: 'c',
    date: '2026-02-20',
    amountHtCents: 30,
    amountTtcCents: 30,
    currency: 'EUR',
  };

  it('sums TTC by issue month, net of credit notes, up to asOf, sorted', () => {
    const result = monthlySalesOf(
      [
        invoice('a', '2026-02-01', 100),
        invoice('b', '2026-01-15', 50),
        invoice('c', '2026-02-28', 200),
        invoice('d', '2026-04-01', 999),
      ],
      [note],
      '2026-03-31',
    );
    // January 50; February 100 + 200 − 30 = 270; April after asOf.
    expect(result).toEqual([
      { month: '2026-01', salesTtcCents: 50 },
      { month: '2026-02', salesTtcCents: 270 },
    ]);
  });
});
