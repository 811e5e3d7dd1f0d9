/**
 * The client sync engine of ONE workspace database (architecture §5): bootstrap of a new device (paged,
 * resumable snapshot), push of the outbox in batches under the server's advertised limits, pull of the
 * server's changes, all through the coded HTTP client and the transactional local writes of local-store.ts.
 *
 * Invariants:
 * - One leader per workspace (Web Locks, or an injected lock): only the leader talks to the server.
 * - A cycle is bootstrap (if needed) → push everything → repair (if a rejection asked for it) → pull
 *   everything. Pull never runs after a failed push, so an op whose answer was lost is pushed again (and
 *   answered `duplicate` with its first result) before a pull could drop it unrecorded.
 * - Push runs after each local commit (debounced) and on a timer; after a failure the timer retries with
 *   jittered exponential backoff, without waiting for a new local write.
 * - 401, 403, 404, 426 and an op too large for the server pause the engine: the outbox is kept intact.
 * - Ordering never uses this computer's clock: the server's seq and our clientSeq only. The clock stamps
 *   `lastSyncAt` (display) and `updatedAt` of replayed local writes (audit) and nothing else.
 */
import { liveQuery } from 'dexie';
import { fromDate } from '../../shared/domain/dates';
import type { IsoDate } from '../../shared/domain/types';
import { DEFAULT_LIMITS, PROTOCOL_VERSION, SCHEMA_VERSION } from '../../shared/sync/protocol';
import type { LimitsResponse, PushOp } from '../../shared/sync/protocol';
import type { AppDB, OutboxOp } from '../db/app-db';
import { createSyncHttpClient } from './http-client';
import type { SnapshotRequest, SyncHttpClient, SyncServerConfig } from './http-client';
import { defaultLeaderLock, lockName } from './leader-lock';
import type { LeaderLock } from './leader-lock';
import {
  applyPullPage,
  applyPushResults,
  applySnapshotPage,
  beginBootstrap,
  readSyncMeta,
  updateSyncMeta,
} from './local-store';
import type { LocalContext } from './local-store';
import { DEFAULT_BACKOFF, nextBatch, retryDelay } from './schedule';
import type { BackoffPolicy } from './schedule';
import { isPausing, syncFailure } from './sync-errors';
import type { SyncFailure } from './sync-errors';

export type SyncStatus = 'offline' | 'idle' | 'syncing' | 'paused' | 'error';

export type SyncState = {
  readonly status: SyncStatus;
  /** Local operations not yet acknowledged by the server. */
  readonly pendingOps: number;
  /** ISO timestamp of the last complete cycle (display only). */
  readonly lastSyncAt: string | null;
  readonly error?: SyncFailure;
  /** False while another window of this workspace is the sync leader. */
  readonly isLeader: boolean;
};

export type SyncEngineConfig = SyncServerConfig & {
  /** Who replayed local writes are attributed to (audit). */
  readonly actor?: string;
  readonly lock?: LeaderLock;
  /** `manual`: no timers and no outbox watching; only `syncNow()` syncs (tests, diagnostics). */
  readonly mode?: 'auto' | 'manual';
  readonly pollIntervalMs?: number;
  readonly debounceMs?: number;
  readonly backoff?: BackoffPolicy;
  readonly pullPageSize?: number;
  readonly snapshotPageSize?: number;
  /** Clock for display and audit only. */
  readonly now?: () => Date;
  /** The date aggregates are computed for (defaults to the UTC date of `now`). */
  readonly today?: () => IsoDate;
  readonly random?: () => number;
  /** Injected for tests; built from the config otherwise. */
  readonly http?: SyncHttpClient;
};

export type SyncEngine = {
  start(): void;
  stop(): Promise<void>;
  getState(): SyncState;
  /** `useSyncExternalStore`-ready: calls `listener` on every state change; returns the unsubscribe. */
  subscribe(listener: (state: SyncState) => void): () => void;
  /** Runs a cycle now (or right after the running one) if this engine leads; resolves with the state after. */
  syncNow(): Promise<SyncState>;
  /** Leaves a pause (after reconnecting with a new token, or an application update) and syncs. */
  resume(): void;
};

/**
 * Page sizes: a page's JSON is parsed and validated in one main-thread task when it arrives, so pages stay
 * small enough for that task to be short (a 5 000-row snapshot page took ~80 ms on a loaded machine); local
 * writes then slice their own work (local-store.ts).
 */
const DEFAULTS = { pollIntervalMs: 30_000, debounceMs: 300, pullPageSize: 1000, snapshotPageSize: 1000 };
/** A cycle that re-bootstraps more often than this in a row is looping on a broken server: give up. */
const MAX_BOOTSTRAP_RESTARTS = 3;

function toPushOp(op: OutboxOp): PushOp {
  return {
    opId: op.opId,
    clientSeq: op.clientSeq,
    command: op.command,
    args: op.args,
    ...(op.baseVersion === undefined ? {} : { baseVersion: op.baseVersion }),
  };
}

function versionSupported(limits: LimitsResponse): boolean {
  return (
    limits.protocolVersion === PROTOCOL_VERSION &&
    SCHEMA_VERSION >= limits.minSchemaVersion &&
    SCHEMA_VERSION <= limits.schemaVersion
  );
}

export function createSyncEngine(db: AppDB, config: SyncEngineConfig): SyncEngine {
  const http = config.http ?? createSyncHttpClient(config);
  const lock = config.lock ?? defaultLeaderLock();
  const isAuto = (config.mode ?? 'auto') === 'auto';
  const pollIntervalMs = config.pollIntervalMs ?? DEFAULTS.pollIntervalMs;
  const debounceMs = config.debounceMs ?? DEFAULTS.debounceMs;
  const backoff = config.backoff ?? DEFAULT_BACKOFF;
  const now = config.now ?? (() => new Date());
  const today = config.today ?? (() => fromDate(now()));
  const random = config.random ?? Math.random;
  const context = (): LocalContext => ({
    now: now().toISOString(),
    today: today(),
    actor: config.actor ?? 'sync',
  });

  let state: SyncState = { status: 'idle', pendingOps: 0, lastSyncAt: null, isLeader: false };
  const listeners = new Set<(state: SyncState) => void>();
  const setState = (patch: Partial<SyncState>, clearError = false): void => {
    const { error: _error, ...rest } = state;
    state = { ...(clearError ? rest : state), ...patch };
    for (const listener of listeners) listener(state);
  };

  let limits: LimitsResponse | undefined;
  let isLeader = false;
  let isStopped = true;
  let isPaused = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let rerun = false;
  let abort: AbortController | undefined;
  let releaseLeadership: (() => void) | undefined;
  let watcher: { unsubscribe(): void } | undefined;

  const clearTimers = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    if (debounce !== undefined) clearTimeout(debounce);
    timer = undefined;
    debounce = undefined;
  };

  const schedule = (delayMs: number): void => {
    if (!isAuto || isStopped || isPaused || !isLeader) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void runCycle();
    }, delayMs);
  };

  async function ensureLimits(): Promise<SyncFailure | undefined> {
    if (limits !== undefined) return undefined;
    const answer = await http.limits();
    if (!answer.ok) {
      // An old server without /v1/limits still syncs under the protocol's defaults.
      if (answer.error.code !== 'not-found') return answer.error;
      limits = {
        protocolVersion: PROTOCOL_VERSION,
        minSchemaVersion: SCHEMA_VERSION,
        schemaVersion: SCHEMA_VERSION,
        ...DEFAULT_LIMITS,
      };
      return undefined;
    }
    if (!versionSupported(answer.value)) return syncFailure('version-not-supported');
    limits = answer.value;
    return undefined;
  }

  async function bootstrap(serverLimits: LimitsResponse): Promise<SyncFailure | undefined> {
    // Never more than the server allows; the default stays small (see DEFAULTS), the next page is prefetched.
    const pageSize = Math.min(
      config.snapshotPageSize ?? DEFAULTS.snapshotPageSize,
      serverLimits.maxSnapshotLimit,
    );
    const requestOf = (atSeq: number | null, after: string | null): SnapshotRequest => ({
      ...(atSeq === null ? {} : { atSeq }),
      ...(after === null ? {} : { after }),
      limit: pageSize,
    });
    // The next page is fetched while this one is written. It is used only if the bootstrap state stored
    // after the write asks for exactly that request; the stored state stays the one source of progress.
    let prefetched: { key: string; page: ReturnType<SyncHttpClient['snapshot']> } | undefined;
    let restarts = 0;
    for (;;) {
      const { sync } = await readSyncMeta(db);
      const progress = sync.bootstrap ?? (await beginBootstrap(db, sync.isBootstrapped)).bootstrap;
      if (progress === undefined) return undefined;
      const request = requestOf(progress.atSeq, progress.after);
      const key = JSON.stringify(request);
      const page = await (prefetched?.key === key ? prefetched.page : http.snapshot(request));
      prefetched = undefined;
      if (page.ok && page.value.hasMore && page.value.nextAfter !== null) {
        const ahead = requestOf(page.value.atSeq, page.value.nextAfter);
        const next = http.snapshot(ahead);
        // A page fetched ahead and then not used must not surface as an unhandled rejection.
        next.catch(() => undefined);
        prefetched = { key: JSON.stringify(ahead), page: next };
      }
      if (!page.ok) {
        // The log was compacted past our atSeq while we were away: start over from a fresh snapshot.
        if (page.error.code !== 'cursor-too-old' || ++restarts > MAX_BOOTSTRAP_RESTARTS) return page.error;
        await beginBootstrap(db, true);
        continue;
      }
      const next = await applySnapshotPage(db, page.value, context());
      if (next.bootstrap === undefined) return undefined;
    }
  }

  async function pushAll(clientId: string, serverLimits: LimitsResponse): Promise<SyncFailure | undefined> {
    let cap = serverLimits.maxOpsPerPush;
    const envelope = { protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, clientId };
    for (;;) {
      const pending = await db.outbox.orderBy('clientSeq').limit(cap).toArray();
      if (pending.length === 0) return undefined;
      const ops = nextBatch(envelope, pending.map(toPushOp), {
        maxOps: cap,
        maxBodyBytes: serverLimits.maxBodyBytes,
      });
      const answer = await http.push({ ...envelope, ops });
      if (!answer.ok) {
        if (answer.error.code === 'body-too-large' && ops.length > 1) {
          cap = Math.max(1, Math.floor(ops.length / 2));
          continue;
        }
        return answer.error;
      }
      const outcome = await applyPushResults(db, answer.value.results, context());
      if (outcome.acknowledged === 0) return syncFailure('invalid-response');
    }
  }

  async function pullAll(clientId: string): Promise<SyncFailure | undefined> {
    for (;;) {
      const { sync } = await readSyncMeta(db);
      const page = await http.pull(sync.cursor, config.pullPageSize ?? DEFAULTS.pullPageSize, clientId);
      if (!page.ok) return page.error;
      await applyPullPage(db, sync.cursor, page.value, context());
      if (!page.value.hasMore) return undefined;
    }
  }

  async function cycle(): Promise<SyncFailure | undefined> {
    const limitsFailure = await ensureLimits();
    if (limitsFailure !== undefined || limits === undefined)
      return limitsFailure ?? syncFailure('invalid-response');
    const { clientId, sync } = await readSyncMeta(db);
    if (!sync.isBootstrapped || sync.bootstrap !== undefined) {
      const failure = await bootstrap(limits);
      if (failure !== undefined) return failure;
    }
    const pushFailure = await pushAll(clientId, limits);
    if (pushFailure !== undefined) return pushFailure;
    if ((await readSyncMeta(db)).sync.needsRepair === true) {
      await beginBootstrap(db, true);
      const failure = await bootstrap(limits);
      if (failure !== undefined) return failure;
    }
    let pullFailure = await pullAll(clientId);
    if (pullFailure?.code === 'cursor-too-old') {
      await beginBootstrap(db, true);
      pullFailure = (await bootstrap(limits)) ?? (await pullAll(clientId));
    }
    if (pullFailure !== undefined) return pullFailure;
    const lastSyncAt = now().toISOString();
    await updateSyncMeta(db, (current) => ({ ...current, lastSyncAt }));
    setState({ lastSyncAt });
    return undefined;
  }

  async function refreshPending(): Promise<void> {
    setState({ pendingOps: await db.outbox.count() });
  }

  // Read through a function: `rerun` is set by callers while a cycle awaits, which flow analysis cannot see.
  const isRerunAsked = (): boolean => rerun;

  function runCycle(): Promise<void> {
    if (running !== undefined) {
      rerun = true;
      return running;
    }
    const run = async (): Promise<void> => {
      do {
        rerun = false;
        if (!isLeader || isPaused) return;
        setState({ status: 'syncing' });
        let failure: SyncFailure | undefined;
        try {
          failure = await cycle();
        } catch {
          failure = syncFailure('local-error');
        }
        await refreshPending().catch(() => undefined);
        if (failure === undefined) {
          failures = 0;
          setState({ status: 'idle' }, true);
          schedule(pollIntervalMs);
        } else if (isPausing(failure.code)) {
          isPaused = true;
          clearTimers();
          setState({ status: 'paused', error: failure });
          return;
        } else {
          failures++;
          setState({ status: failure.code === 'offline' ? 'offline' : 'error', error: failure });
          schedule(retryDelay(failures, backoff, random(), failure.retryAfterMs));
          return;
        }
      } while (isRerunAsked());
    };
    running = run().finally(() => {
      running = undefined;
    });
    return running;
  }

  /** A new local commit: push soon (debounced), unless a backoff is running — its timer will retry. */
  function onOutboxChanged(count: number, previous: number | undefined): void {
    setState({ pendingOps: count });
    if (!isAuto || !isLeader || isPaused || failures > 0) return;
    if (previous !== undefined && count <= previous) return;
    if (debounce !== undefined) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = undefined;
      void runCycle();
    }, debounceMs);
  }

  return {
    start() {
      if (!isStopped) return;
      isStopped = false;
      void readSyncMeta(db)
        .then(({ sync }) => {
          if (state.lastSyncAt === null && sync.lastSyncAt !== undefined)
            setState({ lastSyncAt: sync.lastSyncAt });
        })
        .catch(() => undefined);
      if (isAuto) {
        let previous: number | undefined;
        watcher = liveQuery(() => db.outbox.count()).subscribe({
          next: (count) => {
            onOutboxChanged(count, previous);
            previous = count;
          },
          error: () => undefined,
        });
      }
      const controller = new AbortController();
      abort = controller;
      const leading = new Promise<void>((resolve) => {
        releaseLeadership = resolve;
      });
      void lock
        .request(lockName(config.workspaceId), controller.signal, async () => {
          if (controller.signal.aborted) return;
          isLeader = true;
          setState({ isLeader: true });
          void runCycle();
          await leading;
        })
        .catch(() => undefined)
        .finally(() => {
          isLeader = false;
        });
    },
    async stop() {
      isStopped = true;
      clearTimers();
      watcher?.unsubscribe();
      watcher = undefined;
      abort?.abort();
      await running;
      releaseLeadership?.();
      isLeader = false;
      setState({ isLeader: false });
    },
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async syncNow() {
      await runCycle();
      // A call made while a cycle ran asked for another one: wait for it too.
      await running;
      return state;
    },
    resume() {
      if (!isPaused) return;
      isPaused = false;
      failures = 0;
      limits = undefined;
      setState({ status: 'idle' }, true);
      void runCycle();
    },
  };
}
