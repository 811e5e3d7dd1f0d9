/**
 * Messages between the Import screen (main thread) and the import worker. Both sides parse what they receive
 * with these schemas: a message is data from another realm, never trusted by its type alone.
 */
import { z } from 'zod';
import { IMPORT_ERROR_CODES } from '../../../shared/import/import-errors';
import { IMPORT_KINDS } from './run-import';
import type { ImportOutcome, ImportProgress } from './run-import';

export const startMessageSchema = z.object({
  type: z.literal('start'),
  workspaceId: z.string().min(1),
  bytes: z.instanceof(ArrayBuffer),
  fileName: z.string(),
  kind: z.enum(IMPORT_KINDS),
  mapping: z.record(z.string(), z.number().int().nonnegative()).optional(),
  actor: z.string(),
  now: z.string(),
  today: z.string(),
});
export type StartMessage = z.infer<typeof startMessageSchema>;

export const workerRequestSchema = z.discriminatedUnion('type', [
  startMessageSchema,
  z.object({ type: z.literal('cancel') }),
]);
export type WorkerRequest = z.infer<typeof workerRequestSchema>;

const localized = z.object({ fr: z.string(), en: z.string() });
const entityCounts = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
});

const outcomeSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('imported'),
    importId: z.string(),
    counts: z.object({
      buyers: entityCounts,
      invoices: entityCounts,
      payments: entityCounts,
      creditNotes: entityCounts,
      limitDecisions: entityCounts,
    }),
    droppedOpeningEntries: z.number(),
  }),
  z.object({ status: z.literal('already-imported'), importId: z.string(), importedAt: z.string() }),
  z.object({
    status: z.literal('rejected'),
    errors: z
      .array(
        z.object({
          code: z.enum(IMPORT_ERROR_CODES),
          line: z.number().optional(),
          field: z.string().optional(),
          message: localized,
        }),
      )
      .readonly(),
  }),
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('failed'), message: localized }),
]) satisfies z.ZodType<ImportOutcome>;

export const workerResponseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('started'), importId: z.string() }),
  z.object({
    type: z.literal('progress'),
    phase: z.enum(['decode', 'parse', 'normalise', 'write']),
    done: z.number(),
    total: z.number(),
  }) satisfies z.ZodType<ImportProgress & { type: 'progress' }>,
  z.object({ type: z.literal('done'), outcome: outcomeSchema }),
]);
export type WorkerResponse = z.infer<typeof workerResponseSchema>;
