import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './policy';
import {
  breakEvenExtraSales,
  compareOffers,
  estimatePremium,
  expectedLossWithoutInsurance,
  topUpPremium,
  turnoverRateOfferFromPolicy,
  type PremiumContext,
  type PremiumOffer,
} from './premium';

const label = { fr: 'Offre', en: 'Offer' };

/** Example 5's offer: 0.30 %, minimum 3 650 €, 60 € per named buyer, 25 × premium, quotité 90 %. */
const example5Offer: PremiumOffer = {
  kind: 'turnover-rate',
  id: 'ex5',
  label,
  rateBp: 30,
  minimumPremiumCents: 3_650_00,
  monitoringFeePerBuyerCents: 60_00,
  maxLiabilityMultiple: 25,
  quotityBp: 9000,
};

const example5Context: PremiumContext = {
  turnoverHtCents: 2_000_000_00,
  creditShareBp: 8000,
  namedBuyers: 15,
};

function estimateOf(offer: PremiumOffer, context: PremiumContext) {
  const result = estimatePremium(offer, context);
  if (!result.ok) throw new Error(`unexpected ${result.reason}`);
  return result.estimate;
}

describe('estimatePremium — worked example 5', () => {
  // 2 000 000 € × 80 % = 1 600 000 € insurable; × 0.30 % = 4 800 € (> 3 650 €); 15 × 60 € = 900 €;
  // 5 700 €/year; 5 700 / 365 = 15.616… → 15,62 €/day; 5 700 / 12 = 475 €/month; 25 × 4 800 = 120 000 €.
  it.each([
    ['insurableTurnoverCents', 1_600_000_00],
    ['premiumBaseCents', 4_800_00],
    ['monitoringFeesCents', 900_00],
    ['topUpPremiumsCents', 0],
    ['annualCents', 5_700_00],
    ['perMonthCents', 475_00],
    ['perDayCents', 15_62],
    ['maxLiabilityCents', 120_000_00],
    ['isMinimumApplied', false],
  ] as const)('%s = %s', (field, expected) => {
    expect(estimateOf(example5Offer, example5Context)[field]).toBe(expected);
  });

  it('the default policy gives the same offer', () => {
    const offer = turnoverRateOfferFromPolicy(DEFAULT_POLICY, 'default', label);
    expect(estimateOf(offer, example5Context)).toEqual({
      ...estimateOf(example5Offer, example5Context),
      offerId: 'default',
    });
  });
});

describe('estimatePremium — turnover rate, hand-computed', () => {
  it('applies the minimum premium: "from 10 € a day"', () => {
    // 500 000 € × 100 % × 0.30 % = 1 500 € < 3 650 € → 3 650 €; per day 10,00 €; per month 304,166… → 304,17 €;
    // maximum liability 25 × 3 650 = 91 250 €.
    const estimate = estimateOf(example5Offer, {
      turnoverHtCents: 500_000_00,
      creditShareBp: 10_000,
      namedBuyers: 0,
    });
    expect(estimate).toMatchObject({
      premiumBaseCents: 3_650_00,
      isMinimumApplied: true,
      annualCents: 3_650_00,
      perDayCents: 10_00,
      perMonthCents: 304_17,
      maxLiabilityCents: 91_250_00,
    });
  });

  it('adds top-up premiums prorated by month, outside the maximum-liability base', () => {
    // 400 000 € × 1 % × 6/12 = 2 000 €; 100 000 € × 0.5 % × 1/12 = 41.666… → 41,67 €.
    // Annual 5 700 + 2 000 + 41,67 = 7 741,67 €; maximum liability still 25 × 4 800 €.
    const offer: PremiumOffer = {
      ...example5Offer,
      topUps: [
        { limitCents: 400_000_00, rateBp: 100, months: 6 },
        { limitCents: 100_000_00, rateBp: 50, months: 1 },
      ],
    };
    expect(estimateOf(offer, example5Context)).toMatchObject({
      topUpPremiumsCents: 2_041_67,
      annualCents: 7_741_67,
      maxLiabilityCents: 120_000_00,
    });
  });

  it('uses a fixed maximum liability when the offer states one', () => {
    const offer: PremiumOffer = { ...example5Offer, maxLiabilityCents: 50_000_00 };
    expect(estimateOf(offer, example5Context).maxLiabilityCents).toBe(50_000_00);
  });

  it('the annual premium never decreases when turnover grows', () => {
    fc.assert(
      fc.property(fc.nat(1e12), fc.nat(1e12), fc.nat(10_000), fc.nat(200), (x, y, share, buyers) => {
        const [low, high] = x <= y ? [x, y] : [y, x];
        const annual = (turnover: number) =>
          estimateOf(example5Offer, { turnoverHtCents: turnover, creditShareBp: share, namedBuyers: buyers })
            .annualCents;
        expect(annual(low)).toBeLessThanOrEqual(annual(high));
      }),
    );
  });

  it('per day and per month are the annual premium divided and rounded to the cent', () => {
    fc.assert(
      fc.property(fc.nat(1e12), fc.nat(500), (turnover, buyers) => {
        const e = estimateOf(example5Offer, {
          turnoverHtCents: turnover,
          creditShareBp: 8000,
          namedBuyers: buyers,
        });
        expect(e.annualCents).toBe(e.premiumBaseCents + e.monitoringFeesCents + e.topUpPremiumsCents);
        expect(Math.abs(e.perDayCents * 365 - e.annualCents)).toBeLessThanOrEqual(182.5);
        expect(Math.abs(e.perMonthCents * 12 - e.annualCents)).toBeLessThanOrEqual(6);
      }),
    );
  });
});

describe('topUpPremium', () => {
  it.each([
    [{ limitCents: 120_000_00, rateBp: 100, months: 12 }, 1_200_00], // 1 % of 120 000 € for a year
    [{ limitCents: 120_000_00, rateBp: 100, months: 0 }, 0],
    [{ limitCents: 10_000_00, rateBp: 35, months: 5 }, 14_58], // 10 000 × 0.35 % × 5/12 = 14.583… → 14,58 €
  ])('%j → %d', (topUp, expected) => {
    expect(topUpPremium(topUp)).toBe(expected);
  });

  it.each([13, -1, 1.5])('refuses %d months', (months) => {
    expect(() => topUpPremium({ limitCents: 1, rateBp: 1, months })).toThrow(RangeError);
  });
});

describe('estimatePremium — flat price by turnover band', () => {
  const bandOffer: PremiumOffer = {
    kind: 'turnover-band',
    id: 'band',
    label,
    quotityBp: 8500,
    maxLiabilityMultiple: 20,
    // Deliberately unsorted: the estimator sorts by upper bound.
    bands: [
      { upToTurnoverCents: 2_000_000_00, annualPriceCents: 2_900_00 },
      { upToTurnoverCents: 500_000_00, annualPriceCents: 1_200_00 },
      { upToTurnoverCents: 1_000_000_00, annualPriceCents: 1_900_00 },
    ],
  };

  it.each([
    [300_000_00, 1_200_00],
    [500_000_00, 1_200_00], // an upper bound belongs to its band
    [500_000_01, 1_900_00],
    [1_000_000_00, 1_900_00],
    [2_000_000_00, 2_900_00],
  ])('turnover %d → %d a year', (turnover, price) => {
    const estimate = estimateOf(bandOffer, {
      turnoverHtCents: turnover,
      creditShareBp: 8000,
      namedBuyers: 3,
    });
    // No monitoring fee in this offer; maximum liability 20 × the price.
    expect(estimate).toMatchObject({ premiumBaseCents: price, annualCents: price, monitoringFeesCents: 0 });
    expect(estimate.maxLiabilityCents).toBe(20 * price);
    expect(estimate.insurableTurnoverCents).toBeUndefined();
  });

  it('refuses a turnover above the last band', () => {
    expect(
      estimatePremium(bandOffer, { turnoverHtCents: 2_000_000_01, creditShareBp: 8000, namedBuyers: 0 }),
    ).toMatchObject({
      ok: false,
      reason: 'turnover-above-bands',
    });
  });

  it('an open-ended band takes every turnover above the others', () => {
    const open: PremiumOffer = {
      ...bandOffer,
      bands: [{ upToTurnoverCents: null, annualPriceCents: 4_500_00 }, ...bandOffer.bands],
    };
    expect(
      estimateOf(open, { turnoverHtCents: 9_000_000_00, creditShareBp: 0, namedBuyers: 0 }).annualCents,
    ).toBe(4_500_00);
    expect(estimateOf(open, { turnoverHtCents: 100_00, creditShareBp: 0, namedBuyers: 0 }).annualCents).toBe(
      1_200_00,
    );
  });
});

describe('estimatePremium — rate on month-end outstanding', () => {
  const outstandingOffer: PremiumOffer = {
    kind: 'outstanding-rate',
    id: 'out',
    label,
    rateBp: 150,
    minimumPremiumCents: 3_000_00,
    monitoringFeePerBuyerCents: 50_00,
    maxLiabilityMultiple: 30,
    quotityBp: 9000,
  };
  const base = { turnoverHtCents: 3_000_000_00, creditShareBp: 9000, namedBuyers: 2 };

  it('twelve month-ends: average × annual rate', () => {
    // 6 × 200 000 € and 6 × 300 000 € → average 250 000 €; × 1.5 % = 3 750 € (> 3 000 €); + 2 × 50 € = 3 850 €.
    const figures = [...Array<number>(6).fill(200_000_00), ...Array<number>(6).fill(300_000_00)];
    expect(estimateOf(outstandingOffer, { ...base, monthEndOutstandingCents: figures })).toMatchObject({
      premiumBaseCents: 3_750_00,
      isMinimumApplied: false,
      annualCents: 3_850_00,
      maxLiabilityCents: 112_500_00, // 30 × 3 750 €
    });
  });

  it('an average given directly', () => {
    expect(
      estimateOf(outstandingOffer, { ...base, averageMonthEndOutstandingCents: 250_000_00 }).premiumBaseCents,
    ).toBe(3_750_00);
  });

  it('an empty list falls back on the average', () => {
    expect(
      estimateOf(outstandingOffer, {
        ...base,
        monthEndOutstandingCents: [],
        averageMonthEndOutstandingCents: 250_000_00,
      }).premiumBaseCents,
    ).toBe(3_750_00);
  });

  it('the minimum applies to a small outstanding', () => {
    // 100 000 € × 1.5 % = 1 500 € < 3 000 €.
    expect(
      estimateOf(outstandingOffer, { ...base, averageMonthEndOutstandingCents: 100_000_00 }),
    ).toMatchObject({
      premiumBaseCents: 3_000_00,
      isMinimumApplied: true,
    });
  });

  it('divides once: (100 + 200 + 201) € ÷ 3 × 1.5 % = 2.505 € → 2,51 €', () => {
    const noMinimum: PremiumOffer = {
      ...outstandingOffer,
      minimumPremiumCents: 0,
      monitoringFeePerBuyerCents: 0,
    };
    expect(
      estimateOf(noMinimum, { ...base, monthEndOutstandingCents: [100_00, 200_00, 201_00] }).annualCents,
    ).toBe(2_51);
  });

  it('needs figures', () => {
    expect(estimatePremium(outstandingOffer, base)).toMatchObject({
      ok: false,
      reason: 'no-outstanding-figures',
    });
    expect(estimatePremium(outstandingOffer, { ...base, monthEndOutstandingCents: [] })).toMatchObject({
      ok: false,
      reason: 'no-outstanding-figures',
    });
  });
});

describe('expectedLossWithoutInsurance', () => {
  it('defaults to the seed 7 × 9 400 € = 65 800 €', () => {
    expect(expectedLossWithoutInsurance()).toEqual({ cents: 65_800_00, source: 'seed' });
    expect(expectedLossWithoutInsurance([])).toEqual({ cents: 65_800_00, source: 'seed' });
  });

  it.each([
    [[10_000_00, 20_000_00, 0], 10_000_00], // (10 000 + 20 000 + 0) / 3
    [[1, 2], 2], // 1.5 c → 2 c
    [[5_000_00], 5_000_00],
  ])('averages the history %j → %d', (history, expected) => {
    expect(expectedLossWithoutInsurance(history)).toEqual({ cents: expected, source: 'history' });
  });
});

describe('breakEvenExtraSales', () => {
  it.each([
    [10_000_00, 500, 200_000_00], // 10 000 € at 5 % → 200 000 € (domain.md §1)
    [65_800_00, 500, 1_316_000_00],
    [3_00, 700, 42_86], // 3 € / 7 % = 42.857… → 42,86 €
  ])('%d at %d bp → %d', (loss, margin, expected) => {
    expect(breakEvenExtraSales(loss, margin)).toBe(expected);
  });

  it.each([0, -500, 2.5])('refuses a margin of %d bp', (margin) => {
    expect(() => breakEvenExtraSales(100, margin)).toThrow(RangeError);
  });
});

describe('compareOffers', () => {
  const smallBands: PremiumOffer = {
    kind: 'turnover-band',
    id: 'small',
    label: { fr: 'Petit forfait', en: 'Small flat fee' },
    quotityBp: 8500,
    maxLiabilityMultiple: 20,
    bands: [{ upToTurnoverCents: 1_000_000_00, annualPriceCents: 1_900_00 }],
  };
  const openBands: PremiumOffer = {
    ...smallBands,
    id: 'open',
    bands: [{ upToTurnoverCents: null, annualPriceCents: 2_900_00 }],
  };

  it('puts the offers side by side with the expected loss and break-even sales', () => {
    const comparison = compareOffers([example5Offer, smallBands, openBands], {
      ...example5Context,
      marginBp: 500,
    });
    // Seed expected loss 65 800 €; at 5 % margin it takes 1 316 000 € of extra sales to earn back.
    expect(comparison.expectedLoss).toEqual({ cents: 65_800_00, source: 'seed' });
    expect(comparison.lossBreakEvenSalesCents).toBe(1_316_000_00);
    expect(comparison.rows.map((row) => row.offerId)).toEqual(['ex5', 'small', 'open']);

    // Example 5 offer: max liability 120 000 € ≥ 65 800 € → covered 65 800 × 90 % = 59 220 €;
    // net 5 700 − 59 220 = −53 520 €; 5 700 € / 5 % = 114 000 € of sales pay for the premium.
    expect(comparison.rows[0]).toMatchObject({
      ok: true,
      quotityBp: 9000,
      coveredExpectedLossCents: 59_220_00,
      netCostCents: -53_520_00,
      premiumBreakEvenSalesCents: 114_000_00,
    });
    // Turnover 2 M€ is above the small offer's only band.
    expect(comparison.rows[1]).toMatchObject({
      ok: false,
      reason: 'turnover-above-bands',
      label: smallBands.label,
    });
    // Open band: 2 900 €, max liability 20 × 2 900 = 58 000 € < 65 800 € → covered 58 000 × 85 % = 49 300 €;
    // net 2 900 − 49 300 = −46 400 €.
    expect(comparison.rows[2]).toMatchObject({
      ok: true,
      coveredExpectedLossCents: 49_300_00,
      netCostCents: -46_400_00,
      premiumBreakEvenSalesCents: 58_000_00,
    });
  });

  it('uses the firm’s own history and leaves out break-even figures without a margin', () => {
    // History average 2 000 € → covered 2 000 × 90 % = 1 800 €; net 5 700 − 1 800 = 3 900 €.
    const comparison = compareOffers([example5Offer], {
      ...example5Context,
      lossHistoryCents: [1_000_00, 3_000_00],
    });
    expect(comparison.expectedLoss).toEqual({ cents: 2_000_00, source: 'history' });
    expect(comparison).not.toHaveProperty('lossBreakEvenSalesCents');
    expect(comparison.rows[0]).toMatchObject({ coveredExpectedLossCents: 1_800_00, netCostCents: 3_900_00 });
    expect(comparison.rows[0]).not.toHaveProperty('premiumBreakEvenSalesCents');
  });
});
