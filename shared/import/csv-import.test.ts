import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buyerIndex, importBuyers, importInvoices, importLimits } from './csv-import';
import { guessMapping } from './csv-mapping';
import { readCsvText } from './csv-read';
import type { CsvTable } from './csv-read';

function tableOf(text: string): CsvTable {
  const result = readCsvText(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.table;
}

const INVOICE_HEADER = "SIREN;N° facture;Date facture;Date d'échéance;Montant HT;Montant TTC";

function invoices(text: string) {
  const table = tableOf(text);
  return importInvoices(table, guessMapping(table.headers, 'invoices'));
}

describe('importInvoices', () => {
  it.each([
    ['1 234,56', 123456],
    ['1234.56', 123456],
    ['1.234,56', 123456],
    ['12', 1200],
    ['0,5', 50],
    ['1 000 000,00 €', 100000000],
  ])('amount %j → %i cents', (amount, cents) => {
    const result = invoices(
      `${INVOICE_HEADER}\n732829320;F1;01/01/2026;31/01/2026;"${amount}";"${amount}"\n`,
    );
    expect(result.errors).toEqual([]);
    expect(result.accepted[0]?.amountTtcCents).toBe(cents);
  });

  it.each([
    ['25/11/2026', '2026-11-25'],
    ['2026-11-25', '2026-11-25'],
    ['25.11.2026', '2026-11-25'],
    ['20261125', '2026-11-25'],
  ])('date %s → %s', (date, iso) => {
    const result = invoices(`${INVOICE_HEADER}\n732829320;F1;${date};${date};10;12\n`);
    expect(result.accepted[0]).toMatchObject({ issueDate: iso, dueDate: iso });
  });

  it('builds the invoice with a deterministic id and EUR by default', () => {
    const result = invoices(
      `${INVOICE_HEADER}\n732 829 320;FA-1;05/01/2026;15/03/2026;10 000,00;12 000,00\n`,
    );
    expect(result).toEqual({
      accepted: [
        {
          id: 'csv:invoice:csv:buyer:siren:732829320:FA-1',
          buyerId: 'csv:buyer:siren:732829320',
          number: 'FA-1',
          issueDate: '2026-01-05',
          dueDate: '2026-03-15',
          amountHtCents: 1000000,
          amountTtcCents: 1200000,
          currency: 'EUR',
        },
      ],
      lines: [2],
      errors: [],
    });
  });

  it('reports every bad cell with its line (after a multi-line quoted field) and keeps nothing', () => {
    const text = [
      "Client;SIREN;N° facture;Date facture;Date d'échéance;Montant HT;Montant TTC",
      '"Dupont\nSA";732829320;F1;01/01/2026;31/01/2026;10;12', // lines 2–3
      'X;732829321;F2;01/01/2026;31/01/2026;10;12', // line 4: SIREN key wrong
      'Y;12345;F3;31/02/2026;31/01/2026;dix;12', // line 5: SIREN length, date, amount
      'Z;;F4;01/01/2026;31/01/2026;20;12', // line 6: HT > TTC
      ';;F5;01/01/2026;;-5;12', // line 7: no buyer, no due date, negative amount
    ].join('\n');
    const result = invoices(text);
    expect(result.accepted).toEqual([]);
    expect(result.errors).toEqual([
      { code: 'csv-siren-checksum', line: 4, field: 'SIREN', detail: '732829321' },
      { code: 'csv-bad-siren', line: 5, field: 'SIREN', detail: '12345' },
      { code: 'csv-bad-date', line: 5, field: 'Date facture', detail: '31/02/2026' },
      { code: 'csv-bad-amount', line: 5, field: 'Montant HT', detail: 'dix' },
      { code: 'csv-inconsistent-amounts', line: 6, detail: '20 > 12' },
      { code: 'csv-missing-value', line: 7, field: 'SIREN', detail: '' },
      { code: 'csv-missing-value', line: 7, field: "Date d'échéance", detail: '' },
      { code: 'csv-bad-amount', line: 7, field: 'Montant HT', detail: '-5' },
    ]);
  });

  it('refuses a mapping without the required columns', () => {
    const table = tableOf('N° facture;Montant TTC\nF1;12\n');
    const result = importInvoices(table, guessMapping(table.headers, 'invoices'));
    expect(result.errors.map((error) => error.code)).toEqual(Array(4).fill('csv-missing-column'));
    expect(result.errors.map((error) => error.field)).toEqual([
      'SIREN du client ou Code client',
      'Date de facture',
      "Date d'échéance",
      'Montant HT',
    ]);
  });

  it('gives the same ids on a second import, drops identical duplicates and refuses conflicting ones', () => {
    const row = '732829320;F1;01/01/2026;31/01/2026;10;12';
    const first = invoices(`${INVOICE_HEADER}\n${row}\n${row}\n`);
    const second = invoices(`${INVOICE_HEADER}\n${row}\n`);
    expect(first.accepted.map((invoice) => invoice.id)).toEqual(second.accepted.map((invoice) => invoice.id));
    expect(first.lines).toEqual([2]);
    const conflict = invoices(`${INVOICE_HEADER}\n${row}\n732829320;F1;01/01/2026;31/01/2026;10;13\n`);
    expect(conflict.errors).toEqual([{ code: 'csv-duplicate-row', line: 3, detail: '2' }]);
  });

  it('reaches a buyer imported with its SIREN through its customer code', () => {
    const buyersTable = tableOf('Code client;Raison sociale;SIREN\nC1;Dupont SA;732829320\n');
    const buyers = importBuyers(buyersTable, guessMapping(buyersTable.headers, 'buyers'));
    const table = tableOf(
      "Code client;N° facture;Date facture;Date d'échéance;Montant HT;Montant TTC\nc1;F1;01/01/2026;31/01/2026;10;12\nC9;F2;01/01/2026;31/01/2026;10;12\n",
    );
    const result = importInvoices(table, guessMapping(table.headers, 'invoices'), {
      buyerIds: buyerIndex(buyers.accepted),
    });
    expect(result.accepted.map((invoice) => invoice.buyerId)).toEqual([
      'csv:buyer:siren:732829320',
      'csv:buyer:ref:c9',
    ]);
  });
});

describe('importBuyers', () => {
  it('validates identifiers and reads payment terms', () => {
    const table = tableOf(
      'Raison sociale;SIREN;SIRET;N° TVA;NAF;Conditions de paiement\n' +
        'Dupont SA;732829320;73282932000074;FR44732829320;6202a;45 jours fin de mois\n' +
        'Martin;;12345678901234;FR00732829320;62;comptant\n',
    );
    const result = importBuyers(table, guessMapping(table.headers, 'buyers'));
    expect(result.errors.map((error) => [error.code, error.line])).toEqual([
      ['csv-bad-siret', 3],
      ['csv-bad-vat', 3],
      ['csv-bad-naf', 3],
      ['csv-bad-payment-terms', 3],
    ]);
    const good = importBuyers(
      tableOf(
        table.headers.join(';') +
          '\nDupont SA;732829320;73282932000074;FR44732829320;6202a;45 jours fin de mois\n',
      ),
      guessMapping(table.headers, 'buyers'),
    );
    expect(good.accepted).toEqual([
      {
        id: 'csv:buyer:siren:732829320',
        name: 'Dupont SA',
        siren: '732829320',
        siret: '73282932000074',
        vat: 'FR44732829320',
        naf: '62.02A',
        paymentTerms: { kind: 'eom-plus', days: 45 },
      },
    ]);
  });
});

describe('importLimits', () => {
  const header = "SIREN;Décision;Date de décision;Date d'effet;Limite accordée;Date de fin";
  it('reads each decision kind; a refusal is 0 in force and keeps what was asked', () => {
    const table = tableOf(
      `${header}\n732829320;Refusée;01/02/2026;01/02/2026;30 000,00;\n732829320;Temporaire;01/02/2026;01/02/2026;5000;\n`,
    );
    const result = importLimits(table, guessMapping(table.headers, 'limits'));
    expect(result.errors).toEqual([{ code: 'csv-missing-value', line: 3, field: 'Date de fin', detail: '' }]);
    const ok = importLimits(
      tableOf(`${header}\n732829320;Refusée;01/02/2026;01/02/2026;30 000,00;\n`),
      guessMapping(table.headers, 'limits'),
    );
    expect(ok.accepted).toEqual([
      {
        id: 'csv:limit:csv:buyer:siren:732829320:refused:2026-02-01:0',
        buyerId: 'csv:buyer:siren:732829320',
        layer: 'named',
        kind: 'refused',
        decisionDate: '2026-02-01',
        effectiveDate: '2026-02-01',
        requestedCents: 3000000,
        amountCents: 0,
        currency: 'EUR',
      },
    ]);
  });
  it('refuses an unknown decision word', () => {
    const table = tableOf(`${header}\n732829320;Peut-être;01/02/2026;01/02/2026;100;\n`);
    expect(importLimits(table, guessMapping(table.headers, 'limits')).errors).toEqual([
      { code: 'csv-bad-decision-kind', line: 2, field: 'Décision', detail: 'Peut-être' },
    ]);
  });
});

/** A SIREN with a valid Luhn key built from 8 digits (key computed independently of validateSiren). */
function sirenFrom(prefix: string): string {
  let sum = 0;
  const digits = `${prefix}0`;
  for (let position = 0; position < digits.length; position++) {
    const digit = Number(digits[digits.length - 1 - position]);
    const doubled = position % 2 === 1 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return `${prefix}${(10 - (sum % 10)) % 10}`;
}

/** Cents written the French way: "1 234,56" (the text a spreadsheet exports). */
function frenchAmount(cents: number): string {
  const euros = String(Math.trunc(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${euros},${String(cents % 100).padStart(2, '0')}`;
}

describe('round trip (property)', () => {
  it('any table of valid values survives CSV text → read → guessed mapping → import', () => {
    const invoiceRow = fc.record({
      sirenPrefix: fc.stringMatching(/^\d{8}$/),
      number: fc.stringMatching(/^[A-Z]{2}-\d{1,6}$/),
      issue: fc.date({ min: new Date(2000, 0, 1), max: new Date(2040, 11, 31), noInvalidDate: true }),
      termDays: fc.integer({ min: 0, max: 120 }),
      ht: fc.integer({ min: 1, max: 10_000_000_00 }),
      vatCents: fc.integer({ min: 0, max: 2_000_000_00 }),
      delimiter: fc.constantFrom(';', ','),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(invoiceRow, { minLength: 1, maxLength: 15, selector: (row) => row.number }),
        (rows) => {
          const delimiter = rows[0]!.delimiter;
          const iso = (date: Date): string =>
            `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
          const french = (isoDate: string): string => isoDate.split('-').reverse().join('/');
          const expected = rows.map((row) => {
            const due = new Date(
              row.issue.getFullYear(),
              row.issue.getMonth(),
              row.issue.getDate() + row.termDays,
            );
            return {
              siren: sirenFrom(row.sirenPrefix),
              number: row.number,
              issueDate: iso(row.issue),
              dueDate: iso(due),
              ht: row.ht,
              ttc: row.ht + row.vatCents,
            };
          });
          const lines = [
            ['SIREN', 'N° facture', 'Date facture', "Date d'échéance", 'Montant HT', 'Montant TTC'].join(
              delimiter,
            ),
            ...expected.map((row) =>
              [
                row.siren,
                row.number,
                french(row.issueDate),
                french(row.dueDate),
                `"${frenchAmount(row.ht)}"`,
                `"${frenchAmount(row.ttc)}"`,
              ].join(delimiter),
            ),
          ];
          const result = invoices(lines.join('\r\n'));
          expect(result.errors).toEqual([]);
          expect(
            result.accepted.map((invoice) => [
              invoice.buyerId,
              invoice.number,
              invoice.issueDate,
              invoice.dueDate,
              invoice.amountHtCents,
              invoice.amountTtcCents,
            ]),
          ).toEqual(
            expected.map((row) => [
              `csv:buyer:siren:${row.siren}`,
              row.number,
              row.issueDate,
              row.dueDate,
              row.ht,
              row.ttc,
            ]),
          );
          expect(result.lines).toEqual(expected.map((_, index) => index + 2));
        },
      ),
      { numRuns: 200 },
    );
  });
});
