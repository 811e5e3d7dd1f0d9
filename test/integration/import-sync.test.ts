// Issue #5: an import reaches the team. A real FEC import is one command whose arguments are tens of MB;
// it must travel as parts under the server's body limit, and a second laptop must end with the same rows
// and the same import record — against a REAL server over loopback.
import { afterEach, describe, expect, it } from 'vitest';
import { COUNTED_ENTITIES, runImport } from '../../renderer/data/import/run-import';
import { DEFAULT_LIMITS } from '../../shared/sync/protocol';
import { generateFec } from '../support/fec-generator';
import type { Client, Team } from './sync-harness';
import { TODAY, entityDump, newClient, startTeam, syncAll } from './sync-harness';

const teams: Team[] = [];
const clients: Client[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) {
    await c.engine.stop();
    c.db.close();
  }
  for (const t of teams.splice(0)) await t.close();
});

describe('an imported ledger syncs', () => {
  it('~20 000 rows imported on one laptop reach a second one: same tables, same import record', async () => {
    const team = await startTeam();
    teams.push(team);
    const a = await newClient(team, 'a', (await team.invite('a')).token);
    clients.push(a);

    // 50 000 FEC lines: each invoice is 3 lines (411, 70x, 44571) and a payment 2, so ~20 000 ledger rows.
    const fec = generateFec({ lines: 50_000, seed: 5 });
    const outcome = await runImport(
      fec.bytes(),
      {
        db: a.db,
        fileName: '732829320FEC20251231.txt',
        kind: 'fec',
        actor: 'a',
        now: new Date().toISOString(),
        today: TODAY,
      },
      () => undefined,
    );
    expect(outcome.status).toBe('imported');
    const rows = (await Promise.all(COUNTED_ENTITIES.map((entity) => a.db.entities[entity].count()))).reduce(
      (sum, count) => sum + count,
      0,
    );
    expect(rows).toBeGreaterThan(15_000);

    // Every op under the server's body limit: the engine can push each of them.
    const ops = await a.db.outbox.toArray();
    expect(ops.length).toBeGreaterThan(1);
    for (const op of ops) expect(JSON.stringify(op.args).length).toBeLessThan(DEFAULT_LIMITS.maxBodyBytes);
    const [localRecord] = await a.db.imports.toArray();

    await syncAll([a], 1);
    expect(a.engine.getState()).toMatchObject({ status: 'idle', pendingOps: 0 });
    expect(await a.db.outbox.count()).toBe(0);

    const b = await newClient(team, 'b', (await team.invite('b')).token);
    clients.push(b);
    await syncAll([b, a], 1);
    expect(b.engine.getState().status).toBe('idle');

    const dumpA = await entityDump(a.db);
    const dumpB = await entityDump(b.db);
    expect(dumpB).toEqual(dumpA);
    // The same record as the client computed it: the whole import's counts, not the last part's.
    expect(dumpB['imports']).toHaveLength(1);
    expect(dumpB['imports']?.[0]).toMatchObject({
      id: localRecord?.id,
      fileName: localRecord?.fileName,
      counts: localRecord?.counts,
    });
    // The import created every row it holds: the counts' `created` is the plain row count above.
    expect(localRecord?.counts).toMatchObject({ created: rows, updated: 0, unchanged: 0 });
  });
});
