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
 * Invariants of the evaluation: payments and recoveries dated after `asOf` are ignored; the covered amount is
 * computed by a simple private helper (limit in force on each invoice's delivery date, named layer only), not
 * by the full cover module; per-invoice amounts on the cover basis sum to the totals shown.
 */
import { z } from 'zod';
import { daysBetween, isIsoDate } from './dates';
import { claimDeadlines, insolvencyDeadlines } from './deadlines';
import type { InsolvencyPolicy } from './deadlines';
import { computeIndemnity, mulDivRound, splitRecoveryAfterIndemnity } from './indemnity';
import type { IndemnityBreakdown, RecoverySplit } from './indemnity';
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

export type InvoiceExclusion = 'paid' | 'disputed' | 'terms-beyond-maximum' | 'no-limit';

export type InvoiceCover = {
  readonly number: string;
  readonly dueDate: IsoDate;
  readonly deliveryDate: IsoDate;
  readonly openTtcCents: Cents;
  /** Open amount on the policy's cover basis (HT by default). */
  readonly openBasisCents: Cents;
  readonly limitInForceCents: Cents;
  readonly limitLayer: 'named' | 'unnamed' | 'none';
  readonly coveredCents: Cents;
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

type OpenInvoice = ClaimScenario['invoices'][number] & { openTtcCents: Cents };

/** Payments up to asOf: to the named invoice first, the rest to the oldest open invoice (issue date) first. */
function allocatePayments(scenario: ClaimScenario): { invoices: OpenInvoice[]; unappliedCents: Cents } {
  const invoices: OpenInvoice[] = scenario.invoices.map((inv) => ({
    ...inv,
    openTtcCents: inv.amountTtcCents,
  }));
  const oldestFirst = [...invoices].sort(
    (a, b) =>
      a.issueDate.localeCompare(b.issueDate) ||
      a.dueDate.localeCompare(b.dueDate) ||
      a.number.localeCompare(b.number),
  );
  const payments = scenario.payments
    .filter((p) => p.date <= scenario.asOf)
    .sort((a, b) => a.date.localeCompare(b.date));
  let unappliedCents = 0;
  for (const payment of payments) {
    let left = payment.amountCents;
    const named = invoices.find((inv) => inv.number === payment.invoiceNumber);
    for (const invoice of named === undefined ? oldestFirst : [named, ...oldestFirst]) {
      const applied = Math.min(left, invoice.openTtcCents);
      invoice.openTtcCents -= applied;
      left -= applied;
    }
    unappliedCents += left;
  }
  return { invoices, unappliedCents };
}

type LimitInForce = {
  readonly cents: Cents;
  readonly layer: 'named' | 'unnamed' | 'none';
  readonly quotityBp?: BasisPoints;
};

/**
 * Private, simplified cover rule (the full one lives in cover.ts): the named-layer decision in force on the
 * delivery date is the latest one effective on or before it (requests are not decisions); refused, cancelled,
 * expired, or a temporary limit past its end date, give 0 and do NOT fall back to the unnamed threshold. A
 * buyer with no named decision in force yet is covered up to the unnamed threshold.
 */
function limitInForce(scenario: ClaimScenario, policy: ScenarioPolicy, date: IsoDate): LimitInForce {
  const decisions = scenario.limitHistory
    .map((decision, index) => ({ decision, index }))
    .filter(
      ({ decision }) =>
        decision.layer === 'named' && decision.kind !== 'requested' && decision.effectiveDate <= date,
    )
    .sort(
      (a, b) =>
        a.decision.effectiveDate.localeCompare(b.decision.effectiveDate) ||
        a.decision.decisionDate.localeCompare(b.decision.decisionDate) ||
        a.index - b.index,
    );
  const latest = decisions.at(-1)?.decision;
  if (latest === undefined) return { cents: policy.unnamedThresholdCents, layer: 'unnamed' };
  const isVoid =
    latest.kind === 'refused' ||
    latest.kind === 'cancelled' ||
    latest.kind === 'expired' ||
    (latest.endDate !== undefined && latest.endDate < date);
  if (isVoid) return { cents: 0, layer: 'none' };
  return { cents: latest.amountCents, layer: 'named', quotityBp: latest.quotityBp };
}

/** The open amount on the cover basis: HT in proportion to what is left of the TTC amount. */
function openOnBasis(inv: OpenInvoice, policy: ScenarioPolicy): Cents {
  if (policy.coverBasis === 'TTC') return inv.openTtcCents;
  if (inv.amountTtcCents === 0) return 0;
  return mulDivRound(inv.amountHtCents, inv.openTtcCents, inv.amountTtcCents);
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
  const { invoices: open, unappliedCents } = allocatePayments(scenario);
  const isExport = scenario.buyer.country !== undefined && scenario.buyer.country !== 'FR';
  const maxTerms = isExport ? policy.maxCreditTermsExportDays : policy.maxCreditTermsDays;

  const rows = open.map((inv) => {
    const deliveryDate = inv.deliveryDate ?? inv.issueDate;
    const openBasisCents = openOnBasis(inv, policy);
    const limit = limitInForce(scenario, policy, deliveryDate);
    const exclusion: InvoiceExclusion | undefined =
      inv.openTtcCents === 0
        ? 'paid'
        : inv.disputed === true
          ? 'disputed'
          : daysBetween(inv.issueDate, inv.dueDate) > maxTerms
            ? 'terms-beyond-maximum'
            : limit.cents === 0
              ? 'no-limit'
              : undefined;
    return { inv, deliveryDate, openBasisCents, limit, exclusion };
  });

  // Earlier shipments take the limit first; later ones only get the headroom left under their own limit.
  const eligible = rows
    .filter((r) => r.exclusion === undefined)
    .sort(
      (a, b) =>
        a.deliveryDate.localeCompare(b.deliveryDate) || a.inv.issueDate.localeCompare(b.inv.issueDate),
    );
  const coveredByNumber = new Map<string, Cents>();
  let applicableLimitCents = 0;
  for (const row of eligible) {
    const covered = Math.max(0, Math.min(row.openBasisCents, row.limit.cents - applicableLimitCents));
    coveredByNumber.set(row.inv.number, covered);
    applicableLimitCents += covered;
  }

  const invoices: InvoiceCover[] = rows.map((r) => ({
    number: r.inv.number,
    dueDate: r.inv.dueDate,
    deliveryDate: r.deliveryDate,
    openTtcCents: r.inv.openTtcCents,
    openBasisCents: r.openBasisCents,
    limitInForceCents: r.limit.cents,
    limitLayer: r.limit.layer,
    coveredCents: coveredByNumber.get(r.inv.number) ?? 0,
    ...(r.exclusion === undefined ? {} : { exclusion: r.exclusion }),
  }));

  const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
  const openTtcCents = sum(rows.map((r) => r.inv.openTtcCents));
  const openBasisCents = sum(rows.map((r) => r.openBasisCents));
  const coveredOpenCents = sum(eligible.map((r) => r.openBasisCents));

  // Quotité: the scenario's, else the named layer's when a named limit covers part of the debt, else unnamed.
  const namedCovering = eligible.filter(
    (r) => r.limit.layer === 'named' && (coveredByNumber.get(r.inv.number) ?? 0) > 0,
  );
  const namedQuotityBp = namedCovering.at(-1)?.limit.quotityBp ?? policy.namedQuotityBp;
  const isUnnamedOnly = namedCovering.length === 0 && eligible.some((r) => r.limit.layer === 'unnamed');
  const quotityBp = scenario.quotityBp ?? (isUnnamedOnly ? policy.unnamedQuotityBp : namedQuotityBp);

  const unpaid = (eligible.length > 0 ? eligible : rows.filter((r) => r.exclusion !== 'paid')).map(
    (r) => r.inv.dueDate,
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
    openTtcCents === 0 ? 0 : mulDivRound(ttc, openBasisCents, openTtcCents);
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
      quotityBp,
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
      unappliedPaymentsCents: unappliedCents,
    },
    ...(lossDate === undefined ? {} : { lossDate }),
    recoveriesBeforeLoss: { ttcCents: beforeTtc, basisCents: beforeBasis },
    lossCents,
    indemnity,
    recoveriesAfterLoss,
  };
}
