/**
 * Pure timing and batching rules of the sync engine, kept apart from I/O so they can be tested exactly.
 *
 * - `retryDelay`: exponential backoff with "full jitter" (a random delay in [base·2ⁿ/2, base·2ⁿ], capped), so
 *   many laptops coming back online at once do not hit the server in step. A server's Retry-After is a floor.
 * - `nextBatch`: the longest prefix of the outbox that respects the server's advertised `maxOpsPerPush` and
 *   `maxBodyBytes` (measured on the JSON actually sent) and a local cap (halved after a 413). Never empty
 *   when the outbox is not: a single op that is too large is still sent alone, and the server's 413 says so.
 */
import type { PushOp, PushRequest } from '../../shared/sync/protocol';

export type BackoffPolicy = { readonly baseMs: number; readonly maxMs: number };

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, maxMs: 5 * 60_000 };

/** `failures` ≥ 1 consecutive failures; `random` in [0, 1). */
export function retryDelay(
  failures: number,
  policy: BackoffPolicy,
  random: number,
  retryAfterMs = 0,
): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  const jittered = Math.round(ceiling / 2 + (ceiling / 2) * random);
  return Math.max(jittered, retryAfterMs);
}

export type BatchLimits = { readonly maxOps: number; readonly maxBodyBytes: number };

const encoder = new TextEncoder();

export function bodyBytes(body: PushRequest): number {
  return encoder.encode(JSON.stringify(body)).length;
}

/** The ops of the next push request, in clientSeq order (a prefix of `ops`). */
export function nextBatch(
  envelope: Omit<PushRequest, 'ops'>,
  ops: readonly PushOp[],
  limits: BatchLimits,
): PushOp[] {
  const first = ops[0];
  if (first === undefined) return [];
  const batch: PushOp[] = [first];
  // Size grows by each op's JSON plus a comma; measured once for the envelope and once per op.
  let size = bodyBytes({ ...envelope, ops: [first] });
  for (const op of ops.slice(1, Math.max(1, limits.maxOps))) {
    const added = encoder.encode(JSON.stringify(op)).length + 1;
    if (size + added > limits.maxBodyBytes) break;
    size += added;
    batch.push(op);
  }
  return batch;
}
