/**
 * Typed calls to an Encours sync server (architecture §5) over `fetch`, with the device's Bearer token.
 *
 * Invariants: every answer body is parsed with the `shared/sync/protocol` schemas before anyone sees it; no
 * call throws — a network failure, a non-2xx status or an unreadable body comes back as a coded
 * `SyncFailure`. `fetch` is injectable so tests can drop an answer on the floor.
 */
import type { z } from 'zod';
import {
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  limitsResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  registerDeviceResponseSchema,
  snapshotResponseSchema,
} from '../../shared/sync/protocol';
import type {
  LimitsResponse,
  PullResponse,
  PushRequest,
  PushResponse,
  RegisterDeviceRequest,
  RegisterDeviceResponse,
  SnapshotResponse,
} from '../../shared/sync/protocol';
import { failureOfStatus, syncFailure } from './sync-errors';
import type { SyncFailure } from './sync-errors';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type HttpResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SyncFailure };

export type SyncServerConfig = {
  /** e.g. `https://encours.example.fr` (no trailing slash needed). */
  readonly serverUrl: string;
  readonly workspaceId: string;
  readonly token: string;
  readonly fetch?: FetchLike;
};

export type SnapshotRequest = { readonly atSeq?: number; readonly after?: string; readonly limit?: number };

export type SyncHttpClient = {
  limits(): Promise<HttpResult<LimitsResponse>>;
  push(body: PushRequest): Promise<HttpResult<PushResponse>>;
  pull(since: number, limit: number, clientId: string): Promise<HttpResult<PullResponse>>;
  snapshot(request: SnapshotRequest): Promise<HttpResult<SnapshotResponse>>;
};

function baseOf(url: string): string {
  return url.replace(/\/+$/, '');
}

async function call<S extends z.ZodType>(
  doFetch: FetchLike,
  url: string,
  init: RequestInit,
  schema: S,
): Promise<HttpResult<z.output<S>>> {
  let response: Response;
  try {
    response = await doFetch(url, init);
  } catch {
    return { ok: false, error: syncFailure('offline') };
  }
  if (!response.ok) {
    // The body is drained so the connection can be reused; its message is for logs, the code is the status.
    await response.text().catch(() => '');
    return { ok: false, error: failureOfStatus(response.status, response.headers.get('retry-after')) };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, error: syncFailure('invalid-response', { status: response.status }) };
  }
  const parsed = schema.safeParse(body);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: syncFailure('invalid-response', { status: response.status }) };
}

export function createSyncHttpClient(config: SyncServerConfig): SyncHttpClient {
  const doFetch: FetchLike = config.fetch ?? ((input, init) => fetch(input, init));
  const base = baseOf(config.serverUrl);
  const ws = `${base}/v1/workspaces/${encodeURIComponent(config.workspaceId)}`;
  const headers = {
    authorization: `Bearer ${config.token}`,
    [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
  };
  return {
    limits: () => call(doFetch, `${base}/v1/limits`, { method: 'GET' }, limitsResponseSchema),
    push: (body) =>
      call(
        doFetch,
        `${ws}/push`,
        {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
        pushResponseSchema,
      ),
    pull: (since, limit, clientId) => {
      const query = new URLSearchParams({ since: String(since), limit: String(limit), clientId });
      return call(doFetch, `${ws}/pull?${query.toString()}`, { method: 'GET', headers }, pullResponseSchema);
    },
    snapshot: (request) => {
      const query = new URLSearchParams();
      if (request.atSeq !== undefined) query.set('atSeq', String(request.atSeq));
      if (request.after !== undefined) query.set('after', request.after);
      if (request.limit !== undefined) query.set('limit', String(request.limit));
      const suffix = query.size === 0 ? '' : `?${query.toString()}`;
      return call(doFetch, `${ws}/snapshot${suffix}`, { method: 'GET', headers }, snapshotResponseSchema);
    },
  };
}

/** `POST /v1/devices`: redeems an invite code for a device token (no auth). */
export function registerDevice(
  serverUrl: string,
  request: RegisterDeviceRequest,
  doFetch: FetchLike = (input, init) => fetch(input, init),
): Promise<HttpResult<RegisterDeviceResponse>> {
  return call(
    doFetch,
    `${baseOf(serverUrl)}/v1/devices`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) },
    registerDeviceResponseSchema,
  );
}
