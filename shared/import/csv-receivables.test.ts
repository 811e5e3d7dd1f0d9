import { describe, expect, it } from 'vitest';
import { readCsvText } from './csv-read';
import { receivablesFromCsvInvoices } from './csv-receivables';

function table(text: string) {
  const read = readCsvText(text);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read.table;
}

describe('receivables from a CSV of open invoices', () => {
  it('groups invoices by buyer and names buyers from the name column', () => {
    const csv = [
      'Code client;Raison sociale;N° facture;Date facture;Échéance;Montant HT;Montant TTC',
      'C001;Menuiseries du Val;F-1;01/09/2026;31/10/2026;1 000,00;1 200,00',
      'C001;Menuiseries du Val;F-2;15/09/2026;15/11/2026;500,00;600,00',
      'C002;Boulangerie Martin;F-3;20/09/2026;20/10/2026;250,00;300,00',
    ].join('\r\n');
    const result = receivablesFromCsvInvoices(table(csv), 'balance');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { buyers, invoices } = result.receivables;
    expect(buyers.map((b) => [b.key, b.name])).toEqual([
      ['C001', 'Menuiseries du Val'],
      ['C002', 'Boulangerie Martin'],
    ]);
    // Plain sums over the rows above: 1 200 + 600 for C001, 300 for C002.
    const ttcOf = (key: string) =>
      invoices
        .filter((i) => i.buyerId === buyers.find((b) => b.key === key)?.id)
        .reduce((sum, i) => sum + i.amountTtcCents, 0);
    expect(ttcOf('C001')).toBe(180_000);
    expect(ttcOf('C002')).toBe(30_000);
    expect(result.receivables.lastEntryDate).toBe('2026-09-20');
  });

  it('names the missing columns of a file that is not an invoice list', () => {
    const result = receivablesFromCsvInvoices(table('Nom;Ville\nMartin;Lyon\n'), 'clients');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.every((e) => e.code === 'csv-missing-column')).toBe(true);
    expect(result.errors.length).toBeGreaterThan(0);
  });

  it('reports a rejected row with its line number', () => {
    const csv = [
      'Code client;N° facture;Date facture;Échéance;Montant HT;Montant TTC',
      'C001;F-1;01/09/2026;31/10/2026;1 000,00;1 200,00',
      'C001;F-2;32/09/2026;15/11/2026;500,00;600,00',
    ].join('\n');
    const result = receivablesFromCsvInvoices(table(csv), 'x');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.code, e.line])).toEqual([['csv-bad-date', 3]]);
  });
});
