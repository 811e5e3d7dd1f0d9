// `splitImport` / `importLedger.splitForSync`: an import too large for one push travels as parts that
// partition its rows, stay under the size, keep the kind order, and rebuild the same rows when applied.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8ByteLength } from './define';
import type { CommandContext } from './define';
import { importLedger, splitImport } from './import-ledger';
import type { ImportLedgerArgs } from './import-ledger';
import { createMemoryStore } from './memory-store';
import type { MemoryStore } from './memory-store';

const NOW = '2026-03-01T09:00:00.000Z';
const IMPORT = { id: 'imp-1', kind: 'fec' as const, fileName: 'FEC.txt', importedAt: NOW, rejectedLines: 0 };

/** A ledger of `buyers` buyers, each with `perBuyer` invoices, one payment, one credit note, one decision. */
function ledger(buyers: number, perBuyer: number): ImportLedgerArgs {
  const ids = Array.from({ length: buyers }, (_, b) => `b${b}`);
  return {
    import: IMPORT,
    buyers: ids.map((id) => ({ id, name: `Société ${id} — Économat` })),
    limitDecisions: ids.map((id) => ({
      id: `d-${id}`,
      buyerId: id,
      layer: 'named' as const,
      kind: 'granted' as const,
      decisionDate: '2026-01-01',
      effectiveDate: '2026-01-01',
      amountCents: 5_000_000,
      currency: 'EUR',
    })),
    invoices: ids.flatMap((id) =>
      Array.from({ length: perBuyer }, (_, i) => ({
        id: `i-${id}-${i}`,
        buyerId: id,
        number: `F-${id}-${i}`,
        issueDate: '2026-01-10',
        dueDate: '2026-02-09',
        amountHtCents: 10_000 + i,
        amountTtcCents: 12_000 + i,
        currency: 'EUR',
      })),
    ),
    payments: ids.map((id) => ({
      id: `p-${id}`,
      buyerId: id,
      date: '2026-02-01',
      amountCents: 500,
      currency: 'EUR',
    })),
    creditNotes: ids.map((id) => ({
      id: `c-${id}`,
      buyerId: id,
      number: `AV-${id}`,
      date: '2026-02-02',
      amountHtCents: 100,
      amountTtcCents: 120,
      currency: 'EUR',
    })),
  };
}

const LISTS = ['buyers', 'limitDecisions', 'invoices', 'payments', 'creditNotes'] as const;

function kindOrder(part: ImportLedgerArgs): number[] {
  return LISTS.flatMap((list, rank) => part[list].map(() => rank));
}

async function apply(store: MemoryStore, args: ImportLedgerArgs) {
  const ctx: CommandContext = { reader: store.reader, actor: 'test', clientId: 'c1', now: NOW };
  const result = await importLedger.execute(ctx, importLedger.args.parse(args));
  if (!result.ok) throw new Error(result.rejected.message.en);
  store.apply(result.changes, NOW);
  return result.changes;
}

describe('splitImport', () => {
  it('returns the arguments untouched when they fit', () => {
    const args = ledger(3, 2);
    expect(splitImport(args, undefined, 256 * 1024)).toEqual([args]);
  });

  it.each([
    // [buyers, invoices per buyer, maxBytes]
    [40, 10, 8 * 1024],
    [200, 20, 64 * 1024],
    [5, 1, 600],
  ])(
    '%i buyers × %i invoices under %i bytes: an exact partition, in kind order, each part small enough',
    (buyers, perBuyer, maxBytes) => {
      const args = ledger(buyers, perBuyer);
      const counts = { created: 1, updated: 2, unchanged: 3 };
      const parts = splitImport(args, counts, maxBytes);
      expect(parts.length).toBeGreaterThan(1);
      // Partition: the parts' lists concatenated give back each list exactly, in order.
      for (const list of LISTS) expect(parts.flatMap((part): unknown[] => part[list])).toEqual(args[list]);
      // Kind order across the whole sequence: never a buyer after a decision, never a decision after a document.
      const ranks = parts.flatMap(kindOrder);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      parts.forEach((part, index) => {
        expect(utf8ByteLength(JSON.stringify(part))).toBeLessThanOrEqual(maxBytes);
        expect(part.import).toEqual(IMPORT);
        expect(part.part).toEqual({ index, count: parts.length, counts });
        // Every part is a valid importLedger on its own.
        expect(importLedger.args.safeParse(part).success).toBe(true);
      });
    },
  );

  it('sends a row bigger than the limit alone rather than dropping it', () => {
    const args = { ...ledger(3, 0), limitDecisions: [], payments: [], creditNotes: [] };
    const parts = splitImport(args, undefined, 10);
    expect(parts.map((part) => part.buyers.map((b) => b.id))).toEqual([['b0'], ['b1'], ['b2']]);
  });

  it('partitions any ledger exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 300, max: 5000 }),
        (buyers, perBuyer, maxBytes) => {
          const args = ledger(buyers, perBuyer);
          const parts = splitImport(args, undefined, maxBytes);
          for (const list of LISTS)
            expect(parts.flatMap((part): unknown[] => part[list])).toEqual(args[list]);
          for (const part of parts) {
            const rows = LISTS.reduce((sum, list) => sum + part[list].length, 0);
            // Over the limit only when a single row is.
            if (rows > 1) expect(utf8ByteLength(JSON.stringify(part))).toBeLessThanOrEqual(maxBytes);
          }
        },
      ),
    );
  });
});

describe('importLedger.splitForSync applied part by part', () => {
  it('rebuilds the rows of the whole import and one import record with the client-side counts', async () => {
    const args = ledger(30, 8);
    const client = createMemoryStore();
    const changes = await apply(client, args);
    const parts = importLedger.splitForSync?.(args, changes, 4 * 1024) ?? [];
    expect(parts.length).toBeGreaterThan(3);

    const server = createMemoryStore();
    for (const part of parts) await apply(server, part);
    for (const list of LISTS) expect(server.rows(list).length).toBe(args[list].length);
    for (const list of ['invoices', 'payments', 'creditNotes', 'limitDecisions'] as const)
      expect(server.rows(list)).toEqual(client.rows(list));
    // 30 buyers + 30 decisions + 240 invoices + 30 payments + 30 credit notes, all new: 360 created.
    const expectedCounts = { created: 360, updated: 0, unchanged: 0 };
    expect(client.rows('imports')).toMatchObject([{ counts: expectedCounts, version: 1 }]);
    // Written once, by the last part: version 1, the client's counts (not the last part's).
    expect(server.rows('imports')).toEqual(client.rows('imports'));
  });

  it('a non-final part writes no import record', async () => {
    const args = ledger(30, 8);
    const [first] = splitImport(args, { created: 1, updated: 0, unchanged: 0 }, 4 * 1024);
    if (first === undefined) throw new Error('no part');
    const store = createMemoryStore();
    await apply(store, first);
    expect(store.rows('imports')).toEqual([]);
    expect(store.rows('buyers').length).toBeGreaterThan(0);
  });
});
