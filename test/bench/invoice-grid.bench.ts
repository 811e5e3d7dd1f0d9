/**
 * Benchmark: the Factures grid model over 100 000 invoices by default (5 000 buyers × 20, the seeded ledger of
 * domain-exposure.bench.ts) — sorting by several columns (cold: key ranks computed and the order sorted, no
 * cache) and filtering with several specs (the sorted order cached, as when the user types in the filters),
 * against a bare `Array.prototype.sort` of as many objects by a numeric key. Goal (issues 6 and 8): ≤ 2×.
 * Per-operation figures are medians of the measured runs after a warm-up; the p95 figures pool every measured
 * sort (all columns × runs) and every measured filter (all specs × runs), against the p95 of the bare sorts.
 *
 * Run: `npx tsx test/bench/invoice-grid.bench.ts` (or import `run()`).
 */
import { pathToFileURL } from 'node:url';
import { buildInvoiceRows, createInvoiceGrid } from '../../renderer/features/invoices/invoice-grid-model';
import type { GridFilter, GridSort, SortColumn } from '../../renderer/features/invoices/invoice-grid-model';
import { generateLedgers } from './domain-exposure.bench';
import { median, percentile } from './stats';

export type InvoiceGridFigures = {
  readonly rows: number;
  /** Median bare `Array.prototype.sort` of `rows` objects by a numeric key, ms. */
  readonly bareSortMs: number;
  /** Median cold sort per column (ranks + order), ms. */
  readonly sortMs: Readonly<Partial<Record<SortColumn, number>>>;
  /** Worst cold sort + a filter scan, ms. */
  readonly worstSortMs: number;
  /** Median filter scans (order cached), the slowest spec, ms. */
  readonly worstFilterMs: number;
  readonly sortRatio: number;
  readonly filterRatio: number;
  /** p95 over every measured cold sort / filter scan / bare sort, ms. */
  readonly sortP95Ms: number;
  readonly filterP95Ms: number;
  readonly bareSortP95Ms: number;
  readonly repeats: number;
  /** Building the rows (allocation per buyer) once, ms: paid on load, not per sort. */
  readonly buildMs: number;
  /** Indexing them (every column's sort key, French collation ranks included) once, ms: paid on load too. */
  readonly indexMs: number;
};

const SORTS: readonly SortColumn[] = ['amountTtc', 'dueDate', 'buyer', 'number', 'openAmount', 'status'];

const FILTERS: readonly GridFilter[] = [
  { statuses: new Set(['overdue', 'disputed']) },
  { buckets: new Set(['days31To60', 'days61To90', 'over90']) },
  { buyerId: 'B4242' },
  { issueFrom: '2025-03-01', issueTo: '2025-09-30', dueFrom: '2025-04-01' },
  { text: 'client 12' },
];

export function run(
  options: { buyers?: number; invoicesPerBuyer?: number; repeats?: number } = {},
): InvoiceGridFigures {
  const buyers = options.buyers ?? 5000;
  const invoicesPerBuyer = options.invoicesPerBuyer ?? 20;
  const repeats = options.repeats ?? 7;
  const ledgers = generateLedgers(buyers, invoicesPerBuyer);
  const buyerNames = new Map(ledgers.map((ledger) => [ledger.buyer.id, ledger.buyer.name]));
  const input = {
    invoices: ledgers.flatMap((ledger) => ledger.invoices),
    payments: ledgers.flatMap((ledger) => ledger.payments),
    creditNotes: ledgers.flatMap((ledger) => ledger.creditNotes),
    buyerNames,
  };
  const buildStart = performance.now();
  const rows = buildInvoiceRows(input, '2026-06-30');
  const buildMs = performance.now() - buildStart;

  let sink = 0;
  const samples: { bare: number[]; sort: number[]; filter: number[] } = { bare: [], sort: [], filter: [] };
  const time = (prepare: () => () => void, pool?: number[]): number => {
    prepare()(); // warm-up
    const runs: number[] = [];
    for (let i = 0; i < repeats; i += 1) {
      const work = prepare();
      const start = performance.now();
      work();
      runs.push(performance.now() - start);
    }
    pool?.push(...runs);
    return median(runs);
  };

  // The denominator: a bare comparator sort of as many objects by a numeric key (a fresh copy each run).
  const objects = rows.map((row) => ({ key: row.amountTtcCents }));
  const bareSortMs = time(() => {
    const copy = objects.slice();
    return () => {
      copy.sort((a, b) => a.key - b.key);
      sink += copy[0]?.key ?? 0;
    };
  }, samples.bare);

  const sortMs: Partial<Record<SortColumn, number>> = {};
  for (const column of SORTS) {
    const sort: GridSort = { column, direction: 'desc' };
    sortMs[column] = time(() => {
      const grid = createInvoiceGrid(rows); // fresh: nothing cached
      return () => {
        sink += grid.query(sort, {}).length;
      };
    }, samples.sort);
  }
  const worstSortMs = Math.max(...Object.values(sortMs));

  const indexRuns: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    sink += createInvoiceGrid(rows).rows.length;
    indexRuns.push(performance.now() - start);
  }
  const indexMs = median(indexRuns);

  const warm = createInvoiceGrid(rows);
  const filterSort: GridSort = { column: 'dueDate', direction: 'asc' };
  warm.query(filterSort, {});
  const filterTimes = FILTERS.map((filter) =>
    time(
      () => () => {
        sink += warm.query(filterSort, filter).length;
      },
      samples.filter,
    ),
  );
  const worstFilterMs = Math.max(...filterTimes);
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the work from being optimised away');
  return {
    rows: rows.length,
    bareSortMs,
    sortMs,
    worstSortMs,
    worstFilterMs,
    sortRatio: worstSortMs / bareSortMs,
    filterRatio: worstFilterMs / bareSortMs,
    buildMs,
    indexMs,
    sortP95Ms: percentile(samples.sort, 95),
    filterP95Ms: percentile(samples.filter, 95),
    bareSortP95Ms: percentile(samples.bare, 95),
    repeats,
  };
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  const figures = run();
  const perColumn = Object.entries(figures.sortMs)
    .map(([column, ms]) => `${column} ${ms.toFixed(1)}`)
    .join(', ');
  console.log(
    `invoice grid, ${figures.rows} rows (built in ${figures.buildMs.toFixed(0)} ms, indexed in ${figures.indexMs.toFixed(0)} ms): cold sort ${perColumn} ms; ` +
      `worst filter ${figures.worstFilterMs.toFixed(1)} ms; bare Array.sort ${figures.bareSortMs.toFixed(1)} ms → ` +
      `sort ${figures.sortRatio.toFixed(2)}×, filter ${figures.filterRatio.toFixed(2)}× (goal ≤ 2×)`,
  );
}
