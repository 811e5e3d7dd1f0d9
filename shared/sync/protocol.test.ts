import { describe, expect, it } from 'vitest';
import { parseOp } from './ops';
import {
  MIN_SCHEMA_VERSION,
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  changeSchema,
  decodeSnapshotCursor,
  encodeSnapshotCursor,
  errorBodySchema,
  isSupportedVersion,
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  registerDeviceRequestSchema,
  snapshotQuerySchema,
} from './protocol';

const OP = { opId: 'op-1', clientSeq: 1, command: 'createBuyer', args: { id: 'b1', name: 'Dupont SA' } };
const PUSH = { protocolVersion: 1, schemaVersion: 1, clientId: 'laptop-1', ops: [OP] };

describe('push request', () => {
  it('accepts the shape of architecture §5, baseVersion optional', () => {
    expect(pushRequestSchema.safeParse(PUSH).success).toBe(true);
    const guarded = { ...OP, clientSeq: 2, baseVersion: 3 };
    expect(pushRequestSchema.safeParse({ ...PUSH, ops: [OP, guarded] }).success).toBe(true);
  });

  it.each([
    ['an extra top-level field', { ...PUSH, extra: 1 }],
    ['an extra op field', { ...PUSH, ops: [{ ...OP, note: 'x' }] }],
    ['no ops', { ...PUSH, ops: [] }],
    ['clientSeq 0', { ...PUSH, ops: [{ ...OP, clientSeq: 0 }] }],
    ['a fractional clientSeq', { ...PUSH, ops: [{ ...OP, clientSeq: 1.5 }] }],
    ['a negative baseVersion', { ...PUSH, ops: [{ ...OP, baseVersion: -1 }] }],
    ['a clientId with spaces', { ...PUSH, clientId: 'my laptop' }],
    ['a missing protocolVersion', { schemaVersion: 1, clientId: 'c', ops: [OP] }],
    ['a string protocolVersion', { ...PUSH, protocolVersion: '1' }],
  ])('rejects %s', (_label, body) => {
    expect(pushRequestSchema.safeParse(body).success).toBe(false);
  });
});

describe('push response', () => {
  it('accepts each status with its optional parts and rejects unknown statuses or fields', () => {
    const reason = { code: 'conflict', message: { fr: 'a changé', en: 'changed' } };
    const ok = pushResponseSchema.safeParse({
      results: [
        { clientSeq: 1, status: 'applied', seq: 10 },
        { clientSeq: 2, status: 'duplicate', seq: 10 },
        { clientSeq: 3, status: 'rejected', reason },
        {
          clientSeq: 4,
          status: 'conflict',
          reason,
          serverValue: [{ entity: 'policy', id: 'current', version: 2, fields: { id: 'current' } }],
        },
      ],
    });
    expect(ok.success).toBe(true);
    expect(pushResponseSchema.safeParse({ results: [{ clientSeq: 1, status: 'lost' }] }).success).toBe(false);
    expect(
      pushResponseSchema.safeParse({ results: [{ clientSeq: 1, status: 'applied', at: 'now' }] }).success,
    ).toBe(false);
  });
});

describe('pull', () => {
  it('coerces digits-only query strings and defaults since to 0', () => {
    expect(pullQuerySchema.parse({})).toEqual({ since: 0 });
    expect(pullQuerySchema.parse({ since: '42', limit: '100', clientId: 'c1' })).toEqual({
      since: 42,
      limit: 100,
      clientId: 'c1',
    });
  });

  it.each([{ since: '-1' }, { since: '1e3' }, { since: '1.5' }, { limit: '0' }, { since: '1', x: '2' }])(
    'rejects the query %o',
    (query) => {
      expect(pullQuerySchema.safeParse(query).success).toBe(false);
    },
  );

  it('a change carries fields or deleted, never both', () => {
    const base = { seq: 1, entity: 'buyers', id: 'b1', version: 1 };
    expect(changeSchema.safeParse({ ...base, fields: { name: 'A' } }).success).toBe(true);
    expect(changeSchema.safeParse({ ...base, deleted: true }).success).toBe(true);
    expect(changeSchema.safeParse({ ...base, deleted: true, fields: {} }).success).toBe(false);
    expect(changeSchema.safeParse({ ...base, entity: 'users', fields: {} }).success).toBe(false);
    expect(
      pullResponseSchema.safeParse({
        changes: [{ ...base, fields: {} }],
        nextCursor: 1,
        hasMore: false,
        lastClientSeq: 0,
        minRetainedSeq: 0,
      }).success,
    ).toBe(true);
  });
});

describe('snapshot cursor', () => {
  it.each([
    ['buyers', 'b1'],
    ['invoices', 'F/2026/001'],
  ])('round-trips %s %s', (entity, id) => {
    expect(decodeSnapshotCursor(encodeSnapshotCursor(entity, id))).toEqual({ entity, id });
  });

  it.each(['buyers', '/x', 'buyers/', 'users/x'])('refuses the cursor %s', (cursor) => {
    expect(decodeSnapshotCursor(cursor)).toBeUndefined();
  });

  it('coerces atSeq and refuses unknown parameters', () => {
    expect(snapshotQuerySchema.parse({ atSeq: '7', after: 'buyers/b1' })).toEqual({
      atSeq: 7,
      after: 'buyers/b1',
    });
    expect(snapshotQuerySchema.safeParse({ since: '1' }).success).toBe(false);
  });
});

describe('versions, devices, errors', () => {
  it('supports exactly the current protocol and the schema range', () => {
    expect(isSupportedVersion(PROTOCOL_VERSION, SCHEMA_VERSION)).toBe(true);
    expect(isSupportedVersion(PROTOCOL_VERSION, MIN_SCHEMA_VERSION)).toBe(true);
    expect(isSupportedVersion(PROTOCOL_VERSION + 1, SCHEMA_VERSION)).toBe(false);
    expect(isSupportedVersion(PROTOCOL_VERSION, SCHEMA_VERSION + 1)).toBe(false);
    expect(isSupportedVersion(PROTOCOL_VERSION, MIN_SCHEMA_VERSION - 1)).toBe(false);
  });

  it('device registration needs an invite code and a device name, nothing else', () => {
    const code = 'x'.repeat(32);
    expect(registerDeviceRequestSchema.safeParse({ inviteCode: code, deviceName: 'PC compta' }).success).toBe(
      true,
    );
    expect(registerDeviceRequestSchema.safeParse({ inviteCode: code }).success).toBe(false);
    expect(
      registerDeviceRequestSchema.safeParse({ inviteCode: code, deviceName: 'PC', admin: true }).success,
    ).toBe(false);
  });

  it('error bodies carry a known code', () => {
    expect(errorBodySchema.safeParse({ error: { code: 'sequence-gap', message: 'gap' } }).success).toBe(true);
    expect(errorBodySchema.safeParse({ error: { code: 'oops', message: 'x' } }).success).toBe(false);
  });
});

describe('parseOp', () => {
  it('accepts a valid command', () => {
    const parsed = parseOp(OP);
    expect(parsed.ok).toBe(true);
  });

  it.each([
    ['an unknown command', { ...OP, command: 'dropDatabase' }],
    [
      'a negative amount',
      {
        ...OP,
        command: 'recordPayment',
        args: { id: 'p1', buyerId: 'b1', date: '2026-01-01', amountCents: -100, currency: 'EUR' },
      },
    ],
    ['a baseVersion on an unguarded command', { ...OP, baseVersion: 0 }],
    [
      'a baseVersion that disagrees with the arguments',
      { ...OP, command: 'setPolicy', args: { policy: {}, baseVersion: 1 }, baseVersion: 2 },
    ],
  ])('refuses %s', (_label, op) => {
    expect(parseOp(op).ok).toBe(false);
  });
});
