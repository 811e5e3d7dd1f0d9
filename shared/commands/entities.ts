/**
 * The stored rows of a workspace, one zod schema per entity. The same shapes are written locally (Dexie),
 * pushed and pulled by sync, and read by the pure functions of `shared/domain`.
 *
 * Invariants: every row has a string `id`, an integer `version` (1 on creation, +1 on each write) and an
 * `updatedAt` ISO timestamp (audit only: ordering never uses a laptop's clock). Amounts are integer cents ≥ 0;
 * dates are ISO calendar dates.
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import { ALERT_CODES } from '../domain/alerts';
import { CLAIM_EVENT_TYPES, CLAIM_STATUSES } from '../domain/claims';

export const ENTITY_NAMES = [
  'buyers',
  'limitDecisions',
  'invoices',
  'payments',
  'creditNotes',
  'claims',
  'claimEvents',
  'policy',
  'attachments',
  'imports',
  'alertStates',
  'company',
] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

export const entityNameSchema = z.enum(ENTITY_NAMES);

export const isoDateSchema = z.string().refine(isIsoDate, { message: 'ISO date YYYY-MM-DD expected' });
export const centsSchema = z.number().int().nonnegative().refine(Number.isSafeInteger, 'safe integer');
export const idSchema = z.string().min(1).max(200);
export const currencySchema = z.string().regex(/^[A-Z]{3}$/);

const rowMeta = { version: z.number().int().positive(), updatedAt: z.string() };

/** Lower-case, accent-free, single-spaced name: what the buyer search compares with (schema version 2). */
export function nameKeyOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export const buyerAddressSchema = z.object({
  street: z.string().max(300).optional(),
  postalCode: z.string().max(20).optional(),
  city: z.string().max(200).optional(),
});
export type BuyerAddress = z.infer<typeof buyerAddressSchema>;

export const buyerContactSchema = z.object({
  name: z.string().trim().min(1).max(200),
  role: z.string().max(200).optional(),
  email: z.string().max(320).optional(),
  phone: z.string().max(50).optional(),
});
export type BuyerContact = z.infer<typeof buyerContactSchema>;

export const buyerFieldsSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1).max(300),
  siren: z.string().optional(),
  country: z.string().optional(),
  insolvency: z
    .object({ kind: z.enum(['sauvegarde', 'redressement', 'liquidation']), judgmentDate: isoDateSchema })
    .optional(),
  /** Payment terms in days, used by imports when a ledger line carries no due date. */
  paymentTermsDays: z.number().int().nonnegative().optional(),
  /** Head-office SIRET (14 digits, checked by the commands); its first 9 digits are the SIREN. */
  siret: z.string().optional(),
  /** NAF / APE code of the activity, e.g. `46.69B`. */
  naf: z.string().max(10).optional(),
  address: buyerAddressSchema.optional(),
  /** The insurer's risk grade of the buyer, 1 (best) to 10 (worst), as the portals show it (Allianz, Coface DRA). */
  grade: z.number().int().min(1).max(10).optional(),
  contacts: z.array(buyerContactSchema).max(50).optional(),
});
export const buyerRowSchema = buyerFieldsSchema.extend({
  ...rowMeta,
  nameKey: z.string(),
  /** Guard of the limit history: bumped by every limit decision (architecture §5, guarded values). */
  limitHistoryVersion: z.number().int().nonnegative(),
});
export type BuyerRow = z.infer<typeof buyerRowSchema>;

export const invoiceFieldsSchema = z.object({
  id: idSchema,
  buyerId: idSchema,
  number: z.string().min(1).max(100),
  issueDate: isoDateSchema,
  deliveryDate: isoDateSchema.optional(),
  dueDate: isoDateSchema,
  amountHtCents: centsSchema,
  amountTtcCents: centsSchema,
  currency: currencySchema,
  disputed: z.boolean().optional(),
});
export const invoiceRowSchema = invoiceFieldsSchema.extend(rowMeta);
export type InvoiceRow = z.infer<typeof invoiceRowSchema>;

export const creditNoteFieldsSchema = z.object({
  id: idSchema,
  buyerId: idSchema,
  number: z.string().min(1).max(100),
  date: isoDateSchema,
  amountHtCents: centsSchema,
  amountTtcCents: centsSchema,
  currency: currencySchema,
  invoiceId: idSchema.optional(),
});
export const creditNoteRowSchema = creditNoteFieldsSchema.extend(rowMeta);
export type CreditNoteRow = z.infer<typeof creditNoteRowSchema>;

export const paymentFieldsSchema = z.object({
  id: idSchema,
  buyerId: idSchema,
  date: isoDateSchema,
  amountCents: centsSchema,
  currency: currencySchema,
  invoiceId: idSchema.optional(),
});
export const paymentRowSchema = paymentFieldsSchema.extend(rowMeta);
export type PaymentRow = z.infer<typeof paymentRowSchema>;

export const limitDecisionFieldsSchema = z.object({
  id: idSchema,
  buyerId: idSchema,
  layer: z.enum(['named', 'discretionary', 'top-up']),
  kind: z.enum([
    'requested',
    'granted',
    'partial',
    'refused',
    'reduced',
    'cancelled',
    'expired',
    'temporary',
  ]),
  decisionDate: isoDateSchema,
  effectiveDate: isoDateSchema,
  requestedCents: centsSchema.optional(),
  amountCents: centsSchema,
  currency: currencySchema,
  endDate: isoDateSchema.optional(),
  quotityBp: z.number().int().min(0).max(10_000).optional(),
  insurerReference: z.string().optional(),
});
export const limitDecisionRowSchema = limitDecisionFieldsSchema.extend(rowMeta);
export type LimitDecisionRow = z.infer<typeof limitDecisionRowSchema>;

const claimStatusSchema = z.enum(CLAIM_STATUSES);
const claimEventTypeSchema = z.enum(CLAIM_EVENT_TYPES);

/** One accepted event of a claim's timeline, as `applyClaimEvent` appends it (shared/domain/claims.ts). */
export const claimTimelineEntrySchema = z.object({
  type: claimEventTypeSchema,
  date: isoDateSchema,
  by: z.string().min(1).max(200),
  amountCents: centsSchema.optional(),
  note: z.string().max(5000).optional(),
  from: claimStatusSchema,
  to: claimStatusSchema,
  isLate: z.boolean().optional(),
  deadline: isoDateSchema.optional(),
  recoverySplit: z.object({ insurerCents: centsSchema, insuredCents: centsSchema }).optional(),
});

/**
 * A claim (sinistre): the domain's `Claim` document as is (timeline included, so the state machine reads it
 * back unchanged), plus what the claims feature needs beside it: the invoices it was opened from (an invoice
 * belongs to at most one live claim) and the figures of the indemnity simulation frozen at opening.
 */
export const claimFieldsSchema = z.object({
  id: idSchema,
  buyerId: idSchema,
  dueDate: isoDateSchema,
  openedOn: isoDateSchema,
  openedBy: z.string().min(1).max(200),
  openAmountCents: centsSchema,
  maxIndemnityCents: centsSchema.optional(),
  status: claimStatusSchema,
  resumeStatus: claimStatusSchema.optional(),
  dmsFiledOn: isoDateSchema.optional(),
  dicFiledOn: isoDateSchema.optional(),
  insolvencyDeclaredOn: isoDateSchema.optional(),
  admittedOn: isoDateSchema.optional(),
  isDmsLate: z.boolean(),
  isDicLate: z.boolean(),
  recoveredBeforeSettlementCents: centsSchema,
  indemnityPaidCents: centsSchema,
  recoveredAfterSettlementCents: centsSchema,
  insurerShareOfRecoveriesCents: centsSchema,
  timeline: z.array(claimTimelineEntrySchema),
  /** The invoices the claim was opened from. */
  invoiceIds: z.array(idSchema).min(1).max(500),
  /** Open amount TTC of those invoices at opening (the claim threshold is TTC). */
  openTtcCents: centsSchema,
  /** Covered open amount (eligible invoices, cover basis) at opening. */
  coveredOpenCents: centsSchema,
  /** The part of the limit applicable to those invoices at opening (cover.ts per invoice). */
  applicableLimitCents: centsSchema,
  quotityBp: z.number().int().min(0).max(10_000),
});
export const claimRowSchema = claimFieldsSchema.extend(rowMeta);
export type ClaimRow = z.infer<typeof claimRowSchema>;

/** One event of a claim's timeline as its own row (the timeline screen and the sync log read these). */
export const claimEventRowSchema = z.object({
  id: idSchema,
  claimId: idSchema,
  /** A workflow event, or `note`: a remark that changes nothing in the workflow. */
  type: z.union([claimEventTypeSchema, z.literal('note')]),
  date: isoDateSchema,
  by: z.string(),
  amountCents: centsSchema.optional(),
  note: z.string().max(5000).optional(),
  /** Position in the claim's timeline (0 = first event). */
  seq: z.number().int().nonnegative(),
  ...rowMeta,
});
export type ClaimEventRow = z.infer<typeof claimEventRowSchema>;

export const POLICY_ROW_ID = 'current';

export const policyFieldsSchema = z.object({
  currency: currencySchema,
  namedQuotityBp: z.number().int().min(0).max(10_000),
  unnamedQuotityBp: z.number().int().min(0).max(10_000),
  unnamedThresholdCents: centsSchema,
  maxCreditTermsDays: z.number().int().nonnegative(),
  maxCreditTermsExportDays: z.number().int().nonnegative(),
  maxExtensionDays: z.number().int().nonnegative(),
  dmsDeadlineDays: z.number().int().nonnegative(),
  dicDeadlineDays: z.number().int().nonnegative(),
  claimThresholdCents: centsSchema,
  waitingPeriodDays: z.number().int().nonnegative(),
  limitReductionNoticeDays: z.number().int().nonnegative(),
  maxLiabilityMultiple: z.number().nonnegative(),
  premiumRateBp: z.number().int().nonnegative(),
  minimumPremiumCents: centsSchema,
  monitoringFeePerBuyerCents: centsSchema,
  coverBasis: z.enum(['HT', 'TTC']),
  perClaimDeductibleCents: centsSchema,
  aggregateDeductibleCents: centsSchema,
  nearLimitAlertBp: z.number().int().nonnegative(),
  overLimitAlertBp: z.number().int().nonnegative(),
  includeDeliveredNotInvoiced: z.boolean(),
  includeOpenOrders: z.boolean(),
});
export const policyRowSchema = policyFieldsSchema.extend({ id: z.literal(POLICY_ROW_ID), ...rowMeta });
export type PolicyRow = z.infer<typeof policyRowSchema>;

/**
 * Metadata of an attached file (proof of delivery, letter…). Synced like every row; the bytes are not: they
 * stay in the local-only `attachmentBlobs` table of the computer that added them, keyed by `sha256`.
 */
export const attachmentFieldsSchema = z.object({
  id: idSchema,
  ownerEntity: entityNameSchema,
  ownerId: idSchema,
  fileName: z.string().trim().min(1).max(255),
  mimeType: z.string().max(200),
  sizeBytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export const attachmentRowSchema = attachmentFieldsSchema.extend(rowMeta);
export type AttachmentRow = z.infer<typeof attachmentRowSchema>;

export const importFieldsSchema = z.object({
  /** Derived by the importer from the file's content hash, so the same file twice is the same import. */
  id: idSchema,
  kind: z.enum(['fec', 'csv-buyers', 'csv-invoices', 'csv-limits', 'demo']),
  fileName: z.string(),
  companySiren: z.string().optional(),
  importedAt: z.string(),
  rejectedLines: z.number().int().nonnegative(),
});
export const importRowSchema = importFieldsSchema.extend({
  ...rowMeta,
  counts: z.record(z.string(), z.number().int().nonnegative()),
});
export type ImportRow = z.infer<typeof importRowSchema>;

/**
 * What the team decided about one alert (Limites & alertes): acknowledged (seen, being handled) or snoozed
 * until a date. Keyed by `alertKey()` so the state follows the same alert from one day to the next; synced,
 * so the whole team sees who took it. No row = a new alert.
 */
export const alertStateFieldsSchema = z.object({
  id: idSchema,
  buyerId: idSchema,
  code: z.enum(ALERT_CODES),
  acknowledgedAt: z.string().optional(),
  snoozedUntil: isoDateSchema.optional(),
  by: z.string(),
  note: z.string().max(2000).optional(),
});
export const alertStateRowSchema = alertStateFieldsSchema.extend(rowMeta);
export type AlertStateRow = z.infer<typeof alertStateRowSchema>;

export const COMPANY_ROW_ID = 'current';

/**
 * The insured company itself (« Votre entreprise »), a synced singleton like the policy: the sender of the
 * letters (relance, mise en demeure) and the insured named in the DMS / DIC summary for the insurer. Every
 * field but the name is optional: a letter shows what is known. The SIREN is checked by `setCompany`.
 */
export const companyFieldsSchema = z.object({
  name: z.string().trim().min(1).max(300),
  siren: z.string().optional(),
  address: buyerAddressSchema.optional(),
  /** Who signs the letters and answers the buyer (name, role, e-mail, phone). */
  contact: buyerContactSchema.optional(),
  /** Numéro de police d'assurance-crédit, for the DMS / DIC summary. */
  policyNumber: z.string().trim().max(100).optional(),
  /** The credit insurer (Allianz Trade, Coface, Atradius…). */
  insurerName: z.string().trim().max(200).optional(),
});
export type CompanyFields = z.infer<typeof companyFieldsSchema>;
export const companyRowSchema = companyFieldsSchema.extend({ id: z.literal(COMPANY_ROW_ID), ...rowMeta });
export type CompanyRow = z.infer<typeof companyRowSchema>;

export type EntityRows = {
  buyers: BuyerRow;
  limitDecisions: LimitDecisionRow;
  invoices: InvoiceRow;
  payments: PaymentRow;
  creditNotes: CreditNoteRow;
  claims: ClaimRow;
  claimEvents: ClaimEventRow;
  policy: PolicyRow;
  attachments: AttachmentRow;
  imports: ImportRow;
  alertStates: AlertStateRow;
  company: CompanyRow;
};
export type EntityRow<E extends EntityName> = EntityRows[E];

export const ENTITY_ROW_SCHEMAS: { readonly [E in EntityName]: z.ZodType<EntityRows[E]> } = {
  buyers: buyerRowSchema,
  limitDecisions: limitDecisionRowSchema,
  invoices: invoiceRowSchema,
  payments: paymentRowSchema,
  creditNotes: creditNoteRowSchema,
  claims: claimRowSchema,
  claimEvents: claimEventRowSchema,
  policy: policyRowSchema,
  attachments: attachmentRowSchema,
  imports: importRowSchema,
  alertStates: alertStateRowSchema,
  company: companyRowSchema,
};

/** Per-buyer figures every screen shows, stored and refreshed in the writing transaction. */
export const alertCountsSchema = z.object({
  critical: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
});
/** Amounts that may be negative (a balance in the buyer's favour, a month of more credit notes than sales). */
const signedCentsSchema = z.number().int().refine(Number.isSafeInteger, 'safe integer');
/** Months of sales an aggregate keeps: the month of `asOf` and the 12 before it (DSO trend over a year). */
export const AGGREGATE_SALES_MONTHS = 13;
/** Month-ends an aggregate keeps a balance for: the ends of the 12 months before the month of `asOf`. */
export const AGGREGATE_MONTH_ENDS = 12;
export const agingBucketsSchema = z.object({
  notDue: centsSchema,
  days1To30: centsSchema,
  days31To60: centsSchema,
  days61To90: centsSchema,
  over90: centsSchema,
});
/**
 * What the limit of an aggregate is (`limitSourceOf` in aggregates.ts, from the cover's primary layer): a named
 * limit, a discretionary one (limite discrétionnaire), the policy's unnamed threshold (seuil de non-dénommé),
 * a top-up alone (CAP+ after a refusal), or no cover for new shipments (`limitCents` 0: refused, cancelled,
 * expired, or no unnamed threshold).
 */
export const LIMIT_SOURCES = ['named', 'discretionary', 'unnamed', 'top-up', 'none'] as const;
export type LimitSource = (typeof LIMIT_SOURCES)[number];

export const buyerAggregateSchema = z.object({
  buyerId: idSchema,
  /** The date the figures were computed for: overdue and alerts move with it. */
  asOf: isoDateSchema,
  exposureCents: centsSchema,
  overdueCents: centsSchema,
  coveredCents: centsSchema,
  uncoveredCents: centsSchema,
  limitCents: centsSchema,
  limitSource: z.enum(LIMIT_SOURCES),
  openInvoiceCount: z.number().int().nonnegative(),
  alertCounts: alertCountsSchema,
  alertCodes: z.array(z.enum(ALERT_CODES)),
  /** Balance âgée of the open invoices as of `asOf`, on the policy's cover basis (Σ past due = overdue). */
  aging: agingBucketsSchema,
  /** Open balance TTC as of `asOf` (invoices − payments − credit notes, not floored): what DSO counts back. */
  receivableTtcCents: signedCentsSchema,
  /** Sales TTC net of credit notes per calendar month, oldest first, the last being the month of `asOf` to date. */
  salesTtcByMonthCents: z.array(signedCentsSchema).length(AGGREGATE_SALES_MONTHS),
  /** Open balance TTC at the end of each of the 12 months before the month of `asOf`, oldest first. */
  receivableTtcAtMonthEndCents: z.array(signedCentsSchema).length(AGGREGATE_MONTH_ENDS),
});
export type BuyerAggregate = z.infer<typeof buyerAggregateSchema>;
