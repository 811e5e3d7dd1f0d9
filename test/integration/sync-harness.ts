/**
 * Harness of the sync integration tests: a REAL server (SQLite in a temp folder) on loopback, a team
 * (workspace, owner, invited devices) and clients — each a real workspace database (fake-indexeddb) with a
 * sync engine in manual mode, talking HTTP through a per-client "network" that can go offline, lose answers
 * or rewrite requests. The server can be restarted on the same folder; clients follow its new address.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import type { Command } from '../../shared/commands/define';
import { ENTITY_NAMES } from '../../shared/commands/entities';
import {
  createInviteResponseSchema,
  createWorkspaceResponseSchema,
  registerDeviceResponseSchema,
} from '../../shared/sync/protocol';
import type { AppDB } from '../../renderer/db/app-db';
import { openAppDb } from '../../renderer/db/open-db';
import { runCommand } from '../../renderer/db/run-command';
import { createSyncEngine } from '../../renderer/sync/engine';
import type { SyncEngine, SyncEngineConfig } from '../../renderer/sync/engine';
import type { FetchLike } from '../../renderer/sync/http-client';
import { startServer } from '../../server/src/start';
import type { RunningServer } from '../../server/src/start';

/** Clients address the server by this name; their network maps it to the current loopback address. */
const SERVER_NAME = 'http://encours.test';
export const TODAY = '2026-03-01';

export type Network = {
  isOffline: boolean;
  /** Called before a request leaves; may rewrite its body. */
  rewrite?: (url: string, init: RequestInit) => RequestInit;
  /** Called after the server answered; `true` loses the answer (the request DID reach the server). */
  loseAnswer?: (url: string, init: RequestInit) => boolean;
  readonly requests: string[];
};

export type Team = {
  readonly ws: string;
  readonly ownerToken: string;
  address(): string;
  server(): RunningServer;
  invite(name?: string): Promise<{ token: string; deviceId: string }>;
  revoke(deviceId: string): Promise<number>;
  restart(): Promise<void>;
  close(): Promise<void>;
};

async function json(response: Response): Promise<unknown> {
  return response.json();
}

export async function startTeam(): Promise<Team> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'encours-sync-it-'));
  const open = () =>
    startServer({
      dataDir,
      port: 0,
      print: () => undefined,
      rateLimit: { capacity: 1_000_000, refillPerSecond: 1_000_000 },
    });
  let server = await open();
  const setupToken = server.setupToken;
  const created = createWorkspaceResponseSchema.parse(
    await json(
      await fetch(`${server.address}/v1/workspaces`, {
        method: 'POST',
        headers: { authorization: `Bearer ${setupToken ?? ''}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Dupont SAS', deviceName: 'PC compta' }),
      }),
    ),
  );
  const ownerToken = created.owner?.token ?? '';
  const ws = created.workspaceId;
  return {
    ws,
    ownerToken,
    address: () => server.address,
    server: () => server,
    async invite(name = 'Portable') {
      const invite = createInviteResponseSchema.parse(
        await json(
          await fetch(`${server.address}/v1/workspaces/${ws}/invites`, {
            method: 'POST',
            headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json' },
            body: JSON.stringify({}),
          }),
        ),
      );
      const device = registerDeviceResponseSchema.parse(
        await json(
          await fetch(`${server.address}/v1/devices`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ inviteCode: invite.inviteCode, deviceName: name }),
          }),
        ),
      );
      return { token: device.token, deviceId: device.deviceId };
    },
    async revoke(deviceId) {
      const answer = await fetch(`${server.address}/v1/devices/${deviceId}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${ownerToken}` },
      });
      return answer.status;
    },
    async restart() {
      await server.close();
      server = await open();
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function networkFetch(team: Team, network: Network): FetchLike {
  return async (input, init) => {
    if (network.isOffline) throw new TypeError('fetch failed (offline)');
    const url = input.replace(SERVER_NAME, team.address());
    network.requests.push(url.slice(team.address().length));
    const response = await fetch(url, network.rewrite?.(url, init) ?? init);
    if (network.loseAnswer?.(url, init) === true) {
      await response.text();
      throw new TypeError('fetch failed (connection reset)');
    }
    return response;
  };
}

export type Client = {
  readonly name: string;
  readonly db: AppDB;
  readonly network: Network;
  engine: SyncEngine;
  run<S extends z.ZodType>(command: Command<string, S>, args: z.input<S>): Promise<void>;
  /** A new engine on the same database (as after an app restart). */
  reopen(overrides?: Partial<SyncEngineConfig>): Promise<void>;
};

export async function newClient(
  team: Team,
  name: string,
  token: string,
  overrides: Partial<SyncEngineConfig> = {},
): Promise<Client> {
  const db = await openAppDb(`${name}-${crypto.randomUUID()}`);
  const network: Network = { isOffline: false, requests: [] };
  const engineFor = (extra: Partial<SyncEngineConfig>) =>
    createSyncEngine(db, {
      serverUrl: SERVER_NAME,
      workspaceId: team.ws,
      token,
      mode: 'manual',
      fetch: networkFetch(team, network),
      today: () => TODAY,
      actor: name,
      ...overrides,
      ...extra,
    });
  const client: Client = {
    name,
    db,
    network,
    engine: engineFor({}),
    async run(command, args) {
      const result = await runCommand(db, command, args, {
        actor: name,
        now: new Date().toISOString(),
        today: TODAY,
      });
      if (!result.ok) throw new Error(`${name}: ${command.name} refused locally: ${result.error.message.en}`);
    },
    async reopen(extra = {}) {
      await client.engine.stop();
      client.engine = engineFor(extra);
      client.engine.start();
    },
  };
  client.engine.start();
  return client;
}

/** Every entity table, rows sorted by id: what "identical databases" compares. */
export async function entityDump(db: AppDB): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const entity of ENTITY_NAMES) {
    const rows = await db.entities[entity].toArray();
    dump[entity] = rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return dump;
}

/** Syncs every client in turn, twice: the second round brings each the changes pushed after its first. */
export async function syncAll(clients: readonly Client[], rounds = 2): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    for (const client of clients) {
      const state = await client.engine.syncNow();
      if (state.status !== 'idle') {
        throw new Error(`${client.name}: sync ended ${state.status} (${state.error?.code ?? '-'})`);
      }
    }
  }
}

export function buyer(id: string, name = `Client ${id}`) {
  return { id, name };
}

export function invoice(id: string, buyerId: string, amountHtCents = 100_000) {
  return {
    id,
    buyerId,
    number: `F-${id}`,
    issueDate: '2026-01-10',
    dueDate: '2026-02-09',
    amountHtCents,
    amountTtcCents: amountHtCents + amountHtCents / 5,
    currency: 'EUR',
  };
}

export function decision(id: string, buyerId: string, amountCents: number, baseVersion: number) {
  return {
    baseVersion,
    decision: {
      id,
      buyerId,
      layer: 'named' as const,
      kind: 'granted' as const,
      decisionDate: '2026-01-05',
      effectiveDate: '2026-01-05',
      amountCents,
      currency: 'EUR',
    },
  };
}
