/**
 * The Factures grid as plain data: one row per invoice as of `today`, and a fast sort + filter over them.
 *
 * Rows: the open (unpaid) amount comes from the DOMAIN's allocation (`allocate` of shared/domain/ledger.ts,
 * per buyer, exactly as `exposureOf` uses it), never from a rule of our own. An invoice issued after `today`
 * is not yet part of the allocation: it is shown as entirely open and not yet due.
 * Status, one per row, most telling first: Payée (nothing open) › En litige (open and disputed) › Échue (open
 * and past its due date) › Partiellement réglée (something paid or credited, rest not yet due) › À échoir.
 * Days overdue and the aging bucket (`bucketOf`) only mean something for an open invoice; a settled one has
 * 0 days and no bucket.
 *
 * Speed (200 000 rows must sort + filter within 2× a bare `Array.prototype.sort` by a numeric key): every
 * column gets a numeric key once (dates → day numbers, strings → a rank by `Intl.Collator('fr')` over their
 * distinct values). Rows are stored in id order, so "tie broken by id" is "tie broken by row index": a row's
 * composite key rank × N + index is unique and orders exactly like (key, id), and a typed-array sort without a
 * comparator (native numeric sort) orders them. The ascending order of each column is cached; descending is
 * its exact reverse (so ties run by id descending). Filtering scans typed arrays in the cached order.
 *
 * « Retard » sorts by urgency, a total order that extends the days overdue to the rows showing « — »: every
 * open invoice above every settled one; among open ones, the earlier the due date the more urgent (for an
 * overdue invoice that is exactly « more days late », and a not-yet-due one due tomorrow comes before one due
 * next month); among settled ones, the most recently due first. Descending is the credit manager's worklist.
 */
import type { AgingBucket } from '../../../shared/domain/aging';
import { AGING_BUCKETS, bucketOf, dayNumber } from '../../../shared/domain/aging';
import { allocate } from '../../../shared/domain/ledger';
import type { CreditNote, Invoice, Payment } from '../../../shared/domain/model';
import type { Cents, IsoDate } from '../../../shared/domain/types';
import { nameKeyOf } from '../../../shared/commands/entities';

/** Payée, En litige, Échue, Partiellement réglée, À échoir. */
export type InvoiceStatus = 'paid' | 'disputed' | 'overdue' | 'partiallyPaid' | 'notDue';

/** The order of the status column (ascending): what needs attention first. */
export const INVOICE_STATUSES: readonly InvoiceStatus[] = [
  'overdue',
  'disputed',
  'partiallyPaid',
  'notDue',
  'paid',
];

export type InvoiceGridRow = {
  readonly id: string;
  readonly buyerId: string;
  readonly buyerName: string;
  readonly number: string;
  readonly issueDate: IsoDate;
  readonly deliveryDate?: IsoDate;
  readonly dueDate: IsoDate;
  readonly amountHtCents: Cents;
  readonly amountTtcCents: Cents;
  readonly currency: string;
  /** Still owed, VAT included, by the domain's allocation as of `today`. */
  readonly openTtcCents: Cents;
  readonly paidCents: Cents;
  readonly creditedCents: Cents;
  readonly isDisputed: boolean;
  readonly status: InvoiceStatus;
  /** today − due date for an open invoice past due; 0 otherwise. */
  readonly daysOverdue: number;
  /** Aging bucket of an open invoice; null when nothing is open. */
  readonly bucket: AgingBucket | null;
};

export type GridInput = {
  readonly invoices: readonly Invoice[];
  readonly payments: readonly Payment[];
  readonly creditNotes: readonly CreditNote[];
  /** Buyer id → name; an unknown buyer shows its id. */
  readonly buyerNames: ReadonlyMap<string, string>;
};

type BuyerDocuments = { invoices: Invoice[]; payments: Payment[]; creditNotes: CreditNote[] };

function groupByBuyer(input: GridInput): Map<string, BuyerDocuments> {
  const groups = new Map<string, BuyerDocuments>();
  const groupOf = (buyerId: string): BuyerDocuments => {
    let group = groups.get(buyerId);
    if (group === undefined) {
      group = { invoices: [], payments: [], creditNotes: [] };
      groups.set(buyerId, group);
    }
    return group;
  };
  for (const invoice of input.invoices) groupOf(invoice.buyerId).invoices.push(invoice);
  for (const payment of input.payments) groupOf(payment.buyerId).payments.push(payment);
  for (const note of input.creditNotes) groupOf(note.buyerId).creditNotes.push(note);
  return groups;
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The status of an invoice from its allocation figures (see the module header for the precedence). */
export function statusOf(
  openTtcCents: Cents,
  settledCents: Cents,
  isDisputed: boolean,
  daysOverdue: number,
): InvoiceStatus {
  if (openTtcCents <= 0) return 'paid';
  if (isDisputed) return 'disputed';
  if (daysOverdue > 0) return 'overdue';
  if (settledCents > 0) return 'partiallyPaid';
  return 'notDue';
}

/** One row per invoice as of `today`, in id order (the grid's tie-break order). */
export function buildInvoiceRows(input: GridInput, today: IsoDate): InvoiceGridRow[] {
  const todayDay = dayNumber(today);
  const rows: InvoiceGridRow[] = [];
  for (const [buyerId, documents] of groupByBuyer(input)) {
    if (documents.invoices.length === 0) continue;
    const buyerName = input.buyerNames.get(buyerId) ?? buyerId;
    const allocation = allocate(documents, today);
    const allocated = new Map(allocation.invoices.map((item) => [item.invoiceId, item]));
    for (const invoice of documents.invoices) {
      const item = allocated.get(invoice.id);
      const openTtcCents = item?.openTtcCents ?? invoice.amountTtcCents;
      const paidCents = item?.paidCents ?? 0;
      const creditedCents = item?.creditedCents ?? 0;
      const isDisputed = invoice.disputed === true;
      const lateBy = todayDay - dayNumber(invoice.dueDate);
      const daysOverdue = openTtcCents > 0 && lateBy > 0 ? lateBy : 0;
      rows.push({
        id: invoice.id,
        buyerId,
        buyerName,
        number: invoice.number,
        issueDate: invoice.issueDate,
        ...(invoice.deliveryDate === undefined ? {} : { deliveryDate: invoice.deliveryDate }),
        dueDate: invoice.dueDate,
        amountHtCents: invoice.amountHtCents,
        amountTtcCents: invoice.amountTtcCents,
        currency: invoice.currency,
        openTtcCents,
        paidCents,
        creditedCents,
        isDisputed,
        status: statusOf(openTtcCents, paidCents + creditedCents, isDisputed, daysOverdue),
        daysOverdue,
        bucket: openTtcCents > 0 ? bucketOf(daysOverdue) : null,
      });
    }
  }
  rows.sort((a, b) => compareIds(a.id, b.id));
  return rows;
}

export type SortColumn =
  'number' | 'buyer' | 'issueDate' | 'dueDate' | 'amountTtc' | 'openAmount' | 'status' | 'daysOverdue';

export const SORT_COLUMNS: readonly SortColumn[] = [
  'number',
  'buyer',
  'issueDate',
  'dueDate',
  'amountTtc',
  'openAmount',
  'status',
  'daysOverdue',
];

export type SortDirection = 'asc' | 'desc';
export type GridSort = { readonly column: SortColumn; readonly direction: SortDirection };

/** Every criterion is optional; an empty set means "any". Date bounds are inclusive. */
export type GridFilter = {
  readonly statuses?: ReadonlySet<InvoiceStatus>;
  readonly buckets?: ReadonlySet<AgingBucket>;
  readonly buyerId?: string;
  readonly issueFrom?: IsoDate;
  readonly issueTo?: IsoDate;
  readonly dueFrom?: IsoDate;
  readonly dueTo?: IsoDate;
  /** Matched, accent- and case-insensitively, inside the invoice number or the buyer's name. */
  readonly text?: string;
};

/** What the text filter compares: accent-free, lower-case (the buyer search's own normalisation). */
export function searchKeyOf(text: string): string {
  return nameKeyOf(text);
}

const NO_BUCKET = 255;
/** rank × N + index must stay an exact double: N² < 2^53. */
const MAX_ROWS = 2 ** 26;

export type InvoiceGrid = {
  readonly rows: readonly InvoiceGridRow[];
  /** Row indexes (into `rows`) that pass `filter`, in `sort` order. */
  query(sort: GridSort, filter: GridFilter): Uint32Array;
};

/** Ranks of the values (0 = smallest) by `compare`, equal values sharing a rank. */
function ranksOf<T>(values: readonly T[], compare: (a: T, b: T) => number): Float64Array {
  const distinct = [...new Set(values)].sort(compare);
  const rankOf = new Map<T, number>();
  let rank = -1;
  let previous: T | undefined;
  distinct.forEach((value, index) => {
    if (index === 0 || previous === undefined || compare(previous, value) !== 0) rank += 1;
    rankOf.set(value, rank);
    previous = value;
  });
  const ranks = new Float64Array(values.length);
  values.forEach((value, index) => {
    ranks[index] = rankOf.get(value) ?? 0;
  });
  return ranks;
}

/** Dense ranks of numeric keys: one native sort of the keys, then a binary search per row. */
function denseRanks(keys: Float64Array): Float64Array {
  const sorted = Float64Array.from(keys).sort();
  let distinctCount = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    const value = sorted[i] ?? 0;
    if (distinctCount === 0 || sorted[distinctCount - 1] !== value) {
      sorted[distinctCount] = value;
      distinctCount += 1;
    }
  }
  const ranks = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i] ?? 0;
    let low = 0;
    let high = distinctCount - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((sorted[middle] ?? 0) < key) low = middle + 1;
      else high = middle;
    }
    ranks[i] = low;
  }
  return ranks;
}

/**
 * Integer keys as ranks: shifted to start at 0 when (max − min + 1) × N stays an exact double (amounts in
 * cents, day numbers: always in practice), else compressed to dense ranks. Either way the order is the keys'.
 */
function integerRanks(keys: Float64Array): Float64Array {
  let min = Infinity;
  let max = -Infinity;
  for (const key of keys) {
    if (key < min) min = key;
    if (key > max) max = key;
  }
  if (keys.length === 0 || (max - min + 1) * keys.length > Number.MAX_SAFE_INTEGER) return denseRanks(keys);
  for (let i = 0; i < keys.length; i += 1) keys[i] = (keys[i] ?? 0) - min;
  return keys;
}

/**
 * The « Retard » key (see the module header): settled rows in [0, span) by due date; open rows in
 * [span, 2 × span) by due date reversed, so a plain ascending order puts the most urgent last.
 */
function urgencyRanks(rows: readonly InvoiceGridRow[], dueDay: Int32Array): Float64Array {
  let minDue = Infinity;
  let maxDue = -Infinity;
  for (const day of dueDay) {
    if (day < minDue) minDue = day;
    if (day > maxDue) maxDue = day;
  }
  const span = maxDue - minDue + 1;
  const keys = new Float64Array(rows.length);
  rows.forEach((row, index) => {
    const due = dueDay[index] ?? 0;
    keys[index] = row.openTtcCents > 0 ? span + (maxDue - due) : due - minDue;
  });
  return keys;
}

/** Row indexes ordered by (rank, index): rank × N + index is unique, so a plain numeric sort does it. */
function orderByRanks(ranks: Float64Array): Uint32Array {
  const count = ranks.length;
  const composite = new Float64Array(count);
  for (let i = 0; i < count; i += 1) composite[i] = (ranks[i] ?? 0) * count + i;
  composite.sort();
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) order[i] = (composite[i] ?? 0) % count;
  return order;
}

/** Indexes the rows (which must be in id order, as `buildInvoiceRows` returns them) for fast queries. */
export function createInvoiceGrid(rows: readonly InvoiceGridRow[]): InvoiceGrid {
  const count = rows.length;
  if (count > MAX_ROWS) throw new RangeError(`The grid holds at most ${MAX_ROWS} rows`);
  const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });
  const compareText = (a: string, b: string): number => collator.compare(a, b) || compareIds(a, b);

  const status = new Uint8Array(count);
  const bucket = new Uint8Array(count);
  const issueDay = new Int32Array(count);
  const dueDay = new Int32Array(count);
  const buyerIds: string[] = [];
  const searchKeys: string[] = [];
  rows.forEach((row, index) => {
    status[index] = INVOICE_STATUSES.indexOf(row.status);
    bucket[index] = row.bucket === null ? NO_BUCKET : AGING_BUCKETS.indexOf(row.bucket);
    issueDay[index] = dayNumber(row.issueDate);
    dueDay[index] = dayNumber(row.dueDate);
    buyerIds.push(row.buyerId);
    searchKeys.push(`${searchKeyOf(row.number)}\u0000${searchKeyOf(row.buyerName)}`);
  });

  const numericKey = (of: (row: InvoiceGridRow) => number): Float64Array => {
    const keys = new Float64Array(count);
    rows.forEach((row, index) => {
      keys[index] = of(row);
    });
    return keys;
  };
  // Every column's rank, computed once here (the index), so that a sort is one native numeric sort.
  const ranks: Record<SortColumn, Float64Array> = {
    number: ranksOf(
      rows.map((row) => row.number),
      compareText,
    ),
    buyer: ranksOf(
      rows.map((row) => row.buyerName),
      compareText,
    ),
    issueDate: integerRanks(Float64Array.from(issueDay)),
    dueDate: integerRanks(Float64Array.from(dueDay)),
    amountTtc: integerRanks(numericKey((row) => row.amountTtcCents)),
    openAmount: integerRanks(numericKey((row) => row.openTtcCents)),
    status: Float64Array.from(status),
    daysOverdue: urgencyRanks(rows, dueDay),
  };

  const ascending = new Map<SortColumn, Uint32Array>();
  const orderOf = (column: SortColumn): Uint32Array => {
    let order = ascending.get(column);
    if (order === undefined) {
      order = orderByRanks(ranks[column]);
      ascending.set(column, order);
    }
    return order;
  };

  return {
    rows,
    query(sort, filter) {
      const order = orderOf(sort.column);
      const statusMask = maskOf(filter.statuses, INVOICE_STATUSES);
      const bucketMask = maskOf(filter.buckets, AGING_BUCKETS);
      const issueFrom = filter.issueFrom === undefined ? -Infinity : dayNumber(filter.issueFrom);
      const issueTo = filter.issueTo === undefined ? Infinity : dayNumber(filter.issueTo);
      const dueFrom = filter.dueFrom === undefined ? -Infinity : dayNumber(filter.dueFrom);
      const dueTo = filter.dueTo === undefined ? Infinity : dayNumber(filter.dueTo);
      const buyerId = filter.buyerId;
      const text = filter.text === undefined ? '' : searchKeyOf(filter.text);
      const result = new Uint32Array(count);
      let kept = 0;
      const isDesc = sort.direction === 'desc';
      for (let position = 0; position < count; position += 1) {
        const index = order[isDesc ? count - 1 - position : position] ?? 0;
        if (statusMask !== 0 && (statusMask & (1 << (status[index] ?? 0))) === 0) continue;
        if (bucketMask !== 0) {
          const b = bucket[index] ?? NO_BUCKET;
          if (b === NO_BUCKET || (bucketMask & (1 << b)) === 0) continue;
        }
        const issue = issueDay[index] ?? 0;
        if (issue < issueFrom || issue > issueTo) continue;
        const due = dueDay[index] ?? 0;
        if (due < dueFrom || due > dueTo) continue;
        if (buyerId !== undefined && buyerIds[index] !== buyerId) continue;
        if (text !== '' && !(searchKeys[index] ?? '').includes(text)) continue;
        result[kept] = index;
        kept += 1;
      }
      return result.subarray(0, kept);
    },
  };
}

/** A bit per value of `all` present in `selected`; 0 when nothing is selected (no restriction). */
function maskOf<T>(selected: ReadonlySet<T> | undefined, all: readonly T[]): number {
  if (selected === undefined) return 0;
  let mask = 0;
  all.forEach((value, index) => {
    if (selected.has(value)) mask |= 1 << index;
  });
  return mask;
}

export type AgingSummary = {
  readonly buckets: Readonly<Record<AgingBucket, Cents>>;
  readonly counts: Readonly<Record<AgingBucket, number>>;
  readonly totalCents: Cents;
};

/** Open amounts (TTC) per aging bucket over the given rows; settled rows add nothing. */
export function agingSummary(rows: Iterable<InvoiceGridRow>): AgingSummary {
  const buckets: Record<AgingBucket, Cents> = {
    notDue: 0,
    days1To30: 0,
    days31To60: 0,
    days61To90: 0,
    over90: 0,
  };
  const counts: Record<AgingBucket, number> = {
    notDue: 0,
    days1To30: 0,
    days31To60: 0,
    days61To90: 0,
    over90: 0,
  };
  let totalCents = 0;
  for (const row of rows) {
    if (row.bucket === null) continue;
    buckets[row.bucket] += row.openTtcCents;
    counts[row.bucket] += 1;
    totalCents += row.openTtcCents;
  }
  return { buckets, counts, totalCents };
}
