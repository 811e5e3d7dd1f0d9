/**
 * Sync benchmarks (issue #5), on a REAL server over loopback HTTP with SQLite in a temp folder:
 * (a) push of 10 000 `recordInvoice` operations (batches of the advertised `maxOpsPerPush`), against raw
 *     inserts of the same rows into the same storage (the server's SQLite, no HTTP, no command): once with one
 *     durable transaction per row — what acknowledging an op needs — and once all in one transaction;
 * (b) initial sync (bootstrap) of 200 000 invoices by a new client, against a raw client `bulkPut` of the
 *     same rows in 1 000-row calls — the size the engine writes in (it fetches pages of the server's
 *     `maxSnapshotLimit` and writes them in 1 000-row `bulkPut`s). The client database is fake-indexeddb in
 *     Node, NOT Chromium.
 * Since a push request now commits its whole batch at once, (a)'s per-row denominator favours us; the
 * all-in-one-transaction figure is the like-for-like one.
 * Run: npx tsx test/bench/sync.bench.ts (or `npm run bench`).
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { openAppDb } from '../../renderer/db/open-db';
import {
  DEFAULT_LIMITS,
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  pushResponseSchema,
} from '../../shared/sync/protocol';
import type { PushOp } from '../../shared/sync/protocol';
import type { JsonRecord, Storage } from '../../server/src/storage/storage';
import { newClient, startTeam } from '../integration/sync-harness';
import type { Team } from '../integration/sync-harness';

const DEFAULT_PUSH_OPS = 10_000;
const DEFAULT_BOOTSTRAP_INVOICES = 200_000;
const BUYERS = 50;
const NOW = '2026-03-01T09:00:00.000Z';
/** The engine's default snapshot page: the bootstrap writes rows in batches of this size too. */
const BULK_PUT_CHUNK = 1000;

function invoiceFields(id: string, index: number) {
  return {
    id,
    buyerId: `b${index % BUYERS}`,
    number: `F-${id}`,
    issueDate: '2026-01-01',
    dueDate: '2026-02-15',
    amountHtCents: 10_000 + index,
    amountTtcCents: 12_000 + index,
    currency: 'EUR',
  };
}

async function push(team: Team, token: string, clientId: string, ops: readonly PushOp[]): Promise<void> {
  for (let from = 0; from < ops.length; from += DEFAULT_LIMITS.maxOpsPerPush) {
    const response = await fetch(`${team.address()}/v1/workspaces/${team.ws}/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        protocolVersion: PROTOCOL_VERSION,
        schemaVersion: SCHEMA_VERSION,
        clientId,
        ops: ops.slice(from, from + DEFAULT_LIMITS.maxOpsPerPush),
      }),
    });
    if (!response.ok) throw new Error(`push answered ${response.status}: ${await response.text()}`);
    const { results } = pushResponseSchema.parse(await response.json());
    const refused = results.find((result) => result.status !== 'applied');
    if (refused !== undefined) throw new Error(`op ${refused.clientSeq} ${refused.status}`);
  }
}

/** Raw rows straight into the server storage: row + change row + seq, no command, no HTTP. */
async function rawInsert(storage: Storage, ws: string, rows: readonly JsonRecord[]): Promise<void> {
  await storage.withWorkspace(ws, async (tx) => {
    let seq = tx.seq;
    for (const row of rows) {
      seq++;
      const id = String(row['id']);
      await tx.putRow('invoices', id, 1, seq, row);
      await tx.appendChange({ seq, entity: 'invoices', id, version: 1, fields: row }, 0);
    }
    await tx.setSeq(seq);
  });
}

export type SyncBenchFigures = {
  readonly pushOps: number;
  readonly pushMs: number;
  readonly rawPerRowMs: number;
  readonly rawOneTxMs: number;
  readonly bootstrapRows: number;
  readonly bootstrapMs: number;
  readonly bulkPutMs: number;
};

export async function run(
  sizes: { readonly pushOps?: number; readonly bootstrapInvoices?: number } = {},
): Promise<SyncBenchFigures> {
  const PUSH_OPS = sizes.pushOps ?? DEFAULT_PUSH_OPS;
  const BOOTSTRAP_INVOICES = sizes.bootstrapInvoices ?? DEFAULT_BOOTSTRAP_INVOICES;
  const team = await startTeam();
  try {
    const storage = team.server().storage;
    const { token } = await team.invite('bench');
    const clientId = 'bench-pusher';
    const buyerOps: PushOp[] = Array.from({ length: BUYERS }, (_, b) => ({
      opId: `op-b${b}`,
      clientSeq: b + 1,
      command: 'createBuyer',
      args: { id: `b${b}`, name: `Client ${b}` },
    }));
    await push(team, token, clientId, buyerOps);

    // (a) push of 10 000 operations over loopback HTTP.
    const invoiceOps: PushOp[] = Array.from({ length: PUSH_OPS }, (_, i) => ({
      opId: `op-i${i}`,
      clientSeq: BUYERS + i + 1,
      command: 'recordInvoice',
      args: invoiceFields(`i${i}`, i),
    }));
    let start = performance.now();
    await push(team, token, clientId, invoiceOps);
    const pushMs = performance.now() - start;

    const rawRow = (prefix: string, i: number): JsonRecord => ({
      ...invoiceFields(`${prefix}${i}`, i),
      version: 1,
      updatedAt: NOW,
    });
    start = performance.now();
    for (let i = 0; i < PUSH_OPS; i++) await rawInsert(storage, team.ws, [rawRow('raw-a', i)]);
    const rawPerRowMs = performance.now() - start;
    const oneTx = Array.from({ length: PUSH_OPS }, (_, i) => rawRow('raw-b', i));
    start = performance.now();
    await rawInsert(storage, team.ws, oneTx);
    const rawOneTxMs = performance.now() - start;

    // (b) bootstrap: the server holds 200 000 invoices more (seeded raw, untimed); a new client syncs.
    const seeded = Array.from({ length: BOOTSTRAP_INVOICES - 3 * PUSH_OPS }, (_, i) => rawRow('seed', i));
    for (let from = 0; from < seeded.length; from += 50_000)
      await rawInsert(storage, team.ws, seeded.slice(from, from + 50_000));
    const counted = await storage.countRows(team.ws);
    const bootstrapRows = counted.rows;

    const newcomer = await newClient(team, 'newcomer', (await team.invite('newcomer')).token);
    start = performance.now();
    const state = await newcomer.engine.syncNow();
    const bootstrapMs = performance.now() - start;
    if (state.status !== 'idle') throw new Error(`bootstrap ended ${state.status}`);
    const received = await newcomer.db.invoices.toArray();
    await newcomer.engine.stop();
    newcomer.db.close();
    if (received.length !== BOOTSTRAP_INVOICES)
      throw new Error(`bootstrap gave ${received.length} invoices, ${BOOTSTRAP_INVOICES} expected`);

    // Denominator: the same rows, put raw into a fresh client database, in calls of one snapshot page (one
    // `bulkPut` of all 200 000 is several times slower on fake-indexeddb and would flatter the bootstrap).
    const raw = await openAppDb(`bench-bulkput-${Date.now()}`);
    start = performance.now();
    for (let from = 0; from < received.length; from += BULK_PUT_CHUNK)
      await raw.invoices.bulkPut(received.slice(from, from + BULK_PUT_CHUNK));
    const bulkPutMs = performance.now() - start;
    raw.close();

    return { pushOps: PUSH_OPS, pushMs, rawPerRowMs, rawOneTxMs, bootstrapRows, bootstrapMs, bulkPutMs };
  } finally {
    await team.close();
  }
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const f = await run();
  console.log(
    'sync bench — real server over loopback, SQLite in a temp folder; client = fake-indexeddb in Node',
  );
  console.log(
    `  push ${f.pushOps} recordInvoice ops: ${f.pushMs.toFixed(0)} ms (${((f.pushOps / f.pushMs) * 1000).toFixed(0)} ops/s)`,
  );
  console.log(
    `  raw inserts, one transaction per row: ${f.rawPerRowMs.toFixed(0)} ms → ${((f.rawPerRowMs / f.pushMs) * 100).toFixed(0)} %`,
  );
  console.log(
    `  raw inserts, one transaction:         ${f.rawOneTxMs.toFixed(0)} ms → ${((f.rawOneTxMs / f.pushMs) * 100).toFixed(0)} %`,
  );
  console.log(
    `  bootstrap of ${f.bootstrapRows} rows: ${f.bootstrapMs.toFixed(0)} ms; raw bulkPut ${f.bulkPutMs.toFixed(0)} ms → ${((f.bulkPutMs / f.bootstrapMs) * 100).toFixed(0)} %`,
  );
}
