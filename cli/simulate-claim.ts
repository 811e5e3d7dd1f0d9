/**
 * `encours simulate-claim <scenario.json> [--format text|json] [--lang fr|en]`
 *
 * Reads a claim scenario (schema in shared/domain/claim-scenario.ts, documented in examples/README.md), and
 * prints the deadlines, whether each filing was on time, and the indemnity breakdown. `--format json` prints
 * the evaluation with every amount as integer cents in fields ending in `Cents`; `--format text` (default)
 * a readable summary, French by default, amounts formatted by Intl ("27 000,00 €").
 *
 * Exit codes: 0 done; 2 bad usage, unreadable file, invalid JSON or a field that does not validate (each
 * issue printed as `path : reason`).
 */
import { evaluateClaimScenario, parseClaimScenario } from '../shared/domain/claim-scenario';
import type {
  ClaimScenarioResult,
  InvoiceExclusion,
  Milestone,
  MilestoneCode,
} from '../shared/domain/claim-scenario';
import type { IndemnityStep, IndemnityStepCode } from '../shared/domain/indemnity';
import { EXIT_OK, EXIT_USAGE } from './io';
import type { Lang, LocalizedText as Text } from '../shared/domain/types';
import type { CliCommand, CliIo } from './io';

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];
const LANGS = ['fr', 'en'] as const;

const isFormat = (value: string): value is Format => FORMATS.some((f) => f === value);
const isLang = (value: string): value is Lang => LANGS.some((l) => l === value);

export const SIMULATE_CLAIM_HELP = `Usage : encours simulate-claim <scenario.json> [--format text|json] [--lang fr|en]

Simule un sinistre à partir d'un scénario JSON : délais (fin de prorogation, DMS, DIC, délai de carence,
indemnité ; ou procédure collective), dépôts dans les délais ou non, et calcul détaillé de l'indemnité.
Simulates a claim from a JSON scenario: deadlines, whether each filing was on time, the indemnity breakdown.

  --format text   résumé lisible (défaut) / readable summary (default)
  --format json   montants en centimes entiers, champs en *Cents / integer cents in *Cents fields
  --lang fr|en    langue du résumé texte (défaut fr) / language of the text summary (default fr)

Format du scénario / scenario format: examples/README.md ; exemple / example: examples/claim-scenario.json
Codes de sortie / exit codes: 0 ok, 2 fichier illisible, JSON ou champ invalide / unreadable file, bad JSON or field.
`;

type ParsedArgs =
  | { readonly kind: 'help' }
  | { readonly kind: 'run'; readonly file: string; readonly format: Format; readonly lang: Lang }
  | { readonly kind: 'error'; readonly message: string };

/** `--format json`, `--format=json`, same for `--lang`; exactly one positional file. */
export function parseSimulateClaimArgs(args: readonly string[]): ParsedArgs {
  let format: Format = 'text';
  let lang: Lang = 'fr';
  const files: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    const [flag, inline] = arg.startsWith('--') ? arg.split('=', 2) : [arg, undefined];
    if (flag === '--format' || flag === '--lang') {
      const value = inline ?? args[i + 1];
      if (inline === undefined) i += 1;
      if (flag === '--format') {
        if (value === undefined || !isFormat(value)) {
          return {
            kind: 'error',
            message: `--format attend text ou json / expects text or json (reçu / got: ${value ?? '—'})`,
          };
        }
        format = value;
      } else {
        if (value === undefined || !isLang(value)) {
          return {
            kind: 'error',
            message: `--lang attend fr ou en / expects fr or en (reçu / got: ${value ?? '—'})`,
          };
        }
        lang = value;
      }
    } else if (arg.startsWith('-')) {
      return { kind: 'error', message: `option inconnue / unknown option: ${arg}` };
    } else {
      files.push(arg);
    }
  }
  const [file, ...extra] = files;
  if (file === undefined)
    return { kind: 'error', message: 'fichier de scénario manquant / missing scenario file' };
  if (extra.length > 0)
    return {
      kind: 'error',
      message: `un seul fichier attendu / one file expected (reçu / got: ${files.join(' ')})`,
    };
  return { kind: 'run', file, format, lang };
}

// ------------------------------------------------------------------------------------------ text output

const euroFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const euroFormatEn = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' });

/** Display only: integer cents → "27 000,00 €". The division is exact enough for any safe-integer amount. */
export function formatCents(cents: number, lang: Lang = 'fr'): string {
  return (lang === 'fr' ? euroFormat : euroFormatEn).format(cents / 100);
}

function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-');
  return lang === 'fr' ? `${d ?? ''}/${m ?? ''}/${y ?? ''}` : iso;
}

function formatPercent(bp: number, lang: Lang): string {
  const value = bp / 100;
  return lang === 'fr' ? `${value.toLocaleString('fr-FR')} %` : `${value.toLocaleString('en-GB')} %`;
}

function milestoneLabel(code: MilestoneCode): Text {
  switch (code) {
    case 'max-extension-end':
      return {
        fr: 'Fin du délai maximum de prorogation — arrêt des livraisons',
        en: 'End of the maximum extension period — stop shipments',
      };
    case 'dms-deadline':
      return { fr: 'Date limite de la DMS (menace de sinistre)', en: 'Overdue notification (DMS) deadline' };
    case 'dic-deadline':
      return {
        fr: 'Date limite de la DIC (intervention contentieuse)',
        en: 'Collection request (DIC) deadline',
      };
    case 'waiting-period-end':
      return { fr: 'Fin du délai de carence', en: 'End of the waiting period' };
    case 'insurer-notification':
      return { fr: "Information de l'assureur (immédiate)", en: 'Notify the insurer (at once)' };
    case 'claim-declaration':
      return { fr: 'Déclaration de créance au mandataire', en: "Claim declared to the court's mandataire" };
    case 'indemnity-due':
      return { fr: 'Indemnité due', en: 'Indemnity due' };
  }
}

function milestoneStatus(m: Milestone, lang: Lang): string {
  const filed = m.filedOn === undefined ? '' : formatDate(m.filedOn, lang);
  const days = Math.abs(m.daysFromAsOf);
  const t: Text = (() => {
    switch (m.status) {
      case 'on-time':
        return { fr: `déposée le ${filed}, dans les délais`, en: `filed on ${filed}, on time` };
      case 'late':
        return {
          fr: `déposée le ${filed}, EN RETARD — risque de forclusion`,
          en: `filed on ${filed}, LATE — risk of losing cover`,
        };
      case 'pending':
        return { fr: `à faire, reste ${days} jour(s)`, en: `to do, ${days} day(s) left` };
      case 'missed':
        return {
          fr: `NON DÉPOSÉE, délai dépassé de ${days} jour(s) — risque de forclusion`,
          en: `NOT FILED, ${days} day(s) past the deadline — risk of losing cover`,
        };
      case 'reached':
        return { fr: 'date passée', en: 'passed' };
      case 'upcoming':
        return { fr: `dans ${days} jour(s)`, en: `in ${days} day(s)` };
    }
  })();
  return t[lang];
}

function stepLabel(step: IndemnityStep, lang: Lang): string {
  const code: IndemnityStepCode = step.code;
  const t: Text = (() => {
    switch (code) {
      case 'covered-open':
        return { fr: 'Encours impayé couvrable', en: 'Open amount eligible for cover' };
      case 'recoveries-before-loss':
        return { fr: 'Récupérations avant le sinistre', en: 'Recoveries before the loss date' };
      case 'applicable-limit':
        return { fr: 'Limite applicable', en: 'Applicable limit' };
      case 'insured-loss':
        return { fr: 'Perte assurée (minimum des deux)', en: 'Insured loss (lower of the two)' };
      case 'below-claim-threshold':
        return {
          fr: `Sous le seuil d'intervention (${formatCents(step.thresholdCents ?? 0, 'fr')} TTC)`,
          en: `Below the claim threshold (${formatCents(step.thresholdCents ?? 0, 'en')} incl. VAT)`,
        };
      case 'per-claim-deductible':
        return { fr: 'Franchise par sinistre', en: 'Per-claim deductible' };
      case 'after-deductible':
        return { fr: 'Après franchise', en: 'After deductible' };
      case 'quotity':
        return {
          fr: `× Quotité garantie ${formatPercent(step.quotityBp ?? 0, 'fr')}`,
          en: `× Insured percentage ${formatPercent(step.quotityBp ?? 0, 'en')}`,
        };
      case 'max-liability-cap':
        return { fr: 'Réduction au plafond de décaissement', en: 'Reduction to the maximum liability' };
      case 'aggregate-deductible':
        return { fr: 'Franchise annuelle déduite', en: 'Aggregate deductible applied' };
      case 'indemnity':
        return { fr: 'Indemnité', en: 'Indemnity' };
    }
  })();
  return t[lang];
}

function exclusionLabel(exclusion: InvoiceExclusion | undefined, lang: Lang): string {
  if (exclusion === undefined) return '';
  const t: Text = (() => {
    switch (exclusion) {
      case 'paid':
        return { fr: 'réglée', en: 'paid' };
      case 'not-issued':
        return { fr: 'émise après la date de la simulation', en: 'issued after the simulation date' };
      case 'disputed':
        return { fr: 'en litige, non couverte', en: 'disputed, not covered' };
      case 'terms-beyond-maximum':
        return {
          fr: 'délai au-delà de la durée maximale de crédit',
          en: 'terms beyond the maximum credit terms',
        };
      case 'no-limit':
        return { fr: 'aucune limite en vigueur à la livraison', en: 'no limit in force at delivery' };
    }
  })();
  return ` (${t[lang]})`;
}

export function formatScenarioText(result: ClaimScenarioResult, lang: Lang = 'fr'): string {
  const tr = (t: Text): string => t[lang];
  const money = (cents: number): string => formatCents(cents, lang);
  const date = (iso: string): string => formatDate(iso, lang);
  const basis = result.policy.coverBasis;
  const out: string[] = [];

  out.push(
    tr({ fr: `Simulation de sinistre — ${result.buyerName}`, en: `Claim simulation — ${result.buyerName}` }),
  );
  if (result.insuredName !== undefined)
    out.push(tr({ fr: `Assuré : ${result.insuredName}`, en: `Insured: ${result.insuredName}` }));
  out.push(
    tr({
      fr: `Situation au ${date(result.asOf)} — base ${basis}, quotité ${formatPercent(result.indemnity.quotityBp, lang)}`,
      en: `As of ${date(result.asOf)} — ${basis} basis, insured percentage ${formatPercent(result.indemnity.quotityBp, lang)}`,
    }),
  );
  out.push('');

  out.push(tr({ fr: 'Factures', en: 'Invoices' }));
  for (const inv of result.invoices) {
    out.push(
      `  ${inv.number}  ${tr({ fr: 'échéance', en: 'due' })} ${date(inv.dueDate)}  ${tr({ fr: 'reste dû', en: 'open' })} ` +
        `${money(inv.openTtcCents)} TTC / ${money(inv.openBasisCents)} ${basis}  ` +
        `${tr({ fr: 'couvert', en: 'covered' })} ${money(inv.coveredCents)}${exclusionLabel(inv.exclusion, lang)}`,
    );
  }
  out.push(
    `  ${tr({ fr: 'Total impayé', en: 'Total open' })} : ${money(result.totals.openTtcCents)} TTC / ${money(result.totals.openBasisCents)} ${basis}` +
      ` — ${tr({ fr: 'couvert', en: 'covered' })} ${money(result.totals.applicableLimitCents)}, ` +
      `${tr({ fr: 'non couvert', en: 'uncovered' })} ${money(result.totals.uncoveredCents)}`,
  );
  out.push('');

  switch (result.branch) {
    case 'protracted-default':
      out.push(
        tr({
          fr: `Délais — impayé (défaut de paiement), à partir de l'échéance du ${date(result.referenceDueDate ?? '')}`,
          en: `Deadlines — protracted default, from the due date ${date(result.referenceDueDate ?? '')}`,
        }),
      );
      break;
    case 'insolvency':
      out.push(
        tr({
          fr: 'Délais — procédure collective (pas de délai de carence ; indemnité après admission de la créance)',
          en: 'Deadlines — insolvency proceedings (no waiting period; indemnity after admission of the claim)',
        }),
      );
      break;
    case 'nothing-owed':
      out.push(tr({ fr: 'Aucun impayé : pas de sinistre.', en: 'Nothing owed: no claim.' }));
      break;
  }
  for (const m of result.milestones) {
    out.push(`  ${tr(milestoneLabel(m.code))} : ${date(m.date)} — ${milestoneStatus(m, lang)}`);
  }
  out.push('');

  out.push(tr({ fr: 'Indemnité', en: 'Indemnity' }));
  const labels = result.indemnity.steps.map((s) => stepLabel(s, lang));
  const width = Math.max(...labels.map((l) => l.length));
  result.indemnity.steps.forEach((step, i) => {
    out.push(`  ${(labels[i] ?? '').padEnd(width)}  ${money(step.cents).padStart(16)}`);
  });
  if (result.lossDate !== undefined) {
    out.push(
      tr({
        fr: `  (date du sinistre : ${date(result.lossDate)})`,
        en: `  (loss date: ${date(result.lossDate)})`,
      }),
    );
  }

  if (result.recoveriesAfterLoss.length > 0) {
    out.push('');
    out.push(
      tr({
        fr: `Récupérations après le sinistre (partagées au prorata : assureur ${money(result.indemnity.indemnityCents)} / perte ${money(result.lossCents)})`,
        en: `Recoveries after the loss (shared pro rata: insurer ${money(result.indemnity.indemnityCents)} / loss ${money(result.lossCents)})`,
      }),
    );
    for (const r of result.recoveriesAfterLoss) {
      out.push(
        tr({
          fr: `  ${date(r.date)} : ${money(r.amountCents)} → assureur ${money(r.insurerCents)}, assuré ${money(r.insuredCents)}`,
          en: `  ${date(r.date)}: ${money(r.amountCents)} → insurer ${money(r.insurerCents)}, insured ${money(r.insuredCents)}`,
        }),
      );
    }
  }
  return `${out.join('\n')}\n`;
}

// ------------------------------------------------------------------------------------------------- run

function describeReadError(error: unknown): string {
  if (error instanceof Error) {
    const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
    if (code === 'ENOENT') return 'fichier introuvable / file not found';
    if (code === 'EISDIR') return "c'est un dossier / it is a directory";
    if (code === 'EACCES') return 'accès refusé / permission denied';
    return error.message;
  }
  return String(error);
}

export async function runSimulateClaim(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseSimulateClaimArgs(args);
  if (parsed.kind === 'help') {
    io.stdout(SIMULATE_CLAIM_HELP);
    return EXIT_OK;
  }
  if (parsed.kind === 'error') {
    io.stderr(`encours simulate-claim : ${parsed.message}\n\n${SIMULATE_CLAIM_HELP}`);
    return EXIT_USAGE;
  }

  let raw: string;
  try {
    raw = await io.readTextFile(parsed.file);
  } catch (error) {
    io.stderr(
      `Impossible de lire « ${parsed.file} » / cannot read "${parsed.file}" : ${describeReadError(error)}\n`,
    );
    return EXIT_USAGE;
  }

  let json: unknown;
  try {
    // A BOM is common in files saved by Windows editors; JSON.parse refuses it.
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr(`JSON invalide dans « ${parsed.file} » / invalid JSON in "${parsed.file}" : ${detail}\n`);
    return EXIT_USAGE;
  }

  const scenario = parseClaimScenario(json);
  if (!scenario.ok) {
    const lines = scenario.issues.map((issue) => `  ${issue.path} : ${issue.message}`);
    io.stderr(`Scénario invalide « ${parsed.file} » / invalid scenario:\n${lines.join('\n')}\n`);
    return EXIT_USAGE;
  }

  const result = evaluateClaimScenario(scenario.scenario);
  io.stdout(
    parsed.format === 'json'
      ? `${JSON.stringify(result, null, 2)}\n`
      : formatScenarioText(result, parsed.lang),
  );
  return EXIT_OK;
}

export const simulateClaimCommand: CliCommand = {
  name: 'simulate-claim',
  summary: {
    fr: "simule un sinistre : délais, dépôts dans les délais, calcul de l'indemnité",
    en: 'simulates a claim: deadlines, filings on time, indemnity breakdown',
  },
  run: runSimulateClaim,
};
