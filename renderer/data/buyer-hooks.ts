/**
 * Live reads for the buyer page: ONE buyer's ledger (through the `buyerId` indexes, never a scan of the
 * whole ledger) with the workspace policy, and the buyer's stored aggregate.
 *
 * `useBuyerLedger` answers `undefined` while loading and `null` when the buyer does not exist, so a screen can
 * tell "loading" from "unknown buyer". It re-runs when any row it read changes (Dexie live query), which a
 * command on this buyer — or a sync pull — triggers.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { loadBuyerLedger, loadPolicy } from '../../shared/commands/aggregates';
import { buyerAggregateSchema } from '../../shared/commands/entities';
import type { BuyerRow } from '../../shared/commands/entities';
import type { BuyerLedger } from '../../shared/domain/model';
import type { Policy } from '../../shared/domain/policy';
import type { StoredBuyerAggregate } from '../db/app-db';
import { dexieReader } from '../db/dexie-reader';
import { useWorkspace } from './workspace-context';

/** A buyer's ledger as the domain reads it, with the stored buyer row (identity fields the domain ignores). */
export type LoadedBuyerLedger = {
  readonly buyer: BuyerRow;
  readonly ledger: BuyerLedger;
  readonly policy: Policy;
};

/** `undefined` while loading, `null` when no buyer has this id. */
export function useBuyerLedger(buyerId: string): LoadedBuyerLedger | null | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    const reader = dexieReader(db);
    const [buyer, ledger, policy] = await Promise.all([
      db.buyers.get(buyerId),
      loadBuyerLedger(reader, buyerId),
      loadPolicy(reader),
    ]);
    if (buyer === undefined || ledger === undefined) return null;
    return { buyer, ledger, policy };
  }, [db, buyerId]);
}

/**
 * The stored per-buyer figures; `null` when none is stored (yet) or when the stored row is of an older schema
 * (missing a field, until the start-up refresh rewrites it: the page then computes the figures itself),
 * `undefined` while loading.
 */
export function useBuyerAggregate(buyerId: string): StoredBuyerAggregate | null | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    const stored = await db.buyerAggregates.get(buyerId);
    return stored !== undefined && buyerAggregateSchema.safeParse(stored).success ? stored : null;
  }, [db, buyerId]);
}
