/**
 * The core of a ledger import (FEC or CSV), as a plain async function so that it runs in the import Web
 * Worker (import.worker.ts) and in unit tests alike: bytes → SHA-256 → decode and parse with the shared
 * parsers (progress reported per chunk of lines) → the rows of `importLedger` → ONE `runCommand`
 * transaction.
 *
 * Invariants:
 * - All or nothing: any rejected line means no write at all, and the full list of errors comes back; the
 *   write is the single `importLedger` command, so a failure or a cancel before it commits leaves the
 *   database exactly as it was.
 * - The import id is the SHA-256 of the file bytes: a file already imported is a no-op (nothing is parsed
 *   or written) and the outcome says when it was imported.
 * - Cancel: the signal is checked after every progress report and before the write; once the write has
 *   started only terminating the worker can stop it (IndexedDB then aborts the uncommitted transaction).
 * - Successive fiscal years (rule): the opening entries (journals AN/ANO/RAN) of a FEC restate the open
 *   invoices of the previous year under other ids. When the workspace already holds a document of the same
 *   company dated before the new file's opening date — i.e. the previous year's FEC is loaded — the opening
 *   entries of the new file are dropped; otherwise (first year loaded, or a later export of the same year)
 *   they are kept, since they are the only trace of what was open at the start of the year.
 */
import { importLedger } from '../../../shared/commands/import-ledger';
import type { ImportLedgerArgs } from '../../../shared/commands/import-ledger';
import type { EntityName } from '../../../shared/commands/entities';
import type { LocalizedText } from '../../../shared/domain/types';
import { buyerIndex, importBuyers, importInvoices, importLimits } from '../../../shared/import/csv-import';
import type { CsvBuyer, CsvImportResult } from '../../../shared/import/csv-import';
import { fieldsOf } from '../../../shared/import/csv-mapping';
import type { CsvMapping, CsvTarget } from '../../../shared/import/csv-mapping';
import { readCsvBytes } from '../../../shared/import/csv-read';
import type { CsvTable } from '../../../shared/import/csv-read';
import { decodeFec } from '../../../shared/import/fec-decode';
import { parseFec } from '../../../shared/import/fec-parse';
import type { FecEntry } from '../../../shared/import/fec-parse';
import { parseFecFileName, receivablesFromFec } from '../../../shared/import/fec-receivables';
import { importErrorMessage } from '../../../shared/import/import-errors';
import type { ImportError, ImportErrorCode } from '../../../shared/import/import-errors';
import type { AppDB } from '../../db/app-db';
import { runCommand } from '../../db/run-command';

export const IMPORT_KINDS = ['fec', 'csv-buyers', 'csv-invoices', 'csv-limits'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type ImportPhase = 'decode' | 'parse' | 'normalise' | 'write';

export type ImportProgress = {
  readonly phase: ImportPhase;
  readonly done: number;
  readonly total: number;
};

export type EntityCounts = { created: number; updated: number; unchanged: number };

export const COUNTED_ENTITIES = ['buyers', 'invoices', 'payments', 'creditNotes', 'limitDecisions'] as const;
export type CountedEntity = (typeof COUNTED_ENTITIES)[number];
export type ImportCounts = Readonly<Record<CountedEntity, EntityCounts>>;

export type RejectedLine = {
  readonly code: ImportErrorCode;
  readonly line?: number;
  readonly field?: string;
  readonly message: LocalizedText;
};

export type ImportOutcome =
  | {
      readonly status: 'imported';
      readonly importId: string;
      readonly counts: ImportCounts;
      /** Opening entries (à-nouveaux) left out because the previous year is already loaded. */
      readonly droppedOpeningEntries: number;
    }
  | { readonly status: 'already-imported'; readonly importId: string; readonly importedAt: string }
  | { readonly status: 'rejected'; readonly errors: readonly RejectedLine[] }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly message: LocalizedText };

export type RunImportOptions = {
  readonly db: AppDB;
  readonly fileName: string;
  readonly kind: ImportKind;
  /** CSV only: field name → column index (as confirmed in the mapping step). */
  readonly mapping?: Readonly<Record<string, number>>;
  readonly actor: string;
  /** ISO timestamp of the import (stored as `importedAt`). */
  readonly now: string;
  readonly today: string;
  /** Data lines per progress report while parsing. */
  readonly chunkLines?: number;
  /** Called once the file's hash is known (the UI uses it to check a cancelled write). */
  readonly onImportId?: (importId: string) => void;
};

const OPENING_JOURNALS = ['AN', 'ANO', 'RAN'];
const DEFAULT_CHUNK_LINES = 2_000;

/** `import:<sha-256 hex of the bytes>`. */
export async function importIdOf(bytes: Uint8Array): Promise<string> {
  // A copy into a fresh ArrayBuffer: `digest` refuses views over a SharedArrayBuffer.
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `import:${hex}`;
}

export function toRejectedLine(error: ImportError): RejectedLine {
  return {
    code: error.code,
    ...(error.line === undefined ? {} : { line: error.line }),
    ...(error.field === undefined ? {} : { field: error.field }),
    message: { fr: importErrorMessage(error, 'fr'), en: importErrorMessage(error, 'en') },
  };
}

type Reporter = (progress: ImportProgress) => boolean;

export async function runImport(
  bytes: Uint8Array,
  options: RunImportOptions,
  onProgress: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportOutcome> {
  // Reports, then tells whether to go on: every report is a cancellation point.
  const report: Reporter = (progress) => {
    onProgress(progress);
    return signal?.aborted !== true;
  };
  const importId = await importIdOf(bytes);
  options.onImportId?.(importId);
  const previous = await options.db.imports.get(importId);
  if (previous !== undefined)
    return { status: 'already-imported', importId, importedAt: previous.importedAt };
  if (signal?.aborted === true) return { status: 'cancelled' };

  const built =
    options.kind === 'fec'
      ? await buildFromFec(bytes, options, report)
      : await buildFromCsv(bytes, options, report);
  if (built.status !== 'built') return built;
  if (!report({ phase: 'write', done: 0, total: 1 })) return { status: 'cancelled' };

  const args: ImportLedgerArgs = {
    import: {
      id: importId,
      kind: options.kind,
      fileName: options.fileName,
      ...(built.companySiren === undefined ? {} : { companySiren: built.companySiren }),
      importedAt: options.now,
      rejectedLines: 0,
    },
    ...built.rows,
  };
  const existing = await existingKeys(options.db);
  const result = await runCommand(options.db, importLedger, args, {
    actor: options.actor,
    now: options.now,
    today: options.today,
  });
  if (!result.ok) return { status: 'failed', message: result.error.message };
  onProgress({ phase: 'write', done: 1, total: 1 });
  return {
    status: 'imported',
    importId,
    counts: countsOf(built.rows, result.changes, existing),
    droppedOpeningEntries: built.droppedOpeningEntries,
  };
}

type LedgerRows = Omit<ImportLedgerArgs, 'import'>;
type Built =
  | {
      readonly status: 'built';
      readonly rows: LedgerRows;
      readonly companySiren?: string;
      readonly droppedOpeningEntries: number;
    }
  | { readonly status: 'rejected'; readonly errors: readonly RejectedLine[] }
  | { readonly status: 'cancelled' };

const EMPTY_ROWS: LedgerRows = {
  buyers: [],
  invoices: [],
  payments: [],
  creditNotes: [],
  limitDecisions: [],
};

/** Lets the event loop breathe between chunks (the worker's `cancel` message is handled there). */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Parses in chunks of lines so that progress and cancel work on large files: each chunk is parsed by the
 * shared `parseFec` behind the file's header line, and its line numbers are shifted back to the file's.
 * A file without LF (old Mac CR line ends) is parsed in one piece.
 */
async function parseFecInChunks(
  text: string,
  chunkLines: number,
  report: Reporter,
): Promise<{ entries: FecEntry[]; errors: ImportError[] } | 'cancelled'> {
  const whole = (): { entries: FecEntry[]; errors: ImportError[] } => {
    const parsed = parseFec(text);
    return { entries: [...parsed.entries], errors: [...parsed.errors] };
  };
  if (!text.includes('\n')) return whole();
  // Find the header: the first non-blank line.
  let start = 0;
  let headerLineNumber = 1;
  let headerEnd = text.indexOf('\n');
  while (headerEnd >= 0 && text.slice(start, headerEnd).trim() === '') {
    start = headerEnd + 1;
    headerLineNumber += 1;
    headerEnd = text.indexOf('\n', start);
  }
  if (headerEnd < 0) return whole();
  const header = text.slice(start, headerEnd);
  const first = parseFec(`${header}\n`);
  if (first.header === undefined) return { entries: [], errors: [...first.errors] };

  const totalLines = countLines(text, headerEnd + 1);
  const entries: FecEntry[] = [];
  const errors: ImportError[] = [];
  let position = headerEnd + 1;
  let nextLineNumber = headerLineNumber + 1;
  let done = 0;
  while (position < text.length) {
    let end = position;
    let lines = 0;
    while (lines < chunkLines) {
      const newline = text.indexOf('\n', end);
      lines += 1;
      if (newline < 0) {
        end = text.length;
        break;
      }
      end = newline + 1;
    }
    // In the chunk text the header is line 1, so the chunk's first line is line 2.
    const offset = nextLineNumber - 2;
    const parsed = parseFec(`${header}\n${text.slice(position, end)}`);
    for (const entry of parsed.entries)
      entries.push(offset === 0 ? entry : { ...entry, line: entry.line + offset });
    for (const error of parsed.errors)
      errors.push(error.line === undefined ? error : { ...error, line: error.line + offset });
    position = end;
    nextLineNumber += lines;
    done += lines;
    if (!report({ phase: 'parse', done: Math.min(done, totalLines), total: totalLines })) return 'cancelled';
    await yieldToEvents();
  }
  return { entries, errors };
}

function countLines(text: string, from: number): number {
  let count = 0;
  let index = text.indexOf('\n', from);
  while (index >= 0) {
    count += 1;
    index = text.indexOf('\n', index + 1);
  }
  return text.length > from && !text.endsWith('\n') ? count + 1 : count;
}

async function buildFromFec(bytes: Uint8Array, options: RunImportOptions, report: Reporter): Promise<Built> {
  if (!report({ phase: 'decode', done: 0, total: bytes.length })) return { status: 'cancelled' };
  if (bytes.length === 0)
    return { status: 'rejected', errors: [toRejectedLine({ code: 'empty-file', detail: '' })] };
  const decoded = decodeFec(bytes);
  if (!report({ phase: 'decode', done: bytes.length, total: bytes.length })) return { status: 'cancelled' };
  await yieldToEvents();

  const parsed = await parseFecInChunks(decoded.text, options.chunkLines ?? DEFAULT_CHUNK_LINES, report);
  if (parsed === 'cancelled') return { status: 'cancelled' };
  if (parsed.errors.length > 0) return { status: 'rejected', errors: parsed.errors.map(toRejectedLine) };
  if (parsed.entries.length === 0)
    return { status: 'rejected', errors: [toRejectedLine({ code: 'empty-file', detail: '' })] };

  if (!report({ phase: 'normalise', done: 0, total: parsed.entries.length })) return { status: 'cancelled' };
  const name = parseFecFileName(options.fileName);
  const companyKey = name.siren ?? name.identifier ?? 'fec';
  let entries: readonly FecEntry[] = parsed.entries;
  let droppedOpeningEntries = 0;
  const opening = entries.filter((entry) => OPENING_JOURNALS.includes(entry.journalCode.toUpperCase()));
  if (opening.length > 0) {
    const openingDate = opening.reduce(
      (min, entry) => (entry.entryDate < min ? entry.entryDate : min),
      opening[0]?.entryDate ?? '',
    );
    if (await holdsEarlierDocuments(options.db, companyKey, openingDate)) {
      entries = entries.filter((entry) => !OPENING_JOURNALS.includes(entry.journalCode.toUpperCase()));
      droppedOpeningEntries = opening.length;
    }
  }
  const receivables = receivablesFromFec(entries, { fileName: options.fileName, companyKey });
  if (!report({ phase: 'normalise', done: parsed.entries.length, total: parsed.entries.length }))
    return { status: 'cancelled' };
  return {
    status: 'built',
    rows: {
      ...EMPTY_ROWS,
      buyers: receivables.buyers.map((buyer) => ({ id: buyer.id, name: buyer.name })),
      invoices: [...receivables.invoices],
      payments: [...receivables.payments],
      creditNotes: [...receivables.creditNotes],
    },
    ...(receivables.company.siren === undefined ? {} : { companySiren: receivables.company.siren }),
    droppedOpeningEntries,
  };
}

/** True when the workspace holds an invoice or payment of this company dated before `date`. */
async function holdsEarlierDocuments(db: AppDB, companyKey: string, date: string): Promise<boolean> {
  const prefix = `fec:${companyKey}:`;
  const invoice = await db.invoices
    .where('id')
    .startsWith(prefix)
    .filter((row) => row.issueDate < date)
    .first();
  if (invoice !== undefined) return true;
  const payment = await db.payments
    .where('id')
    .startsWith(prefix)
    .filter((row) => row.date < date)
    .first();
  return payment !== undefined;
}

function mappingFor<T extends CsvTarget>(
  target: T,
  given: Readonly<Record<string, number>> | undefined,
): CsvMapping<T> {
  const mapping: CsvMapping<T> = {};
  for (const field of fieldsOf(target)) {
    const column = given?.[field];
    if (column !== undefined) mapping[field] = column;
  }
  return mapping;
}

export function csvTargetOf(kind: Exclude<ImportKind, 'fec'>): CsvTarget {
  if (kind === 'csv-buyers') return 'buyers';
  if (kind === 'csv-invoices') return 'invoices';
  return 'limits';
}

async function buildFromCsv(bytes: Uint8Array, options: RunImportOptions, report: Reporter): Promise<Built> {
  if (!report({ phase: 'decode', done: 0, total: bytes.length })) return { status: 'cancelled' };
  const read = readCsvBytes(bytes);
  if (!read.ok) return { status: 'rejected', errors: read.errors.map(toRejectedLine) };
  const table: CsvTable = read.table;
  if (!report({ phase: 'parse', done: table.rows.length, total: table.rows.length }))
    return { status: 'cancelled' };

  if (options.kind === 'csv-buyers') {
    const result = importBuyers(table, mappingFor('buyers', options.mapping));
    if (result.errors.length > 0) return rejectedOf(result);
    return {
      status: 'built',
      rows: { ...EMPTY_ROWS, buyers: result.accepted.map(buyerFieldsOf) },
      droppedOpeningEntries: 0,
    };
  }

  const stored = await options.db.buyers.toArray();
  const buyerIds = buyerIndex(stored.map((row) => ({ id: row.id, name: row.name })));
  const storedIds = new Set(stored.map((row) => row.id));
  if (!report({ phase: 'normalise', done: 0, total: table.rows.length })) return { status: 'cancelled' };
  if (options.kind === 'csv-invoices') {
    const result = importInvoices(table, mappingFor('invoices', options.mapping), { buyerIds });
    if (result.errors.length > 0) return rejectedOf(result);
    return {
      status: 'built',
      rows: {
        ...EMPTY_ROWS,
        buyers: placeholderBuyers(result.accepted, storedIds),
        invoices: [...result.accepted],
      },
      droppedOpeningEntries: 0,
    };
  }
  const result = importLimits(table, mappingFor('limits', options.mapping), { buyerIds });
  if (result.errors.length > 0) return rejectedOf(result);
  return {
    status: 'built',
    rows: {
      ...EMPTY_ROWS,
      buyers: placeholderBuyers(result.accepted, storedIds),
      limitDecisions: [...result.accepted],
    },
    droppedOpeningEntries: 0,
  };
}

function rejectedOf<R>(result: CsvImportResult<R>): Built {
  return { status: 'rejected', errors: result.errors.map(toRejectedLine) };
}

function buyerFieldsOf(buyer: CsvBuyer): LedgerRows['buyers'][number] {
  const terms = buyer.paymentTerms;
  return {
    id: buyer.id,
    name: buyer.name,
    ...(buyer.siren === undefined ? {} : { siren: buyer.siren }),
    ...(buyer.country === undefined ? {} : { country: buyer.country }),
    ...(terms !== undefined && 'days' in terms && terms.kind === 'net'
      ? { paymentTermsDays: terms.days }
      : {}),
  };
}

const SIREN_ID = /^csv:buyer:siren:(\d{9})$/;
const REF_ID = /^csv:buyer:ref:(.+)$/;

/**
 * A CSV of invoices or limits may name buyers the workspace does not know yet: they are created with what
 * the file says of them (the SIREN, or the code / name), and a later buyers file completes them (same id).
 */
function placeholderBuyers(
  rows: readonly { readonly buyerId: string }[],
  storedIds: ReadonlySet<string>,
): LedgerRows['buyers'] {
  const seen = new Set<string>();
  const buyers: LedgerRows['buyers'] = [];
  for (const { buyerId } of rows) {
    if (storedIds.has(buyerId) || seen.has(buyerId)) continue;
    seen.add(buyerId);
    const siren = SIREN_ID.exec(buyerId)?.[1];
    if (siren !== undefined) buyers.push({ id: buyerId, name: `SIREN ${siren}`, siren });
    else buyers.push({ id: buyerId, name: REF_ID.exec(buyerId)?.[1] ?? buyerId });
  }
  return buyers;
}

type ExistingKeys = Readonly<Record<CountedEntity, ReadonlySet<string>>>;

/** Primary keys held before the write, to tell created rows from updated ones. */
async function existingKeys(db: AppDB): Promise<ExistingKeys> {
  const keysOf = async (entity: CountedEntity): Promise<ReadonlySet<string>> =>
    new Set(await db.entities[entity].toCollection().primaryKeys());
  const [buyers, invoices, payments, creditNotes, limitDecisions] = await Promise.all(
    COUNTED_ENTITIES.map(keysOf),
  );
  const empty: ReadonlySet<string> = new Set();
  return {
    buyers: buyers ?? empty,
    invoices: invoices ?? empty,
    payments: payments ?? empty,
    creditNotes: creditNotes ?? empty,
    limitDecisions: limitDecisions ?? empty,
  };
}

function isCounted(entity: EntityName): entity is CountedEntity {
  return COUNTED_ENTITIES.some((name) => name === entity);
}

function countsOf(
  rows: LedgerRows,
  changes: readonly { readonly entity: EntityName; readonly id: string }[],
  existing: ExistingKeys,
): ImportCounts {
  const counts: Record<CountedEntity, EntityCounts> = {
    buyers: { created: 0, updated: 0, unchanged: 0 },
    invoices: { created: 0, updated: 0, unchanged: 0 },
    payments: { created: 0, updated: 0, unchanged: 0 },
    creditNotes: { created: 0, updated: 0, unchanged: 0 },
    limitDecisions: { created: 0, updated: 0, unchanged: 0 },
  };
  const changed: Record<CountedEntity, number> = {
    buyers: 0,
    invoices: 0,
    payments: 0,
    creditNotes: 0,
    limitDecisions: 0,
  };
  for (const change of changes) {
    if (!isCounted(change.entity)) continue;
    changed[change.entity] += 1;
    if (existing[change.entity].has(change.id)) counts[change.entity].updated += 1;
    else counts[change.entity].created += 1;
  }
  for (const entity of COUNTED_ENTITIES) {
    // A guard bump may touch a stored buyer the file does not list: never count below zero.
    counts[entity].unchanged = Math.max(0, rows[entity].length - changed[entity]);
  }
  return counts;
}
