import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { alertsFor } from '../../shared/domain/alerts';
import { coverAsOf } from '../../shared/domain/cover';
import { exposureOf } from '../../shared/domain/exposure';
import { DEFAULT_POLICY } from '../../shared/domain/policy';
import { accept, defineCommand } from '../../shared/commands/define';
import { commands } from '../../shared/commands/registry';
import type { ImportLedgerArgs } from '../../shared/commands/import-ledger';
import { z } from 'zod';
import type { AppDB } from './app-db';
import { openAppDb } from './open-db';
import { runCommand } from './run-command';

const CTX = { actor: 'test', now: '2026-03-01T09:00:00.000Z', today: '2026-03-01' };
const BUYER = { id: 'b1', name: 'Dupont SARL' };
const invoice = (id: string, dueDate: string, amountHtCents: number) => ({
  id,
  buyerId: 'b1',
  number: `F-${id}`,
  issueDate: '2026-01-01',
  dueDate,
  amountHtCents,
  amountTtcCents: amountHtCents * 1.2,
  currency: 'EUR',
});

async function freshDb(): Promise<AppDB> {
  return openAppDb(`run-${crypto.randomUUID()}`);
}

async function dump(db: AppDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

/** Makes every write to `tableName` fail with the given DOMException name, after earlier writes succeeded. */
async function failWritesTo(db: AppDB, tableName: string, errorName: string): Promise<void> {
  // Middleware applies from the next open.
  db.close();
  db.use({
    stack: 'dbcore',
    name: 'fail-writes',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return name === tableName
          ? { ...table, mutate: () => Promise.reject(new DOMException('simulated', errorName)) }
          : table;
      },
    }),
  });
  await db.open();
}

describe('runCommand', () => {
  it('writes rows, aggregate and one outbox op; clientSeq increases with no gap', async () => {
    const db = await freshDb();
    expect((await runCommand(db, commands.createBuyer, BUYER, CTX)).ok).toBe(true);
    for (const [index, due] of ['2026-02-01', '2026-04-01', '2026-05-01'].entries()) {
      expect((await runCommand(db, commands.recordInvoice, invoice(`i${index}`, due, 1000), CTX)).ok).toBe(
        true,
      );
    }
    // A rejected command writes nothing and takes no clientSeq.
    expect(
      await runCommand(db, commands.recordInvoice, invoice('i0', '2026-02-01', 1000), CTX),
    ).toMatchObject({
      ok: false,
      error: { code: 'already-exists' },
    });
    expect((await runCommand(db, commands.setInvoiceDispute, { id: 'i1', disputed: true }, CTX)).ok).toBe(
      true,
    );
    const ops = await db.outbox.orderBy('clientSeq').toArray();
    expect(ops.map((op) => op.clientSeq)).toEqual([1, 2, 3, 4, 5]);
    expect(ops.map((op) => op.command)).toEqual([
      'createBuyer',
      'recordInvoice',
      'recordInvoice',
      'recordInvoice',
      'setInvoiceDispute',
    ]);
    expect(new Set(ops.map((op) => op.opId)).size).toBe(5);
    expect((await db.meta.toArray())[0]?.lastClientSeq).toBe(5);

    // Independent check: the aggregate equals a from-scratch computation over this buyer's rows.
    const ledger = {
      buyer: (await db.buyers.get('b1')) ?? BUYER,
      invoices: await db.invoices.toArray(),
      payments: [],
      creditNotes: [],
      limitDecisions: [],
    };
    const exposure = exposureOf(ledger, DEFAULT_POLICY, CTX.today);
    const cover = coverAsOf(ledger, DEFAULT_POLICY, CTX.today);
    const alerts = alertsFor(ledger, DEFAULT_POLICY, CTX.today);
    const stored = await db.buyerAggregates.get('b1');
    expect(stored).toMatchObject({
      exposureCents: exposure.exposureCents,
      overdueCents: exposure.overdueCents,
      coveredCents: cover.coveredCents,
      alertCounts: {
        critical: alerts.filter((a) => a.severity === 'critical').length,
        warning: alerts.filter((a) => a.severity === 'warning').length,
        info: alerts.filter((a) => a.severity === 'info').length,
      },
    });
    // By hand: three invoices of 1 000 cents HT, none paid → exposure 3 000; only i0 (due 1 Feb) is overdue on
    // 1 March → 1 000.
    expect(stored?.exposureCents).toBe(3000);
    expect(stored?.overdueCents).toBe(1000);
    db.close();
  });

  it('a guarded command records its baseVersion in the outbox', async () => {
    const db = await freshDb();
    await runCommand(db, commands.setPolicy, { policy: DEFAULT_POLICY, baseVersion: 0 }, CTX);
    expect((await db.outbox.toArray())[0]).toMatchObject({ command: 'setPolicy', baseVersion: 0 });
    db.close();
  });

  it('invalid arguments are a coded error and write nothing', async () => {
    const db = await freshDb();
    const before = await dump(db);
    const result = await runCommand(db, commands.createBuyer, { id: 'b1' }, CTX);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(await dump(db)).toEqual(before);
    db.close();
  });

  it('a quota error after some writes leaves the database exactly as before and says storage-full', async () => {
    const db = await freshDb();
    await runCommand(db, commands.createBuyer, BUYER, CTX);
    await runCommand(db, commands.recordInvoice, invoice('i1', '2026-02-01', 500), CTX);
    const before = await dump(db);
    // The invoice row and the aggregate are written before the outbox add fails.
    await failWritesTo(db, 'outbox', 'QuotaExceededError');
    const result = await runCommand(db, commands.recordInvoice, invoice('i2', '2026-02-01', 700), CTX);
    expect(result).toMatchObject({ ok: false, error: { code: 'storage-full' } });
    if (!result.ok) expect(result.error.message.fr).toContain('disque est plein');
    expect(await dump(db)).toEqual(before);
    db.close();
  });

  it('any other failure is storage-error and also rolls back', async () => {
    const db = await freshDb();
    await runCommand(db, commands.createBuyer, BUYER, CTX);
    const before = await dump(db);
    await failWritesTo(db, 'meta', 'UnknownError');
    const result = await runCommand(db, commands.recordInvoice, invoice('i1', '2026-02-01', 500), CTX);
    expect(result).toMatchObject({ ok: false, error: { code: 'storage-error' } });
    expect(await dump(db)).toEqual(before);
    db.close();
  });

  it('importLedger twice gives the same rows and one outbox op', async () => {
    const db = await freshDb();
    const args: ImportLedgerArgs = {
      import: { id: 'sha-1', kind: 'fec', fileName: 'FEC.txt', importedAt: CTX.now, rejectedLines: 0 },
      buyers: [BUYER, { id: 'b2', name: 'Martin' }],
      invoices: [invoice('i1', '2026-02-01', 1000), { ...invoice('i2', '2026-02-01', 2000), buyerId: 'b2' }],
      payments: [{ id: 'p1', buyerId: 'b1', date: '2026-02-01', amountCents: 1200, currency: 'EUR' }],
      creditNotes: [],
      limitDecisions: [],
    };
    expect((await runCommand(db, commands.importLedger, args, CTX)).ok).toBe(true);
    const first = await dump(db);
    expect((await runCommand(db, commands.importLedger, args, CTX)).ok).toBe(true);
    expect(await dump(db)).toEqual(first);
    // 2 buyers and 2 invoices from `args`; b1's 1 200 TTC payment settles i1 (1 000 HT = 1 200 TTC) → 0.
    expect(await db.buyers.count()).toBe(2);
    expect(await db.invoices.count()).toBe(2);
    expect(await db.outbox.count()).toBe(1);
    expect((await db.buyerAggregates.get('b1'))?.exposureCents).toBe(0);
    expect((await db.buyerAggregates.get('b2'))?.exposureCents).toBe(2000);
    db.close();
  });

  it('moving an invoice to another buyer refreshes both aggregates', async () => {
    const db = await freshDb();
    await runCommand(db, commands.createBuyer, BUYER, CTX);
    await runCommand(db, commands.createBuyer, { id: 'b2', name: 'Martin' }, CTX);
    await runCommand(db, commands.recordInvoice, invoice('i1', '2026-04-01', 1000), CTX);
    await runCommand(db, commands.updateInvoice, { id: 'i1', patch: { buyerId: 'b2' } }, CTX);
    expect((await db.buyerAggregates.get('b1'))?.exposureCents).toBe(0);
    expect((await db.buyerAggregates.get('b2'))?.exposureCents).toBe(1000);
    db.close();
  });

  it('a large import writes in bulk: every row once, and each aggregate equals its ledger computed apart', async () => {
    const db = await freshDb();
    // 3 buyers × 70 invoices (more than Dexie's 50-row threshold and not a multiple of the chunk), plus one
    // payment per buyer; amounts vary so that a mix-up between buyers would show.
    const buyers = ['b1', 'b2', 'b3'].map((id) => ({ id, name: `Client ${id}` }));
    const invoices = Array.from({ length: 210 }, (_, index) => ({
      ...invoice(
        `i${String(index).padStart(3, '0')}`,
        index % 2 === 0 ? '2026-02-01' : '2026-04-01',
        100 + 5 * index,
      ),
      buyerId: buyers[index % 3]?.id ?? 'b1',
    }));
    const payments = buyers.map((buyer, index) => ({
      id: `p${index}`,
      buyerId: buyer.id,
      date: '2026-02-10',
      amountCents: 1000 * (index + 1),
      currency: 'EUR',
    }));
    const args: ImportLedgerArgs = {
      import: { id: 'sha-bulk', kind: 'fec', fileName: 'FEC.txt', importedAt: CTX.now, rejectedLines: 0 },
      buyers,
      invoices,
      payments,
      creditNotes: [],
      limitDecisions: [],
    };
    expect((await runCommand(db, commands.importLedger, args, CTX)).ok).toBe(true);
    expect(await db.invoices.count()).toBe(210);
    expect(await db.payments.count()).toBe(3);
    expect(await db.outbox.count()).toBe(1);
    expect((await db.invoices.toArray()).every((row) => row.version === 1)).toBe(true);
    for (const buyer of buyers) {
      // The ledger rebuilt from the arguments alone (a plain filter), not read back from the database.
      const ledger = {
        buyer: {
          ...buyer,
          nameKey: buyer.name.toLowerCase(),
          version: 1,
          updatedAt: CTX.now,
          limitHistoryVersion: 0,
        },
        invoices: invoices.filter((row) => row.buyerId === buyer.id),
        payments: payments.filter((row) => row.buyerId === buyer.id),
        creditNotes: [],
        limitDecisions: [],
      };
      const exposure = exposureOf(ledger, DEFAULT_POLICY, CTX.today);
      expect(await db.buyerAggregates.get(buyer.id)).toMatchObject({
        exposureCents: Math.max(0, exposure.exposureCents),
        overdueCents: exposure.overdueCents,
        openInvoiceCount: exposure.openItems.length,
      });
    }
    db.close();
  });

  it('a row changed twice by one command ends as if written twice (version 2, both patches)', async () => {
    const db = await freshDb();
    await runCommand(db, commands.createBuyer, BUYER, CTX);
    const twice = defineCommand({
      name: 'twice',
      args: z.object({}),
      execute: () =>
        Promise.resolve(
          accept([
            { entity: 'invoices', id: 'i1', fields: invoice('i1', '2026-02-01', 1000) },
            { entity: 'invoices', id: 'i1', fields: { disputed: true } },
          ]),
        ),
    });
    expect((await runCommand(db, twice, {}, CTX)).ok).toBe(true);
    expect(await db.invoices.get('i1')).toMatchObject({ version: 2, disputed: true, amountHtCents: 1000 });
    db.close();
  });

  it('a quota failure inside a bulk write (Dexie BulkError) is storage-full and rolls everything back', async () => {
    const db = await freshDb();
    await runCommand(db, commands.createBuyer, BUYER, CTX);
    const before = await dump(db);
    db.close();
    db.use({
      stack: 'dbcore',
      name: 'fail-bulk',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'invoices') return table;
          // The first row fails with a quota error, as a real `bulkPut` reports it: a BulkError's failure.
          return {
            ...table,
            mutate: (req) =>
              Promise.resolve({
                numFailures: 1,
                failures: { 0: new DOMException('simulated', 'QuotaExceededError') },
                results: [],
                lastResult: undefined,
              }).then((result) => (req.type === 'put' ? result : table.mutate(req))),
          };
        },
      }),
    });
    await db.open();
    const args: ImportLedgerArgs = {
      import: { id: 'sha-quota', kind: 'fec', fileName: 'FEC.txt', importedAt: CTX.now, rejectedLines: 0 },
      buyers: [],
      invoices: Array.from({ length: 60 }, (_, index) => invoice(`q${index}`, '2026-02-01', 100)),
      payments: [],
      creditNotes: [],
      limitDecisions: [],
    };
    const result = await runCommand(db, commands.importLedger, args, CTX);
    expect(result).toMatchObject({ ok: false, error: { code: 'storage-full' } });
    expect(await dump(db)).toEqual(before);
    db.close();
  });

  it('an import over the op size goes to the outbox as consecutive parts, in the same transaction', async () => {
    const db = await freshDb();
    await runCommand(db, commands.createBuyer, { id: 'b0', name: 'Avant' }, CTX);
    // 6 000 invoices of ~170 bytes of JSON each: ~1 MB, so at least three parts of 256 KiB.
    const buyers = ['b1', 'b2'].map((id) => ({ id, name: `Client ${id}` }));
    const invoices = Array.from({ length: 6000 }, (_, index) => ({
      ...invoice(`inv-${String(index).padStart(5, '0')}`, '2026-04-01', 100 + 5 * index),
      buyerId: index % 2 === 0 ? 'b1' : 'b2',
    }));
    const args: ImportLedgerArgs = {
      import: { id: 'sha-big', kind: 'fec', fileName: 'FEC.txt', importedAt: CTX.now, rejectedLines: 0 },
      buyers,
      invoices,
      payments: [],
      creditNotes: [],
      limitDecisions: [],
    };
    expect(await runCommand(db, commands.importLedger, args, CTX)).toMatchObject({ ok: true });
    const ops = await db.outbox.orderBy('clientSeq').toArray();
    const parts = ops.slice(1);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    // createBuyer took clientSeq 1; the parts follow without a hole, and meta remembers the last one.
    expect(ops.map((op) => op.clientSeq)).toEqual(Array.from({ length: ops.length }, (_, i) => i + 1));
    expect((await db.meta.toArray())[0]?.lastClientSeq).toBe(ops.length);
    const partArgs = parts.map((op) => commands.importLedger.args.parse(op.args));
    expect(partArgs.flatMap((part) => part.invoices)).toEqual(invoices);
    expect(partArgs.flatMap((part) => part.buyers)).toEqual(buyers);
    // 2 buyers + 6 000 invoices, none stored before: the client's counts, carried by every part.
    for (const part of partArgs)
      expect(part.part?.counts).toEqual({ created: 6002, updated: 0, unchanged: 0 });
    expect(new Set(parts.map((op) => op.opId)).size).toBe(parts.length);
    db.close();
  });
});
