/**
 * What a command is: a name, a zod schema for its arguments and a pure `execute` that reads through a small
 * async `Reader` and returns the changes to write (or a coded rejection). The same command runs in the
 * renderer (over a Dexie transaction) and on the sync server (over its database), so nothing here knows
 * about storage.
 *
 * Invariants: `execute` never writes; it returns every change it wants. A change carries the fields to set
 * (a field-level patch: `null` clears an optional field) or `deleted: true`. `version` and `updatedAt` are
 * stamped by whoever applies the change (`applyChange`), never by the command.
 */
import type { z } from 'zod';
import type { LocalizedText } from '../domain/types';
import type { EntityName, EntityRow } from './entities';

export type IndexValue = string | number | readonly (string | number)[];

/** Async reads a command may make. `query` looks rows up by a secondary index. */
export type Reader = {
  get<E extends EntityName>(entity: E, id: string): Promise<EntityRow<E> | undefined>;
  /** Same order as `ids`; `undefined` where a row is missing. */
  getMany<E extends EntityName>(entity: E, ids: readonly string[]): Promise<(EntityRow<E> | undefined)[]>;
  query<E extends EntityName>(
    entity: E,
    where: { readonly index: string; readonly equals: IndexValue },
  ): Promise<EntityRow<E>[]>;
};

export type CommandContext = {
  readonly reader: Reader;
  /** User id or name, for audit. */
  readonly actor: string;
  readonly clientId: string;
  /** ISO timestamp of the command, for audit only. */
  readonly now: string;
};

/** Pull format of architecture §5 without `seq`/`version`, which the applier allocates. */
export type Change =
  | { readonly entity: EntityName; readonly id: string; readonly fields: Readonly<Record<string, unknown>> }
  | { readonly entity: EntityName; readonly id: string; readonly deleted: true };

export type RejectionCode = 'not-found' | 'conflict' | 'invalid' | 'already-exists';

export type Rejection = { readonly code: RejectionCode; readonly message: LocalizedText };

export type CommandResult =
  | { readonly ok: true; readonly changes: readonly Change[] }
  | { readonly ok: false; readonly rejected: Rejection };

export type Command<Name extends string, Schema extends z.ZodType> = {
  readonly name: Name;
  readonly args: Schema;
  /** Guarded commands carry `baseVersion` in their arguments; a stale one is a conflict (architecture §5). */
  readonly guarded?: true;
  execute(ctx: CommandContext, args: z.output<Schema>): Promise<CommandResult>;
  /**
   * How the arguments travel to the server when one op would be too large for a push body (an import of a
   * whole FEC): the arguments of several ops, in order, each under `maxBytes` of JSON where a single row
   * allows it, each valid on its own and applicable by the server after the ones before it. Applying them
   * in order must leave the server with the rows `execute(args)` left the client with. `changes` are what
   * `execute(args)` returned on the client, for a split that carries client-side outcomes (an import's
   * counts). Absent, or one element returned: one op with `args` as they are.
   */
  splitForSync?(args: z.output<Schema>, changes: readonly Change[], maxBytes: number): z.output<Schema>[];
};

/**
 * JSON size an outbox op's arguments aim to stay under: a quarter of the protocol's default `maxBodyBytes`
 * (1 MiB), so a push batch still holds several ops plus their envelope.
 */
export const SYNC_OP_TARGET_BYTES = 256 * 1024;

/** UTF-8 byte length of a string, without `TextEncoder` allocations (called once per imported row). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair is one 4-byte code point.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function defineCommand<Name extends string, Schema extends z.ZodType>(
  command: Command<Name, Schema>,
): Command<Name, Schema> {
  return command;
}

export function accept(changes: readonly Change[]): CommandResult {
  return { ok: true, changes };
}

export function reject(code: RejectionCode, fr: string, en: string): CommandResult {
  return { ok: false, rejected: { code, message: { fr, en } } };
}

export function isDeletion(change: Change): change is Extract<Change, { deleted: true }> {
  return 'deleted' in change;
}

/**
 * The row after a change: fields merged over the existing row (`null` removes a field), `version` + 1,
 * `updatedAt` stamped. Returns `undefined` for a deletion.
 */
export function applyChange(
  existing: Readonly<Record<string, unknown>> | undefined,
  change: Change,
  now: string,
): Record<string, unknown> | undefined {
  if (isDeletion(change)) return undefined;
  const cleared = new Set(
    Object.entries(change.fields)
      .filter(([, value]) => value === null || value === undefined)
      .map(([key]) => key),
  );
  const row: Record<string, unknown> = Object.fromEntries(
    Object.entries({ ...existing, ...change.fields }).filter(([key]) => !cleared.has(key)),
  );
  const previous = existing?.['version'];
  row['id'] = change.id;
  row['version'] = typeof previous === 'number' ? previous + 1 : 1;
  row['updatedAt'] = now;
  return row;
}

/** True when applying `fields` over `existing` would change nothing (idempotent imports write nothing). */
export function isNoOp(
  existing: Readonly<Record<string, unknown>> | undefined,
  fields: Readonly<Record<string, unknown>>,
): boolean {
  if (existing === undefined) return false;
  return Object.entries(fields).every(([key, value]) =>
    value === null || value === undefined ? !(key in existing) : sameValue(existing[key], value),
  );
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
