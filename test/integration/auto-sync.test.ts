// The sync engine in AUTO mode (as the app runs it) against a REAL server over loopback: no `syncNow()`.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commands } from '../../shared/commands/registry';
import type { Client, Team } from './sync-harness';
import { buyer, invoice, newClient, startTeam } from './sync-harness';

const teams: Team[] = [];
const clients: Client[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) {
    await c.engine.stop();
    c.db.close();
  }
  for (const t of teams.splice(0)) await t.close();
});

const AUTO = { mode: 'auto', debounceMs: 20, pollIntervalMs: 150 } as const;
const WAIT = { timeout: 10_000, interval: 25 };

describe('sync engine in auto mode ↔ real server', () => {
  it('pushes a local command by itself, and receives another client’s change by polling', async () => {
    const team = await startTeam();
    teams.push(team);
    const auto = await newClient(team, 'auto', (await team.invite('auto')).token, AUTO);
    const other = await newClient(team, 'other', (await team.invite('other')).token);
    clients.push(auto, other);

    // Wait for the first (bootstrap) cycle, so the push below is triggered by the write alone.
    await vi.waitFor(() => {
      expect(auto.engine.getState().lastSyncAt).not.toBeNull();
    }, WAIT);
    const before = auto.network.requests.filter((url) => url.endsWith('/push')).length;

    await auto.run(commands.createBuyer, buyer('b1', 'Dupont SAS'));
    await auto.run(commands.recordInvoice, invoice('i1', 'b1'));
    await vi.waitFor(async () => {
      expect(await auto.db.outbox.count()).toBe(0);
    }, WAIT);
    expect(auto.network.requests.filter((url) => url.endsWith('/push')).length).toBeGreaterThan(before);
    expect(auto.engine.getState()).toMatchObject({ pendingOps: 0, isLeader: true });

    // The other client (manual) sees what the auto client pushed on its own.
    await other.engine.syncNow();
    expect(await other.db.buyers.get('b1')).toMatchObject({ name: 'Dupont SAS' });
    expect(await other.db.invoices.get('i1')).toMatchObject({ amountHtCents: 100_000 });

    // A change made on the other client arrives at the auto client by polling alone.
    await other.run(commands.updateBuyer, { id: 'b1', patch: { name: 'Dupont SARL' } });
    await other.run(commands.createBuyer, buyer('b2', 'Martin'));
    expect((await other.engine.syncNow()).status).toBe('idle');
    await vi.waitFor(async () => {
      expect(await auto.db.buyers.get('b2')).toMatchObject({ name: 'Martin' });
      expect(await auto.db.buyers.get('b1')).toMatchObject({ name: 'Dupont SARL' });
    }, WAIT);
    expect(auto.engine.getState().status).not.toBe('error');
  });

  it('retries by itself after the server was unreachable, without a new local write', async () => {
    const team = await startTeam();
    teams.push(team);
    const auto = await newClient(team, 'auto', (await team.invite('auto')).token, {
      ...AUTO,
      backoff: { baseMs: 30, maxMs: 200 },
    });
    clients.push(auto);
    auto.network.isOffline = true;
    await auto.run(commands.createBuyer, buyer('b1'));
    await vi.waitFor(() => {
      expect(auto.engine.getState().status).toBe('offline');
    }, WAIT);
    expect(await auto.db.outbox.count()).toBe(1);
    auto.network.isOffline = false;
    await vi.waitFor(async () => {
      expect(await auto.db.outbox.count()).toBe(0);
      expect(auto.engine.getState().status).toBe('idle');
    }, WAIT);
  });
});
