import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { commands } from '../../shared/commands/registry';
import type { ImportLedgerArgs } from '../../shared/commands/import-ledger';
import type { AppDB } from '../db/app-db';
import { openAppDb } from '../db/open-db';
import { runCommand } from '../db/run-command';
import { REFRESH_CHUNK, refreshStaleAggregates, startAggregateRefresh } from './aggregate-refresh';
import type { RefreshProgress } from './aggregate-refresh';

const YESTERDAY = '2026-11-24';
const TODAY = '2026-11-25';
const CTX = { actor: 'test', now: '2026-11-24T10:00:00.000Z', today: YESTERDAY };

function invoice(id: string, buyerId: string, dueDate: string, ttcCents: number) {
  return {
    id,
    buyerId,
    number: `F-${id}`,
    issueDate: '2026-10-25',
    dueDate,
    amountHtCents: ttcCents,
    amountTtcCents: ttcCents,
    currency: 'EUR',
  };
}

function importArgs(
  buyers: { id: string; name: string }[],
  invoices: ReturnType<typeof invoice>[],
): ImportLedgerArgs {
  return {
    import: {
      id: `imp-${crypto.randomUUID()}`,
      kind: 'fec',
      fileName: 'FEC.txt',
      importedAt: CTX.now,
      rejectedLines: 0,
    },
    buyers,
    invoices,
    payments: [],
    creditNotes: [],
    limitDecisions: [],
  };
}

async function seeded(): Promise<AppDB> {
  const db = await openAppDb(`refresh-${crypto.randomUUID()}`);
  const args = importArgs(
    [
      { id: 'b1', name: 'Dupont SARL' },
      { id: 'b2', name: 'Martin SA' },
    ],
    [
      // Due yesterday: not yet late as of yesterday, 1 day late today.
      invoice('i1', 'b1', YESTERDAY, 1000_00),
      // Due today: 0 days late, still "not due" today (aging.ts: due on asOf is not past due).
      invoice('i2', 'b1', TODAY, 500_00),
      invoice('i3', 'b2', '2026-12-31', 300_00),
    ],
  );
  expect((await runCommand(db, commands.importLedger, args, CTX)).ok).toBe(true);
  return db;
}

describe('refreshStaleAggregates', () => {
  it('recomputes yesterday’s aggregates for today: the invoice due yesterday is now overdue', async () => {
    const db = await seeded();
    const before = await db.buyerAggregates.get('b1');
    expect(before).toMatchObject({ asOf: YESTERDAY, overdueCents: 0 });
    expect(before?.aging).toEqual({ notDue: 1500_00, days1To30: 0, days31To60: 0, days61To90: 0, over90: 0 });
    const outboxBefore = await db.outbox.count();

    const progress: RefreshProgress[] = [];
    expect(await refreshStaleAggregates(db, TODAY, (p) => progress.push(p))).toBe(2);

    const after = await db.buyerAggregates.get('b1');
    // Hand-checked: i1 (1 000,00 €) due 11-24 is 1 day late on 11-25 → 1–30 days; i2 due 11-25 is not due.
    expect(after).toMatchObject({ asOf: TODAY, overdueCents: 1000_00, exposureCents: 1500_00 });
    expect(after?.aging).toEqual({
      notDue: 500_00,
      days1To30: 1000_00,
      days31To60: 0,
      days61To90: 0,
      over90: 0,
    });
    expect(after?.alertCodes).toContain('invoice-overdue');
    expect(await db.buyerAggregates.get('b2')).toMatchObject({ asOf: TODAY, overdueCents: 0 });
    expect(progress).toEqual([
      { done: 0, total: 2 },
      { done: 2, total: 2 },
    ]);
    // Aggregates are local: the refresh queues nothing for the server.
    expect(await db.outbox.count()).toBe(outboxBefore);
    // A second pass finds nothing stale.
    expect(await refreshStaleAggregates(db, TODAY)).toBe(0);
    db.close();
  });

  it('recomputes an aggregate stored without the newer fields, a missing one, and drops an orphan', async () => {
    const db = await seeded();
    await refreshStaleAggregates(db, TODAY);
    const current = await db.buyerAggregates.get('b1');
    if (current === undefined) throw new Error('aggregate missing');
    // An aggregate as an older version stored it: dated today, but without aging and DSO figures.
    const { aging: _aging, salesTtcByMonthCents: _sales, ...old } = current;
    // Written through the untyped table: the typed one rightly refuses a row missing fields.
    await db.table('buyerAggregates').put(old);
    await db.buyerAggregates.delete('b2');
    await db.buyerAggregates.put({ ...current, buyerId: 'ghost' });

    expect(await refreshStaleAggregates(db, TODAY)).toBe(2);
    const { updatedAt: _before, ...figures } = current;
    const { updatedAt: _after, ...recomputed } = (await db.buyerAggregates.get('b1')) ?? current;
    expect(recomputed).toEqual(figures);
    expect(await db.buyerAggregates.get('b2')).toMatchObject({ asOf: TODAY, exposureCents: 300_00 });
    expect(await db.buyerAggregates.get('ghost')).toBeUndefined();
    db.close();
  });

  it('recomputes an aggregate of today stored before limitSource existed', async () => {
    const db = await seeded();
    await refreshStaleAggregates(db, TODAY);
    const current = await db.buyerAggregates.get('b2');
    if (current === undefined) throw new Error('aggregate missing');
    const { limitSource: _source, ...old } = current;
    await db.table('buyerAggregates').put(old);

    expect(await refreshStaleAggregates(db, TODAY)).toBe(1);
    // No limit decision, default policy: the unnamed threshold (seuil de non-dénommé) of 10 000 €.
    expect(await db.buyerAggregates.get('b2')).toMatchObject({
      limitSource: 'unnamed',
      limitCents: 10_000_00,
    });
    db.close();
  });

  it(`works in chunks of ${REFRESH_CHUNK} buyers and reports each`, async () => {
    const db = await openAppDb(`refresh-${crypto.randomUUID()}`);
    const count = REFRESH_CHUNK + 5;
    const buyers = Array.from({ length: count }, (_, i) => ({ id: `b${i}`, name: `Client ${i}` }));
    const invoices = buyers.map((buyer, i) => invoice(`i${i}`, buyer.id, YESTERDAY, 100_00));
    expect((await runCommand(db, commands.importLedger, importArgs(buyers, invoices), CTX)).ok).toBe(true);
    const progress: RefreshProgress[] = [];
    await refreshStaleAggregates(db, TODAY, (p) => progress.push(p));
    expect(progress).toEqual([
      { done: 0, total: count },
      { done: REFRESH_CHUNK, total: count },
      { done: count, total: count },
    ]);
    const aggregates = await db.buyerAggregates.toArray();
    // Every buyer's 100,00 € due yesterday is overdue today: Σ = count × 100,00 €.
    expect(aggregates.reduce((sum, row) => sum + row.overdueCents, 0)).toBe(count * 100_00);
    expect(aggregates.every((row) => row.asOf === TODAY)).toBe(true);
    db.close();
  });

  it('joins a refresh already running for the same day', async () => {
    const db = await seeded();
    const first = startAggregateRefresh(db, TODAY);
    const second = startAggregateRefresh(db, TODAY);
    expect(second).toBe(first);
    expect(await first).toBe(2);
    db.close();
  });
});
