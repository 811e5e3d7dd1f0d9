import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateProportionally,
  applyBp,
  formatCents,
  isCents,
  mulRatio,
  parseAmount,
  roundHalfAwayFromZero,
  sumCents,
} from './money';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('parseAmount', () => {
  it.each([
    ['1 234,56 €', 123456],
    [`1${NNBSP}234,56`, 123456],
    [`1${NBSP}234,56`, 123456],
    [`1${NNBSP}234,56${NBSP}€`, 123456],
    ['-12,5', -1250],
    ['0000000069,60', 6960],
    ['12.50', 1250],
    ['  69,60 ', 6960],
    ['(12,00)', -1200],
    ['( 12,00 € )', -1200],
    ['12', 1200],
    ['+12,34', 1234],
    ['\u221212,34', -1234],
    ['12,500', 1250], // trailing zeros beyond the cent change nothing
    [',5', 50],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['1.234.567', 123456700],
    ['1,234,567', 123456700],
    ['1 234 567,89', 123456789],
    ['-€1,234.56', -123456],
    ['€ -12.50', -1250],
    ['EUR 12,30', 1230],
    ['12,30 EUR', 1230],
    ['12,30eur', 1230],
    ['-0,00', 0],
    ['90 071 992 547 409,91', Number.MAX_SAFE_INTEGER],
  ])('reads %j as %d cents', (input, cents) => {
    expect(parseAmount(input)).toEqual({ ok: true, cents });
  });

  it('never yields negative zero', () => {
    const result = parseAmount('-0');
    expect(result.ok && Object.is(result.cents, 0)).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    [`${NBSP}${NNBSP}`, 'empty'],
    ['abc', 'not-a-number'],
    ['€', 'not-a-number'],
    ['12,', 'not-a-number'],
    ['1e5', 'not-a-number'],
    ['12 34', 'not-a-number'], // groups after the first have three digits
    ['1234 567', 'not-a-number'],
    ['1,234,56', 'not-a-number'], // "," twice is a group separator, and "56" is not a group of three
    ['1.234,56.7', 'not-a-number'],
    ['-(12,00)', 'not-a-number'],
    ['--12', 'not-a-number'],
    ['12,345', 'too-many-decimals'],
    ['1.234', 'too-many-decimals'], // a lone dot is a decimal point, not taken as 1 234 €
    ['0,001', 'too-many-decimals'],
    ['90 071 992 547 409,92', 'out-of-range'],
    ['99999999999999999999', 'out-of-range'],
  ])('refuses %j with %s', (input, reason) => {
    const result = parseAmount(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe(reason);
      expect(result.message.fr.length).toBeGreaterThan(0);
      expect(result.message.en.length).toBeGreaterThan(0);
    }
  });

  it('says in French and English what is wrong', () => {
    const result = parseAmount('12,345');
    expect(result).toMatchObject({
      ok: false,
      message: {
        fr: "« 12,345 » a plus de deux décimales : un montant s'exprime au centime près.",
        en: '"12,345" has more than two decimals: amounts are kept to the cent.',
      },
    });
  });
});

describe('formatCents', () => {
  it.each([
    [123456, {}, `1${NNBSP}234,56${NBSP}€`],
    [-123456, {}, `-1${NNBSP}234,56${NBSP}€`],
    [5, {}, `0,05${NBSP}€`],
    [-5, {}, `-0,05${NBSP}€`],
    [0, {}, `0,00${NBSP}€`],
    [123456, { locale: 'en-GB' as const }, '€1,234.56'],
    [-123456, { locale: 'en-GB' as const }, '-€1,234.56'],
    [Number.MAX_SAFE_INTEGER, {}, `90${NNBSP}071${NNBSP}992${NNBSP}547${NNBSP}409,91${NBSP}€`],
  ])('formats %d cents (%o) as %j', (cents, options, expected) => {
    expect(formatCents(cents, options)).toBe(expected);
  });

  it('formats another currency', () => {
    expect(formatCents(100, { currency: 'USD', locale: 'en-GB' })).toBe('US$1.00');
  });

  it('refuses a non-integer amount', () => {
    expect(() => formatCents(1.5)).toThrow(RangeError);
  });

  it('parse(format(x)) gives back x for any amount, in both locales', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom('fr-FR' as const, 'en-GB' as const),
        (cents, locale) => {
          expect(parseAmount(formatCents(cents, { locale }))).toEqual({ ok: true, cents });
        },
      ),
    );
  });
});

describe('roundHalfAwayFromZero', () => {
  it.each([
    [5n, 2n, 3n], // 2.5 → 3
    [-5n, 2n, -3n], // −2.5 → −3
    [5n, -2n, -3n],
    [-5n, -2n, 3n],
    [7n, 3n, 2n], // 2.33 → 2
    [8n, 3n, 3n], // 2.67 → 3
    [-7n, 3n, -2n],
    [14n, 10n, 1n], // 1.4 → 1
    [15n, 10n, 2n], // 1.5 → 2 (not banker's 2 either way; 2.5 below tells them apart)
    [25n, 10n, 3n], // 2.5 → 3 where banker's rounding would give 2
    [0n, 7n, 0n],
  ])('%d / %d → %d', (numerator, denominator, expected) => {
    expect(roundHalfAwayFromZero(numerator, denominator)).toBe(expected);
  });

  it('refuses a zero denominator', () => {
    expect(() => roundHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
  });
});

describe('mulRatio and applyBp', () => {
  it.each([
    // 90 % of 27 000,00 € = 24 300,00 € exactly (27 000 × 0.9 in floats is 24299.999…).
    [27_000_00, 9000, 24_300_00],
    // 0.30 % of 1 600 000 € = 4 800 € (worked example 5).
    [1_600_000_00, 30, 4_800_00],
    // 12.15 % of 1,01 € = 12.2715 c → 12 c.
    [101, 1215, 12],
    // 50 % of 1 c = 0.5 c → 1 c (half away from zero); of −1 c → −1 c.
    [1, 5000, 1],
    [-1, 5000, -1],
    // 0.1 % of 4 c = 0.004 c → 0, and never −0.
    [-4, 10, 0],
  ])('applyBp(%d, %d) = %d', (cents, bp, expected) => {
    const result = applyBp(cents, bp);
    expect(result).toBe(expected);
    expect(Object.is(result, -0)).toBe(false);
  });

  it('mulRatio divides exactly then rounds once: 5 700,00 € / 365 = 15,616… → 15,62 €', () => {
    expect(mulRatio(5_700_00, 1, 365)).toBe(15_62);
  });

  // Merged from the former copies in ledger.ts and indemnity.ts (same rule: half away from zero).
  it.each([
    [5, 1, 2, 3], // 2.5 → 3
    [-5, 1, 2, -3], // −2.5 → −3
    [7, 1, -2, -4], // −3.5 → −4 (negative denominator)
    [7, 3, 2, 11], // 21 / 2 = 10.5 → 11
    [-7, 3, 2, -11], // −10.5 → −11
    [10, 1, 4, 3], // 2.5 → 3
    [10, 1, 3, 3], // 3.33 → 3
    [20, 1, 3, 7], // 6.67 → 7
    [0, 5, 7, 0],
    [0, 5, -7, 0], // 0 ÷ −7 is −0 in floats: must come out as 0
    // Product 1.219e17 leaves the safe range: BigInt path. 123456789012 × 987654 = 121932591494857848
    // (Python); remainder 857 848 ≥ 500 000 → rounds up.
    [123_456_789_012, 987_654, 1_000_000, 121_932_591_495],
    // The product exceeds 2^53 but the result is exact.
    [Number.MAX_SAFE_INTEGER, 10_000, 10_000, Number.MAX_SAFE_INTEGER],
  ])('mulRatio(%d, %d, %d) = %d', (cents, numerator, denominator, expected) => {
    const result = mulRatio(cents, numerator, denominator);
    expect(result).toBe(expected);
    expect(Object.is(result, -0)).toBe(false);
  });

  it.each([
    [1, 9000, 1], // 0.9 → 1
    [5, 9000, 5], // 4.5 → 5
    [15, 7000, 11], // 10.5 → 11
    [14, 7000, 10], // 9.8 → 10
    [3_000_000, 9000, 2_700_000],
  ])('applyBp(%d, %d) = %d (quotités)', (cents, bp, expected) => {
    expect(applyBp(cents, bp)).toBe(expected);
  });

  it('mulRatio agrees with the BigInt rule on both sides of the safe-product boundary', () => {
    const safe = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    const small = fc.integer({ min: -1e9, max: 1e9 });
    const nonZero = (arbitrary: fc.Arbitrary<number>): fc.Arbitrary<number> =>
      arbitrary.filter((d) => d !== 0);
    fc.assert(
      fc.property(fc.oneof(small, safe), fc.oneof(small, safe), nonZero(fc.oneof(small, safe)), (a, n, d) => {
        const reference = roundHalfAwayFromZero(BigInt(a) * BigInt(n), BigInt(d));
        if (reference > BigInt(Number.MAX_SAFE_INTEGER) || reference < -BigInt(Number.MAX_SAFE_INTEGER)) {
          expect(() => mulRatio(a, n, d)).toThrow(RangeError);
        } else {
          expect(mulRatio(a, n, d)).toBe(Number(reference));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses non-integer inputs and results out of range', () => {
    expect(() => mulRatio(1.5, 1, 1)).toThrow(RangeError);
    expect(() => mulRatio(1, 0.5, 1)).toThrow(RangeError);
    expect(() => mulRatio(1, 1, 0.5)).toThrow(RangeError);
    expect(() => mulRatio(Number.MAX_SAFE_INTEGER, 2, 1)).toThrow(RangeError);
    expect(() => mulRatio(1, 1, 0)).toThrow(RangeError);
  });

  it('applyBp is monotonic in the amount for a non-negative rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 100_000 }),
        (a, b, bp) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(applyBp(low, bp)).toBeLessThanOrEqual(applyBp(high, bp));
        },
      ),
    );
  });

  it('applyBp is monotonic in the rate for a non-negative amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.nat(100_000), fc.nat(100_000), (cents, x, y) => {
        const [low, high] = x <= y ? [x, y] : [y, x];
        expect(applyBp(cents, low)).toBeLessThanOrEqual(applyBp(cents, high));
      }),
    );
  });

  it('applyBp stays within half a cent of the exact value', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.nat(20_000), (cents, bp) => {
        // Exact value × 10 000 is an integer: compare |10 000 × result − cents × bp| ≤ 5 000.
        const error = Math.abs(10_000 * applyBp(cents, bp) - cents * bp);
        expect(error).toBeLessThanOrEqual(5_000);
      }),
    );
  });
});

describe('sumCents', () => {
  it('adds exactly', () => {
    expect(sumCents([10_00, 20_00, -5_50])).toBe(24_50);
    expect(sumCents([])).toBe(0);
  });

  it('refuses a total it cannot hold exactly, and non-integers', () => {
    expect(() => sumCents([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumCents([0.1, 0.2])).toThrow(RangeError);
  });

  it('matches a plain sum over small integers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 })), (values) => {
        let plain = 0;
        for (const value of values) plain += value;
        expect(sumCents(values)).toBe(plain);
      }),
    );
  });
});

describe('allocateProportionally', () => {
  it.each([
    // 100 c over 1:1:1 → 33.33 each, one cent left → first (ties go to the earlier weight).
    [100, [1, 1, 1], [34, 33, 33]],
    // 10 c over 3:3:4 → 3, 3, 4 exactly.
    [10, [3, 3, 4], [3, 3, 4]],
    // 100 c over 1:2 → 33.33 and 66.67: remainders 1/3 and 2/3 → the cent goes to the second.
    [100, [1, 2], [33, 67]],
    // Zero weights get nothing.
    [5, [0, 1, 0], [0, 5, 0]],
    // Negative total: magnitude split, then negated.
    [-100, [1, 1, 1], [-34, -33, -33]],
    [0, [1, 2], [0, 0]],
  ])('%d over %j → %j', (total, weights, expected) => {
    expect(allocateProportionally(total, weights)).toEqual(expected);
  });

  it('refuses weights that cannot be split over', () => {
    expect(() => allocateProportionally(100, [])).toThrow(RangeError);
    expect(() => allocateProportionally(100, [0, 0])).toThrow(RangeError);
    expect(() => allocateProportionally(100, [-1, 2])).toThrow(RangeError);
    expect(() => allocateProportionally(100, [0.5, 2])).toThrow(RangeError);
    expect(() => allocateProportionally(0.5, [1])).toThrow(RangeError);
  });

  it('always sums to the total, and never goes negative for a non-negative total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.nat(1e9), { minLength: 1, maxLength: 20 }).filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const shares = allocateProportionally(total, weights);
          expect(shares).toHaveLength(weights.length);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          for (const share of shares) expect(share).toBeGreaterThanOrEqual(0);
          // Each share is within one cent of its exact part.
          const weightSum = weights.reduce((a, b) => a + b, 0);
          shares.forEach((share, i) => {
            const exact = (total * (weights[i] ?? 0)) / weightSum;
            expect(Math.abs(share - exact)).toBeLessThan(1 + 1e-6 * Math.max(1, exact));
          });
        },
      ),
    );
  });

  it('mirrors a negative total exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e12 }),
        fc.array(fc.integer({ min: 1, max: 1e6 }), { minLength: 1 }),
        (total, weights) => {
          expect(allocateProportionally(-total, weights)).toEqual(
            allocateProportionally(total, weights).map((x) => (x === 0 ? 0 : -x)),
          );
        },
      ),
    );
  });
});

describe('isCents', () => {
  it.each([
    [0, true],
    [-5, true],
    [Number.MAX_SAFE_INTEGER, true],
    [Number.MAX_SAFE_INTEGER + 1, false],
    [1.5, false],
    [Number.NaN, false],
  ])('isCents(%d) = %s', (value, expected) => {
    expect(isCents(value)).toBe(expected);
  });
});
