/**
 * `encours diagnose <file> [--as-of DATE] [--policy policy.json] [--format json|text]`
 *
 * A broker's first look at a prospect's receivables: reads a FEC (shared/import, the app's own reader) and
 * prints, per buyer and in total, the open balance, aging buckets, overdue, DSO, the exposure above the
 * unnamed threshold (the limits to request), the domain alerts, the concentration (share of the 10 largest
 * exposures) and a premium estimate (policy rate on the FEC's 70x turnover, every sale taken as insurable
 * B2B credit: a FEC does not tell export or cash sales apart).
 *
 * Choices: `--as-of` defaults to the closing date of the file name (`{SIREN}FEC{AAAAMMJJ}`), unless entries
 * run past it (a file named for one year-end that holds the next year's entries), then the latest entry date;
 * without a date in the name, the latest entry date. `--policy` is a JSON object overriding some
 * `DEFAULT_POLICY` fields (see POLICY_OVERRIDES). Exit codes: 0 done; 2 bad usage, unreadable file, or any
 * rejected line (each printed with its line number and reason, nothing diagnosed).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { AGING_BUCKETS, agingOfLedger } from '../shared/domain/aging';
import type { AgingBucket } from '../shared/domain/aging';
import { alertMessages } from '../shared/domain/alert-messages';
import { ALERT_CODES, alertsFor } from '../shared/domain/alerts';
import type { Alert } from '../shared/domain/alerts';
import { isIsoDate } from '../shared/domain/dates';
import { dsoCountBack, monthlySalesOf } from '../shared/domain/dso';
import { exposureOf } from '../shared/domain/exposure';
import { formatCents, parseAmount } from '../shared/domain/money';
import { DEFAULT_POLICY } from '../shared/domain/policy';
import type { Policy } from '../shared/domain/policy';
import { estimatePremium, turnoverRateOfferFromPolicy } from '../shared/domain/premium';
import type { PremiumEstimate } from '../shared/domain/premium';
import type { Cents, IsoDate } from '../shared/domain/types';
import { parseFecBytes } from '../shared/import/fec-parse';
import { buyerLedgersOf, receivablesFromFec } from '../shared/import/fec-receivables';
import { readCsvBytes } from '../shared/import/csv-read';
import { receivablesFromCsvInvoices } from '../shared/import/csv-receivables';
import type { FecReceivables } from '../shared/import/fec-receivables';
import { importErrorMessage, type ImportError } from '../shared/import/import-errors';
import { EXIT_OK, EXIT_USAGE } from './io';
import type { CliCommand, CliIo } from './io';

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

const POLICY_OVERRIDES = z
  .object({
    unnamedThresholdCents: z.number().int().min(0),
    premiumRateBp: z.number().int().min(0),
    minimumPremiumCents: z.number().int().min(0),
    monitoringFeePerBuyerCents: z.number().int().min(0),
    namedQuotityBp: z.number().int().min(0).max(10_000),
    unnamedQuotityBp: z.number().int().min(0).max(10_000),
    coverBasis: z.enum(['HT', 'TTC']),
  })
  .partial()
  .strict();

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

export type BuyerDiagnosis = {
  readonly key: string;
  readonly name: string;
  readonly openBalanceCents: Cents;
  readonly aging: Readonly<Record<AgingBucket, Cents>> & { readonly unappliedCents: Cents };
  readonly overdueCents: Cents;
  readonly exposureCents: Cents;
  /** Exposure beyond the unnamed threshold: the limit to ask the insurer for (0 when under it). */
  readonly aboveUnnamedThresholdCents: Cents;
  readonly deliveredNotInvoicedCents: Cents;
  readonly dsoDays: number;
  readonly isDoubtful: boolean;
  readonly alerts: readonly Pick<
    Alert,
    'code' | 'severity' | 'amountAtStakeCents' | 'invoiceId' | 'deadline'
  >[];
};

export type Diagnosis = {
  readonly asOf: IsoDate;
  /** The policy's cover basis, on which exposure is stated (balances and overdue are TTC). */
  readonly basis: Policy['coverBasis'];
  readonly company: { readonly siren?: string; readonly closingDate?: IsoDate };
  readonly buyers: readonly BuyerDiagnosis[];
  readonly total: {
    readonly buyers: number;
    readonly openBalanceCents: Cents;
    readonly aging: Readonly<Record<AgingBucket, Cents>> & { readonly unappliedCents: Cents };
    readonly overdueCents: Cents;
    readonly exposureCents: Cents;
    readonly aboveUnnamedThresholdCents: Cents;
    readonly buyersAboveUnnamedThreshold: number;
    readonly dsoDays: number;
    readonly alertCounts: Readonly<Record<string, number>>;
    /** Share of the 10 largest exposures in the total exposure, basis points. */
    readonly top10ShareBp: number;
    readonly turnoverHtCents: Cents;
  };
  readonly premium?: PremiumEstimate;
};

/** The diagnosis of already-parsed receivables (pure: the CLI part only reads files and prints). */
export function diagnose(
  receivables: ReturnType<typeof receivablesFromFec>,
  policy: Policy,
  asOfOption?: IsoDate,
): Diagnosis {
  const closing = receivables.company.closingDate;
  const last = receivables.lastEntryDate;
  const asOf =
    asOfOption ??
    (closing !== undefined && (last === undefined || last <= closing)
      ? closing
      : (last ?? closing ?? '1970-01-01'));
  const flags = new Map(receivables.buyers.map((b) => [b.id, b]));
  const zero = (): Record<AgingBucket, Cents> => ({
    notDue: 0,
    days1To30: 0,
    days31To60: 0,
    days61To90: 0,
    over90: 0,
  });
  const totalAging = zero();
  let totalUnapplied = 0;
  const buyers: BuyerDiagnosis[] = buyerLedgersOf(receivables).map((ledger) => {
    const exposure = exposureOf(ledger, policy, asOf);
    const aging = agingOfLedger(ledger, asOf);
    for (const bucket of AGING_BUCKETS) totalAging[bucket] += aging.buckets[bucket];
    totalUnapplied += aging.unappliedCents;
    const alerts = alertsFor(ledger, policy, asOf, { exposure });
    const dso = dsoCountBack(
      aging.totalCents,
      monthlySalesOf(ledger.invoices, ledger.creditNotes, asOf),
      asOf,
    );
    const meta = flags.get(ledger.buyer.id);
    return {
      key: meta?.key ?? ledger.buyer.id,
      name: ledger.buyer.name,
      openBalanceCents: aging.totalCents,
      aging: { ...aging.buckets, unappliedCents: aging.unappliedCents },
      // TTC, like the balance it is part of (exposure is on the policy's basis, HT by default).
      overdueCents:
        aging.buckets.days1To30 + aging.buckets.days31To60 + aging.buckets.days61To90 + aging.buckets.over90,
      exposureCents: exposure.exposureCents,
      aboveUnnamedThresholdCents: Math.max(0, exposure.exposureCents - policy.unnamedThresholdCents),
      deliveredNotInvoicedCents: ledger.deliveredNotInvoicedCents ?? 0,
      dsoDays: Math.round(dso.days * 10) / 10,
      isDoubtful: meta?.isDoubtful ?? false,
      alerts: alerts.map((a) => ({
        code: a.code,
        severity: a.severity,
        amountAtStakeCents: a.amountAtStakeCents,
        ...(a.invoiceId === undefined ? {} : { invoiceId: a.invoiceId }),
        ...(a.deadline === undefined ? {} : { deadline: a.deadline }),
      })),
    };
  });
  buyers.sort(
    (a, b) =>
      b.exposureCents - a.exposureCents ||
      b.openBalanceCents - a.openBalanceCents ||
      (a.key < b.key ? -1 : 1),
  );
  const sum = (f: (b: BuyerDiagnosis) => number): number => buyers.reduce((s, b) => s + f(b), 0);
  const exposureTotal = sum((b) => b.exposureCents);
  const top10 = buyers.slice(0, 10).reduce((s, b) => s + b.exposureCents, 0);
  const alertCounts: Record<string, number> = {};
  for (const b of buyers) for (const a of b.alerts) alertCounts[a.code] = (alertCounts[a.code] ?? 0) + 1;
  const openTotal = sum((b) => b.openBalanceCents);
  const dso = dsoCountBack(
    openTotal,
    monthlySalesOf(receivables.invoices, receivables.creditNotes, asOf),
    asOf,
  );
  const buyersAbove = buyers.filter((b) => b.aboveUnnamedThresholdCents > 0).length;
  const premium = estimatePremium(
    turnoverRateOfferFromPolicy(policy, 'policy', { fr: 'Police (paramètres)', en: 'Policy (parameters)' }),
    {
      turnoverHtCents: Math.max(0, receivables.revenueHtCents),
      creditShareBp: 10_000,
      namedBuyers: buyersAbove,
    },
  );
  return {
    asOf,
    basis: policy.coverBasis,
    company: {
      ...(receivables.company.siren === undefined ? {} : { siren: receivables.company.siren }),
      ...(closing === undefined ? {} : { closingDate: closing }),
    },
    buyers,
    total: {
      buyers: buyers.length,
      openBalanceCents: openTotal,
      aging: { ...totalAging, unappliedCents: totalUnapplied },
      overdueCents: sum((b) => b.overdueCents),
      exposureCents: exposureTotal,
      aboveUnnamedThresholdCents: sum((b) => b.aboveUnnamedThresholdCents),
      buyersAboveUnnamedThreshold: buyersAbove,
      dsoDays: Math.round(dso.days * 10) / 10,
      alertCounts,
      top10ShareBp: exposureTotal === 0 ? 0 : Math.round((top10 * 10_000) / exposureTotal),
      turnoverHtCents: receivables.revenueHtCents,
    },
    // No turnover (a CSV of open invoices without --turnover): no estimate rather than a minimum premium.
    ...(premium.ok && receivables.revenueHtCents > 0 ? { premium: premium.estimate } : {}),
  };
}

const eur = (cents: Cents): string => formatCents(cents);
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const frDate = (date: IsoDate): string => date.split('-').reverse().join('/');
const alertTitle = (code: string): string => {
  const known = ALERT_CODES.find((c) => c === code);
  return known === undefined ? code : alertMessages.fr[known].title;
};

export function diagnosisText(d: Diagnosis): string {
  const t = d.total;
  const lines = [
    `Diagnostic du poste clients au ${frDate(d.asOf)}${d.company.siren === undefined ? '' : ` — SIREN ${d.company.siren}`}`,
    '',
    `Acheteurs : ${t.buyers}   Solde ouvert : ${eur(t.openBalanceCents)}   Échu : ${eur(t.overdueCents)}   DSO : ${decimal.format(t.dsoDays)} j`,
    `Balance âgée (TTC) : non échu ${eur(t.aging.notDue)} | 1–30 j ${eur(t.aging.days1To30)} | 31–60 j ${eur(t.aging.days31To60)} | 61–90 j ${eur(t.aging.days61To90)} | > 90 j ${eur(t.aging.over90)} | non affecté ${eur(t.aging.unappliedCents)}`,
    `Encours (base ${d.basis}) : ${eur(t.exposureCents)}   Au-delà du seuil de non-dénommé : ${eur(t.aboveUnnamedThresholdCents)} (${t.buyersAboveUnnamedThreshold} limite(s) à demander)`,
    `Concentration : les 10 premiers acheteurs font ${decimal.format(t.top10ShareBp / 100)} % de l'encours`,
    `Alertes : ${
      Object.entries(t.alertCounts)
        .map(([code, n]) => `${alertTitle(code)} : ${n}`)
        .join(', ') || 'aucune'
    }`,
    d.premium === undefined
      ? "Prime estimée : non calculable sans chiffre d'affaires (option --turnover)"
      : `Prime estimée : ${eur(d.premium.annualCents)} / an (${eur(d.premium.perMonthCents)} / mois, ${eur(d.premium.perDayCents)} / jour) sur un CA HT de ${eur(t.turnoverHtCents)}`,
    '',
    'Par acheteur (encours décroissant) :',
    ...d.buyers.map(
      (b) =>
        `  ${b.key.padEnd(10)} ${b.name.slice(0, 30).padEnd(30)} solde ${eur(b.openBalanceCents).padStart(14)}  échu ${eur(b.overdueCents).padStart(14)}  DSO ${b.dsoDays.toFixed(0).padStart(4)} j` +
        (b.aboveUnnamedThresholdCents > 0 ? `  limite à demander ${eur(b.exposureCents)}` : '') +
        (b.isDoubtful ? '  [douteux]' : ''),
    ),
    '',
  ];
  return lines.join('\n');
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

/**
 * A FEC, or else a CSV of open invoices (an aged balance): the FEC reader says `not-a-fec` on the header
 * line of anything else, and the CSV reader then finds the columns itself.
 */
function receivablesOf(
  bytes: Uint8Array,
  file: string,
): { ok: true; receivables: FecReceivables } | { ok: false; errors: readonly ImportError[] } {
  const fec = parseFecBytes(bytes);
  const notFec = fec.errors.length === 1 && fec.errors[0]?.code === 'not-a-fec';
  if (!notFec) {
    if (fec.errors.length > 0) return { ok: false, errors: fec.errors };
    return { ok: true, receivables: receivablesFromFec(fec.entries, { fileName: file }) };
  }
  const csv = readCsvBytes(bytes);
  if (!csv.ok) return { ok: false, errors: [...fec.errors, ...csv.errors] };
  const stem = basename(file).replace(/\.[^.]*$/, '');
  return receivablesFromCsvInvoices(csv.table, stem);
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
