import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import { evaluateClaimScenario, formatIssuePath, parseClaimScenario } from './claim-scenario';
import type { ClaimScenario, ClaimScenarioInput } from './claim-scenario';

function scenario(input: ClaimScenarioInput): ClaimScenario {
  const parsed = parseClaimScenario(input);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return parsed.scenario;
}

// Amounts with no VAT (HT = TTC) keep the hand computations to the rule under test; 60-day terms.
const invoice = (
  number: string,
  deliveryDate: string,
  cents: number,
  extra: Partial<ClaimScenarioInput['invoices'][number]> = {},
) => ({
  number,
  issueDate: deliveryDate,
  deliveryDate,
  dueDate: addDays(deliveryDate, 60),
  amountHtCents: cents,
  amountTtcCents: cents,
  ...extra,
});

const base = {
  asOf: '2026-09-01',
  buyer: { name: 'Charpentes Morvan SARL' },
  limitHistory: [
    {
      layer: 'named',
      kind: 'granted',
      decisionDate: '2026-01-01',
      effectiveDate: '2026-01-01',
      amountCents: 5_000_000,
    },
    // domain.md §5 example 2: limit 50 000 reduced to 20 000 effective 2026-06-15.
    {
      layer: 'named',
      kind: 'reduced',
      decisionDate: '2026-05-15',
      effectiveDate: '2026-06-15',
      amountCents: 2_000_000,
    },
  ],
  invoices: [],
} satisfies ClaimScenarioInput;

describe('evaluateClaimScenario: cover from the limit history (example 2)', () => {
  it('keeps earlier shipments covered up to the old limit; later ones get no headroom', () => {
    // 35 000 shipped before the reduction, 10 000 after: headroom 20 000 − 35 000 < 0 → the later one is uncovered.
    const result = evaluateClaimScenario(
      scenario({
        ...base,
        invoices: [invoice('A', '2026-05-01', 3_500_000), invoice('B', '2026-06-20', 1_000_000)],
      }),
    );
    expect(result.invoices.map((i) => [i.number, i.limitInForceCents, i.coveredCents])).toEqual([
      ['A', 5_000_000, 3_500_000],
      ['B', 2_000_000, 0],
    ]);
    expect(result.totals.applicableLimitCents).toBe(3_500_000);
    expect(result.totals.uncoveredCents).toBe(1_000_000);
  });

  it('covers 5 000 + min(25 000, 20 000 − 5 000) = 20 000 once older invoices are paid down', () => {
    const result = evaluateClaimScenario(
      scenario({
        ...base,
        invoices: [invoice('A', '2026-05-01', 3_500_000), invoice('B', '2026-06-20', 2_500_000)],
        payments: [{ date: '2026-07-01', amountCents: 3_000_000, invoiceNumber: 'A' }],
      }),
    );
    expect(result.invoices.map((i) => [i.number, i.openTtcCents, i.coveredCents])).toEqual([
      ['A', 500_000, 500_000],
      ['B', 2_500_000, 1_500_000],
    ]);
    expect(result.totals.applicableLimitCents).toBe(2_000_000);
    // min(30 000, 20 000) × 90 % = 18 000.
    expect(result.indemnity.indemnityCents).toBe(1_800_000);
  });

  it('does not fall back to the unnamed threshold after a cancellation', () => {
    const result = evaluateClaimScenario(
      scenario({
        ...base,
        limitHistory: [
          ...base.limitHistory,
          {
            layer: 'named',
            kind: 'cancelled',
            decisionDate: '2026-06-20',
            effectiveDate: '2026-07-01',
            amountCents: 0,
          },
        ],
        invoices: [invoice('C', '2026-07-10', 500_000)],
      }),
    );
    expect(result.invoices[0]).toMatchObject({ limitLayer: 'none', coveredCents: 0, exclusion: 'no-limit' });
    expect(result.indemnity.indemnityCents).toBe(0);
  });

  it('covers a buyer with no named limit up to the unnamed threshold, at the unnamed quotité', () => {
    // 15 000 open, threshold 10 000 → insured loss 10 000 × 70 % = 7 000.
    const result = evaluateClaimScenario(
      scenario({ ...base, limitHistory: [], invoices: [invoice('D', '2026-03-01', 1_500_000)] }),
    );
    expect(result.invoices[0]).toMatchObject({
      limitLayer: 'unnamed',
      limitInForceCents: 1_000_000,
      coveredCents: 1_000_000,
    });
    expect(result.indemnity.quotityBp).toBe(7000);
    expect(result.indemnity.indemnityCents).toBe(700_000);
  });

  it('leaves out disputed invoices and invoices beyond the maximum credit terms', () => {
    const result = evaluateClaimScenario(
      scenario({
        ...base,
        invoices: [
          invoice('E', '2026-02-01', 100_000, { disputed: true }),
          // 2026-02-01 → 2026-07-01 is 150 days (27 + 31 + 30 + 31 + 30 + 1) > 120.
          invoice('F', '2026-02-01', 200_000, { dueDate: '2026-07-01' }),
          invoice('G', '2026-02-01', 400_000),
        ],
      }),
    );
    expect(result.invoices.map((i) => i.exclusion)).toEqual(['disputed', 'terms-beyond-maximum', undefined]);
    expect(result.totals.coveredOpenCents).toBe(400_000);
    expect(result.totals.openBasisCents).toBe(700_000);
  });
});

describe('evaluateClaimScenario: every layer of cover.ts', () => {
  const granted = (layer: 'named' | 'discretionary' | 'top-up', amountCents: number, quotityBp?: number) => ({
    layer,
    kind: 'granted' as const,
    decisionDate: '2026-01-01',
    effectiveDate: '2026-01-01',
    amountCents,
    ...(quotityBp === undefined ? {} : { quotityBp }),
  });

  it('adds a top-up layer on the named limit, each at its own quotité', () => {
    // 30 000 open: named 20 000 covers 20 000 at 90 % = 18 000; top-up 10 000 covers the rest at 80 % = 8 000.
    const result = evaluateClaimScenario(
      scenario({
        ...base,
        limitHistory: [granted('named', 2_000_000), granted('top-up', 1_000_000, 8000)],
        invoices: [invoice('T', '2026-03-01', 3_000_000)],
      }),
    );
    expect(result.invoices[0]).toMatchObject({
      limitLayer: 'named',
      limitInForceCents: 3_000_000,
      coveredCents: 3_000_000,
      topUpCoveredCents: 1_000_000,
    });
    expect(result.totals.applicableLimitCents).toBe(3_000_000);
    expect(result.indemnity.indemnityCents).toBe(2_600_000);
  });

  it('covers with a discretionary limit at the unnamed quotité when it has none of its own', () => {
    // 20 000 open, discretionary 15 000 → covered 15 000 × 70 % = 10 500.
    const result = evaluateClaimScenario(
      scenario({
        ...base,
        limitHistory: [granted('discretionary', 1_500_000)],
        invoices: [invoice('U', '2026-03-01', 2_000_000)],
      }),
    );
    expect(result.invoices[0]).toMatchObject({ limitLayer: 'discretionary', coveredCents: 1_500_000 });
    expect(result.indemnity.quotityBp).toBe(7000);
    expect(result.indemnity.indemnityCents).toBe(1_050_000);
  });

  it('leaves an invoice issued after asOf out of the claim', () => {
    const result = evaluateClaimScenario(
      scenario({
        ...base,
        invoices: [invoice('V', '2026-03-01', 100_000), invoice('W', '2026-10-01', 200_000)],
      }),
    );
    expect(result.invoices.map((i) => [i.number, i.openTtcCents, i.exclusion])).toEqual([
      ['V', 100_000, undefined],
      ['W', 0, 'not-issued'],
    ]);
    expect(result.totals.openTtcCents).toBe(100_000);
  });
});

describe('evaluateClaimScenario: payments, recoveries and the indemnity', () => {
  it('allocates payments to the oldest invoice first, ignores those after asOf, keeps the excess apart', () => {
    const result = evaluateClaimScenario(
      scenario({
        ...base,
        asOf: '2026-08-15',
        invoices: [invoice('H2', '2026-03-01', 300_000), invoice('H1', '2026-02-01', 200_000)],
        payments: [
          { date: '2026-08-01', amountCents: 250_000 },
          { date: '2026-08-10', amountCents: 300_000 },
          { date: '2026-08-20', amountCents: 1 },
        ],
      }),
    );
    // 250 000 pays H1 (200 000) then 50 000 of H2; 300 000 pays the 250 000 left and 50 000 is unapplied.
    expect(result.invoices.map((i) => i.openTtcCents)).toEqual([0, 0]);
    expect(result.totals.unappliedPaymentsCents).toBe(50_000);
    expect(result.branch).toBe('nothing-owed');
  });

  it('converts recoveries before the loss to HT and lets them reduce the claim', () => {
    // Example 4 with VAT at 20 %: 36 000 TTC / 30 000 HT open, limit 25 000. 12 000 TTC recovered during the
    // waiting period = 10 000 HT → min(30 000 − 10 000, 25 000) = 20 000 × 90 % = 18 000; loss 20 000.
    const result = evaluateClaimScenario(
      scenario({
        ...base,
        asOf: '2027-01-10',
        limitHistory: [
          {
            layer: 'named',
            kind: 'partial',
            decisionDate: '2025-10-08',
            effectiveDate: '2025-10-08',
            amountCents: 2_500_000,
          },
        ],
        invoices: [
          {
            number: 'I1',
            issueDate: '2026-01-30',
            dueDate: '2026-03-31',
            amountHtCents: 3_000_000,
            amountTtcCents: 3_600_000,
          },
        ],
        recoveries: [{ date: '2026-09-01', amountCents: 1_200_000 }],
        claim: { dmsFiledOn: '2026-06-15', dicFiledOn: '2026-07-20' },
      }),
    );
    expect(result.lossDate).toBe('2026-12-17');
    expect(result.recoveriesBeforeLoss).toEqual({ ttcCents: 1_200_000, basisCents: 1_000_000 });
    expect(result.indemnity.insuredLossCents).toBe(2_000_000);
    expect(result.indemnity.indemnityCents).toBe(1_800_000);
    expect(result.lossCents).toBe(2_000_000);
    expect(result.recoveriesAfterLoss).toEqual([]);
  });

  it('caps the indemnity by the maximum liability left (25 × premium − already paid)', () => {
    // 25 × 4 800 € = 120 000 €; 110 000 already paid → 10 000 left < 27 000.
    const result = evaluateClaimScenario(
      scenario({
        ...base,
        limitHistory: [
          {
            layer: 'named',
            kind: 'granted',
            decisionDate: '2026-01-01',
            effectiveDate: '2026-01-01',
            amountCents: 3_000_000,
          },
        ],
        invoices: [invoice('J', '2026-03-01', 4_000_000)],
        policyYear: { annualPremiumCents: 480_000, alreadyIndemnifiedCents: 11_000_000 },
      }),
    );
    expect(result.indemnity.indemnityCents).toBe(1_000_000);
  });

  it('pays nothing under the claim threshold', () => {
    const result = evaluateClaimScenario(
      scenario({ ...base, invoices: [invoice('K', '2026-03-01', 29_999)] }),
    );
    expect(result.indemnity.isBelowThreshold).toBe(true);
    expect(result.indemnity.indemnityCents).toBe(0);
  });

  it.each([
    // Due 2026-03-31: DMS deadline 2026-06-29.
    { asOf: '2026-06-20', status: 'pending', daysFromAsOf: 9 },
    { asOf: '2026-06-29', status: 'pending', daysFromAsOf: 0 },
    { asOf: '2026-06-30', status: 'missed', daysFromAsOf: -1 },
  ])('DMS not filed on $asOf → $status', ({ asOf, status, daysFromAsOf }) => {
    const result = evaluateClaimScenario(
      scenario({ ...base, asOf, invoices: [invoice('L', '2026-02-01', 500_000, { dueDate: '2026-03-31' })] }),
    );
    expect(result.milestones.find((m) => m.code === 'dms-deadline')).toEqual({
      code: 'dms-deadline',
      date: '2026-06-29',
      status,
      daysFromAsOf,
    });
  });
});

describe('evaluateClaimScenario: insolvency branch and TTC basis', () => {
  it('replaces the protracted-default deadlines by the insolvency ones and splits later recoveries', () => {
    // Judgment 2026-09-15, BODACC 2026-09-29 → declare by 2026-11-29 (two months); admitted 2027-01-20 → the
    // indemnity is due that day. Loss date = judgment: the 2026-10-01 recovery is shared, the 2026-09-10 one
    // reduces the claim. Open 10 000 (no VAT), limit 50 000: loss 10 000 − 1 000 = 9 000 × 90 % = 8 100;
    // 2 000 recovered afterwards × 8 100 / 9 000 = 1 800 to the insurer, 200 to the insured.
    const result = evaluateClaimScenario(
      scenario({
        ...base,
        asOf: '2027-02-01',
        invoices: [invoice('M', '2026-05-01', 1_000_000)],
        recoveries: [
          { date: '2026-10-01', amountCents: 200_000 },
          { date: '2026-09-10', amountCents: 100_000 },
        ],
        insolvency: {
          kind: 'liquidation',
          judgmentDate: '2026-09-15',
          bodaccPublishedOn: '2026-09-29',
          insurerNotifiedOn: '2026-09-16',
          claimDeclaredOn: '2026-11-02',
          claimAdmittedOn: '2027-01-20',
        },
      }),
    );
    expect(result.branch).toBe('insolvency');
    expect(result.milestones.map((m) => [m.code, m.date, m.status])).toEqual([
      ['insurer-notification', '2026-09-15', 'late'],
      ['claim-declaration', '2026-11-29', 'on-time'],
      ['indemnity-due', '2027-01-20', 'reached'],
    ]);
    expect(result.lossDate).toBe('2026-09-15');
    expect(result.indemnity.indemnityCents).toBe(810_000);
    expect(result.recoveriesAfterLoss).toEqual([
      { date: '2026-10-01', amountCents: 200_000, insurerCents: 180_000, insuredCents: 20_000 },
    ]);
  });

  it('compares TTC amounts when the policy is on a TTC basis', () => {
    // 12 000 TTC open against a 10 000 limit: covered 10 000 × 90 % = 9 000.
    const result = evaluateClaimScenario(
      scenario({
        ...base,
        policy: { coverBasis: 'TTC' },
        limitHistory: [
          {
            layer: 'named',
            kind: 'granted',
            decisionDate: '2026-01-01',
            effectiveDate: '2026-01-01',
            amountCents: 1_000_000,
          },
        ],
        invoices: [invoice('N', '2026-03-01', 1_000_000, { amountTtcCents: 1_200_000 })],
      }),
    );
    expect(result.totals.openBasisCents).toBe(1_200_000);
    expect(result.indemnity.indemnityCents).toBe(900_000);
  });
});

describe('parseClaimScenario', () => {
  it.each([
    { path: ['invoices', 2, 'dueDate'], expected: 'invoices[2].dueDate' },
    { path: ['asOf'], expected: 'asOf' },
    { path: [], expected: '(racine)' },
  ])('formats $path as $expected', ({ path, expected }) => {
    expect(formatIssuePath(path)).toBe(expected);
  });

  it('reports cross-field problems with their paths', () => {
    const parsed = parseClaimScenario({
      ...base,
      invoices: [invoice('A', '2026-05-01', 100), invoice('A', '2026-05-02', 100, { amountHtCents: 200 })],
      payments: [{ date: '2026-06-01', amountCents: 5, invoiceNumber: 'Z' }],
      claim: { dicFiledOn: '2026-07-20' },
    });
    const order = parseClaimScenario({
      ...base,
      invoices: [invoice('A', '2026-05-01', 100, { dueDate: '2026-04-30' })],
      claim: { dmsFiledOn: '2026-07-20', dicFiledOn: '2026-07-19' },
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual(
      expect.arrayContaining([
        { path: 'invoices[1].number', message: 'numéro de facture en double' },
        { path: 'invoices[1].amountHtCents', message: 'le montant HT dépasse le montant TTC' },
        { path: 'payments[0].invoiceNumber', message: 'facture inconnue « Z »' },
        { path: 'claim.dicFiledOn', message: 'une DIC suppose une DMS : renseignez aussi claim.dmsFiledOn' },
      ]),
    );
    expect(order.ok ? [] : order.issues).toEqual([
      { path: 'invoices[0].dueDate', message: 'échéance antérieure à la date de facture' },
      { path: 'claim.dicFiledOn', message: 'DIC antérieure à la DMS' },
    ]);
  });

  it('names missing fields, bad values and unknown keys', () => {
    const parsed = parseClaimScenario({
      asOf: '2026-13-01',
      buyer: { siren: '12345' },
      invoices: [{ ...invoice('A', '2026-05-01', 100), amountTtcCents: 10.5, extra: true }],
      policy: { namedQuotityBp: 12_000 },
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual(
      expect.arrayContaining([
        { path: 'asOf', message: 'date invalide (attendu AAAA-MM-JJ)' },
        { path: 'buyer.name', message: 'champ requis' },
        { path: 'buyer.siren', message: 'SIREN invalide (attendu 9 chiffres)' },
        {
          path: 'invoices[0].amountTtcCents',
          message: 'montant invalide (attendu un nombre entier de centimes ≥ 0)',
        },
        { path: 'invoices[0].extra', message: 'champ inconnu' },
        {
          path: 'policy.namedQuotityBp',
          message: 'pourcentage invalide (attendu entre 0 et 10000 points de base)',
        },
      ]),
    );
  });
});
