/**
 * Live reads for the screens (re-render when the rows they read change) and `useCommand` for writes.
 * `undefined` while loading.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import type { z } from 'zod';
import type { BuyerRow, InvoiceRow } from '../../shared/commands/entities';
import { commands } from '../../shared/commands/registry';
import type { CommandName, Commands } from '../../shared/commands/registry';
import type { Command } from '../../shared/commands/define';
import type { StoredBuyerAggregate } from '../db/app-db';
import { runCommand } from '../db/run-command';
import type { RunResult } from '../db/run-command';
import { useWorkspace } from './workspace-context';

export function useBuyers(): BuyerRow[] | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(() => db.buyers.orderBy('name').toArray(), [db]);
}

export function useBuyer(id: string): BuyerRow | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(() => db.buyers.get(id), [db, id]);
}

export function useBuyerAggregates(): StoredBuyerAggregate[] | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(() => db.buyerAggregates.toArray(), [db]);
}

export function useInvoicesOfBuyer(buyerId: string): InvoiceRow[] | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(
    () => db.invoices.where('[buyerId+dueDate]').between([buyerId, ''], [buyerId, '\uffff']).toArray(),
    [db, buyerId],
  );
}

export function useOutboxCount(): number | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(() => db.outbox.count(), [db]);
}

export type RunCommand = <N extends CommandName>(
  name: N,
  args: z.input<Commands[N]['args']>,
) => Promise<RunResult>;

export function useCommand(): { run: RunCommand } {
  const { db, actor, today } = useWorkspace();
  const run = useCallback<RunCommand>(
    (name, args) => {
      // Widening to the base command type is checked: `execute` is a method, so its argument is bivariant.
      const command: Command<string, z.ZodType> = commands[name];
      return runCommand(db, command, args, { actor, today, now: new Date().toISOString() });
    },
    [db, actor, today],
  );
  return { run };
}
