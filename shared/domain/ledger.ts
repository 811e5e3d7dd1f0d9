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

/** Applies credit notes and payments to invoices as of `asOf` (see the module header for the order). */
export function allocate(ledger: LedgerDocuments, asOf: IsoDate): Allocation {
  const records: MutableAllocation[] = [];
  for (const invoice of ledger.invoices) {
    if (invoice.issueDate > asOf) continue;
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
  }
  records.sort((a, b) => compareInvoicesForSettlement(a.invoice, b.invoice));

  const notes = ledger.creditNotes.filter((note) => note.date <= asOf).sort(compareByDateThenId);
  const payments = ledger.payments.filter((payment) => payment.date <= asOf).sort(compareByDateThenId);

  let receivedCents = 0;
  for (const note of notes) receivedCents += note.amountTtcCents;
  for (const payment of payments) receivedCents += payment.amountCents;

  let byId: Map<string, MutableAllocation> | undefined;
  const named = (invoiceId: string | undefined): MutableAllocation | undefined => {
    if (invoiceId === undefined) return undefined;
    if (records.length <= LINEAR_LOOKUP_MAX) {
      for (const record of records) if (record.invoiceId === invoiceId) return record;
      return undefined;
    }
    byId ??= new Map(records.map((record) => [record.invoiceId, record]));
    return byId.get(invoiceId);
  };

  // Pass 1: named documents to their invoice; the rest waits for pass 2 (leftover amounts by index).
  const noteLeftovers: Cents[] = [];
  for (const note of notes) {
    const target = named(note.invoiceId);
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
    const target = named(payment.invoiceId);
    let amount = payment.amountCents;
    if (target !== undefined) {
      const applied = Math.min(amount, target.openTtcCents);
      target.openTtcCents -= applied;
      target.paidCents += applied;
      amount -= applied;
    }
    if (amount > 0) paymentLeftovers.push(amount);
  }

  // Pass 2: oldest open invoice first. `cursor` only moves forward because open amounts only decrease.
  let cursor = 0;
  const spread = (amount: Cents, isCredit: boolean): Cents => {
    let left = amount;
    while (left > 0 && cursor < records.length) {
      const record = records[cursor];
      if (record === undefined || record.openTtcCents <= 0) {
        cursor += 1;
        continue;
      }
      const applied = Math.min(left, record.openTtcCents);
      record.openTtcCents -= applied;
      if (isCredit) record.creditedCents += applied;
      else record.paidCents += applied;
      left -= applied;
    }
    return left;
  };

  let unappliedCreditCents = 0;
  let unappliedCreditHtCents = 0;
  notes.forEach((note, index) => {
    const leftover = noteLeftovers[index] ?? 0;
    if (leftover <= 0) return;
    const left = spread(leftover, true);
    if (left > 0) {
      unappliedCreditCents += left;
      unappliedCreditHtCents +=
        note.amountTtcCents === 0 ? 0 : mulRatio(note.amountHtCents, left, note.amountTtcCents);
    }
  });
  let unappliedPaymentCents = 0;
  for (const leftover of paymentLeftovers) unappliedPaymentCents += spread(leftover, false);

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
