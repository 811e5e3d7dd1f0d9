import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChange } from './define';
import type { Command, CommandContext } from './define';
import type { z } from 'zod';
import type { ImportLedgerArgs } from './import-ledger';
import { createMemoryStore } from './memory-store';
import type { MemoryStore } from './memory-store';
import { commands } from './registry';
import type { CommandName } from './registry';

const NOW = '2026-03-01T09:00:00.000Z';

/** Parses and executes like the real runners do, then applies accepted changes to the store. */
async function run(store: MemoryStore, name: CommandName, args: unknown) {
  // Widening to the base command type is checked (execute is a method, so its argument is bivariant).
  const command: Command<string, z.ZodType> = commands[name];
  const parsed = command.args.safeParse(args);
  if (!parsed.success) return { ok: false as const, code: 'invalid-args' };
  const ctx: CommandContext = { reader: store.reader, actor: 'test', clientId: 'c1', now: NOW };
  const result = await command.execute(ctx, parsed.data);
  if (!result.ok) return { ok: false as const, code: result.rejected.code };
  store.apply(result.changes, NOW);
  return { ok: true as const, changes: result.changes };
}

// SIREN 732 829 320 has a valid Luhn key (7+6+2+1+2+9+3+4+0 … the domain's identifiers tests use it too).
const BUYER = { id: 'b1', name: 'Société Générale des Eaux', siren: '732 829 320' };
const INVOICE = {
  id: 'i1',
  buyerId: 'b1',
  number: 'F-001',
  issueDate: '2026-01-10',
  dueDate: '2026-02-09',
  amountHtCents: 100_000,
  amountTtcCents: 120_000,
  currency: 'EUR',
};

describe('commands registry', () => {
  it('registers each command under its own name', () => {
    for (const [key, command] of Object.entries(commands)) expect(command.name).toBe(key);
  });
});

describe('createBuyer / updateBuyer', () => {
  it('normalises the SIREN, derives nameKey and starts the limit history at 0', async () => {
    const store = createMemoryStore();
    expect((await run(store, 'createBuyer', BUYER)).ok).toBe(true);
    expect(store.rows('buyers')).toEqual([
      {
        id: 'b1',
        name: 'Société Générale des Eaux',
        siren: '732829320',
        nameKey: 'societe generale des eaux',
        limitHistoryVersion: 0,
        version: 1,
        updatedAt: NOW,
      },
    ]);
  });

  it.each([
    ['bad SIREN key', { ...BUYER, siren: '732829321' }, 'invalid'],
    ['empty name', { ...BUYER, name: '  ' }, 'invalid-args'],
  ])('rejects %s', async (_label, args, code) => {
    const store = createMemoryStore();
    expect(await run(store, 'createBuyer', args)).toMatchObject({ ok: false, code });
    expect(store.rows('buyers')).toEqual([]);
  });

  it('patches only the named fields, clears with null and bumps the version', async () => {
    const store = createMemoryStore();
    await run(store, 'createBuyer', { ...BUYER, country: 'BE' });
    await run(store, 'updateBuyer', { id: 'b1', patch: { country: null, name: 'SGE' } });
    const [buyer] = store.rows('buyers');
    expect(buyer).toMatchObject({ name: 'SGE', nameKey: 'sge', siren: '732829320', version: 2 });
    expect(buyer).not.toHaveProperty('country');
  });
});

describe('invoice commands', () => {
  it.each([
    ['due before issue', { ...INVOICE, dueDate: '2026-01-09' }, 'invalid'],
    ['negative amount', { ...INVOICE, amountTtcCents: -1 }, 'invalid-args'],
    ['float cents', { ...INVOICE, amountHtCents: 10.5 }, 'invalid-args'],
    ['unknown buyer', { ...INVOICE, buyerId: 'nobody' }, 'not-found'],
    ['bad date', { ...INVOICE, issueDate: '2026-02-30' }, 'invalid-args'],
  ])('recordInvoice rejects %s', async (_label, args, code) => {
    const store = createMemoryStore();
    await run(store, 'createBuyer', BUYER);
    expect(await run(store, 'recordInvoice', args)).toMatchObject({ ok: false, code });
    expect(store.rows('invoices')).toEqual([]);
  });

  it('records, disputes and deletes an invoice; refuses deletion while a payment names it', async () => {
    const store = createMemoryStore();
    await run(store, 'createBuyer', BUYER);
    expect((await run(store, 'recordInvoice', INVOICE)).ok).toBe(true);
    expect(await run(store, 'recordInvoice', INVOICE)).toMatchObject({ ok: false, code: 'already-exists' });
    await run(store, 'setInvoiceDispute', { id: 'i1', disputed: true });
    expect(store.rows('invoices')[0]).toMatchObject({ disputed: true, version: 2 });
    await run(store, 'recordPayment', {
      id: 'p1',
      buyerId: 'b1',
      date: '2026-02-01',
      amountCents: 50_000,
      currency: 'EUR',
      invoiceId: 'i1',
    });
    expect(await run(store, 'deleteInvoice', { id: 'i1' })).toMatchObject({ ok: false, code: 'invalid' });
    await run(store, 'recordInvoice', { ...INVOICE, id: 'i2', number: 'F-002' });
    expect((await run(store, 'deleteInvoice', { id: 'i2' })).ok).toBe(true);
    expect(store.rows('invoices').map((invoice) => invoice.id)).toEqual(['i1']);
  });

  it('updateInvoice checks the merged dates', async () => {
    const store = createMemoryStore();
    await run(store, 'createBuyer', BUYER);
    await run(store, 'recordInvoice', INVOICE);
    // Moving only the issue date after the stored due date (2026-02-09) must fail.
    expect(await run(store, 'updateInvoice', { id: 'i1', patch: { issueDate: '2026-02-10' } })).toMatchObject(
      {
        ok: false,
        code: 'invalid',
      },
    );
  });

  it('a payment naming an invoice of another buyer is refused', async () => {
    const store = createMemoryStore();
    await run(store, 'createBuyer', BUYER);
    await run(store, 'createBuyer', { id: 'b2', name: 'Autre' });
    await run(store, 'recordInvoice', INVOICE);
    const payment = {
      id: 'p1',
      buyerId: 'b2',
      date: '2026-02-01',
      amountCents: 1,
      currency: 'EUR',
      invoiceId: 'i1',
    };
    expect(await run(store, 'recordPayment', payment)).toMatchObject({ ok: false, code: 'invalid' });
  });
});

describe('guarded commands', () => {
  const decision = {
    id: 'd1',
    buyerId: 'b1',
    layer: 'named',
    kind: 'granted',
    decisionDate: '2026-01-05',
    effectiveDate: '2026-01-05',
    amountCents: 5_000_000,
    currency: 'EUR',
  };

  it('recordLimitDecision applies on the current baseVersion and rejects a stale one', async () => {
    const store = createMemoryStore();
    await run(store, 'createBuyer', BUYER);
    expect((await run(store, 'recordLimitDecision', { decision, baseVersion: 0 })).ok).toBe(true);
    expect(store.rows('buyers')[0]?.limitHistoryVersion).toBe(1);
    // A second laptop still at version 0 must not overwrite silently.
    expect(
      await run(store, 'recordLimitDecision', { decision: { ...decision, id: 'd2' }, baseVersion: 0 }),
    ).toMatchObject({ ok: false, code: 'conflict' });
    expect(store.rows('limitDecisions')).toHaveLength(1);
  });

  it('setPolicy is guarded by the policy row version (0 before the first one)', async () => {
    const { DEFAULT_POLICY } = await import('../domain/policy');
    const store = createMemoryStore();
    expect((await run(store, 'setPolicy', { policy: DEFAULT_POLICY, baseVersion: 0 })).ok).toBe(true);
    expect(await run(store, 'setPolicy', { policy: DEFAULT_POLICY, baseVersion: 0 })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(
      (await run(store, 'setPolicy', { policy: { ...DEFAULT_POLICY, premiumRateBp: 40 }, baseVersion: 1 }))
        .ok,
    ).toBe(true);
    expect(store.rows('policy')[0]).toMatchObject({ premiumRateBp: 40, version: 2 });
  });
});

describe('importLedger', () => {
  const args: ImportLedgerArgs = {
    import: { id: 'imp-sha-1', kind: 'fec', fileName: 'FEC.txt', importedAt: NOW, rejectedLines: 0 },
    buyers: [BUYER, { id: 'b2', name: 'Dupont SARL' }],
    invoices: [INVOICE, { ...INVOICE, id: 'i2', buyerId: 'b2', number: 'F-002' }],
    payments: [{ id: 'p1', buyerId: 'b1', date: '2026-02-01', amountCents: 20_000, currency: 'EUR' }],
    creditNotes: [],
    limitDecisions: [
      {
        id: 'd1',
        buyerId: 'b2',
        layer: 'named',
        kind: 'granted',
        decisionDate: '2026-01-01',
        effectiveDate: '2026-01-01',
        amountCents: 1_000_000,
        currency: 'EUR',
      },
    ],
  };

  it('is idempotent: the same import twice writes nothing the second time', async () => {
    const store = createMemoryStore();
    expect((await run(store, 'importLedger', args)).ok).toBe(true);
    const first = (['buyers', 'invoices', 'payments', 'limitDecisions', 'imports'] as const).map((e) =>
      store.rows(e),
    );
    // 2 buyers, 2 invoices, 1 payment, 1 decision, 1 import record: counted from `args` above.
    expect(first.map((rows) => rows.length)).toEqual([2, 2, 1, 1, 1]);
    expect(store.rows('buyers').find((b) => b.id === 'b2')?.limitHistoryVersion).toBe(1);
    const second = await run(store, 'importLedger', args);
    expect(second).toEqual({ ok: true, changes: [] });
    expect(
      (['buyers', 'invoices', 'payments', 'limitDecisions', 'imports'] as const).map((e) => store.rows(e)),
    ).toEqual(first);
  });

  it('a later import of the same company updates rows instead of duplicating them', async () => {
    const store = createMemoryStore();
    await run(store, 'importLedger', args);
    const later: ImportLedgerArgs = {
      ...args,
      import: { ...args.import, id: 'imp-sha-2' },
      invoices: [{ ...INVOICE, amountTtcCents: 110_000 }],
    };
    expect((await run(store, 'importLedger', later)).ok).toBe(true);
    expect(store.rows('invoices')).toHaveLength(2);
    expect(store.rows('invoices').find((i) => i.id === 'i1')).toMatchObject({
      amountTtcCents: 110_000,
      version: 2,
    });
    expect(store.rows('imports')).toHaveLength(2);
  });

  it('rejects everything when one document names an unknown buyer', async () => {
    const store = createMemoryStore();
    const bad = { ...args, payments: [{ ...args.payments[0], buyerId: 'ghost' }] };
    expect(await run(store, 'importLedger', bad)).toMatchObject({ ok: false, code: 'not-found' });
    expect(store.rows('buyers')).toEqual([]);
  });
});

describe('applyChange', () => {
  it('version counts the writes, whatever the fields', () => {
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(fc.integer(), fc.constant(null)))),
        (patches) => {
          let row: Record<string, unknown> | undefined;
          for (const fields of patches) row = applyChange(row, { entity: 'buyers', id: 'x', fields }, NOW);
          expect(row?.['version'] ?? 0).toBe(patches.length);
        },
      ),
    );
  });
});
