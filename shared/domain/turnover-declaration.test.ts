import { describe, expect, it } from 'vitest';
import {
  countryOf,
  periodRange,
  previousPeriod,
  turnoverDeclaration,
  type DeclarationBuyer,
  type DeclarationCreditNote,
  type DeclarationInvoice,
} from './turnover-declaration';

const buyers = new Map<string, DeclarationBuyer>([
  ['b-fr', { name: 'Dupont SA', country: 'FR' }],
  ['b-none', { name: 'Martin SARL' }],
  ['b-de', { name: 'Müller GmbH', country: 'de' }],
  ['b-be', { name: 'Janssens NV', country: 'BE' }],
]);

function invoice(
  id: string,
  buyerId: string,
  issueDate: string,
  euros: number,
  currency = 'EUR',
): DeclarationInvoice {
  return { id, buyerId, number: id.toUpperCase(), issueDate, amountHtCents: euros * 100, currency };
}
function note(id: string, buyerId: string, date: string, euros: number): DeclarationCreditNote {
  return { id, buyerId, number: id.toUpperCase(), date, amountHtCents: euros * 100, currency: 'EUR' };
}

describe('periodRange / previousPeriod', () => {
  it('gives calendar months and quarters, leap years included', () => {
    expect(periodRange({ kind: 'month', year: 2024, index: 2 })).toEqual({
      start: '2024-02-01',
      end: '2024-02-29',
    });
    expect(periodRange({ kind: 'month', year: 2026, index: 11 })).toEqual({
      start: '2026-11-01',
      end: '2026-11-30',
    });
    expect(periodRange({ kind: 'quarter', year: 2026, index: 3 })).toEqual({
      start: '2026-07-01',
      end: '2026-09-30',
    });
    expect(periodRange({ kind: 'quarter', year: 2026, index: 4 })).toEqual({
      start: '2026-10-01',
      end: '2026-12-31',
    });
    expect(() => periodRange({ kind: 'quarter', year: 2026, index: 5 })).toThrow(RangeError);
  });

  it('answers the last complete period before today, across the new year', () => {
    expect(previousPeriod('month', '2026-11-25')).toEqual({ kind: 'month', year: 2026, index: 10 });
    expect(previousPeriod('month', '2026-01-05')).toEqual({ kind: 'month', year: 2025, index: 12 });
    expect(previousPeriod('quarter', '2026-11-25')).toEqual({ kind: 'quarter', year: 2026, index: 3 });
    expect(previousPeriod('quarter', '2026-02-01')).toEqual({ kind: 'quarter', year: 2025, index: 4 });
  });
});

describe('countryOf', () => {
  it('reads an unknown country as France and compares upper-case', () => {
    expect(countryOf({ name: 'x' })).toBe('FR');
    expect(countryOf({ name: 'x', country: ' ' })).toBe('FR');
    expect(countryOf({ name: 'x', country: 'de' })).toBe('DE');
    expect(countryOf(undefined)).toBe('FR');
  });
});

describe('turnoverDeclaration', () => {
  // Q3 2026 (1 July – 30 September). Documents of the quarter, by hand:
  //   France: 10 000 (b-fr, 2026-07-01) + 2 500 (b-none, 2026-09-30) − avoir 1 000 (b-fr, 2026-08-10) = 11 500
  //   DE: 4 000 (2026-08-15); BE: 3 000 − avoir 500 = 2 500   → export 6 500
  //   total 18 000 ; premium 0,30 % × 18 000 = 54,00 €
  // Outside the quarter: 20 000 on 2026-06-30 (same year: counts in year-to-date), 7 000 on 2026-10-01 (after),
  // 9 999 on 2025-12-31 (previous year), 1 200 USD in August (other currency: left out, counted).
  // Year to date (1 January – 30 September): 20 000 + 18 000 = 38 000 → premium 114,00 €;
  // minimum 3 650 € → shortfall 3 650 − 114 = 3 536,00 €.
  const invoices = [
    invoice('f1', 'b-fr', '2026-07-01', 10_000),
    invoice('f2', 'b-none', '2026-09-30', 2_500),
    invoice('f3', 'b-de', '2026-08-15', 4_000),
    invoice('f4', 'b-be', '2026-07-20', 3_000),
    invoice('f0', 'b-fr', '2026-06-30', 20_000),
    invoice('f9', 'b-fr', '2026-10-01', 7_000),
    invoice('fx', 'b-fr', '2025-12-31', 9_999),
    invoice('fu', 'b-de', '2026-08-01', 1_200, 'USD'),
  ];
  const creditNotes = [note('a1', 'b-fr', '2026-08-10', 1_000), note('a2', 'b-be', '2026-09-01', 500)];
  const declaration = turnoverDeclaration({
    range: periodRange({ kind: 'quarter', year: 2026, index: 3 }),
    invoices,
    creditNotes,
    buyers,
    currency: 'EUR',
    premiumRateBp: 30,
    minimumPremiumCents: 3_650_00,
  });

  it('sums the period by country, France first, credit notes deducted', () => {
    expect(declaration.byCountry).toEqual([
      {
        country: 'FR',
        zone: 'france',
        invoiceCount: 2,
        creditNoteCount: 1,
        invoicesHtCents: 12_500_00,
        creditNotesHtCents: 1_000_00,
        insurableCents: 11_500_00,
      },
      {
        country: 'BE',
        zone: 'export',
        invoiceCount: 1,
        creditNoteCount: 1,
        invoicesHtCents: 3_000_00,
        creditNotesHtCents: 500_00,
        insurableCents: 2_500_00,
      },
      {
        country: 'DE',
        zone: 'export',
        invoiceCount: 1,
        creditNoteCount: 0,
        invoicesHtCents: 4_000_00,
        creditNotesHtCents: 0,
        insurableCents: 4_000_00,
      },
    ]);
    expect(declaration.franceCents).toBe(11_500_00);
    expect(declaration.exportCents).toBe(6_500_00);
    expect(declaration.totalCents).toBe(18_000_00);
  });

  it('lists the documents of the period by date, credit notes negative, totals agreeing', () => {
    expect(declaration.lines.map((l) => [l.number, l.date, l.amountHtCents])).toEqual([
      ['F1', '2026-07-01', 10_000_00],
      ['F4', '2026-07-20', 3_000_00],
      ['A1', '2026-08-10', -1_000_00],
      ['F3', '2026-08-15', 4_000_00],
      ['A2', '2026-09-01', -500_00],
      ['F2', '2026-09-30', 2_500_00],
    ]);
    expect(declaration.lines.reduce((sum, line) => sum + line.amountHtCents, 0)).toBe(declaration.totalCents);
    expect(declaration.lines.find((l) => l.number === 'F2')?.buyerName).toBe('Martin SARL');
    expect(declaration.otherCurrencyCount).toBe(1);
  });

  it('prices the period at the rate and leaves the minimum premium to the yearly adjustment', () => {
    expect(declaration.premiumCents).toBe(54_00);
    expect(declaration.yearToDateInsurableCents).toBe(38_000_00);
    expect(declaration.yearToDatePremiumCents).toBe(114_00);
    expect(declaration.minimumShortfallCents).toBe(3_536_00);
  });

  it('owes nothing for a period of more credit notes than sales, and no shortfall once the minimum is reached', () => {
    const quiet = turnoverDeclaration({
      range: periodRange({ kind: 'month', year: 2026, index: 8 }),
      invoices: [invoice('big', 'b-fr', '2026-01-15', 2_000_000)],
      creditNotes: [note('n', 'b-fr', '2026-08-02', 300)],
      buyers,
      currency: 'EUR',
      premiumRateBp: 30,
      minimumPremiumCents: 3_650_00,
    });
    expect(quiet.totalCents).toBe(-300_00);
    expect(quiet.premiumCents).toBe(0);
    // Year to date 2 000 000 − 300 = 1 999 700 → 0,30 % = 5 999,10 € ≥ 3 650: nothing short.
    expect(quiet.yearToDatePremiumCents).toBe(5_999_10);
    expect(quiet.minimumShortfallCents).toBe(0);
  });
});
