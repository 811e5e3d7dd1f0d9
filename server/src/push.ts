/**
 * Applies one pushed operation (architecture §5), in ONE storage transaction under the workspace row lock:
 * duplicate check (`clientSeq ≤ lastClientSeq` answers the first result again, with no effect), gap check,
 * the command of `shared/commands` run over a `Reader` backed by that same transaction, a stale guard turned
 * into a `conflict` carrying the server's rows, then seq allocation, row writes, change rows, the client's
 * `lastClientSeq` and the op's result — all committed together or not at all.
 *
 * Invariant: an op that changes nothing gets no seq, so the change log has no hole a puller could mistake
 * for a lost row.
 */
import type { z } from 'zod';
import { applyChange } from '../../shared/commands/define';
import type { CommandContext, Reader } from '../../shared/commands/define';
import { ENTITY_ROW_SCHEMAS } from '../../shared/commands/entities';
import type { EntityName, EntityRow } from '../../shared/commands/entities';
import { guardedRowsOf } from '../../shared/sync/ops';
import type { ParsedOp } from '../../shared/sync/ops';
import { pushResultSchema } from '../../shared/sync/protocol';
import type { PushOp, PushResult } from '../../shared/sync/protocol';
import { INDEX_COLUMNS } from './storage/sql-storage';
import type { JsonRecord, WorkspaceTx } from './storage/storage';

export class SequenceGapError extends Error {
  constructor(
    readonly expected: number,
    readonly received: number,
  ) {
    super(`clientSeq ${received} received, ${expected} expected`);
    this.name = 'SequenceGapError';
  }
}

export class ClientOwnedElsewhereError extends Error {
  constructor() {
    super('this clientId belongs to another device');
    this.name = 'ClientOwnedElsewhereError';
  }
}

function parseRow<E extends EntityName>(entity: E, row: unknown): EntityRow<E> {
  const schema: z.ZodType<EntityRow<E>> = ENTITY_ROW_SCHEMAS[entity];
  return schema.parse(row);
}

function indexKey(row: JsonRecord, index: string): unknown {
  const compound = /^\[(.+)\]$/.exec(index);
  if (compound?.[1] === undefined) return row[index];
  return compound[1].split('+').map((field) => row[field]);
}

function isIndexColumn(index: string): index is keyof typeof INDEX_COLUMNS {
  return Object.hasOwn(INDEX_COLUMNS, index);
}

/** A `Reader` over the transaction: commands see the rows exactly as this transaction sees them. */
export function transactionReader(tx: WorkspaceTx): Reader {
  const reader: Reader = {
    async get(entity, id) {
      const row = await tx.getRow(entity, id);
      return row === undefined ? undefined : parseRow(entity, row);
    },
    getMany(entity, ids) {
      return Promise.all(ids.map((id) => reader.get(entity, id)));
    },
    async query(entity, where) {
      if (isIndexColumn(where.index) && typeof where.equals === 'string') {
        const rows = await tx.queryRows(entity, INDEX_COLUMNS[where.index], where.equals);
        return rows.map((row) => parseRow(entity, row));
      }
      const wanted = JSON.stringify(where.equals);
      const rows = await tx.queryRows(entity, null, null);
      return rows
        .filter((row) => JSON.stringify(indexKey(row, where.index)) === wanted)
        .map((row) => parseRow(entity, row));
    },
  };
  return reader;
}

export type PushContext = {
  readonly clientId: string;
  readonly deviceId: string;
  readonly actor: string;
  readonly now: string;
};

function duplicateOf(stored: string | undefined, clientSeq: number): PushResult {
  const first = stored === undefined ? undefined : pushResultSchema.safeParse(JSON.parse(stored));
  const original = first?.success === true ? first.data : undefined;
  return {
    clientSeq,
    status: 'duplicate',
    ...(original?.seq === undefined ? {} : { seq: original.seq }),
    ...(original?.reason === undefined ? {} : { reason: original.reason }),
    ...(original?.serverValue === undefined ? {} : { serverValue: original.serverValue }),
  };
}

async function decide(tx: WorkspaceTx, op: PushOp, parsed: ParsedOp, ctx: PushContext): Promise<PushResult> {
  const reader = transactionReader(tx);
  const commandContext: CommandContext = { reader, actor: ctx.actor, clientId: ctx.clientId, now: ctx.now };
  const outcome = await parsed.command.execute(commandContext, parsed.args);
  if (!outcome.ok) {
    const reason = { code: outcome.rejected.code, message: outcome.rejected.message };
    if (outcome.rejected.code === 'conflict') {
      return {
        clientSeq: op.clientSeq,
        status: 'conflict',
        reason,
        serverValue: await guardedRowsOf(parsed, reader),
      };
    }
    return { clientSeq: op.clientSeq, status: 'rejected', reason };
  }
  if (outcome.changes.length === 0) return { clientSeq: op.clientSeq, status: 'applied' };
  // First pass over an overlay, nothing written: a command that produced a row its entity schema refuses is
  // rejected whole instead of half-applied.
  const overlay = new Map<string, JsonRecord | null>();
  const planned: {
    change: (typeof outcome.changes)[number];
    next: JsonRecord | undefined;
    version: number;
  }[] = [];
  for (const change of outcome.changes) {
    const key = `${change.entity}/${change.id}`;
    const seen = overlay.get(key);
    const existing = seen === undefined ? await tx.getRow(change.entity, change.id) : (seen ?? undefined);
    const next = applyChange(existing, change, ctx.now);
    if (next !== undefined && !ENTITY_ROW_SCHEMAS[change.entity].safeParse(next).success) {
      return {
        clientSeq: op.clientSeq,
        status: 'rejected',
        reason: {
          code: 'invalid',
          message: {
            fr: `L'opération produirait une ligne ${change.entity} invalide (${change.id}).`,
            en: `The operation would produce an invalid ${change.entity} row (${change.id}).`,
          },
        },
      };
    }
    const previous = existing?.['version'];
    const version = typeof previous === 'number' ? previous + 1 : 1;
    overlay.set(key, next ?? null);
    planned.push({ change, next, version });
  }
  const seq = tx.seq + 1;
  let index = 0;
  for (const { change, next, version } of planned) {
    if (next === undefined) {
      await tx.deleteRow(change.entity, change.id);
      await tx.appendChange({ seq, entity: change.entity, id: change.id, version, fields: null }, index++);
    } else {
      await tx.putRow(change.entity, change.id, version, seq, next);
      const fields: JsonRecord = 'fields' in change ? { ...change.fields, updatedAt: ctx.now } : {};
      await tx.appendChange({ seq, entity: change.entity, id: change.id, version, fields }, index++);
    }
  }
  await tx.setSeq(seq);
  return { clientSeq: op.clientSeq, status: 'applied', seq };
}

/** Runs inside `storage.withWorkspace`. Throws `SequenceGapError` (nothing written) on a gap. */
export async function applyOp(
  tx: WorkspaceTx,
  op: PushOp,
  parsed: ParsedOp,
  ctx: PushContext,
): Promise<PushResult> {
  const client = await tx.client(ctx.clientId);
  if (client !== undefined && client.deviceId !== ctx.deviceId) throw new ClientOwnedElsewhereError();
  const last = client?.lastClientSeq ?? 0;
  if (op.clientSeq <= last) return duplicateOf(await tx.opResult(ctx.clientId, op.clientSeq), op.clientSeq);
  if (op.clientSeq !== last + 1) throw new SequenceGapError(last + 1, op.clientSeq);
  const result = await decide(tx, op, parsed, ctx);
  await tx.saveClient(ctx.clientId, ctx.deviceId, op.clientSeq);
  await tx.saveOp(ctx.clientId, op.clientSeq, op.opId, JSON.stringify(result), ctx.now);
  return result;
}
