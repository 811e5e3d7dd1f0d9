import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import {
  DEFAULT_RECOVERY_INDEMNITY_CENTS,
  halfYearOf,
  latePaymentPenalty,
  mergeReferenceRates,
  penaltyRateFor,
  REFERENCE_RATES,
  type HalfYear,
} from './late-payment';

describe('latePaymentPenalty — worked example 6', () => {
  it('10 000 € TTC, 30 days late at 12.15 % → 99,86 € + 40 €', () => {
    // Due 2025-09-30 (2025-H2: ECB 2.15 % + 10 = 12.15 %), paid 2025-10-30 = 30 days later.
    // 10 000 × 0.1215 × 30 / 365 = 99.863… → 99,86 €.
    expect(
      latePaymentPenalty({ amountTtcCents: 10_000_00, dueDate: '2025-09-30', paidOn: '2025-10-30' }),
    ).toEqual({
      status: 'late',
      daysLate: 30,
      rate: { halfYear: '2025-H2', rateBp: 1215, source: 'ecb-plus-10' },
      penaltyCents: 99_86,
      recoveryIndemnityCents: 40_00,
      totalCents: 139_86,
    });
  });
});

describe('latePaymentPenalty — hand-computed cases', () => {
  it('2024-H1 at 14.50 %: 5 000 € × 0.145 × 30 / 365 = 59.589… → 59,59 €', () => {
    const result = latePaymentPenalty({
      amountTtcCents: 5_000_00,
      dueDate: '2024-03-31',
      paidOn: '2024-04-30',
    });
    expect(result).toMatchObject({ status: 'late', daysLate: 30, penaltyCents: 59_59, totalCents: 99_59 });
  });

  it('rounds half a cent away from zero, once', () => {
    // Agreed 10 % (above 3 × 2.76 % = 8.28 %), 73 days: amount × 0.10 × 73 / 365 = amount / 50.
    // 25 c / 50 = 0.5 c → 1 c; 24 c / 50 = 0.48 c → 0 c.
    const base = { dueDate: '2025-07-01', paidOn: '2025-09-12', contractualRateBp: 1000 } as const;
    expect(latePaymentPenalty({ ...base, amountTtcCents: 25 })).toMatchObject({
      daysLate: 73,
      penaltyCents: 1,
    });
    expect(latePaymentPenalty({ ...base, amountTtcCents: 24 })).toMatchObject({
      daysLate: 73,
      penaltyCents: 0,
    });
  });

  it('an unpaid invoice accrues up to asOf at the rate of the half-year it fell due in', () => {
    // Due 2025-12-31 (2025-H2, 12.15 %), still unpaid on 2026-01-30: 30 days, the rate of the half-year it fell due in.
    // 2 000 × 0.1215 × 30 / 365 = 19.972… → 19,97 €.
    expect(
      latePaymentPenalty({ amountTtcCents: 2_000_00, dueDate: '2025-12-31', asOf: '2026-01-30' }),
    ).toMatchObject({
      status: 'late',
      daysLate: 30,
      rate: { halfYear: '2025-H2', rateBp: 1215 },
      penaltyCents: 19_97,
    });
  });

  it('raises an agreed rate below 3 × the legal rate to that floor', () => {
    // 2025-H1: legal rate 3.71 % → floor 11.13 %; agreed 5 % is too low.
    // 1 000 × 0.1113 × 10 / 365 = 3.049… → 3,05 €.
    const result = latePaymentPenalty({
      amountTtcCents: 1_000_00,
      dueDate: '2025-02-10',
      paidOn: '2025-02-20',
      contractualRateBp: 500,
    });
    expect(result).toMatchObject({ rate: { rateBp: 1113, source: 'legal-floor' }, penaltyCents: 3_05 });
  });

  it('one day late still owes the whole flat indemnity', () => {
    // 100 × 0.1215 / 365 = 0.0332… → 0,03 €.
    expect(
      latePaymentPenalty({ amountTtcCents: 100_00, dueDate: '2025-08-01', paidOn: '2025-08-02' }),
    ).toMatchObject({
      daysLate: 1,
      penaltyCents: 3,
      recoveryIndemnityCents: DEFAULT_RECOVERY_INDEMNITY_CENTS,
      totalCents: 40_03,
    });
  });

  it('takes another flat indemnity when given', () => {
    expect(
      latePaymentPenalty({
        amountTtcCents: 0,
        dueDate: '2025-08-01',
        paidOn: '2025-08-31',
        recoveryIndemnityCents: 0,
      }),
    ).toMatchObject({ penaltyCents: 0, recoveryIndemnityCents: 0, totalCents: 0 });
  });

  it.each([
    ['2025-09-30', 'paid on the due date'],
    ['2025-09-01', 'paid early'],
  ])('paid %s (%s) is on time', (paidOn) => {
    expect(latePaymentPenalty({ amountTtcCents: 10_000_00, dueDate: '2025-09-30', paidOn })).toEqual({
      status: 'on-time',
      daysLate: 0,
      totalCents: 0,
    });
  });

  it('reports a half-year missing from the table instead of guessing', () => {
    const result = latePaymentPenalty({
      amountTtcCents: 10_000_00,
      dueDate: '2023-06-30',
      paidOn: '2023-07-30',
    });
    expect(result).toMatchObject({
      status: 'rate-unknown',
      daysLate: 30,
      halfYear: '2023-H1',
      recoveryIndemnityCents: 40_00,
    });
    if (result.status === 'rate-unknown') expect(result.message.fr).toContain('2023-H1');
  });

  it('uses the table it is given', () => {
    const rates = [{ halfYear: '2023-H1' as const, ecbRateBp: 300 }];
    // 1 000 × 0.13 × 365 / 365 = 130 €.
    expect(
      latePaymentPenalty({ amountTtcCents: 1_000_00, dueDate: '2023-03-01', paidOn: '2024-02-29', rates }),
    ).toMatchObject({ daysLate: 365, penaltyCents: 130_00 });
  });

  it('refuses a negative or fractional amount', () => {
    expect(() =>
      latePaymentPenalty({ amountTtcCents: -1, dueDate: '2025-01-01', paidOn: '2025-02-01' }),
    ).toThrow(RangeError);
    expect(() =>
      latePaymentPenalty({ amountTtcCents: 1.5, dueDate: '2025-01-01', paidOn: '2025-02-01' }),
    ).toThrow(RangeError);
  });

  it('the penalty never decreases as the payment comes later', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), fc.nat(400), fc.nat(400), (amount, x, y) => {
        const [early, late] = x <= y ? [x, y] : [y, x];
        const penalty = (days: number) => {
          const result = latePaymentPenalty({
            amountTtcCents: amount,
            dueDate: '2025-07-15',
            paidOn: addDays('2025-07-15', days),
          });
          return result.status === 'late' ? result.penaltyCents : 0;
        };
        expect(penalty(early)).toBeLessThanOrEqual(penalty(late));
      }),
    );
  });
});

describe('penaltyRateFor', () => {
  it.each<[HalfYear, number, number | undefined, number | undefined, number, string]>([
    ['2025-H2', 215, undefined, undefined, 1215, 'ecb-plus-10'],
    // The default is ECB + 10 even when 3 × legal (3 × 5.07 = 15.21 %) is higher: the floor bounds agreed rates.
    ['2024-H1', 450, 507, undefined, 1450, 'ecb-plus-10'],
    ['2025-H1', 315, 371, 1200, 1200, 'contractual'],
    ['2025-H1', 315, 371, 1113, 1113, 'contractual'], // exactly the floor
    ['2025-H1', 315, 371, 1000, 1113, 'legal-floor'],
    ['2026-H1', 215, undefined, 900, 900, 'contractual-unchecked'],
  ])('%s ECB %d legal %s agreed %s → %d (%s)', (halfYear, ecb, legal, agreed, rateBp, source) => {
    expect(penaltyRateFor(halfYear, ecb, legal, agreed)).toEqual({ halfYear, rateBp, source });
  });

  it.each<[HalfYear, number]>([
    ['2024-H1', 1450],
    ['2024-H2', 1425],
    ['2025-H1', 1315],
    ['2025-H2', 1215],
  ])('the reference table gives %s → %d bp', (halfYear, rateBp) => {
    const row = REFERENCE_RATES.find((r) => r.halfYear === halfYear);
    expect(row).toBeDefined();
    expect(penaltyRateFor(halfYear, row!.ecbRateBp, row!.legalRateBp).rateBp).toBe(rateBp);
  });
});

describe('halfYearOf', () => {
  it.each([
    ['2025-01-01', '2025-H1'],
    ['2025-06-30', '2025-H1'],
    ['2025-07-01', '2025-H2'],
    ['2025-12-31', '2025-H2'],
  ])('%s → %s', (date, halfYear) => {
    expect(halfYearOf(date)).toBe(halfYear);
  });
});

describe('mergeReferenceRates', () => {
  it('replaces a half-year the user corrected and adds new ones, in order', () => {
    const merged = mergeReferenceRates(REFERENCE_RATES, [
      { halfYear: '2025-H2', ecbRateBp: 200 },
      { halfYear: '2023-H2', ecbRateBp: 400 },
    ]);
    expect(merged.map((row) => row.halfYear)).toEqual([
      '2023-H2',
      '2024-H1',
      '2024-H2',
      '2025-H1',
      '2025-H2',
    ]);
    expect(merged.find((row) => row.halfYear === '2025-H2')).toEqual({ halfYear: '2025-H2', ecbRateBp: 200 });
  });
});
