/**
 * Data of the Factures grid: every invoice, payment and credit note plus the buyers' names, read in ONE read
 * transaction (a consistent snapshot: never a payment without its invoice), turned into the grid model.
 *
 * Why this shape, for 200 000 invoices:
 * - One `useLiveQuery` over the four tables: the snapshot is loaded once, and loaded again only when one of
 *   those tables changes (Dexie tells the live query; nothing polls). While it reloads, the hook keeps
 *   returning the previous grid, so the screen never flashes back to a loader after the first load.
 * - The model (allocation per buyer, then the sort keys of every column) is built in a `useMemo` keyed on
 *   the loaded snapshot, i.e. once per data change, never per render, sort or keystroke in the filters:
 *   those only query the typed arrays of the built grid.
 * - A change reloads the whole snapshot rather than patching the changed rows: Dexie's live queries do not
 *   say which rows moved, and one bulk `toArray` per table is the fastest IndexedDB read there is. The cost
 *   (measured by test/bench/invoice-grid.bench.ts: rows + index ≈ 0.8 s of main-thread work at 200 000) is
 *   paid after a write, while the previous grid stays on screen. Moving the build to a worker is the next
 *   step if that ever shows up as jank.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { BuyerRow, CreditNoteRow, InvoiceRow, PaymentRow } from '../../shared/commands/entities';
import { buildInvoiceRows, createInvoiceGrid } from '../features/invoices/invoice-grid-model';
import type { InvoiceGrid } from '../features/invoices/invoice-grid-model';
import { useWorkspace } from './workspace-context';

type Snapshot = {
  readonly invoices: readonly InvoiceRow[];
  readonly payments: readonly PaymentRow[];
  readonly creditNotes: readonly CreditNoteRow[];
  readonly buyers: readonly BuyerRow[];
};

/** The grid model of every invoice as of the workspace's `today`; `undefined` until the first load. */
export function useInvoiceGrid(): InvoiceGrid | undefined {
  const { db, today } = useWorkspace();
  const snapshot = useLiveQuery(
    (): Promise<Snapshot> =>
      db.transaction('r', [db.invoices, db.payments, db.creditNotes, db.buyers], async () => {
        const [invoices, payments, creditNotes, buyers] = await Promise.all([
          db.invoices.toArray(),
          db.payments.toArray(),
          db.creditNotes.toArray(),
          db.buyers.toArray(),
        ]);
        return { invoices, payments, creditNotes, buyers };
      }),
    [db],
  );
  return useMemo(() => {
    if (snapshot === undefined) return undefined;
    const buyerNames = new Map(snapshot.buyers.map((buyer) => [buyer.id, buyer.name]));
    return createInvoiceGrid(buildInvoiceRows({ ...snapshot, buyerNames }, today));
  }, [snapshot, today]);
}
