/**
 * The plain-data documents every rule works on: buyers, invoices, credit notes, payments, limit decisions.
 * These are the shapes stored locally, synced, imported and fed to the pure functions of `shared/domain`.
 *
 * Invariants: ids are strings unique within a workspace; amounts are integer cents, positive (a credit note's
 * amount is positive and reduces the balance); dates are ISO calendar dates.
 */
import type { Cents, Currency, IsoDate } from './types';

/** Acheteur / client: a legal entity identified by its SIREN. */
export type Buyer = {
  readonly id: string;
  readonly name: string;
  /** 9 digits; may be missing for a buyer imported from a ledger that does not carry it. */
  readonly siren?: string;
  readonly country?: string;
  /** Set when the buyer is in insolvency proceedings (procédure collective), with the judgment date. */
  readonly insolvency?: {
    readonly kind: 'sauvegarde' | 'redressement' | 'liquidation';
    readonly judgmentDate: IsoDate;
  };
};

/** A sales invoice (facture). `amountTtcCents` is what the buyer owes; `amountHtCents` excludes VAT. */
export type Invoice = {
  readonly id: string;
  readonly buyerId: string;
  readonly number: string;
  readonly issueDate: IsoDate;
  /** Delivery (shipment) date: the limit in force on that date covers the invoice. Defaults to issueDate. */
  readonly deliveryDate?: IsoDate;
  readonly dueDate: IsoDate;
  readonly amountHtCents: Cents;
  readonly amountTtcCents: Cents;
  readonly currency: Currency;
  /** Open dispute (litige): not insured until the dispute ends. */
  readonly disputed?: boolean;
};

/** Avoir: reduces what the buyer owes. If it names an invoice it is applied to that invoice first. */
export type CreditNote = {
  readonly id: string;
  readonly buyerId: string;
  readonly number: string;
  readonly date: IsoDate;
  readonly amountHtCents: Cents;
  readonly amountTtcCents: Cents;
  readonly currency: Currency;
  readonly invoiceId?: string;
};

/** Règlement: allocated to the named invoice, else to the oldest open invoice first. */
export type Payment = {
  readonly id: string;
  readonly buyerId: string;
  readonly date: IsoDate;
  /** Always TTC: a buyer pays invoices VAT included. */
  readonly amountCents: Cents;
  readonly currency: Currency;
  readonly invoiceId?: string;
};

/** Every kind of insurer decision on a buyer's credit limit (domain.md §1–2). */
export type LimitDecisionKind =
  'requested' | 'granted' | 'partial' | 'refused' | 'reduced' | 'cancelled' | 'expired' | 'temporary';

/** Which layer of cover a decision belongs to. */
export type LimitLayer = 'named' | 'discretionary' | 'top-up';

/**
 * One decision in a buyer's limit history. A decision takes effect on `effectiveDate` (for a reduction or a
 * cancellation: the decision date plus the notice period). A `temporary` limit ends on `endDate`.
 */
export type LimitDecision = {
  readonly id: string;
  readonly buyerId: string;
  readonly layer: LimitLayer;
  readonly kind: LimitDecisionKind;
  /** When the insurer decided (or the request was sent). */
  readonly decisionDate: IsoDate;
  readonly effectiveDate: IsoDate;
  /** Amount asked for (requests, partial grants). */
  readonly requestedCents?: Cents;
  /** Amount in force from `effectiveDate` (0 for refused / cancelled / expired). */
  readonly amountCents: Cents;
  readonly currency: Currency;
  readonly endDate?: IsoDate;
  /** Quotité of this layer when it differs from the policy's (top-up layers, discretionary limits). */
  readonly quotityBp?: number;
  readonly insurerReference?: string;
};

/** Everything known about one buyer's receivables, as the rules consume it. */
/** Claim filings already made for an invoice (DMS: overdue notification; DIC: collection request). */
export type ClaimFiling = { readonly dmsFiledOn?: IsoDate; readonly dicFiledOn?: IsoDate };

export type BuyerLedger = {
  readonly buyer: Buyer;
  readonly invoices: readonly Invoice[];
  readonly creditNotes: readonly CreditNote[];
  readonly payments: readonly Payment[];
  readonly limitDecisions: readonly LimitDecision[];
  /** Livré non facturé (418), on the policy's basis. */
  readonly deliveredNotInvoicedCents?: Cents;
  /** Commandes en cours. */
  readonly openOrdersCents?: Cents;
  /** DMS/DIC filings per invoice id, from the buyer's claims (alerts stop asking for a filed step). */
  readonly claimFilings?: Readonly<Record<string, ClaimFiling>>;
};
