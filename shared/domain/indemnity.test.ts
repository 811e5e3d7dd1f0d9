import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeIndemnity, splitRecoveryAfterIndemnity } from './indemnity';
import type { IndemnityInput } from './indemnity';
import { DEFAULT_POLICY } from './policy';
import type { Policy } from './policy';

const policyWith = (overrides: Partial<Policy>): Policy => ({ ...DEFAULT_POLICY, ...overrides });

describe('computeIndemnity', () => {
  const base: IndemnityInput = {
    coveredOpenCents: 4_000_000,
    recoveriesBeforeLossCents: 0,
    limitCents: 3_000_000,
    unpaidTtcCents: 4_800_000,
  };

  it.each([
    // domain.md §5 example 1: min(40 000, 30 000) × 90 % = 27 000.
    { name: 'example 1', input: base, policy: DEFAULT_POLICY, loss: 3_000_000, expected: 2_700_000 },
    // Example 1 with a 1 000 € per-claim deductible: (30 000 − 1 000) × 90 % = 26 100.
    {
      name: 'example 1 with a 1 000 € deductible',
      input: base,
      policy: policyWith({ perClaimDeductibleCents: 100_000 }),
      loss: 3_000_000,
      expected: 2_610_000,
    },
    // Example 4: debt 30 000, limit 25 000 → 25 000 × 90 % = 22 500.
    {
      name: 'example 4',
      input: { ...base, coveredOpenCents: 3_000_000, limitCents: 2_500_000, unpaidTtcCents: 3_600_000 },
      policy: DEFAULT_POLICY,
      loss: 2_500_000,
      expected: 2_250_000,
    },
    // Recoveries in the waiting period reduce the claim: min(40 000 − 15 000, 30 000) = 25 000 → 22 500.
    {
      name: 'recoveries before the loss date',
      input: { ...base, recoveriesBeforeLossCents: 1_500_000 },
      policy: DEFAULT_POLICY,
      loss: 2_500_000,
      expected: 2_250_000,
    },
    // Maximum liability 120 000 € (example 5), 100 000 already paid: 20 000 left < 27 000.
    {
      name: 'capped by the maximum liability left',
      input: { ...base, maxLiabilityCents: 12_000_000, alreadyPaidThisYearCents: 10_000_000 },
      policy: DEFAULT_POLICY,
      loss: 3_000_000,
      expected: 2_000_000,
    },
    // Aggregate deductible 5 000 €, 2 000 already absorbed: 3 000 left → 27 000 − 3 000 = 24 000.
    {
      name: 'reduced by the aggregate deductible left',
      input: { ...base, aggregateDeductibleUsedCents: 200_000 },
      policy: policyWith({ aggregateDeductibleCents: 500_000 }),
      loss: 3_000_000,
      expected: 2_400_000,
    },
    // Unnamed quotité 70 %: 30 000 × 70 % = 21 000.
    {
      name: 'quotité given by the layer',
      input: { ...base, quotityBp: 7000 },
      policy: DEFAULT_POLICY,
      loss: 3_000_000,
      expected: 2_100_000,
    },
    // Exactly at the 300 € TTC threshold is not under it: 250 € HT × 90 % = 225 €.
    {
      name: 'at the claim threshold',
      input: {
        coveredOpenCents: 25_000,
        recoveriesBeforeLossCents: 0,
        limitCents: 3_000_000,
        unpaidTtcCents: 30_000,
      },
      policy: DEFAULT_POLICY,
      loss: 25_000,
      expected: 22_500,
    },
    // A deductible larger than the loss leaves nothing.
    {
      name: 'deductible above the loss',
      input: {
        coveredOpenCents: 50_000,
        recoveriesBeforeLossCents: 0,
        limitCents: 3_000_000,
        unpaidTtcCents: 60_000,
      },
      policy: policyWith({ perClaimDeductibleCents: 100_000 }),
      loss: 50_000,
      expected: 0,
    },
  ])('$name', ({ input, policy, loss, expected }) => {
    const result = computeIndemnity(input, policy);
    expect(result.insuredLossCents).toBe(loss);
    expect(result.indemnityCents).toBe(expected);
    expect(result.steps.at(-1)).toEqual({ code: 'indemnity', cents: expected });
  });

  it('pays nothing under the claim threshold (299,99 € TTC < 300 €)', () => {
    const result = computeIndemnity(
      {
        coveredOpenCents: 24_999,
        recoveriesBeforeLossCents: 0,
        limitCents: 3_000_000,
        unpaidTtcCents: 29_999,
      },
      DEFAULT_POLICY,
    );
    expect(result.isBelowThreshold).toBe(true);
    expect(result.indemnityCents).toBe(0);
    expect(result.steps.map((s) => s.code)).toContain('below-claim-threshold');
  });

  it('shows every step of example 1 with a deductible, in order', () => {
    const result = computeIndemnity(base, policyWith({ perClaimDeductibleCents: 100_000 }));
    expect(result.steps).toEqual([
      { code: 'covered-open', cents: 4_000_000 },
      { code: 'recoveries-before-loss', cents: 0 },
      { code: 'applicable-limit', cents: 3_000_000 },
      { code: 'insured-loss', cents: 3_000_000 },
      { code: 'per-claim-deductible', cents: -100_000 },
      { code: 'after-deductible', cents: 2_900_000 },
      { code: 'quotity', cents: 2_610_000, quotityBp: 9000 },
      { code: 'max-liability-cap', cents: 0 },
      { code: 'aggregate-deductible', cents: 0 },
      { code: 'indemnity', cents: 2_610_000 },
    ]);
  });

  it('refuses negative or fractional amounts', () => {
    expect(() => computeIndemnity({ ...base, coveredOpenCents: -1 }, DEFAULT_POLICY)).toThrow(RangeError);
    expect(() => computeIndemnity({ ...base, limitCents: 10.5 }, DEFAULT_POLICY)).toThrow(RangeError);
    expect(() => computeIndemnity({ ...base, quotityBp: 10_001 }, DEFAULT_POLICY)).toThrow(RangeError);
    const badLayer = [
      { coveredCents: 1, quotityBp: 9000 },
      { coveredCents: 1, quotityBp: -1 },
    ];
    expect(() => computeIndemnity({ ...base, layers: badLayer }, DEFAULT_POLICY)).toThrow(RangeError);
  });

  it.each([
    // Named 25 000 at 90 % + top-up 5 000 at 80 %, loss 30 000 within the 30 000 of limits:
    // 25 000 × 90 % + 5 000 × 80 % = 22 500 + 4 000 = 26 500.
    { deductible: 0, parts: [2_250_000, 400_000], expected: 2_650_000 },
    // 3 000 deductible: 27 000 split 25 : 5 → 22 500 and 4 500 → 20 250 + 3 600 = 23 850.
    { deductible: 300_000, parts: [2_025_000, 360_000], expected: 2_385_000 },
  ])('applies each layer its own quotité (deductible $deductible)', ({ deductible, parts, expected }) => {
    const result = computeIndemnity(
      {
        coveredOpenCents: 3_000_000,
        recoveriesBeforeLossCents: 0,
        limitCents: 3_000_000,
        unpaidTtcCents: 3_600_000,
        layers: [
          { coveredCents: 2_500_000, quotityBp: 9000 },
          { coveredCents: 0, quotityBp: 5000 }, // covers nothing: ignored
          { coveredCents: 500_000, quotityBp: 8000 },
        ],
      },
      policyWith({ perClaimDeductibleCents: deductible }),
    );
    expect(result.steps.filter((step) => step.code === 'quotity')).toEqual([
      { code: 'quotity', cents: parts[0], quotityBp: 9000 },
      { code: 'quotity', cents: parts[1], quotityBp: 8000 },
    ]);
    expect(result.quotityBp).toBe(9000);
    expect(result.indemnityCents).toBe(expected);
  });

  const cents = fc.integer({ min: 0, max: 1_000_000_000 });
  it('is never negative and never above quotité × min(limit, covered open amount)', () => {
    fc.assert(
      fc.property(
        cents,
        cents,
        cents,
        cents,
        fc.integer({ min: 0, max: 10_000 }),
        cents,
        fc.option(cents, { nil: undefined }),
        cents,
        cents,
        (
          covered,
          recoveries,
          limit,
          unpaidTtc,
          quotityBp,
          deductible,
          maxLiability,
          alreadyPaid,
          aggregate,
        ) => {
          const result = computeIndemnity(
            {
              coveredOpenCents: covered,
              recoveriesBeforeLossCents: recoveries,
              limitCents: limit,
              unpaidTtcCents: unpaidTtc,
              quotityBp,
              maxLiabilityCents: maxLiability,
              alreadyPaidThisYearCents: alreadyPaid,
            },
            policyWith({ perClaimDeductibleCents: deductible, aggregateDeductibleCents: aggregate }),
          );
          expect(result.indemnityCents).toBeGreaterThanOrEqual(0);
          expect(Number.isSafeInteger(result.indemnityCents)).toBe(true);
          // indemnity ≤ quotité × min(limit, covered), allowing the half cent of rounding: in exact integers,
          // indemnity × 10 000 ≤ quotité × min + 5 000.
          const bound = BigInt(quotityBp) * BigInt(Math.min(limit, covered)) + 5_000n;
          expect(BigInt(result.indemnityCents) * 10_000n <= bound).toBe(true);
          if (maxLiability !== undefined) {
            expect(result.indemnityCents).toBeLessThanOrEqual(Math.max(0, maxLiability - alreadyPaid));
          }
        },
      ),
    );
  });
});

describe('splitRecoveryAfterIndemnity', () => {
  it.each([
    // Example 4: 10 000 € recovered, insurer bore 22 500 / 30 000 = 75 % → 7 500 / 2 500.
    { recovery: 1_000_000, indemnity: 2_250_000, loss: 3_000_000, insurer: 750_000, insured: 250_000 },
    // 1 € with a third borne by the insurer: 33.33 → 33 cents, the insured the rest.
    { recovery: 100, indemnity: 1, loss: 3, insurer: 33, insured: 67 },
    // Half a cent rounds away from zero, to the insurer.
    { recovery: 1, indemnity: 1, loss: 2, insurer: 1, insured: 0 },
    // Nothing paid (claim rejected): all to the insured.
    { recovery: 5_000, indemnity: 0, loss: 3_000_000, insurer: 0, insured: 5_000 },
    // No loss recorded: all to the insured.
    { recovery: 5_000, indemnity: 0, loss: 0, insurer: 0, insured: 5_000 },
  ])('$recovery shared $indemnity / $loss', ({ recovery, indemnity, loss, insurer, insured }) => {
    expect(splitRecoveryAfterIndemnity(recovery, indemnity, loss)).toEqual({
      insurerCents: insurer,
      insuredCents: insured,
    });
  });

  it('refuses an indemnity above the loss', () => {
    expect(() => splitRecoveryAfterIndemnity(100, 200, 100)).toThrow(RangeError);
  });

  it('always sums to the recovery, in proportion within half a cent', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 1_000_000_000 })
          .chain((loss) =>
            fc.tuple(fc.constant(loss), fc.integer({ min: 0, max: loss }), fc.integer({ min: 0, max: loss })),
          ),
        ([loss, indemnity, recovery]) => {
          const { insurerCents, insuredCents } = splitRecoveryAfterIndemnity(recovery, indemnity, loss);
          expect(insurerCents + insuredCents).toBe(recovery);
          expect(insurerCents).toBeGreaterThanOrEqual(0);
          expect(insuredCents).toBeGreaterThanOrEqual(0);
          // |insurer × loss − recovery × indemnity| ≤ loss / 2, i.e. 2 × |…| ≤ loss.
          const diff = BigInt(insurerCents) * BigInt(loss) - BigInt(recovery) * BigInt(indemnity);
          expect(2n * (diff < 0n ? -diff : diff) <= BigInt(loss)).toBe(true);
        },
      ),
    );
  });
});
