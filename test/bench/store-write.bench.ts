/**
 * Store write benchmark: p50/p95 of a user write (`recordInvoice` through runCommand: row + aggregate +
 * outbox, one transaction) over 1 000 writes, against a raw `db.invoices.put` as the denominator.
 * Runs on fake-indexeddb in Node — NOT Chromium; the Chromium figure comes from the Playwright bench.
 * Run: npx tsx test/bench/store-write.bench.ts
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { commands } from '../../shared/commands/registry';
import { openAppDb } from '../../renderer/db/open-db';
import { runCommand } from '../../renderer/db/run-command';

const WRITES = 1000;
const BUYERS = 50;
const CTX = { actor: 'bench', now: '2026-03-01T09:00:00.000Z', today: '2026-03-01' };

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function invoice(index: number) {
  return {
    id: `i${index}`,
    buyerId: `b${index % BUYERS}`,
    number: `F-${index}`,
    issueDate: '2026-01-01',
    dueDate: '2026-02-15',
    amountHtCents: 10_000 + index,
    amountTtcCents: 12_000 + index,
    currency: 'EUR',
  };
}

export async function run(writes = WRITES): Promise<{
  commandP50: number;
  commandP95: number;
  putP50: number;
  putP95: number;
}> {
  const db = await openAppDb(`bench-${Date.now()}`);
  for (let b = 0; b < BUYERS; b++)
    await runCommand(db, commands.createBuyer, { id: `b${b}`, name: `Client ${b}` }, CTX);
  const commandTimes: number[] = [];
  for (let i = 0; i < writes; i++) {
    const start = performance.now();
    const result = await runCommand(db, commands.recordInvoice, invoice(i), CTX);
    commandTimes.push(performance.now() - start);
    if (!result.ok) throw new Error(result.error.message.en);
  }
  const putTimes: number[] = [];
  for (let i = 0; i < writes; i++) {
    const row = { ...invoice(writes + i), version: 1, updatedAt: CTX.now };
    const start = performance.now();
    await db.invoices.put(row);
    putTimes.push(performance.now() - start);
  }
  db.close();
  const figures = {
    commandP50: percentile(commandTimes, 50),
    commandP95: percentile(commandTimes, 95),
    putP50: percentile(putTimes, 50),
    putP95: percentile(putTimes, 95),
  };
  return figures;
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const figures = await run();
  console.log('store-write bench — fake-indexeddb in Node, NOT Chromium (the Chromium figure comes later)');
  console.log(
    `  ${WRITES} recordInvoice writes over ${BUYERS} buyers (~${WRITES / BUYERS} invoices each at the end)`,
  );
  console.log(
    `  user write (row + aggregate + outbox): p50 ${figures.commandP50.toFixed(2)} ms, p95 ${figures.commandP95.toFixed(2)} ms`,
  );
  console.log(
    `  raw db.invoices.put:                   p50 ${figures.putP50.toFixed(2)} ms, p95 ${figures.putP95.toFixed(2)} ms`,
  );
  console.log(`  ratio p95 command / p95 put: ${(figures.commandP95 / figures.putP95).toFixed(1)}×`);
}
