import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import type Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { AppDB } from '../../db/app-db';
import { openAppDb } from '../../db/open-db';
import { guessMapping } from '../../../shared/import/csv-mapping';
import type { CsvTarget } from '../../../shared/import/csv-mapping';
import clientsCsv from '../../../test/fixtures/csv/clients.csv?raw';
import facturesCsv from '../../../test/fixtures/csv/factures.csv?raw';
import limitesCsv from '../../../test/fixtures/csv/limites.csv?raw';
import { runImport } from './run-import';
import type { ImportProgress, RunImportOptions } from './run-import';

/** A file's bytes, read by the Node process that runs jsdom (tests may; renderer code may not). */
function readFile(url: URL): Uint8Array {
  return new Uint8Array(readFileSync(url));
}

const FIXTURE_NAME = '111111111FEC20221231.TXT';
// The reference folder sits beside the repository (/work/shared next to /work/main). A variable, not a literal,
// in `new URL`: Vite would otherwise turn it into an asset import, which its fs rules refuse.
const fixturePath = `../../../../shared/fixtures/fec/${FIXTURE_NAME}`;
const fixtureBytes = readFile(new URL(fixturePath, import.meta.url));
// Pure ASCII (`file` says so): the naive sum below reads the same text.
const fixtureText = new TextDecoder().decode(fixtureBytes);

const HEADER = [
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
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
].join('\t');

type Line = {
  journal: string;
  num: string;
  date: string;
  account: string;
  aux?: string;
  debit?: string;
  credit?: string;
  letter?: string;
};

function fecText(lines: readonly Line[]): string {
  const rows = lines.map((l) =>
    [
      l.journal,
      l.journal,
      l.num,
      l.date,
      l.account,
      'Compte',
      l.aux ?? '',
      l.aux === undefined ? '' : `Client ${l.aux}`,
      `P${l.num}`,
      l.date,
      'Libellé',
      l.debit ?? '0,00',
      l.credit ?? '0,00',
      l.letter ?? '',
      '',
      l.date,
      '',
      '',
    ].join('\t'),
  );
  return `${HEADER}\n${rows.join('\n')}\n`;
}

/** A naive sales + bank ledger: invoice n of 100,00 + n cents for buyer C(n mod 7), every third one paid. */
function bigFec(pieces: number): string {
  const lines: Line[] = [];
  for (let n = 1; n <= pieces; n++) {
    const date = `2024-${String((n % 12) + 1).padStart(2, '0')}-10`.replaceAll('-', '');
    const aux = `C${n % 7}`;
    const ttc = `${100 + Math.trunc(n / 100)},${String(n % 100).padStart(2, '0')}`;
    lines.push({ journal: 'VE', num: `V${n}`, date, account: '411000', aux, debit: ttc, letter: `L${n}` });
    lines.push({ journal: 'VE', num: `V${n}`, date, account: '706000', credit: ttc });
    if (n % 3 === 0) {
      lines.push({ journal: 'BQ', num: `B${n}`, date, account: '411000', aux, credit: ttc, letter: `L${n}` });
      lines.push({ journal: 'BQ', num: `B${n}`, date, account: '512000', debit: ttc });
    }
  }
  return fecText(lines);
}

function options(db: AppDB, fileName: string, extra: Partial<RunImportOptions> = {}): RunImportOptions {
  return {
    db,
    fileName,
    kind: 'fec',
    actor: 'test',
    now: '2026-11-25T09:30:00.000Z',
    today: '2026-11-25',
    ...extra,
  };
}

async function dumpAll(db: Dexie): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of db.tables) dump[table.name] = await table.toArray();
  return dump;
}

/** Per-buyer balance as stored: Σ invoices TTC − Σ credit notes TTC − Σ payments. */
async function storedBalances(db: AppDB): Promise<Map<string, number>> {
  const balances = new Map<string, number>();
  const add = (buyerId: string, cents: number): void => {
    balances.set(buyerId, (balances.get(buyerId) ?? 0) + cents);
  };
  for (const invoice of await db.invoices.toArray()) add(invoice.buyerId, invoice.amountTtcCents);
  for (const note of await db.creditNotes.toArray()) add(note.buyerId, -note.amountTtcCents);
  for (const payment of await db.payments.toArray()) add(payment.buyerId, -payment.amountCents);
  return balances;
}

/** Plain sum over the pipe-separated fixture: Σ(Debit − Credit) of the 411 lines per CompAuxNum. */
function fixtureBalances(text: string): Map<string, number> {
  const balances = new Map<string, number>();
  const cents = (value: string): number => {
    const [units = '0', decimals = '0'] = value.trim().split(',');
    return Number(units) * 100 + Number(decimals.padEnd(2, '0'));
  };
  for (const line of text.split(/\r?\n/).slice(1)) {
    const cols = line.split('|');
    const account = (cols[4] ?? '').trim();
    if (!account.startsWith('411')) continue;
    const aux = (cols[6] ?? '').trim();
    const key = `fec:111111111:${aux === '' ? account : aux}`;
    balances.set(key, (balances.get(key) ?? 0) + cents(cols[11] ?? '0') - cents(cols[12] ?? '0'));
  }
  return balances;
}

const noProgress = (): void => undefined;

describe('runImport (the import worker core, without a Worker)', () => {
  it('imports the real FEC: per-buyer balances equal a plain sum over its 411 lines', async () => {
    const db = await openAppDb(`imp-${crypto.randomUUID()}`);
    const phases = new Set<string>();
    const outcome = await runImport(fixtureBytes, options(db, FIXTURE_NAME), (p) => phases.add(p.phase));
    expect(outcome.status).toBe('imported');
    const expected = fixtureBalances(fixtureText);
    expect(expected.size).toBeGreaterThan(10);
    const stored = await storedBalances(db);
    for (const [buyerId, balance] of expected) expect(stored.get(buyerId) ?? 0).toBe(balance);
    expect(await db.buyers.count()).toBe(expected.size);
    expect([...phases]).toEqual(['decode', 'parse', 'normalise', 'write']);
    if (outcome.status === 'imported') expect(outcome.counts.buyers.created).toBe(expected.size);
    const record = await db.imports.toArray();
    expect(record).toHaveLength(1);
    expect(record[0]?.fileName).toBe(FIXTURE_NAME);
    expect(record[0]?.companySiren).toBe('111111111');
    db.close();
  });

  it('re-importing the same file adds nothing: rows, versions and outbox unchanged', async () => {
    const db = await openAppDb(`imp-${crypto.randomUUID()}`);
    await runImport(fixtureBytes, options(db, FIXTURE_NAME), noProgress);
    const before = await dumpAll(db);
    const again = await runImport(
      fixtureBytes,
      options(db, FIXTURE_NAME, { now: '2026-12-01T10:00:00.000Z' }),
      noProgress,
    );
    expect(again).toMatchObject({ status: 'already-imported', importedAt: '2026-11-25T09:30:00.000Z' });
    expect(await dumpAll(db)).toEqual(before);
    db.close();
  });

  it('an import aborted halfway leaves the database exactly as before', async () => {
    const db = await openAppDb(`imp-${crypto.randomUUID()}`);
    await runImport(fixtureBytes, options(db, FIXTURE_NAME), noProgress);
    const before = await dumpAll(db);
    const controller = new AbortController();
    let events = 0;
    const onProgress = (progress: ImportProgress): void => {
      events += 1;
      if (progress.phase === 'parse' && events >= 4) controller.abort();
    };
    const bytes = new TextEncoder().encode(bigFec(3_000));
    const outcome = await runImport(
      bytes,
      options(db, '222222222FEC20241231.txt', { chunkLines: 500 }),
      onProgress,
      controller.signal,
    );
    expect(outcome.status).toBe('cancelled');
    expect(events).toBe(4);
    expect(await dumpAll(db)).toEqual(before);
    db.close();
  });

  it('a malformed file writes nothing and reports every bad line by its number, across chunks', async () => {
    const db = await openAppDb(`imp-${crypto.randomUUID()}`);
    const lines = fecText([
      { journal: 'VE', num: '1', date: '20240110', account: '411000', aux: 'C1', debit: '120,00' },
      { journal: 'VE', num: '1', date: '2024-13-45', account: '706000', credit: '120,00' },
      { journal: 'VE', num: '2', date: '20240111', account: '411000', aux: 'C1', debit: '60,00' },
      { journal: 'VE', num: '2', date: '20240111', account: '706000', credit: 'douze' },
    ]);
    const before = await dumpAll(db);
    // Chunks of 2 lines: the bad lines (file lines 3 and 5) sit in two different chunks.
    const outcome = await runImport(
      new TextEncoder().encode(lines),
      options(db, 'bad.txt', { chunkLines: 2 }),
      noProgress,
    );
    expect(outcome.status).toBe('rejected');
    if (outcome.status !== 'rejected') return;
    // fecText writes the date in EcritureDate, PieceDate and ValidDate: line 3 has three bad dates.
    expect(outcome.errors.map((error) => [error.line, error.code, error.field])).toEqual([
      [3, 'bad-date', 'EcritureDate'],
      [3, 'bad-date', 'PieceDate'],
      [3, 'bad-date', 'ValidDate'],
      [5, 'bad-amount', 'Credit'],
    ]);
    expect(outcome.errors[0]?.message.fr).toContain('3');
    expect(await dumpAll(db)).toEqual(before);
    db.close();
  });

  it('a later FEC of the same company updates rows instead of duplicating, and drops restated opening entries', async () => {
    const db = await openAppDb(`imp-${crypto.randomUUID()}`);
    // Year 2023: invoice of 1 200,00 to C1 on 1 June, unpaid at closing.
    const year1 = fecText([
      { journal: 'VE', num: '10', date: '20230601', account: '411000', aux: 'C1', debit: '1200,00' },
      { journal: 'VE', num: '10', date: '20230601', account: '706000', credit: '1200,00' },
    ]);
    // Year 2024: the opening entry restates the open 1 200,00, then the buyer pays it.
    const year2 = fecText([
      { journal: 'AN', num: '1', date: '20240101', account: '411000', aux: 'C1', debit: '1200,00' },
      { journal: 'AN', num: '1', date: '20240101', account: '890000', credit: '1200,00' },
      { journal: 'BQ', num: '5', date: '20240215', account: '411000', aux: 'C1', credit: '1200,00' },
      { journal: 'BQ', num: '5', date: '20240215', account: '512000', debit: '1200,00' },
    ]);
    const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
    await runImport(encode(year1), options(db, '123456789FEC20231231.txt'), noProgress);
    const outcome = await runImport(encode(year2), options(db, '123456789FEC20241231.txt'), noProgress);
    expect(outcome).toMatchObject({ status: 'imported', droppedOpeningEntries: 2 }); // both lines of the AN piece
    // 1 200,00 invoiced − 1 200,00 paid: nothing owed, and the 2023 invoice is there once.
    expect((await storedBalances(db)).get('fec:123456789:C1')).toBe(0);
    expect(await db.invoices.count()).toBe(1);
    expect(await db.buyers.count()).toBe(1);
    db.close();

    // The same 2024 file alone (first year loaded): its opening entry is the only trace of the open invoice.
    const fresh = await openAppDb(`imp-${crypto.randomUUID()}`);
    const alone = await runImport(encode(year2), options(fresh, '123456789FEC20241231.txt'), noProgress);
    expect(alone).toMatchObject({ status: 'imported', droppedOpeningEntries: 0 });
    expect(await fresh.invoices.count()).toBe(1);
    expect((await storedBalances(fresh)).get('fec:123456789:C1')).toBe(0);
    fresh.close();
  });

  it('a re-exported file of the same year updates the changed rows only', async () => {
    const db = await openAppDb(`imp-${crypto.randomUUID()}`);
    const first = fecText([
      { journal: 'VE', num: '10', date: '20240601', account: '411000', aux: 'C1', debit: '100,00' },
      { journal: 'VE', num: '10', date: '20240601', account: '706000', credit: '100,00' },
    ]);
    // Same piece, now followed by a payment: the invoice is unchanged, one payment is created.
    const second = fecText([
      { journal: 'VE', num: '10', date: '20240601', account: '411000', aux: 'C1', debit: '100,00' },
      { journal: 'VE', num: '10', date: '20240601', account: '706000', credit: '100,00' },
      { journal: 'BQ', num: '11', date: '20240701', account: '411000', aux: 'C1', credit: '40,00' },
      { journal: 'BQ', num: '11', date: '20240701', account: '512000', debit: '40,00' },
    ]);
    const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
    await runImport(encode(first), options(db, '123456789FEC20241231.txt'), noProgress);
    const invoiceBefore = await db.invoices.toArray();
    const outcome = await runImport(encode(second), options(db, '123456789FEC20241231.txt'), noProgress);
    expect(outcome).toMatchObject({
      status: 'imported',
      counts: {
        invoices: { created: 0, updated: 0, unchanged: 1 },
        payments: { created: 1, updated: 0, unchanged: 0 },
      },
    });
    expect(await db.invoices.toArray()).toEqual(invoiceBefore);
    expect(await db.imports.count()).toBe(2);
    db.close();
  });
});

/** Data lines of a CSV text without quoted line breaks: non-blank lines minus the header. */
function dataLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(1);
}

function csvMapping(text: string, target: CsvTarget): Record<string, number> {
  const headers = (text.split(/\r?\n/)[0] ?? '').split(';');
  const mapping: Record<string, number> = {};
  for (const [field, column] of Object.entries(guessMapping(headers, target))) mapping[field] = column;
  return mapping;
}

describe('runImport of CSV files', () => {
  it('imports buyers, then invoices and limits that name them; a re-import adds nothing', async () => {
    const db = await openAppDb(`imp-${crypto.randomUUID()}`);
    const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
    const buyers = await runImport(
      encode(clientsCsv),
      options(db, 'clients.csv', { kind: 'csv-buyers', mapping: csvMapping(clientsCsv, 'buyers') }),
      noProgress,
    );
    expect(buyers.status).toBe('imported');
    // clients.csv has an address with a quoted line break: count its records by their customer codes.
    expect(await db.buyers.count()).toBe(clientsCsv.match(/^C\d{3};/gm)?.length);
    const buyerIds = new Set(await db.buyers.toCollection().primaryKeys());

    const invoices = await runImport(
      encode(facturesCsv),
      options(db, 'factures.csv', { kind: 'csv-invoices', mapping: csvMapping(facturesCsv, 'invoices') }),
      noProgress,
    );
    expect(invoices.status).toBe('imported');
    const stored = await db.invoices.toArray();
    expect(stored).toHaveLength(dataLines(facturesCsv).length);
    // Σ TTC as written in the file (column 8: French amounts, some quoted or with €) equals Σ stored TTC.
    const fileTtc = dataLines(facturesCsv)
      .map((line) => (line.split(';')[7] ?? '').replace(/["\s€]/g, '').replace(',', '.'))
      .reduce((sum, value) => sum + Math.round(Number(value) * 100), 0);
    expect(stored.reduce((sum, invoice) => sum + invoice.amountTtcCents, 0)).toBe(fileTtc);

    const limits = await runImport(
      encode(limitesCsv),
      options(db, 'limites.csv', { kind: 'csv-limits', mapping: csvMapping(limitesCsv, 'limits') }),
      noProgress,
    );
    expect(limits.status).toBe('imported');
    expect(await db.limitDecisions.count()).toBe(dataLines(limitesCsv).length);
    // Buyers named by the invoice and limit files that the buyers file did not list were created.
    const referenced = new Set([
      ...stored.map((invoice) => invoice.buyerId),
      ...(await db.limitDecisions.toArray()).map((decision) => decision.buyerId),
    ]);
    const allBuyers = new Set(await db.buyers.toCollection().primaryKeys());
    for (const id of referenced) expect(allBuyers.has(id)).toBe(true);
    expect(allBuyers.size).toBe(new Set([...buyerIds, ...referenced]).size);

    const before = await dumpAll(db);
    const again = await runImport(
      encode(facturesCsv),
      options(db, 'factures.csv', { kind: 'csv-invoices', mapping: csvMapping(facturesCsv, 'invoices') }),
      noProgress,
    );
    expect(again.status).toBe('already-imported');
    expect(await dumpAll(db)).toEqual(before);
    db.close();
  });

  it('a CSV with a bad row writes nothing and names the line and column', async () => {
    const db = await openAppDb(`imp-${crypto.randomUUID()}`);
    const text =
      "SIREN;N° facture;Date facture;Date d'échéance;Montant HT;Montant TTC\n412839573;F1;05/01/2026;15/03/2026;100,00;120,00\n412839573;F2;31/02/2026;15/03/2026;100,00;120,00\n";
    const outcome = await runImport(
      new TextEncoder().encode(text),
      options(db, 'f.csv', { kind: 'csv-invoices', mapping: csvMapping(text, 'invoices') }),
      noProgress,
    );
    expect(outcome.status).toBe('rejected');
    if (outcome.status === 'rejected')
      expect(outcome.errors[0]).toMatchObject({ line: 3, code: 'csv-bad-date' });
    expect(await db.invoices.count()).toBe(0);
    expect(await db.imports.count()).toBe(0);
    db.close();
  });
});
