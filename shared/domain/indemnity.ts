/**
 * Indemnity calculator of domain.md §4 "Indemnity" (worked examples 1 and 4):
 *
 *   insured loss = min(covered open amount − recoveries before the loss date, applicable limit)
 *   nothing when the unpaid amount TTC is under the claim threshold (seuil d'intervention)
 *   indemnity    = max(0, insured loss − per-claim deductible) × quotité
 *                  then capped by the maximum liability left for the policy year
 *                  then reduced by the aggregate (annual) deductible left
 *
 * Invariants: every amount is integer cents; the quotité is applied exactly and rounded half away from zero
 * at the cent (`applyBp`, the domain's one rounding rule), so no float ever touches money; the indemnity is never negative and never above
 * quotité × min(limit, covered open amount). Every step is returned with a code so the UI and the CLI can show
 * the working; they pick their words by code.
 */
import { allocateProportionally, applyBp, mulRatio } from './money';
import type { Policy } from './policy';
import type { BasisPoints, Cents } from './types';

export type IndemnityLayer = { readonly coveredCents: Cents; readonly quotityBp: BasisPoints };

export type IndemnityInput = {
  /**
   * Open amount of the invoices eligible for cover (shipped while a limit was in force, not disputed, within
   * the maximum credit terms), on the policy's cover basis (HT by default).
   */
  readonly coveredOpenCents: Cents;
  /** Recoveries received before the loss date (during collection / the waiting period), same basis. */
  readonly recoveriesBeforeLossCents: Cents;
  /** The limit applicable to those invoices (what the limits in force at their delivery dates cover). */
  readonly limitCents: Cents;
  /** What the buyer still owes, VAT included, compared with the claim threshold (seuil d'intervention). */
  readonly unpaidTtcCents: Cents;
  /** Quotité of the layer; defaults to the policy's named quotité. */
  readonly quotityBp?: BasisPoints;
  /**
   * When the covered debt sits on several layers with their own quotités (primary + top-up, cover.ts
   * `byLayer`): each layer's covered amount and quotité. The amount after the per-claim deductible is split in
   * proportion to the covered amounts (largest remainder, so the parts sum to it exactly) and each part is
   * multiplied by its own quotité; one `quotity` step per layer. Layers covering nothing are ignored; with a
   * single layer left this is the same as `quotityBp`.
   */
  readonly layers?: readonly IndemnityLayer[];
  /** Limite de décaissement for the policy year; no cap when absent. */
  readonly maxLiabilityCents?: Cents;
  /** Indemnities already paid in the same policy year (count against the maximum liability). */
  readonly alreadyPaidThisYearCents?: Cents;
  /** Part of the aggregate (annual) deductible already absorbed by earlier claims this year. */
  readonly aggregateDeductibleUsedCents?: Cents;
};

export type IndemnityStepCode =
  | 'covered-open'
  | 'recoveries-before-loss'
  | 'applicable-limit'
  | 'insured-loss'
  | 'below-claim-threshold'
  | 'per-claim-deductible'
  | 'after-deductible'
  | 'quotity'
  | 'max-liability-cap'
  | 'aggregate-deductible'
  | 'indemnity';

/**
 * One line of the working. `cents` is the amount of that line: a deduction is negative (recoveries,
 * deductibles, cap), a subtotal positive. `quotityBp` is set on the quotité line; `thresholdCents` on the
 * threshold line.
 */
export type IndemnityStep = {
  readonly code: IndemnityStepCode;
  readonly cents: Cents;
  readonly quotityBp?: BasisPoints;
  readonly thresholdCents?: Cents;
};

export type IndemnityBreakdown = {
  readonly insuredLossCents: Cents;
  readonly indemnityCents: Cents;
  readonly quotityBp: BasisPoints;
  readonly isBelowThreshold: boolean;
  /** How much of the aggregate deductible this claim absorbed (add it to the year's running total). */
  readonly aggregateDeductibleAbsorbedCents: Cents;
  readonly steps: readonly IndemnityStep[];
};

/** −x without producing −0, so a zero deduction prints and compares as 0. */
function deduction(x: Cents): Cents {
  return x === 0 ? 0 : -x;
}

function assertCents(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer number of cents, got ${value}`);
  }
}

function assertQuotity(quotityBp: BasisPoints): void {
  if (!Number.isSafeInteger(quotityBp) || quotityBp < 0 || quotityBp > 10_000) {
    throw new RangeError(`quotityBp must be an integer between 0 and 10000, got ${quotityBp}`);
  }
}

export function computeIndemnity(input: IndemnityInput, policy: Policy): IndemnityBreakdown {
  const layers = (input.layers ?? []).filter((layer) => layer.coveredCents > 0);
  const quotityBp = input.quotityBp ?? layers[0]?.quotityBp ?? policy.namedQuotityBp;
  const alreadyPaid = input.alreadyPaidThisYearCents ?? 0;
  const aggregateUsed = input.aggregateDeductibleUsedCents ?? 0;
  assertCents('coveredOpenCents', input.coveredOpenCents);
  assertCents('recoveriesBeforeLossCents', input.recoveriesBeforeLossCents);
  assertCents('limitCents', input.limitCents);
  assertCents('unpaidTtcCents', input.unpaidTtcCents);
  assertCents('alreadyPaidThisYearCents', alreadyPaid);
  assertCents('aggregateDeductibleUsedCents', aggregateUsed);
  if (input.maxLiabilityCents !== undefined) assertCents('maxLiabilityCents', input.maxLiabilityCents);
  assertQuotity(quotityBp);
  for (const layer of input.layers ?? []) {
    assertCents('layers[].coveredCents', layer.coveredCents);
    assertQuotity(layer.quotityBp);
  }

  const steps: IndemnityStep[] = [
    { code: 'covered-open', cents: input.coveredOpenCents },
    { code: 'recoveries-before-loss', cents: deduction(input.recoveriesBeforeLossCents) },
    { code: 'applicable-limit', cents: input.limitCents },
  ];
  const netCovered = Math.max(0, input.coveredOpenCents - input.recoveriesBeforeLossCents);
  const insuredLossCents = Math.min(netCovered, input.limitCents);
  steps.push({ code: 'insured-loss', cents: insuredLossCents });

  const isBelowThreshold = input.unpaidTtcCents < policy.claimThresholdCents;
  if (isBelowThreshold) {
    steps.push({
      code: 'below-claim-threshold',
      cents: deduction(insuredLossCents),
      thresholdCents: policy.claimThresholdCents,
    });
    steps.push({ code: 'indemnity', cents: 0 });
    return {
      insuredLossCents,
      indemnityCents: 0,
      quotityBp,
      isBelowThreshold,
      aggregateDeductibleAbsorbedCents: 0,
      steps,
    };
  }

  const deductible = Math.min(policy.perClaimDeductibleCents, insuredLossCents);
  const afterDeductible = insuredLossCents - deductible;
  steps.push({ code: 'per-claim-deductible', cents: deduction(deductible) });
  steps.push({ code: 'after-deductible', cents: afterDeductible });

  let afterQuotity = 0;
  if (layers.length > 1) {
    const parts = allocateProportionally(
      afterDeductible,
      layers.map((layer) => layer.coveredCents),
    );
    layers.forEach((layer, index) => {
      const cents = applyBp(parts[index] ?? 0, layer.quotityBp);
      afterQuotity += cents;
      steps.push({ code: 'quotity', cents, quotityBp: layer.quotityBp });
    });
  } else {
    afterQuotity = applyBp(afterDeductible, quotityBp);
    steps.push({ code: 'quotity', cents: afterQuotity, quotityBp });
  }

  const liabilityLeft =
    input.maxLiabilityCents === undefined ? afterQuotity : Math.max(0, input.maxLiabilityCents - alreadyPaid);
  const capped = Math.min(afterQuotity, liabilityLeft);
  steps.push({ code: 'max-liability-cap', cents: capped - afterQuotity });

  const aggregateLeft = Math.max(0, policy.aggregateDeductibleCents - aggregateUsed);
  const absorbed = Math.min(aggregateLeft, capped);
  const indemnityCents = capped - absorbed;
  steps.push({ code: 'aggregate-deductible', cents: deduction(absorbed) });
  steps.push({ code: 'indemnity', cents: indemnityCents });

  return {
    insuredLossCents,
    indemnityCents,
    quotityBp,
    isBelowThreshold,
    aggregateDeductibleAbsorbedCents: absorbed,
    steps,
  };
}

export type RecoverySplit = { readonly insurerCents: Cents; readonly insuredCents: Cents };

/**
 * Shares a recovery received after the indemnity in proportion to each party's share of the loss
 * (domain.md §4; example 4: loss 30 000, indemnity 22 500 → 75 % / 25 %). `lossCents` is the whole loss borne
 * (the debt), not the insured loss. The insurer's share is rounded half away from zero and the insured gets
 * the rest, so the two always sum to the recovery exactly.
 */
export function splitRecoveryAfterIndemnity(
  recoveryCents: Cents,
  indemnityCents: Cents,
  lossCents: Cents,
): RecoverySplit {
  assertCents('recoveryCents', recoveryCents);
  assertCents('indemnityCents', indemnityCents);
  assertCents('lossCents', lossCents);
  if (indemnityCents > lossCents) {
    throw new RangeError(`The indemnity (${indemnityCents}) cannot exceed the loss (${lossCents})`);
  }
  if (lossCents === 0) return { insurerCents: 0, insuredCents: recoveryCents };
  const insurerCents = mulRatio(recoveryCents, indemnityCents, lossCents);
  return { insurerCents, insuredCents: recoveryCents - insurerCents };
}
