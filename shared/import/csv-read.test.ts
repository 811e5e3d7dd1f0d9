import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, readCsvBytes, readCsvText } from './csv-read';
import type { CsvTable } from './csv-read';

function tableOf(text: string): CsvTable {
  const result = readCsvText(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.table;
}

/** UTF-8 bytes of ASCII text plus the given extra bytes, built by hand (no TextEncoder in shared's lib). */
function asciiBytes(text: string): number[] {
  return Array.from({ length: text.length }, (_, index) => text.charCodeAt(index));
}

describe('readCsvText', () => {
  it('reads a French ";" file and numbers rows from line 2', () => {
    const table = tableOf('Nom;Montant\nDupont SA;1 234,56\nMartin;12,00\n');
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual(['Nom', 'Montant']);
    expect(table.rows).toEqual([
      ['Dupont SA', '1 234,56'],
      ['Martin', '12,00'],
    ]);
    expect([table.lineOf(0), table.lineOf(1)]).toEqual([2, 3]);
  });

  it('reads a "," file with quoted decimal commas', () => {
    const table = tableOf('Name,Amount\r\n"Dupont, SA","1,234.56"\r\nMartin,12\r\n');
    expect(table.delimiter).toBe(',');
    expect(table.rows).toEqual([
      ['Dupont, SA', '1,234.56'],
      ['Martin', '12'],
    ]);
  });

  it('reads a tab file', () => {
    const table = tableOf('a\tb\tc\n1\t2\t3\n');
    expect(table.delimiter).toBe('\t');
    expect(table.rows).toEqual([['1', '2', '3']]);
  });

  it('keeps line numbers right across quoted newlines, CR/CRLF/LF and blank lines', () => {
    // Line 1 header; line 2 row A; lines 3–5 row B (two newlines inside quotes); line 6 blank; line 7 row C
    // (CR alone); line 8 row D.
    const text = 'Nom;Adresse\r\nA;rue 1\r\nB;"Bât. 2\r\nrue ; 3\nétage 4"\r\n\r\nC;x\rD;"y"\n';
    const table = tableOf(text);
    expect(table.rows.map((row) => row[0])).toEqual(['A', 'B', 'C', 'D']);
    expect(table.rows[1]?.[1]).toBe('Bât. 2\nrue ; 3\nétage 4');
    expect(table.rows.map((_, index) => table.lineOf(index))).toEqual([2, 3, 7, 8]);
  });

  it('drops a BOM and pads short rows', () => {
    const table = tableOf('\uFEFFSIREN;Nom;Ville\n732829320;Dupont\n');
    expect(table.headers[0]).toBe('SIREN');
    expect(table.rows[0]).toEqual(['732829320', 'Dupont', '']);
  });

  it('reports an empty file and an unclosed quote with its line', () => {
    const empty = readCsvText('\n\n');
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.errors[0]?.code).toBe('csv-empty-file');
    const broken = readCsvText('a;b\n1;2\n3;"oops\n');
    expect(broken.ok).toBe(false);
    if (!broken.ok)
      expect(broken.errors).toContainEqual(expect.objectContaining({ code: 'csv-structure', line: 3 }));
  });

  it('honours a forced delimiter', () => {
    const result = readCsvText('a;b,c\n1;2,3\n', { delimiter: ',' });
    expect(result.ok && result.table.headers).toEqual(['a;b', 'c']);
  });
});

describe('decodeCsvBytes / readCsvBytes', () => {
  it('decodes UTF-8 with a BOM', () => {
    // EF BB BF = BOM; C3 A9 = é; E2 82 AC = €.
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...asciiBytes('Nom;Montant\nSoci'),
      0xc3,
      0xa9,
      ...asciiBytes('t'),
      0xc3,
      0xa9,
      ...asciiBytes(';12 '),
      0xe2,
      0x82,
      0xac,
      0x0a,
    ]);
    const result = readCsvBytes(bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.table.encoding).toBe('utf-8');
    expect(result.table.headers).toEqual(['Nom', 'Montant']);
    expect(result.table.rows[0]).toEqual(['Société', '12 €']);
  });

  it('falls back to Windows-1252 for é (0xE9) and € (0x80)', () => {
    const bytes = new Uint8Array([
      ...asciiBytes('Soci'),
      0xe9,
      ...asciiBytes('t'),
      0xe9,
      ...asciiBytes(';Montant\nA;5 '),
      0x80,
      0x0d,
      0x0a,
    ]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: 'Société;Montant\nA;5 €\r\n', encoding: 'windows-1252' });
    const result = readCsvBytes(bytes);
    expect(result.ok && result.table.encoding).toBe('windows-1252');
    expect(result.ok && result.table.rows[0]).toEqual(['A', '5 €']);
  });
});
