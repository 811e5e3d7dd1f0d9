/**
 * Aggregates that follow the calendar. A stored per-buyer aggregate is computed for one date (`asOf`): when
 * the app opens on a later day, or stays open past midnight, its overdue amount, aging and alerts are stale.
 * `refreshStaleAggregates` recomputes every aggregate that is not as of `today` — or that lacks a field of
 * the current schema (stored by an older version), or is missing — in chunks of buyers, one read-write
 * transaction per chunk, yielding to the event loop between chunks so the screens stay responsive.
 *
 * Invariants: the refresh writes aggregates only (they are local and derived: no outbox operation, no row
 * version moves); each chunk reads its buyers' ledgers inside its own transaction, so an aggregate is never
 * computed from rows older than a command that committed before it; aggregates of buyers that no longer
 * exist are deleted. One refresh per database at a time: a second call for the same day joins the first.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { computeBuyerAggregate, loadBuyerLedgers, loadPolicy } from '../../shared/commands/aggregates';
import { buyerAggregateSchema } from '../../shared/commands/entities';
import type { IsoDate } from '../../shared/domain/types';
import type { AppDB, StoredBuyerAggregate } from '../db/app-db';
import { dexieReader } from '../db/dexie-reader';
import { useWorkspace } from './workspace-context';

/** Buyers per transaction: small enough that one chunk is a short task, large enough to batch the reads. */
export const REFRESH_CHUNK = 200;

export type RefreshProgress = { readonly done: number; readonly total: number };

export type RefreshState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly today: IsoDate; readonly done: number; readonly total: number };

/**
 * An aggregate that must be recomputed for `today`: dated another day, or not a valid row of the CURRENT
 * schema — which is how a row stored before a field existed (aging, DSO figures, `limitSource`…) is caught:
 * every aggregate field is required, so adding one to `buyerAggregateSchema` is enough.
 */
function isStale(stored: unknown, today: IsoDate): boolean {
  const parsed = buyerAggregateSchema.safeParse(stored);
  return !parsed.success || parsed.data.asOf !== today;
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The buyers whose aggregate is stale or missing, and the aggregates whose buyer is gone. */
async function findStale(db: AppDB, today: IsoDate): Promise<{ stale: string[]; orphans: string[] }> {
  return db.transaction('r', [db.buyers, db.buyerAggregates], async () => {
    const [buyerIds, aggregates] = await Promise.all([
      db.buyers.toCollection().primaryKeys(),
      db.buyerAggregates.toArray(),
    ]);
    const buyers = new Set(buyerIds);
    const fresh = new Set<string>();
    const orphans: string[] = [];
    for (const aggregate of aggregates) {
      if (!buyers.has(aggregate.buyerId)) orphans.push(aggregate.buyerId);
      else if (!isStale(aggregate, today)) fresh.add(aggregate.buyerId);
    }
    return { stale: buyerIds.filter((id) => !fresh.has(id)), orphans };
  });
}

async function refreshChunk(db: AppDB, buyerIds: readonly string[], today: IsoDate): Promise<void> {
  const tables = [
    db.buyers,
    db.invoices,
    db.payments,
    db.creditNotes,
    db.limitDecisions,
    db.claims,
    db.policy,
    db.buyerAggregates,
  ];
  await db.transaction('rw', tables, async () => {
    const reader = dexieReader(db);
    const policy = await loadPolicy(reader);
    const ledgers = await loadBuyerLedgers(reader, buyerIds);
    const now = new Date().toISOString();
    const aggregates: StoredBuyerAggregate[] = [];
    for (const ledger of ledgers.values())
      aggregates.push({ ...computeBuyerAggregate(ledger, policy, today), updatedAt: now });
    const gone = buyerIds.filter((id) => !ledgers.has(id));
    await Promise.all([
      aggregates.length > 0 ? db.buyerAggregates.bulkPut(aggregates) : undefined,
      gone.length > 0 ? db.buyerAggregates.bulkDelete(gone) : undefined,
    ]);
  });
}

/**
 * Recomputes every stale aggregate for `today`; `onProgress` is called before the first chunk and after
 * each one. Resolves to the number of buyers recomputed.
 */
export async function refreshStaleAggregates(
  db: AppDB,
  today: IsoDate,
  onProgress: (progress: RefreshProgress) => void = () => undefined,
): Promise<number> {
  const { stale, orphans } = await findStale(db, today);
  if (orphans.length > 0) await db.buyerAggregates.bulkDelete(orphans);
  if (stale.length === 0) return 0;
  onProgress({ done: 0, total: stale.length });
  for (let from = 0; from < stale.length; from += REFRESH_CHUNK) {
    const chunk = stale.slice(from, from + REFRESH_CHUNK);
    await refreshChunk(db, chunk, today);
    onProgress({ done: from + chunk.length, total: stale.length });
    await nextTask();
  }
  return stale.length;
}

/* ---------- One refresh per database, observable by the screens ---------- */

type Tracker = {
  state: RefreshState;
  running?: { today: IsoDate; promise: Promise<number> };
  readonly listeners: Set<() => void>;
};

const trackers = new WeakMap<AppDB, Tracker>();
const IDLE: RefreshState = { status: 'idle' };

function trackerOf(db: AppDB): Tracker {
  let tracker = trackers.get(db);
  if (tracker === undefined) {
    tracker = { state: IDLE, listeners: new Set() };
    trackers.set(db, tracker);
  }
  return tracker;
}

function setState(tracker: Tracker, state: RefreshState): void {
  tracker.state = state;
  for (const listener of tracker.listeners) listener();
}

/**
 * Starts (or joins) the refresh of `db` for `today`, publishing its progress to `useAggregateRefresh`. A
 * refresh for another day waits for the running one, then runs.
 */
export function startAggregateRefresh(db: AppDB, today: IsoDate): Promise<number> {
  const tracker = trackerOf(db);
  if (tracker.running?.today === today) return tracker.running.promise;
  const previous = tracker.running?.promise.catch(() => 0) ?? Promise.resolve(0);
  const promise = previous
    .then(() =>
      refreshStaleAggregates(db, today, ({ done, total }) => {
        setState(tracker, { status: 'running', today, done, total });
      }),
    )
    .finally(() => {
      if (tracker.running?.promise === promise) {
        tracker.running = undefined;
        setState(tracker, IDLE);
      }
    });
  tracker.running = { today, promise };
  return promise;
}

/** The refresh of the current workspace's aggregates, for a discreet progress line. */
export function useAggregateRefresh(): RefreshState {
  const { db } = useWorkspace();
  const tracker = trackerOf(db);
  const subscribe = useCallback(
    (listener: () => void) => {
      tracker.listeners.add(listener);
      return () => {
        tracker.listeners.delete(listener);
      };
    },
    [tracker],
  );
  return useSyncExternalStore(subscribe, () => tracker.state);
}

/**
 * Keeps the stored aggregates as of the workspace's `today`: refreshes at open and again whenever `today`
 * moves (the workspace context moves it at midnight). Mount once, inside the workspace provider.
 */
export function useAggregatesFollowToday(): void {
  const { db, today } = useWorkspace();
  useEffect(() => {
    startAggregateRefresh(db, today).catch((error: unknown) => {
      console.warn(`[aggregates] refresh failed: ${String(error)}`);
    });
  }, [db, today]);
}
