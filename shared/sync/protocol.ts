/**
 * The sync wire protocol of architecture §5 — a PUBLIC contract between any Encours client and any Encours
 * server. Every body that crosses the wire is one of these zod schemas; the TypeScript types are inferred from
 * them, never declared twice.
 *
 * Invariants:
 * - Every object is strict: an unknown field is a 400, so a typo never silently drops data.
 * - Ordering is the server's per-workspace `seq`, never a laptop's clock. One applied operation gets ONE seq;
 *   all the change rows it produced carry it, and a pull page never splits an operation.
 * - A change's `fields` is a field-level patch (`null` clears a field) as applied by the server, `updatedAt`
 *   included; `version` is the row's version after it. Applying the pulled changes in seq order over a
 *   snapshot taken at `atSeq` gives the server's rows.
 * - Amounts never appear here except inside a command's `args`, which the command's own schema validates.
 * - Query parameters of GET routes are strings on the wire; their schemas coerce them.
 */
import { z } from 'zod';
import { entityNameSchema, idSchema } from '../commands/entities';

/** Version of this wire format. A server answers 426 to any other. */
export const PROTOCOL_VERSION = 1;

/**
 * Version of the data contract a client speaks (entity shapes and command arguments of `shared/commands`).
 * A server accepts `MIN_SCHEMA_VERSION`..`SCHEMA_VERSION` and answers 426 outside that range.
 */
export const SCHEMA_VERSION = 1;
export const MIN_SCHEMA_VERSION = 1;

/** Optional request header carrying the protocol version on GET routes (push carries it in its body). */
export const PROTOCOL_HEADER = 'encours-protocol';

/** Default limits; a server advertises its own in `GET /v1/limits` and clients split batches under them. */
export const DEFAULT_LIMITS = {
  maxBodyBytes: 1024 * 1024,
  maxOpsPerPush: 500,
  maxPullLimit: 5000,
  maxSnapshotLimit: 5000,
} as const;

const seqSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const positiveSeqSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const clientIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/);
const tokenSchema = z.string().min(20).max(200);
const nameSchema = z.string().trim().min(1).max(200);

/** Query-string number: digits only (no sign, no exponent), within the safe integer range. */
const querySeqSchema = z
  .string()
  .regex(/^\d{1,16}$/)
  .transform(Number)
  .pipe(seqSchema);
const queryLimitSchema = z
  .string()
  .regex(/^\d{1,6}$/)
  .transform(Number)
  .pipe(z.number().int().positive());

// ── Errors ───────────────────────────────────────────────────────────────────────────────────────────────

export const ERROR_CODES = [
  'invalid-body',
  'unauthorized',
  'forbidden',
  'not-found',
  'sequence-gap',
  'cursor-too-old',
  'body-too-large',
  'version-not-supported',
  'rate-limited',
  'setup-consumed',
  'internal',
] as const;
export const errorCodeSchema = z.enum(ERROR_CODES);
export type SyncErrorCode = z.infer<typeof errorCodeSchema>;

/** The HTTP status each error code is sent with (architecture §5 "Errors"). */
export const ERROR_STATUS: { readonly [C in SyncErrorCode]: number } = {
  'invalid-body': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'sequence-gap': 409,
  'setup-consumed': 409,
  'cursor-too-old': 410,
  'body-too-large': 413,
  'version-not-supported': 426,
  'rate-limited': 429,
  internal: 500,
};

/** Every non-2xx answer. `message` is for logs and developers; clients choose their words by `code`. */
export const errorBodySchema = z.strictObject({
  error: z.strictObject({ code: errorCodeSchema, message: z.string().max(2000) }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

// ── Discovery ────────────────────────────────────────────────────────────────────────────────────────────

export const healthResponseSchema = z.strictObject({
  status: z.literal('ok'),
  protocolVersion: z.number().int().positive(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** `GET /v1/limits` (no auth): what a client must respect, so it splits its batches instead of getting 413. */
export const limitsResponseSchema = z.strictObject({
  protocolVersion: z.number().int().positive(),
  minSchemaVersion: z.number().int().positive(),
  schemaVersion: z.number().int().positive(),
  maxBodyBytes: z.number().int().positive(),
  maxOpsPerPush: z.number().int().positive(),
  maxPullLimit: z.number().int().positive(),
  maxSnapshotLimit: z.number().int().positive(),
});
export type LimitsResponse = z.infer<typeof limitsResponseSchema>;

// ── Tenancy: workspaces, invites, devices ─────────────────────────────────────────────────────────────────

export const roleSchema = z.enum(['owner', 'member']);
export type Role = z.infer<typeof roleSchema>;

/** `POST /v1/workspaces` with the setup token (first workspace; the caller becomes its owner) or an owner token. */
export const createWorkspaceRequestSchema = z.strictObject({
  name: nameSchema,
  /** Name of the owner's device; used only with the setup token, which creates that device. */
  deviceName: nameSchema.optional(),
});
export type CreateWorkspaceRequest = z.infer<typeof createWorkspaceRequestSchema>;

/** `owner` is present only when the setup token was used: the new owner device and its token (shown once). */
export const createWorkspaceResponseSchema = z.strictObject({
  workspaceId: idSchema,
  name: nameSchema,
  owner: z.strictObject({ deviceId: idSchema, token: tokenSchema, expiresAt: z.iso.datetime() }).optional(),
});
export type CreateWorkspaceResponse = z.infer<typeof createWorkspaceResponseSchema>;

/** `POST /v1/workspaces/:ws/invites` (owner token). */
export const createInviteRequestSchema = z.strictObject({
  role: roleSchema.default('member'),
  /** Lifetime of the code; single use in any case. */
  expiresInHours: z
    .number()
    .int()
    .positive()
    .max(24 * 30)
    .default(72),
});
export type CreateInviteRequest = z.input<typeof createInviteRequestSchema>;

export const createInviteResponseSchema = z.strictObject({
  inviteCode: tokenSchema,
  workspaceId: idSchema,
  role: roleSchema,
  expiresAt: z.iso.datetime(),
});
export type CreateInviteResponse = z.infer<typeof createInviteResponseSchema>;

/** `POST /v1/devices` (no auth): redeems a single-use invite code for a device token. */
export const registerDeviceRequestSchema = z.strictObject({
  inviteCode: tokenSchema,
  deviceName: nameSchema,
});
export type RegisterDeviceRequest = z.infer<typeof registerDeviceRequestSchema>;

export const registerDeviceResponseSchema = z.strictObject({
  token: tokenSchema,
  deviceId: idSchema,
  workspaceId: idSchema,
  role: roleSchema,
  expiresAt: z.iso.datetime(),
});
export type RegisterDeviceResponse = z.infer<typeof registerDeviceResponseSchema>;

/** `DELETE /v1/devices/:id` (owner of a workspace the device belongs to). */
export const revokeDeviceResponseSchema = z.strictObject({
  deviceId: idSchema,
  revoked: z.literal(true),
});
export type RevokeDeviceResponse = z.infer<typeof revokeDeviceResponseSchema>;

// ── Push ─────────────────────────────────────────────────────────────────────────────────────────────────

export const pushOpSchema = z.strictObject({
  /** Client-generated unique id (audit, tracing). */
  opId: z.string().min(1).max(100),
  /** 1, 2, 3 … per client, without gaps: the server's idempotence key. */
  clientSeq: positiveSeqSchema,
  /** A command name of `shared/commands`. */
  command: z.string().min(1).max(100),
  /** The command's arguments, validated by that command's own schema. */
  args: z.unknown(),
  /** For guarded commands: the version the user saw (must match the command's `args.baseVersion`). */
  baseVersion: seqSchema.optional(),
});
export type PushOp = z.infer<typeof pushOpSchema>;

export const pushRequestSchema = z.strictObject({
  protocolVersion: z.number().int().positive(),
  schemaVersion: z.number().int().positive(),
  clientId: clientIdSchema,
  ops: z.array(pushOpSchema).min(1),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const PUSH_STATUSES = ['applied', 'duplicate', 'rejected', 'conflict'] as const;
export const pushStatusSchema = z.enum(PUSH_STATUSES);
export type PushStatus = z.infer<typeof pushStatusSchema>;

/** Why an op was rejected or conflicted: the command's coded rejection, in French and English. */
export const reasonSchema = z.strictObject({
  code: z.string().min(1).max(100),
  message: z.strictObject({ fr: z.string(), en: z.string() }),
});
export type Reason = z.infer<typeof reasonSchema>;

/** One stored row as the server holds it: full fields (id, version and updatedAt included). */
export const snapshotRowSchema = z.strictObject({
  entity: entityNameSchema,
  id: idSchema,
  version: positiveSeqSchema,
  fields: z.record(z.string(), z.unknown()),
});
export type SnapshotRow = z.infer<typeof snapshotRowSchema>;

/**
 * One result per op, in request order. `applied`: `seq` is the op's seq (absent when it changed nothing).
 * `duplicate`: the op was already received; `seq`, `reason` and `serverValue` repeat the first answer.
 * `rejected`: `reason` says why. `conflict`: a stale guard; `serverValue` holds the server's guarded rows.
 */
export const pushResultSchema = z.strictObject({
  clientSeq: positiveSeqSchema,
  status: pushStatusSchema,
  seq: positiveSeqSchema.optional(),
  reason: reasonSchema.optional(),
  serverValue: z.array(snapshotRowSchema).optional(),
});
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.strictObject({ results: z.array(pushResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ── Pull ─────────────────────────────────────────────────────────────────────────────────────────────────

export const pullQuerySchema = z.strictObject({
  since: querySeqSchema.default(0),
  limit: queryLimitSchema.optional(),
  /** The puller's clientId, so the answer carries its `lastClientSeq` (0 when absent). */
  clientId: clientIdSchema.optional(),
});
export type PullQuery = z.infer<typeof pullQuerySchema>;

const changeBase = { seq: positiveSeqSchema, entity: entityNameSchema, id: idSchema, version: seqSchema };

export const changeSchema = z.union([
  z.strictObject({ ...changeBase, fields: z.record(z.string(), z.unknown()) }),
  z.strictObject({ ...changeBase, deleted: z.literal(true) }),
]);
export type SyncChange = z.infer<typeof changeSchema>;

export const pullResponseSchema = z.strictObject({
  changes: z.array(changeSchema),
  /** The `since` of the next call: the last seq of this page (or `since` when the page is empty). */
  nextCursor: seqSchema,
  hasMore: z.boolean(),
  /** Highest clientSeq of the puller's client the server has acknowledged (its outbox may drop ≤ this). */
  lastClientSeq: seqSchema,
  /** Pulling `since` below this answers 410: the client must bootstrap from a snapshot. */
  minRetainedSeq: seqSchema,
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

// ── Snapshot (bootstrap of a new laptop) ──────────────────────────────────────────────────────────────────

/**
 * First call without `atSeq`: the server fixes it to its current seq. Following calls repeat `atSeq` and pass
 * the previous `nextAfter` as `after`, so an interrupted bootstrap resumes where it stopped. Rows written
 * after `atSeq` may already show their newer state; pulling since `atSeq` then converges (patches are
 * absolute field values applied in seq order).
 */
export const snapshotQuerySchema = z.strictObject({
  atSeq: querySeqSchema.optional(),
  after: z.string().min(3).max(400).optional(),
  limit: queryLimitSchema.optional(),
});
export type SnapshotQuery = z.infer<typeof snapshotQuerySchema>;

export const snapshotResponseSchema = z.strictObject({
  atSeq: seqSchema,
  rows: z.array(snapshotRowSchema),
  /** Opaque cursor for `after`; null on the last page. */
  nextAfter: z.string().nullable(),
  hasMore: z.boolean(),
  minRetainedSeq: seqSchema,
});
export type SnapshotResponse = z.infer<typeof snapshotResponseSchema>;

/** The snapshot cursor: `<entity>/<id>` (entity names hold no slash; ids may). */
export function encodeSnapshotCursor(entity: string, id: string): string {
  return `${entity}/${id}`;
}

export function decodeSnapshotCursor(cursor: string): { entity: string; id: string } | undefined {
  const slash = cursor.indexOf('/');
  if (slash <= 0 || slash === cursor.length - 1) return undefined;
  const entity = cursor.slice(0, slash);
  return entityNameSchema.safeParse(entity).success ? { entity, id: cursor.slice(slash + 1) } : undefined;
}

/** True when a server speaking this contract accepts these versions (else it answers 426). */
export function isSupportedVersion(protocolVersion: number, schemaVersion: number): boolean {
  return (
    protocolVersion === PROTOCOL_VERSION &&
    schemaVersion >= MIN_SCHEMA_VERSION &&
    schemaVersion <= SCHEMA_VERSION
  );
}
