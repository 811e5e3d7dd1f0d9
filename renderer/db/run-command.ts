/**
 * `runCommand`: the only way the app writes. Parses the arguments (zod), then in ONE read-write transaction
 * with strict durability: executes the command over a Reader bound to the transaction, applies its changes
 * (version + 1), refreshes the stored aggregates of the buyers touched (from those buyers' rows only) and
 * appends ONE outbox operation with the next clientSeq.
 *
 * Invariants: any failure aborts the transaction, so nothing is half-written; no foreign async work runs
 * inside it (only Dexie calls and the synchronous domain functions, else Dexie commits early); a command that
 * changes nothing appends no outbox operation. A policy change refreshes every buyer's aggregate (the only
 * command whose effect is not confined to the buyers it names).
 */
import Dexie from 'dexie';
import type { z } from 'zod';
import { computeBuyerAggregate, loadBuyerLedger, loadPolicy } from '../../shared/commands/aggregates';
import { applyChange } from '../../shared/commands/define';
import type { Change, Command } from '../../shared/commands/define';
import { ENTITY_ROW_SCHEMAS } from '../../shared/commands/entities';
import type { EntityName, EntityRow } from '../../shared/commands/entities';
import type { IsoDate } from '../../shared/domain/types';
import type { AppDB } from './app-db';
import { META_ID } from './app-db';
import { dexieReader } from './dexie-reader';
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

/** Writes one change; returns the row before and after so the caller knows which buyers moved. */
async function writeChange<E extends EntityName>(
  db: AppDB,
  entity: E,
  change: Change,
  now: string,
): Promise<{ before: EntityRow<E> | undefined; after: EntityRow<E> | undefined }> {
  const table = db.entities[entity];
  const schema: z.ZodType<EntityRow<E>> = ENTITY_ROW_SCHEMAS[entity];
  const before = await table.get(change.id);
  const next = applyChange(before, change, now);
  if (next === undefined) {
    await table.delete(change.id);
    return { before, after: undefined };
  }
  // Parsing the merged row keeps a malformed patch out of the database (and types the row honestly).
  const after = schema.parse(next);
  await table.put(after);
  return { before, after };
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
      const result = await command.execute(
        { reader, actor: ctx.actor, clientId: meta.clientId, now: ctx.now },
        commandArgs,
      );
      if (!result.ok) return { ok: false, error: result.rejected };
      if (result.changes.length === 0) return { ok: true, changes: [] };

      const touched = new Set<string>();
      let isPolicyChanged = false;
      for (const change of result.changes) {
        const { before, after } = await writeChange(db, change.entity, change, ctx.now);
        if (change.entity === 'policy') isPolicyChanged = true;
        if (change.entity === 'buyers') touched.add(change.id);
        for (const buyerId of [buyerIdOf(before), buyerIdOf(after)])
          if (buyerId !== undefined) touched.add(buyerId);
      }
      if (isPolicyChanged) for (const id of await db.buyers.toCollection().primaryKeys()) touched.add(id);

      const policy = await loadPolicy(reader);
      for (const buyerId of touched) {
        const ledger = await loadBuyerLedger(reader, buyerId);
        if (ledger === undefined) await db.buyerAggregates.delete(buyerId);
        else
          await db.buyerAggregates.put({
            ...computeBuyerAggregate(ledger, policy, ctx.today),
            updatedAt: ctx.now,
          });
      }

      const clientSeq = meta.lastClientSeq + 1;
      const baseVersion =
        command.guarded === true &&
        typeof commandArgs === 'object' &&
        commandArgs !== null &&
        'baseVersion' in commandArgs
          ? commandArgs.baseVersion
          : undefined;
      await db.outbox.add({
        opId: crypto.randomUUID(),
        clientId: meta.clientId,
        clientSeq,
        command: command.name,
        args: commandArgs,
        ...(typeof baseVersion === 'number' ? { baseVersion } : {}),
        createdAt: ctx.now,
      });
      await db.meta.put({ ...meta, lastClientSeq: clientSeq });
      return { ok: true, changes: result.changes };
    });
  } catch (error) {
    if (hasErrorName(error, Dexie.errnames.QuotaExceeded)) return { ok: false, error: STORAGE_FULL };
    return { ok: false, error: storageError(describeError(error)) };
  }
}
