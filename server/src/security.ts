/**
 * Secrets and throttling: random tokens (256 bits, base64url), their SHA-256 hashes (the only form stored),
 * and an in-memory token bucket per key (per token, per workspace, per client address).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';

export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function newId(): string {
  return randomUUID();
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer ([A-Za-z0-9_\-.~+/=]{20,200})$/.exec(header.trim());
  return match?.[1];
}

export type RateLimit = { readonly capacity: number; readonly refillPerSecond: number };

/** Token buckets: `take(key)` returns 0 when allowed, else the seconds to wait (for Retry-After). */
export function createRateLimiter(limit: RateLimit, now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key: string): number {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: limit.capacity, at: t };
      bucket.tokens = Math.min(
        limit.capacity,
        bucket.tokens + ((t - bucket.at) / 1000) * limit.refillPerSecond,
      );
      bucket.at = t;
      buckets.set(key, bucket);
      if (buckets.size > 100_000) buckets.clear();
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / limit.refillPerSecond));
    },
  };
}
export type RateLimiter = ReturnType<typeof createRateLimiter>;
