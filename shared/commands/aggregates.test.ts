import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGING_BUCKETS, agingOfLedger } from '../domain/aging';
import { dsoCountBack, monthlySalesOf } from '../domain/dso';
import type { BuyerLedger, CreditNote, Invoice, Payment } from '../domain/model';
import { DEFAULT_POLICY } from '../domain/policy';
import type { Policy } from '../domain/policy';
import { decision, invoice as invoiceOf, ledgerOf } from '../domain/test-builders';
import {
  computeBuyerAggregate,
  dsoTrendOf,
  loadBuyerLedger,
  loadBuyerLedgers,
  monthEndsOf,
  salesMonthsOf,
  sumDsoFigures,
} from './aggregates';
import type { Change } from './define';
import { createMemoryStore } from './memory-store';

const NOW = '2026-03-01T09:00:00.000Z';

function buyer(id: string): Change {
  return {
    entity: 'buyers',
    id,
    fields: { id, name: `Client ${id}`, nameKey: `client ${id}`, limitHistoryVersion: 0 },
  };
}

function invoice(id: string, buyerId: string): Change {
  return {
    entity: 'invoices',
    id,
    fields: {
      id,
      buyerId,
      number: `F-${id}`,
      issueDate: '2026-01-01',
      dueDate: '2026-02-01',
      amountHtCents: 1000,
      amountTtcCents: 1200,
      currency: 'EUR',
    },
  };
}

function payment(id: string, buyerId: string): Change {
  return {
    entity: 'payments',
    id,
    fields: { id, buyerId, date: '2026-02-01', amountCents: 500, currency: 'EUR' },
  };
}

describe('loadBuyerLedgers', () => {
  it('gives each existing buyer the ledger loadBuyerLedger gives, and nothing for unknown ids', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('invoice', 'payment'), fc.integer({ min: 0, max: 3 })), {
          maxLength: 30,
        }),
        fc.subarray(['b0', 'b1', 'b2', 'b3', 'ghost']),
        async (documents, asked) => {
          const store = createMemoryStore();
          // b0..b2 exist; b3 has documents but no buyer row; 'ghost' has nothing at all.
          store.apply(['b0', 'b1', 'b2'].map(buyer), NOW);
          store.apply(
            documents.map(([kind, owner], index) =>
              kind === 'invoice' ? invoice(`i${index}`, `b${owner}`) : payment(`p${index}`, `b${owner}`),
            ),
            NOW,
          );
          const ledgers = await loadBuyerLedgers(store.reader, [...asked, ...asked]);
          const expectedIds = asked.filter((id) => ['b0', 'b1', 'b2'].includes(id));
          expect([...ledgers.keys()].sort()).toEqual([...expectedIds].sort());
          for (const id of expectedIds)
            expect(ledgers.get(id)).toEqual(await loadBuyerLedger(store.reader, id));
        },
      ),
    );
  });

  it('puts each document in its own buyer’s ledger (counted by hand)', async () => {
    const store = createMemoryStore();
    store.apply(
      [
        buyer('a'),
        buyer('b'),
        invoice('i1', 'a'),
        invoice('i2', 'b'),
        invoice('i3', 'a'),
        payment('p1', 'b'),
      ],
      NOW,
    );
    const ledgers = await loadBuyerLedgers(store.reader, ['a', 'b']);
    expect(
      ledgers
        .get('a')
        ?.invoices.map((row) => row.id)
        .sort(),
    ).toEqual(['i1', 'i3']);
    expect(ledgers.get('a')?.payments).toEqual([]);
    expect(ledgers.get('b')?.invoices.map((row) => row.id)).toEqual(['i2']);
    expect(ledgers.get('b')?.payments.map((row) => row.id)).toEqual(['p1']);
  });
});

const TTC_POLICY: Policy = { ...DEFAULT_POLICY, coverBasis: 'TTC' };
const AS_OF = '2026-11-25';

function inv(id: string, issueDate: string, dueDate: string, ttcEuros: number, buyerId = 'b'): Invoice {
  // HT = TTC ÷ 1.2, exact for the amounts used here (multiples of 1.20 €).
  return {
    id,
    buyerId,
    number: id,
    issueDate,
    dueDate,
    amountHtCents: (ttcEuros * 100 * 5) / 6,
    amountTtcCents: ttcEuros * 100,
    currency: 'EUR',
  };
}

function pay(id: string, date: string, euros: number, buyerId = 'b'): Payment {
  return { id, buyerId, date, amountCents: euros * 100, currency: 'EUR' };
}

function note(id: string, date: string, ttcEuros: number, buyerId = 'b'): CreditNote {
  return {
    id,
    buyerId,
    number: id,
    date,
    amountHtCents: (ttcEuros * 100 * 5) / 6,
    amountTtcCents: ttcEuros * 100,
    currency: 'EUR',
  };
}

/**
 * Worked example 8 of domain.md (open items 1 000 / 2 000 / 3 000 / 4 000, here × 1.2 TTC) plus settled
 * history and a document after the as-of date:
 * - iOld 1 200 (2025-06) paid 2025-07: before the window, nets to 0;
 * - i0 1 800 (2025-11-20), credit note 600 (2025-12-05), payment 1 200 (2026-01-10): settled;
 * - i5 6 000 (2026-03-01) paid 2026-04-15: settled;
 * - open: i4 4 800 due 06-30, i3 3 600 due 09-01, i2 2 400 due 11-10, i1 1 200 due 12-10;
 * - i6 999 issued 2026-11-28: after the as-of date, ignored.
 */
const HAND_LEDGER: BuyerLedger = {
  buyer: { id: 'b', name: 'Client b' },
  invoices: [
    inv('iOld', '2025-06-15', '2025-07-15', 1200),
    inv('i0', '2025-11-20', '2025-12-20', 1800),
    inv('i5', '2026-03-01', '2026-03-31', 6000),
    inv('i4', '2026-05-31', '2026-06-30', 4800),
    inv('i3', '2026-08-02', '2026-09-01', 3600),
    inv('i2', '2026-10-11', '2026-11-10', 2400),
    inv('i1', '2026-11-10', '2026-12-10', 1200),
    inv('i6', '2026-11-28', '2026-12-28', 999),
  ],
  creditNotes: [note('c0', '2025-12-05', 600)],
  payments: [pay('pOld', '2025-07-20', 1200), pay('p0', '2026-01-10', 1200), pay('p5', '2026-04-15', 6000)],
  limitDecisions: [],
};

describe('computeBuyerAggregate: balance âgée and DSO figures (hand-checked)', () => {
  it('ages the open invoices on the cover basis: TTC, then HT', () => {
    const ttc = computeBuyerAggregate(HAND_LEDGER, TTC_POLICY, AS_OF);
    // i1 due in 15 days; i2 15 days late; i3 85 days late; i4 148 days late.
    expect(ttc.aging).toEqual({
      notDue: 1200_00,
      days1To30: 2400_00,
      days31To60: 0,
      days61To90: 3600_00,
      over90: 4800_00,
    });
    expect(ttc.overdueCents).toBe(2400_00 + 3600_00 + 4800_00);
    const ht = computeBuyerAggregate(HAND_LEDGER, DEFAULT_POLICY, AS_OF);
    expect(ht.aging).toEqual({
      notDue: 1000_00,
      days1To30: 2000_00,
      days31To60: 0,
      days61To90: 3000_00,
      over90: 4000_00,
    });
    expect(ht.overdueCents).toBe(9000_00);
    expect(ht.exposureCents).toBe(10_000_00);
  });

  it('keeps the receivable TTC, the 13 months of sales and the 12 month-end balances', () => {
    const aggregate = computeBuyerAggregate(HAND_LEDGER, DEFAULT_POLICY, AS_OF);
    expect(aggregate.receivableTtcCents).toBe(12_000_00);
    expect(salesMonthsOf(AS_OF)).toEqual([
      '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05',
      '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11',
    ]); // prettier-ignore
    expect(aggregate.salesTtcByMonthCents).toEqual(
      [1800, -600, 0, 0, 6000, 0, 4800, 0, 0, 3600, 0, 2400, 1200].map((euros) => euros * 100),
    );
    expect(monthEndsOf(AS_OF)).toEqual([
      '2025-11-30', '2025-12-31', '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30',
      '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31',
    ]); // prettier-ignore
    expect(aggregate.receivableTtcAtMonthEndCents).toEqual(
      [1800, 1200, 0, 0, 6000, 0, 4800, 4800, 4800, 8400, 8400, 10800].map((euros) => euros * 100),
    );
  });

  it('gives the company DSO by count-back over the sums (hand-counted)', () => {
    const trend = dsoTrendOf(
      sumDsoFigures([computeBuyerAggregate(HAND_LEDGER, DEFAULT_POLICY, AS_OF)], AS_OF),
    );
    expect(trend).toHaveLength(13);
    // 12 000 open on 11-25: Nov 1 200 (25 d) → 10 800; Oct 2 400 (31) → 8 400; Sep 0 (30); Aug 3 600 (31)
    // → 4 800; Jul 0 (31); Jun 0 (30); May 4 800 exhausts it: 31 d. 25+31+30+31+31+30+31 = 209.
    expect(trend[12]).toEqual({ date: AS_OF, days: 209, isComplete: true, monthsUsed: 7 });
    // 10 800 open on 10-31: Oct 2 400 (31) → 8 400; Sep 0 (30); Aug 3 600 (31) → 4 800; Jul, Jun 0 (61);
    // May 4 800: 31 → 184.
    expect(trend[11]).toMatchObject({ date: '2026-10-31', days: 184, isComplete: true });
    // Nothing open at the end of April.
    expect(trend[5]).toMatchObject({ date: '2026-04-30', days: 0, isComplete: true });
  });
});

const DATE = fc
  .integer({ min: 0, max: 420 })
  .map((offset) => new Date(Date.UTC(2025, 9, 1) + offset * 86_400_000).toISOString().slice(0, 10));

function ledgerArbitrary(buyerId: string): fc.Arbitrary<BuyerLedger> {
  const invoiceArb = fc
    .record({
      issue: DATE,
      terms: fc.integer({ min: 0, max: 90 }),
      ttc: fc.integer({ min: 1, max: 5_000_00 }),
    })
    .map(({ issue, terms, ttc }) => ({
      issueDate: issue,
      dueDate: new Date(Date.parse(issue) + terms * 86_400_000).toISOString().slice(0, 10),
      amountTtcCents: ttc,
      amountHtCents: Math.round(ttc / 1.2),
    }));
  return fc
    .record({
      invoices: fc.array(invoiceArb, { maxLength: 8 }),
      payments: fc.array(fc.record({ date: DATE, cents: fc.integer({ min: 1, max: 6_000_00 }) }), {
        maxLength: 5,
      }),
      notes: fc.array(fc.record({ date: DATE, cents: fc.integer({ min: 1, max: 1_000_00 }) }), {
        maxLength: 2,
      }),
    })
    .map(({ invoices, payments, notes }) => ({
      buyer: { id: buyerId, name: buyerId },
      invoices: invoices.map((row, i) => ({
        ...row,
        id: `${buyerId}-i${i}`,
        buyerId,
        number: `${buyerId}-${i}`,
        currency: 'EUR',
      })),
      payments: payments.map(({ date, cents }, i) => ({
        id: `${buyerId}-p${i}`,
        buyerId,
        date,
        amountCents: cents,
        currency: 'EUR',
      })),
      creditNotes: notes.map(({ date, cents }, i) => ({
        id: `${buyerId}-c${i}`,
        buyerId,
        number: `${buyerId}-c${i}`,
        date,
        amountTtcCents: cents,
        amountHtCents: Math.round(cents / 1.2),
        currency: 'EUR',
      })),
      limitDecisions: [],
    }));
}

describe('computeBuyerAggregate agrees with the domain functions', () => {
  it('aging = agingOfLedger (TTC basis), balances = its totals, sales = monthlySalesOf', () => {
    fc.assert(
      fc.property(
        ledgerArbitrary('x'),
        DATE,
        fc.constantFrom(TTC_POLICY, DEFAULT_POLICY),
        (ledger, asOf, policy) => {
          const aggregate = computeBuyerAggregate(ledger, policy, asOf);
          const aging = agingOfLedger(ledger, asOf);
          if (policy.coverBasis === 'TTC') expect(aggregate.aging).toEqual(aging.buckets);
          expect(
            aggregate.aging.days1To30 +
              aggregate.aging.days31To60 +
              aggregate.aging.days61To90 +
              aggregate.aging.over90,
          ).toBe(aggregate.overdueCents);
          expect(aggregate.receivableTtcCents).toBe(aging.totalCents);
          expect(aggregate.receivableTtcAtMonthEndCents).toEqual(
            monthEndsOf(asOf).map((end) => agingOfLedger(ledger, end).totalCents),
          );
          const sales = new Map(
            monthlySalesOf(ledger.invoices, ledger.creditNotes, asOf).map((m) => [m.month, m.salesTtcCents]),
          );
          expect(aggregate.salesTtcByMonthCents).toEqual(
            salesMonthsOf(asOf).map((month) => sales.get(month) ?? 0),
          );
        },
      ),
    );
  });

  it('the company DSO from summed aggregates equals dsoCountBack on the merged ledger', () => {
    fc.assert(
      fc.property(fc.array(ledgerArbitrary('b'), { minLength: 1, maxLength: 5 }), (drafts) => {
        // Every document is dated 2025-10-01 … 2026-11-24, so the 13 months kept (2025-11 … 2026-11) hold all
        // sales but October 2025's: the merged ledger is cut the same way for the comparison.
        const ledgers = drafts.map((ledger, n) => relabel(ledger, `b${n}`));
        const aggregates = ledgers.map((ledger) => computeBuyerAggregate(ledger, DEFAULT_POLICY, AS_OF));
        const trend = dsoTrendOf(sumDsoFigures(aggregates, AS_OF));
        const merged = {
          invoices: ledgers.flatMap((l) => l.invoices),
          creditNotes: ledgers.flatMap((l) => l.creditNotes),
          payments: ledgers.flatMap((l) => l.payments),
        };
        const dates = [...monthEndsOf(AS_OF), AS_OF];
        dates.forEach((date, i) => {
          const sales = monthlySalesOf(merged.invoices, merged.creditNotes, date).filter(
            (m) => m.month >= '2025-11',
          );
          expect(trend[i]).toEqual({
            date,
            ...dsoCountBack(agingOfLedger(merged, date).totalCents, sales, date),
          });
        });
      }),
    );
  });

  it('leaves aggregates of another day out of the sums', () => {
    const today = computeBuyerAggregate(HAND_LEDGER, DEFAULT_POLICY, AS_OF);
    const yesterday = computeBuyerAggregate(HAND_LEDGER, DEFAULT_POLICY, '2026-11-24');
    expect(sumDsoFigures([today, yesterday], AS_OF).receivableTtcCents).toBe(12_000_00);
    expect(AGING_BUCKETS).toHaveLength(5);
  });
});

function relabel(ledger: BuyerLedger, buyerId: string): BuyerLedger {
  return {
    ...ledger,
    buyer: { id: buyerId, name: buyerId },
    invoices: ledger.invoices.map((row) => ({ ...row, id: `${buyerId}${row.id}`, buyerId })),
    payments: ledger.payments.map((row) => ({ ...row, id: `${buyerId}${row.id}`, buyerId })),
    creditNotes: ledger.creditNotes.map((row) => ({ ...row, id: `${buyerId}${row.id}`, buyerId })),
  };
}

describe('computeBuyerAggregate: what kind of limit applies (limitSource)', () => {
  // One open invoice of 12 000 € shipped (issued) 2026-10-25, due 2026-12-20 (56 days of terms, within the
  // maximum): not overdue on AS_OF.
  const open = invoiceOf('i1', 12_000_00, '2026-12-20', { issueDate: '2026-10-25' });
  const ledger = (limitDecisions: BuyerLedger['limitDecisions']): BuyerLedger =>
    ledgerOf({ invoices: [open], limitDecisions });

  it('no decision: the policy’s unnamed threshold (10 000 € by default), covering up to it', () => {
    const aggregate = computeBuyerAggregate(ledger([]), DEFAULT_POLICY, AS_OF);
    expect(aggregate.limitSource).toBe('unnamed');
    expect(aggregate.limitCents).toBe(10_000_00);
    // min(12 000, 10 000) covered, 2 000 not.
    expect(aggregate.coveredCents).toBe(10_000_00);
  });

  it('a named limit granted', () => {
    const aggregate = computeBuyerAggregate(
      ledger([decision('d1', 'granted', '2026-01-10', 30_000_00)]),
      DEFAULT_POLICY,
      AS_OF,
    );
    expect(aggregate.limitSource).toBe('named');
    expect(aggregate.limitCents).toBe(30_000_00);
  });

  it('a discretionary limit, when no named decision is in force', () => {
    const aggregate = computeBuyerAggregate(
      ledger([decision('d1', 'granted', '2026-01-10', 8_000_00, { layer: 'discretionary' })]),
      DEFAULT_POLICY,
      AS_OF,
    );
    expect(aggregate.limitSource).toBe('discretionary');
    expect(aggregate.limitCents).toBe(8_000_00);
  });

  it('a refused named limit: no cover, and no fall back to the unnamed threshold', () => {
    const aggregate = computeBuyerAggregate(
      ledger([decision('d1', 'refused', '2026-01-10', 0)]),
      DEFAULT_POLICY,
      AS_OF,
    );
    expect(aggregate.limitSource).toBe('none');
    expect(aggregate.limitCents).toBe(0);
    expect(aggregate.coveredCents).toBe(0);
  });

  it('a cancelled limit: none today, while the shipments made before it stay covered', () => {
    const aggregate = computeBuyerAggregate(
      ledger([
        decision('d1', 'granted', '2026-01-10', 20_000_00),
        decision('d2', 'cancelled', '2026-11-03', 0),
      ]),
      DEFAULT_POLICY,
      AS_OF,
    );
    expect(aggregate.limitSource).toBe('none');
    expect(aggregate.limitCents).toBe(0);
    // Shipped 2026-10-25 under the 20 000 € limit, before the cancellation: fully covered.
    expect(aggregate.coveredCents).toBe(12_000_00);
  });

  it('a policy without unnamed threshold and no decision: none', () => {
    const policy: Policy = { ...DEFAULT_POLICY, unnamedThresholdCents: 0 };
    const aggregate = computeBuyerAggregate(ledger([]), policy, AS_OF);
    expect(aggregate.limitSource).toBe('none');
    expect(aggregate.limitCents).toBe(0);
  });

  it('a top-up alone after a refusal (CAP+): top-up', () => {
    const aggregate = computeBuyerAggregate(
      ledger([
        decision('d1', 'refused', '2026-01-10', 0),
        decision('d2', 'granted', '2026-01-20', 5_000_00, { layer: 'top-up' }),
      ]),
      DEFAULT_POLICY,
      AS_OF,
    );
    expect(aggregate.limitSource).toBe('top-up');
    expect(aggregate.limitCents).toBe(5_000_00);
  });

  it('a named limit with a top-up: named, the limit being their sum', () => {
    const aggregate = computeBuyerAggregate(
      ledger([
        decision('d1', 'granted', '2026-01-10', 20_000_00),
        decision('d2', 'granted', '2026-01-20', 10_000_00, { layer: 'top-up' }),
      ]),
      DEFAULT_POLICY,
      AS_OF,
    );
    expect(aggregate.limitSource).toBe('named');
    expect(aggregate.limitCents).toBe(30_000_00);
  });
});
