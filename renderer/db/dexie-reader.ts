/** The `Reader` of shared/commands over a Dexie database; inside a transaction it reads that transaction. */
import type { IndexableType } from 'dexie';
import type { IndexValue, Reader } from '../../shared/commands/define';
import type { AppDB } from './app-db';

function toIndexable(value: IndexValue): IndexableType {
  return typeof value === 'object' ? [...value] : value;
}

export function dexieReader(db: AppDB): Reader {
  return {
    get: (entity, id) => db.entities[entity].get(id),
    getMany: (entity, ids) => db.entities[entity].bulkGet([...ids]),
    query: (entity, where) =>
      db.entities[entity].where(where.index).equals(toIndexable(where.equals)).toArray(),
  };
}
