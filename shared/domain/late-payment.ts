/**
 * Late-payment penalties between businesses (Code de commerce L441-10 II, D441-5; domain.md §4, example 6).
 *
 * - Rate: unless the contract says otherwise, the ECB main refinancing rate + 10 points. The ECB rate is the one
 *   in force on 1 January (first half-year) or 1 July (second half-year), so the rate is fixed per half-year.
 *   A contractual rate may replace it but "ne peut toutefois fixer un taux inférieur à trois fois le taux
 *   d'intérêt légal": the 3× legal-rate floor bounds an agreed rate; it does not raise the default ECB + 10
 *   (2024-H1: ECB 4.50 % → 14.50 % even though 3 × 5.07 % = 15.21 %). domain.md words the floor as applying
 *   always; this module follows the statute, and says which rule produced each rate (`source`).
 * - Simplification: the whole delay uses the rate of the half-year in which the invoice fell due.
 * - Penalty = amount TTC × rate × days late ÷ 365, computed exactly and rounded once (money.ts rule). Days late
 *   run from the day after the due date to the payment date (or `asOf` while unpaid).
 * - Plus a flat recovery indemnity (indemnité forfaitaire pour frais de recouvrement, D441-5) of 40 € per late
 *   invoice, a parameter like every other amount.
 */
import { daysBetween } from './dates';
import { mulRatio } from './money';
import type { BasisPoints, Cents, IsoDate, LocalizedText } from './types';

/** A calendar half-year, "2025-H2". */
export type HalfYear = `${number}-H1` | `${number}-H2`;

export type ReferenceRateRow = {
  readonly halfYear: HalfYear;
  /** ECB main refinancing operations rate in force on the first day of the half-year. */
  readonly ecbRateBp: BasisPoints;
  /** Taux de l'intérêt légal for a creditor who is not a private person ("autres cas"); bounds agreed rates. */
  readonly legalRateBp?: BasisPoints;
};

/**
 * Reference rates, TO BE CHECKED AGAINST THE PUBLISHED RATES (ECB press releases; the arrêté fixing the taux de
 * l'intérêt légal each half-year). The user can override or extend them (`mergeReferenceRates`).
 */
export const REFERENCE_RATES: readonly ReferenceRateRow[] = [
  { halfYear: '2024-H1', ecbRateBp: 450, legalRateBp: 507 },
  { halfYear: '2024-H2', ecbRateBp: 425, legalRateBp: 492 },
  { halfYear: '2025-H1', ecbRateBp: 315, legalRateBp: 371 },
  { halfYear: '2025-H2', ecbRateBp: 215, legalRateBp: 276 },
  // Later half-years are not guessed: a penalty falling in one is `rate-unknown` until the user enters the rate.
];

/** Indemnité forfaitaire pour frais de recouvrement, per late invoice (D441-5). */
export const DEFAULT_RECOVERY_INDEMNITY_CENTS: Cents = 40_00;

/** The 10 points added to the ECB rate. */
export const ECB_MARGIN_BP: BasisPoints = 1000;

export type PenaltyRate = {
  readonly halfYear: HalfYear;
  readonly rateBp: BasisPoints;
  /**
   * `ecb-plus-10`: the statutory rate; `contractual`: the agreed rate; `legal-floor`: an agreed rate below
   * 3 × the legal rate, raised to it. `contractual-unchecked`: agreed rate kept, legal rate unknown.
   */
  readonly source: 'ecb-plus-10' | 'contractual' | 'legal-floor' | 'contractual-unchecked';
};

/** The half-year a date falls in. */
export function halfYearOf(date: IsoDate): HalfYear {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) <= 6 ? `${year}-H1` : `${year}-H2`;
}

/**
 * The penalty rate of a half-year: ECB + 10 points by default; an agreed rate instead when there is one,
 * never below 3 × the legal rate.
 */
export function penaltyRateFor(
  halfYear: HalfYear,
  ecbRateBp: BasisPoints,
  legalRateBp?: BasisPoints,
  contractualRateBp?: BasisPoints,
): PenaltyRate {
  if (contractualRateBp === undefined)
    return { halfYear, rateBp: ecbRateBp + ECB_MARGIN_BP, source: 'ecb-plus-10' };
  if (legalRateBp === undefined)
    return { halfYear, rateBp: contractualRateBp, source: 'contractual-unchecked' };
  const floorBp = 3 * legalRateBp;
  return contractualRateBp < floorBp
    ? { halfYear, rateBp: floorBp, source: 'legal-floor' }
    : { halfYear, rateBp: contractualRateBp, source: 'contractual' };
}

/** `base` with every half-year of `overrides` replaced or added, sorted by half-year. */
export function mergeReferenceRates(
  base: readonly ReferenceRateRow[],
  overrides: readonly ReferenceRateRow[],
): ReferenceRateRow[] {
  const byHalfYear = new Map<HalfYear, ReferenceRateRow>();
  for (const row of [...base, ...overrides]) byHalfYear.set(row.halfYear, row);
  return [...byHalfYear.values()].sort((a, b) => (a.halfYear < b.halfYear ? -1 : 1));
}

export type LatePaymentInput = {
  readonly amountTtcCents: Cents;
  readonly dueDate: IsoDate;
  /** Defaults to `REFERENCE_RATES`. */
  readonly rates?: readonly ReferenceRateRow[];
  /** Rate agreed in the general terms of sale, if any. */
  readonly contractualRateBp?: BasisPoints;
  /** Defaults to 40,00 €. */
  readonly recoveryIndemnityCents?: Cents;
} & (
  | { readonly paidOn: IsoDate; readonly asOf?: undefined }
  /** Still unpaid: penalties accrued up to `asOf` ("today", passed in). */
  | { readonly asOf: IsoDate; readonly paidOn?: undefined }
);

export type LatePaymentResult =
  | { readonly status: 'on-time'; readonly daysLate: 0; readonly totalCents: 0 }
  | {
      readonly status: 'late';
      readonly daysLate: number;
      readonly rate: PenaltyRate;
      readonly penaltyCents: Cents;
      readonly recoveryIndemnityCents: Cents;
      readonly totalCents: Cents;
    }
  | {
      readonly status: 'rate-unknown';
      readonly daysLate: number;
      readonly halfYear: HalfYear;
      readonly recoveryIndemnityCents: Cents;
      readonly message: LocalizedText;
    };

/** Penalties and flat indemnity owed on one invoice paid (or still unpaid) after its due date. */
export function latePaymentPenalty(input: LatePaymentInput): LatePaymentResult {
  if (!Number.isSafeInteger(input.amountTtcCents) || input.amountTtcCents < 0) {
    throw new RangeError(
      `latePaymentPenalty: amount must be non-negative integer cents, got ${input.amountTtcCents}`,
    );
  }
  const until = input.paidOn ?? input.asOf;
  const daysLate = daysBetween(input.dueDate, until);
  if (daysLate <= 0) return { status: 'on-time', daysLate: 0, totalCents: 0 };

  const recoveryIndemnityCents = input.recoveryIndemnityCents ?? DEFAULT_RECOVERY_INDEMNITY_CENTS;
  const halfYear = halfYearOf(input.dueDate);
  const row = (input.rates ?? REFERENCE_RATES).find((candidate) => candidate.halfYear === halfYear);
  if (row === undefined) {
    return {
      status: 'rate-unknown',
      daysLate,
      halfYear,
      recoveryIndemnityCents,
      message: {
        fr: `Taux de la BCE inconnu pour ${halfYear} : ajoutez-le dans les taux de référence pour calculer les pénalités.`,
        en: `ECB rate unknown for ${halfYear}: add it to the reference rates to compute the penalties.`,
      },
    };
  }
  const rate = penaltyRateFor(halfYear, row.ecbRateBp, row.legalRateBp, input.contractualRateBp);
  const penaltyCents = mulRatio(input.amountTtcCents, rate.rateBp * daysLate, 10_000 * 365);
  return {
    status: 'late',
    daysLate,
    rate,
    penaltyCents,
    recoveryIndemnityCents,
    totalCents: penaltyCents + recoveryIndemnityCents,
  };
}
