import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from './schema-versions';

/**
 * The released schema, frozen on purpose: once a version ships, its stores never change. To change the
 * schema, append a version to SCHEMA_VERSIONS and add its row here.
 */
const RELEASED: Record<number, Record<string, string | null>> = {
  1: {
    buyers: 'id, name',
    limitDecisions: 'id, buyerId',
    invoices: 'id, buyerId, dueDate, [buyerId+dueDate], number',
    payments: 'id, buyerId, invoiceId',
    creditNotes: 'id, buyerId, invoiceId',
    claims: 'id, buyerId, status',
    claimEvents: 'id, claimId',
    policy: 'id',
    attachments: 'id, [ownerEntity+ownerId]',
    imports: 'id, importedAt',
    outbox: 'clientSeq, &opId',
    conflicts: 'opId, clientSeq',
    buyerAggregates: 'buyerId',
    meta: 'id',
  },
  2: { buyers: 'id, name, nameKey' },
  3: { alertStates: 'id, buyerId' },
  4: { attachmentBlobs: 'sha256' },
  5: { company: 'id' },
};

describe('schema versions', () => {
  it('only grow', () => {
    const numbers = SCHEMA_VERSIONS.map((entry) => entry.version);
    numbers.forEach((version, index) => {
      if (index > 0) expect(version).toBeGreaterThan(numbers[index - 1] ?? Infinity);
    });
    expect(LATEST_SCHEMA_VERSION).toBe(numbers[numbers.length - 1]);
  });

  it.each(Object.entries(RELEASED))('released version %s is unchanged', (version, stores) => {
    expect(SCHEMA_VERSIONS.find((entry) => entry.version === Number(version))?.stores).toEqual(stores);
  });

  it('keeps at most four secondary indexes on invoices in every version', () => {
    for (const entry of SCHEMA_VERSIONS) {
      const invoices = entry.stores['invoices'];
      if (typeof invoices === 'string') expect(invoices.split(',').length - 1).toBeLessThanOrEqual(4);
    }
  });
});
