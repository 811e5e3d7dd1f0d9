/**
 * Receivables from a CSV of open invoices (an aged-balance export), in the same shape as a FEC's, so the
 * diagnostic and the domain rules treat both alike.
 *
 * Columns are found by `guessMapping`; buyer names come from a name column when the file has one (read with
 * the buyers mapping of the same header row), else the buyer's code or SIREN stands for its name. A CSV of
 * open invoices carries no payments, credit notes nor turnover: `revenueHtCents` is 0 and the caller asks
 * for the turnover when it needs it.
 */
import type { Invoice } from '../domain/model';
import type { IsoDate } from '../domain/types';
import { buyerIndex, importBuyers, importInvoices, type CsvBuyer } from './csv-import';
import { guessMapping, validateMapping, type CsvMapping } from './csv-mapping';
import type { CsvTable } from './csv-read';
import type { FecBuyer, FecReceivables } from './fec-receivables';
import type { ImportError } from './import-errors';

export type CsvReceivablesResult =
  | { readonly ok: true; readonly receivables: FecReceivables }
  | { readonly ok: false; readonly errors: readonly ImportError[] };

function namedBuyers(table: CsvTable): readonly CsvBuyer[] {
  // Identity columns only: an invoice row's other columns (due date, amounts) are not buyer attributes.
  const guess = guessMapping(table.headers, 'buyers');
  const mapping: CsvMapping<'buyers'> = { name: guess.name, siren: guess.siren, key: guess.key };
  if (validateMapping(mapping, 'buyers', table.headers.length).length > 0) return [];
  const result = importBuyers(table, mapping);
  // Names are a comfort here: a file whose buyer columns disagree still gets its diagnosis, keyed by code.
  return result.errors.length > 0 ? [] : result.accepted;
}

function buyerOf(id: string, known: ReadonlyMap<string, CsvBuyer>): FecBuyer {
  const buyer = known.get(id);
  const key = buyer?.key ?? buyer?.siren ?? id.slice(id.lastIndexOf(':') + 1);
  return {
    id,
    name: buyer?.name ?? key,
    ...(buyer?.siren === undefined ? {} : { siren: buyer.siren }),
    key,
    deliveredNotInvoicedCents: 0,
    isDoubtful: false,
  };
}

export function receivablesFromCsvInvoices(table: CsvTable, fileStem: string): CsvReceivablesResult {
  const mapping = guessMapping(table.headers, 'invoices');
  const missing = validateMapping(mapping, 'invoices', table.headers.length);
  if (missing.length > 0) {
    return {
      ok: false,
      errors: missing.map((field) => ({
        code: 'csv-missing-column',
        line: table.headerLine,
        field: field.label.fr,
        detail: field.anyOf.join(' | '),
      })),
    };
  }
  const buyers = namedBuyers(table);
  const invoices = importInvoices(table, mapping, { buyerIds: buyerIndex(buyers) });
  if (invoices.errors.length > 0) return { ok: false, errors: invoices.errors };

  const known = new Map(buyers.map((buyer) => [buyer.id, buyer]));
  const buyerIds = [...new Set(invoices.accepted.map((invoice) => invoice.buyerId))];
  let lastEntryDate: IsoDate | undefined;
  for (const invoice of invoices.accepted) {
    if (lastEntryDate === undefined || invoice.issueDate > lastEntryDate) lastEntryDate = invoice.issueDate;
  }
  const receivables: FecReceivables = {
    company: { key: fileStem },
    buyers: buyerIds.map((id) => buyerOf(id, known)),
    invoices: invoices.accepted satisfies readonly Invoice[],
    creditNotes: [],
    payments: [],
    flags: [],
    revenueHtCents: 0,
    ...(lastEntryDate === undefined ? {} : { lastEntryDate }),
  };
  return { ok: true, receivables };
}
