import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGING_BUCKETS, agingAsOf } from '../../../shared/domain/aging';
import type { AgingBucket } from '../../../shared/domain/aging';
import { allocate, openItemsOf } from '../../../shared/domain/ledger';
import type { Invoice, Payment } from '../../../shared/domain/model';
import { creditNote, invoice, payment } from '../../../shared/domain/test-builders';
import {
  INVOICE_STATUSES,
  SORT_COLUMNS,
  agingSummary,
  buildInvoiceRows,
  createInvoiceGrid,
  searchKeyOf,
} from './invoice-grid-model';
import type { GridFilter, GridSort, InvoiceGridRow, InvoiceStatus, SortColumn } from './invoice-grid-model';

const TODAY = '2026-11-25';

describe('buildInvoiceRows', () => {
  // Buyer b1 as of 2026-11-25:
  // - I1 due 2026-12-10, 1 200,00 €, a payment of 500,00 € naming it → open 700,00 €, partly paid, not due.
  // - I2 due 2026-10-26, 1 000,00 €, a credit note of 100,00 € naming it → open 900,00 €; 30 days late
  //   (26 Oct → 25 Nov = 5 + 25 days) → Échue, bucket 1–30.
  // - I3 due 2026-08-01, 300,00 €, disputed; the unnamed payment of 200,00 € goes to the oldest open invoice
  //   (earliest due date: I3) → open 100,00 €. Late by 31 (Aug) + 30 (Sep) + 31 (Oct) + 24 = 116 days → > 90.
  // - I4 issued 2026-12-01 (after today), 600,00 € → not allocated yet: entirely open, not due.
  // Buyer b2: I5 of 400,00 € paid in full → Payée, no bucket, 0 days.
  const invoices: Invoice[] = [
    invoice('I1', 120_000, '2026-12-10', { issueDate: '2026-11-10' }),
    invoice('I2', 100_000, '2026-10-26', { issueDate: '2026-09-26' }),
    invoice('I3', 30_000, '2026-08-01', { issueDate: '2026-07-01', disputed: true }),
    invoice('I4', 60_000, '2026-12-31', { issueDate: '2026-12-01' }),
    invoice('I5', 40_000, '2026-10-01', { buyerId: 'b2', issueDate: '2026-09-01' }),
  ];
  const payments: Payment[] = [
    payment('P1', 50_000, '2026-11-20', 'I1'),
    payment('P2', 20_000, '2026-11-01'),
    { ...payment('P3', 40_000, '2026-10-01', 'I5'), buyerId: 'b2' },
  ];
  const rows = buildInvoiceRows(
    {
      invoices,
      payments,
      creditNotes: [creditNote('C1', 10_000, '2026-11-02', 'I2')],
      buyerNames: new Map([
        ['b1', 'Dupont SAS'],
        ['b2', 'Martin SARL'],
      ]),
    },
    TODAY,
  );
  const byId = new Map(rows.map((row) => [row.id, row]));

  it('gives each invoice its open amount, status, days overdue and bucket', () => {
    const pick = (id: string) => {
      const row = byId.get(id);
      return [row?.openTtcCents, row?.status, row?.daysOverdue, row?.bucket];
    };
    expect(pick('I1')).toEqual([70_000, 'partiallyPaid', 0, 'notDue']);
    expect(pick('I2')).toEqual([90_000, 'overdue', 30, 'days1To30']);
    expect(pick('I3')).toEqual([10_000, 'disputed', 116, 'over90']);
    expect(pick('I4')).toEqual([60_000, 'notDue', 0, 'notDue']);
    expect(pick('I5')).toEqual([0, 'paid', 0, null]);
    expect(byId.get('I5')?.buyerName).toBe('Martin SARL');
    expect(rows.map((row) => row.id)).toEqual(['I1', 'I2', 'I3', 'I4', 'I5']);
  });

  it('sums open amounts per bucket', () => {
    const summary = agingSummary(rows);
    // notDue: 700 + 600; 1–30: 900; > 90: 100.
    expect(summary.buckets).toEqual({
      notDue: 130_000,
      days1To30: 90_000,
      days31To60: 0,
      days61To90: 0,
      over90: 10_000,
    });
    expect(summary.totalCents).toBe(230_000);
    expect(summary.counts.notDue).toBe(2);
  });
});

const dayArb = fc.integer({ min: 0, max: 700 }).map((offset) => {
  const date = new Date(Date.UTC(2025, 5, 1) + offset * 86_400_000);
  return date.toISOString().slice(0, 10);
});

// 2025-06-01 + 542 days = 2026-11-25: invoices issued on or before the aging date (a later one is not yet
// part of the domain's allocation, and the grid shows it apart, as entirely open).
const issuedArb = fc.integer({ min: 0, max: 542 }).map((offset) => {
  const date = new Date(Date.UTC(2025, 5, 1) + offset * 86_400_000);
  return date.toISOString().slice(0, 10);
});

describe('agingSummary', () => {
  it('equals the domain aging (agingAsOf) of the same open items, buyer by buyer summed', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            buyer: fc.constantFrom('b1', 'b2', 'b3'),
            ttc: fc.integer({ min: 0, max: 5_000_000 }),
            issue: issuedArb,
            dueAfter: fc.integer({ min: 0, max: 200 }),
          }),
          { maxLength: 30 },
        ),
        fc.array(
          fc.record({
            buyer: fc.constantFrom('b1', 'b2', 'b3'),
            amount: fc.integer({ min: 1, max: 3_000_000 }),
            date: dayArb,
          }),
          { maxLength: 15 },
        ),
        (specs, paymentSpecs) => {
          const asOf = '2026-11-25';
          const invoices = specs.map((spec, index) => {
            const due = new Date(Date.parse(spec.issue) + spec.dueAfter * 86_400_000)
              .toISOString()
              .slice(0, 10);
            return invoice(`I${index}`, spec.ttc, due, { buyerId: spec.buyer, issueDate: spec.issue });
          });
          const payments = paymentSpecs.map((spec, index) => ({
            ...payment(`P${index}`, spec.amount, spec.date),
            buyerId: spec.buyer,
          }));
          const rows = buildInvoiceRows({ invoices, payments, creditNotes: [], buyerNames: new Map() }, asOf);
          const expected: Record<AgingBucket, number> = {
            notDue: 0,
            days1To30: 0,
            days31To60: 0,
            days61To90: 0,
            over90: 0,
          };
          for (const buyer of ['b1', 'b2', 'b3']) {
            const ledger = {
              invoices: invoices.filter((i) => i.buyerId === buyer),
              payments: payments.filter((p) => p.buyerId === buyer),
              creditNotes: [],
            };
            const aging = agingAsOf(openItemsOf(allocate(ledger, asOf)), asOf);
            for (const key of AGING_BUCKETS) expected[key] += aging.buckets[key];
          }
          expect(agingSummary(rows).buckets).toEqual(expected);
        },
      ),
    );
  });
});

// ---- sort + filter against a naive implementation -------------------------------------------------------

const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });
const byId = (a: InvoiceGridRow, b: InvoiceGridRow): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function naiveCompare(column: SortColumn, a: InvoiceGridRow, b: InvoiceGridRow): number {
  const text = (x: string, y: string): number => collator.compare(x, y) || (x < y ? -1 : x > y ? 1 : 0);
  switch (column) {
    case 'number':
      return text(a.number, b.number);
    case 'buyer':
      return text(a.buyerName, b.buyerName);
    case 'issueDate':
      return a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : 0;
    case 'dueDate':
      return a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0;
    case 'amountTtc':
      return a.amountTtcCents - b.amountTtcCents;
    case 'openAmount':
      return a.openTtcCents - b.openTtcCents;
    case 'status':
      return INVOICE_STATUSES.indexOf(a.status) - INVOICE_STATUSES.indexOf(b.status);
    case 'daysOverdue': {
      // Urgency: open before settled (ascending: settled first); open by due date reversed, settled by due date.
      const isOpenA = a.openTtcCents > 0 ? 1 : 0;
      const isOpenB = b.openTtcCents > 0 ? 1 : 0;
      if (isOpenA !== isOpenB) return isOpenA - isOpenB;
      const byDue = a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0;
      return isOpenA === 1 ? -byDue : byDue;
    }
  }
}

/** Plain filter + comparator sort; descending is the exact reverse of ascending (ties by id descending). */
function naiveQuery(rows: readonly InvoiceGridRow[], sort: GridSort, filter: GridFilter): string[] {
  const text = filter.text === undefined ? '' : searchKeyOf(filter.text);
  const kept = rows.filter(
    (row) =>
      (filter.statuses === undefined || filter.statuses.size === 0 || filter.statuses.has(row.status)) &&
      (filter.buckets === undefined ||
        filter.buckets.size === 0 ||
        (row.bucket !== null && filter.buckets.has(row.bucket))) &&
      (filter.buyerId === undefined || row.buyerId === filter.buyerId) &&
      (filter.issueFrom === undefined || row.issueDate >= filter.issueFrom) &&
      (filter.issueTo === undefined || row.issueDate <= filter.issueTo) &&
      (filter.dueFrom === undefined || row.dueDate >= filter.dueFrom) &&
      (filter.dueTo === undefined || row.dueDate <= filter.dueTo) &&
      (text === '' || searchKeyOf(row.number).includes(text) || searchKeyOf(row.buyerName).includes(text)),
  );
  const sign = sort.direction === 'asc' ? 1 : -1;
  kept.sort((a, b) => sign * (naiveCompare(sort.column, a, b) || byId(a, b)));
  return kept.map((row) => row.id);
}

const NAMES = ['Dupont SAS', 'dupont sas', 'Élan', 'Elan', 'Zèbre', 'Ávila', 'F-10', 'F-9', 'F-100'];
const rowArb = fc.record({
  buyerIndex: fc.integer({ min: 0, max: 4 }),
  buyerName: fc.constantFrom(...NAMES),
  number: fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 4 })),
  issueDate: dayArb,
  dueDate: dayArb,
  // Huge amounts too: their keys no longer fit rank × N + index and take the dense-rank path.
  amountTtcCents: fc.oneof(
    fc.integer({ min: 0, max: 40 }),
    fc.constantFrom(2 ** 52, Number.MAX_SAFE_INTEGER),
  ),
  openTtcCents: fc.integer({ min: 0, max: 40 }),
  status: fc.constantFrom(...INVOICE_STATUSES),
  daysOverdue: fc.integer({ min: 0, max: 5 }),
  bucket: fc.option(fc.constantFrom(...AGING_BUCKETS), { nil: null }),
});

const rowsArb = fc.array(rowArb, { maxLength: 60 }).map((specs) =>
  specs
    .map((spec, index): InvoiceGridRow => ({
      ...spec,
      id: `inv-${String(index).padStart(3, '0')}`,
      buyerId: `b${spec.buyerIndex}`,
      amountHtCents: spec.amountTtcCents,
      currency: 'EUR',
      paidCents: 0,
      creditedCents: 0,
      isDisputed: spec.status === 'disputed',
    }))
    .sort(byId),
);

const filterArb: fc.Arbitrary<GridFilter> = fc.record(
  {
    statuses: fc.subarray([...INVOICE_STATUSES]).map((list) => new Set<InvoiceStatus>(list)),
    buckets: fc.subarray([...AGING_BUCKETS]).map((list) => new Set<AgingBucket>(list)),
    buyerId: fc.constantFrom('b0', 'b1', 'b2'),
    issueFrom: dayArb,
    issueTo: dayArb,
    dueFrom: dayArb,
    dueTo: dayArb,
    text: fc.constantFrom('dupont', 'ELAN', 'f-1', 'a', 'zz'),
  },
  { requiredKeys: [] },
);

describe('createInvoiceGrid().query', () => {
  it('returns the same ids in the same order as a plain filter + comparator sort', () => {
    fc.assert(
      fc.property(
        rowsArb,
        fc.constantFrom(...SORT_COLUMNS),
        fc.constantFrom('asc' as const, 'desc' as const),
        fc.array(filterArb, { minLength: 1, maxLength: 3 }),
        (rows, column, direction, filters) => {
          const grid = createInvoiceGrid(rows);
          // Several queries on one grid: the cached order of a column must serve every later query.
          for (const filter of filters) {
            const sort = { column, direction };
            const ids = Array.from(grid.query(sort, filter), (index) => rows[index]?.id);
            expect(ids).toEqual(naiveQuery(rows, sort, filter));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sorts French text by the French collation, numbers inside numbers', () => {
    const rows = ['F-10', 'F-9', 'É-1', 'E-2'].map((number, index): InvoiceGridRow => ({
      id: `i${index}`,
      buyerId: 'b',
      buyerName: 'x',
      number,
      issueDate: '2026-01-01',
      dueDate: '2026-01-01',
      amountHtCents: 0,
      amountTtcCents: 0,
      currency: 'EUR',
      openTtcCents: 0,
      paidCents: 0,
      creditedCents: 0,
      isDisputed: false,
      status: 'paid',
      daysOverdue: 0,
      bucket: null,
    }));
    const grid = createInvoiceGrid(rows);
    const numbers = Array.from(
      grid.query({ column: 'number', direction: 'asc' }, {}),
      (i) => rows[i]?.number,
    );
    // É sorts with E (base letters equal, then 1 < 2); 9 before 10 (numeric collation); E before F.
    expect(numbers).toEqual(['É-1', 'E-2', 'F-9', 'F-10']);
  });

  it('« Retard » descending is the worklist: most overdue, then soonest due, settled last', () => {
    // Today 25 Nov 2026. Open: A due 1 Oct (55 days late), B due 15 Nov (10 days late), C due 30 Nov (not
    // due, in 5 days), D due 31 Dec (not due). Paid in full: E due 1 Nov, F due 1 Sep (most recent first).
    const due: Record<string, string> = {
      A: '2026-10-01',
      B: '2026-11-15',
      C: '2026-11-30',
      D: '2026-12-31',
      E: '2026-11-01',
      F: '2026-09-01',
    };
    const invoices = Object.entries(due).map(([id, dueDate]) => invoice(id, 1_000, dueDate, { number: id }));
    const payments = ['E', 'F'].map((id) => payment(`p-${id}`, 1_000, '2026-08-15', id));
    const rows = buildInvoiceRows({ invoices, payments, creditNotes: [], buyerNames: new Map() }, TODAY);
    const grid = createInvoiceGrid(rows);
    const order = (direction: 'asc' | 'desc') =>
      Array.from(grid.query({ column: 'daysOverdue', direction }, {}), (i) => rows[i]?.number);
    expect(order('desc')).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(order('asc')).toEqual(['F', 'E', 'D', 'C', 'B', 'A']);
  });
});
