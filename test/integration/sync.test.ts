// The client sync engine against a REAL server over loopback HTTP (architecture §5, issue #5 "Tests").
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../shared/commands/registry';
import { META_ID } from '../../renderer/db/app-db';
import type { Client, Team } from './sync-harness';
import { buyer, decision, entityDump, invoice, newClient, startTeam, syncAll } from './sync-harness';

const teams: Team[] = [];
const clients: Client[] = [];

async function team(): Promise<Team> {
  const started = await startTeam();
  teams.push(started);
  return started;
}

async function client(t: Team, name: string, token?: string, extra = {}): Promise<Client> {
  const created = await newClient(t, name, token ?? (await t.invite(name)).token, extra);
  clients.push(created);
  return created;
}

afterEach(async () => {
  for (const c of clients.splice(0)) {
    await c.engine.stop();
    c.db.close();
  }
  for (const t of teams.splice(0)) await t.close();
});

describe('sync engine ↔ real server', () => {
  it.each([2, 3])('%i clients editing offline then syncing end with identical databases', async (count) => {
    const t = await team();
    const group: Client[] = [];
    for (let i = 0; i < count; i++) group.push(await client(t, `c${i}`));
    // Offline edits: each client creates its own buyer with two invoices.
    for (const [i, c] of group.entries()) {
      c.network.isOffline = true;
      await c.run(commands.createBuyer, buyer(`b${i}`));
      await c.run(commands.recordInvoice, invoice(`i${i}a`, `b${i}`));
      await c.run(commands.recordInvoice, invoice(`i${i}b`, `b${i}`, 250_000));
      expect((await c.engine.syncNow()).status).toBe('offline');
    }
    for (const c of group) c.network.isOffline = false;
    await syncAll(group);

    const [head] = group;
    if (head === undefined) throw new Error('no client');
    const first = await entityDump(head.db);
    expect(first['buyers']?.length).toBe(count);
    expect(first['invoices']?.length).toBe(2 * count);
    for (const c of group) {
      expect(await entityDump(c.db)).toEqual(first);
      expect(await c.db.outbox.count()).toBe(0);
      expect(c.engine.getState()).toMatchObject({ status: 'idle', pendingOps: 0 });
    }
    // Aggregates follow the pulled rows: under the default policy (cover basis HT) b0's exposure is the HT
    // sum of its two unpaid invoices, 1 000,00 € + 2 500,00 € = 3 500,00 €, on every client.
    for (const c of group) {
      const aggregate = await c.db.buyerAggregates.get('b0');
      expect(aggregate?.exposureCents).toBe(100_000 + 250_000);
    }
  });

  it('different fields of one buyer changed on two clients are both kept', async () => {
    const t = await team();
    const a = await client(t, 'a');
    const b = await client(t, 'b');
    await a.run(commands.createBuyer, buyer('b1', 'Dupont'));
    await syncAll([a, b]);
    await a.run(commands.updateBuyer, { id: 'b1', patch: { name: 'Dupont SARL' } });
    await b.run(commands.updateBuyer, { id: 'b1', patch: { country: 'BE', paymentTermsDays: 45 } });
    await syncAll([a, b]);
    for (const c of [a, b]) {
      expect(await c.db.buyers.get('b1')).toMatchObject({
        name: 'Dupont SARL',
        nameKey: 'dupont sarl',
        country: 'BE',
        paymentTermsDays: 45,
      });
    }
    expect(await entityDump(a.db)).toEqual(await entityDump(b.db));
  });

  it('the same credit limit from the same base: one applied, one conflict recorded locally, nothing lost', async () => {
    const t = await team();
    const a = await client(t, 'a');
    const b = await client(t, 'b');
    await a.run(commands.createBuyer, buyer('b1'));
    await syncAll([a, b]);
    await a.run(commands.recordLimitDecision, decision('d-a', 'b1', 5_000_000, 0));
    await b.run(commands.recordLimitDecision, decision('d-b', 'b1', 7_000_000, 0));
    // B sees its own decision while offline.
    expect((await b.db.limitDecisions.get('d-b'))?.amountCents).toBe(7_000_000);
    await syncAll([a, b]);

    for (const c of [a, b]) {
      expect((await c.db.limitDecisions.toArray()).map((d) => [d.id, d.amountCents])).toEqual([
        ['d-a', 5_000_000],
      ]);
      expect((await c.db.buyers.get('b1'))?.limitHistoryVersion).toBe(1);
      expect((await c.db.buyerAggregates.get('b1'))?.limitCents).toBe(5_000_000);
      expect(await c.db.outbox.count()).toBe(0);
    }
    expect(await a.db.conflicts.count()).toBe(0);
    const [conflict] = await b.db.conflicts.toArray();
    expect(conflict).toMatchObject({
      command: 'recordLimitDecision',
      status: 'conflict',
      reasonCode: 'conflict',
    });
    // Both values: B's own decision (its arguments) and the server's (A's decision).
    expect(conflict?.args).toMatchObject({ decision: { id: 'd-b', amountCents: 7_000_000 } });
    const serverDecision = conflict?.serverChanges?.find((change) => change.entity === 'limitDecisions');
    expect(serverDecision && 'fields' in serverDecision ? serverDecision.fields['amountCents'] : null).toBe(
      5_000_000,
    );
    expect(await entityDump(a.db)).toEqual(await entityDump(b.db));
  });

  it('a lost acknowledgement then a retry: no duplicate row nor change', async () => {
    const t = await team();
    const a = await client(t, 'a');
    const b = await client(t, 'b');
    let lost = 0;
    a.network.loseAnswer = (url) => url.endsWith('/push') && lost++ === 0;
    await a.run(commands.createBuyer, buyer('b1'));
    await a.run(commands.recordInvoice, invoice('i1', 'b1'));
    const failed = await a.engine.syncNow();
    expect(failed.status).toBe('offline');
    expect(await a.db.outbox.count()).toBe(2);
    // The server did apply the push whose answer was lost.
    expect((await t.server().storage.countRows(t.ws)).rows).toBe(2);

    await syncAll([a, b]);
    expect(await a.db.outbox.count()).toBe(0);
    const counts = await t.server().storage.countRows(t.ws);
    // Two rows, two change rows and two ops: the retry was answered `duplicate` with no effect.
    expect(counts).toEqual({ rows: 2, changes: 2, ops: 2 });
    expect(await a.db.conflicts.count()).toBe(0);
    expect(await entityDump(a.db)).toEqual(await entityDump(b.db));
  });

  it('a revoked token: 401, engine paused with its outbox intact', async () => {
    const t = await team();
    const device = await t.invite('x');
    const a = await client(t, 'a', device.token);
    await a.run(commands.createBuyer, buyer('b1'));
    await syncAll([a]);
    expect(await t.revoke(device.deviceId)).toBe(200);
    await a.run(commands.updateBuyer, { id: 'b1', patch: { name: 'Renamed' } });
    const state = await a.engine.syncNow();
    expect(state.status).toBe('paused');
    expect(state.error?.code).toBe('unauthorized');
    expect(state.error?.message.fr).toMatch(/révoqué/);
    expect(await a.db.outbox.count()).toBe(1);
    expect((await a.db.buyers.get('b1'))?.name).toBe('Renamed');
    // Paused means paused: another request changes nothing and sends nothing.
    const sent = a.network.requests.length;
    expect((await a.engine.syncNow()).status).toBe('paused');
    expect(a.network.requests.length).toBe(sent);
  });

  it('426 (version not supported): paused, outbox kept', async () => {
    const t = await team();
    const a = await client(t, 'a');
    // The real server answers 426 to a protocol it does not speak.
    a.network.rewrite = (url, init) =>
      url.endsWith('/push') && typeof init.body === 'string'
        ? { ...init, body: init.body.replace('"protocolVersion":1', '"protocolVersion":99') }
        : init;
    await a.run(commands.createBuyer, buyer('b1'));
    const state = await a.engine.syncNow();
    expect(state).toMatchObject({ status: 'paused', error: { code: 'version-not-supported' } });
    expect(await a.db.outbox.count()).toBe(1);
    // After an update (here: the rewrite removed) and resume, the kept op goes through.
    a.network.rewrite = undefined;
    a.engine.resume();
    expect((await a.engine.syncNow()).status).toBe('idle');
    expect(await a.db.outbox.count()).toBe(0);
  });

  it('a new device bootstraps by small pages and resumes an interrupted bootstrap', async () => {
    const t = await team();
    const a = await client(t, 'a');
    for (let n = 0; n < 25; n++) await a.run(commands.createBuyer, buyer(`b${String(n).padStart(2, '0')}`));
    await a.run(commands.recordInvoice, invoice('i1', 'b03'));
    await syncAll([a]);

    const c = await client(t, 'c', undefined, { snapshotPageSize: 4 });
    let snapshots = 0;
    c.network.rewrite = (url, init) => {
      if (url.includes('/snapshot') && ++snapshots > 3) throw new TypeError('cable pulled');
      return init;
    };
    expect((await c.engine.syncNow()).status).toBe('offline');
    // Three pages of four rows landed; the cursor of the fourth is kept.
    expect(await c.db.buyers.count()).toBe(12);
    const meta = await c.db.meta.get(META_ID);
    expect(meta?.sync?.bootstrap?.after).toBe('buyers/b11');
    expect(meta?.sync?.isBootstrapped).toBe(false);

    // Meanwhile A keeps writing (after the snapshot's atSeq): pulled after the bootstrap.
    await a.run(commands.updateBuyer, { id: 'b00', patch: { name: 'Premier' } });
    await syncAll([a]);

    c.network.rewrite = undefined;
    await c.reopen({ snapshotPageSize: 4 });
    await syncAll([c]);
    const snapshotCalls = c.network.requests.filter((r) => r.includes('/snapshot'));
    // One call without a cursor (the start), every other resumed with `after`: nothing was downloaded twice.
    expect(snapshotCalls.filter((r) => !r.includes('after=')).length).toBe(1);
    // 26 rows in pages of 4 = 7 pages: 3 fetched, 1 cut off, then the resume fetched pages 4 to 7.
    expect(snapshotCalls.length).toBe(3 + 1 + 4);
    expect((await c.db.buyers.get('b00'))?.name).toBe('Premier');
    expect(await entityDump(c.db)).toEqual(await entityDump(a.db));
  });
});
