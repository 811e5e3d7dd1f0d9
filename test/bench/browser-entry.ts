/**
 * Bench-only browser entry (bundled by bench.mjs with esbuild into test-results/bench/, served by the
 * Chromium bench on the app's origin, never part of the app's build): runs the app's own command path —
 * `runCommand(recordInvoice)`: row + per-buyer aggregate + outbox in one Dexie transaction — against the
 * REAL IndexedDB of the bench profile's workspace, with its 10 000 buyers / 200 000 invoices, and times each
 * write. The denominator is a raw `db.invoices.put` of a row of the same shape into the same table.
 * It writes into the workspace and leaves what it wrote: run it after the read-only figures, on a throwaway
 * profile.
 */
import { commands } from '../../shared/commands/registry';
import { runCommand } from '../../renderer/db/run-command';
import { listWorkspaces, openWorkspace } from '../../renderer/db/workspaces';
import { percentile } from './stats';

export type BrowserWriteFigures = {
  readonly writes: number;
  readonly buyersInWorkspace: number;
  readonly invoicesInWorkspace: number;
  readonly commandP50: number;
  readonly commandP95: number;
  readonly putP50: number;
  readonly putP95: number;
};

async function writes(options: {
  readonly writes: number;
  readonly warmups: number;
  readonly run: number;
}): Promise<BrowserWriteFigures> {
  const [entry] = await listWorkspaces();
  if (entry === undefined) throw new Error('no workspace in this profile');
  const db = await openWorkspace(entry.id);
  if (db === undefined) throw new Error('workspace database missing');
  const buyerIds = (await db.buyers.limit(50).primaryKeys()).map(String);
  if (buyerIds.length === 0) throw new Error('the workspace has no buyer');
  const invoicesInWorkspace = await db.invoices.count();
  const buyersInWorkspace = await db.buyers.count();
  const now = new Date().toISOString();
  const ctx = { actor: 'bench', now, today: now.slice(0, 10) };
  const fields = (id: string, index: number) => ({
    id,
    buyerId: buyerIds[index % buyerIds.length] ?? '',
    number: `BENCH-${id}`,
    issueDate: '2026-01-01',
    dueDate: '2026-02-15',
    amountHtCents: 10_000 + index,
    amountTtcCents: 12_000 + index,
    currency: 'EUR',
  });
  const commandTimes: number[] = [];
  for (let i = -options.warmups; i < options.writes; i += 1) {
    const id = `bench-w${options.run}-${i + options.warmups}`;
    const start = performance.now();
    const result = await runCommand(db, commands.recordInvoice, fields(id, i + options.warmups), ctx);
    const elapsed = performance.now() - start;
    if (!result.ok) throw new Error(result.error.message.en);
    if (i >= 0) commandTimes.push(elapsed);
  }
  const putTimes: number[] = [];
  for (let i = -options.warmups; i < options.writes; i += 1) {
    const id = `bench-p${options.run}-${i + options.warmups}`;
    const row = { ...fields(id, i + options.warmups), version: 1, updatedAt: now };
    const start = performance.now();
    await db.invoices.put(row);
    const elapsed = performance.now() - start;
    if (i >= 0) putTimes.push(elapsed);
  }
  db.close();
  return {
    writes: commandTimes.length,
    buyersInWorkspace,
    invoicesInWorkspace,
    commandP50: percentile(commandTimes, 50),
    commandP95: percentile(commandTimes, 95),
    putP50: percentile(putTimes, 50),
    putP95: percentile(putTimes, 95),
  };
}

Reflect.set(window, 'encoursBench', { writes });
