/**
 * Reads for the limits screens (the policy comes from policy-hooks.ts): one buyer's ledger (for « Puis-je
 * livrer ? »), every limit decision (a small table: a few per named buyer), and the pure overview of one
 * buyer's limits for the « Limites » tab: limit in force per layer, last decision, pending request.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { loadBuyerLedger } from '../../shared/commands/aggregates';
import type { LimitDecisionRow } from '../../shared/commands/entities';
import { compareDecisions, limitInForce } from '../../shared/domain/limits';
import type { LimitInForce } from '../../shared/domain/limits';
import type { BuyerLedger, LimitDecision } from '../../shared/domain/model';
import type { IsoDate } from '../../shared/domain/types';
import { dexieReader } from '../db/dexie-reader';
import { useWorkspace } from './workspace-context';

/** One buyer's ledger through the `buyerId` indexes; `null` when the buyer does not exist. */
export function useBuyerLedger(buyerId: string | null): BuyerLedger | null | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(
    async () => (buyerId === null ? null : ((await loadBuyerLedger(dexieReader(db), buyerId)) ?? null)),
    [db, buyerId],
  );
}

export function useLimitDecisions(): LimitDecisionRow[] | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(() => db.limitDecisions.toArray(), [db]);
}

export type LimitOverview = {
  /** Named limit if a named decision is in force, else the discretionary one; `null` when neither. */
  readonly primary: LimitInForce | null;
  readonly topUp: LimitInForce | null;
  /** The most recent decision (by decision date, then effective date), requests included. */
  readonly lastDecision: LimitDecision | null;
  /** A request with no later decision on the same layer: the insurer has not answered yet. */
  readonly pendingRequest: LimitDecision | null;
};

/** A decision as stored: `updatedAt` tells which of two decisions of the same day was recorded last. */
export type RecordedDecision = LimitDecision & { readonly updatedAt?: string };

/**
 * Later decision date wins; on the same day, the one recorded last (ids are random: no help there); with
 * the same stamp too (a frozen clock), a request counts as the later one — asking for more after a grant
 * is the usual sequence, and showing a request as pending is the prudent reading.
 */
function isLater(a: RecordedDecision, b: RecordedDecision): boolean {
  if (a.decisionDate !== b.decisionDate) return a.decisionDate > b.decisionDate;
  if (a.updatedAt !== undefined && b.updatedAt !== undefined && a.updatedAt !== b.updatedAt)
    return a.updatedAt > b.updatedAt;
  const aRequest = a.kind === 'requested';
  if (aRequest !== (b.kind === 'requested')) return aRequest;
  return compareDecisions(a, b) > 0;
}

function latest(decisions: readonly RecordedDecision[]): RecordedDecision | null {
  let best: RecordedDecision | null = null;
  for (const decision of decisions) if (best === null || isLater(decision, best)) best = decision;
  return best;
}

export function limitOverview(decisions: readonly RecordedDecision[], today: IsoDate): LimitOverview {
  const named = limitInForce(decisions, 'named', today);
  const primary = named ?? limitInForce(decisions, 'discretionary', today);
  const lastDecision = latest(decisions);
  let pendingRequest: LimitDecision | null = null;
  for (const layer of ['named', 'discretionary', 'top-up'] as const) {
    const last = latest(decisions.filter((decision) => decision.layer === layer));
    if (
      last?.kind === 'requested' &&
      (pendingRequest === null || last.decisionDate > pendingRequest.decisionDate)
    )
      pendingRequest = last;
  }
  return { primary, topUp: limitInForce(decisions, 'top-up', today), lastDecision, pendingRequest };
}

/** The decisions grouped by buyer id (one pass). */
export function decisionsByBuyer(decisions: readonly LimitDecisionRow[]): Map<string, LimitDecisionRow[]> {
  const byBuyer = new Map<string, LimitDecisionRow[]>();
  for (const decision of decisions) {
    const list = byBuyer.get(decision.buyerId);
    if (list === undefined) byBuyer.set(decision.buyerId, [decision]);
    else list.push(decision);
  }
  return byBuyer;
}
