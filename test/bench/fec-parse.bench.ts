/**
 * Benchmark: decode + parse of a generated 200 000-line FEC, in MB/s, against uDSV parsing the same text
 * (architecture §6: a figure with its denominator). Goal: ≥ 40 % of uDSV's speed. uDSV only splits the text
 * into string cells; our parser also reads dates and amounts into ISO dates and cents.
 *
 * Run: `npx tsx test/bench/fec-parse.bench.ts` (or import `run()`).
 */
import { pathToFileURL } from 'node:url';
import { inferSchema, initParser } from 'udsv';
import { parseFecBytes } from '../../shared/import/fec-parse';
import { generateFec } from '../support/fec-generator';

export type FecBenchFigures = {
  readonly lines: number;
  readonly megabytes: number;
  readonly oursMbPerS: number;
  readonly udsvMbPerS: number;
  readonly ratio: number;
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function time(fn: () => void, runs: number): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export function run(lines = 200_000, runs = 5): FecBenchFigures {
  const fec = generateFec({ lines, seed: 7 });
  const bytes = fec.bytes();
  const megabytes = bytes.length / 1_000_000;
  let entries = 0;
  const oursMs = time(() => {
    const result = parseFecBytes(bytes);
    entries = result.entries.length;
  }, runs);
  let rows = 0;
  const udsvMs = time(() => {
    const schema = inferSchema(fec.text, { col: '\t' });
    const parser = initParser(schema);
    rows = parser.stringArrs(fec.text).length;
  }, runs);
  if (entries !== rows) throw new Error(`row counts differ: ours ${entries}, uDSV ${rows}`);
  const oursMbPerS = megabytes / (oursMs / 1000);
  const udsvMbPerS = megabytes / (udsvMs / 1000);
  return { lines: entries, megabytes, oursMbPerS, udsvMbPerS, ratio: oursMbPerS / udsvMbPerS };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const f = run();
  console.log(
    `FEC decode+parse, ${f.lines.toLocaleString('fr-FR')} lines / ${f.megabytes.toFixed(1)} MB: ` +
      `${f.oursMbPerS.toFixed(0)} MB/s; uDSV parse of the same text: ${f.udsvMbPerS.toFixed(0)} MB/s; ` +
      `ratio ${(f.ratio * 100).toFixed(0)} % (goal ≥ 40 %)`,
  );
}
