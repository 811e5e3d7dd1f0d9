// Runs the real CLI in a child process, as a user would, on the example scenario and on broken files.
// Expected values come from domain.md §5 (examples 3 and 4) and from sums over the example file itself.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

const root = resolve(import.meta.dirname, '..');
const examplePath = join(root, 'examples', 'claim-scenario.json');
let dir = '';

type Run = { code: number; stdout: string; stderr: string };

function runCli(
  args: readonly string[],
  entry: readonly string[] = ['--import', 'tsx', 'cli/encours.ts'],
): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [...entry, ...args], { cwd: root }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      done({ code, stdout, stderr });
    });
  });
}

/** Intl writes narrow / no-break spaces in "27 000,00 €"; compare with plain spaces. */
const plain = (text: string): string => text.replace(/[\u202f\u00a0]/g, ' ');

async function scenarioFile(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content, 'utf8');
  return path;
}

async function exampleWith(change: (scenario: Record<string, unknown>) => void): Promise<string> {
  const scenario: unknown = JSON.parse(await readFile(examplePath, 'utf8'));
  if (typeof scenario !== 'object' || scenario === null) throw new Error('example is not an object');
  const copy = { ...scenario };
  change(copy);
  return JSON.stringify(copy);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'encours-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('encours simulate-claim on the example scenario', { timeout: 30_000 }, () => {
  it('prints the French summary with the deadlines of example 3 and the indemnity of example 4', async () => {
    const { code, stdout, stderr } = await runCli(['simulate-claim', examplePath]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const text = plain(stdout);
    // Example 3: due 2026-03-31 → stop shipments 2026-05-30, DMS deadline 2026-06-29; DIC filed 2026-07-20 →
    // indemnity due 2026-12-17.
    expect(text).toMatch(/arrêt des livraisons : 30\/05\/2026/);
    expect(text).toMatch(/DMS.* : 29\/06\/2026 — déposée le 15\/06\/2026, dans les délais/);
    // DIC deadline counted from the DMS filed on 06-15: + 60 days (15 + 31 + 14) = 2026-08-14.
    expect(text).toMatch(/DIC.* : 14\/08\/2026 — déposée le 20\/07\/2026, dans les délais/);
    expect(text).toMatch(/Indemnité due : 17\/12\/2026/);
    // Example 4: debt 30 000, limit 25 000, 90 % → 22 500; 10 000 recovered → 7 500 / 2 500.
    expect(text).toMatch(/Indemnité +22 500,00 €/);
    expect(text).toContain('10 000,00 € → assureur 7 500,00 €, assuré 2 500,00 €');
  });

  it('prints integer cents in *Cents fields with --format json', async () => {
    const { code, stdout } = await runCli(['simulate-claim', examplePath, '--format', 'json']);
    expect(code).toBe(0);
    const result: unknown = JSON.parse(stdout);
    const scenario = z
      .object({ invoices: z.array(z.object({ number: z.string(), amountHtCents: z.number() })) })
      .parse(JSON.parse(await readFile(examplePath, 'utf8')));
    // The open amount HT is a plain sum over the example's invoices less the one paid in full.
    const openHt = scenario.invoices
      .filter((i) => i.number !== 'F2025-118')
      .reduce((s, i) => s + i.amountHtCents, 0);
    expect(openHt).toBe(3_000_000);
    expect(result).toMatchObject({
      branch: 'protracted-default',
      referenceDueDate: '2026-03-31',
      totals: { openBasisCents: openHt, applicableLimitCents: 2_500_000, uncoveredCents: 500_000 },
      indemnity: { insuredLossCents: 2_500_000, indemnityCents: 2_250_000, quotityBp: 9000 },
      recoveriesAfterLoss: [
        { date: '2027-02-10', amountCents: 1_000_000, insurerCents: 750_000, insuredCents: 250_000 },
      ],
      milestones: [
        { code: 'max-extension-end', date: '2026-05-30' },
        { code: 'dms-deadline', date: '2026-06-29', status: 'on-time' },
        { code: 'dic-deadline', date: '2026-08-14', status: 'on-time' },
        { code: 'waiting-period-end', date: '2026-12-17' },
        { code: 'indemnity-due', date: '2026-12-17' },
      ],
    });
  });

  it('runs through the package bin as well, in English on request', async () => {
    const { code, stdout } = await runCli(['simulate-claim', examplePath, '--lang=en'], ['bin/encours.mjs']);
    expect(code).toBe(0);
    expect(plain(stdout)).toMatch(/Indemnity +€22,500\.00/);
  });

  it('flags a late DMS and switches to the insolvency branch when there is a judgment', async () => {
    const late = await scenarioFile(
      'late.json',
      await exampleWith((s) => {
        s.claim = { dmsFiledOn: '2026-06-30' };
      }),
    );
    const lateRun = await runCli(['simulate-claim', late]);
    expect(lateRun.code).toBe(0);
    expect(plain(lateRun.stdout)).toMatch(/29\/06\/2026 — déposée le 30\/06\/2026, EN RETARD/);

    const insolvent = await scenarioFile(
      'insolvent.json',
      await exampleWith((s) => {
        s.insolvency = { kind: 'redressement', judgmentDate: '2026-09-15', insurerNotifiedOn: '2026-09-15' };
      }),
    );
    const { code, stdout } = await runCli(['simulate-claim', insolvent, '--format', 'json']);
    expect(code).toBe(0);
    // Judgment 2026-09-15 + 60 days (15 + 31 + 14) = 2026-11-14; the insurer is told the same day.
    expect(JSON.parse(stdout)).toMatchObject({
      branch: 'insolvency',
      lossDate: '2026-09-15',
      milestones: [
        { code: 'insurer-notification', date: '2026-09-15', status: 'on-time' },
        { code: 'claim-declaration', date: '2026-11-14', status: 'missed' },
      ],
    });
  });
});

describe('encours simulate-claim on bad input', { timeout: 30_000 }, () => {
  it('names the field path and the reason, exit code 2', async () => {
    const path = await scenarioFile(
      'bad-date.json',
      await exampleWith((s) => {
        const invoices = z.array(z.record(z.string(), z.unknown())).parse(s.invoices);
        invoices[2] = { ...invoices[2], dueDate: '2026-02-30' };
        s.invoices = invoices;
        s.buyer = { siren: '443061841' };
        s.claim = { dmsFiledOn: '2026-06-15', dicFiledOm: '2026-07-20' };
      }),
    );
    const { code, stdout, stderr } = await runCli(['simulate-claim', path]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('invoices[2].dueDate : date invalide (attendu AAAA-MM-JJ)');
    expect(stderr).toContain('buyer.name : champ requis');
    expect(stderr).toContain('claim.dicFiledOm : champ inconnu');
  });

  it('refuses an amount that is not integer cents', async () => {
    const path = await scenarioFile(
      'bad-amount.json',
      await exampleWith((s) => {
        s.payments = [{ date: '2026-02-13', amountCents: '7 200,00' }];
      }),
    );
    const { code, stderr } = await runCli(['simulate-claim', path]);
    expect(code).toBe(2);
    expect(stderr).toContain('payments[0].amountCents : montant invalide');
  });

  it.each([
    { name: 'invalid JSON', file: 'broken.json', content: '{ "asOf": ', expected: 'JSON invalide' },
    { name: 'a JSON array', file: 'array.json', content: '[]', expected: '(racine)' },
  ])('reports $name with exit code 2', async ({ file, content, expected }) => {
    const path = await scenarioFile(file, content);
    const { code, stderr } = await runCli(['simulate-claim', path]);
    expect(code).toBe(2);
    expect(stderr).toContain(expected);
  });

  it('reports a missing file with exit code 2', async () => {
    const { code, stderr } = await runCli(['simulate-claim', join(dir, 'nope.json')]);
    expect(code).toBe(2);
    expect(stderr).toContain('fichier introuvable');
  });

  it.each([
    { args: ['simulate-claim'], code: 2, stream: 'stderr', expected: 'fichier de scénario manquant' },
    {
      args: ['simulate-claim', examplePath, '--format', 'xml'],
      code: 2,
      stream: 'stderr',
      expected: '--format',
    },
    {
      args: ['simulate-claim', '--help'],
      code: 0,
      stream: 'stdout',
      expected: 'Usage : encours simulate-claim',
    },
    { args: ['--help'], code: 0, stream: 'stdout', expected: 'simulate-claim' },
    { args: ['frobnicate'], code: 2, stream: 'stderr', expected: 'Commande inconnue « frobnicate »' },
  ] as const)('encours $args → exit $code', async ({ args, code, stream, expected }) => {
    const run = await runCli(args);
    expect(run.code).toBe(code);
    expect(run[stream]).toContain(expected);
  });
});
