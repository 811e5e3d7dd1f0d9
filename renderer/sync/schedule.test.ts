import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PushOp } from '../../shared/sync/protocol';
import { bodyBytes, nextBatch, retryDelay } from './schedule';

const policy = { baseMs: 1000, maxMs: 60_000 };
const envelope = { protocolVersion: 1, schemaVersion: 1, clientId: 'c1' };
const op = (clientSeq: number, name = 'x'): PushOp => ({
  opId: `op-${clientSeq}`,
  clientSeq,
  command: 'createBuyer',
  args: { id: `b${clientSeq}`, name },
});

describe('retryDelay', () => {
  // Ceiling = min(max, base·2^(failures-1)); the delay lies in [ceiling/2, ceiling].
  it.each([
    [1, 0, 500],
    [1, 0.999_999, 1000],
    [3, 0, 2000],
    [3, 0.5, 3000],
    [10, 0.999_999, 60_000],
  ])('failures %i, random %f → %i ms', (failures, random, expected) => {
    expect(retryDelay(failures, policy, random)).toBe(expected);
  });

  it('never waits less than the server asked (Retry-After)', () => {
    expect(retryDelay(1, policy, 0, 7000)).toBe(7000);
  });

  it('stays within [ceiling/2, ceiling] for any failure count and draw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        (n, r) => {
          const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(n - 1, 30));
          const delay = retryDelay(n, policy, r);
          return delay >= ceiling / 2 && delay <= ceiling;
        },
      ),
    );
  });
});

describe('nextBatch', () => {
  it('takes a prefix under maxOps', () => {
    const ops = [1, 2, 3, 4, 5].map((n) => op(n));
    expect(nextBatch(envelope, ops, { maxOps: 2, maxBodyBytes: 1_000_000 }).map((o) => o.clientSeq)).toEqual([
      1, 2,
    ]);
  });

  it('sends a lone op even when it alone exceeds the byte limit (the server answers 413)', () => {
    expect(nextBatch(envelope, [op(1, 'y'.repeat(500))], { maxOps: 10, maxBodyBytes: 100 })).toHaveLength(1);
    expect(nextBatch(envelope, [], { maxOps: 10, maxBodyBytes: 100 })).toEqual([]);
  });

  it('every batch of several ops fits the byte limit exactly as sent, and is the longest prefix that does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 80 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 150, max: 2000 }),
        fc.integer({ min: 1, max: 40 }),
        (names, maxBodyBytes, maxOps) => {
          const ops = names.map((name, i) => op(i + 1, name));
          const batch = nextBatch(envelope, ops, { maxOps, maxBodyBytes });
          expect(batch).toEqual(ops.slice(0, batch.length));
          expect(batch.length).toBeLessThanOrEqual(maxOps);
          if (batch.length > 1)
            expect(bodyBytes({ ...envelope, ops: batch })).toBeLessThanOrEqual(maxBodyBytes);
          const longer = ops.slice(0, batch.length + 1);
          if (longer.length > batch.length && longer.length <= maxOps) {
            expect(bodyBytes({ ...envelope, ops: longer })).toBeGreaterThan(maxBodyBytes);
          }
        },
      ),
    );
  });
});
