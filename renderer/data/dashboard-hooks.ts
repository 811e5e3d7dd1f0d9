/**
 * Live reads of the Tableau de bord. The summary reads the stored per-buyer aggregates (one small row per
 * buyer) plus the names of the top exposures only; it never reads the invoice table. Claims are counted from
 * the `status` index keys, without loading the claim documents.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { policyOf } from '../../shared/commands/aggregates';
import { POLICY_ROW_ID } from '../../shared/commands/entities';
import type { CoverBasis } from '../../shared/domain/policy';
import { summarizeAggregates } from './dashboard-summary';
import type { DashboardSummary } from './dashboard-summary';
import { useWorkspace } from './workspace-context';

export type DashboardData = DashboardSummary & {
  readonly basis: CoverBasis;
  /** Names of the buyers of `topExposures`, by id. */
  readonly names: ReadonlyMap<string, string>;
};

export function useDashboard(): DashboardData | undefined {
  const { db, today } = useWorkspace();
  return useLiveQuery(async () => {
    const [aggregates, policyRow] = await Promise.all([
      db.buyerAggregates.toArray(),
      db.policy.get(POLICY_ROW_ID),
    ]);
    const summary = summarizeAggregates(aggregates, today);
    const buyers = await db.buyers.bulkGet(summary.topExposures.map((top) => top.buyerId));
    const names = new Map<string, string>();
    for (const buyer of buyers) if (buyer !== undefined) names.set(buyer.id, buyer.name);
    return { ...summary, basis: policyOf(policyRow).coverBasis, names };
  }, [db, today]);
}

/** How many buyers the workspace has (the dashboard shows the first-run choice at 0). */
export function useBuyerCount(): number | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(() => db.buyers.count(), [db]);
}

/** Claim files per status, counted from the `status` index (statuses without a file are absent). */
export function useClaimsByStatus(): ReadonlyMap<string, number> | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    const counts = new Map<string, number>();
    for (const status of await db.claims.orderBy('status').keys())
      if (typeof status === 'string') counts.set(status, (counts.get(status) ?? 0) + 1);
    return counts;
  }, [db]);
}
