/**
 * Benchmark: exposure + cover + alerts for a whole ledger (10 000 buyers / 200 000 invoices), against a bare
 * loop summing the same invoice amounts (architecture §6: figures printed with their denominator, not a
 * timed test). The data is generated from a seeded PRNG, so every run measures the same ledger.
 *
 * Run: `npx tsx test/bench/domain-exposure.bench.ts` (or import `run()`).
 */
import { pathToFileURL } from 'node:url';
import { alertsFor } from '../../shared/domain/alerts';
import { coverAsOf } from '../../shared/domain/cover';
import { exposureOf } from '../../shared/domain/exposure';
import type { BuyerLedger, Invoice, LimitDecision, Payment } from '../../shared/domain/model';
import { DEFAULT_POLICY } from '../../shared/domain/policy';
import { mulberry32 as prng } from '../support/prng';

export type BenchFigures = {
  readonly buyers: number;
  readonly invoices: number;
  readonly alerts: number;
  /** Median of the measured runs, milliseconds. */
  readonly domainMs: number;
  readonly bareLoopMs: number;
  readonly ratio: number;
};

const BASE_DAY = Date.UTC(2025, 0, 1);
const isoOf = (offset: number): string => new Date(BASE_DAY + offset * 86_400_000).toISOString().slice(0, 10);

export function generateLedgers(buyers: number, invoicesPerBuyer: number, seed = 42): BuyerLedger[] {
  const random = prng(seed);
  const int = (max: number): number => Math.floor(random() * max);
  const ledgers: BuyerLedger[] = [];
  for (let b = 0; b < buyers; b += 1) {
    const buyerId = `B${b}`;
    const invoices: Invoice[] = [];
    const payments: Payment[] = [];
    for (let i = 0; i < invoicesPerBuyer; i += 1) {
      const issue = int(540);
      const ht = 10_000 + int(2_000_000);
      const ttc = Math.round(ht * 1.2);
      const id = `${buyerId}-I${i}`;
      invoices.push({
        id,
        buyerId,
        number: `F${b}-${i}`,
        issueDate: isoOf(issue),
        deliveryDate: isoOf(issue),
        dueDate: isoOf(issue + (random() < 0.97 ? 30 + int(60) : 150)),
        amountHtCents: ht,
        amountTtcCents: ttc,
        currency: 'EUR',
        ...(random() < 0.02 ? { disputed: true } : {}),
      });
      const roll = random();
      if (roll < 0.6) {
        payments.push({
          id: `${id}-P`,
          buyerId,
          date: isoOf(issue + 20 + int(60)),
          amountCents: ttc,
          currency: 'EUR',
          invoiceId: id,
        });
      } else if (roll < 0.75) {
        payments.push({
          id: `${id}-P`,
          buyerId,
          date: isoOf(issue + 30 + int(90)),
          amountCents: Math.floor(ttc / 2),
          currency: 'EUR',
        });
      }
    }
    const limitDecisions: LimitDecision[] = [];
    const limitKind = random();
    if (limitKind < 0.8) {
      limitDecisions.push({
        id: `${buyerId}-L1`,
        buyerId,
        layer: 'named',
        kind: 'granted',
        decisionDate: '2025-01-01',
        effectiveDate: '2025-01-01',
        amountCents: 5_000_000 + int(20_000_000),
        currency: 'EUR',
      });
      if (random() < 0.2) {
        const day = 300 + int(200);
        limitDecisions.push({
          id: `${buyerId}-L2`,
          buyerId,
          layer: 'named',
          kind: random() < 0.8 ? 'reduced' : 'cancelled',
          decisionDate: isoOf(day),
          effectiveDate: isoOf(day + 30),
          amountCents: 2_000_000,
          currency: 'EUR',
        });
      }
    } else if (limitKind < 0.9) {
      limitDecisions.push({
        id: `${buyerId}-L1`,
        buyerId,
        layer: 'named',
        kind: 'refused',
        decisionDate: '2025-03-01',
        effectiveDate: '2025-03-01',
        amountCents: 0,
        currency: 'EUR',
      });
    }
    ledgers.push({
      buyer: { id: buyerId, name: `Client ${b}` },
      invoices,
      creditNotes: [],
      payments,
      limitDecisions,
    });
  }
  return ledgers;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export function run(
  options: { buyers?: number; invoicesPerBuyer?: number; repeats?: number } = {},
): BenchFigures {
  const buyers = options.buyers ?? 10_000;
  const invoicesPerBuyer = options.invoicesPerBuyer ?? 20;
  const repeats = options.repeats ?? 5;
  const ledgers = generateLedgers(buyers, invoicesPerBuyer);
  const asOf = '2026-06-30';
  const policy = DEFAULT_POLICY;

  let alertCount = 0;
  let sink = 0;
  const domain = (): void => {
    alertCount = 0;
    for (const ledger of ledgers) {
      const exposure = exposureOf(ledger, policy, asOf);
      const cover = coverAsOf(ledger, policy, asOf, exposure);
      alertCount += alertsFor(ledger, policy, asOf, { exposure, cover }).length;
      sink += cover.coveredCents;
    }
  };
  const bare = (): void => {
    let total = 0;
    for (const ledger of ledgers) {
      for (const invoice of ledger.invoices) total += invoice.amountTtcCents;
    }
    sink += total;
  };

  const time = (work: () => void): number => {
    work(); // warm-up: JIT and the deadline cache
    const runs: number[] = [];
    for (let i = 0; i < repeats; i += 1) {
      const start = performance.now();
      work();
      runs.push(performance.now() - start);
    }
    return median(runs);
  };
  const domainMs = time(domain);
  const bareLoopMs = time(bare);
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the loops from being optimised away');
  return {
    buyers,
    invoices: buyers * invoicesPerBuyer,
    alerts: alertCount,
    domainMs,
    bareLoopMs,
    ratio: domainMs / bareLoopMs,
  };
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  const figures = run();
  console.log(
    `exposure+cover+alerts: ${figures.buyers} buyers / ${figures.invoices} invoices: ${figures.domainMs.toFixed(0)} ms ` +
      `(${figures.alerts} alerts); bare sum loop: ${figures.bareLoopMs.toFixed(1)} ms; ` +
      `ratio ${figures.ratio.toFixed(0)}× (goal ≤ 5×)`,
  );
}
