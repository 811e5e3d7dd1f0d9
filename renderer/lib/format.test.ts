import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatLongDate,
  formatMoney,
  formatMoneyWhole,
  formatNumber,
  formatPercent,
} from './format';

// fr-FR groups thousands with a narrow no-break space (U+202F) and puts a no-break space (U+00A0) before €.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('fr-FR formatting', () => {
  it.each([
    [123456, `1${NNBSP}234,56${NBSP}€`],
    [-1250, `-12,50${NBSP}€`],
    [0, `0,00${NBSP}€`],
    [2_700_000, `27${NNBSP}000,00${NBSP}€`],
  ])('formats %i cents as %s', (cents, expected) => {
    expect(formatMoney(cents)).toBe(expected);
  });

  it('formats numbers, percents and dates the French way', () => {
    expect(formatNumber(1234567.5)).toBe(`1${NNBSP}234${NNBSP}567,5`);
    expect(formatPercent(0.75)).toBe(`75${NBSP}%`);
    expect(formatDate('2026-11-25')).toBe('25/11/2026');
    expect(formatLongDate('2026-03-01')).toBe('1 mars 2026');
  });

  it('rounds headline amounts to whole euros, half away from zero, in integers', () => {
    // 1 557 299,19 € → 1 557 299 € ; 0,50 € → 1 € ; −2,50 € → −3 € ; 12,49 € → 12 €.
    expect(formatMoneyWhole(155_729_919).replace(/\s/g, ' ')).toBe('1 557 299 €');
    expect(formatMoneyWhole(50).replace(/\s/g, ' ')).toBe('1 €');
    expect(formatMoneyWhole(-250).replace(/\s/g, ' ').replace('\u2212', '-')).toBe('-3 €');
    expect(formatMoneyWhole(1_249).replace(/\s/g, ' ')).toBe('12 €');
  });
});
