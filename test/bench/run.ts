/**
 * `npm run bench [-- --quick]`: every performance figure of the project, in Node and in Chromium, each with
 * its denominator (the bare baseline or the peer measured in the same run) and its goal, printed as a
 * Markdown table (the README's « Performance » section shows the latest full one) and saved with the
 * machine's description to bench/results.json.
 * Benchmarks are measurements, not tests: a slow figure never fails the run. A benchmark that THROWS does
 * (exit code 1, after the others have run), so CI's `--quick` run notices a broken one.
 * `--quick`: reduced sizes and fewer runs, a few minutes at most; full sizes otherwise.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { run as runChromiumApp, chromiumVersion } from './chromium-app.bench';
import { run as runDomainExposure } from './domain-exposure.bench';
import { run as runFecParse } from './fec-parse.bench';
import { run as runImportChromium } from './import-chromium.bench';
import { run as runInvoiceGrid } from './invoice-grid.bench';
import { modeFromArgs } from './stats';
import { run as runStoreWrite } from './store-write.bench';
import { run as runSyncChromium } from './sync-chromium.bench';
import { run as runSync } from './sync.bench';

/** One figure: the numbers (for results.json) and the words (for the table). */
type Row = {
  readonly id: string;
  readonly where: 'node' | 'chromium';
  readonly what: string;
  readonly value: number;
  readonly unit: string;
  readonly figure: string;
  /** The baseline's own value, same unit, when there is one. */
  readonly denominatorValue: number | null;
  readonly denominator: string;
  /** value / denominator (or its inverse when the goal is a share of the baseline's speed), as printed. */
  readonly ratio: number | null;
  readonly goal: string;
  /** Whether the goal is met; null when there is none to check. */
  readonly met: boolean | null;
  /** Runs the figure is the median of (after a warm-up), or the sample count of a percentile. */
  readonly n: string;
};

type Failure = { readonly id: string; readonly error: string };

const mode = modeFromArgs(process.argv);
const quick = mode === 'quick';
const rows: Row[] = [];
const failures: Failure[] = [];
const fr = (value: number, digits = 0): string =>
  value.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mb = (bytes: number): string => `${fr(bytes / 1_048_576, 0)} Mo`;

async function measure(id: string, body: () => Promise<void> | void): Promise<void> {
  const start = Date.now();
  process.stdout.write(`… ${id}`);
  try {
    await body();
    process.stdout.write(` (${fr((Date.now() - start) / 1000, 0)} s)\n`);
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stdout.write(` FAILED\n${message}\n`);
    failures.push({ id, error: message.split('\n')[0] ?? message });
  }
}

await measure('domain-exposure', () => {
  const f = runDomainExposure(quick ? { buyers: 1000, repeats: 3 } : {});
  rows.push({
    id: 'domain-exposure',
    where: 'node',
    what: `exposure + cover + alerts, ${fr(f.buyers)} buyers / ${fr(f.invoices)} invoices`,
    value: f.domainMs,
    unit: 'ms',
    figure: `${fr(f.domainMs)} ms (${fr(f.alerts)} alerts)`,
    denominatorValue: f.bareLoopMs,
    denominator: `bare loop summing the same amounts: ${fr(f.bareLoopMs, 1)} ms → ${fr(f.ratio, 1)}×`,
    ratio: f.ratio,
    goal: '≤ 5×',
    met: f.ratio <= 5,
    n: quick ? '3' : '5',
  });
});

await measure('invoice-grid', () => {
  const f = runInvoiceGrid(quick ? { buyers: 1000, repeats: 3 } : {});
  const ratio = Math.max(f.sortP95Ms, f.filterP95Ms) / f.bareSortP95Ms;
  rows.push({
    id: 'invoice-grid',
    where: 'node',
    what: `Factures grid, ${fr(f.rows)} invoices: p95 of cold sorts (6 columns) and of filters (5 specs)`,
    value: f.sortP95Ms,
    unit: 'ms',
    figure: `sort p95 ${fr(f.sortP95Ms, 1)} ms, filter p95 ${fr(f.filterP95Ms, 1)} ms (once per load: rows ${fr(f.buildMs)} ms, index ${fr(f.indexMs)} ms)`,
    denominatorValue: f.bareSortP95Ms,
    denominator: `bare Array.prototype.sort of as many objects by a number, p95 ${fr(f.bareSortP95Ms, 1)} ms → sort ${fr(f.sortP95Ms / f.bareSortP95Ms, 2)}×, filter ${fr(f.filterP95Ms / f.bareSortP95Ms, 2)}×`,
    ratio,
    goal: '≤ 2×',
    met: ratio <= 2,
    n: `${6 * f.repeats} sorts, ${5 * f.repeats} filters`,
  });
});

await measure('fec-parse', () => {
  const f = runFecParse(quick ? 20_000 : 200_000, quick ? 3 : 5);
  rows.push({
    id: 'fec-parse',
    where: 'node',
    what: `FEC decode + parse, ${fr(f.lines)} lines (${fr(f.megabytes, 1)} MB)`,
    value: f.oursMbPerS,
    unit: 'MB/s',
    figure: `${fr(f.oursMbPerS, 1)} MB/s`,
    denominatorValue: f.udsvMbPerS,
    denominator: `uDSV parsing the same text: ${fr(f.udsvMbPerS, 1)} MB/s → ${fr(f.ratio * 100)} %`,
    ratio: f.ratio,
    goal: '≥ 40 %',
    met: f.ratio >= 0.4,
    n: quick ? '3' : '5',
  });
});

await measure('store-write-node', async () => {
  const f = await runStoreWrite(quick ? 200 : 1000);
  rows.push({
    id: 'store-write-node',
    where: 'node',
    what: 'user write (recordInvoice: row + aggregate + outbox), fake-indexeddb in Node',
    value: f.commandP95,
    unit: 'ms',
    figure: `p95 ${fr(f.commandP95, 2)} ms (p50 ${fr(f.commandP50, 2)} ms)`,
    denominatorValue: f.putP95,
    denominator: `raw db.invoices.put p95 ${fr(f.putP95, 2)} ms → ${fr(f.commandP95 / f.putP95, 1)}×`,
    ratio: f.commandP95 / f.putP95,
    goal: '≤ 16 ms p95',
    met: f.commandP95 <= 16,
    n: `${quick ? 200 : 1000} writes`,
  });
});

await measure('sync-node', async () => {
  const f = await runSync(quick ? { pushOps: 2000, bootstrapInvoices: 20_000 } : {});
  const pushShare = f.rawOneTxMs / f.pushMs;
  rows.push({
    id: 'sync-push',
    where: 'node',
    what: `sync push of ${fr(f.pushOps)} ops, server on loopback (SQLite)`,
    value: f.pushMs,
    unit: 'ms',
    figure: `${fr(f.pushMs)} ms (${fr((f.pushOps / f.pushMs) * 1000)} ops/s)`,
    denominatorValue: f.rawOneTxMs,
    denominator: `raw inserts in one transaction: ${fr(f.rawOneTxMs)} ms → ${fr(pushShare * 100)} % (one durable transaction per row: ${fr(f.rawPerRowMs)} ms → ${fr((f.rawPerRowMs / f.pushMs) * 100)} %)`,
    ratio: pushShare,
    goal: '≥ 50 %',
    met: pushShare >= 0.5,
    n: '1',
  });
  const bootShare = f.bulkPutMs / f.bootstrapMs;
  rows.push({
    id: 'sync-bootstrap-node',
    where: 'node',
    what: `sync bootstrap of ${fr(f.bootstrapRows)} rows, client fake-indexeddb in Node`,
    value: f.bootstrapMs,
    unit: 'ms',
    figure: `${fr(f.bootstrapMs)} ms`,
    denominatorValue: f.bulkPutMs,
    denominator: `raw client bulkPut in 1 000-row pages: ${fr(f.bulkPutMs)} ms → ${fr(bootShare * 100)} %`,
    ratio: bootShare,
    goal: '≥ 50 %',
    met: bootShare >= 0.5,
    n: '1',
  });
});

await measure('import-chromium', async () => {
  const f = await runImportChromium(quick ? 20_000 : 200_000, quick ? 1 : 3);
  rows.push({
    id: 'import-chromium',
    where: 'chromium',
    what: `FEC import, ${fr(f.lines)} lines, file → ledger ready (worker)`,
    value: f.importMs,
    unit: 'ms',
    figure: `${fr(f.importMs)} ms`,
    denominatorValue: f.bulkPutMs,
    denominator: `raw IndexedDB put of the same rows: ${fr(f.bulkPutMs)} ms → ${fr(f.ratio * 100)} %`,
    ratio: f.ratio,
    goal: '≥ 50 %',
    met: f.ratio >= 0.5,
    n: String(f.runs),
  });
  rows.push({
    id: 'import-longest-task',
    where: 'chromium',
    what: `longest main-thread task during that import`,
    value: f.longestTaskMs,
    unit: 'ms',
    figure: `${fr(f.longestTaskMs)} ms`,
    denominatorValue: null,
    denominator: '— (absolute goal: a task that long delays an input by as much)',
    ratio: null,
    goal: '≤ 50 ms',
    met: f.longestTaskMs <= 50,
    n: String(f.runs),
  });
});

await measure('sync-chromium', async () => {
  const f = await runSyncChromium(mode);
  rows.push({
    id: 'sync-longest-task',
    where: 'chromium',
    what: `longest main-thread task during an initial sync (pull of ${fr(f.buyers)} buyers / ${fr(f.invoices)} invoices from a server on loopback)`,
    value: f.longestTaskMs,
    unit: 'ms',
    figure: `${fr(f.longestTaskMs)} ms (${fr(f.longTasks)} tasks > 50 ms; sync ${fr(f.syncMs)} ms, ${fr(f.received)} invoices received)`,
    denominatorValue: null,
    denominator: '— (absolute goal: a task that long delays an input by as much)',
    ratio: null,
    goal: '≤ 50 ms',
    met: f.longestTaskMs <= 50,
    n: String(f.runs),
  });
});

await measure('chromium-app', async () => {
  const f = await runChromiumApp(mode);
  const size = `${fr(f.buyers)} buyers / ${fr(f.invoices)} invoices`;
  const opens: [string, string, number, number, string][] = [
    [
      'open-cold',
      'cold: first page of a browser just started on the profile (OS file cache not flushed)',
      f.coldMs,
      f.emptyColdMs,
      'cold',
    ],
    ['open-warm', 'warm: a new tab of the running browser', f.warmMs, f.emptyWarmMs, 'warm'],
  ];
  for (const [id, how, value, empty, label] of opens)
    rows.push({
      id,
      where: 'chromium',
      what: `open → interactive dashboard (KPI value shown, a frame drawn, a task queued then answered), ${size}, ${how}`,
      value,
      unit: 'ms',
      figure: `${fr(value)} ms (KPI ${f.kpiText})`,
      denominatorValue: empty,
      denominator: `a static page of the same server with the same KPI element, opened ${label}: ${fr(empty)} ms → +${fr(value - empty)} ms`,
      ratio: value / empty,
      goal: 'none set (reported)',
      met: null,
      n: String(f.runs),
    });
  rows.push({
    id: 'write-chromium',
    where: 'chromium',
    what: `user write (recordInvoice through runCommand: row + aggregate + outbox), real IndexedDB, workspace of ${fr(f.write.invoicesInWorkspace)} invoices`,
    value: f.write.commandP95,
    unit: 'ms',
    figure: `p95 ${fr(f.write.commandP95, 1)} ms (p50 ${fr(f.write.commandP50, 1)} ms)`,
    denominatorValue: f.write.putP95,
    denominator: `raw db.invoices.put into the same table: p95 ${fr(f.write.putP95, 1)} ms → ${fr(f.write.commandP95 / f.write.putP95, 1)}×`,
    ratio: f.write.commandP95 / f.write.putP95,
    goal: '≤ 16 ms p95',
    met: f.write.commandP95 <= 16,
    n: `${f.write.writes} writes × ${quick ? 1 : 3} (median of p95s)`,
  });
  rows.push({
    id: 'memory-heap',
    where: 'chromium',
    what: `JS heap, Factures open (every one of the ${fr(f.invoices)} invoices loaded), after GC`,
    value: f.memory.heapBytes,
    unit: 'bytes',
    figure: mb(f.memory.heapBytes),
    denominatorValue: f.emptyMemory.heapBytes,
    denominator: `same page, empty workspace: ${mb(f.emptyMemory.heapBytes)} → +${fr((f.memory.heapBytes - f.emptyMemory.heapBytes) / f.invoices)} bytes per invoice`,
    ratio: f.memory.heapBytes / f.emptyMemory.heapBytes,
    goal: 'none set (reported)',
    met: null,
    n: quick ? '1' : '3',
  });
  rows.push({
    id: 'memory-total',
    where: 'chromium',
    what: 'total memory of the browser (PSS of all its processes; renderer RSS in brackets), same moment',
    value: f.memory.totalPssBytes,
    unit: 'bytes',
    figure: `${mb(f.memory.totalPssBytes)} (renderer ${mb(f.memory.rendererRssBytes)})`,
    denominatorValue: f.emptyMemory.totalPssBytes,
    denominator: `same page, empty workspace: ${mb(f.emptyMemory.totalPssBytes)} (renderer ${mb(f.emptyMemory.rendererRssBytes)})`,
    ratio: f.memory.totalPssBytes / f.emptyMemory.totalPssBytes,
    goal: 'none set (reported)',
    met: null,
    n: quick ? '1' : '3',
  });
  rows.push({
    id: 'disk',
    where: 'chromium',
    what: `on-disk size of the profile's IndexedDB folder, ${size} imported`,
    value: f.indexedDbBytes,
    unit: 'bytes',
    figure: mb(f.indexedDbBytes),
    denominatorValue: f.fecBytes,
    denominator: `the source FEC file (${fr(f.fecLines)} lines): ${mb(f.fecBytes)} → ${fr(f.indexedDbBytes / f.fecBytes, 2)}×`,
    ratio: f.indexedDbBytes / f.fecBytes,
    goal: 'none set (reported)',
    met: null,
    n: '1',
  });
});

function osName(): string {
  try {
    return (
      /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? process.platform
    );
  } catch {
    return `${process.platform} ${release()}`;
  }
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  ramBytes: totalmem(),
  os: `${osName()} (${process.platform}/${process.arch}, kernel ${release()})`,
  node: process.version,
  chromium: chromiumVersion(),
};
const description = `${machine.cpu}, ${machine.cores} cores, ${fr(machine.ramBytes / 1_073_741_824)} Go RAM, ${machine.os}, Node ${machine.node}, ${machine.chromium}`;

const cell = (text: string): string => text.replaceAll('|', '\\|');
const table = [
  '| where | what | figure | denominator (same run) | goal | n |',
  '|---|---|---|---|---|---|',
  ...rows.map((row) => {
    const goal = row.met === false ? `${row.goal} (not met)` : row.goal;
    return `| ${row.where} | ${cell(row.what)} | ${cell(row.figure)} | ${cell(row.denominator)} | ${cell(goal)} | ${row.n} |`;
  }),
].join('\n');

console.log(`\nEncours benchmarks (${mode}) — ${description}\n`);
console.log(table);
for (const failure of failures) console.log(`\n✖ ${failure.id} is broken: ${failure.error}`);

mkdirSync('bench', { recursive: true });
writeFileSync(
  'bench/results.json',
  `${JSON.stringify({ date: new Date().toISOString(), commit: gitCommit(), mode, machine, rows, failures }, null, 2)}\n`,
);
console.log('\nSaved to bench/results.json.');
if (failures.length > 0) process.exitCode = 1;
