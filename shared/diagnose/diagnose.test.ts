/**
 * The pure diagnostic on a small hand-written FEC. Expected figures are computed by hand in the comments
 * (sums of the lines below), not read from the code.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../domain/policy';
import { diagnose, diagnosisText, fecReceivablesOf, receivablesOf } from './diagnose';

const HEADER =
  'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise';

/** One sale: 411 debit TTC, 706 credit HT, 44571 credit VAT. */
function sale(num: string, date: string, aux: string, name: string, ttc: string, ht: string, vat: string) {
  const base = (
    account: string,
    label: string,
    auxNum: string,
    auxLib: string,
    debit: string,
    credit: string,
  ) =>
    [
      'VE',
      'Ventes',
      num,
      date,
      account,
      label,
      auxNum,
      auxLib,
      `F${num}`,
      date,
      `Facture ${num}`,
      debit,
      credit,
      '',
      '',
      date,
      '',
      '',
    ].join('\t');
  return [
    base('41100000', 'Clients', aux, name, ttc, '0,00'),
    base('70600000', 'Prestations', '', '', '0,00', ht),
    base('44571000', 'TVA collectée', '', '', '0,00', vat),
  ];
}

// Buyer C001: 1 200,00 + 600,00 TTC (1 000 + 500 HT); buyer C002: 2 400,00 TTC (2 000 HT).
// C002 pays 400,00 by bank (411 credit): its balance is 2 000,00.
const LINES = [
  HEADER,
  ...sale('1', '20260901', 'C001', 'Alpha SARL', '1200,00', '1000,00', '200,00'),
  ...sale('2', '20261001', 'C001', 'Alpha SARL', '600,00', '500,00', '100,00'),
  ...sale('3', '20261010', 'C002', 'Bêta SA', '2400,00', '2000,00', '400,00'),
  [
    'BQ',
    'Banque',
    '4',
    '20261020',
    '41100000',
    'Clients',
    'C002',
    'Bêta SA',
    'R4',
    '20261020',
    'Règlement',
    '0,00',
    '400,00',
    '',
    '',
    '20261020',
    '',
    '',
  ].join('\t'),
  [
    'BQ',
    'Banque',
    '4',
    '20261020',
    '51200000',
    'Banque',
    '',
    '',
    'R4',
    '20261020',
    'Règlement',
    '400,00',
    '0,00',
    '',
    '',
    '20261020',
    '',
    '',
  ].join('\t'),
];
const BYTES = new TextEncoder().encode(`${LINES.join('\r\n')}\r\n`);
const FILE = '552100554FEC20261231.txt';

describe('diagnose (shared, pure)', () => {
  const read = fecReceivablesOf(BYTES, FILE);
  if (!read.ok) throw new Error(`fixture rejected: ${JSON.stringify(read.errors)}`);

  it('gives each buyer its Σ(debit − credit) of 411 and the total', () => {
    const d = diagnose(read.receivables, DEFAULT_POLICY, '2026-11-25');
    const balances = new Map(d.buyers.map((b) => [b.key, b.openBalanceCents]));
    expect(balances.get('C001')).toBe(120_000 + 60_000);
    expect(balances.get('C002')).toBe(240_000 - 40_000);
    expect(d.total.openBalanceCents).toBe(180_000 + 200_000);
    expect(d.total.buyers).toBe(2);
    expect(d.company.siren).toBe('552100554');
  });

  it('takes the file name closing date as the default as-of date, or the one given', () => {
    expect(diagnose(read.receivables, DEFAULT_POLICY).asOf).toBe('2026-12-31');
    expect(diagnose(read.receivables, DEFAULT_POLICY, '2026-11-25').asOf).toBe('2026-11-25');
  });

  it('counts everything as overdue once every due date is past, and the buckets add up to the balance', () => {
    const d = diagnose(read.receivables, DEFAULT_POLICY, '2027-12-31');
    expect(d.total.overdueCents).toBe(380_000);
    const a = d.total.aging;
    expect(a.notDue + a.days1To30 + a.days31To60 + a.days61To90 + a.over90 + a.unappliedCents).toBe(380_000);
  });

  it('with two buyers the top-10 share is the whole exposure, and no one is above the 10 000 € threshold', () => {
    const d = diagnose(read.receivables, DEFAULT_POLICY, '2026-11-25');
    expect(d.total.top10ShareBp).toBe(10_000);
    expect(d.total.buyersAboveUnnamedThreshold).toBe(0);
  });

  it('estimates the premium on the 70x turnover: 0,30 % of 3 500 € is under the 3 650 € minimum', () => {
    const d = diagnose(read.receivables, DEFAULT_POLICY, '2026-11-25');
    // Turnover HT = 1 000 + 500 + 2 000 = 3 500 €; 0,30 % of it = 10,50 € < minimum 3 650 €.
    expect(d.total.turnoverHtCents).toBe(350_000);
    expect(d.premium?.annualCents).toBe(365_000);
  });

  it('receivablesOf reads the same FEC the same way, and the text report is French', () => {
    const both = receivablesOf(BYTES, `/tmp/${FILE}`);
    expect(both.ok).toBe(true);
    if (!both.ok) return;
    const text = diagnosisText(diagnose(both.receivables, DEFAULT_POLICY, '2026-11-25'));
    expect(text).toContain('Diagnostic du poste clients au 25/11/2026 — SIREN 552100554');
  });

  it('rejects a file that is not a FEC, with its coded error', () => {
    const notFec = fecReceivablesOf(new TextEncoder().encode('a;b;c\n1;2;3\n'), 'x.csv');
    expect(notFec.ok).toBe(false);
    if (!notFec.ok) expect(notFec.errors[0]?.code).toBe('not-a-fec');
  });
});
