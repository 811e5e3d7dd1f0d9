/**
 * Allocation of a buyer's money in (credit notes and payments) to its invoices, as of a date.
 *
 * Rules (domain.md §4 "Payments"):
 * - Only documents dated on or before `asOf` count: invoices by issue date, credit notes and payments by date.
 * - Settlement order of invoices — "oldest open invoice first" — is: due date, then issue date, then id.
 *   The id tie-break makes the result independent of the order the documents are given in.
 * - Pass 1: every document that names an invoice is applied to that invoice first (credit notes, then
 *   payments, each by date then id). Applying named documents before unnamed ones means an earlier unnamed
 *   payment can never "steal" the invoice a later payment explicitly settles.
 * - Pass 2: what is left (unnamed documents, and the excess of a named one over its invoice, or a document
 *   naming an unknown invoice) goes to the oldest open invoice first: credit notes first (they cancel part of
 *   the sale itself), then payments, each by date then id.
 * - What is still left once every invoice is settled is `unapplied` (payments on account, credits to use).
 *
 * Invariants (property-tested): money is conserved — Σ money in = Σ paid + Σ credited + unapplied; an
 * invoice's open amount = TTC − paid − credited ≥ 0; unapplied > 0 only when every invoice is settled.
 * Amounts are integer cents; the HT share of an open amount is the exact pro rata of the TTC, rounded by the
 * domain's one rule (`mulRatio`: half away from zero; every amount here is ≥ 0, where that is plain half up).
 */
import { ISO_DATE_KEY_SPAN, isoDateKey } from './dates';
import type { CreditNote, Invoice, Payment } from './model';
import { mulRatio } from './money';
import type { Cents, IsoDate } from './types';

export type LedgerDocuments = {
  readonly invoices: readonly Invoice[];
  readonly creditNotes: readonly CreditNote[];
  readonly payments: readonly Payment[];
};

/** How one invoice stands after allocation. */
export type InvoiceAllocation = {
  readonly invoiceId: string;
  readonly invoice: Invoice;
  /** The invoice's due date (copied so that an allocation is an aging item as is). */
  readonly dueDate: IsoDate;
  /** Still owed, VAT included. */
  readonly openTtcCents: Cents;
  /** HT share of `openTtcCents`: amountHt × openTtc ÷ amountTtc, rounded by `mulRatio`. */
  readonly openHtCents: Cents;
  readonly paidCents: Cents;
  readonly creditedCents: Cents;
  /** Open dispute (litige): still owed and part of the exposure, but not insured while it lasts. */
  readonly isDisputed: boolean;
};

export type Allocation = {
  readonly asOf: IsoDate;
  /** Every invoice issued on or before `asOf`, settled or not, in settlement order. */
  readonly invoices: readonly InvoiceAllocation[];
  /** Σ of payments and credit notes dated on or before `asOf`. */
  readonly receivedCents: Cents;
  /** Money left over after every invoice is settled (TTC): payments on account + unused credit notes. */
  readonly unappliedCents: Cents;
  readonly unappliedPaymentCents: Cents;
  readonly unappliedCreditCents: Cents;
  /** HT equivalent of the unused credit notes (pro rata of each note's own HT ÷ TTC). */
  readonly unappliedCreditHtCents: Cents;
};

/** Settlement order: due date, then issue date, then id (see the module header). */
export function compareInvoicesForSettlement(a: Invoice, b: Invoice): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  if (a.issueDate !== b.issueDate) return a.issueDate < b.issueDate ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function compareByDateThenId(a: { date: IsoDate; id: string }, b: { date: IsoDate; id: string }): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** An `InvoiceAllocation` while it is being filled in: one object per invoice, returned as is (no copy). */
type MutableAllocation = {
  readonly invoiceId: string;
  readonly invoice: Invoice;
  readonly dueDate: IsoDate;
  openTtcCents: Cents;
  openHtCents: Cents;
  paidCents: Cents;
  creditedCents: Cents;
  readonly isDisputed: boolean;
};

/** Below this many invoices a linear scan finds a named invoice faster than building a Map. */
const LINEAR_LOOKUP_MAX = 32;

/** Up to this many items an insertion sort (inlined comparisons, O(n) on sorted input) beats `Array.sort`. */
const INSERTION_SORT_MAX = 48;

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Sorts `items` in place by `keys` (parallel numbers, moved along), ties broken by `tieBreak`: the same
 * order as a comparator sort on (key, tieBreak), and just as stable. Callers derive the keys from ISO dates
 * (`isoDateKey`), so most comparisons are between numbers and already-sorted input costs one pass.
 */
export function sortByKeys<T>(items: T[], keys: number[], tieBreak: (a: T, b: T) => number): void {
  const count = items.length;
  if (count > INSERTION_SORT_MAX) {
    sortLargeByKeys(items, keys, tieBreak);
    return;
  }
  for (let i = 1; i < count; i += 1) {
    const item = items[i];
    const key = keys[i];
    if (item === undefined || key === undefined) continue;
    let j = i - 1;
    for (; j >= 0; j -= 1) {
      const other = items[j];
      const otherKey = keys[j];
      if (other === undefined || otherKey === undefined) break;
      if (otherKey < key || (otherKey === key && tieBreak(other, item) <= 0)) break;
      items[j + 1] = other;
      keys[j + 1] = otherKey;
    }
    items[j + 1] = item;
    keys[j + 1] = key;
  }
}

function sortLargeByKeys<T>(items: T[], keys: number[], tieBreak: (a: T, b: T) => number): void {
  const order = items.map((item, index) => ({ item, key: keys[index] ?? 0 }));
  order.sort((a, b) => (a.key !== b.key ? a.key - b.key : tieBreak(a.item, b.item)));
  order.forEach((entry, index) => {
    items[index] = entry.item;
    keys[index] = entry.key;
  });
}

const compareRecordIds = (a: MutableAllocation, b: MutableAllocation): number =>
  compareIds(a.invoiceId, b.invoiceId);

/**
 * The invoices issued on or before `asOf` as fresh allocation records, in settlement order. The sort key
 * packs due date and issue date into one number; if any of those dates is not plain `YYYY-MM-DD`, the string
 * comparator decides instead (same order for well-formed dates, and the only correct one otherwise).
 */
function invoiceRecords(invoices: readonly Invoice[], asOf: IsoDate): MutableAllocation[] {
  const records: MutableAllocation[] = [];
  const keys: number[] = [];
  let isKeyed = true;
  // Relational string comparison is slow in V8: the issue-date filter compares the packed keys, which order
  // exactly like the strings whenever both are well formed (the string comparison decides otherwise).
  const asOfKey = isoDateKey(asOf);
  for (const invoice of invoices) {
    const issue = isoDateKey(invoice.issueDate);
    if (issue < 0 || asOfKey < 0 ? invoice.issueDate > asOf : issue > asOfKey) continue;
    records.push({
      invoiceId: invoice.id,
      invoice,
      dueDate: invoice.dueDate,
      openTtcCents: invoice.amountTtcCents,
      openHtCents: invoice.amountHtCents,
      paidCents: 0,
      creditedCents: 0,
      isDisputed: invoice.disputed === true,
    });
    const due = isoDateKey(invoice.dueDate);
    if (due < 0 || issue < 0) isKeyed = false;
    keys.push(due * ISO_DATE_KEY_SPAN + issue);
  }
  if (isKeyed) sortByKeys(records, keys, compareRecordIds);
  else records.sort((a, b) => compareInvoicesForSettlement(a.invoice, b.invoice));
  return records;
}

type Dated = { readonly date: IsoDate; readonly id: string };

const compareDatedIds = (a: Dated, b: Dated): number => compareIds(a.id, b.id);

/** The documents dated on or before `asOf`, by date then id (see `invoiceRecords` for the keyed sort). */
function datedUpTo<T extends Dated>(documents: readonly T[], asOf: IsoDate): T[] {
  const kept: T[] = [];
  const keys: number[] = [];
  let isKeyed = true;
  const asOfKey = isoDateKey(asOf);
  for (const document of documents) {
    const key = isoDateKey(document.date);
    if (key < 0 || asOfKey < 0 ? document.date > asOf : key > asOfKey) continue;
    kept.push(document);
    if (key < 0) isKeyed = false;
    keys.push(key);
  }
  if (isKeyed) sortByKeys(kept, keys, compareDatedIds);
  else kept.sort(compareByDateThenId);
  return kept;
}

/** The record of the invoice a document names, if it is among `records` (`byId` is built on first need). */
function findNamed(
  records: readonly MutableAllocation[],
  lookup: { byId: Map<string, MutableAllocation> | undefined },
  invoiceId: string | undefined,
): MutableAllocation | undefined {
  if (invoiceId === undefined) return undefined;
  if (records.length <= LINEAR_LOOKUP_MAX) {
    for (const record of records) if (record.invoiceId === invoiceId) return record;
    return undefined;
  }
  lookup.byId ??= new Map(records.map((record) => [record.invoiceId, record]));
  return lookup.byId.get(invoiceId);
}

/**
 * Pass 2: spreads `amount` over the open invoices from `cursor.index` on, oldest first; returns what is left.
 * The cursor only moves forward because open amounts only decrease.
 */
function spread(
  records: readonly MutableAllocation[],
  cursor: { index: number },
  amount: Cents,
  isCredit: boolean,
): Cents {
  let left = amount;
  while (left > 0 && cursor.index < records.length) {
    const record = records[cursor.index];
    if (record === undefined || record.openTtcCents <= 0) {
      cursor.index += 1;
      continue;
    }
    const applied = Math.min(left, record.openTtcCents);
    record.openTtcCents -= applied;
    if (isCredit) record.creditedCents += applied;
    else record.paidCents += applied;
    left -= applied;
  }
  return left;
}

/** Applies credit notes and payments to invoices as of `asOf` (see the module header for the order). */
export function allocate(ledger: LedgerDocuments, asOf: IsoDate): Allocation {
  const records = invoiceRecords(ledger.invoices, asOf);
  const notes = datedUpTo(ledger.creditNotes, asOf);
  const payments = datedUpTo(ledger.payments, asOf);

  let receivedCents = 0;
  for (const note of notes) receivedCents += note.amountTtcCents;
  for (const payment of payments) receivedCents += payment.amountCents;

  // Pass 1: named documents to their invoice; the rest waits for pass 2 (leftover amounts by index).
  const lookup: { byId: Map<string, MutableAllocation> | undefined } = { byId: undefined };
  const noteLeftovers: Cents[] = [];
  for (const note of notes) {
    const target = findNamed(records, lookup, note.invoiceId);
    let amount = note.amountTtcCents;
    if (target !== undefined) {
      const applied = Math.min(amount, target.openTtcCents);
      target.openTtcCents -= applied;
      target.creditedCents += applied;
      amount -= applied;
    }
    noteLeftovers.push(amount);
  }
  const paymentLeftovers: Cents[] = [];
  for (const payment of payments) {
    const target = findNamed(records, lookup, payment.invoiceId);
    let amount = payment.amountCents;
    if (target !== undefined) {
      const applied = Math.min(amount, target.openTtcCents);
      target.openTtcCents -= applied;
      target.paidCents += applied;
      amount -= applied;
    }
    if (amount > 0) paymentLeftovers.push(amount);
  }

  // Pass 2: oldest open invoice first, credit notes before payments.
  const cursor = { index: 0 };
  let unappliedCreditCents = 0;
  let unappliedCreditHtCents = 0;
  for (let index = 0; index < notes.length; index += 1) {
    const note = notes[index];
    const leftover = noteLeftovers[index] ?? 0;
    if (note === undefined || leftover <= 0) continue;
    const left = spread(records, cursor, leftover, true);
    if (left > 0) {
      unappliedCreditCents += left;
      unappliedCreditHtCents +=
        note.amountTtcCents === 0 ? 0 : mulRatio(note.amountHtCents, left, note.amountTtcCents);
    }
  }
  let unappliedPaymentCents = 0;
  for (const leftover of paymentLeftovers) unappliedPaymentCents += spread(records, cursor, leftover, false);

  for (const record of records) record.openHtCents = openHt(record.invoice, record.openTtcCents);

  return {
    asOf,
    invoices: records,
    receivedCents,
    unappliedCents: unappliedCreditCents + unappliedPaymentCents,
    unappliedPaymentCents,
    unappliedCreditCents,
    unappliedCreditHtCents,
  };
}

function openHt(invoice: Invoice, openTtc: Cents): Cents {
  if (openTtc === invoice.amountTtcCents) return invoice.amountHtCents;
  if (openTtc === 0 || invoice.amountTtcCents === 0) return 0;
  return mulRatio(invoice.amountHtCents, openTtc, invoice.amountTtcCents);
}

/** Σ open TTC − unapplied: what the buyer owes net, as of the allocation date (negative = we owe the buyer). */
export function openBalance(allocation: Allocation): Cents {
  let total = 0;
  for (const item of allocation.invoices) total += item.openTtcCents;
  return total - allocation.unappliedCents;
}

/** The invoices still (partly) open, in settlement order. */
export function openItemsOf(allocation: Allocation): readonly InvoiceAllocation[] {
  return allocation.invoices.filter((item) => item.openTtcCents > 0);
}
