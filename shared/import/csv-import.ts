/**
 * Applies a confirmed column mapping to a read CSV table and returns typed buyers, invoices or limit decisions
 * in the model's shapes, or the reasons each rejected line was refused.
 *
 * Invariants:
 * - All or nothing: the result lists the accepted rows and every error; the app commits only when `errors` is
 *   empty. A rejected row contributes nothing, even the fields that were fine.
 * - Every error carries the file line (`CsvTable.lineOf`), the column as named in the header, and the value.
 * - Ids are derived from the data, never random, so importing the same file twice yields the same ids:
 *   `csv:buyer:siren:<SIREN>` (else `csv:buyer:ref:<normalised code or name>`),
 *   `csv:invoice:<buyer id>:<number>`, `csv:limit:<buyer id>:<kind>:<decision date>:<amount cents>` (plus the
 *   layer when not `named`). The same id twice in one file is accepted once when the rows are identical and
 *   refused otherwise.
 * - Amounts are integer cents via the domain's `parseAmount`; dates are validated calendar dates.
 */
import { validateFrenchVat, validateNaf, validateSiren, validateSiret } from '../domain/identifiers';
import type { Buyer, Invoice, LimitDecision } from '../domain/model';
import { parseAmount } from '../domain/money';
import type { PaymentTerms } from '../domain/payment-terms';
import type { Cents, IsoDate } from '../domain/types';
import type { ImportError, ImportErrorCode } from './import-errors';
import { fieldLabel, validateMapping } from './csv-mapping';
import type { CsvFieldOf, CsvMapping, CsvTarget } from './csv-mapping';
import type { CsvTable } from './csv-read';
import {
  normalizeLabel,
  parseCsvBoolean,
  parseCsvDate,
  parseCurrency,
  parseDecisionKind,
  parseLayer,
  parsePaymentTerms,
} from './csv-values';

/** A buyer as a CSV file describes it: the model's buyer plus the contact and registry details. */
export type CsvBuyer = Buyer & {
  /** The seller's own customer code (code client / compte auxiliaire), used by invoice and limit files. */
  readonly key?: string;
  readonly siret?: string;
  readonly vat?: string;
  readonly naf?: string;
  readonly address?: string;
  readonly postcode?: string;
  readonly city?: string;
  readonly paymentTerms?: PaymentTerms;
  readonly contactEmail?: string;
  readonly contactPhone?: string;
};

export type CsvImportResult<R> = {
  /** Rows that passed, in file order (duplicates of an identical row dropped). */
  readonly accepted: readonly R[];
  /** File line of each accepted row, same order. */
  readonly lines: readonly number[];
  readonly errors: readonly ImportError[];
};

export type CsvImportOptions = {
  /**
   * Buyer ids by normalised customer code or name (see `buyerIndex`), so an invoice file that names its buyer
   * by code reaches the buyer imported with its SIREN. Without it, such a buyer id is `csv:buyer:ref:<code>`.
   */
  readonly buyerIds?: ReadonlyMap<string, string>;
};

const SIREN_ID_PREFIX = 'csv:buyer:siren:';
const REF_ID_PREFIX = 'csv:buyer:ref:';

/** The id of a buyer known by SIREN, else by its code or name. */
export function csvBuyerId(reference: { readonly siren?: string; readonly keyOrName?: string }): string {
  if (reference.siren !== undefined) return `${SIREN_ID_PREFIX}${reference.siren}`;
  return `${REF_ID_PREFIX}${normalizeLabel(reference.keyOrName ?? '')}`;
}

/** Buyer ids by normalised code and by normalised name, for `CsvImportOptions.buyerIds`. */
export function buyerIndex(buyers: readonly CsvBuyer[]): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const buyer of buyers) {
    // A code is more specific than a name: codes are entered first and never overwritten by a name.
    if (buyer.key !== undefined) index.set(normalizeLabel(buyer.key), buyer.id);
  }
  for (const buyer of buyers) {
    const name = normalizeLabel(buyer.name);
    if (!index.has(name)) index.set(name, buyer.id);
  }
  return index;
}

/** Reads the mapped cells of one row and collects its errors. */
class RowReader<T extends CsvTarget> {
  readonly errors: ImportError[] = [];

  constructor(
    private readonly table: CsvTable,
    private readonly mapping: CsvMapping<T>,
    private readonly target: T,
    private readonly row: readonly string[],
    readonly line: number,
  ) {}

  /** The column's header text, or the field's French label when unmapped. */
  header(field: CsvFieldOf<T>): string {
    const column = this.mapping[field];
    const header = column === undefined ? undefined : this.table.headers[column];
    return header ?? fieldLabel(this.target, field).fr;
  }

  /** The trimmed cell; '' when the field is not mapped. */
  text(field: CsvFieldOf<T>): string {
    const column = this.mapping[field];
    return column === undefined ? '' : (this.row[column] ?? '').trim();
  }

  /** The cell, or `undefined` when empty. */
  optional(field: CsvFieldOf<T>): string | undefined {
    const value = this.text(field);
    return value === '' ? undefined : value;
  }

  fail(code: ImportErrorCode, field: CsvFieldOf<T> | undefined, detail: string): void {
    this.errors.push({
      code,
      line: this.line,
      ...(field === undefined ? {} : { field: this.header(field) }),
      detail,
    });
  }

  required(field: CsvFieldOf<T>): string | undefined {
    const value = this.optional(field);
    if (value === undefined) this.fail('csv-missing-value', field, '');
    return value;
  }

  date(field: CsvFieldOf<T>, isRequired: boolean): IsoDate | undefined {
    const value = isRequired ? this.required(field) : this.optional(field);
    if (value === undefined) return undefined;
    const date = parseCsvDate(value);
    if (date === undefined) this.fail('csv-bad-date', field, value);
    return date;
  }

  /** Amount in cents, at least `min`; empty cells are `undefined` (and an error when required). */
  amount(field: CsvFieldOf<T>, isRequired: boolean, min: Cents): Cents | undefined {
    const value = isRequired ? this.required(field) : this.optional(field);
    if (value === undefined) return undefined;
    const parsed = parseAmount(value);
    if (parsed.ok && parsed.cents >= min) return parsed.cents;
    this.fail('csv-bad-amount', field, value);
    return undefined;
  }

  siren(field: CsvFieldOf<T>): string | undefined {
    const value = this.optional(field);
    if (value === undefined) return undefined;
    const checked = validateSiren(value);
    if (checked.ok) return checked.value;
    const digits = value.replace(/[\s.-]/g, '');
    if (checked.reason === 'checksum') this.fail('csv-siren-checksum', field, digits);
    else this.fail('csv-bad-siren', field, value);
    return undefined;
  }

  isMapped(field: CsvFieldOf<T>): boolean {
    return this.mapping[field] !== undefined;
  }
}

/** Buyer id from the SIREN column, else the code/name column through the index. */
function readBuyerId(
  cells: RowReader<'invoices'> | RowReader<'limits'>,
  options: CsvImportOptions,
): string | undefined {
  const siren = cells.siren('buyerSiren');
  if (siren !== undefined) return csvBuyerId({ siren });
  if (cells.optional('buyerSiren') !== undefined) return undefined; // an invalid SIREN, already reported
  const key = cells.optional('buyerKey');
  if (key !== undefined) return options.buyerIds?.get(normalizeLabel(key)) ?? csvBuyerId({ keyOrName: key });
  cells.fail('csv-missing-value', cells.isMapped('buyerSiren') ? 'buyerSiren' : 'buyerKey', '');
  return undefined;
}

function importRows<T extends CsvTarget, R extends { readonly id: string }>(
  table: CsvTable,
  mapping: CsvMapping<T>,
  target: T,
  readRow: (reader: RowReader<T>) => R | undefined,
): CsvImportResult<R> {
  const missing = validateMapping(mapping, target, table.headers.length);
  if (missing.length > 0) {
    return {
      accepted: [],
      lines: [],
      errors: missing.map((field) => ({
        code: 'csv-missing-column',
        field: field.label.fr,
        detail: field.label.en,
      })),
    };
  }
  const accepted: R[] = [];
  const lines: number[] = [];
  const errors: ImportError[] = [];
  const seen = new Map<string, { readonly json: string; readonly line: number }>();
  table.rows.forEach((row, rowIndex) => {
    const reader = new RowReader(table, mapping, target, row, table.lineOf(rowIndex));
    const value = readRow(reader);
    if (reader.errors.length > 0 || value === undefined) {
      errors.push(...reader.errors);
      return;
    }
    const json = JSON.stringify(value);
    const previous = seen.get(value.id);
    if (previous !== undefined) {
      if (previous.json !== json) {
        errors.push({ code: 'csv-duplicate-row', line: reader.line, detail: String(previous.line) });
      }
      return;
    }
    seen.set(value.id, { json, line: reader.line });
    accepted.push(value);
    lines.push(reader.line);
  });
  return errors.length > 0 ? { accepted: [], lines: [], errors } : { accepted, lines, errors };
}

function countryOf(input: string | undefined): string | undefined {
  if (input === undefined) return undefined;
  return ['france', 'fr', 'fra'].includes(normalizeLabel(input)) ? 'FR' : input;
}

/** Buyers file → `CsvBuyer`s. Only the name is required; SIREN, SIRET, VAT and NAF are validated when given. */
export function importBuyers(table: CsvTable, mapping: CsvMapping<'buyers'>): CsvImportResult<CsvBuyer> {
  return importRows(table, mapping, 'buyers', (cells) => {
    const name = cells.required('name');
    const siren = cells.siren('siren');
    const key = cells.optional('key');

    const siretText = cells.optional('siret');
    const siretCheck = siretText === undefined ? undefined : validateSiret(siretText);
    if (siretCheck?.ok === false) cells.fail('csv-bad-siret', 'siret', siretText ?? '');

    const vatText = cells.optional('vat');
    // Only French numbers can be checked; a foreign one is kept as written (compacted, upper case).
    const isFrenchVat = vatText !== undefined && /^fr/i.test(vatText.trim());
    const vatCheck = vatText !== undefined && isFrenchVat ? validateFrenchVat(vatText) : undefined;
    if (vatCheck?.ok === false) cells.fail('csv-bad-vat', 'vat', vatText ?? '');

    const nafText = cells.optional('naf');
    const nafCheck = nafText === undefined ? undefined : validateNaf(nafText);
    if (nafCheck?.ok === false) cells.fail('csv-bad-naf', 'naf', nafText ?? '');

    const termsText = cells.optional('paymentTerms');
    const paymentTerms = termsText === undefined ? undefined : parsePaymentTerms(termsText);
    if (termsText !== undefined && paymentTerms === undefined)
      cells.fail('csv-bad-payment-terms', 'paymentTerms', termsText);

    if (name === undefined || cells.errors.length > 0) return undefined;
    const vat = vatCheck?.ok ? vatCheck.value : vatText?.replace(/[\s.-]/g, '').toUpperCase();
    const buyer: CsvBuyer = {
      id: csvBuyerId({ ...(siren === undefined ? {} : { siren }), keyOrName: key ?? name }),
      name,
      ...(siren === undefined ? {} : { siren }),
      ...optionalEntry('country', countryOf(cells.optional('country'))),
      ...optionalEntry('key', key),
      ...optionalEntry('siret', siretCheck?.ok ? siretCheck.value : undefined),
      ...optionalEntry('vat', vat),
      ...optionalEntry('naf', nafCheck?.ok ? nafCheck.value : undefined),
      ...optionalEntry('address', cells.optional('address')),
      ...optionalEntry('postcode', cells.optional('postcode')),
      ...optionalEntry('city', cells.optional('city')),
      ...optionalEntry('paymentTerms', paymentTerms),
      ...optionalEntry('contactEmail', cells.optional('contactEmail')),
      ...optionalEntry('contactPhone', cells.optional('contactPhone')),
    };
    return buyer;
  });
}

/** `{ [key]: value }` when the value is defined, `{}` otherwise, so no key holds `undefined`. */
function optionalEntry<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  if (value === undefined) return {};
  const entry: { [P in K]?: V } = {};
  entry[key] = value;
  return entry;
}

/** Invoices file → `Invoice`s. Amounts must be positive and HT ≤ TTC; currency defaults to EUR. */
export function importInvoices(
  table: CsvTable,
  mapping: CsvMapping<'invoices'>,
  options: CsvImportOptions = {},
): CsvImportResult<Invoice> {
  return importRows(table, mapping, 'invoices', (cells) => {
    const buyerId = readBuyerId(cells, options);
    const number = cells.required('number');
    const issueDate = cells.date('issueDate', true);
    const deliveryDate = cells.date('deliveryDate', false);
    const dueDate = cells.date('dueDate', true);
    const amountHtCents = cells.amount('amountHt', true, 1);
    const amountTtcCents = cells.amount('amountTtc', true, 1);
    const currencyText = cells.optional('currency');
    const currency = currencyText === undefined ? 'EUR' : parseCurrency(currencyText);
    if (currency === undefined) cells.fail('csv-bad-currency', 'currency', currencyText ?? '');
    const disputedText = cells.text('disputed');
    const disputed = parseCsvBoolean(disputedText);
    if (disputed === undefined) cells.fail('csv-bad-boolean', 'disputed', disputedText);
    if (amountHtCents !== undefined && amountTtcCents !== undefined && amountHtCents > amountTtcCents) {
      cells.fail(
        'csv-inconsistent-amounts',
        undefined,
        `${cells.text('amountHt')} > ${cells.text('amountTtc')}`,
      );
    }
    if (
      buyerId === undefined ||
      number === undefined ||
      issueDate === undefined ||
      dueDate === undefined ||
      amountHtCents === undefined ||
      amountTtcCents === undefined ||
      currency === undefined ||
      cells.errors.length > 0
    ) {
      return undefined;
    }
    const invoice: Invoice = {
      id: `csv:invoice:${buyerId}:${number}`,
      buyerId,
      number,
      issueDate,
      ...(deliveryDate === undefined ? {} : { deliveryDate }),
      dueDate,
      amountHtCents,
      amountTtcCents,
      currency,
      ...(disputed === true ? { disputed } : {}),
    };
    return invoice;
  });
}

/** Kinds after which nothing is in force: the model stores 0 for them. */
const ZERO_KINDS = new Set<LimitDecision['kind']>(['refused', 'cancelled', 'expired']);

/**
 * Limits file → `LimitDecision`s. A temporary limit needs its end date. For a refusal, cancellation or expiry
 * the amount in force is 0 (the model's rule); an amount written on such a line is what was asked for, kept as
 * `requestedCents` unless the file has a requested amount of its own.
 */
export function importLimits(
  table: CsvTable,
  mapping: CsvMapping<'limits'>,
  options: CsvImportOptions = {},
): CsvImportResult<LimitDecision> {
  return importRows(table, mapping, 'limits', (cells) => {
    const buyerId = readBuyerId(cells, options);
    const kindText = cells.required('kind');
    const kind = kindText === undefined ? undefined : parseDecisionKind(kindText);
    if (kindText !== undefined && kind === undefined) cells.fail('csv-bad-decision-kind', 'kind', kindText);
    const decisionDate = cells.date('decisionDate', true);
    const effectiveDate = cells.date('effectiveDate', true);
    const isZeroKind = kind !== undefined && ZERO_KINDS.has(kind);
    const written = cells.amount('amount', !isZeroKind, 0);
    const requested = cells.amount('requestedAmount', false, 0);
    const endDate = cells.date('endDate', kind === 'temporary');
    const layerText = cells.text('layer');
    const layer = parseLayer(layerText);
    if (layer === undefined) cells.fail('csv-bad-layer', 'layer', layerText);
    const insurerReference = cells.optional('insurerReference');
    if (
      buyerId === undefined ||
      kind === undefined ||
      decisionDate === undefined ||
      effectiveDate === undefined ||
      layer === undefined ||
      cells.errors.length > 0
    ) {
      return undefined;
    }
    const amountCents = isZeroKind ? 0 : (written ?? 0);
    const requestedCents =
      requested ?? (isZeroKind && written !== undefined && written > 0 ? written : undefined);
    const layerSuffix = layer === 'named' ? '' : `:${layer}`;
    const decision: LimitDecision = {
      id: `csv:limit:${buyerId}:${kind}:${decisionDate}:${amountCents}${layerSuffix}`,
      buyerId,
      layer,
      kind,
      decisionDate,
      effectiveDate,
      ...(requestedCents === undefined ? {} : { requestedCents }),
      amountCents,
      currency: 'EUR',
      ...(endDate === undefined ? {} : { endDate }),
      ...(insurerReference === undefined ? {} : { insurerReference }),
    };
    return decision;
  });
}
