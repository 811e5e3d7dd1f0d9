// The demo goes through the real import path: the stored rows, aggregates and outbox of a fresh workspace
// match what the generator made, and a workspace that already has buyers is left untouched.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEMO_SEED, generateDemo } from '../../shared/demo/generate-demo';
import { openAppDb } from '../db/open-db';
import { listWorkspaces } from '../db/workspaces';
import { createDemoWorkspace, loadDemoWorkspace } from './demo';
import type { DemoProgress } from './demo';

const TODAY = '2026-11-25';
const CTX = { actor: 'Marie', now: '2026-11-25T09:30:00.000Z', today: TODAY };
const expected = generateDemo({ seed: DEMO_SEED, today: TODAY });

describe('loadDemoWorkspace', () => {
  it('writes the generated ledger, an aggregate per buyer and the outbox, reporting progress', async () => {
    const db = await openAppDb(`demo-${crypto.randomUUID()}`);
    const progress: DemoProgress[] = [];
    const outcome = await loadDemoWorkspace(db, CTX, (p) => progress.push(p));
    expect(outcome).toEqual({ ok: true, buyers: 150, invoices: expected.invoices.length });
    expect(await db.buyers.count()).toBe(expected.buyers.length);
    expect(await db.invoices.count()).toBe(expected.invoices.length);
    expect(await db.payments.count()).toBe(expected.payments.length);
    expect(await db.creditNotes.count()).toBe(expected.creditNotes.length);
    expect(await db.limitDecisions.count()).toBe(expected.limitDecisions.length);
    const aggregates = await db.buyerAggregates.toArray();
    expect(new Set(aggregates.map((a) => a.buyerId))).toEqual(new Set(expected.buyers.map((b) => b.id)));
    expect(aggregates.every((a) => a.asOf === TODAY)).toBe(true);
    // Some buyers are over their limit on the day: the stored figures say so too.
    expect(aggregates.some((a) => a.alertCodes.includes('over-limit'))).toBe(true);
    const record = await db.imports.get(expected.import.id);
    expect(record?.kind).toBe('demo');
    expect(record?.importedAt).toBe(CTX.now);
    expect(await db.outbox.count()).toBeGreaterThanOrEqual(1);
    expect(progress[0]).toEqual({ phase: 'generate', done: 0, total: 1 });
    expect(progress.at(-1)).toEqual({ phase: 'write', done: 1, total: 1 });
    db.close();
  });

  it('refuses a workspace that already holds buyers and writes nothing', async () => {
    const db = await openAppDb(`demo-${crypto.randomUUID()}`);
    await db.buyers.put({
      id: 'b1',
      name: 'Dupont SARL',
      nameKey: 'dupont sarl',
      limitHistoryVersion: 0,
      version: 1,
      updatedAt: CTX.now,
    });
    const outcome = await loadDemoWorkspace(db, CTX);
    expect(outcome.ok ? 'loaded' : outcome.code).toBe('not-empty');
    expect(await db.buyers.count()).toBe(1);
    expect(await db.invoices.count()).toBe(0);
    db.close();
  });

  it('creates a new workspace holding the demo', async () => {
    const { id, outcome } = await createDemoWorkspace('Démonstration', CTX);
    expect(outcome.ok).toBe(true);
    expect((await listWorkspaces()).find((entry) => entry.id === id)?.name).toBe('Démonstration');
    const db = await openAppDb(id);
    expect(await db.buyers.count()).toBe(150);
    db.close();
  });
});
