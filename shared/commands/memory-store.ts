/**
 * A plain in-memory store implementing `Reader` and applying changes, for tests and for any caller that
 * needs the command rules without a database. Indexes are matched by field name; a compound index
 * `[a+b]` compares the array of those fields.
 */
import type { z } from 'zod';
import { applyChange } from './define';
import type { Change, IndexValue, Reader } from './define';
import { ENTITY_NAMES, ENTITY_ROW_SCHEMAS } from './entities';
import type { EntityName, EntityRow } from './entities';

export type MemoryStore = {
  readonly reader: Reader;
  apply(changes: readonly Change[], now: string): void;
  rows<E extends EntityName>(entity: E): EntityRow<E>[];
};

function indexKey(row: Readonly<Record<string, unknown>>, index: string): unknown {
  const compound = /^\[(.+)\]$/.exec(index);
  if (compound?.[1] === undefined) return row[index];
  return compound[1].split('+').map((field) => row[field]);
}

function sameKey(a: unknown, b: IndexValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function createMemoryStore(): MemoryStore {
  const tables = new Map<EntityName, Map<string, unknown>>(
    ENTITY_NAMES.map((name) => [name, new Map<string, unknown>()]),
  );
  const table = (entity: EntityName): Map<string, unknown> =>
    tables.get(entity) ?? new Map<string, unknown>();
  // Rows go in through zod parsing, so reading them back as the entity's row type is checked, not assumed.
  const parse = <E extends EntityName>(entity: E, row: unknown): EntityRow<E> => {
    const schema: z.ZodType<EntityRow<E>> = ENTITY_ROW_SCHEMAS[entity];
    return schema.parse(row);
  };
  const reader: Reader = {
    get(entity, id) {
      const row = table(entity).get(id);
      return Promise.resolve(row === undefined ? undefined : parse(entity, row));
    },
    getMany(entity, ids) {
      return Promise.all(ids.map((id) => reader.get(entity, id)));
    },
    query(entity, where) {
      const rows = [...table(entity).values()].filter(
        (row) =>
          typeof row === 'object' &&
          row !== null &&
          sameKey(indexKey(Object.fromEntries(Object.entries(row)), where.index), where.equals),
      );
      return Promise.resolve(rows.map((row) => parse(entity, row)));
    },
  };
  return {
    reader,
    apply(changes, now) {
      for (const change of changes) {
        const rows = table(change.entity);
        const existing = rows.get(change.id);
        const next = applyChange(
          typeof existing === 'object' && existing !== null
            ? Object.fromEntries(Object.entries(existing))
            : undefined,
          change,
          now,
        );
        if (next === undefined) rows.delete(change.id);
        else rows.set(change.id, parse(change.entity, next));
      }
    },
    rows(entity) {
      return [...table(entity).values()].map((row) => parse(entity, row));
    },
  };
}
