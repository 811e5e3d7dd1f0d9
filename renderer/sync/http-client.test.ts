import { describe, expect, it } from 'vitest';
import type { FetchLike } from './http-client';
import { createSyncHttpClient } from './http-client';

function answering(status: number, body: unknown, headers: Record<string, string> = {}): FetchLike {
  return () => Promise.resolve(new Response(JSON.stringify(body), { status, headers }));
}

const config = (fetch: FetchLike) => ({
  serverUrl: 'http://s.test/',
  workspaceId: 'ws1',
  token: 't'.repeat(30),
  fetch,
});
const errorBody = (code: string) => ({ error: { code, message: 'x' } });

describe('createSyncHttpClient', () => {
  it.each([
    [400, 'invalid-request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [409, 'sequence-gap'],
    [410, 'cursor-too-old'],
    [413, 'body-too-large'],
    [426, 'version-not-supported'],
    [429, 'rate-limited'],
    [500, 'server-error'],
    [503, 'server-error'],
  ])('HTTP %i → %s', async (status, code) => {
    const answer = await createSyncHttpClient(config(answering(status, errorBody('internal')))).pull(
      0,
      10,
      'c1',
    );
    expect(answer.ok ? undefined : answer.error.code).toBe(code);
  });

  it('429 carries Retry-After in milliseconds', async () => {
    const answer = await createSyncHttpClient(
      config(answering(429, errorBody('rate-limited'), { 'retry-after': '3' })),
    ).pull(0, 10, 'c1');
    expect(answer.ok ? undefined : answer.error.retryAfterMs).toBe(3000);
  });

  it('a network failure is `offline`; a body outside the protocol is `invalid-response`', async () => {
    const offline = await createSyncHttpClient(
      config(() => Promise.reject(new TypeError('fetch failed'))),
    ).limits();
    expect(offline.ok ? undefined : offline.error.code).toBe('offline');
    const extra = await createSyncHttpClient(
      config(
        answering(200, {
          changes: [],
          nextCursor: 0,
          hasMore: false,
          lastClientSeq: 0,
          minRetainedSeq: 0,
          x: 1,
        }),
      ),
    ).pull(0, 10, 'c1');
    expect(extra.ok ? undefined : extra.error.code).toBe('invalid-response');
  });

  it('sends the bearer token to the workspace routes and parses a valid page', async () => {
    const seen: { url: string; auth: string | null }[] = [];
    const fetch: FetchLike = (url, init) => {
      seen.push({ url, auth: new Headers(init.headers).get('authorization') });
      return answering(200, {
        changes: [],
        nextCursor: 4,
        hasMore: false,
        lastClientSeq: 2,
        minRetainedSeq: 0,
      })(url, init);
    };
    const answer = await createSyncHttpClient(config(fetch)).pull(4, 50, 'c1');
    expect(answer).toEqual({
      ok: true,
      value: { changes: [], nextCursor: 4, hasMore: false, lastClientSeq: 2, minRetainedSeq: 0 },
    });
    expect(seen).toEqual([
      {
        url: 'http://s.test/v1/workspaces/ws1/pull?since=4&limit=50&clientId=c1',
        auth: `Bearer ${'t'.repeat(30)}`,
      },
    ]);
  });
});
