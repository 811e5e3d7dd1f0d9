/**
 * Builders of domain documents for the unit tests of `shared/domain` (test-only: no production module imports
 * it). One definition of each, so that every test file builds invoices, payments, credit notes, limit
 * decisions and ledgers the same way.
 *
 * Defaults: buyer `b1`, EUR, issue date 2026-01-01, invoice number `F-<id>`, HT = TTC (no VAT, so hand
 * computations stay on the rule under test); every default can be overridden through `extra`.
 */
import type { BuyerLedger, CreditNote, Invoice, LimitDecision, LimitDecisionKind, Payment } from './model';

export const TEST_BUYER_ID = 'b1';

export function invoice(id: string, cents: number, dueDate: string, extra: Partial<Invoice> = {}): Invoice {
  return {
    id,
    buyerId: TEST_BUYER_ID,
    number: `F-${id}`,
    issueDate: '2026-01-01',
    dueDate,
    amountHtCents: cents,
    amountTtcCents: cents,
    currency: 'EUR',
    ...extra,
  };
}

export function payment(id: string, amountCents: number, date: string, invoiceId?: string): Payment {
  return {
    id,
    buyerId: TEST_BUYER_ID,
    date,
    amountCents,
    currency: 'EUR',
    ...(invoiceId === undefined ? {} : { invoiceId }),
  };
}

export function creditNote(id: string, ttc: number, date: string, invoiceId?: string, ht = ttc): CreditNote {
  return {
    id,
    buyerId: TEST_BUYER_ID,
    number: `A-${id}`,
    date,
    amountHtCents: ht,
    amountTtcCents: ttc,
    currency: 'EUR',
    ...(invoiceId === undefined ? {} : { invoiceId }),
  };
}

/** A named-layer decision decided on the day it takes effect (override `decisionDate`, `layer`, …). */
export function decision(
  id: string,
  kind: LimitDecisionKind,
  effectiveDate: string,
  amountCents: number,
  extra: Partial<LimitDecision> = {},
): LimitDecision {
  return {
    id,
    buyerId: TEST_BUYER_ID,
    layer: 'named',
    kind,
    decisionDate: effectiveDate,
    effectiveDate,
    amountCents,
    currency: 'EUR',
    ...extra,
  };
}

/** A ledger of buyer `b1` with no documents, plus `partial`. */
export function ledgerOf(partial: Partial<BuyerLedger> = {}): BuyerLedger {
  return {
    buyer: { id: TEST_BUYER_ID, name: 'Client' },
    invoices: [],
    creditNotes: [],
    payments: [],
    limitDecisions: [],
    ...partial,
  };
}
