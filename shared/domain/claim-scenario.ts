/**
 * A claim scenario: everything needed to simulate one buyer's claim (policy overrides, limit history, invoices,
 * payments, recoveries, filing dates, insolvency), its zod schema, and `evaluateClaimScenario` which turns it
 * into deadlines, filing checks and the indemnity breakdown. Used by `encours simulate-claim`; reusable by the
 * UI (import a scenario, show the same figures).
 *
 * Format choices: amounts are integer cents in fields ending in `Cents` (27 000,00 € = 2700000) so that no
 * float or locale-formatted string ever enters the domain; dates are ISO `YYYY-MM-DD`; unknown keys are
 * refused (a typo in a field name must not silently drop a value). See examples/README.md.
 *
 * Invariants of the evaluation: the scenario is turned into a `BuyerLedger` and goes through the domain's one
 * definition of each rule — `allocate` (payments), `exposureOf` (open amounts, HT share), `coverAsOf` (cover
 * per invoice and per layer: named, discretionary, unnamed threshold, top-up) — so a simulation never disagrees
 * with the app. Payments and recoveries dated after `asOf` are ignored; per-invoice amounts on the cover basis
 * sum to the totals shown.
 */
import { z } from 'zod';
import { daysBetween, isIsoDate } from './dates';
import { claimDeadlines, insolvencyDeadlines } from './deadlines';
import type { InsolvencyPolicy } from './deadlines';
import { coverAsOf } from './cover';
import type { Cover, PrimaryLayer } from './cover';
import { exposureOf } from './exposure';
import { computeIndemnity, splitRecoveryAfterIndemnity } from './indemnity';
import type { IndemnityBreakdown, IndemnityLayer, RecoverySplit } from './indemnity';
import type { BuyerLedger, Invoice, LimitDecision, Payment } from './model';
import { mulRatio } from './money';
import { DEFAULT_POLICY } from './policy';
import type { BasisPoints, Cents, IsoDate } from './types';

// ---------------------------------------------------------------------------------------------- schema

const DATE_MESSAGE = 'date invalide (attendu AAAA-MM-JJ)';
const CENTS_MESSAGE = 'montant invalide (attendu un nombre entier de centimes ≥ 0)';
const REQUIRED_MESSAGE = 'champ requis';

const requiredOr =
  (message: string) =>
  (issue: { readonly input?: unknown }): string =>
    issue.input === undefined ? REQUIRED_MESSAGE : message;

const isoDate = z.string({ error: requiredOr(DATE_MESSAGE) }).refine(isIsoDate, { error: DATE_MESSAGE });
const cents = z
  .number({ error: requiredOr(CENTS_MESSAGE) })
  .int({ error: CENTS_MESSAGE })
  .min(0, { error: CENTS_MESSAGE });
const positiveCents = cents.refine((n) => n > 0, { error: 'montant invalide (attendu > 0 centime)' });
const days = z
  .number({ error: requiredOr('nombre de jours invalide (attendu un entier ≥ 0)') })
  .int({ error: 'nombre de jours invalide (attendu un entier ≥ 0)' })
  .min(0, { error: 'nombre de jours invalide (attendu un entier ≥ 0)' });
const basisPoints = z
  .number({ error: requiredOr('pourcentage invalide (attendu des points de base, 9000 = 90 %)') })
  .int({ error: 'pourcentage invalide (attendu des points de base, 9000 = 90 %)' })
  .min(0, { error: 'pourcentage invalide (attendu entre 0 et 10000 points de base)' })
  .max(10_000, { error: 'pourcentage invalide (attendu entre 0 et 10000 points de base)' });
const text = z
  .string({ error: requiredOr('texte attendu') })
  .trim()
  .min(1, { error: 'texte vide' });

/** Every policy parameter may be overridden; the rest keep DEFAULT_POLICY's values (domain.md §3). */
const policyOverridesSchema = z.strictObject({
  currency: text.optional(),
  namedQuotityBp: basisPoints.optional(),
  unnamedQuotityBp: basisPoints.optional(),
  unnamedThresholdCents: cents.optional(),
  maxCreditTermsDays: days.optional(),
  maxCreditTermsExportDays: days.optional(),
  maxExtensionDays: days.optional(),
  dmsDeadlineDays: days.optional(),
  dicDeadlineDays: days.optional(),
  claimThresholdCents: cents.optional(),
  waitingPeriodDays: days.optional(),
  limitReductionNoticeDays: days.optional(),
  maxLiabilityMultiple: z.number().int().min(0).optional(),
  premiumRateBp: basisPoints.optional(),
  minimumPremiumCents: cents.optional(),
  monitoringFeePerBuyerCents: cents.optional(),
  coverBasis: z.enum(['HT', 'TTC'], { error: 'base invalide (attendu "HT" ou "TTC")' }).optional(),
  perClaimDeductibleCents: cents.optional(),
  aggregateDeductibleCents: cents.optional(),
  nearLimitAlertBp: basisPoints.optional(),
  overLimitAlertBp: basisPoints.optional(),
  includeDeliveredNotInvoiced: z.boolean().optional(),
  includeOpenOrders: z.boolean().optional(),
  insolvencyDeclarationDays: days.optional(),
});

const limitDecisionSchema = z.strictObject({
  layer: z.enum(['named', 'discretionary', 'top-up'], {
    error: 'couche invalide (attendu "named", "discretionary" ou "top-up")',
  }),
  kind: z.enum(
    ['requested', 'granted', 'partial', 'refused', 'reduced', 'cancelled', 'expired', 'temporary'],
    {
      error:
        'décision invalide (requested, granted, partial, refused, reduced, cancelled, expired, temporary)',
    },
  ),
  decisionDate: isoDate,
  effectiveDate: isoDate,
  amountCents: cents,
  requestedCents: cents.optional(),
  endDate: isoDate.optional(),
  quotityBp: basisPoints.optional(),
  insurerReference: text.optional(),
});

const invoiceSchema = z.strictObject({
  number: text,
  issueDate: isoDate,
  deliveryDate: isoDate.optional(),
  dueDate: isoDate,
  amountHtCents: cents,
  amountTtcCents: cents,
  disputed: z.boolean().optional(),
});

const paymentSchema = z.strictObject({
  date: isoDate,
  amountCents: positiveCents,
  invoiceNumber: text.optional(),
});

const recoverySchema = z.strictObject({
  date: isoDate,
  amountCents: positiveCents,
  note: text.optional(),
});

export const claimScenarioSchema = z
  .strictObject({
    asOf: isoDate,
    insured: z.strictObject({ name: text }).optional(),
    policy: policyOverridesSchema.default({}),
    policyYear: z
      .strictObject({
        annualPremiumCents: cents.optional(),
        maxLiabilityCents: cents.optional(),
        alreadyIndemnifiedCents: cents.optional(),
        aggregateDeductibleUsedCents: cents.optional(),
      })
      .default({}),
    buyer: z.strictObject({
      name: text,
      siren: z
        .string()
        .regex(/^\d{9}$/, { error: 'SIREN invalide (attendu 9 chiffres)' })
        .optional(),
      country: z
        .string()
        .regex(/^[A-Z]{2}$/, { error: 'pays invalide (attendu un code ISO à 2 lettres, ex. FR)' })
        .optional(),
    }),
    quotityBp: basisPoints.optional(),
    limitHistory: z.array(limitDecisionSchema).default([]),
    invoices: z.array(invoiceSchema).min(1, { error: 'au moins une facture est requise' }),
    payments: z.array(paymentSchema).default([]),
    recoveries: z.array(recoverySchema).default([]),
    claim: z
      .strictObject({
        dmsFiledOn: isoDate.optional(),
        dicFiledOn: isoDate.optional(),
        lossDate: isoDate.optional(),
      })
      .default({}),
    insolvency: z
      .strictObject({
        kind: z.enum(['sauvegarde', 'redressement', 'liquidation'], {
          error: 'procédure invalide (sauvegarde, redressement ou liquidation)',
        }),
        judgmentDate: isoDate,
        bodaccPublishedOn: isoDate.optional(),
        insurerNotifiedOn: isoDate.optional(),
        claimDeclaredOn: isoDate.optional(),
        claimAdmittedOn: isoDate.optional(),
      })
      .optional(),
  })
  .superRefine((s, ctx) => {
    const numbers = new Set<string>();
    s.invoices.forEach((invoice, i) => {
      if (numbers.has(invoice.number)) {
        ctx.addIssue({
          code: 'custom',
          path: ['invoices', i, 'number'],
          message: 'numéro de facture en double',
        });
      }
      numbers.add(invoice.number);
      if (invoice.amountHtCents > invoice.amountTtcCents) {
        ctx.addIssue({
          code: 'custom',
          path: ['invoices', i, 'amountHtCents'],
          message: 'le montant HT dépasse le montant TTC',
        });
      }
      if (invoice.dueDate < invoice.issueDate) {
        ctx.addIssue({
          code: 'custom',
          path: ['invoices', i, 'dueDate'],
          message: 'échéance antérieure à la date de facture',
        });
      }
    });
    s.payments.forEach((payment, i) => {
      if (payment.invoiceNumber !== undefined && !numbers.has(payment.invoiceNumber)) {
        ctx.addIssue({
          code: 'custom',
          path: ['payments', i, 'invoiceNumber'],
          message: `facture inconnue « ${payment.invoiceNumber} »`,
        });
      }
    });
    if (s.claim.dicFiledOn !== undefined && s.claim.dmsFiledOn === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['claim', 'dicFiledOn'],
        message: 'une DIC suppose une DMS : renseignez aussi claim.dmsFiledOn',
      });
    }
    if (
      s.claim.dicFiledOn !== undefined &&
      s.claim.dmsFiledOn !== undefined &&
      s.claim.dicFiledOn < s.claim.dmsFiledOn
    ) {
      ctx.addIssue({ code: 'custom', path: ['claim', 'dicFiledOn'], message: 'DIC antérieure à la DMS' });
    }
  });

export type ClaimScenarioInput = z.input<typeof claimScenarioSchema>;
export type ClaimScenario = z.output<typeof claimScenarioSchema>;

export type ScenarioIssue = { readonly path: string; readonly message: string };

/** `['invoices', 2, 'dueDate']` → `invoices[2].dueDate`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(racine)' : out;
}

const frenchErrors = z.locales.fr().localeError;

/** Validates unknown JSON as a scenario; every issue names its field path, in French. */
export function parseClaimScenario(
  input: unknown,
):
  | { readonly ok: true; readonly scenario: ClaimScenario }
  | { readonly ok: false; readonly issues: readonly ScenarioIssue[] } {
  const result = claimScenarioSchema.safeParse(input, {
    error: (issue) =>
      issue.code === 'invalid_type' && issue.input === undefined ? REQUIRED_MESSAGE : frenchErrors(issue),
  });
  if (result.success) return { ok: true, scenario: result.data };
  // One line per unknown key, named by its full path: `invoices[0].dueDat : champ inconnu`.
  const issues = result.error.issues.flatMap((issue): ScenarioIssue[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: formatIssuePath([...issue.path, key]), message: 'champ inconnu' }))
      : [{ path: formatIssuePath(issue.path), message: issue.message }],
  );
  return { ok: false, issues };
}

// ------------------------------------------------------------------------------------------ evaluation

export type ScenarioPolicy = InsolvencyPolicy;

/**
 * Why an invoice takes no part in the claim: settled; issued after `asOf`; in dispute; terms beyond the
 * maximum credit terms; or no limit in force at its shipment (refused, cancelled, expired: no fallback).
 */
export type InvoiceExclusion = 'paid' | 'not-issued' | 'disputed' | 'terms-beyond-maximum' | 'no-limit';

type CoverRow = Cover['perInvoice'][number];

export type InvoiceCover = {
  readonly number: string;
  readonly dueDate: IsoDate;
  readonly deliveryDate: IsoDate;
  readonly openTtcCents: Cents;
  /** Open amount on the policy's cover basis (HT by default). */
  readonly openBasisCents: Cents;
  /** Primary + top-up limit in force on the delivery date (cover.ts). */
  readonly limitInForceCents: Cents;
  /** The primary layer in force on the delivery date; `none` when no limit at all is in force then. */
  readonly limitLayer: PrimaryLayer | 'none';
  /** Primary + top-up cover of the open amount. */
  readonly coveredCents: Cents;
  /** Of which the top-up layer (CAP-style complément). */
  readonly topUpCoveredCents: Cents;
  readonly exclusion?: InvoiceExclusion;
};

export type MilestoneCode =
  | 'max-extension-end'
  | 'dms-deadline'
  | 'dic-deadline'
  | 'waiting-period-end'
  | 'insurer-notification'
  | 'claim-declaration'
  | 'indemnity-due';

/**
 * A deadline and where things stand on `asOf`. Filings: `on-time` / `late` (filed after the deadline:
 * forclusion risk), or not filed yet: `pending` / `missed`. Plain dates: `reached` / `upcoming`.
 */
export type MilestoneStatus = 'on-time' | 'late' | 'pending' | 'missed' | 'reached' | 'upcoming';

export type Milestone = {
  readonly code: MilestoneCode;
  readonly date: IsoDate;
  readonly status: MilestoneStatus;
  readonly filedOn?: IsoDate;
  /** Days from asOf to the date (negative once passed). */
  readonly daysFromAsOf: number;
};

export type RecoveryAfterLoss = { readonly date: IsoDate; readonly amountCents: Cents } & RecoverySplit;

export type ClaimScenarioResult = {
  readonly asOf: IsoDate;
  readonly buyerName: string;
  readonly insuredName?: string;
  readonly policy: ScenarioPolicy;
  readonly branch: 'protracted-default' | 'insolvency' | 'nothing-owed';
  /** Earliest due date among the unpaid covered invoices: the claim's deadlines run from it. */
  readonly referenceDueDate?: IsoDate;
  readonly milestones: readonly Milestone[];
  readonly invoices: readonly InvoiceCover[];
  readonly totals: {
    readonly openTtcCents: Cents;
    readonly openBasisCents: Cents;
    readonly coveredOpenCents: Cents;
    readonly applicableLimitCents: Cents;
    readonly uncoveredCents: Cents;
    readonly unappliedPaymentsCents: Cents;
  };
  readonly lossDate?: IsoDate;
  readonly recoveriesBeforeLoss: { readonly ttcCents: Cents; readonly basisCents: Cents };
  /** The whole loss borne (open amount on the cover basis less recoveries before the loss date). */
  readonly lossCents: Cents;
  readonly indemnity: IndemnityBreakdown;
  readonly recoveriesAfterLoss: readonly RecoveryAfterLoss[];
};

/** Zero-padded so that ids sort in the scenario's order (allocation and limit replay break ties by id). */
const ordinal = (prefix: string, index: number): string => `${prefix}-${String(index).padStart(6, '0')}`;

const SCENARIO_BUYER_ID = 'scenario-buyer';

/**
 * The scenario as the documents every other rule consumes. Invoice ids are their numbers (unique, checked by
 * the schema), so payments name their invoice by id; payments and decisions get ids in file order.
 */
export function scenarioLedger(scenario: ClaimScenario, policy: ScenarioPolicy): BuyerLedger {
  const { currency } = policy;
  const buyerId = SCENARIO_BUYER_ID;
  const { buyer, insolvency } = scenario;
  return {
    buyer: {
      id: buyerId,
      name: buyer.name,
      ...(buyer.siren === undefined ? {} : { siren: buyer.siren }),
      ...(buyer.country === undefined ? {} : { country: buyer.country }),
      ...(insolvency === undefined
        ? {}
        : { insolvency: { kind: insolvency.kind, judgmentDate: insolvency.judgmentDate } }),
    },
    invoices: scenario.invoices.map((invoice): Invoice => ({
      id: invoice.number,
      buyerId,
      number: invoice.number,
      issueDate: invoice.issueDate,
      ...(invoice.deliveryDate === undefined ? {} : { deliveryDate: invoice.deliveryDate }),
      dueDate: invoice.dueDate,
      amountHtCents: invoice.amountHtCents,
      amountTtcCents: invoice.amountTtcCents,
      currency,
      ...(invoice.disputed === undefined ? {} : { disputed: invoice.disputed }),
    })),
    creditNotes: [],
    payments: scenario.payments.map((payment, index): Payment => ({
      id: ordinal('payment', index),
      buyerId,
      date: payment.date,
      amountCents: payment.amountCents,
      currency,
      ...(payment.invoiceNumber === undefined ? {} : { invoiceId: payment.invoiceNumber }),
    })),
    limitDecisions: scenario.limitHistory.map(
      ({ requestedCents, endDate, quotityBp, insurerReference, ...decision }, index): LimitDecision => ({
        ...decision,
        id: ordinal('decision', index),
        buyerId,
        currency,
        ...(requestedCents === undefined ? {} : { requestedCents }),
        ...(endDate === undefined ? {} : { endDate }),
        ...(quotityBp === undefined ? {} : { quotityBp }),
        ...(insurerReference === undefined ? {} : { insurerReference }),
      }),
    ),
  };
}

function exclusionOf(row: CoverRow | undefined): InvoiceExclusion | undefined {
  if (row === undefined) return 'paid';
  if (row.uncoveredReason === 'disputed') return 'disputed';
  if (row.uncoveredReason === 'terms-exceeded') return 'terms-beyond-maximum';
  if (row.limitCents === 0) return 'no-limit';
  return undefined;
}

/**
 * The quotité of the claim: the scenario's when it forces one; else the layers that cover the debt
 * (cover.ts `byLayer`), each with its own; with nothing covered, the primary layer's quotité on `asOf`.
 */
function quotityOf(
  scenario: ClaimScenario,
  cover: Cover,
  policy: ScenarioPolicy,
): { readonly quotityBp: BasisPoints; readonly layers?: readonly IndemnityLayer[] } {
  if (scenario.quotityBp !== undefined) return { quotityBp: scenario.quotityBp };
  const layers = cover.byLayer.filter((layer) => layer.coveredCents > 0);
  const primaryNow = cover.byLayer.find((layer) => layer.layer === cover.primaryLayer);
  const quotityBp =
    layers[0]?.quotityBp ??
    primaryNow?.quotityBp ??
    (cover.primaryLayer === 'named' ? policy.namedQuotityBp : policy.unnamedQuotityBp);
  return layers.length > 1 ? { quotityBp, layers } : { quotityBp };
}

function milestone(
  code: MilestoneCode,
  date: IsoDate,
  asOf: IsoDate,
  filing?: { filedOn?: IsoDate },
): Milestone {
  const daysFromAsOf = daysBetween(asOf, date);
  if (filing === undefined)
    return { code, date, status: asOf >= date ? 'reached' : 'upcoming', daysFromAsOf };
  const { filedOn } = filing;
  if (filedOn !== undefined)
    return { code, date, status: filedOn <= date ? 'on-time' : 'late', filedOn, daysFromAsOf };
  return { code, date, status: asOf > date ? 'missed' : 'pending', daysFromAsOf };
}

export function evaluateClaimScenario(scenario: ClaimScenario): ClaimScenarioResult {
  const policy: ScenarioPolicy = { ...DEFAULT_POLICY, ...scenario.policy };
  const { asOf } = scenario;
  // Allocation, exposure and cover are the domain's own (ledger.ts, exposure.ts, cover.ts): the scenario is
  // only turned into a ledger, so a simulated claim and the app's screens can never disagree.
  const ledger = scenarioLedger(scenario, policy);
  const exposure = exposureOf(ledger, policy, asOf);
  const cover = coverAsOf(ledger, policy, asOf, exposure);
  const allocated = new Map(exposure.allocation.invoices.map((item) => [item.invoiceId, item]));
  const covered = new Map(cover.perInvoice.map((row) => [row.invoiceId, row]));

  const invoices: InvoiceCover[] = scenario.invoices.map((inv) => {
    // Not allocated: issued after asOf, so not owed yet. Not in the cover: settled (only open items are).
    const item = allocated.get(inv.number);
    const row = covered.get(inv.number);
    const exclusion = item === undefined ? 'not-issued' : exclusionOf(row);
    return {
      number: inv.number,
      dueDate: inv.dueDate,
      deliveryDate: inv.deliveryDate ?? inv.issueDate,
      openTtcCents: item?.openTtcCents ?? 0,
      openBasisCents: row?.openCents ?? 0,
      limitInForceCents: row?.limitCents ?? 0,
      limitLayer: row === undefined || row.limitCents === 0 ? 'none' : row.limitLayer,
      coveredCents: row?.coveredCents ?? 0,
      topUpCoveredCents: row?.topUpCoveredCents ?? 0,
      ...(exclusion === undefined ? {} : { exclusion }),
    };
  });
  const eligible = invoices.filter((inv) => inv.exclusion === undefined);

  const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
  const openTtcCents = sum(invoices.map((inv) => inv.openTtcCents));
  const openBasisCents = sum(invoices.map((inv) => inv.openBasisCents));
  const coveredOpenCents = sum(eligible.map((inv) => inv.openBasisCents));
  const applicableLimitCents = cover.coveredCents;
  const quotity = quotityOf(scenario, cover, policy);

  const unpaid = (eligible.length > 0 ? eligible : invoices.filter((inv) => inv.openTtcCents > 0)).map(
    (inv) => inv.dueDate,
  );
  const referenceDueDate = unpaid.sort().at(0);

  const milestones: Milestone[] = [];
  let lossDate: IsoDate | undefined = scenario.claim.lossDate;
  let branch: ClaimScenarioResult['branch'] = 'nothing-owed';
  if (scenario.insolvency !== undefined) {
    branch = 'insolvency';
    const ins = scenario.insolvency;
    const d = insolvencyDeadlines(ins.judgmentDate, policy, {
      bodaccPublishedOn: ins.bodaccPublishedOn,
      claimAdmittedOn: ins.claimAdmittedOn,
    });
    milestones.push(
      milestone('insurer-notification', d.insurerNotificationDeadline, asOf, {
        filedOn: ins.insurerNotifiedOn,
      }),
    );
    milestones.push(
      milestone('claim-declaration', d.claimDeclarationDeadline, asOf, { filedOn: ins.claimDeclaredOn }),
    );
    if (d.indemnityDue !== undefined) milestones.push(milestone('indemnity-due', d.indemnityDue, asOf));
    lossDate ??= ins.judgmentDate;
  } else if (referenceDueDate !== undefined) {
    branch = 'protracted-default';
    const d = claimDeadlines(
      {
        dueDate: referenceDueDate,
        dmsFiledOn: scenario.claim.dmsFiledOn,
        dicFiledOn: scenario.claim.dicFiledOn,
      },
      policy,
    );
    milestones.push(milestone('max-extension-end', d.maxExtensionEnd, asOf));
    milestones.push(milestone('dms-deadline', d.dmsDeadline, asOf, { filedOn: scenario.claim.dmsFiledOn }));
    milestones.push(milestone('dic-deadline', d.dicDeadline, asOf, { filedOn: scenario.claim.dicFiledOn }));
    if (d.waitingPeriodEnd !== undefined) {
      milestones.push(milestone('waiting-period-end', d.waitingPeriodEnd, asOf));
      milestones.push(milestone('indemnity-due', d.indemnityDue ?? d.waitingPeriodEnd, asOf));
    }
    lossDate ??= d.waitingPeriodEnd;
  }

  // Recoveries are cash (TTC); on an HT basis they are converted at the debt's own HT/TTC ratio.
  const toBasis = (ttc: Cents): Cents =>
    openTtcCents === 0 ? 0 : mulRatio(ttc, openBasisCents, openTtcCents);
  const recoveries = scenario.recoveries
    .filter((r) => r.date <= asOf)
    .sort((a, b) => a.date.localeCompare(b.date));
  const isBeforeLoss = (date: IsoDate): boolean => lossDate === undefined || date <= lossDate;
  const beforeTtc = Math.min(
    openTtcCents,
    sum(recoveries.filter((r) => isBeforeLoss(r.date)).map((r) => r.amountCents)),
  );
  const beforeBasis = toBasis(beforeTtc);

  const maxLiabilityCents =
    scenario.policyYear.maxLiabilityCents ??
    (scenario.policyYear.annualPremiumCents === undefined
      ? undefined
      : scenario.policyYear.annualPremiumCents * policy.maxLiabilityMultiple);
  const indemnity = computeIndemnity(
    {
      coveredOpenCents,
      recoveriesBeforeLossCents: beforeBasis,
      limitCents: applicableLimitCents,
      unpaidTtcCents: openTtcCents - beforeTtc,
      ...quotity,
      maxLiabilityCents,
      alreadyPaidThisYearCents: scenario.policyYear.alreadyIndemnifiedCents,
      aggregateDeductibleUsedCents: scenario.policyYear.aggregateDeductibleUsedCents,
    },
    policy,
  );
  const lossCents = Math.max(0, openBasisCents - beforeBasis);
  const recoveriesAfterLoss = recoveries
    .filter((r) => !isBeforeLoss(r.date))
    .map((r) => ({
      date: r.date,
      amountCents: r.amountCents,
      ...splitRecoveryAfterIndemnity(r.amountCents, indemnity.indemnityCents, lossCents),
    }));

  return {
    asOf,
    buyerName: scenario.buyer.name,
    ...(scenario.insured === undefined ? {} : { insuredName: scenario.insured.name }),
    policy,
    branch,
    ...(referenceDueDate === undefined ? {} : { referenceDueDate }),
    milestones,
    invoices,
    totals: {
      openTtcCents,
      openBasisCents,
      coveredOpenCents,
      applicableLimitCents,
      uncoveredCents: openBasisCents - applicableLimitCents,
      unappliedPaymentsCents: exposure.allocation.unappliedPaymentCents,
    },
    ...(lossDate === undefined ? {} : { lossDate }),
    recoveriesBeforeLoss: { ttcCents: beforeTtc, basisCents: beforeBasis },
    lossCents,
    indemnity,
    recoveriesAfterLoss,
  };
}
