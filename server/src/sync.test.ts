// The sync server end to end over real HTTP on loopback, ONE suite run on BOTH storage adapters: SQLite in a
// temp folder and PostgreSQL in a throwaway cluster (skipped only when no `initdb` exists on this machine).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../shared/sync/protocol';
import { pullResponseSchema, pushResponseSchema, snapshotResponseSchema } from '../../shared/sync/protocol';
import type { StartOptions, RunningServer } from './start';
import { startServer } from './start';
import { DataFolderLockedError, openSqliteStorage } from './storage/sqlite';
import { createApi, field, text } from './test-support/client';
import type { Api } from './test-support/client';
import { findPgBin, startPostgres } from './test-support/postgres';
import type { PostgresCluster } from './test-support/postgres';

const serverRoot = fileURLToPath(new URL('..', import.meta.url));
const pgBin = findPgBin();

type Backend = {
  readonly name: 'sqlite' | 'postgres';
  /** Where a fresh, empty server keeps its data. */
  fresh(): Promise<{ dataDir?: string; databaseUrl?: string }>;
};

const tempDirs: string[] = [];
let cluster: PostgresCluster | undefined;
let databaseCount = 0;

const sqliteBackend: Backend = {
  name: 'sqlite',
  fresh() {
    const dir = mkdtempSync(path.join(tmpdir(), 'encours-server-'));
    tempDirs.push(dir);
    return Promise.resolve({ dataDir: dir });
  },
};

const postgresBackend: Backend = {
  name: 'postgres',
  async fresh() {
    if (cluster === undefined) throw new Error('PostgreSQL cluster not started');
    const name = `encours_${++databaseCount}`;
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    return { databaseUrl: cluster.url.replace(/\/postgres$/, `/${name}`) };
  },
};

beforeAll(async () => {
  if (pgBin !== undefined) cluster = await startPostgres(pgBin);
}, 60_000);

afterAll(() => {
  cluster?.stop();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

const BACKENDS: readonly Backend[] = [sqliteBackend, postgresBackend];

function pushBody(
  clientId: string,
  ops: readonly { clientSeq: number; command: string; args: unknown; baseVersion?: number }[],
) {
  return {
    protocolVersion: PROTOCOL_VERSION,
    schemaVersion: SCHEMA_VERSION,
    clientId,
    ops: ops.map((op) => ({ opId: `${clientId}-${op.clientSeq}`, ...op })),
  };
}

const buyer = (id: string, name = `Client ${id}`) => ({ command: 'createBuyer', args: { id, name } });

type Team = {
  readonly server: RunningServer;
  readonly api: Api;
  readonly ws: string;
  readonly owner: string;
  invite(): Promise<string>;
};

describe.each(BACKENDS)('sync server on $name', (backend) => {
  const skip = backend.name === 'postgres' && pgBin === undefined;
  if (skip) {
    it.skip('PostgreSQL suite skipped: no initdb under /usr/lib/postgresql/*/bin (apt-get install postgresql)', () => {
      // Intentionally empty: the reason is the test's name.
    });
    return;
  }

  const running: RunningServer[] = [];
  afterAll(async () => {
    for (const server of running) await server.close().catch(() => undefined);
  }, 30_000);

  async function start(options: Partial<StartOptions> = {}): Promise<RunningServer> {
    const where = await backend.fresh();
    const server = await startServer({ ...where, port: 0, print: () => undefined, ...options });
    running.push(server);
    return server;
  }

  async function team(options: Partial<StartOptions> = {}): Promise<Team> {
    const server = await start(options);
    const api = createApi(server.address);
    const created = await api.post('/v1/workspaces', server.setupToken, {
      name: 'Dupont SAS',
      deviceName: 'PC',
    });
    expect(created.status).toBe(201);
    const ws = text(created.body, 'workspaceId');
    const owner = text(created.body, 'owner', 'token');
    return {
      server,
      api,
      ws,
      owner,
      async invite() {
        const invite = await api.post(`/v1/workspaces/${ws}/invites`, owner, {});
        expect(invite.status).toBe(201);
        const device = await api.post('/v1/devices', undefined, {
          inviteCode: text(invite.body, 'inviteCode'),
          deviceName: 'Portable',
        });
        expect(device.status).toBe(201);
        return text(device.body, 'token');
      },
    };
  }

  it('setup token → workspace and owner; invite → device; each secret works once', async () => {
    const server = await start();
    const api = createApi(server.address);
    expect(server.setupToken).toMatch(/^setup_/);
    const created = await api.post('/v1/workspaces', server.setupToken, { name: 'Dupont SAS' });
    expect(created.status).toBe(201);
    const ws = text(created.body, 'workspaceId');
    const owner = text(created.body, 'owner', 'token');
    expect((await api.post('/v1/workspaces', server.setupToken, { name: 'Again' })).status).toBe(401);

    const invite = await api.post(`/v1/workspaces/${ws}/invites`, owner, { role: 'member' });
    expect(invite.status).toBe(201);
    const code = text(invite.body, 'inviteCode');
    const device = await api.post('/v1/devices', undefined, { inviteCode: code, deviceName: 'Portable' });
    expect(device.status).toBe(201);
    expect(field(device.body, 'workspaceId')).toBe(ws);
    expect(field(device.body, 'role')).toBe('member');
    const member = text(device.body, 'token');
    expect((await api.post('/v1/devices', undefined, { inviteCode: code, deviceName: 'Autre' })).status).toBe(
      401,
    );

    // A member may sync but not invite nor create workspaces; the owner may create another workspace.
    expect((await api.get(`/v1/workspaces/${ws}/pull`, member)).status).toBe(200);
    expect((await api.post(`/v1/workspaces/${ws}/invites`, member, {})).status).toBe(403);
    expect((await api.post('/v1/workspaces', member, { name: 'Mine' })).status).toBe(403);
    const second = await api.post('/v1/workspaces', owner, { name: 'Filiale' });
    expect(second.status).toBe(201);
    expect(field(second.body, 'owner')).toBeUndefined();
    expect((await api.get(`/v1/workspaces/${text(second.body, 'workspaceId')}/pull`, owner)).status).toBe(
      200,
    );
  });

  it('push: applied, duplicate (same answer, no effect), gap 409, rejected with reason, conflict with the server value', async () => {
    const { api, ws, owner, server, invite } = await team();
    const route = `/v1/workspaces/${ws}/push`;
    const first = await api.post(route, owner, pushBody('laptop-a', [{ clientSeq: 1, ...buyer('b1') }]));
    expect(first.status).toBe(200);
    expect(pushResponseSchema.parse(first.body).results).toEqual([
      { clientSeq: 1, status: 'applied', seq: 1 },
    ]);

    const before = await server.storage.countRows(ws);
    const again = await api.post(
      route,
      owner,
      pushBody('laptop-a', [{ clientSeq: 1, ...buyer('b1', 'Renamed') }]),
    );
    expect(pushResponseSchema.parse(again.body).results).toEqual([
      { clientSeq: 1, status: 'duplicate', seq: 1 },
    ]);
    expect(await server.storage.countRows(ws)).toEqual(before);

    const gap = await api.post(route, owner, pushBody('laptop-a', [{ clientSeq: 3, ...buyer('b3') }]));
    expect(gap.status).toBe(409);
    expect(field(gap.body, 'error', 'code')).toBe('sequence-gap');
    expect(await server.storage.countRows(ws)).toEqual(before);

    const orphan = {
      command: 'recordInvoice',
      args: {
        id: 'i1',
        buyerId: 'nobody',
        number: 'F-1',
        issueDate: '2026-01-10',
        dueDate: '2026-02-09',
        amountHtCents: 1000,
        amountTtcCents: 1200,
        currency: 'EUR',
      },
    };
    const rejected = await api.post(route, owner, pushBody('laptop-a', [{ clientSeq: 2, ...orphan }]));
    const [rejectedResult] = pushResponseSchema.parse(rejected.body).results;
    expect(rejectedResult?.status).toBe('rejected');
    expect(rejectedResult?.reason?.code).toBe('not-found');
    expect(rejectedResult?.seq).toBeUndefined();

    // Two laptops decide a limit from the same base (limitHistoryVersion 0): one applied, one conflict.
    const decision = (id: string, amountCents: number) => ({
      command: 'recordLimitDecision',
      baseVersion: 0,
      args: {
        baseVersion: 0,
        decision: {
          id,
          buyerId: 'b1',
          layer: 'named',
          kind: 'granted',
          decisionDate: '2026-01-05',
          effectiveDate: '2026-01-05',
          amountCents,
          currency: 'EUR',
        },
      },
    });
    const member = await invite();
    const win = await api.post(
      route,
      owner,
      pushBody('laptop-a', [{ clientSeq: 3, ...decision('d1', 5_000_000) }]),
    );
    expect(pushResponseSchema.parse(win.body).results[0]).toEqual({
      clientSeq: 3,
      status: 'applied',
      seq: 2,
    });
    const lose = await api.post(
      route,
      member,
      pushBody('laptop-b', [{ clientSeq: 1, ...decision('d2', 7_000_000) }]),
    );
    const [conflict] = pushResponseSchema.parse(lose.body).results;
    expect(conflict?.status).toBe('conflict');
    expect(conflict?.reason?.code).toBe('conflict');
    const serverBuyer = conflict?.serverValue?.find((row) => row.entity === 'buyers');
    expect(serverBuyer?.fields['limitHistoryVersion']).toBe(1);
    const serverDecision = conflict?.serverValue?.find((row) => row.entity === 'limitDecisions');
    expect(serverDecision?.fields['amountCents']).toBe(5_000_000);
    // The conflict is acknowledged: the next op of laptop-b is clientSeq 2, and its duplicate repeats the value.
    const replay = await api.post(
      route,
      member,
      pushBody('laptop-b', [{ clientSeq: 1, ...decision('d2', 7_000_000) }]),
    );
    expect(pushResponseSchema.parse(replay.body).results[0]?.serverValue).toEqual(conflict?.serverValue);
    // A clientId belongs to the device that first used it.
    expect(
      (await api.post(route, member, pushBody('laptop-a', [{ clientSeq: 4, ...buyer('bx') }]))).status,
    ).toBe(403);
  });

  it('pull pages by seq without splitting an operation, and reports lastClientSeq', async () => {
    const { api, ws, owner } = await team();
    const ops: { clientSeq: number; command: string; args: unknown }[] = [1, 2, 3, 4, 5].map((n) => ({
      clientSeq: n,
      ...buyer(`b${n}`),
    }));
    ops.push({
      clientSeq: 6,
      command: 'recordLimitDecision',
      args: {
        baseVersion: 0,
        decision: {
          id: 'd1',
          buyerId: 'b1',
          layer: 'named',
          kind: 'granted',
          decisionDate: '2026-01-05',
          effectiveDate: '2026-01-05',
          amountCents: 100_000,
          currency: 'EUR',
        },
      },
    });
    expect((await api.post(`/v1/workspaces/${ws}/push`, owner, pushBody('c1', ops))).status).toBe(200);
    // 5 buyers (seq 1..5), then one op with 2 changes (seq 6): 7 change rows in all.
    const seen: number[] = [];
    let cursor = 0;
    let pages = 0;
    for (;;) {
      const page = await api.get(`/v1/workspaces/${ws}/pull?since=${cursor}&limit=2&clientId=c1`, owner);
      expect(page.status).toBe(200);
      const body = pullResponseSchema.parse(page.body);
      pages++;
      seen.push(...body.changes.map((c) => c.seq));
      expect(body.lastClientSeq).toBe(6);
      cursor = body.nextCursor;
      if (!body.hasMore) break;
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 6]);
    expect(pages).toBe(4);
    const empty = pullResponseSchema.parse(
      (await api.get(`/v1/workspaces/${ws}/pull?since=${cursor}`, owner)).body,
    );
    expect(empty).toEqual({
      changes: [],
      nextCursor: 6,
      hasMore: false,
      lastClientSeq: 0,
      minRetainedSeq: 0,
    });
  });

  it('snapshot pages are resumable at a fixed atSeq, and pulling since atSeq converges', async () => {
    const { api, ws, owner, server } = await team();
    const route = `/v1/workspaces/${ws}/push`;
    const ids = ['a', 'b', 'c', 'd', 'e'];
    await api.post(
      route,
      owner,
      pushBody(
        'c1',
        ids.map((id, i) => ({ clientSeq: i + 1, ...buyer(id) })),
      ),
    );
    const first = snapshotResponseSchema.parse(
      (await api.get(`/v1/workspaces/${ws}/snapshot?limit=2`, owner)).body,
    );
    expect(first.atSeq).toBe(5);
    expect(first.rows.map((r) => r.id)).toEqual(['a', 'b']);
    // Writes after atSeq, then the bootstrap resumes (a new request, as after an interrupted download).
    await api.post(
      route,
      owner,
      pushBody('c1', [{ clientSeq: 6, command: 'updateBuyer', args: { id: 'a', patch: { name: 'A2' } } }]),
    );
    const rows = [...first.rows];
    let after = first.nextAfter;
    while (after !== null) {
      const page = snapshotResponseSchema.parse(
        (
          await api.get(
            `/v1/workspaces/${ws}/snapshot?atSeq=5&limit=2&after=${encodeURIComponent(after)}`,
            owner,
          )
        ).body,
      );
      expect(page.atSeq).toBe(5);
      rows.push(...page.rows);
      after = page.nextAfter;
    }
    expect(rows.map((r) => r.id)).toEqual(ids);
    const changes = pullResponseSchema.parse(
      (await api.get(`/v1/workspaces/${ws}/pull?since=5`, owner)).body,
    ).changes;
    expect(changes.map((c) => [c.seq, c.id])).toEqual([[6, 'a']]);
    const change = changes[0];
    const name = change !== undefined && 'fields' in change ? change.fields['name'] : undefined;
    expect(name).toBe('A2');
    expect((await server.storage.countRows(ws)).rows).toBe(5);
    expect((await api.get(`/v1/workspaces/${ws}/snapshot?atSeq=99`, owner)).status).toBe(400);
    expect((await api.get(`/v1/workspaces/${ws}/snapshot?after=nope`, owner)).status).toBe(400);
  });

  it('tenant isolation: a token of A on B is 403, an unknown workspace 404, and nothing of B is read or written', async () => {
    const { api, ws: wsA, owner: ownerA, server } = await team();
    const created = await api.post('/v1/workspaces', ownerA, { name: 'B' });
    const wsB = text(created.body, 'workspaceId');
    const inviteB = await api.post(`/v1/workspaces/${wsB}/invites`, ownerA, {});
    const deviceB = await api.post('/v1/devices', undefined, {
      inviteCode: text(inviteB.body, 'inviteCode'),
      deviceName: 'B',
    });
    const tokenB = text(deviceB.body, 'token');
    await api.post(
      `/v1/workspaces/${wsB}/push`,
      tokenB,
      pushBody('cb', [{ clientSeq: 1, ...buyer('secret') }]),
    );
    const inviteA = await api.post(`/v1/workspaces/${wsA}/invites`, ownerA, {});
    const deviceA = await api.post('/v1/devices', undefined, {
      inviteCode: text(inviteA.body, 'inviteCode'),
      deviceName: 'A',
    });
    const tokenA = text(deviceA.body, 'token');

    const before = await server.storage.countRows(wsB);
    for (const answer of [
      await api.post(`/v1/workspaces/${wsB}/push`, tokenA, pushBody('ca', [{ clientSeq: 1, ...buyer('x') }])),
      await api.get(`/v1/workspaces/${wsB}/pull`, tokenA),
      await api.get(`/v1/workspaces/${wsB}/snapshot`, tokenA),
      await api.post(`/v1/workspaces/${wsB}/invites`, tokenA, {}),
    ]) {
      expect(answer.status).toBe(403);
      expect(JSON.stringify(answer.body)).not.toContain('secret');
    }
    expect(await server.storage.countRows(wsB)).toEqual(before);
    const unknown = await api.get('/v1/workspaces/00000000-0000-0000-0000-000000000000/pull', tokenA);
    expect(unknown.status).toBe(404);
    expect(field(unknown.body, 'error', 'code')).toBe('not-found');
    expect((await api.del(`/v1/devices/${text(deviceB.body, 'deviceId')}`, tokenA)).status).toBe(404);
  });

  it('malformed, extra-field, negative-amount and oversized bodies: 400/413, and the server keeps serving', async () => {
    const { api, ws, owner } = await team({ limits: { maxBodyBytes: 8 * 1024 } });
    const route = `/v1/workspaces/${ws}/push`;
    const good = pushBody('c1', [{ clientSeq: 1, ...buyer('b1') }]);
    const payment = { id: 'p1', buyerId: 'b1', date: '2026-01-01', amountCents: -500, currency: 'EUR' };
    const cases: [string, Promise<{ status: number; body: unknown }>, number][] = [
      ['not JSON', api.postRaw(route, owner, '{"protocolVersion":'), 400],
      ['an extra field', api.post(route, owner, { ...good, admin: true }), 400],
      ['an extra op field', api.post(route, owner, { ...good, ops: [{ ...good.ops[0], sql: 'x' }] }), 400],
      [
        'a negative amount',
        api.post(route, owner, pushBody('c1', [{ clientSeq: 1, command: 'recordPayment', args: payment }])),
        400,
      ],
      [
        'an unknown command',
        api.post(route, owner, pushBody('c1', [{ clientSeq: 1, command: 'dropAll', args: {} }])),
        400,
      ],
      ['an array', api.post(route, owner, [good]), 400],
      [
        'an oversized body',
        api.post(route, owner, pushBody('c1', [{ clientSeq: 1, ...buyer('b1', 'x'.repeat(20_000)) }])),
        413,
      ],
      ['a bad query', api.get(`/v1/workspaces/${ws}/pull?since=-3`, owner), 400],
    ];
    for (const [label, answer, status] of cases) {
      const { status: got, body } = await answer;
      expect({ label, got }).toEqual({ label, got: status });
      expect(typeof field(body, 'error', 'code')).toBe('string');
    }
    expect((await api.get('/v1/health')).status).toBe(200);
    expect(pushResponseSchema.parse((await api.post(route, owner, good)).body).results[0]?.status).toBe(
      'applied',
    );
    const limits = await api.get('/v1/limits');
    expect(field(limits.body, 'maxBodyBytes')).toBe(8 * 1024);
  });

  it('a revoked or unknown token is 401; 426 on an unsupported protocol or schema version', async () => {
    const { api, ws, owner, invite } = await team();
    const member = await invite();
    const route = `/v1/workspaces/${ws}/push`;
    const body = pushBody('c1', [{ clientSeq: 1, ...buyer('b1') }]);
    expect((await api.post(route, owner, { ...body, protocolVersion: PROTOCOL_VERSION + 1 })).status).toBe(
      426,
    );
    expect((await api.post(route, owner, { ...body, schemaVersion: SCHEMA_VERSION + 1 })).status).toBe(426);
    expect((await api.call('GET', `/v1/workspaces/${ws}/pull`, owner)).status).toBe(200);

    const devices = await api.get(`/v1/workspaces/${ws}/pull`, member);
    expect(devices.status).toBe(200);
    // The member's id: registered devices are listed nowhere, so revoke through the id the invite returned.
    const inviteAnswer = await api.post(`/v1/workspaces/${ws}/invites`, owner, {});
    const registered = await api.post('/v1/devices', undefined, {
      inviteCode: text(inviteAnswer.body, 'inviteCode'),
      deviceName: 'X',
    });
    const token = text(registered.body, 'token');
    expect((await api.get(`/v1/workspaces/${ws}/pull`, token)).status).toBe(200);
    expect((await api.del(`/v1/devices/${text(registered.body, 'deviceId')}`, member)).status).toBe(404);
    expect((await api.del(`/v1/devices/${text(registered.body, 'deviceId')}`, owner)).status).toBe(200);
    expect((await api.get(`/v1/workspaces/${ws}/pull`, token)).status).toBe(401);
    expect((await api.post(route, token, body)).status).toBe(401);
    expect((await api.get(`/v1/workspaces/${ws}/pull`, 'enc_' + 'x'.repeat(43))).status).toBe(401);
    expect((await api.get(`/v1/workspaces/${ws}/pull`)).status).toBe(401);
  });

  it('429 with Retry-After once a token exhausts its bucket; 410 below minRetainedSeq', async () => {
    const { api, ws, owner, server } = await team({ rateLimit: { capacity: 8, refillPerSecond: 0.5 } });
    await api.post(
      `/v1/workspaces/${ws}/push`,
      owner,
      pushBody(
        'c1',
        [1, 2, 3].map((n) => ({ clientSeq: n, ...buyer(`b${n}`) })),
      ),
    );
    await server.storage.compact(ws, 2);
    expect((await api.get(`/v1/workspaces/${ws}/pull?since=1`, owner)).status).toBe(410);
    const page = pullResponseSchema.parse((await api.get(`/v1/workspaces/${ws}/pull?since=2`, owner)).body);
    expect(page.changes.map((c) => c.seq)).toEqual([3]);
    expect(page.minRetainedSeq).toBe(2);
    let limited: { status: number; headers: Headers } | undefined;
    for (let i = 0; i < 10 && limited === undefined; i++) {
      const answer = await api.get(`/v1/workspaces/${ws}/pull?since=2`, owner);
      if (answer.status === 429) limited = answer;
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('every acknowledged op survives a SIGKILL during a push', async () => {
    const where = await backend.fresh();
    const env = {
      ...process.env,
      ENCOURS_PORT: '0',
      ENCOURS_LOG: '0',
      ...(where.dataDir === undefined ? {} : { ENCOURS_DATA: where.dataDir }),
      ...(where.databaseUrl === undefined ? {} : { DATABASE_URL: where.databaseUrl }),
    };
    const launch = async (): Promise<{ child: ChildProcess; address: string; setup: string | undefined }> => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: serverRoot,
        env,
        stdio: 'pipe',
      });
      let out = '';
      const address = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(out);
          if (match?.[1] !== undefined) resolve(match[1]);
        });
        child.once('exit', (code) => {
          reject(new Error(`server exited (${String(code)}): ${out}`));
        });
      });
      return { child, address, setup: /setup token: (\S+)/.exec(out)?.[1] };
    };
    const first = await launch();
    const api = createApi(first.address);
    const created = await api.post('/v1/workspaces', first.setup, { name: 'Crash' });
    const ws = text(created.body, 'workspaceId');
    const owner = text(created.body, 'owner', 'token');
    const acknowledged: number[] = [];
    let clientSeq = 0;
    const pushing = (async () => {
      for (;;) {
        clientSeq++;
        try {
          const answer = await api.post(
            `/v1/workspaces/${ws}/push`,
            owner,
            pushBody('c1', [{ clientSeq, ...buyer(`b${clientSeq}`) }]),
          );
          if (answer.status !== 200) return;
          acknowledged.push(clientSeq);
        } catch {
          return; // the connection died with the server
        }
      }
    })();
    while (acknowledged.length < 25) await new Promise((resolve) => setTimeout(resolve, 5));
    first.child.kill('SIGKILL');
    await pushing;
    if (first.child.exitCode === null && first.child.signalCode === null) {
      await new Promise((resolve) => {
        first.child.once('exit', resolve);
      });
    }

    const second = await launch();
    try {
      const again = createApi(second.address);
      const snapshot = snapshotResponseSchema.parse(
        (await again.get(`/v1/workspaces/${ws}/snapshot?limit=5000`, owner)).body,
      );
      const ids = new Set(snapshot.rows.map((row) => row.id));
      for (const n of acknowledged) expect(ids.has(`b${n}`)).toBe(true);
      const pull = pullResponseSchema.parse(
        (await again.get(`/v1/workspaces/${ws}/pull?clientId=c1&limit=5000`, owner)).body,
      );
      expect(pull.lastClientSeq).toBeGreaterThanOrEqual(Math.max(...acknowledged));
      // Commit order = seq order: the change log has no hole.
      expect(pull.changes.map((c) => c.seq)).toEqual(pull.changes.map((_, i) => i + 1));
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((resolve) => second.child.once('exit', resolve));
    }
  }, 60_000);

  if (backend.name === 'sqlite') {
    it('a second server on the same data folder refuses to start', async () => {
      const where = await backend.fresh();
      const dataDir = where.dataDir ?? '';
      const storage = await openSqliteStorage(dataDir);
      await expect(openSqliteStorage(dataDir)).rejects.toBeInstanceOf(DataFolderLockedError);
      await storage.close();
      const reopened = await openSqliteStorage(dataDir);
      await reopened.close();
    });
  }

  if (backend.name === 'postgres') {
    it('concurrent pushes from several clients with a puller polling: no seq is skipped or out of order', async () => {
      const { api, ws, owner, invite } = await team({
        rateLimit: { capacity: 100_000, refillPerSecond: 100_000 },
      });
      const tokens = [owner, await invite(), await invite(), await invite()];
      const clients = tokens.map((token, i) => ({ token, id: `c${i}` }));
      const perClient = 40;
      const state = { done: false };
      const seen: number[] = [];
      const puller = (async () => {
        let cursor = 0;
        for (;;) {
          const finished = state.done;
          const body = pullResponseSchema.parse(
            (await api.get(`/v1/workspaces/${ws}/pull?since=${cursor}&limit=7`, owner)).body,
          );
          for (const change of body.changes) if (seen.at(-1) !== change.seq) seen.push(change.seq);
          cursor = body.nextCursor;
          if (finished && !body.hasMore) return;
        }
      })();
      await Promise.all(
        clients.map(async ({ token, id }) => {
          for (let n = 1; n <= perClient; n += 2) {
            const answer = await api.post(
              `/v1/workspaces/${ws}/push`,
              token,
              pushBody(id, [
                { clientSeq: n, ...buyer(`${id}-${n}`) },
                { clientSeq: n + 1, ...buyer(`${id}-${n + 1}`) },
              ]),
            );
            expect(answer.status).toBe(200);
          }
        }),
      );
      state.done = true;
      await puller;
      const total = clients.length * perClient;
      expect(seen).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    }, 60_000);
  }
});
