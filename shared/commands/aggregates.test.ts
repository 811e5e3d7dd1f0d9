import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBuyerLedger, loadBuyerLedgers } from './aggregates';
import type { Change } from './define';
import { createMemoryStore } from './memory-store';

const NOW = '2026-03-01T09:00:00.000Z';

function buyer(id: string): Change {
  return {
    entity: 'buyers',
    id,
    fields: { id, name: `Client ${id}`, nameKey: `client ${id}`, limitHistoryVersion: 0 },
  };
}

function invoice(id: string, buyerId: string): Change {
  return {
    entity: 'invoices',
    id,
    fields: {
      id,
      buyerId,
      number: `F-${id}`,
      issueDate: '2026-01-01',
      dueDate: '2026-02-01',
      amountHtCents: 1000,
      amountTtcCents: 1200,
      currency: 'EUR',
    },
  };
}

function payment(id: string, buyerId: string): Change {
  return {
    entity: 'payments',
    id,
    fields: { id, buyerId, date: '2026-02-01', amountCents: 500, currency: 'EUR' },
  };
}

describe('loadBuyerLedgers', () => {
  it('gives each existing buyer the ledger loadBuyerLedger gives, and nothing for unknown ids', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('invoice', 'payment'), fc.integer({ min: 0, max: 3 })), {
          maxLength: 30,
        }),
        fc.subarray(['b0', 'b1', 'b2', 'b3', 'ghost']),
        async (documents, asked) => {
          const store = createMemoryStore();
          // b0..b2 exist; b3 has documents but no buyer row; 'ghost' has nothing at all.
          store.apply(['b0', 'b1', 'b2'].map(buyer), NOW);
          store.apply(
            documents.map(([kind, owner], index) =>
              kind === 'invoice' ? invoice(`i${index}`, `b${owner}`) : payment(`p${index}`, `b${owner}`),
            ),
            NOW,
          );
          const ledgers = await loadBuyerLedgers(store.reader, [...asked, ...asked]);
          const expectedIds = asked.filter((id) => ['b0', 'b1', 'b2'].includes(id));
          expect([...ledgers.keys()].sort()).toEqual([...expectedIds].sort());
          for (const id of expectedIds)
            expect(ledgers.get(id)).toEqual(await loadBuyerLedger(store.reader, id));
        },
      ),
    );
  });

  it('puts each document in its own buyer’s ledger (counted by hand)', async () => {
    const store = createMemoryStore();
    store.apply(
      [
        buyer('a'),
        buyer('b'),
        invoice('i1', 'a'),
        invoice('i2', 'b'),
        invoice('i3', 'a'),
        payment('p1', 'b'),
      ],
      NOW,
    );
    const ledgers = await loadBuyerLedgers(store.reader, ['a', 'b']);
    expect(
      ledgers
        .get('a')
        ?.invoices.map((row) => row.id)
        .sort(),
    ).toEqual(['i1', 'i3']);
    expect(ledgers.get('a')?.payments).toEqual([]);
    expect(ledgers.get('b')?.invoices.map((row) => row.id)).toEqual(['i2']);
    expect(ledgers.get('b')?.payments.map((row) => row.id)).toEqual(['p1']);
  });
});
