/**
 * Every FEC variant of domain.md §6, generated from one logical ledger, must give the same receivables, and
 * those receivables must match figures computed by hand below.
 */
import { describe, expect, it } from 'vitest';
import { decodeFec } from './fec-decode';
import { parseFec, parseFecBytes } from './fec-parse';
import { buyerLedgersOf, receivablesFromFec } from './fec-receivables';
import { allocate, openBalance } from '../domain/ledger';

type Row = {
  readonly journal: string;
  readonly num: string;
  readonly date: string;
  readonly account: string;
  readonly aux: string;
  readonly auxLib: string;
  readonly debit: string;
  readonly credit: string;
  readonly let: string;
  readonly dateLet: string;
};

const r = (
  journal: string,
  num: string,
  date: string,
  account: string,
  aux: string,
  auxLib: string,
  debit: string,
  credit: string,
  lettering = '',
  dateLet = '',
): Row => ({ journal, num, date, account, aux, auxLib, debit, credit, let: lettering, dateLet });

const C1 = "Société Générale d'Électricité";
const C2 = 'Café €uro';
/** The logical ledger (amounts in euros, written the FEC way). */
const ROWS: readonly Row[] = [
  r('ANO', '1', '20260101', '411000', 'C003', 'Dubois & Fils', '50,00', '0,00'),
  r('ANO', '1', '20260101', '110000', '', '', '0,00', '50,00'),
  r('VE', '2', '20260115', '411000', 'C001', C1, '1200,00', '0,00', 'AA', '20260301'),
  r('VE', '2', '20260115', '706000', '', '', '0,00', '1000,00'),
  r('VE', '2', '20260115', '445710', '', '', '0,00', '200,00'),
  r('VE', '3', '20260210', '411000', 'C002', C2, '600,00', '0,00'),
  r('VE', '3', '20260210', '706000', '', '', '0,00', '500,00'),
  r('VE', '3', '20260210', '445710', '', '', '0,00', '100,00'),
  r('VE', '4', '20260220', '411000', 'C001', C1, '0,00', '120,00', 'AA', '20260301'),
  r('VE', '4', '20260220', '706000', '', '', '100,00', '0,00'),
  r('VE', '4', '20260220', '445710', '', '', '20,00', '0,00'),
  r('BQ', '5', '20260301', '512000', '', '', '1080,00', '0,00'),
  r('BQ', '5', '20260301', '411000', 'C001', C1, '0,00', '1080,00', 'AA', '20260301'),
  r('OD', '6', '20260331', '418000', 'C002', C2, '300,00', '0,00'),
  r('OD', '6', '20260331', '708000', '', '', '0,00', '300,00'),
  r('OD', '7', '20260331', '416000', 'C003', 'Dubois & Fils', '50,00', '0,00'),
  r('OD', '7', '20260331', '411000', 'C003', 'Dubois & Fils', '0,00', '50,00'),
];

type Variant = {
  readonly name: string;
  readonly separator?: '\t' | '|';
  readonly eol?: string;
  readonly bom?: boolean;
  readonly encoding?: 'utf-8' | 'iso-8859-15' | 'windows-1252';
  readonly columns22?: boolean;
  readonly amountSense?: boolean;
  readonly padded?: boolean;
  readonly trailing?: boolean;
  readonly upperHeader?: boolean;
};

function headerOf(v: Variant): string[] {
  const amount = v.amountSense ? ['Montant', 'Sens'] : ['Debit', 'Credit'];
  const names = [
    'JournalCode',
    'JournalLib',
    'EcritureNum',
    'EcritureDate',
    'CompteNum',
    'CompteLib',
    'CompAuxNum',
    'CompAuxLib',
    'PieceRef',
    'PieceDate',
    'EcritureLib',
    ...amount,
    'EcritureLet',
    'DateLet',
    'ValidDate',
    v.upperHeader ? 'MontantDevise' : 'Montantdevise',
    'Idevise',
    ...(v.columns22 ? ['DateRglt', 'ModeRglt', 'NatOp', 'IdClient'] : []),
  ];
  return v.upperHeader ? names.map((n) => n.toUpperCase()) : names;
}

function cellsOf(row: Row, v: Variant): string[] {
  const pad = (s: string, width: number): string => (v.padded ? s.padEnd(width, ' ') : s);
  const money = (s: string): string => (v.padded ? s.padStart(13, '0') : s);
  const amount = v.amountSense
    ? row.debit === '0,00'
      ? [money(row.credit), 'C']
      : [money(row.debit), 'D']
    : [money(row.debit), money(row.credit)];
  return [
    pad(row.journal, 4),
    pad(`Journal ${row.journal}`, 12),
    pad(row.num, 8),
    row.date,
    pad(row.account, 8),
    pad(`Compte ${row.account}`, 16),
    pad(row.aux, 8),
    pad(row.auxLib, 32),
    pad(`P${row.num}`, 8),
    row.date,
    pad('Libellé écriture', 20),
    ...amount,
    pad(row.let, 2),
    pad(row.dateLet, 8),
    '20260401',
    '',
    '',
    ...(v.columns22 ? ['', '', '', ''] : []),
  ];
}

function textOf(v: Variant): string {
  const sep = v.separator ?? '\t';
  const end = v.trailing ? sep : '';
  const lines = [headerOf(v), ...ROWS.map((row) => cellsOf(row, v))].map((cells) => cells.join(sep) + end);
  return lines.join(v.eol ?? '\n') + (v.eol ?? '\n');
}

/** A minimal single-byte encoder for the characters of this ledger. */
function encodeSingleByte(text: string, euroByte: number): Uint8Array {
  return Uint8Array.from(Array.from(text), (ch) => {
    if (ch === '€') return euroByte;
    const code = ch.charCodeAt(0);
    if (code > 0xff) throw new Error(`cannot encode ${ch}`);
    return code;
  });
}

function bytesOf(v: Variant): Uint8Array {
  const text = textOf(v);
  if (v.encoding === 'iso-8859-15') return encodeSingleByte(text, 0xa4);
  if (v.encoding === 'windows-1252') return encodeSingleByte(text, 0x80);
  const utf8 = new TextEncoder().encode(text);
  return v.bom ? Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]) : utf8;
}

const VARIANTS: readonly Variant[] = [
  { name: 'tab, LF, UTF-8' },
  { name: 'pipe', separator: '|' },
  { name: 'BOM', bom: true },
  { name: 'CRLF', eol: '\r\n' },
  { name: 'CR', eol: '\r' },
  { name: 'ISO-8859-15 (é, €)', encoding: 'iso-8859-15' },
  { name: 'Windows-1252 (é, €)', encoding: 'windows-1252' },
  { name: '22 columns', columns22: true },
  { name: 'Montant + Sens', amountSense: true },
  { name: 'padded, zero-padded amounts', padded: true, separator: '|' },
  { name: 'trailing separator', trailing: true, separator: '|' },
  { name: 'header in capitals, MontantDevise', upperHeader: true },
  {
    name: 'all at once',
    separator: '|',
    eol: '\r\n',
    encoding: 'iso-8859-15',
    padded: true,
    trailing: true,
    upperHeader: true,
    columns22: true,
    amountSense: true,
  },
];

const reference = receivablesFromFec(parseFec(textOf({ name: 'reference' })).entries, {
  fileName: '123456789FEC20261231.txt',
});

describe('FEC variants', () => {
  it.each(VARIANTS)('$name gives the same receivables as the plain file', (variant) => {
    const read = parseFecBytes(bytesOf(variant));
    expect(read.errors).toEqual([]);
    expect(read.entries).toHaveLength(ROWS.length);
    const got = receivablesFromFec(read.entries, { fileName: '123456789FEC20261231.txt' });
    expect(got).toEqual(reference);
  });

  it('detects the encoding of each variant', () => {
    expect(decodeFec(bytesOf({ name: '', encoding: 'iso-8859-15' })).encoding).toBe('iso-8859-15');
    expect(decodeFec(bytesOf({ name: '', encoding: 'windows-1252' })).encoding).toBe('windows-1252');
    const bom = decodeFec(bytesOf({ name: '', bom: true }));
    expect([bom.encoding, bom.hadBom, bom.text.startsWith('JournalCode')]).toEqual(['utf-8', true, true]);
  });

  it('keeps accents and the euro sign in names', () => {
    const names = reference.buyers.map((b) => b.name).sort();
    expect(names).toEqual([C2, 'Dubois & Fils', C1].sort());
  });
});

describe('receivables of the logical ledger (hand-computed)', () => {
  const byKey = new Map(reference.buyers.map((b) => [b.key, b]));
  const ledgers = new Map(buyerLedgersOf(reference).map((l) => [l.buyer.id, l]));
  const balanceOf = (key: string): number => {
    const ledger = ledgers.get(byKey.get(key)!.id)!;
    return openBalance(allocate(ledger, '2026-12-31'));
  };

  it.each([
    // C001: 1200,00 invoiced − 120,00 credit note − 1080,00 paid = 0
    ['C001', 0],
    // C002: 600,00 invoiced, nothing paid (the 418 line is not an invoice)
    ['C002', 600_00],
    // C003: 50,00 carried forward (ANO), moved 411 → 416 (−50 + 50) = 50,00
    ['C003', 50_00],
  ])('balance of %s is %i cents', (key, cents) => {
    expect(balanceOf(key)).toBe(cents);
  });

  it('reads company, 418, 416, HT and lettering', () => {
    expect(reference.company).toEqual({ key: '123456789', siren: '123456789', closingDate: '2026-12-31' });
    expect(byKey.get('C002')?.deliveredNotInvoicedCents).toBe(300_00);
    expect(byKey.get('C003')?.isDoubtful).toBe(true);
    expect(reference.flags).toEqual([
      { code: 'doubtful', buyerId: 'fec:123456789:C003', accountNumber: '416000' },
    ]);
    const invoice = reference.invoices.find((i) => i.buyerId === 'fec:123456789:C001');
    // HT = the 706 credit of the piece (1000,00); due 30 days net after 2026-01-15.
    expect(invoice).toMatchObject({
      id: 'fec:123456789:C001:VE:2',
      amountTtcCents: 1200_00,
      amountHtCents: 1000_00,
      issueDate: '2026-01-15',
      dueDate: '2026-02-14',
    });
    expect(reference.creditNotes).toEqual([
      expect.objectContaining({ amountTtcCents: 120_00, amountHtCents: 100_00, invoiceId: invoice?.id }),
    ]);
    expect(reference.payments.find((p) => p.buyerId === invoice?.buyerId)).toMatchObject({
      amountCents: 1080_00,
      invoiceId: invoice?.id,
    });
    // 70x: 1000 + 500 − 100 + 300
    expect(reference.revenueHtCents).toBe(1700_00);
  });

  it('gives the same ids when the same file is read twice', () => {
    const again = receivablesFromFec(parseFec(textOf({ name: 'again', separator: '|' })).entries, {
      fileName: '/some/dir/123456789FEC20261231.txt',
    });
    expect(again.invoices.map((i) => i.id)).toEqual(reference.invoices.map((i) => i.id));
    expect(again.payments.map((p) => p.id)).toEqual(reference.payments.map((p) => p.id));
  });

  it('uses per-buyer payment terms', () => {
    const got = receivablesFromFec(parseFec(textOf({ name: 'terms' })).entries, {
      termsByBuyer: { C001: { kind: 'eom-plus', days: 45 } },
    });
    // 2026-01-15: end of month 2026-01-31, + 45 days = 2026-03-17 (domain.md §5 example 7)
    expect(got.invoices.find((i) => i.number === 'P2')?.dueDate).toBe('2026-03-17');
  });
});
