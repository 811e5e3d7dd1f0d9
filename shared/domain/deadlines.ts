/**
 * Claim deadlines of domain.md §4 (example 3), computed from a due date and the policy:
 * due date → end of the maximum extension period (stop shipments) → DMS deadline → DIC deadline →
 * end of the waiting period (indemnity due). Missing the DMS or DIC deadline can void the cover (forclusion).
 *
 * Insolvency branch: once a buyer is in insolvency proceedings there is no extension to wait for; the claim
 * is declared at once and the indemnity follows the admission of the claim, not a waiting period.
 */
import { addDays, addMonths } from './dates';
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

/** Default period to declare the claim to the court's mandataire, counted from the judgment (see below). */
export const DEFAULT_INSOLVENCY_DECLARATION_DAYS = 60;

/**
 * A policy that may carry its own period for the déclaration de créance. The field is optional so any `Policy`
 * is accepted; it lives here rather than in `policy.ts` because only the insolvency branch uses it.
 */
export type InsolvencyPolicy = Policy & {
  /** Days from the judgment to declare the claim to the mandataire judiciaire (default 60). */
  readonly insolvencyDeclarationDays?: number;
};

export type InsolvencyDeadlineOptions = {
  /**
   * Publication of the judgment in the BODACC. The law (Code de commerce R622-24) gives two months from the
   * publication; when it is known, the deadline is publication + 2 calendar months.
   */
  readonly bodaccPublishedOn?: IsoDate;
  /** Admission of the claim by the court (admission de la créance): the indemnity becomes due that day. */
  readonly claimAdmittedOn?: IsoDate;
};

export type InsolvencyDeadlines = {
  readonly judgmentDate: IsoDate;
  /** Tell the insurer at once: the judgment date itself. */
  readonly insurerNotificationDeadline: IsoDate;
  /** Last day to declare the claim (déclaration de créance) to the court's mandataire. */
  readonly claimDeclarationDeadline: IsoDate;
  /** How the declaration deadline was obtained, so the UI can say it. */
  readonly declarationDeadlineBasis: 'bodacc-publication' | 'judgment';
  /** No waiting period in insolvency: the indemnity is due on admission of the claim, when known. */
  readonly indemnityDue?: IsoDate;
};

/**
 * Insolvency branch (procédure collective): notify the insurer the same day, declare the claim to the
 * mandataire within the legal period, and expect the indemnity on admission of the claim (no délai de carence).
 *
 * The legal clock starts at the BODACC publication, which comes some days after the judgment and is often not
 * known yet; counting `insolvencyDeclarationDays` (default 60) from the judgment instead is therefore never later
 * than the legal deadline as long as the publication follows the judgment, which is the safe side for forclusion.
 */
export function insolvencyDeadlines(
  judgmentDate: IsoDate,
  policy: InsolvencyPolicy,
  options: InsolvencyDeadlineOptions = {},
): InsolvencyDeadlines {
  const fromPublication = options.bodaccPublishedOn !== undefined;
  const claimDeclarationDeadline =
    options.bodaccPublishedOn !== undefined
      ? addMonths(options.bodaccPublishedOn, 2)
      : addDays(judgmentDate, policy.insolvencyDeclarationDays ?? DEFAULT_INSOLVENCY_DECLARATION_DAYS);
  const base = {
    judgmentDate,
    insurerNotificationDeadline: judgmentDate,
    claimDeclarationDeadline,
    declarationDeadlineBasis: fromPublication ? 'bodacc-publication' : 'judgment',
  } satisfies InsolvencyDeadlines;
  if (options.claimAdmittedOn === undefined) return base;
  return { ...base, indemnityDue: options.claimAdmittedOn };
}
