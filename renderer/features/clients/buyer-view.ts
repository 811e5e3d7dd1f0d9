/**
 * One buyer's ledger shaped for the buyer page: each invoice's status on a date (payée / ouverte / échue /
 * litige, days past due), the book balance, and the dated timeline of everything that happened.
 *
 * Statuses come from the domain's allocation (`exposureOf`), the single definition of what is still open:
 * payments and credit notes settle the named invoice first, then the oldest. Invoices issued after `asOf`
 * are not part of the allocation yet: they are shown "ouverte" (not due, nothing can have settled them).
 */
import { dayNumber } from '../../../shared/domain/aging';
import type { Exposure } from '../../../shared/domain/exposure';
import { limitHistory } from '../../../shared/domain/limits';
import type { LimitHistoryEvent, LimitHistoryRow } from '../../../shared/domain/limits';
import type { Buyer, BuyerLedger, Invoice, LimitLayer } from '../../../shared/domain/model';
import type { Cents, IsoDate } from '../../../shared/domain/types';

export type InvoiceStatus = 'paid' | 'open' | 'overdue' | 'disputed';

export type InvoiceLine = {
  readonly invoice: Invoice;
  readonly status: InvoiceStatus;
  /** Still owed, VAT included. */
  readonly openTtcCents: Cents;
  /** Days past the due date for an unpaid invoice, else 0. */
  readonly daysOverdue: number;
};

/** The buyer's invoices, latest due date first. */
export function invoiceLinesOf(ledger: BuyerLedger, exposure: Exposure, asOf: IsoDate): InvoiceLine[] {
  const allocated = new Map(exposure.allocation.invoices.map((item) => [item.invoiceId, item]));
  const today = dayNumber(asOf);
  const lines = ledger.invoices.map((invoice): InvoiceLine => {
    const openTtcCents = allocated.get(invoice.id)?.openTtcCents ?? invoice.amountTtcCents;
    const daysOverdue = openTtcCents > 0 ? Math.max(0, today - dayNumber(invoice.dueDate)) : 0;
    const status: InvoiceStatus =
      openTtcCents <= 0
        ? 'paid'
        : invoice.disputed === true
          ? 'disputed'
          : daysOverdue > 0
            ? 'overdue'
            : 'open';
    return { invoice, status, openTtcCents, daysOverdue };
  });
  return lines.sort((a, b) =>
    a.invoice.dueDate !== b.invoice.dueDate
      ? a.invoice.dueDate < b.invoice.dueDate
        ? 1
        : -1
      : a.invoice.number.localeCompare(b.invoice.number),
  );
}

/**
 * The book balance (solde) on `asOf`, VAT included and signed: what is still open minus the money received
 * that no invoice absorbed. It equals Σ invoices − Σ credit notes − Σ payments dated up to `asOf`, i.e. the
 * balance of the buyer's 411 account; negative when the buyer is in credit.
 */
export function bookBalanceOf(exposure: Exposure): Cents {
  let open = 0;
  for (const item of exposure.allocation.invoices) open += item.openTtcCents;
  return open - exposure.allocation.unappliedCents;
}

export type TimelineEvent =
  | { readonly kind: 'invoice-issued'; readonly date: IsoDate; readonly invoice: Invoice }
  | { readonly kind: 'invoice-due'; readonly date: IsoDate; readonly invoice: Invoice }
  | {
      readonly kind: 'payment';
      readonly date: IsoDate;
      readonly id: string;
      readonly amountCents: Cents;
      readonly invoiceNumber?: string;
    }
  | {
      readonly kind: 'credit-note';
      readonly date: IsoDate;
      readonly id: string;
      readonly number: string;
      readonly amountCents: Cents;
    }
  | { readonly kind: 'limit'; readonly date: IsoDate; readonly row: LimitHistoryRow }
  | {
      readonly kind: 'insolvency';
      readonly date: IsoDate;
      readonly procedure: NonNullable<Buyer['insolvency']>['kind'];
    };

const KIND_ORDER: Readonly<Record<TimelineEvent['kind'], number>> = {
  insolvency: 0,
  limit: 1,
  payment: 2,
  'credit-note': 3,
  'invoice-due': 4,
  'invoice-issued': 5,
};

/** Every dated event of the buyer, newest first (same day: insolvency, limits, money, then invoices). */
export function timelineOf(ledger: BuyerLedger): TimelineEvent[] {
  const numberOf = new Map(ledger.invoices.map((invoice) => [invoice.id, invoice.number]));
  const events: TimelineEvent[] = [];
  for (const invoice of ledger.invoices) {
    events.push({ kind: 'invoice-issued', date: invoice.issueDate, invoice });
    events.push({ kind: 'invoice-due', date: invoice.dueDate, invoice });
  }
  for (const payment of ledger.payments) {
    const invoiceNumber = payment.invoiceId === undefined ? undefined : numberOf.get(payment.invoiceId);
    events.push({
      kind: 'payment',
      date: payment.date,
      id: payment.id,
      amountCents: payment.amountCents,
      ...(invoiceNumber === undefined ? {} : { invoiceNumber }),
    });
  }
  for (const note of ledger.creditNotes) {
    events.push({
      kind: 'credit-note',
      date: note.date,
      id: note.id,
      number: note.number,
      amountCents: note.amountTtcCents,
    });
  }
  for (const row of limitHistory(ledger.limitDecisions)) events.push({ kind: 'limit', date: row.date, row });
  const insolvency = ledger.buyer.insolvency;
  if (insolvency !== undefined) {
    events.push({ kind: 'insolvency', date: insolvency.judgmentDate, procedure: insolvency.kind });
  }
  return events.sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? 1 : -1) : KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
  );
}

/** A stable React key for a timeline event. */
export function timelineKey(event: TimelineEvent): string {
  switch (event.kind) {
    case 'invoice-issued':
    case 'invoice-due':
      return `${event.kind}:${event.invoice.id}`;
    case 'payment':
    case 'credit-note':
      return `${event.kind}:${event.id}`;
    case 'limit':
      return `limit:${event.row.decisionId}:${event.row.event}:${event.date}`;
    case 'insolvency':
      return `insolvency:${event.date}`;
  }
}

export const LAYERS: readonly LimitLayer[] = ['named', 'discretionary', 'top-up'];
export type { LimitHistoryEvent };
