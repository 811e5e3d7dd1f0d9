/**
 * The claim workflow of domain.md §4 as a state machine over plain data.
 *
 *   open → reminded → dms-filed → dic-filed → waiting-period → indemnified | rejected → recovering → closed
 *   side branches: paid-in-full (terminal) from any pre-settlement state; insolvency-declared (indemnity only
 *   after claim-admitted, no waiting period); disputed (frozen until dispute-resolved, which resumes the state
 *   the claim was in).
 *
 * Invariants: a claim is never mutated, `applyClaimEvent` returns a new one; every accepted event is appended
 * to `timeline` with its date, author and the states before and after; events are accepted in date order
 * only (same day allowed); nothing is accepted on a terminal claim; the indemnity paid never exceeds the
 * computed maximum, itself never above quotité × the outstanding loss.
 *
 * Late filings: a DMS or DIC filed after its deadline is ACCEPTED and flagged `isLate: true` on the timeline
 * entry and on the claim (`isDmsLate`, `isDicLate`). Refusing it would make the record false (the filing did
 * happen) and forclusion is the insurer's decision, which it sometimes waives; the flag drives a forclusion-risk
 * alert instead.
 */
import { isIsoDate } from './dates';
import { claimDeadlines } from './deadlines';
import { splitRecoveryAfterIndemnity } from './indemnity';
import type { RecoverySplit } from './indemnity';
import { applyBp } from './money';
import type { Policy } from './policy';
import type { Cents, IsoDate } from './types';

export const CLAIM_STATUSES = [
  'open',
  'reminded',
  'dms-filed',
  'dic-filed',
  'waiting-period',
  'insolvency-declared',
  'disputed',
  'indemnified',
  'rejected',
  'recovering',
  'paid-in-full',
  'closed',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_EVENT_TYPES = [
  'reminder-sent',
  'dms-filed',
  'dic-filed',
  'waiting-period-started',
  'indemnity-paid',
  'claim-rejected',
  'recovery-received',
  'paid-in-full',
  'insolvency-declared',
  'claim-admitted',
  'dispute-opened',
  'dispute-resolved',
  'closed',
] as const;
export type ClaimEventType = (typeof CLAIM_EVENT_TYPES)[number];

/** What happened, when, and who recorded it. Amounts: indemnity paid, recovery received (required there). */
export type ClaimEvent = {
  readonly type: ClaimEventType;
  readonly date: IsoDate;
  /** User id or name: every transition is attributed. */
  readonly by: string;
  readonly amountCents?: Cents;
  readonly note?: string;
};

export type ClaimTimelineEntry = ClaimEvent & {
  readonly from: ClaimStatus;
  readonly to: ClaimStatus;
  /** DMS / DIC filed after its deadline (forclusion risk). */
  readonly isLate?: boolean;
  /** The deadline the filing was checked against. */
  readonly deadline?: IsoDate;
  /** For a recovery after settlement: the insurer's and the insured's shares. */
  readonly recoverySplit?: RecoverySplit;
};

export type Claim = {
  readonly id: string;
  readonly buyerId: string;
  /** Due date of the unpaid invoice the deadlines run from (the earliest unpaid one). */
  readonly dueDate: IsoDate;
  readonly openedOn: IsoDate;
  readonly openedBy: string;
  /** The debt when the claim was opened, on the policy's cover basis. */
  readonly openAmountCents: Cents;
  /** Computed maximum indemnity (from `computeIndemnity`); quotité × outstanding loss when absent. */
  readonly maxIndemnityCents?: Cents;
  readonly status: ClaimStatus;
  /** While disputed: the state to resume when the dispute is resolved. */
  readonly resumeStatus?: ClaimStatus;
  readonly dmsFiledOn?: IsoDate;
  readonly dicFiledOn?: IsoDate;
  readonly insolvencyDeclaredOn?: IsoDate;
  readonly admittedOn?: IsoDate;
  readonly isDmsLate: boolean;
  readonly isDicLate: boolean;
  /** Recovered before settlement: goes to the insured and reduces the claim. */
  readonly recoveredBeforeSettlementCents: Cents;
  readonly indemnityPaidCents: Cents;
  /** Recovered after settlement, shared in proportion to the loss borne. */
  readonly recoveredAfterSettlementCents: Cents;
  readonly insurerShareOfRecoveriesCents: Cents;
  readonly timeline: readonly ClaimTimelineEntry[];
};

export type OpenClaimInput = {
  readonly id: string;
  readonly buyerId: string;
  readonly dueDate: IsoDate;
  readonly openedOn: IsoDate;
  readonly openedBy: string;
  readonly openAmountCents: Cents;
  readonly maxIndemnityCents?: Cents;
};

export function openClaim(input: OpenClaimInput): Claim {
  return {
    ...input,
    status: 'open',
    isDmsLate: false,
    isDicLate: false,
    recoveredBeforeSettlementCents: 0,
    indemnityPaidCents: 0,
    recoveredAfterSettlementCents: 0,
    insurerShareOfRecoveriesCents: 0,
    timeline: [],
  };
}

export type ClaimRefusalCode =
  | 'claim-closed'
  | 'claim-frozen'
  | 'missing-author'
  | 'invalid-date'
  | 'date-before-previous'
  | 'dms-required'
  | 'admission-required'
  | 'already-admitted'
  | 'event-not-allowed'
  | 'amount-required'
  | 'indemnity-above-maximum'
  | 'recovery-above-outstanding';

export type ClaimRefusal = {
  readonly code: ClaimRefusalCode;
  readonly message: { readonly fr: string; readonly en: string };
};

export type ClaimEventResult =
  { readonly ok: true; readonly claim: Claim } | { readonly ok: false; readonly reason: ClaimRefusal };

const TERMINAL: ReadonlySet<ClaimStatus> = new Set(['paid-in-full', 'closed']);
const SETTLED: ReadonlySet<ClaimStatus> = new Set(['indemnified', 'rejected', 'recovering']);

export function isTerminal(status: ClaimStatus): boolean {
  return TERMINAL.has(status);
}

/** The events the UI may offer for this claim now (state only; amounts and dates are checked on apply). */
export function allowedEvents(claim: Claim): readonly ClaimEventType[] {
  const preSettlementExits: readonly ClaimEventType[] = [
    'paid-in-full',
    'insolvency-declared',
    'dispute-opened',
  ];
  switch (claim.status) {
    case 'open':
    case 'reminded':
      return ['reminder-sent', 'dms-filed', ...preSettlementExits];
    case 'dms-filed':
      return ['reminder-sent', 'dic-filed', ...preSettlementExits];
    case 'dic-filed':
      return ['waiting-period-started', 'recovery-received', ...preSettlementExits];
    case 'waiting-period':
      return ['indemnity-paid', 'claim-rejected', 'recovery-received', ...preSettlementExits];
    case 'insolvency-declared':
      return claim.admittedOn === undefined
        ? ['claim-admitted', 'claim-rejected', 'recovery-received', 'paid-in-full', 'dispute-opened']
        : ['indemnity-paid', 'claim-rejected', 'recovery-received', 'paid-in-full'];
    case 'disputed':
      return ['dispute-resolved'];
    case 'indemnified':
    case 'rejected':
    case 'recovering':
      return ['recovery-received', 'closed'];
    case 'paid-in-full':
    case 'closed':
      return [];
  }
}

function formatEuros(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100).toString();
  return `${sign}${euros},${(abs % 100).toString().padStart(2, '0')} €`;
}

function refuse(code: ClaimRefusalCode, fr: string, en: string): ClaimEventResult {
  return { ok: false, reason: { code, message: { fr, en } } };
}

/** Loss still borne on this claim: the debt less what was recovered before settlement. */
export function outstandingLossCents(claim: Claim): Cents {
  return claim.openAmountCents - claim.recoveredBeforeSettlementCents;
}

/**
 * The most the insurer may pay on this claim: the computed maximum when given, and never more than the best
 * quotité a policy grants (named or unnamed) on the outstanding loss.
 */
export function maximumIndemnityCents(claim: Claim, policy: Policy): Cents {
  const quotityBp = Math.max(policy.namedQuotityBp, policy.unnamedQuotityBp);
  const bound = applyBp(outstandingLossCents(claim), quotityBp);
  return claim.maxIndemnityCents === undefined ? bound : Math.min(claim.maxIndemnityCents, bound);
}

function lastEventDate(claim: Claim): IsoDate {
  return claim.timeline.at(-1)?.date ?? claim.openedOn;
}

function needsAmount(type: ClaimEventType): boolean {
  return type === 'indemnity-paid' || type === 'recovery-received';
}

function nextStatus(claim: Claim, type: ClaimEventType): ClaimStatus {
  switch (type) {
    case 'reminder-sent':
      return claim.status === 'open' ? 'reminded' : claim.status;
    case 'dms-filed':
      return 'dms-filed';
    case 'dic-filed':
      return 'dic-filed';
    case 'waiting-period-started':
      return 'waiting-period';
    case 'indemnity-paid':
      return 'indemnified';
    case 'claim-rejected':
      return 'rejected';
    case 'recovery-received':
      return SETTLED.has(claim.status) ? 'recovering' : claim.status;
    case 'paid-in-full':
      return 'paid-in-full';
    case 'insolvency-declared':
      return 'insolvency-declared';
    case 'claim-admitted':
      return 'insolvency-declared';
    case 'dispute-opened':
      return 'disputed';
    case 'dispute-resolved':
      return claim.resumeStatus ?? 'open';
    case 'closed':
      return 'closed';
  }
}

/**
 * Applies one event to a claim, or refuses it with a coded reason (French and English). Guards, in order:
 * terminal claim, author, date validity and order, frozen while disputed, DIC before DMS, indemnity before
 * admission (insolvency), the state's allowed events, amounts (present, within the maximum / outstanding).
 */
export function applyClaimEvent(claim: Claim, event: ClaimEvent, policy: Policy): ClaimEventResult {
  if (isTerminal(claim.status)) {
    return refuse(
      'claim-closed',
      'Ce dossier est clos : aucun événement ne peut plus y être ajouté.',
      'This claim is closed: no event can be added to it.',
    );
  }
  if (event.by.trim() === '') {
    return refuse('missing-author', 'Indiquez qui enregistre cet événement.', 'Say who records this event.');
  }
  if (!isIsoDate(event.date)) {
    return refuse(
      'invalid-date',
      `Date invalide « ${event.date} » (attendu AAAA-MM-JJ).`,
      `Invalid date "${event.date}" (expected YYYY-MM-DD).`,
    );
  }
  const previous = lastEventDate(claim);
  if (event.date < previous) {
    return refuse(
      'date-before-previous',
      `L'événement est daté du ${event.date}, avant le dernier événement du dossier (${previous}). Vérifiez la date.`,
      `The event is dated ${event.date}, before the claim's last event (${previous}). Check the date.`,
    );
  }
  if (claim.status === 'disputed' && event.type !== 'dispute-resolved') {
    return refuse(
      'claim-frozen',
      'Le dossier est gelé pendant le litige : enregistrez d’abord la fin du litige.',
      'The claim is frozen during the dispute: record the end of the dispute first.',
    );
  }
  if (event.type === 'dic-filed' && (claim.status === 'open' || claim.status === 'reminded')) {
    return refuse(
      'dms-required',
      'La demande d’intervention contentieuse (DIC) suppose une déclaration de menace de sinistre (DMS) : déclarez d’abord la DMS.',
      'A collection request (DIC) requires an overdue notification (DMS): file the DMS first.',
    );
  }
  if (claim.status === 'insolvency-declared') {
    if (event.type === 'indemnity-paid' && claim.admittedOn === undefined) {
      return refuse(
        'admission-required',
        'En procédure collective, l’indemnité suit l’admission de la créance : enregistrez d’abord l’admission.',
        'In insolvency proceedings the indemnity follows the admission of the claim: record the admission first.',
      );
    }
    if (event.type === 'claim-admitted' && claim.admittedOn !== undefined) {
      return refuse(
        'already-admitted',
        `La créance a déjà été admise le ${claim.admittedOn}.`,
        `The claim was already admitted on ${claim.admittedOn}.`,
      );
    }
  }
  if (!allowedEvents(claim).includes(event.type)) {
    return refuse(
      'event-not-allowed',
      `L'événement « ${event.type} » n'est pas possible à l'étape « ${claim.status} ».`,
      `The event "${event.type}" is not possible at the "${claim.status}" stage.`,
    );
  }
  const amount = event.amountCents;
  if (needsAmount(event.type) && (amount === undefined || !Number.isSafeInteger(amount) || amount <= 0)) {
    return refuse(
      'amount-required',
      'Indiquez un montant positif en centimes.',
      'Give a positive amount in cents.',
    );
  }

  let updated: Claim = claim;
  let entryExtras: Pick<ClaimTimelineEntry, 'isLate' | 'deadline' | 'recoverySplit'> = {};
  const received = amount ?? 0;

  switch (event.type) {
    case 'dms-filed': {
      const deadline = claimDeadlines({ dueDate: claim.dueDate }, policy).dmsDeadline;
      const isLate = event.date > deadline;
      updated = { ...claim, dmsFiledOn: event.date, isDmsLate: isLate };
      entryExtras = { isLate, deadline };
      break;
    }
    case 'dic-filed': {
      const deadline = claimDeadlines(
        { dueDate: claim.dueDate, dmsFiledOn: claim.dmsFiledOn },
        policy,
      ).dicDeadline;
      const isLate = event.date > deadline;
      updated = { ...claim, dicFiledOn: event.date, isDicLate: isLate };
      entryExtras = { isLate, deadline };
      break;
    }
    case 'indemnity-paid': {
      const maximum = maximumIndemnityCents(claim, policy);
      if (received > maximum) {
        return refuse(
          'indemnity-above-maximum',
          `L'indemnité saisie (${formatEuros(received)}) dépasse le maximum calculé (${formatEuros(maximum)}). Vérifiez le montant.`,
          `The indemnity entered (${formatEuros(received)}) exceeds the computed maximum (${formatEuros(maximum)}). Check the amount.`,
        );
      }
      updated = { ...claim, indemnityPaidCents: received };
      break;
    }
    case 'recovery-received': {
      if (SETTLED.has(claim.status)) {
        const loss = outstandingLossCents(claim);
        const left = loss - claim.recoveredAfterSettlementCents;
        if (received > left) {
          return refuse(
            'recovery-above-outstanding',
            `Le recouvrement (${formatEuros(received)}) dépasse la perte restante (${formatEuros(left)}).`,
            `The recovery (${formatEuros(received)}) exceeds the remaining loss (${formatEuros(left)}).`,
          );
        }
        const split = splitRecoveryAfterIndemnity(received, claim.indemnityPaidCents, loss);
        updated = {
          ...claim,
          recoveredAfterSettlementCents: claim.recoveredAfterSettlementCents + received,
          insurerShareOfRecoveriesCents: claim.insurerShareOfRecoveriesCents + split.insurerCents,
        };
        entryExtras = { recoverySplit: split };
      } else {
        const left = outstandingLossCents(claim);
        if (received > left) {
          return refuse(
            'recovery-above-outstanding',
            `Le recouvrement (${formatEuros(received)}) dépasse le montant restant dû (${formatEuros(left)}).`,
            `The recovery (${formatEuros(received)}) exceeds the amount still owed (${formatEuros(left)}).`,
          );
        }
        // Before settlement the recovery belongs to the insured and reduces the claim.
        updated = {
          ...claim,
          recoveredBeforeSettlementCents: claim.recoveredBeforeSettlementCents + received,
        };
      }
      break;
    }
    case 'insolvency-declared':
      updated = { ...claim, insolvencyDeclaredOn: event.date };
      break;
    case 'claim-admitted':
      updated = { ...claim, admittedOn: event.date };
      break;
    case 'dispute-opened':
      updated = { ...claim, resumeStatus: claim.status };
      break;
    case 'reminder-sent':
    case 'waiting-period-started':
    case 'claim-rejected':
    case 'paid-in-full':
    case 'dispute-resolved':
    case 'closed':
      break;
  }

  const to = nextStatus(claim, event.type);
  const { resumeStatus: _resume, ...withoutResume } = updated;
  const base: Claim = event.type === 'dispute-resolved' ? withoutResume : updated;
  const entry: ClaimTimelineEntry = { ...event, from: claim.status, to, ...entryExtras };
  return { ok: true, claim: { ...base, status: to, timeline: [...claim.timeline, entry] } };
}

/** Applies events in order; stops at the first refusal, reporting its index. */
export function applyClaimEvents(
  claim: Claim,
  events: readonly ClaimEvent[],
  policy: Policy,
):
  | { readonly ok: true; readonly claim: Claim }
  | { readonly ok: false; readonly index: number; readonly reason: ClaimRefusal } {
  let current = claim;
  for (const [index, event] of events.entries()) {
    const result = applyClaimEvent(current, event, policy);
    if (!result.ok) return { ok: false, index, reason: result.reason };
    current = result.claim;
  }
  return { ok: true, claim: current };
}
