import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Command, CommandContext } from './define';
import { MAX_ATTACHMENT_BYTES, claimFilingsOf } from './claim-commands';
import { computeBuyerAggregate, loadBuyerLedger, loadPolicy } from './aggregates';
import { createMemoryStore } from './memory-store';
import type { MemoryStore } from './memory-store';
import { commands } from './registry';
import type { CommandName } from './registry';

const NOW = '2026-11-25T09:00:00.000Z';

async function run(store: MemoryStore, name: CommandName, args: unknown) {
  const command: Command<string, z.ZodType> = commands[name];
  const parsed = command.args.safeParse(args);
  if (!parsed.success) return { ok: false as const, code: 'invalid-args', fr: parsed.error.message };
  const ctx: CommandContext = { reader: store.reader, actor: 'Claire', clientId: 'c1', now: NOW };
  const result = await command.execute(ctx, parsed.data);
  if (!result.ok) return { ok: false as const, code: result.rejected.code, fr: result.rejected.message.fr };
  store.apply(result.changes, NOW);
  return { ok: true as const, code: 'ok', fr: '' };
}

/**
 * Examples 3 and 4 of domain.md in one ledger: an invoice due 2026-03-31 of 30 000 € HT (36 000 € TTC) to a
 * buyer with a named limit of 25 000 € at the default quotité of 90 %.
 */
async function seeded(): Promise<MemoryStore> {
  const store = createMemoryStore();
  await run(store, 'createBuyer', { id: 'b1', name: 'Dupont SA' });
  await run(store, 'createBuyer', { id: 'b2', name: 'Martin SARL' });
  const invoice = (id: string, buyerId: string, dueDate: string, ht: number) => ({
    id,
    buyerId,
    number: `F-${id}`,
    issueDate: '2026-01-30',
    dueDate,
    amountHtCents: ht,
    amountTtcCents: ht * 1.2,
    currency: 'EUR',
  });
  await run(store, 'recordInvoice', invoice('i1', 'b1', '2026-03-31', 3_000_000));
  await run(store, 'recordInvoice', invoice('i2', 'b1', '2026-12-31', 100_000));
  await run(store, 'recordInvoice', invoice('i3', 'b1', '2026-02-28', 50_000));
  await run(store, 'recordInvoice', invoice('i4', 'b2', '2026-03-31', 50_000));
  await run(store, 'recordPayment', {
    id: 'p1',
    buyerId: 'b1',
    date: '2026-03-01',
    amountCents: 60_000,
    currency: 'EUR',
    invoiceId: 'i3',
  });
  await run(store, 'recordLimitDecision', {
    baseVersion: 0,
    decision: {
      id: 'd1',
      buyerId: 'b1',
      layer: 'named',
      kind: 'granted',
      decisionDate: '2026-01-01',
      effectiveDate: '2026-01-01',
      amountCents: 2_500_000,
      currency: 'EUR',
    },
  });
  return store;
}

const OPEN = { claimId: 'c1', buyerId: 'b1', invoiceIds: ['i1'], openedOn: '2026-06-01' };

function claim(store: MemoryStore) {
  const row = store.rows('claims')[0];
  if (row === undefined) throw new Error('no claim');
  return row;
}

async function event(store: MemoryStore, id: string, type: string, date: string, amountCents?: number) {
  return run(store, 'recordClaimEvent', {
    claimId: 'c1',
    baseVersion: claim(store).version,
    event: { id, type, date, ...(amountCents === undefined ? {} : { amountCents }) },
  });
}

describe('openClaimFromInvoices', () => {
  it('opens a claim on the overdue invoice with the maximum indemnity of example 4', async () => {
    const store = await seeded();
    expect(await run(store, 'openClaimFromInvoices', OPEN)).toMatchObject({ ok: true });
    const row = claim(store);
    // Debt 30 000 HT, limit 25 000 → insured loss 25 000; × 90 % = 22 500 €.
    expect(row).toMatchObject({
      buyerId: 'b1',
      status: 'open',
      dueDate: '2026-03-31',
      openedBy: 'Claire',
      openAmountCents: 3_000_000,
      openTtcCents: 3_600_000,
      coveredOpenCents: 3_000_000,
      applicableLimitCents: 2_500_000,
      quotityBp: 9000,
      maxIndemnityCents: 2_250_000,
      invoiceIds: ['i1'],
      timeline: [],
    });
  });

  it.each([
    ['paid', ['i3'], 'est réglée'],
    ['not overdue', ['i2'], "n'est pas échue"],
    ["another buyer's", ['i4'], "n'est pas une facture de Dupont SA"],
  ])('refuses a %s invoice with its reason', async (_label, invoiceIds, reason) => {
    const store = await seeded();
    const result = await run(store, 'openClaimFromInvoices', { ...OPEN, invoiceIds });
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    expect(result.fr).toContain(reason);
    expect(store.rows('claims')).toEqual([]);
  });

  it('refuses an invoice already in a live claim, and a missing buyer', async () => {
    const store = await seeded();
    await run(store, 'openClaimFromInvoices', OPEN);
    const again = await run(store, 'openClaimFromInvoices', { ...OPEN, claimId: 'c2' });
    expect(again).toMatchObject({ ok: false, code: 'invalid' });
    expect(again.fr).toContain('déjà');
    expect(
      await run(store, 'openClaimFromInvoices', { ...OPEN, claimId: 'c3', buyerId: 'nope' }),
    ).toMatchObject({ ok: false, code: 'not-found' });
  });
});

describe('recordClaimEvent', () => {
  it('walks example 3 (dates) then example 4 (indemnity, recovery split)', async () => {
    const store = await seeded();
    await run(store, 'openClaimFromInvoices', OPEN);

    // DIC before DMS: the domain's reason comes back as it is.
    const early = await event(store, 'e0', 'dic-filed', '2026-06-10');
    expect(early).toMatchObject({ ok: false, code: 'invalid' });
    expect(early.fr).toContain('déclarez d’abord la DMS');

    // Due 2026-03-31 + MEP 60 days = 2026-05-30; + 30 days = DMS deadline 2026-06-29.
    expect(await event(store, 'e1', 'dms-filed', '2026-06-20')).toMatchObject({ ok: true });
    expect(claim(store).timeline.at(-1)).toMatchObject({ deadline: '2026-06-29', isLate: false });
    expect(await event(store, 'e2', 'dic-filed', '2026-07-20')).toMatchObject({ ok: true });
    // DIC deadline counted from the DMS actually filed: 2026-06-20 + 60 days = 2026-08-19.
    expect(claim(store)).toMatchObject({
      status: 'dic-filed',
      dmsFiledOn: '2026-06-20',
      dicFiledOn: '2026-07-20',
    });
    expect(claim(store).timeline.at(-1)).toMatchObject({ deadline: '2026-08-19', isLate: false });

    expect(await event(store, 'e3', 'waiting-period-started', '2026-07-20')).toMatchObject({ ok: true });
    const tooMuch = await event(store, 'e4', 'indemnity-paid', '2026-12-17', 2_250_001);
    expect(tooMuch).toMatchObject({ ok: false, code: 'invalid' });
    expect(tooMuch.fr).toContain('dépasse le maximum');
    expect(await event(store, 'e5', 'indemnity-paid', '2026-12-17', 2_250_000)).toMatchObject({ ok: true });
    // 10 000 recovered after the indemnity: 22 500 / 30 000 = 75 % → 7 500 insurer, 2 500 insured.
    expect(await event(store, 'e6', 'recovery-received', '2026-12-20', 1_000_000)).toMatchObject({
      ok: true,
    });
    const row = claim(store);
    expect(row).toMatchObject({
      status: 'recovering',
      indemnityPaidCents: 2_250_000,
      recoveredAfterSettlementCents: 1_000_000,
      insurerShareOfRecoveriesCents: 750_000,
    });
    expect(row.timeline.at(-1)?.recoverySplit).toEqual({ insurerCents: 750_000, insuredCents: 250_000 });
    // One claimEvents row per accepted event, in order, attributed.
    const rows = store.rows('claimEvents').sort((a, b) => a.seq - b.seq);
    expect(rows.map((r) => [r.type, r.seq, r.by])).toEqual([
      ['dms-filed', 0, 'Claire'],
      ['dic-filed', 1, 'Claire'],
      ['waiting-period-started', 2, 'Claire'],
      ['indemnity-paid', 3, 'Claire'],
      ['recovery-received', 4, 'Claire'],
    ]);
  });

  it('refuses a stale baseVersion as a conflict', async () => {
    const store = await seeded();
    await run(store, 'openClaimFromInvoices', OPEN);
    const stale = claim(store).version;
    await event(store, 'e1', 'dms-filed', '2026-06-20');
    const result = await run(store, 'recordClaimEvent', {
      claimId: 'c1',
      baseVersion: stale,
      event: { id: 'e2', type: 'reminder-sent', date: '2026-06-21' },
    });
    expect(result).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('clears the state to resume once a dispute is resolved', async () => {
    const store = await seeded();
    await run(store, 'openClaimFromInvoices', OPEN);
    await event(store, 'e1', 'dispute-opened', '2026-06-05');
    expect(claim(store).resumeStatus).toBe('open');
    await event(store, 'e2', 'dispute-resolved', '2026-06-10');
    expect(claim(store)).toMatchObject({ status: 'open' });
    expect(claim(store).resumeStatus).toBeUndefined();
  });

  it('frees the invoices of a closed claim for a new one', async () => {
    const store = await seeded();
    await run(store, 'openClaimFromInvoices', OPEN);
    await event(store, 'e1', 'paid-in-full', '2026-06-05');
    expect(await run(store, 'openClaimFromInvoices', { ...OPEN, claimId: 'c2' })).toMatchObject({ ok: true });
  });
});

describe('addClaimNote', () => {
  it('adds a note row without touching the claim', async () => {
    const store = await seeded();
    await run(store, 'openClaimFromInvoices', OPEN);
    const before = claim(store).version;
    expect(
      await run(store, 'addClaimNote', { claimId: 'c1', id: 'n1', date: '2026-06-02', note: 'Appel' }),
    ).toMatchObject({ ok: true });
    expect(claim(store).version).toBe(before);
    expect(store.rows('claimEvents')).toMatchObject([{ type: 'note', note: 'Appel', seq: 0 }]);
  });
});

describe('attachments', () => {
  const file = {
    id: 'a1',
    ownerEntity: 'claims',
    ownerId: 'c1',
    fileName: 'bon-de-livraison.pdf',
    mimeType: 'application/pdf',
    sizeBytes: 1234,
    sha256: 'a'.repeat(64),
  };

  it('stores the metadata, refuses a file over the limit, removes', async () => {
    const store = await seeded();
    await run(store, 'openClaimFromInvoices', OPEN);
    const big = await run(store, 'addAttachment', {
      attachment: { ...file, sizeBytes: MAX_ATTACHMENT_BYTES + 1 },
    });
    expect(big).toMatchObject({ ok: false, code: 'invalid' });
    expect(big.fr).toContain('20 Mo');
    expect(await run(store, 'addAttachment', { attachment: file })).toMatchObject({ ok: true });
    expect(store.rows('attachments')).toMatchObject([{ fileName: 'bon-de-livraison.pdf', version: 1 }]);
    expect(await run(store, 'removeAttachment', { id: 'a1' })).toMatchObject({ ok: true });
    expect(store.rows('attachments')).toEqual([]);
    expect(await run(store, 'removeAttachment', { id: 'a1' })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });

  it('refuses a file for a claim that does not exist', async () => {
    const store = await seeded();
    expect(await run(store, 'addAttachment', { attachment: file })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });
});

describe('claimFilingsOf', () => {
  it('gives the filing dates per invoice, the claim opened last winning', () => {
    const filings = claimFilingsOf([
      { invoiceIds: ['i1', 'i2'], openedOn: '2026-06-01', dmsFiledOn: '2026-06-20' },
      { invoiceIds: ['i9'], openedOn: '2026-05-01', dmsFiledOn: '2026-05-20', dicFiledOn: '2026-06-01' },
      { invoiceIds: ['i9'], openedOn: '2026-07-01' },
    ]);
    expect(filings).toEqual({
      i1: { dmsFiledOn: '2026-06-20' },
      i2: { dmsFiledOn: '2026-06-20' },
      i9: {},
    });
  });
});

describe('claims and the alerts of the stored figures', () => {
  it('a filed DMS stops the « DMS missed » alert of the claimed invoice', async () => {
    // i1 is due 2026-03-31: stop shipments 2026-05-30, DMS deadline 2026-06-29 (example 3). On 2026-07-01
    // without a filing the DMS is missed; once filed on 2026-06-20 it is not.
    const store = await seeded();
    const codesOn = async (asOf: string): Promise<string[]> => {
      const ledger = await loadBuyerLedger(store.reader, 'b1');
      if (ledger === undefined) throw new Error('no ledger');
      return computeBuyerAggregate(ledger, await loadPolicy(store.reader), asOf).alertCodes;
    };
    expect(await codesOn('2026-07-01')).toContain('dms-missed');
    await run(store, 'openClaimFromInvoices', OPEN);
    await event(store, 'e1', 'dms-filed', '2026-06-20');
    expect(await codesOn('2026-07-01')).not.toContain('dms-missed');
  });
});
