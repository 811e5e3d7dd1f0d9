/**
 * The alert centre's data: every alert of every buyer as of the workspace's today, computed with the domain's
 * `alertsFor` on each buyer's ledger, joined with what the team decided about it (`alertStates`, keyed by
 * `alertKey`). Only the buyers whose stored aggregate counts alerts are loaded, so a portfolio without
 * alerts reads nothing but the aggregates.
 *
 * Also here: the pure rules of the alert centre (status of an alert on a date, which critical alerts are new
 * for the desktop notifications) and the per-workspace memory of the alerts already notified.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { loadBuyerLedgers, loadPolicy } from '../../shared/commands/aggregates';
import type { AlertStateRow } from '../../shared/commands/entities';
import { alertKey, alertsFor } from '../../shared/domain/alerts';
import type { Alert } from '../../shared/domain/alerts';
import type { BuyerLedger } from '../../shared/domain/model';
import type { Policy } from '../../shared/domain/policy';
import type { IsoDate } from '../../shared/domain/types';
import { dexieReader } from '../db/dexie-reader';
import { useBuyerAggregates } from './hooks';
import { useWorkspace } from './workspace-context';
import type { Workspace } from './workspace-context';

/** À traiter (no decision, or a snooze that has run out), pris en compte, reportée (until a later date). */
export type AlertStatus = 'open' | 'acknowledged' | 'snoozed';

export type AlertEntry = {
  readonly key: string;
  readonly alert: Alert;
  readonly buyerName: string;
  readonly status: AlertStatus;
  readonly state?: AlertStateRow;
};

/**
 * A snooze hides the alert until `snoozedUntil` (exclusive: it is back on that day); an acknowledgement
 * keeps it aside until someone reopens it. A snooze that has run out leaves the alert open again unless it
 * had been acknowledged.
 */
export function alertStatus(state: AlertStateRow | undefined, today: IsoDate): AlertStatus {
  if (state === undefined) return 'open';
  if (state.snoozedUntil !== undefined && state.snoozedUntil > today) return 'snoozed';
  if (state.acknowledgedAt !== undefined) return 'acknowledged';
  return 'open';
}

/** Every alert of the ledgers on `today` with its status; critical first (the domain's order per buyer). */
export function alertEntries(
  ledgers: ReadonlyMap<string, BuyerLedger>,
  policy: Policy,
  states: readonly AlertStateRow[],
  today: IsoDate,
): AlertEntry[] {
  const stateByKey = new Map(states.map((state) => [state.id, state]));
  const entries: AlertEntry[] = [];
  for (const ledger of ledgers.values()) {
    for (const alert of alertsFor(ledger, policy, today)) {
      const key = alertKey(alert);
      const state = stateByKey.get(key);
      entries.push({
        key,
        alert,
        buyerName: ledger.buyer.name,
        status: alertStatus(state, today),
        ...(state === undefined ? {} : { state }),
      });
    }
  }
  return entries;
}

/**
 * The critical alerts to notify now: open ones (an acknowledged or snoozed alert does not notify) whose key
 * was not notified before. `maxSingle` of them get their own notification; the rest are only counted.
 */
export function newCriticalAlerts(
  entries: readonly AlertEntry[],
  notified: ReadonlySet<string>,
  maxSingle = 3,
): { readonly single: readonly AlertEntry[]; readonly others: number; readonly keys: readonly string[] } {
  const fresh = entries.filter(
    (entry) => entry.alert.severity === 'critical' && entry.status === 'open' && !notified.has(entry.key),
  );
  return {
    single: fresh.slice(0, maxSingle),
    others: Math.max(0, fresh.length - maxSingle),
    keys: fresh.map((entry) => entry.key),
  };
}

/**
 * The notified keys to keep: those still raised as critical alerts plus the ones just notified. Keys of
 * alerts that are gone are dropped, so the memory does not grow without end (an alert that comes back after
 * disappearing is news again).
 */
export function notifiedKeysToKeep(
  entries: readonly AlertEntry[],
  notified: ReadonlySet<string>,
  justNotified: readonly string[],
): string[] {
  const current = new Set(
    entries.filter((entry) => entry.alert.severity === 'critical').map((entry) => entry.key),
  );
  const kept = new Set([...notified].filter((key) => current.has(key)));
  for (const key of justNotified) kept.add(key);
  return [...kept].sort();
}

/**
 * Alerts of every buyer with alerts (or only critical ones: the notification watcher needs no more). Loads
 * each such buyer's ledger through its indexes; re-runs when any of those rows or the alert states change.
 */
export function useAlertCentre(options: { readonly criticalOnly?: boolean } = {}): AlertEntry[] | undefined {
  const { db, today } = useWorkspace();
  const aggregates = useBuyerAggregates();
  const isCriticalOnly = options.criticalOnly === true;
  const idsKey = useMemo(() => {
    if (aggregates === undefined) return undefined;
    return aggregates
      .filter(({ alertCounts }) =>
        isCriticalOnly
          ? alertCounts.critical > 0
          : alertCounts.critical + alertCounts.warning + alertCounts.info > 0,
      )
      .map((aggregate) => aggregate.buyerId)
      .sort()
      .join('\n');
  }, [aggregates, isCriticalOnly]);
  return useLiveQuery(async () => {
    if (idsKey === undefined) return undefined;
    const ids = idsKey === '' ? [] : idsKey.split('\n');
    const reader = dexieReader(db);
    const [ledgers, policy, states] = await Promise.all([
      loadBuyerLedgers(reader, ids),
      loadPolicy(reader),
      db.alertStates.toArray(),
    ]);
    const entries = alertEntries(ledgers, policy, states, today);
    return isCriticalOnly ? entries.filter((entry) => entry.alert.severity === 'critical') : entries;
  }, [db, today, idsKey, isCriticalOnly]);
}

/**
 * The workspace, or `null` outside a `WorkspaceProvider` (the shell is also rendered on its own, in its
 * tests): lets a component mounted in the shell stay silent instead of throwing.
 */
export function useOptionalWorkspace(): Workspace | null {
  try {
    return useWorkspace();
  } catch {
    return null;
  }
}

const NOTIFIED_PREFIX = 'encours:notified-alerts:';

/** The keys of the critical alerts already notified in this workspace (local to this computer). */
export function readNotifiedKeys(storage: Storage, workspaceId: string): Set<string> {
  const raw = storage.getItem(NOTIFIED_PREFIX + workspaceId);
  if (raw === null) return new Set();
  try {
    const parsed: unknown = JSON.parse(raw);
    return new Set(
      Array.isArray(parsed) ? parsed.filter((key): key is string => typeof key === 'string') : [],
    );
  } catch {
    return new Set();
  }
}

export function writeNotifiedKeys(storage: Storage, workspaceId: string, keys: readonly string[]): void {
  storage.setItem(NOTIFIED_PREFIX + workspaceId, JSON.stringify(keys));
}

/** The id of the current workspace, for per-workspace local memories. */
export function useWorkspaceId(): string {
  return useWorkspace().db.workspaceId;
}
