import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverAsOf, shipmentDate } from './cover';
import { exposureOf } from './exposure';
import { limitInForce } from './limits';
import type { Invoice, LimitDecision, LimitDecisionKind, LimitLayer, Payment } from './model';
import { DEFAULT_POLICY } from './policy';
import {
  decision as buildDecision,
  invoice as buildInvoice,
  ledgerOf,
  payment as buildPayment,
} from './test-builders';

const EUR = 100; // cents per euro

// Invoices in euros, HT with 20 % VAT (cover works on HT by default), shipped and issued the same day, due
// 2026-04-30: ≤ 120 days after every shipment used here, so within the maximum credit terms.
const invoice = (id: string, htEuros: number, shipped: string, extra: Partial<Invoice> = {}): Invoice =>
  buildInvoice(id, htEuros * EUR * 1.2, '2026-04-30', {
    number: id,
    issueDate: shipped,
    deliveryDate: shipped,
    amountHtCents: htEuros * EUR,
    ...extra,
  });
const payment = (id: string, euros: number, date: string, invoiceId?: string): Payment =>
  buildPayment(id, euros * EUR, date, invoiceId);
const decision = (
  id: string,
  kind: LimitDecisionKind,
  effectiveDate: string,
  euros: number,
  extra: Partial<LimitDecision> = {},
): LimitDecision => buildDecision(id, kind, effectiveDate, euros * EUR, extra);

describe('coverAsOf — worked example 1', () => {
  // Exposure 40 000 HT, named limit 30 000, quotité 90 % → covered 30 000, uncovered 10 000, indemnity 27 000.
  const cover = coverAsOf(
    ledgerOf({
      invoices: [invoice('a', 25_000, '2026-02-01'), invoice('b', 15_000, '2026-03-01')],
      limitDecisions: [decision('g', 'granted', '2026-01-01', 30_000)],
    }),
    DEFAULT_POLICY,
    '2026-04-01',
  );

  it.each([
    ['exposureCents', 40_000 * EUR],
    ['coveredCents', 30_000 * EUR],
    ['uncoveredCents', 10_000 * EUR],
    ['limitCents', 30_000 * EUR],
  ] as const)('%s = %i', (field, expected) => {
    expect(cover[field]).toBe(expected);
  });

  it('named layer at 90 % → 27 000 guaranteed', () => {
    expect(cover.byLayer).toEqual([
      {
        layer: 'named',
        limitCents: 30_000 * EUR,
        coveredCents: 30_000 * EUR,
        quotityBp: 9000,
        guaranteedCents: 27_000 * EUR,
      },
    ]);
    expect(cover.basis).toBe('HT');
  });

  it('covers the earlier shipment in full and the later one up to the limit', () => {
    expect(cover.perInvoice).toEqual([
      {
        invoiceId: 'a',
        openCents: 25_000 * EUR,
        coveredCents: 25_000 * EUR,
        topUpCoveredCents: 0,
        layer: 'named',
        limitCents: 30_000 * EUR,
        limitLayer: 'named',
      },
      {
        invoiceId: 'b',
        openCents: 15_000 * EUR,
        coveredCents: 5_000 * EUR,
        topUpCoveredCents: 0,
        layer: 'named',
        limitCents: 30_000 * EUR,
        limitLayer: 'named',
        uncoveredReason: 'over-limit',
      },
    ]);
  });
});

describe('coverAsOf — worked example 2 (limit 50 000 reduced to 20 000 effective 2026-06-15)', () => {
  const decisions = [
    decision('g', 'granted', '2026-01-01', 50_000),
    decision('red', 'reduced', '2026-06-15', 20_000, { decisionDate: '2026-05-16' }),
  ];
  it.each([
    {
      stage: 'before the change only: 35 000 shipped before → covered 35 000 (old limit)',
      invoices: [invoice('old', 35_000, '2026-05-01')],
      payments: [],
      covered: 35_000,
      perInvoice: { old: 35_000 },
    },
    {
      stage: '+ 10 000 shipped after: headroom 20 000 − 35 000 < 0 → after-part uncovered',
      invoices: [invoice('old', 35_000, '2026-05-01'), invoice('new', 10_000, '2026-06-20')],
      payments: [],
      covered: 35_000,
      perInvoice: { old: 35_000, new: 0 },
    },
    {
      stage: 'older paid down to 5 000, 25 000 shipped after → 5 000 + min(25 000, 20 000 − 5 000) = 20 000',
      invoices: [invoice('old', 35_000, '2026-05-01'), invoice('new', 25_000, '2026-06-20')],
      // 36 000 TTC paid on 42 000 TTC leaves 6 000 TTC = 5 000 HT open.
      payments: [payment('p', 36_000, '2026-06-25', 'old')],
      covered: 20_000,
      perInvoice: { old: 5_000, new: 15_000 },
    },
  ])('$stage', ({ invoices, payments, covered, perInvoice }) => {
    const cover = coverAsOf(
      ledgerOf({ invoices, payments, limitDecisions: decisions }),
      DEFAULT_POLICY,
      '2026-06-30',
    );
    expect(cover.coveredCents).toBe(covered * EUR);
    expect(
      Object.fromEntries(cover.perInvoice.map((row) => [row.invoiceId, row.coveredCents / EUR])),
    ).toEqual(perInvoice);
    expect(cover.limitCents).toBe(20_000 * EUR);
  });
});

describe('coverAsOf — layers and fallbacks', () => {
  const fifteenThousand = [invoice('a', 15_000, '2026-02-01')];

  it('covers a buyer without any named decision up to the unnamed threshold at the unnamed quotité', () => {
    const cover = coverAsOf(ledgerOf({ invoices: fifteenThousand }), DEFAULT_POLICY, '2026-03-01');
    // Threshold 10 000 at 70 % → 7 000 guaranteed.
    expect(cover.primaryLayer).toBe('unnamed');
    expect(cover.byLayer).toEqual([
      {
        layer: 'unnamed',
        limitCents: 10_000 * EUR,
        coveredCents: 10_000 * EUR,
        quotityBp: 7000,
        guaranteedCents: 7_000 * EUR,
      },
    ]);
  });

  it('a pending request does not remove the unnamed cover', () => {
    const cover = coverAsOf(
      ledgerOf({ invoices: fifteenThousand, limitDecisions: [decision('r', 'requested', '2026-01-01', 0)] }),
      DEFAULT_POLICY,
      '2026-03-01',
    );
    expect(cover.coveredCents).toBe(10_000 * EUR);
  });

  it.each(['cancelled', 'refused'] as const)(
    'a %s named limit does NOT fall back to the unnamed threshold',
    (kind) => {
      const cover = coverAsOf(
        ledgerOf({
          invoices: fifteenThousand,
          limitDecisions: [
            decision('g', 'granted', '2025-06-01', 50_000),
            decision('x', kind, '2026-01-15', 0),
          ],
        }),
        DEFAULT_POLICY,
        '2026-03-01',
      );
      expect(cover.coveredCents).toBe(0);
      expect(cover.limitCents).toBe(0);
      expect(cover.uncoveredCents).toBe(15_000 * EUR);
    },
  );

  it('an invoice shipped before the named limit took effect is covered by the unnamed threshold', () => {
    const cover = coverAsOf(
      ledgerOf({
        invoices: [invoice('early', 12_000, '2026-01-10'), invoice('later', 30_000, '2026-02-10')],
        limitDecisions: [decision('g', 'granted', '2026-02-01', 50_000)],
      }),
      DEFAULT_POLICY,
      '2026-03-01',
    );
    // early: unnamed 10 000 of 12 000; later: named headroom 50 000 − 12 000 = 38 000 ≥ 30 000 → 30 000.
    expect(cover.perInvoice.map((row) => [row.invoiceId, row.layer, row.coveredCents / EUR])).toEqual([
      ['early', 'unnamed', 10_000],
      ['later', 'named', 30_000],
    ]);
  });

  it('a discretionary limit covers at its own quotité (unnamed quotité by default)', () => {
    const cover = coverAsOf(
      ledgerOf({
        invoices: fifteenThousand,
        limitDecisions: [decision('d', 'granted', '2026-01-01', 12_000, { layer: 'discretionary' })],
      }),
      DEFAULT_POLICY,
      '2026-03-01',
    );
    expect(cover.byLayer).toEqual([
      {
        layer: 'discretionary',
        limitCents: 12_000 * EUR,
        coveredCents: 12_000 * EUR,
        quotityBp: 7000,
        guaranteedCents: 8_400 * EUR,
      },
    ]);
  });

  it('a top-up layer adds to the primary limit with its own quotité', () => {
    const cover = coverAsOf(
      ledgerOf({
        invoices: [invoice('a', 30_000, '2026-02-01'), invoice('b', 20_000, '2026-02-15')],
        limitDecisions: [
          decision('n', 'granted', '2026-01-01', 20_000),
          decision('t', 'granted', '2026-01-01', 20_000, { layer: 'top-up', quotityBp: 8000 }),
        ],
      }),
      DEFAULT_POLICY,
      '2026-03-01',
    );
    // Exposure 50 000; named 20 000 at 90 % = 18 000; top-up 20 000 at 80 % = 16 000; uncovered 10 000.
    expect(cover.limitCents).toBe(40_000 * EUR);
    expect(cover.coveredCents).toBe(40_000 * EUR);
    expect(cover.uncoveredCents).toBe(10_000 * EUR);
    expect(
      cover.byLayer.map((layer) => [layer.layer, layer.coveredCents / EUR, layer.guaranteedCents / EUR]),
    ).toEqual([
      ['named', 20_000, 18_000],
      ['top-up', 20_000, 16_000],
    ]);
    // a: 20 000 named + 10 000 top-up; b: 0 named (20 000 − 30 000 < 0) + 10 000 top-up (20 000 − 10 000).
    expect(cover.perInvoice.map((row) => [row.coveredCents / EUR, row.topUpCoveredCents / EUR])).toEqual([
      [30_000, 10_000],
      [10_000, 10_000],
    ]);
  });

  it('a top-up layer stands alone after a refusal (CAP+)', () => {
    const cover = coverAsOf(
      ledgerOf({
        invoices: [invoice('a', 25_000, '2026-02-01')],
        limitDecisions: [
          decision('r', 'refused', '2026-01-01', 0),
          decision('t', 'granted', '2026-01-01', 30_000, { layer: 'top-up', quotityBp: 8000 }),
        ],
      }),
      DEFAULT_POLICY,
      '2026-03-01',
    );
    expect(cover.coveredCents).toBe(25_000 * EUR);
    expect(cover.byLayer.find((layer) => layer.layer === 'top-up')?.guaranteedCents).toBe(20_000 * EUR);
    expect(cover.byLayer.find((layer) => layer.layer === 'named')?.coveredCents).toBe(0);
  });

  it('does not cover a disputed invoice and does not let it consume the limit', () => {
    const cover = coverAsOf(
      ledgerOf({
        invoices: [
          invoice('d', 20_000, '2026-02-01', { disputed: true }),
          invoice('ok', 25_000, '2026-02-10'),
        ],
        limitDecisions: [decision('g', 'granted', '2026-01-01', 30_000)],
      }),
      DEFAULT_POLICY,
      '2026-03-01',
    );
    expect(cover.coveredCents).toBe(25_000 * EUR);
    expect(cover.uncoveredCents).toBe(20_000 * EUR);
    expect(cover.perInvoice[0]).toMatchObject({
      invoiceId: 'd',
      coveredCents: 0,
      layer: null,
      // The limit at its shipment is still reported, for display.
      limitCents: 30_000 * EUR,
      limitLayer: 'named',
      uncoveredReason: 'disputed',
    });
  });

  it.each([
    ['France, 150 days > 120', undefined, 0],
    ['export, 150 days ≤ 180', 'DE', 10_000],
  ])('terms beyond the maximum credit terms are not covered: %s', (_label, country, covered) => {
    // Issued 2026-01-01, due 2026-05-31 = 31 + 28 + 31 + 30 + 30 = 150 days of credit.
    const cover = coverAsOf(
      ledgerOf({
        buyer: { id: 'b1', name: 'Client', ...(country === undefined ? {} : { country }) },
        invoices: [invoice('a', 10_000, '2026-01-01', { dueDate: '2026-05-31' })],
        limitDecisions: [decision('g', 'granted', '2025-12-01', 30_000)],
      }),
      DEFAULT_POLICY,
      '2026-02-01',
    );
    expect(cover.coveredCents).toBe(covered * EUR);
  });

  it('uses the issue date when there is no delivery date', () => {
    const { deliveryDate: _unused, ...withoutDelivery } = invoice('a', 1, '2026-03-03');
    expect(shipmentDate(withoutDelivery)).toBe('2026-03-03');
  });
});

describe('coverAsOf — properties', () => {
  const day = fc
    .integer({ min: 0, max: 180 })
    .map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
  const kinds: LimitDecisionKind[] = [
    'requested',
    'granted',
    'partial',
    'refused',
    'reduced',
    'cancelled',
    'temporary',
  ];
  const layers: LimitLayer[] = ['named', 'discretionary', 'top-up'];
  const scenario = fc.record({
    invoices: fc.array(
      fc.record({ euros: fc.integer({ min: 1, max: 60_000 }), shipped: day, disputed: fc.boolean() }),
      { maxLength: 10 },
    ),
    payments: fc.array(fc.record({ euros: fc.integer({ min: 1, max: 40_000 }), date: day }), {
      maxLength: 4,
    }),
    decisions: fc.array(
      fc.record({
        kind: fc.constantFrom(...kinds),
        layer: fc.constantFrom(...layers),
        day,
        euros: fc.integer({ min: 0, max: 80_000 }),
        end: fc.option(day),
      }),
      { maxLength: 6 },
    ),
    asOf: day,
    basis: fc.constantFrom('HT' as const, 'TTC' as const),
  });

  it('covered never exceeds the exposure, nor per layer the largest limit in force at the shipments', () => {
    fc.assert(
      fc.property(scenario, (generated) => {
        const ledger = ledgerOf({
          invoices: generated.invoices.map((entry, index) =>
            invoice(`i${index}`, entry.euros, entry.shipped, { disputed: entry.disputed }),
          ),
          payments: generated.payments.map((entry, index) => payment(`p${index}`, entry.euros, entry.date)),
          limitDecisions: generated.decisions.map((entry, index) =>
            decision(
              `d${index}`,
              entry.kind,
              entry.day,
              entry.kind === 'refused' || entry.kind === 'cancelled' ? 0 : entry.euros,
              {
                layer: entry.layer,
                ...(entry.end === null ? {} : { endDate: entry.end }),
              },
            ),
          ),
        });
        const policy = { ...DEFAULT_POLICY, coverBasis: generated.basis };
        const cover = coverAsOf(ledger, policy, generated.asOf);
        const exposure = exposureOf(ledger, policy, generated.asOf);
        expect(cover.coveredCents).toBeLessThanOrEqual(exposure.exposureCents);
        expect(cover.coveredCents + cover.uncoveredCents).toBe(exposure.exposureCents);

        // Independent bound: for each open invoice, the limit of each layer in force at its shipment.
        const shipments = exposure.openItems.map((item) => shipmentDate(item.invoice));
        const maxIn = (layer: LimitLayer): number =>
          Math.max(
            0,
            ...shipments.map((date) => limitInForce(ledger.limitDecisions, layer, date)?.amountCents ?? 0),
          );
        const covered = (layer: string): number =>
          cover.byLayer.filter((row) => row.layer === layer).reduce((sum, row) => sum + row.coveredCents, 0);
        expect(covered('named')).toBeLessThanOrEqual(maxIn('named'));
        expect(covered('discretionary')).toBeLessThanOrEqual(maxIn('discretionary'));
        expect(covered('top-up')).toBeLessThanOrEqual(maxIn('top-up'));
        expect(covered('unnamed')).toBeLessThanOrEqual(policy.unnamedThresholdCents);
        for (const row of cover.perInvoice) {
          expect(row.coveredCents).toBeGreaterThanOrEqual(0);
          expect(row.coveredCents).toBeLessThanOrEqual(row.openCents);
        }
      }),
    );
  });

  it('with one constant limit, covered = min(insurable exposure, limit)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ euros: fc.integer({ min: 1, max: 60_000 }), shipped: day }), { maxLength: 10 }),
        fc.integer({ min: 0, max: 200_000 }),
        (entries, limitEuros) => {
          const ledger = ledgerOf({
            invoices: entries.map((entry, index) => invoice(`i${index}`, entry.euros, entry.shipped)),
            limitDecisions: [decision('g', 'granted', '2025-01-01', limitEuros)],
          });
          const total = entries.reduce((sum, entry) => sum + entry.euros, 0);
          expect(coverAsOf(ledger, DEFAULT_POLICY, '2026-12-31').coveredCents).toBe(
            Math.min(total, limitEuros) * EUR,
          );
        },
      ),
    );
  });
});

describe('coverAsOf — limit looked up at each shipment', () => {
  // A validity that ends before the decision takes effect (endDate 2026-01-15 < effective 2026-02-01) makes the
  // replay emit its expiry (2026-01-16) after the 2026-02-01 step: the timeline's dates are not ascending.
  // The walk in shipment order must still give each invoice the limit `limitInForce` gives for its shipment.
  it.each([['2026-01-20'], ['2026-02-10'], ['2026-02-20'], ['2026-03-05']])(
    'shipment %s gets the limit in force that day, even with an out-of-order timeline',
    (shipped) => {
      const limitDecisions = [
        decision('L1', 'granted', '2026-02-01', 50_000, { endDate: '2026-01-15' }),
        decision('L2', 'reduced', '2026-03-01', 20_000),
      ];
      const ledger = ledgerOf({
        invoices: [
          invoice('I-early', 1_000, '2026-01-10'),
          invoice('I-shipped', 1_000, shipped),
          invoice('I-late', 1_000, '2026-03-20'),
        ],
        limitDecisions,
      });
      const cover = coverAsOf(ledger, DEFAULT_POLICY, '2026-04-01');
      for (const row of cover.perInvoice) {
        const source = ledger.invoices.find((candidate) => candidate.id === row.invoiceId);
        expect(source).toBeDefined();
        if (source === undefined) continue;
        const named = limitInForce(limitDecisions, 'named', shipmentDate(source));
        // No named decision in force → the unnamed threshold applies (domain.md §4).
        const expected = named === null ? DEFAULT_POLICY.unnamedThresholdCents : named.amountCents;
        expect(row.limitCents).toBe(expected);
      }
    },
  );
});
