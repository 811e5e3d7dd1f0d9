import 'fake-indexeddb/auto';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { commands } from '../../shared/commands/registry';
import { openAppDb } from '../db/open-db';
import { runCommand } from '../db/run-command';
import { useInvoiceGrid } from './invoice-hooks';
import { WorkspaceProvider } from './workspace-context';

const CTX = { actor: 'test', today: '2026-11-25', now: '2026-11-25T09:00:00.000Z' };

describe('useInvoiceGrid', () => {
  it('builds the rows from the stored documents and rebuilds them when a payment is recorded', async () => {
    const db = await openAppDb(`invoice-hooks-${crypto.randomUUID()}`);
    await runCommand(db, commands.createBuyer, { id: 'b1', name: 'Dupont SAS' }, CTX);
    await runCommand(
      db,
      commands.recordInvoice,
      {
        id: 'i1',
        buyerId: 'b1',
        number: 'FA-1',
        issueDate: '2026-11-01',
        dueDate: '2026-12-01',
        amountHtCents: 10_000,
        amountTtcCents: 12_000,
        currency: 'EUR',
      },
      CTX,
    );
    const wrapper = ({ children }: { children: ReactNode }) => (
      <WorkspaceProvider workspace={{ db, actor: 'test', today: '2026-11-25' }}>{children}</WorkspaceProvider>
    );
    const { result } = renderHook(() => useInvoiceGrid(), { wrapper });
    await waitFor(() => {
      expect(result.current?.rows.map((row) => [row.number, row.buyerName, row.openTtcCents])).toEqual([
        ['FA-1', 'Dupont SAS', 12_000],
      ]);
    });
    await act(async () => {
      await runCommand(
        db,
        commands.recordPayment,
        { id: 'p1', buyerId: 'b1', date: '2026-11-20', amountCents: 5_000, currency: 'EUR' },
        CTX,
      );
    });
    // An unnamed payment of 50,00 € goes to the only open invoice: 120,00 − 50,00 = 70,00 € left.
    await waitFor(() => {
      expect(result.current?.rows[0]?.openTtcCents).toBe(7_000);
    });
    expect(result.current?.rows[0]?.status).toBe('partiallyPaid');
    db.close();
  });
});
