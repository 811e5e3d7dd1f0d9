/**
 * A buyer's credit-limit decision history → the limit in force on any date, per layer.
 *
 * Decisions of one layer are replayed in effectiveDate order, then decisionDate, then id (so the input order
 * never matters). Each kind acts on the layer's state from its `effectiveDate`:
 * - `requested`: nothing yet — a pending request neither grants cover nor ends the cover already in force
 *   (a buyer with only a request is still "without a named decision": `null`).
 * - `granted`, `partial` (granted < requested), `reduced`: the decision's `amountCents` becomes the standing
 *   limit. A reduction's `effectiveDate` already includes the notice (decisionDate + notice).
 * - `refused`, `cancelled`, `expired`: the standing limit becomes 0. This is a decision in force (not `null`):
 *   callers must NOT fall back to the unnamed threshold (domain.md §4).
 * - `temporary`: `amountCents` is in force through `endDate` (inclusive); from the next day the standing limit
 *   that was in force before it applies again (or `null` if there was none). A temporary limit without
 *   `endDate` stays until superseded.
 * - A non-temporary decision with an `endDate` is a limit with a validity: from the day after, it is 0.
 * - Any non-temporary decision supersedes a running temporary one.
 *
 * `limitTimeline` precomputes the change points once so that looking up many dates (one per invoice) is a
 * binary search instead of a replay.
 */
import { addDays } from './dates';
import type { LimitDecision, LimitDecisionKind, LimitLayer } from './model';
import type { Cents, IsoDate } from './types';

export type LimitInForce = { readonly amountCents: Cents; readonly decision: LimitDecision };

/** From `from` on (until the next segment), `inForce` applies; `null` = no decision in force. */
export type LimitSegment = { readonly from: IsoDate; readonly inForce: LimitInForce | null };

export type LimitHistoryEvent = LimitDecisionKind | 'temporary-ended' | 'validity-ended';

/** One dated row of a limit timeline, for the UI. */
export type LimitHistoryRow = {
  readonly date: IsoDate;
  readonly layer: LimitLayer;
  readonly event: LimitHistoryEvent;
  readonly decisionId: string;
  readonly decisionDate: IsoDate;
  /** Limit in force on this layer after the event (`null`: none). */
  readonly amountCents: Cents | null;
  /** Limit in force just before the event (`null`: none). */
  readonly previousAmountCents: Cents | null;
  readonly requestedCents?: Cents;
  readonly endDate?: IsoDate;
};

export function compareDecisions(a: LimitDecision, b: LimitDecision): number {
  if (a.effectiveDate !== b.effectiveDate) return a.effectiveDate < b.effectiveDate ? -1 : 1;
  if (a.decisionDate !== b.decisionDate) return a.decisionDate < b.decisionDate ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

type Standing = { readonly inForce: LimitInForce; readonly expiresOn?: IsoDate };
type Overlay = { readonly inForce: LimitInForce; readonly endsOn?: IsoDate };
type State = { standing: Standing | null; overlay: Overlay | null };

const current = (state: State): LimitInForce | null =>
  state.overlay?.inForce ?? state.standing?.inForce ?? null;

function applyDecision(state: State, decision: LimitDecision): void {
  switch (decision.kind) {
    case 'requested':
      return;
    case 'granted':
    case 'partial':
    case 'reduced':
      state.standing = {
        inForce: { amountCents: decision.amountCents, decision },
        ...(decision.endDate === undefined ? {} : { expiresOn: addDays(decision.endDate, 1) }),
      };
      state.overlay = null;
      return;
    case 'refused':
    case 'cancelled':
    case 'expired':
      state.standing = { inForce: { amountCents: 0, decision } };
      state.overlay = null;
      return;
    case 'temporary':
      state.overlay = {
        inForce: { amountCents: decision.amountCents, decision },
        ...(decision.endDate === undefined ? {} : { endsOn: addDays(decision.endDate, 1) }),
      };
      return;
  }
}

type Step = {
  readonly date: IsoDate;
  readonly event: LimitHistoryEvent;
  readonly decision: LimitDecision;
  readonly before: LimitInForce | null;
  readonly after: LimitInForce | null;
};

/** Records the expiries (temporary ends, validity ends) due on or before `date` (all of them if undefined). */
function expireUpTo(state: State, steps: Step[], date: IsoDate | undefined): void {
  for (;;) {
    const overlayEnd = state.overlay?.endsOn;
    const standingEnd = state.standing?.expiresOn;
    const next =
      overlayEnd !== undefined && (standingEnd === undefined || overlayEnd <= standingEnd)
        ? 'overlay'
        : 'standing';
    const nextDate = next === 'overlay' ? overlayEnd : standingEnd;
    if (nextDate === undefined || (date !== undefined && nextDate > date)) return;
    const before = current(state);
    if (next === 'overlay' && state.overlay !== null) {
      const decision = state.overlay.inForce.decision;
      state.overlay = null;
      steps.push({ date: nextDate, event: 'temporary-ended', decision, before, after: current(state) });
    } else if (state.standing !== null) {
      const decision = state.standing.inForce.decision;
      state.standing = { inForce: { amountCents: 0, decision } };
      steps.push({ date: nextDate, event: 'validity-ended', decision, before, after: current(state) });
    }
  }
}

/** Replays one layer's decisions, expiries included, in date order. */
function replay(decisions: readonly LimitDecision[]): readonly Step[] {
  // One decision (the usual case) needs no sorting and no copy.
  const sorted = decisions.length <= 1 ? decisions : [...decisions].sort(compareDecisions);
  const state: State = { standing: null, overlay: null };
  const steps: Step[] = [];
  for (const decision of sorted) {
    expireUpTo(state, steps, decision.effectiveDate);
    const before = current(state);
    applyDecision(state, decision);
    steps.push({
      date: decision.effectiveDate,
      event: decision.kind,
      decision,
      before,
      after: current(state),
    });
  }
  expireUpTo(state, steps, undefined);
  return steps;
}

/** The decisions of one layer, in input order (plain loop: this runs for every buyer and layer). */
function decisionsOfLayer(decisions: readonly LimitDecision[], layer: LimitLayer): LimitDecision[] {
  const ofLayer: LimitDecision[] = [];
  for (const decision of decisions) if (decision.layer === layer) ofLayer.push(decision);
  return ofLayer;
}

/** The change points of one layer's limit, ascending by `from`. */
export function limitTimeline(
  decisions: readonly LimitDecision[],
  layer: LimitLayer,
): readonly LimitSegment[] {
  const ofLayer = decisionsOfLayer(decisions, layer);
  if (ofLayer.length === 0) return [];
  const segments: LimitSegment[] = [];
  for (const step of replay(ofLayer)) segments.push({ from: step.date, inForce: step.after });
  return segments;
}

/** The limit of a timeline on `date`: the last segment starting on or before it. */
export function limitAt(timeline: readonly LimitSegment[], date: IsoDate): LimitInForce | null {
  let low = 0;
  let high = timeline.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const segment = timeline[middle];
    if (segment !== undefined && segment.from <= date) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? null : (timeline[low - 1]?.inForce ?? null);
}

/** The limit of `layer` in force on `date`, with the decision it comes from; `null` when none applies. */
export function limitInForce(
  decisions: readonly LimitDecision[],
  layer: LimitLayer,
  date: IsoDate,
): LimitInForce | null {
  return limitAt(limitTimeline(decisions, layer), date);
}

const LAYER_ORDER: Readonly<Record<LimitLayer, number>> = { named: 0, discretionary: 1, 'top-up': 2 };

/** Every dated change of every layer, for the UI: by date, then layer, then replay order. */
export function limitHistory(decisions: readonly LimitDecision[]): readonly LimitHistoryRow[] {
  const rows: { row: LimitHistoryRow; order: number }[] = [];
  for (const layer of ['named', 'discretionary', 'top-up'] as const) {
    replay(decisionsOfLayer(decisions, layer)).forEach((step, order) => {
      rows.push({
        order,
        row: {
          date: step.date,
          layer,
          event: step.event,
          decisionId: step.decision.id,
          decisionDate: step.decision.decisionDate,
          amountCents: step.after?.amountCents ?? null,
          previousAmountCents: step.before?.amountCents ?? null,
          ...(step.decision.requestedCents === undefined
            ? {}
            : { requestedCents: step.decision.requestedCents }),
          ...(step.decision.endDate === undefined ? {} : { endDate: step.decision.endDate }),
        },
      });
    });
  }
  rows.sort((a, b) => {
    if (a.row.date !== b.row.date) return a.row.date < b.row.date ? -1 : 1;
    const byLayer = LAYER_ORDER[a.row.layer] - LAYER_ORDER[b.row.layer];
    return byLayer !== 0 ? byLayer : a.order - b.order;
  });
  return rows.map(({ row }) => row);
}
