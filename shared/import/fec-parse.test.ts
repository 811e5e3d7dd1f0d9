import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFec } from './fec-decode';
import { parseFec, parseFecAmount, parseFecBytes, parseFecDate } from './fec-parse';
import { IMPORT_ERROR_CODES, IMPORT_ERROR_MESSAGES, importErrorMessage } from './import-errors';

const HEADER =
  'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise';
const line = (date: string, debit: string, credit: string): string =>
  `VE\tVentes\t1\t${date}\t411000\tClients\tC1\tClient 1\tF1\t${date}\tFacture\t${debit}\t${credit}\t\t\t20260401\t\t`;

describe('parseFecDate', () => {
  it.each([
    ['20260115', '2026-01-15'],
    ['20240229', '2024-02-29'],
    ['2026-03-01', '2026-03-01'],
    ['01/03/2026', '2026-03-01'],
    ['20250229', undefined],
    ['20261301', undefined],
    ['2026011', undefined],
    ['2026O115', undefined],
  ])('%s → %s', (raw, iso) => {
    expect(parseFecDate(raw)).toBe(iso);
  });
});

describe('parseFecAmount', () => {
  it.each([
    ['0000000069,60', 6960],
    ['69,6', 6960],
    ['1200', 120000],
    ['-12,50', -1250],
    ['12.5', 1250],
    ['1 234,56', 123456],
    ['12,500', 1250],
    ['abc', undefined],
    ['12,345', undefined],
    ['', undefined],
  ])('%s → %s', (raw, cents) => {
    expect(parseFecAmount(raw)).toBe(cents);
  });

  it('reads back any amount written the FEC way (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.boolean(), (cents, pad) => {
        const abs = Math.abs(cents);
        const body = `${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
        const text = `${cents < 0 ? '-' : ''}${pad ? body.padStart(16, '0') : body}`;
        expect(parseFecAmount(text)).toBe(cents);
      }),
    );
  });
});

describe('malformed files', () => {
  it('an empty file is one empty-file error', () => {
    expect(parseFecBytes(new Uint8Array()).errors).toEqual([{ code: 'empty-file', detail: '' }]);
    expect(parseFec('\n\n').errors.map((e) => e.code)).toEqual(['empty-file']);
  });

  it('a file without a FEC header is not-a-fec', () => {
    const result = parseFec('Nom;Montant\nDupont;12\n');
    expect(result.errors).toMatchObject([{ code: 'not-a-fec', line: 1 }]);
    expect(result.entries).toEqual([]);
  });

  it('a missing mandatory column is one error for the file and nothing is read', () => {
    const header = HEADER.replace('\tEcritureDate', '').replace('\tCredit', '');
    const result = parseFec(`${header}\n${line('20260115', '10,00', '0,00')}\n`);
    expect(result.entries).toEqual([]);
    expect(result.errors).toEqual([
      { code: 'missing-column', line: 1, field: 'EcritureDate, Credit', detail: 'EcritureDate, Credit' },
    ]);
  });

  it('bad dates, amounts and column counts are reported with their line numbers', () => {
    const text = [
      HEADER,
      line('20260115', '10,00', '0,00'),
      line('20261345', '10,00', '0,00'),
      '',
      line('20260115', '10,0x', '0,00'),
      'VE\tVentes\t1\t20260115',
      line('20260116', '0,00', '5,00'),
    ].join('\r\n');
    const result = parseFec(text);
    expect(result.errors).toEqual([
      { code: 'bad-date', line: 3, field: 'EcritureDate', detail: '20261345' },
      { code: 'bad-date', line: 3, field: 'PieceDate', detail: '20261345' },
      { code: 'bad-amount', line: 5, field: 'Debit', detail: '10,0x' },
      { code: 'wrong-column-count', line: 6, detail: '4 / 18' },
    ]);
    expect(result.entries.map((e) => e.line)).toEqual([2, 7]);
    expect(result.lineCount).toBe(5);
  });

  it('a bad Sens is reported', () => {
    const header = HEADER.replace('Debit\tCredit', 'Montant\tSens');
    const result = parseFec(`${header}\n${line('20260115', '10,00', 'X')}\n`);
    expect(result.errors).toEqual([{ code: 'bad-sense', line: 2, field: 'Sens', detail: 'X' }]);
  });

  it('UTF-16 bytes are a bad-encoding error', () => {
    const utf16 = Uint8Array.from([
      0xff,
      0xfe,
      ...Array.from('JournalCode').flatMap((c) => [c.charCodeAt(0), 0]),
    ]);
    expect(parseFecBytes(utf16).errors.map((e) => e.code)).toEqual(['bad-encoding']);
  });

  it('invalid UTF-8 falls back to a single-byte encoding', () => {
    // "é" in Latin-1 is the lone byte 0xE9, invalid as UTF-8.
    expect(decodeFec(Uint8Array.from([0x43, 0x61, 0x66, 0xe9]))).toEqual({
      text: 'Café',
      encoding: 'windows-1252',
      hadBom: false,
    });
    expect(decodeFec(Uint8Array.from([0xa4]), { encoding: 'windows-1252' }).text).toBe('¤');
  });
});

describe('import error messages', () => {
  it.each(IMPORT_ERROR_CODES)('%s has a French and an English sentence', (code) => {
    expect(IMPORT_ERROR_MESSAGES[code].fr).not.toBe('');
    expect(IMPORT_ERROR_MESSAGES[code].en).not.toBe(IMPORT_ERROR_MESSAGES[code].fr);
  });

  it('fills the placeholders', () => {
    const error = { code: 'bad-date', line: 12, field: 'EcritureDate', detail: '2026' } as const;
    expect(importErrorMessage(error, 'fr')).toBe(
      'Ligne 12, colonne EcritureDate : date illisible « 2026 » (format attendu AAAAMMJJ).',
    );
  });
});
