/**
 * The Conflits page's data: the operations the server refused or found stale (recorded by the sync engine
 * in the local `conflicts` table, with the user's arguments and the server's value), and the two choices.
 *
 * Invariants:
 * - Nothing is deleted: a choice stamps `resolvedAt` and `resolution`; resolved conflicts stay listed.
 * - "Keep the server's value" only acknowledges: the server's rows are already in the local database (the
 *   engine restored them when it recorded the conflict).
 * - "Re-apply my value" runs the same command again through the ordinary command path (one transaction,
 *   outbox op), with the CURRENT base version of a guarded value, so the new op is not stale in its turn;
 *   only a successful run marks the conflict resolved.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import type { z } from 'zod';
import type { Command } from '../../shared/commands/define';
import { POLICY_ROW_ID } from '../../shared/commands/entities';
import { commands, isCommandName } from '../../shared/commands/registry';
import type { LocalizedText } from '../../shared/domain/types';
import type { AppDB, ConflictRow } from '../db/app-db';
import { runCommand } from '../db/run-command';
import { useWorkspace } from './workspace-context';

export type ConflictView = ConflictRow & {
  /** The buyer the operation was about, when it names one that exists locally. */
  readonly buyerName?: string;
};

function buyerIdOf(args: unknown): string | undefined {
  if (typeof args !== 'object' || args === null) return undefined;
  if ('buyerId' in args && typeof args.buyerId === 'string') return args.buyerId;
  if ('decision' in args) return buyerIdOf(args.decision);
  if ('id' in args && typeof args.id === 'string' && 'patch' in args) return args.id;
  return undefined;
}

/** Every conflict, the latest first; `undefined` while loading. */
export function useConflicts(): readonly ConflictView[] | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    const rows = await db.conflicts.orderBy('clientSeq').reverse().toArray();
    const ids = [...new Set(rows.map((row) => buyerIdOf(row.args)).filter((id) => id !== undefined))];
    const buyers = await db.buyers.bulkGet(ids);
    const names = new Map(buyers.flatMap((buyer) => (buyer === undefined ? [] : [[buyer.id, buyer.name]])));
    return rows.map((row): ConflictView => {
      const name = names.get(buyerIdOf(row.args) ?? '');
      return name === undefined ? row : { ...row, buyerName: name };
    });
  }, [db]);
}

/** The arguments to run again: a guarded command gets today's base version (and a free decision id). */
export async function reapplyArgs(db: AppDB, conflict: ConflictRow): Promise<unknown> {
  if (conflict.command === 'recordLimitDecision') {
    const parsed = commands.recordLimitDecision.args.safeParse(conflict.args);
    if (!parsed.success) return conflict.args;
    const { decision } = parsed.data;
    const buyer = await db.buyers.get(decision.buyerId);
    const isTaken = (await db.limitDecisions.get(decision.id)) !== undefined;
    return {
      decision: isTaken ? { ...decision, id: crypto.randomUUID() } : decision,
      baseVersion: buyer?.limitHistoryVersion ?? parsed.data.baseVersion,
    };
  }
  if (conflict.command === 'setPolicy') {
    const parsed = commands.setPolicy.args.safeParse(conflict.args);
    if (!parsed.success) return conflict.args;
    const current = await db.policy.get(POLICY_ROW_ID);
    return { ...parsed.data, baseVersion: current?.version ?? 0 };
  }
  return conflict.args;
}

export type ConflictActionResult =
  { readonly ok: true } | { readonly ok: false; readonly message: LocalizedText };

export type ConflictActions = {
  readonly keepServerValue: (opId: string) => Promise<ConflictActionResult>;
  readonly reapply: (opId: string) => Promise<ConflictActionResult>;
};

const UNKNOWN_COMMAND: LocalizedText = {
  fr: "Cette saisie vient d'une autre version d'Encours : elle ne peut pas être réappliquée ici.",
  en: 'This change comes from another version of Encours: it cannot be re-applied here.',
};
const GONE: LocalizedText = {
  fr: "Ce conflit n'existe plus.",
  en: 'This conflict no longer exists.',
};

export function useConflictActions(): ConflictActions {
  const { db, actor, today } = useWorkspace();

  const keepServerValue = useCallback(
    async (opId: string): Promise<ConflictActionResult> => {
      const updated = await db.conflicts.update(opId, {
        resolvedAt: new Date().toISOString(),
        resolution: 'kept-server',
      });
      return updated === 1 ? { ok: true } : { ok: false, message: GONE };
    },
    [db],
  );

  const reapply = useCallback(
    async (opId: string): Promise<ConflictActionResult> => {
      const conflict = await db.conflicts.get(opId);
      if (conflict === undefined) return { ok: false, message: GONE };
      if (!isCommandName(conflict.command)) return { ok: false, message: UNKNOWN_COMMAND };
      // The same widening as `useCommand`: `execute` is a method, so its argument is bivariant.
      const command: Command<string, z.ZodType> = commands[conflict.command];
      const now = new Date().toISOString();
      const result = await runCommand(db, command, await reapplyArgs(db, conflict), { actor, today, now });
      if (!result.ok) return { ok: false, message: result.error.message };
      await db.conflicts.update(opId, { resolvedAt: now, resolution: 'reapplied' });
      return { ok: true };
    },
    [db, actor, today],
  );

  return { keepServerValue, reapply };
}
