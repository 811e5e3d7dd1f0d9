/**
 * `runCommand`: the only way the app writes. Parses the arguments (zod), then in ONE read-write transaction
 * with strict durability: executes the command over a Reader bound to the transaction, applies its changes
 * (version + 1), refreshes the stored aggregates of the buyers touched (from those buyers' rows only) and
 * appends ONE outbox operation with the next clientSeq — or, for a command whose arguments would not fit a
 * push body (an import, see `splitForSync`), its N parts as N operations with consecutive clientSeqs, in the
 * same transaction, so the outbox never holds part of a command.
 *
 * Invariants: any failure aborts the transaction, so nothing is half-written; no foreign async work runs
 * inside it (only Dexie calls and the synchronous domain functions, else Dexie commits early); a command that
 * changes nothing appends no outbox operation. A policy change refreshes every buyer's aggregate (the only
 * command whose effect is not confined to the buyers it names).
 *
 * Bulk by construction (an import is one command of 100 000 rows): the changes are grouped per entity, the
 * rows before are those the command already read (else one bulk read per entity), each entity is written
 * with `bulkPut` / `bulkDelete`, and the touched buyers' ledgers are read together. Writes are issued
 * without waiting for each other, so the next entity is prepared while IndexedDB writes the previous one;
 * IndexedDB still applies a transaction's requests in the order they were made, so later reads see them.
 */
import Dexie from 'dexie';
import type { z } from 'zod';
import { computeBuyerAggregate, loadBuyerLedgers, loadPolicy } from '../../shared/commands/aggregates';
import { SYNC_OP_TARGET_BYTES, applyChange } from '../../shared/commands/define';
import type { Change, Command, Reader } from '../../shared/commands/define';
import { ENTITY_ROW_SCHEMAS } from '../../shared/commands/entities';
import type { EntityName, EntityRow } from '../../shared/commands/entities';
import type { IsoDate } from '../../shared/domain/types';
import type { AppDB, StoredBuyerAggregate } from './app-db';
import { META_ID } from './app-db';
import { dexieReader, emptyReadRecord, recordingReader } from './dexie-reader';
import type { ReadRecord } from './dexie-reader';
import { STORAGE_FULL, describeError, hasErrorName, storageError } from './store-errors';
import type { StoreError } from './store-errors';

export type RunContext = {
  readonly actor: string;
  /** ISO timestamp, audit only. */
  readonly now: string;
  /** The date the aggregates are computed for. */
  readonly today: IsoDate;
};

export type RunResult =
  | { readonly ok: true; readonly changes: readonly Change[] }
  | { readonly ok: false; readonly error: StoreError };

function buyerIdOf(row: object | undefined): string | undefined {
  return row !== undefined && 'buyerId' in row && typeof row.buyerId === 'string' ? row.buyerId : undefined;
}

/**
 * Rows per `bulkPut`: large enough that Dexie records a bulk write as "the whole table changed" (it tracks
 * keys one by one below 50 rows, which costs the writer and every live query that must compare them — the
 * per-row tracking of an import made a 200 ms task on the main thread), small enough to bound one call.
 */
const WRITE_CHUNK = 10_000;

function groupByEntity(changes: readonly Change[]): Map<EntityName, Change[]> {
  const groups = new Map<EntityName, Change[]>();
  for (const change of changes) {
    const group = groups.get(change.entity);
    if (group === undefined) groups.set(change.entity, [change]);
    else group.push(change);
  }
  return groups;
}

/**
 * Writes the changes of one entity. The rows before come from what the command read (`seen`), the others
 * from one bulk read; changes are applied in order over them, so a row changed twice ends as if written
 * twice (version + 2), exactly as applying them one by one would. The writes are issued and returned
 * unawaited. Adds the buyers whose rows moved (before or after) to `touched`.
 */
async function writeEntityChanges<E extends EntityName>(
  db: AppDB,
  reader: Reader,
  entity: E,
  changes: readonly Change[],
  seen: ReadRecord[E],
  now: string,
  touched: Set<string>,
): Promise<Promise<unknown>[]> {
  const table = db.entities[entity];
  const schema: z.ZodType<EntityRow<E>> = ENTITY_ROW_SCHEMAS[entity];
  const rows = new Map<string, EntityRow<E> | undefined>();
  const unread: string[] = [];
  for (const { id } of changes) {
    if (rows.has(id)) continue;
    rows.set(id, seen.get(id));
    if (!seen.has(id)) unread.push(id);
  }
  if (unread.length > 0) {
    const stored = await reader.getMany(entity, unread);
    unread.forEach((id, index) => rows.set(id, stored[index]));
  }
  for (const change of changes) {
    const before = rows.get(change.id);
    const next = applyChange(before, change, now);
    // Parsing the merged row keeps a malformed patch out of the database (and types the row honestly).
    const after = next === undefined ? undefined : schema.parse(next);
    rows.set(change.id, after);
    if (entity === 'buyers') touched.add(change.id);
    for (const buyerId of [buyerIdOf(before), buyerIdOf(after)])
      if (buyerId !== undefined) touched.add(buyerId);
  }
  const puts: EntityRow<E>[] = [];
  const deletes: string[] = [];
  for (const [id, row] of rows) {
    if (row === undefined) deletes.push(id);
    else puts.push(row);
  }
  const pending: Promise<unknown>[] = [];
  if (deletes.length > 0) pending.push(table.bulkDelete(deletes));
  for (let from = 0; from < puts.length; from += WRITE_CHUNK)
    pending.push(table.bulkPut(puts.slice(from, from + WRITE_CHUNK)));
  return pending;
}

/** All of `pending`; a failure surfaces once, where the result is awaited (never as an unhandled rejection). */
function allOf(pending: readonly Promise<unknown>[]): Promise<unknown> {
  const all = Promise.all(pending);
  all.catch(() => undefined);
  return all;
}

/** A quota error, also when it is one of the failures of a Dexie `BulkError` (a `bulkPut` that failed). */
function isQuotaError(error: unknown): boolean {
  if (hasErrorName(error, Dexie.errnames.QuotaExceeded)) return true;
  return error instanceof Dexie.BulkError && error.failures.some((failure) => isQuotaError(failure));
}

export async function runCommand<S extends z.ZodType>(
  db: AppDB,
  command: Command<string, S>,
  args: unknown,
  ctx: RunContext,
): Promise<RunResult> {
  const parsed = command.args.safeParse(args);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    return {
      ok: false,
      error: {
        code: 'invalid-args',
        message: { fr: `Saisie invalide : ${detail}`, en: `Invalid input: ${detail}` },
      },
    };
  }
  const commandArgs = parsed.data;
  try {
    return await db.transaction('rw', db.tables, async (): Promise<RunResult> => {
      const meta = await db.meta.get(META_ID);
      if (meta === undefined)
        throw new Error('workspace meta row missing (database not opened with openAppDb)');
      const reader = dexieReader(db);
      // What the command reads is the state before its changes: the write step starts from it.
      const seen = emptyReadRecord();
      const result = await command.execute(
        { reader: recordingReader(reader, seen), actor: ctx.actor, clientId: meta.clientId, now: ctx.now },
        commandArgs,
      );
      if (!result.ok) return { ok: false, error: result.rejected };
      if (result.changes.length === 0) return { ok: true, changes: [] };

      const touched = new Set<string>();
      const groups = groupByEntity(result.changes);
      const pending: Promise<unknown>[] = [];
      for (const [entity, changes] of groups)
        pending.push(
          ...(await writeEntityChanges(db, reader, entity, changes, seen[entity], ctx.now, touched)),
        );
      const written = allOf(pending);

      const baseVersion =
        command.guarded === true &&
        typeof commandArgs === 'object' &&
        commandArgs !== null &&
        'baseVersion' in commandArgs
          ? commandArgs.baseVersion
          : undefined;
      const opArgs = command.splitForSync?.(commandArgs, result.changes, SYNC_OP_TARGET_BYTES) ?? [
        commandArgs,
      ];
      const ops = opArgs.map((partArgs, index) => ({
        opId: crypto.randomUUID(),
        clientId: meta.clientId,
        clientSeq: meta.lastClientSeq + 1 + index,
        command: command.name,
        args: partArgs,
        ...(typeof baseVersion === 'number' ? { baseVersion } : {}),
        createdAt: ctx.now,
      }));
      // Issued now, so that the copy of a large op (an import's rows) is made while the rows are written.
      const queued = allOf([
        db.outbox.bulkAdd(ops),
        db.meta.put({ ...meta, lastClientSeq: meta.lastClientSeq + ops.length }),
      ]);

      // Waiting here costs nothing (the reads below would queue behind the writes anyway) and makes a failed
      // write the error reported, not the abort it causes in the reads.
      await written;
      if (groups.has('policy'))
        for (const id of await db.buyers.toCollection().primaryKeys()) touched.add(id);
      const policy = await loadPolicy(reader);
      const ledgers = await loadBuyerLedgers(reader, [...touched]);
      const aggregates: StoredBuyerAggregate[] = [];
      const gone: string[] = [];
      for (const buyerId of touched) {
        const ledger = ledgers.get(buyerId);
        if (ledger === undefined) gone.push(buyerId);
        else aggregates.push({ ...computeBuyerAggregate(ledger, policy, ctx.today), updatedAt: ctx.now });
      }
      await Promise.all([
        queued,
        gone.length > 0 ? db.buyerAggregates.bulkDelete(gone) : undefined,
        aggregates.length > 0 ? db.buyerAggregates.bulkPut(aggregates) : undefined,
      ]);
      return { ok: true, changes: result.changes };
    });
  } catch (error) {
    if (isQuotaError(error)) return { ok: false, error: STORAGE_FULL };
    return { ok: false, error: storageError(describeError(error)) };
  }
}
