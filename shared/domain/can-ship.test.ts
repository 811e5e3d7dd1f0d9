import { describe, expect, it } from 'vitest';
import { canShip, roundUpToRequestStep } from './can-ship';
import { DEFAULT_POLICY } from './policy';
import { decision, invoice, ledgerOf, payment } from './test-builders';

const TODAY = '2026-11-25';

describe('roundUpToRequestStep', () => {
  it('rounds up to the next 1 000 €, leaves round amounts and non-positive ones alone', () => {
    expect(roundUpToRequestStep(1)).toBe(1_000_00);
    expect(roundUpToRequestStep(14_000_01)).toBe(15_000_00);
    expect(roundUpToRequestStep(15_000_00)).toBe(15_000_00);
    expect(roundUpToRequestStep(0)).toBe(0);
    expect(roundUpToRequestStep(-5_00)).toBe(0);
  });
});

describe('canShip', () => {
  // Exposure 40 000 € (two open invoices), named limit 50 000 € at 90 %.
  const ledger = ledgerOf({
    invoices: [invoice('i1', 30_000_00, '2026-12-31'), invoice('i2', 10_000_00, '2026-12-15')],
    limitDecisions: [decision('d1', 'granted', '2026-01-01', 50_000_00)],
  });

  it('an order within the headroom is covered', () => {
    // headroom = 50 000 − 40 000 = 10 000 ≥ 8 000; indemnifiable = 8 000 × 90 % = 7 200.
    const result = canShip(ledger, DEFAULT_POLICY, {
      orderCents: 8_000_00,
      deliveryDate: TODAY,
      asOf: TODAY,
    });
    expect(result).toMatchObject({
      verdict: 'covered',
      limitCents: 50_000_00,
      exposureCents: 40_000_00,
      headroomCents: 10_000_00,
      coveredCents: 8_000_00,
      uncoveredCents: 0,
      quotityBp: 9000,
      indemnifiableCents: 7_200_00,
      increaseCents: 0,
      requestedLimitCents: null,
    });
  });

  it('an order beyond the headroom is partly covered and asks for the increase rounded up to 1 000 €', () => {
    // headroom 10 000; order 24 500.50 → covered 10 000, uncovered 14 500.50;
    // needed = 40 000 + 24 500.50 − 50 000 = 14 500.50 → 15 000; requested limit 65 000.
    const result = canShip(ledger, DEFAULT_POLICY, {
      orderCents: 24_500_50,
      deliveryDate: '2026-12-01',
      asOf: TODAY,
    });
    expect(result).toMatchObject({
      verdict: 'partly-covered',
      coveredCents: 10_000_00,
      uncoveredCents: 14_500_50,
      indemnifiableCents: 9_000_00,
      increaseCents: 15_000_00,
      requestedLimitCents: 65_000_00,
    });
  });

  it('exposure already over the limit: nothing of the order is covered', () => {
    // Limit 30 000 < exposure 40 000: headroom 0; needed = 40 000 + 5 000 − 30 000 = 15 000.
    const over = ledgerOf({
      invoices: ledger.invoices,
      limitDecisions: [decision('d1', 'granted', '2026-01-01', 30_000_00)],
    });
    const result = canShip(over, DEFAULT_POLICY, { orderCents: 5_000_00, deliveryDate: TODAY, asOf: TODAY });
    expect(result).toMatchObject({
      verdict: 'not-covered',
      headroomCents: 0,
      coveredCents: 0,
      uncoveredCents: 5_000_00,
      increaseCents: 15_000_00,
      requestedLimitCents: 45_000_00,
    });
  });

  it('uses today exposure: invoices falling due before the delivery are not assumed paid, payments are', () => {
    // i2 (10 000) is due 2026-12-15, before a delivery on 2027-01-10: still counted. A payment of 5 000
    // made today on i1 is counted: exposure 35 000, headroom 15 000.
    const paid = ledgerOf({ ...ledger, payments: [payment('p1', 5_000_00, TODAY, 'i1')] });
    const result = canShip(paid, DEFAULT_POLICY, {
      orderCents: 15_000_00,
      deliveryDate: '2027-01-10',
      asOf: TODAY,
    });
    expect(result.exposureCents).toBe(35_000_00);
    expect(result.verdict).toBe('covered');
  });

  describe('a reduction 50 000 → 20 000 decided today, effective 2026-12-25', () => {
    const reduced = ledgerOf({
      invoices: [invoice('i1', 15_000_00, '2026-12-31')],
      limitDecisions: [
        decision('d1', 'granted', '2026-01-01', 50_000_00),
        decision('d2', 'reduced', '2026-12-25', 20_000_00, { decisionDate: TODAY }),
      ],
    });

    it('a delivery before the effective date keeps the old limit', () => {
      // 50 000 − 15 000 = 35 000 headroom ≥ 10 000.
      const result = canShip(reduced, DEFAULT_POLICY, {
        orderCents: 10_000_00,
        deliveryDate: '2026-12-24',
        asOf: TODAY,
      });
      expect(result).toMatchObject({ verdict: 'covered', limitCents: 50_000_00, limitTodayCents: 50_000_00 });
    });

    it('a delivery on or after the effective date gets only the new limit', () => {
      // 20 000 − 15 000 = 5 000 headroom: 5 000 covered, 5 000 uncovered;
      // needed = 15 000 + 10 000 − 20 000 = 5 000 → 5 000; requested 25 000.
      const result = canShip(reduced, DEFAULT_POLICY, {
        orderCents: 10_000_00,
        deliveryDate: '2026-12-25',
        asOf: TODAY,
      });
      expect(result).toMatchObject({
        verdict: 'partly-covered',
        limitCents: 20_000_00,
        limitTodayCents: 50_000_00,
        coveredCents: 5_000_00,
        uncoveredCents: 5_000_00,
        increaseCents: 5_000_00,
        requestedLimitCents: 25_000_00,
      });
    });
  });

  it('a temporary limit ending before the delivery no longer applies', () => {
    // Standing 20 000; temporary 60 000 through 2026-12-10. Exposure 15 000, order 20 000.
    const temporary = ledgerOf({
      invoices: [invoice('i1', 15_000_00, '2026-12-31')],
      limitDecisions: [
        decision('d1', 'granted', '2026-01-01', 20_000_00),
        decision('d2', 'temporary', '2026-11-01', 60_000_00, { endDate: '2026-12-10' }),
      ],
    });
    const during = canShip(temporary, DEFAULT_POLICY, {
      orderCents: 20_000_00,
      deliveryDate: '2026-12-10',
      asOf: TODAY,
    });
    // 60 000 − 15 000 = 45 000 ≥ 20 000.
    expect(during).toMatchObject({ verdict: 'covered', limitCents: 60_000_00 });
    const after = canShip(temporary, DEFAULT_POLICY, {
      orderCents: 20_000_00,
      deliveryDate: '2026-12-11',
      asOf: TODAY,
    });
    // 20 000 − 15 000 = 5 000 covered; needed 15 000 + 20 000 − 20 000 = 15 000.
    expect(after).toMatchObject({
      verdict: 'partly-covered',
      limitCents: 20_000_00,
      coveredCents: 5_000_00,
      uncoveredCents: 15_000_00,
      increaseCents: 15_000_00,
    });
  });

  it('a refused named limit does not fall back to the unnamed threshold', () => {
    // Refused: limit 0 → no cover; needed = 0 + 3 000.50 → 4 000 to request.
    const refused = ledgerOf({ limitDecisions: [decision('d1', 'refused', '2026-01-01', 0)] });
    const result = canShip(refused, DEFAULT_POLICY, {
      orderCents: 3_000_50,
      deliveryDate: TODAY,
      asOf: TODAY,
    });
    expect(result).toMatchObject({
      verdict: 'no-limit',
      limitCents: 0,
      coveredCents: 0,
      uncoveredCents: 3_000_50,
      increaseCents: 4_000_00,
    });
  });

  it('a buyer without any decision is covered up to the unnamed threshold at the unnamed quotité', () => {
    // Threshold 10 000 at 70 %: order 4 000 covered, indemnifiable 2 800.
    const result = canShip(ledgerOf(), DEFAULT_POLICY, {
      orderCents: 4_000_00,
      deliveryDate: TODAY,
      asOf: TODAY,
    });
    expect(result).toMatchObject({
      verdict: 'covered',
      primaryLayer: 'unnamed',
      limitCents: 10_000_00,
      quotityBp: 7000,
      indemnifiableCents: 2_800_00,
    });
  });

  it('a top-up layer adds to the primary limit with its own quotité', () => {
    // Named 20 000 at 90 %, top-up 10 000 at 80 %; exposure 15 000; order 12 000.
    // Primary headroom 5 000 → 5 000 × 90 % = 4 500; top-up covers 7 000 × 80 % = 5 600; total 10 100.
    const layered = ledgerOf({
      invoices: [invoice('i1', 15_000_00, '2026-12-31')],
      limitDecisions: [
        decision('d1', 'granted', '2026-01-01', 20_000_00),
        decision('d2', 'granted', '2026-01-01', 10_000_00, { layer: 'top-up', quotityBp: 8000 }),
      ],
    });
    const result = canShip(layered, DEFAULT_POLICY, {
      orderCents: 12_000_00,
      deliveryDate: TODAY,
      asOf: TODAY,
    });
    expect(result).toMatchObject({
      verdict: 'covered',
      limitCents: 30_000_00,
      coveredCents: 12_000_00,
      indemnifiableCents: 10_100_00,
    });
  });

  it('a buyer in insolvency proceedings is never covered and no increase is suggested', () => {
    const insolvent = ledgerOf({
      ...ledger,
      buyer: { id: 'b1', name: 'Client', insolvency: { kind: 'redressement', judgmentDate: '2026-11-20' } },
    });
    const result = canShip(insolvent, DEFAULT_POLICY, {
      orderCents: 1_000_00,
      deliveryDate: TODAY,
      asOf: TODAY,
    });
    expect(result).toMatchObject({ verdict: 'insolvent', coveredCents: 0, uncoveredCents: 1_000_00 });
    expect(result.increaseCents).toBe(0);
    expect(result.requestedLimitCents).toBeNull();
  });

  it('terms beyond the maximum credit terms (120 days) are not covered, whatever the limit', () => {
    const result = canShip(ledger, DEFAULT_POLICY, {
      orderCents: 1_000_00,
      deliveryDate: TODAY,
      asOf: TODAY,
      termsDays: 150,
    });
    expect(result).toMatchObject({ verdict: 'terms-exceeded', coveredCents: 0, maxTermsDays: 120 });
    const within = canShip(ledger, DEFAULT_POLICY, {
      orderCents: 1_000_00,
      deliveryDate: TODAY,
      asOf: TODAY,
      termsDays: 120,
    });
    expect(within.verdict).toBe('covered');
  });
});
