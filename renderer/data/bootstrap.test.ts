import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { workspaceDbName } from '../db/app-db';
import { SCHEMA_VERSIONS } from '../db/schema-versions';
import { DEFAULT_WORKSPACE_NAME, localIsoDate, openCurrentWorkspace } from './bootstrap';

describe('openCurrentWorkspace', () => {
  it('creates "Mon entreprise" on first run, then reopens the same workspace', async () => {
    localStorage.clear();
    const first = await openCurrentWorkspace(new Date(2026, 10, 25, 0, 30));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.name).toBe(DEFAULT_WORKSPACE_NAME);
    // 25 November 2026, 00:30 local time: the local date, whatever UTC says.
    expect(first.workspace.today).toBe('2026-11-25');
    first.workspace.db.close();
    const second = await openCurrentWorkspace(new Date(2026, 10, 26, 9, 0));
    expect(second.ok && second.workspace.db.workspaceId).toBe(first.workspace.db.workspaceId);
    expect(second.ok && second.workspace.actor).toBe(first.workspace.actor);
    if (second.ok) second.workspace.db.close();
  });

  it('reports database-newer-than-app without writing when the workspace comes from a newer app', async () => {
    localStorage.clear();
    const first = await openCurrentWorkspace(new Date(2026, 10, 25));
    if (!first.ok) throw new Error('first run failed');
    const id = first.workspace.db.workspaceId;
    first.workspace.db.close();
    // A future app upgraded this database with one more table.
    const future = new Dexie(workspaceDbName(id));
    for (const entry of SCHEMA_VERSIONS) future.version(entry.version).stores(entry.stores);
    future.version(99).stores({ notes: 'id' });
    await future.open();
    future.close();

    const result = await openCurrentWorkspace(new Date(2026, 10, 25));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('database-newer-than-app');
  });

  it.each([
    [new Date(2026, 0, 1, 0, 0), '2026-01-01'],
    [new Date(2026, 11, 31, 23, 59), '2026-12-31'],
  ])('localIsoDate(%s) is %s', (date, expected) => {
    expect(localIsoDate(date)).toBe(expected);
  });
});
