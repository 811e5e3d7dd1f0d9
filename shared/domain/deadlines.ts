/**
 * Claim deadlines of domain.md §4 (example 3), computed from a due date and the policy:
 * due date → end of the maximum extension period (stop shipments) → DMS deadline → DIC deadline →
 * end of the waiting period (indemnity due). Missing the DMS or DIC deadline can void the cover (forclusion).
 *
 * Insolvency branch: once a buyer is in insolvency proceedings there is no extension to wait for; the claim
 * is declared at once and the indemnity follows the admission of the claim, not a waiting period.
 */
import { addDays } from './dates';
import type { Policy } from './policy';
import type { IsoDate } from './types';

export type ClaimDeadlines = {
  /** Fin du délai maximum de prorogation: stop shipments to this buyer from this date. */
  readonly maxExtensionEnd: IsoDate;
  /** Last day to file the overdue notification (DMS). */
  readonly dmsDeadline: IsoDate;
  /** Last day to file the collection request (DIC): counted from the DMS actually filed, else its deadline. */
  readonly dicDeadline: IsoDate;
  /** End of the waiting period, when the DIC has been filed. */
  readonly waitingPeriodEnd?: IsoDate;
  /** When the indemnity is due: end of the waiting period (protracted default). */
  readonly indemnityDue?: IsoDate;
};

export type DeadlineInput = {
  readonly dueDate: IsoDate;
  readonly dmsFiledOn?: IsoDate;
  readonly dicFiledOn?: IsoDate;
};

export function claimDeadlines(input: DeadlineInput, policy: Policy): ClaimDeadlines {
  const maxExtensionEnd = addDays(input.dueDate, policy.maxExtensionDays);
  const dmsDeadline = addDays(maxExtensionEnd, policy.dmsDeadlineDays);
  const dicDeadline = addDays(input.dmsFiledOn ?? dmsDeadline, policy.dicDeadlineDays);
  if (input.dicFiledOn === undefined) return { maxExtensionEnd, dmsDeadline, dicDeadline };
  const waitingPeriodEnd = addDays(input.dicFiledOn, policy.waitingPeriodDays);
  return { maxExtensionEnd, dmsDeadline, dicDeadline, waitingPeriodEnd, indemnityDue: waitingPeriodEnd };
}
