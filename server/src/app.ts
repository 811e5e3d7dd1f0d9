/**
 * The Encours sync server (Fastify): the routes of architecture §5 over one `Storage`.
 *
 * Invariants:
 * - Every body and query is parsed by the zod schemas of `shared/sync` (strict: an extra field is a 400).
 * - Every workspace route authenticates the bearer token (401), then answers 404 for an unknown workspace
 *   and 403 for a workspace the device is not a member of — before reading or writing anything else.
 * - Each pushed op is applied in its own storage transaction (`push.ts`); the results come back in order.
 * - Logs never carry tokens or amounts: the Authorization header is redacted and bodies are never logged.
 * - CORS: any origin may call (the desktop app is `app://encours`, browser mode another http origin). No
 *   cookie is ever read — the Bearer token is the credential — so `*` without credentials opens nothing a
 *   page could not already do with a token it holds. Preflights are answered before any route or limiter.
 */
import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { parseOp } from '../../shared/sync/ops';
import type { ParsedOp } from '../../shared/sync/ops';
import {
  DEFAULT_LIMITS,
  ERROR_STATUS,
  MIN_SCHEMA_VERSION,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  createInviteRequestSchema,
  createWorkspaceRequestSchema,
  decodeSnapshotCursor,
  encodeSnapshotCursor,
  isSupportedVersion,
  pullQuerySchema,
  pushRequestSchema,
  registerDeviceRequestSchema,
  snapshotQuerySchema,
} from '../../shared/sync/protocol';
import type {
  CreateInviteResponse,
  CreateWorkspaceResponse,
  ErrorBody,
  LimitsResponse,
  PullResponse,
  PushResult,
  RegisterDeviceResponse,
  RevokeDeviceResponse,
  Role,
  SnapshotResponse,
  SyncErrorCode,
} from '../../shared/sync/protocol';
import { ClientOwnedElsewhereError, SequenceGapError, applyOp } from './push';
import { bearerToken, createRateLimiter, hashSecret, newId, newSecret } from './security';
import type { RateLimit } from './security';
import type { AuthDevice, Storage } from './storage/storage';

export { PROTOCOL_VERSION };

export type Limits = {
  readonly maxBodyBytes: number;
  readonly maxOpsPerPush: number;
  readonly maxPullLimit: number;
  readonly maxSnapshotLimit: number;
};

export type ServerOptions = {
  readonly logger?: boolean;
  /** Without storage only the discovery routes exist (health, limits). */
  readonly storage?: Storage;
  readonly limits?: Partial<Limits>;
  /** Per token and per workspace (each its own bucket); also per address for unauthenticated routes. */
  readonly rateLimit?: RateLimit;
  readonly tokenTtlDays?: number;
  readonly now?: () => Date;
};

export class SyncHttpError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
}

/** What clients send and may read cross-origin (Retry-After drives their backoff after a 429). */
const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'retry-after',
} as const;
const CORS_PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-allow-headers': `authorization, content-type, ${PROTOCOL_HEADER}`,
  'access-control-max-age': '600',
} as const;

const DEFAULT_RATE_LIMIT: RateLimit = { capacity: 600, refillPerSecond: 100 };
const DEFAULT_PULL_LIMIT = 1000;

function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)');
  throw new SyncHttpError('invalid-body', `invalid request: ${[...new Set(where)].slice(0, 10).join(', ')}`);
}

function errorBody(code: SyncErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

/** Fastify's own errors (bad JSON, too large, wrong content type) mapped onto the protocol's codes. */
function codeOfFrameworkError(statusCode: number | undefined): SyncErrorCode {
  if (statusCode === 413) return 'body-too-large';
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) return 'invalid-body';
  return 'internal';
}

export function buildServer(options: ServerOptions = {}): FastifyInstance {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const now = options.now ?? (() => new Date());
  const ttlMs = (options.tokenTtlDays ?? 365) * 86_400_000;
  const limiter = createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const app = Fastify({
    logger:
      options.logger === true
        ? {
            level: 'info',
            redact: { paths: ['req.headers.authorization', 'req.body'], censor: '[redacted]' },
          }
        : false,
    bodyLimit: limits.maxBodyBytes,
  });

  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined) {
      return reply.status(204).headers(CORS_PREFLIGHT_HEADERS).send();
    }
    void reply.headers(CORS_HEADERS);
    return undefined;
  });

  app.setErrorHandler((error: unknown, request, reply) => {
    if (error instanceof SyncHttpError) {
      if (error.retryAfterSeconds !== undefined)
        void reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.status(ERROR_STATUS[error.code]).send(errorBody(error.code, error.message));
    }
    const statusCode =
      typeof error === 'object' &&
      error !== null &&
      'statusCode' in error &&
      typeof error.statusCode === 'number'
        ? error.statusCode
        : undefined;
    const code = codeOfFrameworkError(statusCode);
    if (code === 'internal') request.log.error({ err: error }, 'internal error');
    const message =
      code === 'internal' ? 'internal error' : error instanceof Error ? error.message : 'bad request';
    return reply.status(ERROR_STATUS[code]).send(errorBody(code, message));
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).send(errorBody('not-found', 'no such route')),
  );

  app.get('/v1/health', () => ({ status: 'ok', protocolVersion: PROTOCOL_VERSION }));
  app.get('/v1/limits', (): LimitsResponse => ({
    protocolVersion: PROTOCOL_VERSION,
    minSchemaVersion: MIN_SCHEMA_VERSION,
    schemaVersion: SCHEMA_VERSION,
    ...limits,
  }));

  const { storage } = options;
  if (storage !== undefined) registerSyncRoutes(app, storage, { limits, now, ttlMs, limiter });
  return app;
}

type RouteDeps = {
  readonly limits: Limits;
  readonly now: () => Date;
  readonly ttlMs: number;
  readonly limiter: ReturnType<typeof createRateLimiter>;
};

function registerSyncRoutes(app: FastifyInstance, storage: Storage, deps: RouteDeps): void {
  const { limits, now, ttlMs, limiter } = deps;

  const throttle = (key: string): void => {
    const wait = limiter.take(key);
    if (wait > 0) throw new SyncHttpError('rate-limited', 'too many requests', wait);
  };

  const tokenOf = (request: FastifyRequest): string => {
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) throw new SyncHttpError('unauthorized', 'missing or malformed bearer token');
    return token;
  };

  const authenticate = async (request: FastifyRequest): Promise<AuthDevice> => {
    const hash = hashSecret(tokenOf(request));
    throttle(`token:${hash}`);
    const device = await storage.findDeviceByTokenHash(hash);
    if (device === undefined || device.revokedAt !== null || device.expiresAt <= now().toISOString()) {
      throw new SyncHttpError('unauthorized', 'unknown, expired or revoked token');
    }
    return device;
  };

  const authorizeWorkspace = async (request: FastifyRequest, workspaceId: string, role?: Role) => {
    const device = await authenticate(request);
    const state = await storage.workspaceState(workspaceId);
    if (state === undefined) throw new SyncHttpError('not-found', 'unknown workspace');
    const membership = device.memberships.get(workspaceId);
    if (membership === undefined || (role === 'owner' && membership !== 'owner')) {
      throw new SyncHttpError('forbidden', 'not allowed on this workspace');
    }
    throttle(`workspace:${workspaceId}`);
    return { device, state };
  };

  const checkProtocolHeader = (request: FastifyRequest): void => {
    const header = request.headers[PROTOCOL_HEADER];
    if (header === undefined) return;
    if (header !== String(PROTOCOL_VERSION)) {
      throw new SyncHttpError('version-not-supported', `protocol ${String(header)} not supported`);
    }
  };

  const newDevice = (name: string) => {
    const token = newSecret('enc');
    const createdAt = now().toISOString();
    const expiresAt = new Date(now().getTime() + ttlMs).toISOString();
    return { token, device: { id: newId(), name, tokenHash: hashSecret(token), createdAt, expiresAt } };
  };

  const wsParam = (request: FastifyRequest): string => {
    const params = request.params;
    const ws = typeof params === 'object' && params !== null && 'ws' in params ? params.ws : undefined;
    if (typeof ws !== 'string' || ws.length === 0 || ws.length > 200) {
      throw new SyncHttpError('not-found', 'unknown workspace');
    }
    return ws;
  };

  app.post('/v1/workspaces', async (request, reply): Promise<CreateWorkspaceResponse> => {
    const token = tokenOf(request);
    const hash = hashSecret(token);
    throttle(`token:${hash}`);
    const body = parseOr400(createWorkspaceRequestSchema, request.body);
    const workspace = { id: newId(), name: body.name, createdAt: now().toISOString() };
    const setup = await storage.isSetupToken(hash);
    if (setup === 'unused') {
      const { token: ownerToken, device } = newDevice(body.deviceName ?? 'Propriétaire / Owner');
      if (!(await storage.createFirstWorkspace(hash, workspace, device))) {
        throw new SyncHttpError('setup-consumed', 'the setup token was already used');
      }
      void reply.status(201);
      return {
        workspaceId: workspace.id,
        name: workspace.name,
        owner: { deviceId: device.id, token: ownerToken, expiresAt: device.expiresAt },
      };
    }
    if (setup === 'consumed') throw new SyncHttpError('unauthorized', 'the setup token was already used');
    const device = await authenticate(request);
    if (![...device.memberships.values()].includes('owner')) {
      throw new SyncHttpError('forbidden', 'only a workspace owner may create workspaces');
    }
    await storage.createWorkspace(workspace, device.id);
    void reply.status(201);
    return { workspaceId: workspace.id, name: workspace.name };
  });

  app.post('/v1/workspaces/:ws/invites', async (request, reply): Promise<CreateInviteResponse> => {
    const workspaceId = wsParam(request);
    const { device } = await authorizeWorkspace(request, workspaceId, 'owner');
    const body = parseOr400(createInviteRequestSchema, request.body ?? {});
    const inviteCode = newSecret('inv');
    const expiresAt = new Date(now().getTime() + body.expiresInHours * 3_600_000).toISOString();
    await storage.createInvite({
      codeHash: hashSecret(inviteCode),
      workspaceId,
      role: body.role,
      createdBy: device.id,
      createdAt: now().toISOString(),
      expiresAt,
    });
    void reply.status(201);
    return { inviteCode, workspaceId, role: body.role, expiresAt };
  });

  app.post('/v1/devices', async (request, reply): Promise<RegisterDeviceResponse> => {
    throttle(`address:${request.ip}`);
    const body = parseOr400(registerDeviceRequestSchema, request.body);
    const { token, device } = newDevice(body.deviceName);
    const redeemed = await storage.redeemInvite(hashSecret(body.inviteCode), device);
    if (redeemed === undefined)
      throw new SyncHttpError('unauthorized', 'unknown, used or expired invite code');
    void reply.status(201);
    return {
      token,
      deviceId: device.id,
      workspaceId: redeemed.workspaceId,
      role: redeemed.role,
      expiresAt: device.expiresAt,
    };
  });

  app.delete('/v1/devices/:id', async (request): Promise<RevokeDeviceResponse> => {
    const caller = await authenticate(request);
    const params = request.params;
    const id = typeof params === 'object' && params !== null && 'id' in params ? params.id : undefined;
    const target = typeof id === 'string' ? await storage.findDevice(id) : undefined;
    // A device that shares no workspace the caller owns is "unknown" to the caller: reveal nothing.
    const owns = [...(target?.memberships.keys() ?? [])].some((ws) => caller.memberships.get(ws) === 'owner');
    if (target === undefined || (!owns && target.id !== caller.id)) {
      throw new SyncHttpError('not-found', 'unknown device');
    }
    await storage.revokeDevice(target.id, now().toISOString());
    return { deviceId: target.id, revoked: true };
  });

  app.post('/v1/workspaces/:ws/push', async (request): Promise<{ results: PushResult[] }> => {
    const workspaceId = wsParam(request);
    const { device } = await authorizeWorkspace(request, workspaceId);
    const body = parseOr400(pushRequestSchema, request.body);
    if (!isSupportedVersion(body.protocolVersion, body.schemaVersion)) {
      throw new SyncHttpError(
        'version-not-supported',
        `protocol ${body.protocolVersion} / schema ${body.schemaVersion} not supported`,
      );
    }
    if (body.ops.length > limits.maxOpsPerPush) {
      throw new SyncHttpError('body-too-large', `at most ${limits.maxOpsPerPush} ops per push`);
    }
    body.ops.forEach((op, index) => {
      const previous = body.ops[index - 1];
      if (previous !== undefined && op.clientSeq !== previous.clientSeq + 1) {
        throw new SyncHttpError('sequence-gap', `clientSeq ${op.clientSeq} follows ${previous.clientSeq}`);
      }
    });
    const parsed: ParsedOp[] = body.ops.map((op) => {
      const result = parseOp(op);
      if (!result.ok) {
        throw new SyncHttpError('invalid-body', `op ${result.problem.clientSeq}: ${result.problem.message}`);
      }
      return result.op;
    });
    // The whole batch in ONE transaction (one durable commit instead of one per op), answered only after the
    // commit. The ops are contiguous (checked above), so a gap or a foreign clientId can only show at the
    // first op not yet applied, before this batch wrote anything: the answers are the same as op by op.
    // An unexpected failure rolls the whole batch back; the client, which got no answer, pushes it again.
    let batch: PushResult[] | undefined;
    try {
      batch = await storage.withWorkspace(workspaceId, async (tx) => {
        const applied: PushResult[] = [];
        for (const [index, op] of body.ops.entries()) {
          const parsedOp = parsed[index];
          if (parsedOp === undefined) continue;
          const ctx = {
            clientId: body.clientId,
            deviceId: device.id,
            actor: device.name,
            now: now().toISOString(),
          };
          applied.push(await applyOp(tx, op, parsedOp, ctx));
        }
        return applied;
      });
    } catch (error) {
      if (error instanceof SequenceGapError) {
        throw new SyncHttpError(
          'sequence-gap',
          `expected clientSeq ${error.expected}, got ${error.received}`,
        );
      }
      if (error instanceof ClientOwnedElsewhereError) throw new SyncHttpError('forbidden', error.message);
      throw error;
    }
    if (batch === undefined) throw new SyncHttpError('not-found', 'unknown workspace');
    return { results: batch };
  });

  app.get('/v1/workspaces/:ws/pull', async (request): Promise<PullResponse> => {
    const workspaceId = wsParam(request);
    const { state } = await authorizeWorkspace(request, workspaceId);
    checkProtocolHeader(request);
    const query = parseOr400(pullQuerySchema, request.query);
    if (query.since < state.minRetainedSeq) {
      throw new SyncHttpError(
        'cursor-too-old',
        `since ${query.since} < minRetainedSeq ${state.minRetainedSeq}`,
      );
    }
    const limit = Math.min(query.limit ?? DEFAULT_PULL_LIMIT, limits.maxPullLimit);
    const page = await storage.pull(workspaceId, query.since, limit);
    const last = page.changes.at(-1);
    return {
      changes: page.changes.map((change) =>
        change.fields === null
          ? { seq: change.seq, entity: change.entity, id: change.id, version: change.version, deleted: true }
          : {
              seq: change.seq,
              entity: change.entity,
              id: change.id,
              version: change.version,
              fields: change.fields,
            },
      ),
      nextCursor: last?.seq ?? query.since,
      hasMore: page.hasMore,
      lastClientSeq:
        query.clientId === undefined ? 0 : await storage.lastClientSeq(workspaceId, query.clientId),
      minRetainedSeq: state.minRetainedSeq,
    };
  });

  app.get('/v1/workspaces/:ws/snapshot', async (request): Promise<SnapshotResponse> => {
    const workspaceId = wsParam(request);
    const { state } = await authorizeWorkspace(request, workspaceId);
    checkProtocolHeader(request);
    const query = parseOr400(snapshotQuerySchema, request.query);
    const atSeq = query.atSeq ?? state.seq;
    if (atSeq > state.seq) throw new SyncHttpError('invalid-body', `atSeq ${atSeq} is ahead of the server`);
    if (atSeq < state.minRetainedSeq) {
      throw new SyncHttpError('cursor-too-old', `atSeq ${atSeq} < minRetainedSeq ${state.minRetainedSeq}`);
    }
    const after = query.after === undefined ? undefined : decodeSnapshotCursor(query.after);
    if (query.after !== undefined && after === undefined)
      throw new SyncHttpError('invalid-body', 'bad cursor');
    const limit = Math.min(query.limit ?? DEFAULT_PULL_LIMIT, limits.maxSnapshotLimit);
    const page = await storage.snapshot(workspaceId, after, limit);
    const last = page.rows.at(-1);
    return {
      atSeq,
      rows: page.rows.map((row) => ({
        entity: row.entity,
        id: row.id,
        version: row.version,
        fields: row.data,
      })),
      nextAfter: page.hasMore && last !== undefined ? encodeSnapshotCursor(last.entity, last.id) : null,
      hasMore: page.hasMore,
      minRetainedSeq: state.minRetainedSeq,
    };
  });
}

export type { FastifyReply };
