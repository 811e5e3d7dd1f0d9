/**
 * Leader election: one sync engine per workspace across windows and tabs. The leader holds a named lock for
 * as long as it runs; the others wait on the same lock as followers and take over when it is released (the
 * leader stops, its window closes).
 *
 * `webLocksLeader` uses the Web Locks API (`navigator.locks`); `soloLeader` is for a single process without
 * it (Node, tests); `createLocalLeaderLock` is an in-process lock with the same semantics, for tests that
 * run two engines on one workspace.
 */
export type LeaderLock = {
  /**
   * Runs `lead` once this caller holds the lock `name`, and holds it until `lead` settles. Waits while
   * another holder has it; resolves without running `lead` if `signal` aborts first.
   */
  request(name: string, signal: AbortSignal, lead: () => Promise<void>): Promise<void>;
};

export function lockName(workspaceId: string): string {
  return `encours-sync:${workspaceId}`;
}

type LockManagerLike = {
  request(name: string, options: { signal: AbortSignal }, callback: () => Promise<void>): Promise<unknown>;
};

function lockManager(): LockManagerLike | undefined {
  if (typeof navigator === 'undefined' || !('locks' in navigator)) return undefined;
  const locks: unknown = navigator.locks;
  return typeof locks === 'object' &&
    locks !== null &&
    'request' in locks &&
    typeof locks.request === 'function'
    ? { request: (name, options, callback) => navigator.locks.request(name, options, callback) }
    : undefined;
}

export function webLocksLeader(): LeaderLock | undefined {
  const manager = lockManager();
  if (manager === undefined) return undefined;
  return {
    async request(name, signal, lead) {
      try {
        await manager.request(name, { signal }, lead);
      } catch (error) {
        // Aborting while waiting as a follower is the normal way to stop.
        if (!signal.aborted) throw error;
      }
    },
  };
}

export const soloLeader: LeaderLock = {
  request(_name, signal, lead) {
    return signal.aborted ? Promise.resolve() : lead();
  },
};

export function createLocalLeaderLock(): LeaderLock {
  const tails = new Map<string, Promise<void>>();
  return {
    request(name, signal, lead) {
      const previous = tails.get(name) ?? Promise.resolve();
      const mine = previous.then(() => (signal.aborted ? undefined : lead()));
      tails.set(
        name,
        mine.catch(() => undefined),
      );
      return mine;
    },
  };
}

export function defaultLeaderLock(): LeaderLock {
  return webLocksLeader() ?? soloLeader;
}
