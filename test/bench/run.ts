/**
 * `npm run bench`: every performance figure of the project, each printed with its denominator (the bare
 * baseline it is measured against) and its goal. Benchmarks are measurements, not tests: they never fail the
 * build, they report.
 */
import { run as runDomainExposure } from './domain-exposure.bench';
import { run as runFecParse } from './fec-parse.bench';

type Row = {
  readonly what: string;
  readonly figure: string;
  readonly denominator: string;
  readonly goal: string;
};

const rows: Row[] = [];

const exposure = runDomainExposure();
rows.push({
  what: `exposure + cover + alerts, ${exposure.buyers.toLocaleString('fr-FR')} buyers / ${exposure.invoices.toLocaleString('fr-FR')} invoices`,
  figure: `${exposure.domainMs.toFixed(0)} ms (${exposure.alerts.toLocaleString('fr-FR')} alerts)`,
  denominator: `bare loop summing the same amounts: ${exposure.bareLoopMs.toFixed(1)} ms → ratio ${exposure.ratio.toFixed(1)}×`,
  goal: '≤ 5×',
});

const fec = runFecParse();
rows.push({
  what: `FEC decode + parse, ${fec.lines.toLocaleString('fr-FR')} lines (${fec.megabytes.toFixed(1)} MB)`,
  figure: `${fec.oursMbPerS.toFixed(1)} MB/s`,
  denominator: `uDSV parsing the same text: ${fec.udsvMbPerS.toFixed(1)} MB/s → ${(fec.ratio * 100).toFixed(0)} % of uDSV`,
  goal: '≥ 40 %',
});

console.log(`Encours benchmarks — Node ${process.version}, ${process.platform}/${process.arch}\n`);
for (const row of rows) {
  console.log(`• ${row.what}\n    ${row.figure}\n    against ${row.denominator}\n    goal ${row.goal}`);
}
