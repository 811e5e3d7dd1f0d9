import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { periodRange, turnoverDeclaration } from '../../../shared/domain/turnover-declaration';
import { DECLARATION_CSV_COLUMNS, declarationCsv, frenchDecimal } from './declaration-csv';

describe('frenchDecimal', () => {
  it('writes a decimal comma, no thousands separator, exact cents', () => {
    expect(frenchDecimal(123456)).toBe('1234,56');
    expect(frenchDecimal(-5)).toBe('-0,05');
    expect(frenchDecimal(0)).toBe('0,00');
    expect(frenchDecimal(1_600_000_00)).toBe('1600000,00');
  });
});

describe('declarationCsv', () => {
  const declaration = turnoverDeclaration({
    range: periodRange({ kind: 'month', year: 2026, index: 10 }),
    invoices: [
      {
        id: 'i1',
        buyerId: 'b1',
        number: 'FA-1',
        issueDate: '2026-10-02',
        amountHtCents: 1_234_56,
        currency: 'EUR',
      },
      {
        id: 'i2',
        buyerId: 'b2',
        number: 'FA-2',
        issueDate: '2026-10-20',
        amountHtCents: 800_00,
        currency: 'EUR',
      },
    ],
    creditNotes: [
      { id: 'c1', buyerId: 'b1', number: 'AV-1', date: '2026-10-15', amountHtCents: 34_56, currency: 'EUR' },
    ],
    buyers: new Map([
      ['b1', { name: 'Dupont; Fils', country: 'FR' }],
      ['b2', { name: 'Müller GmbH', country: 'DE' }],
    ]),
    currency: 'EUR',
    premiumRateBp: 30,
    minimumPremiumCents: 0,
  });
  const csv = declarationCsv(declaration);

  it('starts with a UTF-8 byte-order mark and uses ; with CRLF', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFType;Numéro;Date;Client;Pays;Zone;Montant HT (€)');
  });

  it('lists each document and a total equal to the plain sum of the rows', () => {
    const parsed = Papa.parse<string[]>(csv.slice(1).trim(), { delimiter: ';' });
    const [header, ...rows] = parsed.data;
    expect(header).toEqual([...DECLARATION_CSV_COLUMNS]);
    expect(rows).toEqual([
      ['Facture', 'FA-1', '02/10/2026', 'Dupont; Fils', 'FR', 'France', '1234,56'],
      ['Avoir', 'AV-1', '15/10/2026', 'Dupont; Fils', 'FR', 'France', '-34,56'],
      ['Facture', 'FA-2', '20/10/2026', 'Müller GmbH', 'DE', 'Export', '800,00'],
      // 1 234,56 − 34,56 + 800,00 = 2 000,00
      ['Total', '', '', '', '', '', '2000,00'],
    ]);
  });
});
