/**
 * `encours diagnose <file> [--as-of DATE] [--policy policy.json] [--format json|text]`
 *
 * A broker's first look at a prospect's receivables: reads a FEC (shared/import, the app's own reader) and
 * prints, per buyer and in total, the open balance, aging buckets, overdue, DSO, the exposure above the
 * unnamed threshold (the limits to request), the domain alerts, the concentration (share of the 10 largest
 * exposures) and a premium estimate (policy rate on the FEC's 70x turnover, every sale taken as insurable
 * B2B credit: a FEC does not tell export or cash sales apart).
 *
 * The diagnosis itself is pure and lives in shared/diagnose (the app's Diagnostic page uses the same one);
 * this module parses arguments, reads files and prints. `--as-of` defaults as described there. `--policy` is
 * a JSON object overriding some `DEFAULT_POLICY` fields (see POLICY_OVERRIDES). Exit codes: 0 done; 2 bad usage, unreadable file, or any
 * rejected line (each printed with its line number and reason, nothing diagnosed).
 */
import { readFile } from 'node:fs/promises';
import { isIsoDate } from '../shared/domain/dates';
import { parseAmount } from '../shared/domain/money';
import { DEFAULT_POLICY } from '../shared/domain/policy';
import type { Policy } from '../shared/domain/policy';
import type { Cents, IsoDate } from '../shared/domain/types';
import { POLICY_OVERRIDES, diagnose, diagnosisText, receivablesOf } from '../shared/diagnose/diagnose';
import { importErrorMessage } from '../shared/import/import-errors';
import { EXIT_OK, EXIT_USAGE } from './io';
import type { CliCommand, CliIo } from './io';

export type { BuyerDiagnosis, Diagnosis } from '../shared/diagnose/diagnose';
export { diagnose, diagnosisText } from '../shared/diagnose/diagnose';

export const DIAGNOSE_HELP = `Usage : encours diagnose <fichier FEC ou CSV> [--as-of AAAA-MM-JJ] [--policy police.json]
                        [--turnover MONTANT] [--format text|json]

Diagnostic du poste clients à partir d'un FEC ou d'un CSV de factures ouvertes : solde ouvert, balance âgée, retards, DSO, encours au-delà du
seuil de non-dénommé (limites à demander), alertes, concentration (10 premiers acheteurs), prime estimée.
Receivables diagnostic from a FEC or a CSV of open invoices: open balance, aging, overdue, DSO, exposure above the unnamed threshold
(limits to request), alerts, concentration (top 10 buyers), premium estimate.

  --as-of DATE       date du diagnostic (défaut : date de clôture du nom de fichier, sinon dernière écriture)
                     as-of date (default: closing date from the file name, else the latest entry date)
  --policy FILE      JSON : champs de police remplacés / policy fields overridden
                     (unnamedThresholdCents, premiumRateBp, minimumPremiumCents, monitoringFeePerBuyerCents,
                     namedQuotityBp, unnamedQuotityBp, coverBasis)
  --turnover MONTANT  chiffre d'affaires HT annuel pour la prime (un CSV n'en donne pas ; ex. 2 000 000)
                     annual turnover excluding VAT for the premium (a CSV does not give it)
  --format text|json texte lisible (défaut) ou JSON en centimes (*Cents) / readable text or JSON in cents
Codes de sortie / exit codes: 0 ok, 2 fichier illisible ou lignes rejetées / unreadable file or rejected lines.
`;

type Format = 'text' | 'json';

type DiagnoseArgs =
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string }
  | {
      readonly kind: 'run';
      readonly file: string;
      readonly asOf?: IsoDate;
      readonly policyFile?: string;
      /** Turnover HT for the premium estimate, when the file does not give it (a CSV of open invoices). */
      readonly turnoverCents?: Cents;
      readonly format: Format;
    };

export function parseDiagnoseArgs(args: readonly string[]): DiagnoseArgs {
  let format: Format = 'text';
  let asOf: IsoDate | undefined;
  let policyFile: string | undefined;
  let turnoverCents: Cents | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (!arg.startsWith('-')) {
      files.push(arg);
      continue;
    }
    const [flag, inline] = arg.split('=', 2);
    const value = inline ?? args[i + 1];
    if (inline === undefined) i += 1;
    if (flag === '--format') {
      if (value !== 'text' && value !== 'json') {
        return {
          kind: 'error',
          message: `--format attend text ou json / expects text or json (reçu / got: ${value ?? '—'})`,
        };
      }
      format = value;
    } else if (flag === '--as-of') {
      if (value === undefined || !isIsoDate(value)) {
        return {
          kind: 'error',
          message: `--as-of attend AAAA-MM-JJ / expects YYYY-MM-DD (reçu / got: ${value ?? '—'})`,
        };
      }
      asOf = value;
    } else if (flag === '--policy') {
      if (value === undefined)
        return { kind: 'error', message: '--policy attend un fichier / expects a file' };
      policyFile = value;
    } else if (flag === '--turnover') {
      const amount = parseAmount(value ?? '');
      if (!amount.ok || amount.cents <= 0) {
        return {
          kind: 'error',
          message: `--turnover attend un montant positif / expects a positive amount (reçu / got: ${value ?? '—'})`,
        };
      }
      turnoverCents = amount.cents;
    } else {
      return { kind: 'error', message: `option inconnue / unknown option: ${arg}` };
    }
  }
  const [file, ...extra] = files;
  if (file === undefined || extra.length > 0) {
    return { kind: 'error', message: 'un seul fichier attendu / exactly one file expected' };
  }
  return {
    kind: 'run',
    file,
    format,
    ...(asOf === undefined ? {} : { asOf }),
    ...(policyFile === undefined ? {} : { policyFile }),
    ...(turnoverCents === undefined ? {} : { turnoverCents }),
  };
}

async function readPolicy(file: string): Promise<Policy | string> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return `${file} : fichier de police illisible / unreadable policy file (${error instanceof Error ? error.message : String(error)})`;
  }
  const parsed = POLICY_OVERRIDES.safeParse(json);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => `${file} : ${i.path.join('.') || '—'} : ${i.message}`).join('\n');
  }
  return { ...DEFAULT_POLICY, ...parsed.data };
}

export async function runDiagnose(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseDiagnoseArgs(args);
  if (parsed.kind === 'help') {
    io.stdout(DIAGNOSE_HELP);
    return EXIT_OK;
  }
  if (parsed.kind === 'error') {
    io.stderr(`${parsed.message}\n\n${DIAGNOSE_HELP}`);
    return EXIT_USAGE;
  }
  let policy: Policy = DEFAULT_POLICY;
  if (parsed.policyFile !== undefined) {
    const read = await readPolicy(parsed.policyFile);
    if (typeof read === 'string') {
      io.stderr(`${read}\n`);
      return EXIT_USAGE;
    }
    policy = read;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(parsed.file));
  } catch (error) {
    io.stderr(
      `${parsed.file} : fichier illisible / unreadable file (${error instanceof Error ? error.message : String(error)})\n`,
    );
    return EXIT_USAGE;
  }
  const read = receivablesOf(bytes, parsed.file);
  if (!read.ok) {
    const shown = read.errors.slice(0, 200);
    io.stderr(
      `${parsed.file} : ${read.errors.length} erreur(s), rien n'est diagnostiqué / error(s), nothing diagnosed\n` +
        shown.map((e) => `  ${importErrorMessage(e, 'fr')}\n  ${importErrorMessage(e, 'en')}\n`).join('') +
        (read.errors.length > shown.length ? `  … (+${read.errors.length - shown.length})\n` : ''),
    );
    return EXIT_USAGE;
  }
  const receivables =
    parsed.turnoverCents === undefined
      ? read.receivables
      : { ...read.receivables, revenueHtCents: parsed.turnoverCents };
  const diagnosis = diagnose(receivables, policy, parsed.asOf);
  io.stdout(parsed.format === 'json' ? `${JSON.stringify(diagnosis, null, 2)}\n` : diagnosisText(diagnosis));
  return EXIT_OK;
}

export const diagnoseCommand: CliCommand = {
  name: 'diagnose',
  summary: {
    fr: 'Diagnostic du poste clients à partir d’un FEC (soldes, retards, limites à demander, prime)',
    en: 'Receivables diagnostic from a FEC (balances, overdue, limits to request, premium)',
  },
  run: runDiagnose,
};
