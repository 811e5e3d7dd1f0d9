/**
 * The sample files of test/fixtures/csv, read from disk as bytes like the app's import worker receives them.
 * Expected values are the files' own text re-read by hand (see the comments), not the code's output.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buyerIndex, importBuyers, importInvoices, importLimits } from './csv-import';
import { guessMapping, validateMapping } from './csv-mapping';
import { readCsvBytes } from './csv-read';
import type { CsvTable } from './csv-read';

async function fixture(name: string): Promise<CsvTable> {
  // shared/ code never touches the file system; only this test, which runs in Node, loads the sample files.
  const bytes = new Uint8Array(await readFile(new URL(`../../test/fixtures/csv/${name}`, import.meta.url)));
  const result = readCsvBytes(bytes);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.table;
}

describe('sample files', () => {
  it('clients.csv: four buyers, the quoted two-line address keeps later line numbers right', async () => {
    const table = await fixture('clients.csv');
    expect(table.delimiter).toBe(';');
    const mapping = guessMapping(table.headers, 'buyers');
    expect(validateMapping(mapping, 'buyers')).toEqual([]);
    const result = importBuyers(table, mapping);
    expect(result.errors).toEqual([]);
    // C003's address spans file lines 4–5, so C004 is on line 6.
    expect(result.lines).toEqual([2, 3, 4, 6]);
    expect(result.accepted.map((buyer) => [buyer.key, buyer.siren, buyer.name])).toEqual([
      ['C001', '412839573', 'Boulangeries Méridionales SAS'],
      ['C002', '385241609', 'Transports Lefèvre & Fils'],
      ['C003', '792154361', 'Atelier Dupont "Menuiserie"'],
      ['C004', '503627184', 'Société Bretonne de Conserves'],
    ]);
    expect(result.accepted[2]?.address).toBe('Zone artisanale des Près\nBâtiment B');
    expect(result.accepted[1]).toMatchObject({
      vat: 'FR06385241609',
      naf: '49.41A',
      country: 'FR',
      paymentTerms: { kind: 'net', days: 60 },
    });
  });

  it('factures.csv: amounts summed by hand, buyers by SIREN or customer code', async () => {
    const buyers = importBuyers(
      await fixture('clients.csv'),
      guessMapping((await fixture('clients.csv')).headers, 'buyers'),
    );
    const table = await fixture('factures.csv');
    const result = importInvoices(table, guessMapping(table.headers, 'invoices'), {
      buyerIds: buyerIndex(buyers.accepted),
    });
    expect(result.errors).toEqual([]);
    // TTC column: 12 000,00 + 3 000,60 + 1 481,47 + 960 + 18 000,00 = 35 442,07 €.
    expect(result.accepted.reduce((sum, invoice) => sum + invoice.amountTtcCents, 0)).toBe(3544207);
    // HT column: 10 000,00 + 2 500,50 + 1 234,56 + 800 + 15 000,00 = 29 535,06 €.
    expect(result.accepted.reduce((sum, invoice) => sum + invoice.amountHtCents, 0)).toBe(2953506);
    expect(
      result.accepted.map((invoice) => [invoice.buyerId, invoice.dueDate, invoice.disputed ?? false]),
    ).toEqual([
      ['csv:buyer:siren:412839573', '2026-03-15', false],
      ['csv:buyer:siren:412839573', '2026-03-15', false],
      ['csv:buyer:siren:385241609', '2026-04-04', true], // C002 → Transports Lefèvre's SIREN
      ['csv:buyer:siren:792154361', '2026-03-12', false],
      ['csv:buyer:siren:503627184', '2026-03-16', false],
    ]);
  });

  it('limites.csv: five decisions of five kinds', async () => {
    const table = await fixture('limites.csv');
    const result = importLimits(table, guessMapping(table.headers, 'limits'));
    expect(result.errors).toEqual([]);
    expect(
      result.accepted.map((decision) => [
        decision.kind,
        decision.amountCents,
        decision.requestedCents,
        decision.endDate,
      ]),
    ).toEqual([
      ['granted', 5000000, 5000000, undefined],
      ['partial', 2000000, 4000000, undefined],
      ['refused', 0, 3000000, undefined],
      ['temporary', 2500000, undefined, '2026-04-30'],
      ['reduced', 3000000, undefined, undefined],
    ]);
  });
});
