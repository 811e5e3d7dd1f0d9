import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { PullResponse, SnapshotResponse, SnapshotRow } from '../../shared/sync/protocol';
import type { AppDB } from '../db/app-db';
import { openAppDb } from '../db/open-db';
import { applyPullPage, applySnapshotPage, beginBootstrap, readSyncMeta } from './local-store';

const CTX = { actor: 'sync', now: '2026-03-01T09:00:00.000Z', today: '2026-03-01' };
const STAMP = { version: 1, updatedAt: '2026-02-01T00:00:00.000Z' };
/** More buyers than one step of the aggregate refresh (50), with ids whose key order is not numeric. */
const BUYERS = 120;

function freshDb(): Promise<AppDB> {
  return openAppDb(`local-store-${crypto.randomUUID()}`);
}

/** Buyer `b${n}` has (n % 3) + 1 invoices of (n + 1) × 100 € HT each, due after `CTX.today` (none overdue). */
function invoicesOf(n: number): Record<string, unknown>[] {
  return Array.from({ length: (n % 3) + 1 }, (_, k) => ({
    id: `i${n}-${k}`,
    buyerId: `b${n}`,
    number: `F-${n}-${k}`,
    issueDate: '2026-02-01',
    dueDate: '2026-04-30',
    amountHtCents: (n + 1) * 10_000,
    amountTtcCents: (n + 1) * 12_000,
    currency: 'EUR',
    ...STAMP,
  }));
}

function row(entity: SnapshotRow['entity'], fields: Record<string, unknown>): SnapshotRow {
  return { entity, id: String(fields['id']), version: 1, fields };
}

function buyerRow(id: string): SnapshotRow {
  const name = `Client ${id}`;
  return row('buyers', { id, name, nameKey: name.toLowerCase(), limitHistoryVersion: 0, ...STAMP });
}

function page(rows: SnapshotRow[], hasMore: boolean): SnapshotResponse {
  return { atSeq: 42, rows, nextAfter: hasMore ? 'next-page' : null, hasMore, minRetainedSeq: 0 };
}

const indexes = Array.from({ length: BUYERS }, (_, n) => n);

describe('applySnapshotPage', () => {
  it('stores, at the last page, the aggregate of every buyer — across many refresh steps — and drops strays', async () => {
    const db = await freshDb();
    await beginBootstrap(db, false);
    // An aggregate of a buyer the server does not have (left by an earlier, abandoned state).
    const stray = { buyerId: 'ghost', updatedAt: CTX.now };
    await db.buyerAggregates.put({ ...(await anyAggregate()), ...stray });

    const buyers = indexes.map((n) => buyerRow(`b${n}`));
    const invoices = indexes.flatMap((n) => invoicesOf(n).map((fields) => row('invoices', fields)));
    const half = Math.floor(invoices.length / 2);
    const first = await applySnapshotPage(db, page([...buyers, ...invoices.slice(0, half)], true), CTX);
    expect(first.bootstrap).toEqual({ atSeq: 42, after: 'next-page', isReset: false });
    const last = await applySnapshotPage(db, page(invoices.slice(half), false), CTX);
    expect(last).toMatchObject({ cursor: 42, isBootstrapped: true });
    expect(last.bootstrap).toBeUndefined();

    expect(await db.invoices.count()).toBe(invoices.length);
    const aggregates = await db.buyerAggregates.toArray();
    expect(aggregates.map((aggregate) => aggregate.buyerId).sort()).toEqual(
      indexes.map((n) => `b${n}`).sort(),
    );
    for (const n of indexes) {
      const aggregate = aggregates.find((candidate) => candidate.buyerId === `b${n}`);
      const count = (n % 3) + 1;
      // Default policy: exposure on the HT basis, nothing paid, nothing overdue.
      expect(aggregate).toMatchObject({
        asOf: CTX.today,
        exposureCents: count * (n + 1) * 10_000,
        receivableTtcCents: count * (n + 1) * 12_000,
        openInvoiceCount: count,
        overdueCents: 0,
      });
    }
  });

  it('skips a row the schema refuses when this device never had it, and fails on one it has', async () => {
    const db = await freshDb();
    await beginBootstrap(db, false);
    const broken = row('invoices', { id: 'i-broken', buyerId: 'b0', ...STAMP });
    const buyer = buyerRow('b0');
    await applySnapshotPage(
      db,
      page([buyer, broken, ...invoicesOf(0).map((f) => row('invoices', f))], false),
      CTX,
    );
    expect(await db.invoices.count()).toBe(1);
    expect((await db.buyerAggregates.get('b0'))?.openInvoiceCount).toBe(1);

    await beginBootstrap(db, false);
    const stored = row('invoices', { id: 'i0-0', buyerId: 'b0', ...STAMP });
    await expect(applySnapshotPage(db, page([stored], false), CTX)).rejects.toThrow('i0-0');
    // The failed page changed nothing: the bootstrap is still to do, the stored invoice is intact.
    expect((await readSyncMeta(db)).sync.bootstrap).toEqual({ atSeq: null, after: null, isReset: false });
    expect((await db.invoices.get('i0-0'))?.amountHtCents).toBe(10_000);
  });
});

describe('applyPullPage', () => {
  it('refreshes the aggregate of every buyer a page touches, over many refresh steps', async () => {
    const db = await freshDb();
    await beginBootstrap(db, false);
    const buyers = indexes.map((n) => buyerRow(`b${n}`));
    await applySnapshotPage(db, page(buyers, false), CTX);
    expect((await db.buyerAggregates.get('b7'))?.openInvoiceCount).toBe(0);

    let seq = 42;
    const changes = indexes.flatMap((n) =>
      invoicesOf(n).map((fields) => ({
        seq: ++seq,
        entity: 'invoices' as const,
        id: String(fields['id']),
        version: 1,
        fields,
      })),
    );
    const pulled: PullResponse = {
      changes,
      nextCursor: seq,
      hasMore: false,
      lastClientSeq: 0,
      minRetainedSeq: 0,
    };
    expect(await applyPullPage(db, 42, pulled, CTX)).toBe('applied');
    expect((await readSyncMeta(db)).sync.cursor).toBe(seq);
    for (const n of indexes) {
      const count = (n % 3) + 1;
      expect(await db.buyerAggregates.get(`b${n}`)).toMatchObject({
        exposureCents: count * (n + 1) * 10_000,
        openInvoiceCount: count,
      });
    }
  });
});

describe('applyPullPage, rows changed more than once in a page', () => {
  it('ends each row as its last change, however the page is sliced into writes', async () => {
    const db = await freshDb();
    await beginBootstrap(db, false);
    const buyers = indexes.map((n) => buyerRow(`b${n}`));
    await applySnapshotPage(db, page(buyers, false), CTX);

    let seq = 42;
    const created = indexes.flatMap((n) => invoicesOf(n));
    const changes: PullResponse['changes'] = created.map((fields) => ({
      seq: ++seq,
      entity: 'invoices',
      id: String(fields['id']),
      version: 1,
      fields,
    }));
    // After every creation: b0's invoice is patched twice (the last amount wins), b1's first one deleted.
    changes.push({
      seq: ++seq,
      entity: 'invoices',
      id: 'i0-0',
      version: 2,
      fields: { amountHtCents: 11_111 },
    });
    changes.push({ seq: ++seq, entity: 'invoices', id: 'i1-0', version: 2, deleted: true });
    changes.push({
      seq: ++seq,
      entity: 'invoices',
      id: 'i0-0',
      version: 3,
      fields: { amountHtCents: 22_222 },
    });
    const pulled: PullResponse = {
      changes,
      nextCursor: seq,
      hasMore: false,
      lastClientSeq: 0,
      minRetainedSeq: 0,
    };
    await applyPullPage(db, 42, pulled, CTX);

    expect(await db.invoices.get('i0-0')).toMatchObject({ amountHtCents: 22_222, version: 3 });
    expect(await db.invoices.get('i1-0')).toBeUndefined();
    // b1 (n = 1) had 2 invoices of 200 € HT; one is deleted. b0's only invoice is now 222,22 € HT.
    expect(await db.buyerAggregates.get('b1')).toMatchObject({ exposureCents: 20_000, openInvoiceCount: 1 });
    expect((await db.buyerAggregates.get('b0'))?.exposureCents).toBe(22_222);
    expect(await db.invoices.count()).toBe(created.length - 1);
  });
});

/** A well-formed aggregate to seed a stray one with (its figures do not matter). */
async function anyAggregate() {
  const db = await freshDb();
  await beginBootstrap(db, false);
  await applySnapshotPage(db, page([buyerRow('x')], false), CTX);
  const aggregate = await db.buyerAggregates.get('x');
  db.close();
  if (aggregate === undefined) throw new Error('no aggregate');
  return aggregate;
}
