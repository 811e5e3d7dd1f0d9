// Seeded randomized convergence (issue #5): random commands on several clients, random disconnects, lost
// answers, partial syncs and server restarts (close and reopen the same SQLite folder); once everyone is
// back online and synced, every client database equals the server's rows. The seed is printed; replay one
// with `SYNC_SEED=<seed> npx vitest run --project integration`.
import { afterAll, expect, it } from 'vitest';
import { ENTITY_NAMES } from '../../shared/commands/entities';
import { commands } from '../../shared/commands/registry';
import { snapshotResponseSchema } from '../../shared/sync/protocol';
import type { Client, Team } from './sync-harness';
import { buyer, decision, entityDump, invoice, newClient, startTeam, syncAll } from './sync-harness';

/** mulberry32: a small, well-distributed 32-bit PRNG; the same seed gives the same run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seed = Number(process.env['SYNC_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const CLIENTS = 3;
const STEPS = 120;

let team: Team | undefined;
const clients: Client[] = [];
afterAll(async () => {
  for (const c of clients) {
    await c.engine.stop();
    c.db.close();
  }
  await team?.close();
});

/** The server's rows through a full snapshot, shaped like `entityDump`. */
async function serverDump(t: Team): Promise<Record<string, unknown[]>> {
  const answer = await fetch(`${t.address()}/v1/workspaces/${t.ws}/snapshot?limit=5000`, {
    headers: { authorization: `Bearer ${t.ownerToken}` },
  });
  const page = snapshotResponseSchema.parse(await answer.json());
  expect(page.hasMore).toBe(false);
  const dump: Record<string, unknown[]> = Object.fromEntries(ENTITY_NAMES.map((entity) => [entity, []]));
  for (const row of page.rows) dump[row.entity]?.push(row.fields);
  for (const rows of Object.values(dump)) {
    rows.sort((a, b) => {
      const ida = typeof a === 'object' && a !== null && 'id' in a ? String(a.id) : '';
      const idb = typeof b === 'object' && b !== null && 'id' in b ? String(b.id) : '';
      return ida < idb ? -1 : ida > idb ? 1 : 0;
    });
  }
  return dump;
}

it(`random operations, disconnects and server restarts converge (seed ${seed})`, async () => {
  console.log(`SYNC_SEED=${seed}`);
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
  team = await startTeam();
  const t = team;
  for (let i = 0; i < CLIENTS; i++) {
    const token = i === 0 ? t.ownerToken : (await t.invite(`c${i}`)).token;
    clients.push(await newClient(t, `c${i}`, token, { snapshotPageSize: 7, pullPageSize: 5 }));
  }
  let counter = 0;
  const trace: string[] = [];

  async function localOp(c: Client): Promise<void> {
    const buyers = await c.db.buyers.toArray();
    const invoices = await c.db.invoices.toArray();
    const someBuyer = pick(buyers);
    const someInvoice = pick(invoices);
    const n = ++counter;
    const choice = random();
    try {
      if (choice < 0.2 || someBuyer === undefined) {
        // Now and then two clients create the same id: the second is rejected by the server.
        const id = random() < 0.15 ? `shared-${Math.floor(random() * 3)}` : `b${n}`;
        if (buyers.some((b) => b.id === id)) return;
        trace.push(`${c.name} createBuyer ${id}`);
        await c.run(commands.createBuyer, buyer(id));
      } else if (choice < 0.35) {
        const patch = random() < 0.5 ? { name: `Nom ${n}` } : { country: pick(['FR', 'BE', 'DE']) ?? 'FR' };
        trace.push(`${c.name} updateBuyer ${someBuyer.id}`);
        await c.run(commands.updateBuyer, { id: someBuyer.id, patch });
      } else if (choice < 0.55) {
        trace.push(`${c.name} recordInvoice i${n} → ${someBuyer.id}`);
        await c.run(
          commands.recordInvoice,
          invoice(`i${n}`, someBuyer.id, 1000 * (1 + Math.floor(random() * 500))),
        );
      } else if (choice < 0.65 && someInvoice !== undefined) {
        const amount = 1000 * (1 + Math.floor(random() * 500));
        trace.push(`${c.name} updateInvoice ${someInvoice.id}`);
        await c.run(commands.updateInvoice, {
          id: someInvoice.id,
          patch: { amountHtCents: amount, amountTtcCents: amount + amount / 5 },
        });
      } else if (choice < 0.72 && someInvoice !== undefined) {
        trace.push(`${c.name} setInvoiceDispute ${someInvoice.id}`);
        await c.run(commands.setInvoiceDispute, { id: someInvoice.id, disputed: random() < 0.5 });
      } else if (choice < 0.78 && someInvoice !== undefined) {
        trace.push(`${c.name} deleteInvoice ${someInvoice.id}`);
        await c.run(commands.deleteInvoice, { id: someInvoice.id });
      } else {
        trace.push(`${c.name} recordLimitDecision d${n} → ${someBuyer.id}`);
        await c.run(
          commands.recordLimitDecision,
          decision(
            `d${n}`,
            someBuyer.id,
            100_000 * (1 + Math.floor(random() * 50)),
            someBuyer.limitHistoryVersion,
          ),
        );
      }
    } catch (error) {
      // A command the local rules refuse is simply not recorded (like a form that says no).
      trace.push(`  refused: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  for (let step = 0; step < STEPS; step++) {
    const c = pick(clients);
    if (c === undefined) break;
    const roll = random();
    if (roll < 0.6) {
      await localOp(c);
    } else if (roll < 0.88) {
      const losing = random() < 0.2;
      c.network.loseAnswer = losing ? (url) => url.endsWith('/push') || url.includes('/pull?') : undefined;
      trace.push(
        `${c.name} sync${c.network.isOffline ? ' (offline)' : ''}${losing ? ' (answers lost)' : ''}`,
      );
      const state = await c.engine.syncNow();
      expect(['idle', 'offline', 'error']).toContain(state.status);
      c.network.loseAnswer = undefined;
    } else if (roll < 0.96) {
      c.network.isOffline = !c.network.isOffline;
      trace.push(`${c.name} ${c.network.isOffline ? 'goes offline' : 'back online'}`);
    } else {
      trace.push('server restart');
      await t.restart();
    }
  }

  for (const c of clients) c.network.isOffline = false;
  try {
    await syncAll(clients, 3);
    const expected = await serverDump(t);
    for (const c of clients) {
      expect(await c.db.outbox.count()).toBe(0);
      expect(await entityDump(c.db)).toEqual(expected);
    }
  } catch (error) {
    console.log(`SYNC_SEED=${seed} failed; trace:\n${trace.join('\n')}`);
    throw error;
  }
}, 80_000);
