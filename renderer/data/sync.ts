/**
 * Team sync for the screens: the connection of the current workspace (kept by the bridge — safeStorage in
 * the desktop app, sessionStorage in browser mode, never IndexedDB or localStorage), the sync engine's
 * life, and what the header indicator, Paramètres and the Conflits badge read.
 *
 * Invariants:
 * - Mount `<SyncProvider>` once, inside `WorkspaceProvider`. It reads the connection at start; when there is
 *   one it creates and starts the engine (auto mode) and stops it on unmount or disconnection. A new
 *   connection (reconnecting after a revoked token) gets a new engine.
 * - Disconnecting forgets the token and stops the engine, and nothing else: local data and pending changes
 *   stay, and are sent if the workspace is connected again.
 * - The token never leaves this module: screens see the connection without it.
 * - Outside a provider the hooks answer "local only" with no-op actions (a shell rendered alone, in tests).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import {
  createContext,
  createElement,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import type { ReactNode } from 'react';
import type { IpcErrorCode, SecretStorageInfo, SyncConnection } from '../../shared/ipc/contract';
import type { AppDB } from '../db/app-db';
import { createSyncEngine } from '../sync/engine';
import type { SyncEngine, SyncEngineConfig, SyncState } from '../sync/engine';
import { registerDevice } from '../sync/http-client';
import type { FetchLike } from '../sync/http-client';
import type { SyncFailure } from '../sync/sync-errors';
import { bridge } from '../platform/bridge';
import { useWorkspace } from './workspace-context';

export type { SyncFailure, SyncFailureCode } from '../sync/sync-errors';
export type { SyncState, SyncStatus } from '../sync/engine';

/** The connection as the screens see it: everything but the token. */
export type SyncConnectionInfo = Omit<SyncConnection, 'token'>;

export type SyncView =
  | { readonly kind: 'loading' }
  /** No server: the workspace lives on this computer only. */
  | { readonly kind: 'local' }
  | { readonly kind: 'connected'; readonly connection: SyncConnectionInfo; readonly state: SyncState };

export type ConnectFailure =
  | { readonly kind: 'sync'; readonly failure: SyncFailure }
  | { readonly kind: 'bridge'; readonly code: IpcErrorCode; readonly detail: string };

export type ConnectRequest = {
  readonly serverUrl: string;
  readonly inviteCode: string;
  readonly deviceName: string;
};

export type SyncActions = {
  /** Redeems the invite code, keeps the token through the bridge, then starts syncing. */
  readonly connect: (
    request: ConnectRequest,
  ) => Promise<{ readonly ok: true } | { readonly ok: false; readonly failure: ConnectFailure }>;
  /** Forgets the token and stops syncing; local data and pending changes stay. */
  readonly disconnect: () => Promise<void>;
  /** Syncs now (leaving a pause first: after an update of the app or the server). */
  readonly syncNow: () => Promise<void>;
};

export type SyncSnapshot = {
  readonly view: SyncView;
  /** Where the token is kept (null while unknown). */
  readonly secretStorage: SecretStorageInfo | null;
  /** Conflicts the user has not chosen for yet (the Conflits badge). */
  readonly unresolvedConflicts: number;
};

type SyncContextValue = SyncSnapshot & { readonly actions: SyncActions };

const LOCAL_ONLY: SyncContextValue = {
  view: { kind: 'local' },
  secretStorage: null,
  unresolvedConflicts: 0,
  actions: {
    connect: () => Promise.resolve({ ok: false, failure: { kind: 'bridge', code: 'internal', detail: '' } }),
    disconnect: () => Promise.resolve(),
    syncNow: () => Promise.resolve(),
  },
};

const SyncContext = createContext<SyncContextValue>(LOCAL_ONLY);

/** What tests replace: the device registration, the engine, and the HTTP transport. */
export type SyncDeps = {
  readonly register?: typeof registerDevice;
  readonly createEngine?: (db: AppDB, config: SyncEngineConfig) => SyncEngine;
  readonly fetch?: FetchLike;
  /** Extra engine settings (poll interval, debounce) for tests. */
  readonly engineOptions?: Partial<SyncEngineConfig>;
};

type EngineSnapshot = { readonly engine: SyncEngine | null; readonly state: SyncState | null };

/**
 * The running engine as an external store, so `useSyncExternalStore` follows it and the effect that owns
 * the engine never sets React state synchronously.
 */
function createEngineSlot() {
  let snapshot: EngineSnapshot = { engine: null, state: null };
  let unsubscribe: (() => void) | undefined;
  const listeners = new Set<() => void>();
  const emit = (): void => {
    for (const listener of listeners) listener();
  };
  return {
    subscribe: (listener: () => void): (() => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: (): EngineSnapshot => snapshot,
    attach: (engine: SyncEngine): void => {
      unsubscribe?.();
      snapshot = { engine, state: engine.getState() };
      unsubscribe = engine.subscribe((state) => {
        snapshot = { engine, state };
        emit();
      });
      emit();
    },
    detach: (engine: SyncEngine): void => {
      if (snapshot.engine !== engine) return;
      unsubscribe?.();
      unsubscribe = undefined;
      snapshot = { engine: null, state: null };
      emit();
    },
  };
}

function withoutToken(connection: SyncConnection): SyncConnectionInfo {
  const { token: _token, ...info } = connection;
  return info;
}

/** Best effort: a forgotten token should not stay valid on the server. Never blocks the disconnection. */
async function revokeOwnDevice(connection: SyncConnection, doFetch: FetchLike): Promise<void> {
  if (connection.deviceId === undefined) return;
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort();
  }, 3000);
  try {
    await doFetch(
      `${connection.serverUrl.replace(/\/+$/, '')}/v1/devices/${encodeURIComponent(connection.deviceId)}`,
      {
        method: 'DELETE',
        headers: { authorization: `Bearer ${connection.token}` },
        signal: controller.signal,
      },
    );
  } catch {
    // Offline or server gone: the token is forgotten here anyway; an owner can revoke it on the server.
  } finally {
    clearTimeout(timer);
  }
}

export function SyncProvider(props: { readonly children: ReactNode; readonly deps?: SyncDeps }): ReactNode {
  const { db, actor } = useWorkspace();
  const deps = props.deps;
  // `undefined` while the bridge answers; `null` when the workspace is not connected.
  const [connection, setConnection] = useState<SyncConnection | null | undefined>(undefined);
  const [secretStorage, setSecretStorage] = useState<SecretStorageInfo | null>(null);
  const [slot] = useState(createEngineSlot);
  const engineSnapshot = useSyncExternalStore(slot.subscribe, slot.getSnapshot);
  const unresolvedConflicts =
    useLiveQuery(() => db.conflicts.filter((row) => row.resolvedAt === undefined).count(), [db]) ?? 0;

  useEffect(() => {
    let live = true;
    void Promise.all([
      bridge.getSyncConnection({ workspaceId: db.workspaceId }),
      bridge.getSecretStorageInfo(),
    ]).then(([stored, info]) => {
      if (!live) return;
      setConnection(stored.ok ? stored.data : null);
      setSecretStorage(info.ok ? info.data : null);
    });
    return () => {
      live = false;
    };
  }, [db]);

  useEffect(() => {
    if (connection === undefined || connection === null) return;
    const create = deps?.createEngine ?? createSyncEngine;
    const engine = create(db, {
      serverUrl: connection.serverUrl,
      workspaceId: connection.remoteWorkspaceId,
      token: connection.token,
      actor,
      mode: 'auto',
      ...(deps?.fetch === undefined ? {} : { fetch: deps.fetch }),
      ...deps?.engineOptions,
    });
    slot.attach(engine);
    engine.start();
    return () => {
      slot.detach(engine);
      void engine.stop();
    };
  }, [db, actor, connection, slot, deps]);

  const connect = useCallback<SyncActions['connect']>(
    async (request) => {
      const serverUrl = request.serverUrl.trim().replace(/\/+$/, '');
      const deviceName = request.deviceName.trim();
      const register = deps?.register ?? registerDevice;
      const body = { inviteCode: request.inviteCode.trim(), deviceName };
      const registered =
        deps?.fetch === undefined
          ? await register(serverUrl, body)
          : await register(serverUrl, body, deps.fetch);
      if (!registered.ok) return { ok: false, failure: { kind: 'sync', failure: registered.error } };
      const next: SyncConnection = {
        serverUrl,
        remoteWorkspaceId: registered.value.workspaceId,
        token: registered.value.token,
        deviceId: registered.value.deviceId,
        deviceName,
        connectedAt: new Date().toISOString(),
      };
      const saved = await bridge.saveSyncConnection({ workspaceId: db.workspaceId, ...next });
      if (!saved.ok) {
        return {
          ok: false,
          failure: { kind: 'bridge', code: saved.error.code, detail: saved.error.message },
        };
      }
      setConnection(next);
      return { ok: true };
    },
    [db, deps],
  );

  const disconnect = useCallback(async () => {
    const current = connection;
    setConnection(null);
    await bridge.forgetSyncConnection({ workspaceId: db.workspaceId });
    if (current !== null && current !== undefined) {
      await revokeOwnDevice(current, deps?.fetch ?? ((input, init) => fetch(input, init)));
    }
  }, [connection, db, deps]);

  const syncNow = useCallback(async () => {
    const engine = slot.getSnapshot().engine;
    if (engine === null) return;
    if (engine.getState().status === 'paused') engine.resume();
    else await engine.syncNow();
  }, [slot]);

  const value = useMemo<SyncContextValue>(() => {
    let view: SyncView;
    if (connection === undefined) view = { kind: 'loading' };
    else if (connection === null) view = { kind: 'local' };
    else
      view = {
        kind: 'connected',
        connection: withoutToken(connection),
        state: engineSnapshot.state ?? { status: 'idle', pendingOps: 0, lastSyncAt: null, isLeader: false },
      };
    return { view, secretStorage, unresolvedConflicts, actions: { connect, disconnect, syncNow } };
  }, [connection, engineSnapshot, secretStorage, unresolvedConflicts, connect, disconnect, syncNow]);

  return createElement(SyncContext.Provider, { value }, props.children);
}

/** The sync view, where the token is kept, and the unresolved conflicts count. */
export function useSyncState(): SyncSnapshot {
  const { view, secretStorage, unresolvedConflicts } = useContext(SyncContext);
  return { view, secretStorage, unresolvedConflicts };
}

export function useSyncActions(): SyncActions {
  return useContext(SyncContext).actions;
}
