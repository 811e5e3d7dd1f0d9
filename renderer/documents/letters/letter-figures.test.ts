import { describe, expect, it } from 'vitest';
import {
  formalNoticeFigures,
  latestReferenceRate,
  missingRateHalfYears,
  ratesWithOverrides,
  reminderFigures,
} from './letter-figures';
import type { LetterInvoice } from './letter-figures';

const invoice = (over: Partial<LetterInvoice> & Pick<LetterInvoice, 'id' | 'dueDate'>): LetterInvoice => ({
  number: over.id.toUpperCase(),
  issueDate: '2025-06-01',
  amountTtcCents: over.openTtcCents ?? 0,
  openTtcCents: 0,
  currency: 'EUR',
  ...over,
});

// domain.md example 6: 10 000 € TTC, 30 days late at 12,15 % (2025-H2: ECB 2,15 % + 10 points).
const EXAMPLE_6 = invoice({
  id: 'fa-1',
  dueDate: '2025-10-01',
  amountTtcCents: 1_000_000,
  openTtcCents: 1_000_000,
});
// Partly paid: 5 000 € invoiced, 2 000 € still owed, due 60 days before the letter.
const PARTLY_PAID = invoice({
  id: 'fa-2',
  dueDate: '2025-09-01',
  amountTtcCents: 500_000,
  openTtcCents: 200_000,
});
const PAID = invoice({ id: 'fa-3', dueDate: '2025-08-01', amountTtcCents: 300_000, openTtcCents: 0 });
const NOT_DUE = invoice({
  id: 'fa-4',
  dueDate: '2025-11-15',
  amountTtcCents: 400_000,
  openTtcCents: 400_000,
});
const LETTER_DATE = '2025-10-31';

describe('formalNoticeFigures', () => {
  it('computes example 6 of domain.md: 99,86 € of penalties plus the 40 € indemnity', () => {
    const figures = formalNoticeFigures({ invoices: [EXAMPLE_6], letterDate: LETTER_DATE });
    // 10 000,00 × 12,15 % × 30 / 365 = 36 450 / 365 = 99,863… → 99,86 €.
    expect(figures.lines).toHaveLength(1);
    expect(figures.lines[0]?.daysLate).toBe(30);
    expect(figures.lines[0]?.rate?.rateBp).toBe(1215);
    expect(figures.penaltyCents).toBe(9_986);
    expect(figures.indemnityCents).toBe(4_000);
    expect(figures.totalCents).toBe(1_000_000 + 9_986 + 4_000);
    // « sous huitaine »: 31/10 + 8 days.
    expect(figures.deadline).toBe('2025-11-08');
    expect(figures.missingHalfYears).toEqual([]);
  });

  it('charges the penalty on what is still owed, names only open overdue invoices, oldest first', () => {
    const figures = formalNoticeFigures({
      invoices: [EXAMPLE_6, PAID, NOT_DUE, PARTLY_PAID],
      letterDate: LETTER_DATE,
    });
    expect(figures.lines.map((line) => line.invoice.id)).toEqual(['fa-2', 'fa-1']);
    // fa-2: 2 000,00 × 12,15 % × 60 / 365 = 14 580 / 365 = 39,945… → 39,95 €.
    expect(figures.lines[0]?.daysLate).toBe(60);
    expect(figures.lines[0]?.penaltyCents).toBe(3_995);
    expect(figures.principalCents).toBe(1_200_000);
    expect(figures.penaltyCents).toBe(9_986 + 3_995);
    // One 40 € indemnity per late invoice.
    expect(figures.indemnityCents).toBe(8_000);
    expect(figures.totalCents).toBe(1_200_000 + 13_981 + 8_000);
  });

  it('leaves out the penalty of a half-year with no known ECB rate, and says which', () => {
    const late2026 = invoice({
      id: 'fa-9',
      dueDate: '2026-02-10',
      amountTtcCents: 100_000,
      openTtcCents: 100_000,
    });
    const figures = formalNoticeFigures({ invoices: [late2026], letterDate: '2026-11-25' });
    expect(figures.missingHalfYears).toEqual(['2026-H1']);
    expect(figures.penaltyCents).toBe(0);
    expect(figures.indemnityCents).toBe(4_000);
    expect(missingRateHalfYears([late2026], '2026-11-25')).toEqual(['2026-H1']);
  });

  it('uses a rate the user typed for the missing half-year', () => {
    const late2026 = invoice({
      id: 'fa-9',
      dueDate: '2026-02-10',
      amountTtcCents: 100_000,
      openTtcCents: 100_000,
    });
    const rates = ratesWithOverrides(new Map([['2026-H1', 215]]));
    const figures = formalNoticeFigures({ invoices: [late2026], letterDate: '2026-11-25', rates });
    // 10/02 → 25/11/2026: 18 (Feb) + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 25 = 288 days.
    // 1 000,00 × 12,15 % × 288 / 365 = 34 992 / 365 = 95,868… → 95,87 €.
    expect(figures.lines[0]?.daysLate).toBe(288);
    expect(figures.penaltyCents).toBe(9_587);
    expect(figures.missingHalfYears).toEqual([]);
    expect(missingRateHalfYears([late2026], '2026-11-25', rates)).toEqual([]);
  });
});

describe('reminderFigures', () => {
  it('lists the open overdue invoices with their days late and the total still owed', () => {
    const figures = reminderFigures([NOT_DUE, EXAMPLE_6, PAID, PARTLY_PAID], LETTER_DATE);
    expect(figures.lines.map((line) => [line.invoice.id, line.daysLate])).toEqual([
      ['fa-2', 60],
      ['fa-1', 30],
    ]);
    expect(figures.totalOpenCents).toBe(200_000 + 1_000_000);
  });

  it('names nothing on the due date itself (not yet late)', () => {
    expect(reminderFigures([EXAMPLE_6], '2025-10-01').lines).toEqual([]);
  });
});

describe('latestReferenceRate', () => {
  it('is the most recent half-year of the table', () => {
    expect(latestReferenceRate().halfYear).toBe('2025-H2');
    expect(latestReferenceRate([{ halfYear: '2024-H1', ecbRateBp: 450 }]).ecbRateBp).toBe(450);
  });
});
