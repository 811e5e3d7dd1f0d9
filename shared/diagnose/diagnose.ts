/**
 * The receivables diagnostic of a prospect (« diagnostic du poste clients »), pure: the CLI
 * (`encours diagnose`, cli/diagnose.ts) reads the file and prints; the Diagnostic page (renderer) reads the
 * chosen file and draws. Both call `receivablesOf` then `diagnose` here, so the figures on screen are the
 * figures the CLI prints for the same file, policy and as-of date.
 *
 * Per buyer and in total: the open balance, aging buckets, overdue, DSO, the exposure above the unnamed
 * threshold (the limits to request), the domain alerts, the concentration (share of the 10 largest exposures)
 * and a premium estimate (policy rate on the FEC's 70x turnover, every sale taken as insurable B2B credit: a
 * FEC does not tell export or cash sales apart).
 *
 * As-of date when none is given: the closing date of the file name (`{SIREN}FEC{AAAAMMJJ}`), unless entries
 * run past it (a file named for one year-end that holds the next year's entries), then the latest entry date;
 * without a date in the name, the latest entry date.
 */
import { z } from 'zod';
import { AGING_BUCKETS, agingOfLedger } from '../domain/aging';
import type { AgingBucket } from '../domain/aging';
import { alertMessages } from '../domain/alert-messages';
import { ALERT_CODES, alertsFor } from '../domain/alerts';
import type { Alert } from '../domain/alerts';
import { dsoCountBack, monthlySalesOf } from '../domain/dso';
import { exposureOf } from '../domain/exposure';
import { formatCents } from '../domain/money';
import type { Policy } from '../domain/policy';
import { estimatePremium, turnoverRateOfferFromPolicy } from '../domain/premium';
import type { PremiumEstimate } from '../domain/premium';
import type { Cents, IsoDate } from '../domain/types';
import { readCsvBytes } from '../import/csv-read';
import { receivablesFromCsvInvoices } from '../import/csv-receivables';
import { parseFecBytes } from '../import/fec-parse';
import { buyerLedgersOf, receivablesFromFec } from '../import/fec-receivables';
import type { FecReceivables } from '../import/fec-receivables';
import type { ImportError } from '../import/import-errors';

/** The policy fields `--policy` may override; the rest come from DEFAULT_POLICY. */
export const POLICY_OVERRIDES = z
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

/**
 * A FEC, or else a CSV of open invoices (an aged balance): the FEC reader says `not-a-fec` on the header
 * line of anything else, and the CSV reader then finds the columns itself.
 */
/** A FEC only (the Diagnostic page imports FECs): its receivables, or every rejected line. */
export function fecReceivablesOf(
  bytes: Uint8Array,
  fileName: string,
): { ok: true; receivables: FecReceivables } | { ok: false; errors: readonly ImportError[] } {
  const fec = parseFecBytes(bytes);
  if (fec.errors.length > 0) return { ok: false, errors: fec.errors };
  return { ok: true, receivables: receivablesFromFec(fec.entries, { fileName }) };
}

export function receivablesOf(
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
  // The POSIX `basename` the CLI used before this moved here (a file path, or a browser File's bare name).
  const stem = (file.split('/').pop() ?? file).replace(/\.[^.]*$/, '');
  return receivablesFromCsvInvoices(csv.table, stem);
}
