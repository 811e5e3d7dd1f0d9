import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertKey, alertsFor, compareAlerts } from './alerts';
import type { Alert, AlertOptions } from './alerts';
import type { BuyerLedger, Invoice, LimitDecision, LimitDecisionKind } from './model';
import { DEFAULT_POLICY } from './policy';
import { invoice as buildInvoice, decision, ledgerOf as emptyLedger, payment } from './test-builders';

// Invoices issued 2026-03-01 here; every ledger has a limit far above its exposure unless said.
const invoice = (id: string, cents: number, dueDate: string, extra: Partial<Invoice> = {}): Invoice =>
  buildInvoice(id, cents, dueDate, { issueDate: '2026-03-01', ...extra });
const bigLimit = decision('big', 'granted', '2025-01-01', 100_000_000);
const ledgerOf = (partial: Partial<BuyerLedger>): BuyerLedger =>
  emptyLedger({ limitDecisions: [bigLimit], ...partial });
const codes = (alerts: readonly Alert[]): string[] => alerts.map((alert) => alert.code);

describe('exposure against the limit', () => {
  const withExposure = (exposureCents: number, decisions: LimitDecision[]): Alert[] =>
    alertsFor(
      ledgerOf({ invoices: [invoice('a', exposureCents, '2026-06-28')], limitDecisions: decisions }),
      DEFAULT_POLICY,
      '2026-06-01',
    );
  const limit = [decision('g', 'granted', '2026-01-01', 30_000)];

  it.each([
    [23_999, []],
    [24_000, ['near-limit']], // 80 % of 30 000 exactly
    [29_999, ['near-limit']],
    [30_000, ['over-limit']], // 100 % exactly
    [40_000, ['over-limit']],
  ])('exposure %i on a 30 000 limit → %j', (exposure, expected) => {
    expect(codes(withExposure(exposure, limit))).toEqual(expected);
  });

  it('over-limit: critical, the uncovered part at stake, with the figures for the message', () => {
    const [alert] = withExposure(40_000, limit);
    expect(alert).toEqual({
      code: 'over-limit',
      severity: 'critical',
      buyerId: 'b1',
      amountAtStakeCents: 10_000,
      messageKey: 'alerts.over-limit',
      params: { exposure: 40_000, limit: 30_000, amount: 10_000, ratio: 133 },
    });
  });

  it('near-limit: warning, thresholds from the policy', () => {
    const [alert] = withExposure(25_000, limit);
    expect(alert).toMatchObject({ code: 'near-limit', severity: 'warning', params: { ratio: 83 } });
    const policy = { ...DEFAULT_POLICY, nearLimitAlertBp: 9000 };
    expect(
      alertsFor(
        ledgerOf({ invoices: [invoice('a', 25_000, '2026-06-28')], limitDecisions: limit }),
        policy,
        '2026-06-01',
      ),
    ).toEqual([]);
  });

  it('no-cover when exposure meets a cancelled limit (no unnamed fallback)', () => {
    const alerts = withExposure(5_000, [...limit, decision('c', 'cancelled', '2026-03-01', 0)]);
    expect(alerts.map((alert) => [alert.code, alert.severity, alert.amountAtStakeCents])).toEqual([
      ['no-cover', 'critical', 5_000],
    ]);
  });

  it('no-cover after a cancellation puts at stake only what is uncovered: earlier shipments keep their cover', () => {
    // Shipped 01/02 (terms 30 days) under the 30 000 limit; the limit is cancelled from 01/03. Domain §1.2:
    // shipments made before the change stay covered → covered 5 000, uncovered 0; no new shipment is covered.
    const ledger = ledgerOf({
      invoices: [invoice('a', 5_000, '2026-03-03', { issueDate: '2026-02-01' })],
      limitDecisions: [...limit, decision('c', 'cancelled', '2026-03-01', 0)],
    });
    const noCover = alertsFor(ledger, DEFAULT_POLICY, '2026-03-10').filter(
      (alert) => alert.code === 'no-cover',
    );
    expect(noCover.map((alert) => [alert.amountAtStakeCents, alert.params])).toEqual([
      [0, { amount: 0, exposure: 5_000 }],
    ]);
  });

  it('compares with the unnamed threshold when the buyer has no named decision', () => {
    // 10 000 € threshold: 9 000 € is 90 % → near-limit.
    expect(codes(withExposure(9_000_00, []))).toEqual(['near-limit']);
  });
});

describe('limit decisions', () => {
  const exposure = [invoice('a', 10_000, '2026-06-28')];

  it('announces a reduction (warning) until 30 days after it takes effect, with the cover lost', () => {
    const decisions = [
      decision('g', 'granted', '2026-01-01', 5_000_000),
      decision('red', 'reduced', '2026-06-15', 2_000_000, { decisionDate: '2026-05-16' }),
    ];
    const at = (asOf: string): Alert[] =>
      alertsFor(ledgerOf({ invoices: exposure, limitDecisions: decisions }), DEFAULT_POLICY, asOf).filter(
        (alert) => alert.code === 'limit-reduced',
      );
    expect(at('2026-05-15')).toEqual([]); // not decided yet
    expect(at('2026-06-01')).toEqual([
      {
        code: 'limit-reduced',
        severity: 'warning',
        buyerId: 'b1',
        amountAtStakeCents: 3_000_000,
        deadline: '2026-06-15',
        messageKey: 'alerts.limit-reduced',
        params: { limit: 2_000_000, previousLimit: 5_000_000, deadline: '2026-06-15', decisionId: 'red' },
      },
    ]);
    expect(at('2026-07-15')).toHaveLength(1); // 30 days after the effective date
    expect(at('2026-07-16')).toEqual([]);
  });

  it('announces a cancellation as critical', () => {
    const decisions = [
      decision('g', 'granted', '2026-01-01', 5_000_000),
      decision('c', 'cancelled', '2026-07-01', 0, { decisionDate: '2026-06-01' }),
    ];
    const alerts = alertsFor(
      ledgerOf({ invoices: exposure, limitDecisions: decisions }),
      DEFAULT_POLICY,
      '2026-06-10',
    );
    expect(
      alerts.map((alert) => [alert.code, alert.severity, alert.amountAtStakeCents, alert.deadline]),
    ).toEqual([['limit-cancelled', 'critical', 5_000_000, '2026-07-01']]);
  });

  it.each([
    ['2026-06-20', true],
    ['2026-07-01', true], // 30 days exactly
    ['2026-07-02', false],
  ])('limit ending on %s, seen on 2026-06-01: expiring alert %s', (endDate, expected) => {
    const decisions = [decision('g', 'granted', '2026-01-01', 5_000_000, { endDate })];
    const alerts = alertsFor(
      ledgerOf({ invoices: exposure, limitDecisions: decisions }),
      DEFAULT_POLICY,
      '2026-06-01',
    );
    expect(alerts.some((alert) => alert.code === 'limit-expiring' && alert.deadline === endDate)).toBe(
      expected,
    );
  });
});

describe('invoice deadlines — worked example 3 (due 2026-03-31, MEP end 2026-05-30, DMS by 2026-06-29)', () => {
  const at = (asOf: string, options: AlertOptions = {}): [string, string, string | undefined][] =>
    alertsFor(
      ledgerOf({ invoices: [invoice('a', 50_000, '2026-03-31')] }),
      DEFAULT_POLICY,
      asOf,
      options,
    ).map((alert) => [alert.code, alert.severity, alert.deadline]);

  it.each([
    ['2026-03-31', []],
    ['2026-04-10', [['invoice-overdue', 'warning', '2026-05-30']]],
    ['2026-05-29', [['invoice-overdue', 'warning', '2026-05-30']]],
    ['2026-05-30', [['stop-shipments', 'critical', '2026-05-30']]],
    ['2026-06-13', [['stop-shipments', 'critical', '2026-05-30']]], // DMS 16 days away: not yet
    [
      '2026-06-14',
      [
        ['stop-shipments', 'critical', '2026-05-30'],
        ['dms-due', 'warning', '2026-06-29'],
      ],
    ],
    [
      '2026-06-29',
      [
        ['stop-shipments', 'critical', '2026-05-30'],
        ['dms-due', 'warning', '2026-06-29'],
      ],
    ],
    [
      '2026-06-30',
      [
        ['stop-shipments', 'critical', '2026-05-30'],
        ['dms-missed', 'critical', '2026-06-29'],
      ],
    ],
  ])('on %s', (asOf, expected) => {
    expect(at(asOf)).toEqual(expected);
  });

  it('overdue alert carries the invoice, the open amount and the days late', () => {
    const [alert] = alertsFor(
      ledgerOf({ invoices: [invoice('a', 50_000, '2026-03-31')] }),
      DEFAULT_POLICY,
      '2026-04-10',
    );
    expect(alert).toMatchObject({
      invoiceId: 'a',
      amountAtStakeCents: 50_000,
      params: { invoice: 'F-a', amount: 50_000, days: 10, deadline: '2026-05-30' },
    });
  });

  it('counts what is still open after payments', () => {
    const [alert] = alertsFor(
      ledgerOf({
        invoices: [invoice('a', 50_000, '2026-03-31')],
        payments: [payment('p', 20_000, '2026-04-01')],
      }),
      DEFAULT_POLICY,
      '2026-04-10',
    );
    expect(alert?.amountAtStakeCents).toBe(30_000);
  });

  it('once the DMS is filed (2026-06-20), watches the DIC deadline 60 days later (2026-08-19)', () => {
    const filed = { claimFilings: { a: { dmsFiledOn: '2026-06-20' } } };
    expect(at('2026-08-03', filed)).toEqual([['stop-shipments', 'critical', '2026-05-30']]); // 16 days left
    expect(at('2026-08-04', filed)).toEqual([
      ['stop-shipments', 'critical', '2026-05-30'],
      ['dic-due', 'warning', '2026-08-19'],
    ]);
    // Both critical: the earlier deadline first.
    expect(at('2026-08-20', filed)).toEqual([
      ['stop-shipments', 'critical', '2026-05-30'],
      ['dic-missed', 'critical', '2026-08-19'],
    ]);
    expect(
      at('2026-08-20', { claimFilings: { a: { dmsFiledOn: '2026-06-20', dicFiledOn: '2026-07-01' } } }),
    ).toEqual([['stop-shipments', 'critical', '2026-05-30']]);
  });

  it("reads the filings from the ledger's own claimFilings when no option is given", () => {
    // Same dates as above: DMS filed 2026-06-20 → on 2026-08-04 the DIC (due 2026-08-19) is watched, no DMS alert.
    const ledger = {
      ...ledgerOf({ invoices: [invoice('a', 50_000, '2026-03-31')] }),
      claimFilings: { a: { dmsFiledOn: '2026-06-20' } },
    };
    expect(alertsFor(ledger, DEFAULT_POLICY, '2026-08-04').map((alert) => alert.code)).toEqual([
      'stop-shipments',
      'dic-due',
    ]);
  });

  it('honours a custom DMS warning window', () => {
    expect(at('2026-06-01', { dmsDueWithinDays: 30 })).toContainEqual(['dms-due', 'warning', '2026-06-29']);
  });

  it('ignores filings recorded under inherited property names', () => {
    const ledger = ledgerOf({ invoices: [invoice('constructor', 50_000, '2026-03-31')] });
    expect(codes(alertsFor(ledger, DEFAULT_POLICY, '2026-06-30', { claimFilings: {} }))).toContain(
      'dms-missed',
    );
  });
});

describe('terms and insolvency', () => {
  it('flags terms beyond the maximum credit terms (121 days > 120)', () => {
    // 2026-03-01 + 121 days = 2026-06-30.
    const alerts = alertsFor(
      ledgerOf({ invoices: [invoice('a', 1_000, '2026-06-30')] }),
      DEFAULT_POLICY,
      '2026-03-15',
    );
    expect(alerts).toEqual([
      {
        code: 'terms-exceeded',
        severity: 'warning',
        buyerId: 'b1',
        invoiceId: 'a',
        amountAtStakeCents: 1_000,
        messageKey: 'alerts.terms-exceeded',
        params: { invoice: 'F-a', days: 121, maxDays: 120 },
      },
    ]);
    expect(
      alertsFor(ledgerOf({ invoices: [invoice('a', 1_000, '2026-06-29')] }), DEFAULT_POLICY, '2026-03-15'),
    ).toEqual([]);
  });

  it('flags a buyer in insolvency proceedings from the judgment date', () => {
    const ledger = ledgerOf({
      buyer: { id: 'b1', name: 'Client', insolvency: { kind: 'redressement', judgmentDate: '2026-05-01' } },
      invoices: [invoice('a', 7_000, '2026-06-28')],
    });
    expect(alertsFor(ledger, DEFAULT_POLICY, '2026-04-30')).toEqual([]);
    expect(alertsFor(ledger, DEFAULT_POLICY, '2026-05-01')).toEqual([
      {
        code: 'insolvency',
        severity: 'critical',
        buyerId: 'b1',
        amountAtStakeCents: 7_000,
        messageKey: 'alerts.insolvency',
        params: { amount: 7_000, judgmentDate: '2026-05-01', procedure: 'redressement' },
      },
    ]);
  });
});

describe('ordering and determinism', () => {
  it('sorts critical first, then by deadline, then code', () => {
    const ledger = ledgerOf({
      invoices: [
        invoice('late', 1_000, '2026-01-31', { issueDate: '2026-01-01' }),
        invoice('recent', 1_000, '2026-05-20'),
        invoice('older', 1_000, '2026-03-31'),
      ],
    });
    const alerts = alertsFor(ledger, DEFAULT_POLICY, '2026-06-01');
    expect(alerts.map((alert) => [alert.severity, alert.code, alert.invoiceId])).toEqual([
      ['critical', 'stop-shipments', 'late'], // MEP end 2026-04-01
      ['critical', 'dms-missed', 'late'], // DMS deadline 2026-05-01
      ['critical', 'stop-shipments', 'older'], // MEP end 2026-05-30
      ['warning', 'invoice-overdue', 'recent'], // MEP end 2026-07-19
    ]);
  });

  const day = fc
    .integer({ min: 0, max: 300 })
    .map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
  const scenario = fc.record({
    invoices: fc.array(
      fc.record({
        cents: fc.integer({ min: 1, max: 5_000_000 }),
        issue: day,
        due: day,
        disputed: fc.boolean(),
      }),
      { maxLength: 8 },
    ),
    payments: fc.array(fc.record({ cents: fc.integer({ min: 1, max: 3_000_000 }), date: day }), {
      maxLength: 4,
    }),
    decisions: fc.array(
      fc.record({
        kind: fc.constantFrom<LimitDecisionKind>('granted', 'reduced', 'cancelled', 'temporary', 'requested'),
        day,
        cents: fc.integer({ min: 0, max: 8_000_000 }),
        end: fc.option(day),
      }),
      { maxLength: 4 },
    ),
    filings: fc.dictionary(
      fc.constantFrom('i0', 'i1', 'i2'),
      fc.record({ dmsFiledOn: day }, { requiredKeys: [] }),
    ),
    asOf: day,
  });

  it('same input → same output, whatever the order of the documents', () => {
    fc.assert(
      fc.property(scenario, (generated) => {
        const ledger = ledgerOf({
          invoices: generated.invoices.map((entry, index) =>
            invoice(`i${index}`, entry.cents, entry.due, {
              issueDate: entry.issue,
              disputed: entry.disputed,
            }),
          ),
          payments: generated.payments.map((entry, index) => payment(`p${index}`, entry.cents, entry.date)),
          limitDecisions: generated.decisions.map((entry, index) =>
            decision(
              `d${index}`,
              entry.kind,
              entry.day,
              entry.cents,
              entry.end === null ? {} : { endDate: entry.end },
            ),
          ),
        });
        const reversed: BuyerLedger = {
          ...ledger,
          invoices: [...ledger.invoices].reverse(),
          payments: [...ledger.payments].reverse(),
          limitDecisions: [...ledger.limitDecisions].reverse(),
        };
        const options = { claimFilings: generated.filings };
        const first = alertsFor(ledger, DEFAULT_POLICY, generated.asOf, options);
        expect(alertsFor(ledger, DEFAULT_POLICY, generated.asOf, options)).toEqual(first);
        expect(alertsFor(reversed, DEFAULT_POLICY, generated.asOf, options)).toEqual(first);
        for (const alert of first) expect(alert.messageKey).toBe(`alerts.${alert.code}`);
      }),
    );
  });
});

describe('order of the list', () => {
  // 3 overdue invoices give a handful of alerts; 40 give 80 (overdue stage + DMS each), past the size where
  // the sort switches from insertion to the built-in sort. Due dates spread over 50 days so that deadlines,
  // severities and codes all take part in the order.
  it.each([[3], [40]])('%i overdue invoices: every neighbour pair is in compareAlerts order', (count) => {
    const invoices = Array.from({ length: count }, (_, index) =>
      invoice(
        `i${String(index).padStart(2, '0')}`,
        10_000 + index,
        `2026-03-${String(2 + (index % 27)).padStart(2, '0')}`,
      ),
    );
    const alerts = alertsFor(ledgerOf({ invoices: [...invoices].reverse() }), DEFAULT_POLICY, '2026-06-20', {
      claimFilings: { i01: { dmsFiledOn: '2026-05-01' } },
    });
    expect(alerts.length).toBeGreaterThanOrEqual(2 * count);
    for (let index = 1; index < alerts.length; index += 1) {
      const previous = alerts[index - 1];
      const current = alerts[index];
      if (previous === undefined || current === undefined) throw new Error('unreachable');
      expect(compareAlerts(previous, current)).toBeLessThanOrEqual(0);
    }
  });
});

describe('alertKey', () => {
  it('is the same for the same alert on two days and differs by code, buyer, invoice and deadline', () => {
    const base = { code: 'dms-due', buyerId: 'B1', invoiceId: 'F1', deadline: '2026-03-01' } as const;
    expect(alertKey(base)).toBe(alertKey({ ...base }));
    const variants = [
      { ...base, code: 'dms-missed' as const },
      { ...base, buyerId: 'B2' },
      { ...base, invoiceId: 'F2' },
      { ...base, deadline: '2026-03-02' },
      { code: base.code, buyerId: base.buyerId },
    ];
    const keys = new Set([alertKey(base), ...variants.map((variant) => alertKey(variant))]);
    expect(keys.size).toBe(variants.length + 1);
  });
});
