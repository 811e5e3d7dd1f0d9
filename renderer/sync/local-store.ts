/**
 * The sync engine's writes to the local workspace database. Each exported function is ONE Dexie read-write
 * transaction (strict durability, inherited from AppDB) so a crash leaves either the old or the new state:
 * - `applyPullPage`: server changes applied field by field in seq order, cursor moved, acknowledged outbox
 *   ops dropped, pending local ops replayed on top, aggregates of the touched buyers recomputed.
 * - `applySnapshotPage`: one bootstrap page (rows replaced whole) and the resumable bootstrap cursor; the
 *   last page sets the pull cursor to `atSeq`, replays pending ops and recomputes every aggregate.
 * - `applyPushResults`: acknowledged ops leave the outbox; rejected and conflicting ones are recorded in
 *   `conflicts` with both values, a conflict restores the server's guarded rows, a rejection asks for a
 *   repair (a re-bootstrap, since its local effects cannot be undone one by one).
 *
 * Invariants: a server row carries the server's `version`; local rows written by a replay are speculative
 * until the server's own change for them is pulled. Ordering never reads a clock: only seq and clientSeq.
 * No foreign async work runs inside a transaction (only Dexie calls and the shared commands over it).
 * Responsiveness: a page of thousands of rows, or the aggregates of every buyer, is too much work for one
 * main-thread task, so long loops await their own IndexedDB requests whenever a small time budget is spent
 * (never a timer, which would let the transaction auto-commit): the transaction — and so the atomicity of a
 * page — is unchanged, only sliced into short tasks.
 */
import type { Table } from 'dexie';
import type { z } from 'zod';
import {
  computeBuyerAggregate,
  loadBuyerLedgers,
  loadPolicy,
  withClaimFilings,
} from '../../shared/commands/aggregates';
import { applyChange, isDeletion, isNoOp } from '../../shared/commands/define';
import type { Change, Command } from '../../shared/commands/define';
import { ENTITY_NAMES, ENTITY_ROW_SCHEMAS } from '../../shared/commands/entities';
import type { EntityName, EntityRow } from '../../shared/commands/entities';
import { commands, isCommandName } from '../../shared/commands/registry';
import type { BuyerLedger } from '../../shared/domain/model';
import type { Policy } from '../../shared/domain/policy';
import type { IsoDate } from '../../shared/domain/types';
import type { PullResponse, PushResult, SnapshotResponse, SnapshotRow } from '../../shared/sync/protocol';
import type { AppDB, ConflictRow, MetaRow, OutboxOp, StoredBuyerAggregate, SyncMeta } from '../db/app-db';
import { META_ID } from '../db/app-db';
import { dexieReader } from '../db/dexie-reader';

export type LocalContext = {
  /** ISO timestamp of local writes (audit only). */
  readonly now: string;
  /** The date aggregates are computed for. */
  readonly today: IsoDate;
  readonly actor: string;
};

export const INITIAL_SYNC_META: SyncMeta = { cursor: 0, isBootstrapped: false };

/** One write coming from the server: a patch (`merge`), a whole row (`replace`) or a deletion (`null`). */
type ServerWrite = {
  readonly entity: EntityName;
  readonly id: string;
  readonly version: number;
  readonly fields: Readonly<Record<string, unknown>> | null;
  readonly replace: boolean;
};

async function metaOf(db: AppDB): Promise<MetaRow> {
  const meta = await db.meta.get(META_ID);
  if (meta === undefined) throw new Error('workspace meta row missing (database not opened with openAppDb)');
  return meta;
}

export async function readSyncMeta(db: AppDB): Promise<{ clientId: string; sync: SyncMeta }> {
  const meta = await metaOf(db);
  return { clientId: meta.clientId, sync: meta.sync ?? INITIAL_SYNC_META };
}

export async function updateSyncMeta(db: AppDB, update: (sync: SyncMeta) => SyncMeta): Promise<SyncMeta> {
  return db.transaction('rw', db.meta, async () => {
    const meta = await metaOf(db);
    const sync = update(meta.sync ?? INITIAL_SYNC_META);
    await db.meta.put({ ...meta, sync });
    return sync;
  });
}

function buyerIdOf(row: object | undefined): string | undefined {
  return row !== undefined && 'buyerId' in row && typeof row.buyerId === 'string' ? row.buyerId : undefined;
}

function noteTouched(
  entity: EntityName,
  id: string,
  rows: readonly (object | undefined)[],
  touched: Touched,
) {
  if (entity === 'buyers') touched.buyers.add(id);
  if (entity === 'policy') touched.isPolicy = true;
  for (const row of rows) {
    const buyerId = buyerIdOf(row);
    if (buyerId !== undefined) touched.buyers.add(buyerId);
  }
}

type Touched = { readonly buyers: Set<string>; isPolicy: boolean };

function newTouched(): Touched {
  return { buyers: new Set(), isPolicy: false };
}

function serverRow(
  existing: Readonly<Record<string, unknown>> | undefined,
  write: ServerWrite,
): Record<string, unknown> | undefined {
  if (write.fields === null) return undefined;
  const row: Record<string, unknown> = write.replace ? {} : { ...existing };
  for (const [key, value] of Object.entries(write.fields)) {
    if (value === null || value === undefined) Reflect.deleteProperty(row, key);
    else row[key] = value;
  }
  row['id'] = write.id;
  row['version'] = write.version;
  return row;
}

/**
 * Main-thread time one task of a long local write may take before it awaits IndexedDB (which ends the task
 * and lets a click through). Inside a transaction the only safe way to give the event loop a turn is to
 * await a request of that transaction — anything else lets it auto-commit — so long loops await their own
 * pending writes when this budget is spent. Well under the 50 ms of a "long task", since a loaded machine
 * stretches whatever runs after the check.
 */
const TASK_BUDGET_MS = 8;

/** Says when the running task has used its budget; `restart` after each await that yielded. */
type TaskClock = { isDue(): boolean; restart(): void };

function taskClock(): TaskClock {
  let start = performance.now();
  return {
    isDue: () => performance.now() - start >= TASK_BUDGET_MS,
    restart() {
      start = performance.now();
    },
  };
}

/**
 * Server writes of one entity, applied in order over one `bulkGet` (a row changed twice ends as the last).
 * When the task budget is spent, the rows changed so far are written and awaited: requests of a transaction
 * run in the order they were made, so a row written again later still ends as its last write.
 */
// E ties the table to its row schema inside the body (one entity per call).
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
async function writeServerEntity<E extends EntityName>(
  db: AppDB,
  entity: E,
  writes: readonly ServerWrite[],
  touched: Touched,
  clock: TaskClock,
): Promise<void> {
  const table = db.entities[entity];
  const schema: z.ZodType<EntityRow<E>> = ENTITY_ROW_SCHEMAS[entity];
  const ids = [...new Set(writes.map((write) => write.id))];
  const stored = await table.bulkGet(ids);
  clock.restart();
  const rows = new Map<string, EntityRow<E> | undefined>();
  ids.forEach((id, index) => rows.set(id, stored[index]));
  const changed = new Set<string>();
  const flush = async (): Promise<void> => {
    const puts: EntityRow<E>[] = [];
    const deletes: string[] = [];
    for (const id of changed) {
      const row = rows.get(id);
      if (row === undefined) deletes.push(id);
      else puts.push(row);
    }
    changed.clear();
    if (deletes.length > 0) await table.bulkDelete(deletes);
    if (puts.length > 0) await table.bulkPut(puts);
    clock.restart();
  };
  for (const write of writes) {
    const before = rows.get(write.id);
    const next = serverRow(before, write);
    const parsed = next === undefined ? undefined : schema.safeParse(next);
    if (parsed !== undefined && !parsed.success) {
      // A patch for a row this device never had: the row was deleted on the server after the snapshot's
      // atSeq, and its deletion follows in the log. Anything else is a broken server.
      if (before === undefined) continue;
      throw new Error(`server change for ${entity}/${write.id} does not produce a valid row`);
    }
    const after = parsed?.data;
    rows.set(write.id, after);
    changed.add(write.id);
    noteTouched(entity, write.id, [before, after], touched);
    if (clock.isDue()) await flush();
  }
  await flush();
}

async function writeServer(db: AppDB, writes: readonly ServerWrite[], touched: Touched): Promise<void> {
  const groups = new Map<EntityName, ServerWrite[]>();
  for (const write of writes) {
    const group = groups.get(write.entity);
    if (group === undefined) groups.set(write.entity, [write]);
    else group.push(write);
  }
  const clock = taskClock();
  for (const [entity, group] of groups) await writeServerEntity(db, entity, group, touched, clock);
}

/** One local change (from a replayed command), stamped like `runCommand` stamps it. */
// E ties the table to its row schema inside the body (one entity per call).
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
async function writeLocalChange<E extends EntityName>(
  db: AppDB,
  entity: E,
  change: Change,
  now: string,
  touched: Touched,
): Promise<void> {
  const table = db.entities[entity];
  const schema: z.ZodType<EntityRow<E>> = ENTITY_ROW_SCHEMAS[entity];
  const before = await table.get(change.id);
  // A replay that would rewrite the same values leaves the row (and its version) alone.
  if (!isDeletion(change) && isNoOp(before, change.fields)) return;
  const next = applyChange(before, change, now);
  if (next === undefined) {
    if (before !== undefined) await table.delete(change.id);
  } else {
    await table.put(schema.parse(next));
  }
  noteTouched(entity, change.id, [before, next], touched);
}

/**
 * Re-executes the still-pending local ops (clientSeq order) over the current rows, so local edits stay
 * visible on top of the server's. A command that no longer applies (already exists, stale guard, …) is
 * skipped here: the server will answer for it, and its answer is what counts.
 */
async function replayPending(
  db: AppDB,
  clientId: string,
  ctx: LocalContext,
  touched: Touched,
): Promise<void> {
  const pending = await db.outbox.orderBy('clientSeq').toArray();
  const reader = dexieReader(db);
  for (const op of pending) {
    if (!isCommandName(op.command)) continue;
    const command: Command<string, z.ZodType> = commands[op.command];
    const parsed = command.args.safeParse(op.args);
    if (!parsed.success) continue;
    const result = await command.execute({ reader, actor: ctx.actor, clientId, now: ctx.now }, parsed.data);
    if (!result.ok) continue;
    for (const change of result.changes) await writeLocalChange(db, change.entity, change, ctx.now, touched);
  }
}

/**
 * Buyers per step of an aggregate refresh. Each step reads its buyers' rows, then computes and stores their
 * aggregates under the task budget, so a refresh is spread over many short tasks (a click still answers)
 * instead of one long one: after a bootstrap of 10 000 buyers / 200 000 invoices, reading every row and
 * computing every aggregate at once held the main thread for seconds. Awaiting only Dexie requests keeps the
 * transaction alive, so the refresh stays atomic with the rest of its page.
 */
const AGGREGATE_CHUNK = 50;

/** Rows grouped by `buyerId`, each group in the order of the input (rows without a buyer are left out). */
function byBuyer<R extends { readonly buyerId?: unknown }>(rows: readonly R[]): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    if (typeof row.buyerId !== 'string') continue;
    const group = groups.get(row.buyerId);
    if (group === undefined) groups.set(row.buyerId, [row]);
    else group.push(row);
  }
  return groups;
}

/**
 * The ledgers of the buyers whose ids lie in [from, to) (`to` undefined: no upper bound), one range read
 * per table on its `buyerId` index. IndexedDB orders equal index keys by primary key, so each buyer gets
 * the rows, in the order, that an `equals` query on that index gives: the ledgers `loadBuyerLedgers`
 * builds, without one index query per buyer per table.
 */
async function loadLedgersInRange(
  db: AppDB,
  buyers: readonly BuyerLedger['buyer'][],
  from: string,
  to: string | undefined,
): Promise<Map<string, BuyerLedger>> {
  const { entities } = db;
  const inRange = <R>(table: Table<R, string>): Promise<R[]> => {
    const index = table.where('buyerId');
    return (to === undefined ? index.aboveOrEqual(from) : index.between(from, to, true, false)).toArray();
  };
  const [invoices, payments, creditNotes, limitDecisions, claims] = await Promise.all([
    inRange(entities.invoices),
    inRange(entities.payments),
    inRange(entities.creditNotes),
    inRange(entities.limitDecisions),
    inRange(entities.claims),
  ]);
  const invoicesOf = byBuyer(invoices);
  const paymentsOf = byBuyer(payments);
  const creditNotesOf = byBuyer(creditNotes);
  const decisionsOf = byBuyer(limitDecisions);
  const claimsOf = byBuyer(claims);
  const ledgers = new Map<string, BuyerLedger>();
  for (const buyer of buyers) {
    const ledger = {
      buyer,
      invoices: invoicesOf.get(buyer.id) ?? [],
      payments: paymentsOf.get(buyer.id) ?? [],
      creditNotes: creditNotesOf.get(buyer.id) ?? [],
      limitDecisions: decisionsOf.get(buyer.id) ?? [],
    };
    // The same ledger as `loadBuyerLedgers` builds, claim filings included (alerts depend on them).
    ledgers.set(buyer.id, withClaimFilings(ledger, claimsOf.get(buyer.id) ?? []));
  }
  return ledgers;
}

/** Computes and stores the aggregates of `ids`; an id without a ledger (buyer gone) loses its aggregate. */
async function storeAggregates(
  db: AppDB,
  ids: readonly string[],
  ledgers: ReadonlyMap<string, BuyerLedger>,
  policy: Policy,
  ctx: LocalContext,
  clock: TaskClock,
): Promise<void> {
  let aggregates: StoredBuyerAggregate[] = [];
  const gone: string[] = [];
  for (const buyerId of ids) {
    const ledger = ledgers.get(buyerId);
    if (ledger === undefined) gone.push(buyerId);
    else aggregates.push({ ...computeBuyerAggregate(ledger, policy, ctx.today), updatedAt: ctx.now });
    if (clock.isDue() && aggregates.length > 0) {
      await db.buyerAggregates.bulkPut(aggregates);
      aggregates = [];
      clock.restart();
    }
  }
  if (gone.length > 0) await db.buyerAggregates.bulkDelete(gone);
  if (aggregates.length > 0) await db.buyerAggregates.bulkPut(aggregates);
  clock.restart();
}

/**
 * Every buyer's aggregate (after a bootstrap, or a policy change), by ranges of `AGGREGATE_CHUNK` buyers in
 * key order; aggregates of buyers that no longer exist are dropped.
 */
async function refreshAllAggregates(db: AppDB, policy: Policy, ctx: LocalContext): Promise<void> {
  const ids = await db.buyers.toCollection().primaryKeys();
  const kept = new Set(ids);
  const stale = (await db.buyerAggregates.toCollection().primaryKeys()).filter((id) => !kept.has(id));
  if (stale.length > 0) await db.buyerAggregates.bulkDelete(stale);
  const clock = taskClock();
  for (let from = 0; from < ids.length; from += AGGREGATE_CHUNK) {
    const chunk = ids.slice(from, from + AGGREGATE_CHUNK);
    const first = chunk[0];
    if (first === undefined) break;
    const buyers = (await db.buyers.bulkGet(chunk)).filter((buyer) => buyer !== undefined);
    const ledgers = await loadLedgersInRange(db, buyers, first, ids[from + AGGREGATE_CHUNK]);
    clock.restart();
    await storeAggregates(db, chunk, ledgers, policy, ctx, clock);
  }
}

async function refreshAggregates(db: AppDB, touched: Touched, ctx: LocalContext): Promise<void> {
  if (!touched.isPolicy && touched.buyers.size === 0) return;
  const reader = dexieReader(db);
  const policy = await loadPolicy(reader);
  if (touched.isPolicy) {
    await refreshAllAggregates(db, policy, ctx);
    return;
  }
  const ids = [...touched.buyers];
  const clock = taskClock();
  for (let from = 0; from < ids.length; from += AGGREGATE_CHUNK) {
    const ledgers = await loadBuyerLedgers(reader, ids.slice(from, from + AGGREGATE_CHUNK));
    clock.restart();
    await storeAggregates(db, ids.slice(from, from + AGGREGATE_CHUNK), ledgers, policy, ctx, clock);
  }
}

export type PullPageOutcome = 'applied' | 'cursor-moved';

/**
 * Applies one pull page fetched with `since`. If the cursor moved meanwhile (another engine instance), the
 * page is discarded (`cursor-moved`) rather than applied twice.
 */
export async function applyPullPage(
  db: AppDB,
  since: number,
  page: PullResponse,
  ctx: LocalContext,
): Promise<PullPageOutcome> {
  return db.transaction('rw', db.tables, async () => {
    const meta = await metaOf(db);
    const sync = meta.sync ?? INITIAL_SYNC_META;
    if (sync.cursor !== since) return 'cursor-moved';
    const touched = newTouched();
    await writeServer(
      db,
      page.changes.map((change) => ({
        entity: change.entity,
        id: change.id,
        version: change.version,
        fields: 'fields' in change ? change.fields : null,
        replace: false,
      })),
      touched,
    );
    await db.outbox.where('clientSeq').belowOrEqual(page.lastClientSeq).delete();
    if (page.changes.length > 0) await replayPending(db, meta.clientId, ctx, touched);
    await refreshAggregates(db, touched, ctx);
    await db.meta.put({ ...meta, sync: { ...sync, cursor: page.nextCursor } });
    return 'applied';
  });
}

/** Rows per `bulkPut` of a bootstrap page: requests are pipelined, awaited only when the budget is spent. */
const SNAPSHOT_PUT_BATCH = 50;

/**
 * Snapshot rows of one entity, written whole (`replace`): the stored row is not needed to build the new one,
 * so no read happens — except for a row the schema refuses, where it tells a row deleted since the snapshot
 * (skipped) from a broken server (thrown), as `writeServerEntity` does. Snapshot rows are unique by
 * (entity, id) across pages, so the last write of an id is its only one.
 * Validation and the structured clone of each `put` cost main-thread time (over 100 ms per 1000 invoices on
 * a loaded machine), so the work is sliced by `clock`.
 */
// E ties the table to its row schema inside the body (one entity per call).
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
async function writeSnapshotEntity<E extends EntityName>(
  db: AppDB,
  entity: E,
  rows: readonly SnapshotRow[],
  clock: TaskClock,
): Promise<void> {
  const table = db.entities[entity];
  const schema: z.ZodType<EntityRow<E>> = ENTITY_ROW_SCHEMAS[entity];
  let batch: EntityRow<E>[] = [];
  let writes: Promise<unknown>[] = [];
  const settle = async (): Promise<void> => {
    if (batch.length > 0) writes.push(table.bulkPut(batch));
    batch = [];
    const pending = writes;
    writes = [];
    await Promise.all(pending);
    clock.restart();
  };
  for (const row of rows) {
    const parsed = schema.safeParse(serverRow(undefined, snapshotWrite(row)));
    if (parsed.success) {
      batch.push(parsed.data);
      if (batch.length >= SNAPSHOT_PUT_BATCH) {
        writes.push(table.bulkPut(batch));
        batch = [];
      }
    } else {
      // Every write is awaited before this read, so a failed one surfaces here rather than unobserved.
      await settle();
      if ((await table.get(row.id)) !== undefined)
        throw new Error(`server change for ${entity}/${row.id} does not produce a valid row`);
    }
    if (clock.isDue()) await settle();
  }
  await settle();
}

async function writeSnapshot(db: AppDB, rows: readonly SnapshotRow[]): Promise<void> {
  const groups = new Map<EntityName, SnapshotRow[]>();
  for (const row of rows) {
    const group = groups.get(row.entity);
    if (group === undefined) groups.set(row.entity, [row]);
    else group.push(row);
  }
  const clock = taskClock();
  for (const [entity, group] of groups) await writeSnapshotEntity(db, entity, group, clock);
}

function snapshotWrite(row: SnapshotRow): ServerWrite {
  return { entity: row.entity, id: row.id, version: row.version, fields: row.fields, replace: true };
}

/** Applies one bootstrap page; the bootstrap state in meta says where the next page starts. */
export async function applySnapshotPage(
  db: AppDB,
  page: SnapshotResponse,
  ctx: LocalContext,
): Promise<SyncMeta> {
  return db.transaction('rw', db.tables, async () => {
    const meta = await metaOf(db);
    const sync = meta.sync ?? INITIAL_SYNC_META;
    if (sync.bootstrap?.isReset === true) {
      for (const entity of ENTITY_NAMES) await db.entities[entity].clear();
      await db.buyerAggregates.clear();
    }
    // Rows are written raw; aggregates are computed once, for every buyer, at the last page (below).
    await writeSnapshot(db, page.rows);
    const touched = newTouched();
    let next: SyncMeta;
    if (page.hasMore && page.nextAfter !== null) {
      next = { ...sync, bootstrap: { atSeq: page.atSeq, after: page.nextAfter, isReset: false } };
    } else {
      const { bootstrap: _done, needsRepair: _repaired, ...rest } = sync;
      next = { ...rest, cursor: page.atSeq, isBootstrapped: true };
      await replayPending(db, meta.clientId, ctx, touched);
      await refreshAggregates(db, { buyers: touched.buyers, isPolicy: true }, ctx);
    }
    await db.meta.put({ ...meta, sync: next });
    return next;
  });
}

/** Starts (or restarts from scratch) a bootstrap; `isReset` clears the entity tables at the first page. */
export function beginBootstrap(db: AppDB, isReset: boolean): Promise<SyncMeta> {
  return updateSyncMeta(db, (sync) => ({ ...sync, bootstrap: { atSeq: null, after: null, isReset } }));
}

function conflictRow(
  op: OutboxOp,
  result: PushResult,
  status: ConflictRow['status'],
  recordedAt: string,
): ConflictRow {
  const reason = result.reason;
  return {
    opId: op.opId,
    clientSeq: op.clientSeq,
    command: op.command,
    args: op.args,
    status,
    createdAt: op.createdAt,
    recordedAt,
    reason: reason?.message ?? {
      fr: 'Le serveur a refusé cette saisie.',
      en: 'The server refused this change.',
    },
    ...(reason === undefined ? {} : { reasonCode: reason.code }),
    ...(result.serverValue === undefined
      ? {}
      : {
          serverChanges: result.serverValue.map((row) => ({
            entity: row.entity,
            id: row.id,
            fields: row.fields,
          })),
        }),
  };
}

/** What an answer means for the local copy (a duplicate repeats the first answer's reason and value). */
function effectiveStatus(result: PushResult): 'applied' | 'rejected' | 'conflict' {
  if (result.status === 'applied' || result.status === 'rejected' || result.status === 'conflict') {
    return result.status === 'conflict' && (result.serverValue ?? []).length === 0
      ? 'rejected'
      : result.status;
  }
  if (result.serverValue !== undefined && result.serverValue.length > 0) return 'conflict';
  return result.reason === undefined ? 'applied' : 'rejected';
}

/** The local rows a conflicting op wrote that the server's guarded value does not hold. */
function strayRowsOf(
  op: OutboxOp,
  serverValue: readonly SnapshotRow[],
): { entity: EntityName; id: string }[] {
  if (op.command !== 'recordLimitDecision' || !isCommandName(op.command)) return [];
  const parsed = commands.recordLimitDecision.args.safeParse(op.args);
  if (!parsed.success) return [];
  const id = parsed.data.decision.id;
  const kept = serverValue.some((row) => row.entity === 'limitDecisions' && row.id === id);
  return kept ? [] : [{ entity: 'limitDecisions', id }];
}

export type PushOutcome = {
  readonly acknowledged: number;
  readonly conflicts: number;
  readonly needsRepair: boolean;
};

/**
 * Records the server's answers to pushed ops. Every answered op leaves the outbox — the queue never stalls
 * on one bad op. A conflict restores the server's guarded rows (and drops the local row the op created),
 * then pending ops are replayed; a rejection flags a repair.
 */
export async function applyPushResults(
  db: AppDB,
  results: readonly PushResult[],
  ctx: LocalContext,
): Promise<PushOutcome> {
  return db.transaction('rw', db.tables, async () => {
    const meta = await metaOf(db);
    const touched = newTouched();
    let acknowledged = 0;
    let conflicts = 0;
    let needsRepair = false;
    let restored = false;
    for (const result of results) {
      const op = await db.outbox.get(result.clientSeq);
      if (op === undefined) continue;
      await db.outbox.delete(result.clientSeq);
      acknowledged++;
      const status = effectiveStatus(result);
      if (status === 'applied') continue;
      conflicts++;
      await db.conflicts.put(conflictRow(op, result, status, ctx.now));
      if (status === 'rejected') {
        needsRepair = true;
        continue;
      }
      const serverValue = result.serverValue ?? [];
      for (const stray of strayRowsOf(op, serverValue)) {
        const table = db.entities[stray.entity];
        const before = await table.get(stray.id);
        await table.delete(stray.id);
        noteTouched(stray.entity, stray.id, [before], touched);
      }
      await writeServer(db, serverValue.map(snapshotWrite), touched);
      restored = true;
    }
    if (restored) await replayPending(db, meta.clientId, ctx, touched);
    await refreshAggregates(db, touched, ctx);
    if (needsRepair) {
      const sync = meta.sync ?? INITIAL_SYNC_META;
      await db.meta.put({ ...meta, sync: { ...sync, needsRepair: true } });
    }
    return { acknowledged, conflicts, needsRepair };
  });
}
