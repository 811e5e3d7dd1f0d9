import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { AppDB } from './app-db';
import { dexieReader, emptyReadRecord, recordingReader } from './dexie-reader';
import { openAppDb } from './open-db';

const row = (id: string) => ({
  id,
  buyerId: 'b1',
  date: '2026-02-01',
  amountCents: 100,
  currency: 'EUR',
  version: 1,
  updatedAt: '2026-03-01T09:00:00.000Z',
});

async function dbWithPayments(count: number): Promise<AppDB> {
  const db = await openAppDb(`reader-${crypto.randomUUID()}`);
  await db.payments.bulkPut(Array.from({ length: count }, (_, index) => row(`p${index}`)));
  return db;
}

describe('dexieReader.getMany', () => {
  // 600 ids (above the key-listing threshold): stored ones come back in the order asked, missing ones as
  // undefined — whether few of the table's rows are wanted (bulkGet) or most of them (one read of the table).
  it.each([
    { stored: 2_000, label: 'few of a large table' },
    { stored: 400, label: 'most of a small table' },
    { stored: 0, label: 'an empty table' },
  ])('$label', async ({ stored }) => {
    const db = await dbWithPayments(stored);
    // Descending ids, interleaved with ids never stored.
    const ids = Array.from({ length: 600 }, (_, index) =>
      index % 2 === 0 ? `p${599 - index}` : `x${index}`,
    );
    const rows = await dexieReader(db).getMany('payments', ids);
    expect(rows).toHaveLength(600);
    ids.forEach((id, index) => {
      const expected = id.startsWith('p') && Number(id.slice(1)) < stored ? id : undefined;
      expect(rows[index]?.id).toBe(expected);
    });
    db.close();
  });

  it('repeats an id as often as it is asked', async () => {
    const db = await dbWithPayments(10);
    const ids = Array.from({ length: 600 }, (_, index) => `p${index % 3}`);
    const rows = await dexieReader(db).getMany('payments', ids);
    expect(rows.map((found) => found?.id)).toEqual(ids);
    db.close();
  });
});

describe('recordingReader', () => {
  it('records rows read by get, getMany and query, and absences as undefined', async () => {
    const db = await dbWithPayments(3);
    const record = emptyReadRecord();
    const reader = recordingReader(dexieReader(db), record);
    await reader.get('payments', 'p0');
    await reader.getMany('payments', ['p1', 'missing']);
    await reader.query('payments', { index: 'buyerId', equals: 'b1' });
    await reader.get('invoices', 'nope');
    expect([...record.payments.keys()].sort()).toEqual(['missing', 'p0', 'p1', 'p2']);
    expect(record.payments.get('missing')).toBeUndefined();
    expect(record.payments.get('p2')?.amountCents).toBe(100);
    expect(record.invoices.has('nope')).toBe(true);
    expect(record.buyers.size).toBe(0);
    db.close();
  });
});
