/**
 * What the server (and a careful client) checks of a pushed op beyond the envelope: the command exists, its
 * arguments pass the command's own schema (so a negative amount never reaches a store), and an op-level
 * `baseVersion` agrees with the guarded command's `args.baseVersion`. Also the server's guarded value shown
 * on a conflict (architecture §5): the rows the guard protects, read through the same `Reader`.
 */
import type { z } from 'zod';
import type { Command, Reader } from '../commands/define';
import { POLICY_ROW_ID } from '../commands/entities';
import type { EntityName } from '../commands/entities';
import { commands, isCommandName } from '../commands/registry';
import type { CommandName } from '../commands/registry';
import type { PushOp, SnapshotRow } from './protocol';

export type ParsedOp = {
  readonly name: CommandName;
  readonly command: Command<string, z.ZodType>;
  readonly args: unknown;
};

export type OpProblem = { readonly clientSeq: number; readonly message: string };

export function parseOp(op: PushOp): { ok: true; op: ParsedOp } | { ok: false; problem: OpProblem } {
  const fail = (message: string) => ({ ok: false as const, problem: { clientSeq: op.clientSeq, message } });
  if (!isCommandName(op.command)) return fail(`unknown command "${op.command}"`);
  // Widening to the base command type is checked (execute is a method, so its argument is bivariant).
  const command: Command<string, z.ZodType> = commands[op.command];
  const parsed = command.args.safeParse(op.args);
  if (!parsed.success) {
    const paths = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)');
    return fail(`invalid arguments for ${op.command}: ${[...new Set(paths)].join(', ')}`);
  }
  if (op.baseVersion !== undefined) {
    const argBase = baseVersionOf(parsed.data);
    if (command.guarded !== true || argBase !== op.baseVersion) {
      return fail(`baseVersion does not match the arguments of ${op.command}`);
    }
  }
  return { ok: true, op: { name: op.command, command, args: parsed.data } };
}

function baseVersionOf(args: unknown): number | undefined {
  if (typeof args !== 'object' || args === null || !('baseVersion' in args)) return undefined;
  const value = args.baseVersion;
  return typeof value === 'number' ? value : undefined;
}

function toSnapshotRow(entity: EntityName, row: Readonly<Record<string, unknown>>): SnapshotRow {
  const id = row['id'];
  const version = row['version'];
  return {
    entity,
    id: typeof id === 'string' ? id : '',
    version: typeof version === 'number' ? version : 0,
    fields: { ...row },
  };
}

/**
 * The server's side of a guarded value: for a limit decision, the buyer (its `limitHistoryVersion`) and its
 * limit decisions; for the policy, the policy row. Empty for unguarded commands.
 */
export async function guardedRowsOf(op: ParsedOp, reader: Reader): Promise<SnapshotRow[]> {
  const args = op.args;
  if (op.name === 'setPolicy') {
    const policy = await reader.get('policy', POLICY_ROW_ID);
    return policy === undefined ? [] : [toSnapshotRow('policy', policy)];
  }
  if (op.name === 'recordLimitDecision' && typeof args === 'object' && args !== null && 'decision' in args) {
    const decision = args.decision;
    const buyerId =
      typeof decision === 'object' && decision !== null && 'buyerId' in decision
        ? decision.buyerId
        : undefined;
    if (typeof buyerId !== 'string') return [];
    const buyer = await reader.get('buyers', buyerId);
    if (buyer === undefined) return [];
    const decisions = await reader.query('limitDecisions', { index: 'buyerId', equals: buyerId });
    return [toSnapshotRow('buyers', buyer), ...decisions.map((row) => toSnapshotRow('limitDecisions', row))];
  }
  return [];
}
