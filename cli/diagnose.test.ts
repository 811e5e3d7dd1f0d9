/**
 * `encours diagnose` on the real FEC fixtures, run as a child process. Expected per-buyer balances come from a
 * naive sum written here (split lines, Σ Debit − Credit of the 411 lines per CompAuxNum), not from the parser.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseFecBytes } from '../shared/import/fec-parse';
import { receivablesFromFec } from '../shared/import/fec-receivables';

const run = promisify(execFile);
const FIXTURES = join(__dirname, '../../shared/fixtures/fec');
const ROOT = join(__dirname, '..');
const FILES = ['111111111FEC20221231.TXT', '0000000001FEC20220831.txt'];

/** Naive reference: Σ(Debit − Credit) in cents of 411 lines per CompAuxNum (or CompteNum when blank). */
function naiveBalances(path: string): Map<string, number> {
  const text = readFileSync(path, 'latin1').replace(/^\u00ef\u00bb\u00bf/, '');
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const sep = lines[0]!.includes('\t') ? '\t' : '|';
  const header = lines[0]!.split(sep).map((h) => h.trim().toLowerCase());
  const col = (name: string): number => header.indexOf(name);
  const cents = (raw: string): number => Math.round(Number(raw.trim().replace(',', '.')) * 100);
  const balances = new Map<string, number>();
  for (const line of lines.slice(1)) {
    const cells = line.split(sep);
    if (!cells[col('comptenum')]!.trim().startsWith('411')) continue;
    const key = cells[col('compauxnum')]!.trim() || cells[col('comptenum')]!.trim();
    const net = cents(cells[col('debit')]!) - cents(cells[col('credit')]!);
    balances.set(key, (balances.get(key) ?? 0) + net);
  }
  return balances;
}

/** The part of the JSON output the tests read, validated rather than cast. */
const jsonDiagnosis = z.object({
  asOf: z.string(),
  buyers: z.array(z.object({ key: z.string(), name: z.string(), openBalanceCents: z.number().int() })),
  total: z.object({ openBalanceCents: z.number().int(), buyers: z.number(), top10ShareBp: z.number() }),
});
type JsonDiagnosis = z.infer<typeof jsonDiagnosis>;

async function diagnoseJson(file: string, extra: string[] = []): Promise<JsonDiagnosis> {
  const { stdout } = await run(
    'npx',
    ['tsx', 'cli/encours.ts', 'diagnose', join(FIXTURES, file), '--format', 'json', ...extra],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
  );
  return jsonDiagnosis.parse(JSON.parse(stdout));
}

describe.each(FILES)('real FEC %s', (file) => {
  const expected = naiveBalances(join(FIXTURES, file));
  const nonZero = [...expected].filter(([, cents]) => cents !== 0);

  it('the importer gives every buyer its naive Σ(Debit − Credit)', () => {
    const read = parseFecBytes(new Uint8Array(readFileSync(join(FIXTURES, file))));
    expect(read.errors).toEqual([]);
    const receivables = receivablesFromFec(read.entries, { fileName: file });
    const got = new Map<string, number>();
    const keyOf = new Map(receivables.buyers.map((b) => [b.id, b.key]));
    for (const i of receivables.invoices)
      got.set(keyOf.get(i.buyerId)!, (got.get(keyOf.get(i.buyerId)!) ?? 0) + i.amountTtcCents);
    for (const c of receivables.creditNotes)
      got.set(keyOf.get(c.buyerId)!, (got.get(keyOf.get(c.buyerId)!) ?? 0) - c.amountTtcCents);
    for (const p of receivables.payments)
      got.set(keyOf.get(p.buyerId)!, (got.get(keyOf.get(p.buyerId)!) ?? 0) - p.amountCents);
    expect(new Map([...got].filter(([, c]) => c !== 0))).toEqual(new Map(nonZero));
    expect(receivables.buyers).toHaveLength(expected.size);
  });

  it('diagnose --format json prints the same per-buyer balances and total', async () => {
    const diagnosis = await diagnoseJson(file, ['--as-of', '2030-12-31']);
    const got = new Map(
      diagnosis.buyers.filter((b) => b.openBalanceCents !== 0).map((b) => [b.key, b.openBalanceCents]),
    );
    expect(got).toEqual(new Map(nonZero));
    expect(diagnosis.total.openBalanceCents).toBe(nonZero.reduce((s, [, c]) => s + c, 0));
    expect(diagnosis.total.buyers).toBe(expected.size);
    expect(diagnosis.total.top10ShareBp).toBeGreaterThan(0);
    expect(diagnosis.total.top10ShareBp).toBeLessThanOrEqual(10_000);
  }, 60_000);
});

describe('diagnose errors', () => {
  it('a malformed file names the line and the reason, exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'encours-diagnose-'));
    const path = join(dir, 'bad.txt');
    const header =
      'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise';
    writeFileSync(
      path,
      `${header}\nVE\tV\t1\t20261340\t411\tC\tA\tA\tP\t20260101\tL\t1,00\t0,00\t\t\t\t\t\n`,
    );
    const failure = await run('npx', ['tsx', 'cli/encours.ts', 'diagnose', path], { cwd: ROOT }).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect(z.object({ stderr: z.string() }).parse(failure).stderr).toContain('Ligne 2, colonne EcritureDate');
  }, 60_000);

  it('the text report is in French', async () => {
    const { stdout } = await run('npx', ['tsx', 'cli/encours.ts', 'diagnose', join(FIXTURES, FILES[0]!)], {
      cwd: ROOT,
    });
    expect(stdout).toContain('Diagnostic du poste clients au 31/07/2023 — SIREN 111111111');
    expect(stdout).toContain('Balance âgée (TTC)');
  }, 60_000);
});

describe('a CSV of open invoices', () => {
  const file = join(ROOT, 'test/fixtures/csv/factures.csv');

  it('is diagnosed per buyer with the balances a hand sum of the file gives', async () => {
    const { stdout } = await run(
      'npx',
      ['tsx', 'cli/encours.ts', 'diagnose', file, '--as-of', '2026-03-01', '--format', 'json'],
      { cwd: ROOT },
    );
    const got = jsonDiagnosis.parse(JSON.parse(stdout));
    // From the file's Montant TTC column, by SIREN or code: 12 000,00 + 3 000,60 for 412839573; 1 481,47
    // for C002; 960 for 792154361; 18 000,00 for 503627184.
    const expected = new Map([
      ['412839573', 1_500_060],
      ['c002', 148_147],
      ['792154361', 96_000],
      ['503627184', 1_800_000],
    ]);
    expect(new Map(got.buyers.map((b) => [b.key.toLowerCase(), b.openBalanceCents]))).toEqual(expected);
    expect(got.total.openBalanceCents).toBe(1_500_060 + 148_147 + 96_000 + 1_800_000);
  }, 60_000);

  it('asks for the turnover before estimating a premium, then uses it', async () => {
    const without = await run('npx', ['tsx', 'cli/encours.ts', 'diagnose', file], { cwd: ROOT });
    expect(without.stdout).toContain('non calculable');
    const withTurnover = await run(
      'npx',
      ['tsx', 'cli/encours.ts', 'diagnose', file, '--turnover', '2 000 000', '--format', 'json'],
      { cwd: ROOT },
    );
    const premium = z
      .object({ premium: z.object({ annualCents: z.number() }) })
      .parse(JSON.parse(withTurnover.stdout)).premium;
    // 0,30 % × 2 000 000 € = 6 000 €, plus 60 € per buyer above the 10 000 € threshold (two: 503627184 at
    // 15 000 € HT, and 412839573 at 12 500,50 € HT) → 6 000 + 2 × 60.
    expect(premium.annualCents).toBe(600_000 + 2 * 6_000);
  }, 60_000);
});
