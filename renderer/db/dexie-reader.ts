/**
 * The `Reader` of shared/commands over a Dexie database; inside a transaction it reads that transaction.
 *
 * Bulk reads are shaped for imports: `getMany` of thousands of ids first lists the table's primary keys (one
 * request) and fetches only the rows that exist — a first import asks for 100 000 ids of which none is
 * stored — and reads the whole table in one request when most of it is wanted anyway.
 *
 * `recordingReader` remembers every row (or absence) read through it, so that `runCommand` can apply the
 * command's changes over the rows the command already read instead of reading them a second time. Its
 * record is valid only until the transaction writes: it is consulted by the write step and then dropped.
 */
import type { IndexableType } from 'dexie';
import type { IndexValue, Reader } from '../../shared/commands/define';
import type { EntityName, EntityRow } from '../../shared/commands/entities';
import type { AppDB } from './app-db';

/** Below this many ids a plain `bulkGet` is cheaper than listing the table's keys first. */
const PREFILTER_MIN_IDS = 512;

function toIndexable(value: IndexValue): IndexableType {
  return typeof value === 'object' ? [...value] : value;
}

async function getMany<E extends EntityName>(
  db: AppDB,
  entity: E,
  ids: readonly string[],
): Promise<(EntityRow<E> | undefined)[]> {
  const table = db.entities[entity];
  if (ids.length < PREFILTER_MIN_IDS) return table.bulkGet([...ids]);
  const stored = new Set(await table.toCollection().primaryKeys());
  const wanted = [...new Set(ids.filter((id) => stored.has(id)))];
  if (wanted.length === 0) return ids.map(() => undefined);
  const byId = new Map<string, EntityRow<E>>();
  if (wanted.length * 2 >= stored.size) {
    // Most of the table is wanted: one `getAll` beats one `get` per row.
    for (const row of await table.toArray()) byId.set(row.id, row);
  } else {
    const rows = await table.bulkGet(wanted);
    rows.forEach((row) => {
      if (row !== undefined) byId.set(row.id, row);
    });
  }
  return ids.map((id) => byId.get(id));
}

export function dexieReader(db: AppDB): Reader {
  return {
    get: (entity, id) => db.entities[entity].get(id),
    getMany: (entity, ids) => getMany(db, entity, ids),
    query: (entity, where) =>
      db.entities[entity].where(where.index).equals(toIndexable(where.equals)).toArray(),
  };
}

/** Rows read so far, per entity and id; `undefined` records a row known to be absent. */
export type ReadRecord = {
  readonly [E in EntityName]: Map<string, EntityRow<E> | undefined>;
};

export function emptyReadRecord(): ReadRecord {
  return {
    buyers: new Map(),
    limitDecisions: new Map(),
    invoices: new Map(),
    payments: new Map(),
    creditNotes: new Map(),
    claims: new Map(),
    claimEvents: new Map(),
    policy: new Map(),
    attachments: new Map(),
    imports: new Map(),
    alertStates: new Map(),
    company: new Map(),
  };
}

/** A reader that notes every row it returns by id (query results included) in `record`. */
export function recordingReader(inner: Reader, record: ReadRecord): Reader {
  return {
    async get(entity, id) {
      const row = await inner.get(entity, id);
      record[entity].set(id, row);
      return row;
    },
    async getMany(entity, ids) {
      const rows = await inner.getMany(entity, ids);
      const seen = record[entity];
      ids.forEach((id, index) => seen.set(id, rows[index]));
      return rows;
    },
    async query(entity, where) {
      const rows = await inner.query(entity, where);
      const seen = record[entity];
      for (const row of rows) seen.set(row.id, row);
      return rows;
    },
  };
}
