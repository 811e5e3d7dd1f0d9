// The declaration's reads: invoices found through the dueDate index by issue date, credit notes by date, buyers'
// countries; the simulator's ledger figures over the last 12 months; scenarios kept per workspace.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openAppDb } from '../db/open-db';
import {
  loadDeclarationSource,
  loadLedgerPremiumFigures,
  readScenarios,
  scenarioStorageKey,
} from './premium-hooks';

const meta = { version: 1, updatedAt: '2026-11-01T00:00:00Z' };

async function seeded() {
  const db = await openAppDb(`premium-hooks-${crypto.randomUUID()}`);
  await db.buyers.bulkAdd([
    { id: 'fr', name: 'Dupont SA', nameKey: 'dupont sa', country: 'FR', limitHistoryVersion: 0, ...meta },
    { id: 'de', name: 'Müller GmbH', nameKey: 'muller gmbh', country: 'DE', limitHistoryVersion: 0, ...meta },
  ]);
  const invoice = (id: string, buyerId: string, issueDate: string, dueDate: string, ht: number) => ({
    id,
    buyerId,
    number: id,
    issueDate,
    dueDate,
    amountHtCents: ht,
    amountTtcCents: Math.round(ht * 1.2),
    currency: 'EUR',
    ...meta,
  });
  await db.invoices.bulkAdd([
    invoice('in-range-fr', 'fr', '2026-03-10', '2026-05-09', 60_000_00),
    invoice('in-range-de', 'de', '2026-10-31', '2026-12-30', 20_000_00),
    // Issued before the 12 months (2025-11-26 → 2026-11-25) though due inside them: left out.
    invoice('too-old', 'fr', '2025-11-25', '2026-01-24', 99_000_00),
    invoice('future', 'fr', '2026-11-26', '2026-12-26', 5_000_00),
  ]);
  await db.creditNotes.add({
    id: 'cn',
    buyerId: 'fr',
    number: 'AV1',
    date: '2026-04-01',
    amountHtCents: 10_000_00,
    amountTtcCents: 12_000_00,
    currency: 'EUR',
    ...meta,
  });
  return db;
}

describe('premium data', () => {
  it('reads the documents of a range with their buyers', async () => {
    const db = await seeded();
    const source = await loadDeclarationSource(db, '2026-01-01', '2026-06-30');
    expect(source.invoices.map((i) => i.id)).toEqual(['in-range-fr']);
    expect(source.creditNotes.map((c) => c.id)).toEqual(['cn']);
    expect(source.buyers.get('fr')).toEqual({ name: 'Dupont SA', country: 'FR' });
    db.close();
  });

  it('answers the last 12 months of turnover net of credit notes, and the export share', async () => {
    const db = await seeded();
    const figures = await loadLedgerPremiumFigures(db, '2026-11-25', 'EUR');
    // 60 000 + 20 000 − 10 000 = 70 000; export 20 000 / 70 000 = 28,57 % → 2857 bp.
    expect(figures.range).toEqual({ start: '2025-11-26', end: '2026-11-25' });
    expect(figures.turnoverHtCents).toBe(70_000_00);
    expect(figures.exportShareBp).toBe(2857);
    expect(figures.buyerCount).toBe(2);
    expect(figures.invoiceCount).toBe(2);
    db.close();
  });

  it('keeps scenarios per workspace and drops entries that no longer parse', () => {
    window.localStorage.setItem(
      scenarioStorageKey('w1'),
      JSON.stringify([
        { id: '1', name: 'Base', savedAt: '2026-11-25T10:00:00Z', values: { n: 1 } },
        { id: '2', name: 'Cassé', savedAt: '2026-11-25T10:00:00Z', values: 'oops' },
      ]),
    );
    const parse = (value: unknown) => (typeof value === 'object' && value !== null ? value : null);
    expect(readScenarios('w1', parse).map((s) => s.name)).toEqual(['Base']);
    expect(readScenarios('w2', parse)).toEqual([]);
  });
});
