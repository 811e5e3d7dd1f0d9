/**
 * What the claims screens show, as plain data: the board column of each status, the next deadline of a claim
 * with its countdown, and why an event of the workflow is not possible now (a code the screen words). The
 * rules themselves are the domain's (`allowedEvents`, `claimDeadlines`); this only chooses what to say.
 */
import type { ClaimRow } from '../../../shared/commands/entities';
import { allowedEvents, isTerminal } from '../../../shared/domain/claims';
import type { Claim, ClaimEventType, ClaimStatus } from '../../../shared/domain/claims';
import { daysBetween } from '../../../shared/domain/dates';
import { claimDeadlines } from '../../../shared/domain/deadlines';
import type { ClaimDeadlines } from '../../../shared/domain/deadlines';
import type { Policy } from '../../../shared/domain/policy';
import type { IsoDate } from '../../../shared/domain/types';

export const BOARD_COLUMNS = ['unpaid', 'dms', 'collection', 'settled', 'closed'] as const;
export type BoardColumn = (typeof BOARD_COLUMNS)[number];

export function columnOf(status: ClaimStatus): BoardColumn {
  switch (status) {
    case 'open':
    case 'reminded':
      return 'unpaid';
    case 'dms-filed':
      return 'dms';
    case 'dic-filed':
    case 'waiting-period':
    case 'insolvency-declared':
    case 'disputed':
      return 'collection';
    case 'indemnified':
    case 'rejected':
    case 'recovering':
      return 'settled';
    case 'paid-in-full':
    case 'closed':
      return 'closed';
  }
}

export type DeadlineKind = 'dms' | 'dic' | 'waiting-period-end';

export type NextDeadline = {
  readonly kind: DeadlineKind;
  readonly date: IsoDate;
  /** Days from today to the date: negative once passed. */
  readonly days: number;
};

export function deadlinesOf(
  claim: Pick<Claim, 'dueDate' | 'dmsFiledOn' | 'dicFiledOn'>,
  policy: Policy,
): ClaimDeadlines {
  return claimDeadlines(
    { dueDate: claim.dueDate, dmsFiledOn: claim.dmsFiledOn, dicFiledOn: claim.dicFiledOn },
    policy,
  );
}

/** The deadline the claim is waiting for at its stage; none once the DIC waiting period is over or settled. */
export function nextDeadlineOf(claim: Claim, policy: Policy, today: IsoDate): NextDeadline | null {
  const deadlines = deadlinesOf(claim, policy);
  const at = (kind: DeadlineKind, date: IsoDate): NextDeadline => ({
    kind,
    date,
    days: daysBetween(today, date),
  });
  switch (claim.status) {
    case 'open':
    case 'reminded':
      return at('dms', deadlines.dmsDeadline);
    case 'dms-filed':
      return at('dic', deadlines.dicDeadline);
    case 'dic-filed':
    case 'waiting-period':
      return deadlines.waitingPeriodEnd === undefined
        ? null
        : at('waiting-period-end', deadlines.waitingPeriodEnd);
    default:
      return null;
  }
}

/** Why an event is not offered now: one code per sentence the screen shows. */
export type DisabledReason =
  | 'closed'
  | 'frozen'
  | 'dms-first'
  | 'dic-first'
  | 'waiting-period-first'
  | 'admission-first'
  | 'insolvency-first'
  | 'no-dispute'
  | 'already-done'
  | 'settle-first'
  | 'already-settled';

/** `null` when the event is allowed now (the domain's `allowedEvents`). */
export function disabledReasonOf(claim: Claim, type: ClaimEventType): DisabledReason | null {
  if (allowedEvents(claim).includes(type)) return null;
  if (isTerminal(claim.status)) return 'closed';
  if (claim.status === 'disputed') return 'frozen';
  const settled =
    claim.status === 'indemnified' || claim.status === 'rejected' || claim.status === 'recovering';
  switch (type) {
    case 'dms-filed':
      return 'already-done';
    case 'dic-filed':
      return claim.dmsFiledOn === undefined ? 'dms-first' : 'already-done';
    case 'waiting-period-started':
      if (claim.dmsFiledOn === undefined) return 'dms-first';
      return claim.dicFiledOn === undefined ? 'dic-first' : 'already-done';
    case 'indemnity-paid':
    case 'claim-rejected':
      if (settled) return 'already-settled';
      if (claim.status === 'insolvency-declared') return 'admission-first';
      if (claim.dmsFiledOn === undefined) return 'dms-first';
      return claim.dicFiledOn === undefined ? 'dic-first' : 'waiting-period-first';
    case 'claim-admitted':
      return claim.status === 'insolvency-declared' ? 'already-done' : 'insolvency-first';
    case 'dispute-resolved':
      return 'no-dispute';
    case 'closed':
      return 'settle-first';
    case 'recovery-received':
      return claim.dmsFiledOn === undefined ? 'dms-first' : 'dic-first';
    case 'reminder-sent':
    case 'paid-in-full':
    case 'insolvency-declared':
    case 'dispute-opened':
      return settled ? 'already-settled' : 'already-done';
  }
}

/** Events that carry an amount (indemnity received, recovery). */
export function needsAmount(type: ClaimEventType): boolean {
  return type === 'indemnity-paid' || type === 'recovery-received';
}

/** A claim row sorted for the list: the nearest deadline first, claims without one last. */
export function compareByUrgency(
  a: { readonly row: ClaimRow; readonly next: NextDeadline | null },
  b: { readonly row: ClaimRow; readonly next: NextDeadline | null },
): number {
  if (a.next !== null && b.next !== null) return a.next.date.localeCompare(b.next.date);
  if (a.next !== null) return -1;
  if (b.next !== null) return 1;
  return b.row.openedOn.localeCompare(a.row.openedOn);
}
