/**
 * The turnover declaration as a CSV a French spreadsheet opens as is: `;` separator, decimal comma without
 * thousands separator, dates JJ/MM/AAAA, UTF-8 with a byte-order mark (without it Excel reads UTF-8 as
 * Windows-1252 and mangles « é »). One row per document of the period (credit notes negative), then the total,
 * which is the plain sum of the rows above it.
 */
import Papa from 'papaparse';
import type { TurnoverDeclaration } from '../../../shared/domain/turnover-declaration';
import type { Cents } from '../../../shared/domain/types';
import { formatDate } from '../../lib/format';

export const DECLARATION_CSV_COLUMNS = [
  'Type',
  'Numéro',
  'Date',
  'Client',
  'Pays',
  'Zone',
  'Montant HT (€)',
] as const;

/** 123456 → "1234,56"; -5 → "-0,05". Exact: integer arithmetic, no float formatting. */
export function frenchDecimal(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

export function declarationCsv(declaration: TurnoverDeclaration): string {
  const rows = declaration.lines.map((line) => [
    line.kind === 'invoice' ? 'Facture' : 'Avoir',
    line.number,
    formatDate(line.date),
    line.buyerName,
    line.country,
    line.zone === 'france' ? 'France' : 'Export',
    frenchDecimal(line.amountHtCents),
  ]);
  rows.push(['Total', '', '', '', '', '', frenchDecimal(declaration.totalCents)]);
  const body = Papa.unparse(
    { fields: [...DECLARATION_CSV_COLUMNS], data: rows },
    { delimiter: ';', newline: '\r\n', quotes: false },
  );
  return `\uFEFF${body}\r\n`;
}

export function declarationFileName(range: { readonly start: string; readonly end: string }): string {
  return `declaration-ca-${range.start}-${range.end}.csv`;
}
