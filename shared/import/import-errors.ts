/**
 * Error values of every ledger import (FEC, CSV): a code the UI switches on, where it happened, and a French /
 * English sentence per code telling the user what to do.
 *
 * Invariants: errors are values, never thrown; `line` is the 1-based line number in the file as a text editor
 * shows it; `field` names the column as written in the file's header (or the expected column name). Messages
 * carry `{line}`, `{field}` and `{detail}` placeholders filled by `importErrorMessage`. This module is shared by
 * the FEC and CSV readers: add codes, never rename one.
 */
import type { Lang, LocalizedText } from '../domain/types';

export const IMPORT_ERROR_CODES = [
  'empty-file',
  'bad-encoding',
  'not-a-fec',
  'missing-column',
  'wrong-column-count',
  'bad-date',
  'bad-amount',
  'bad-sense',
  // CSV import (csv-read.ts, csv-import.ts).
  'csv-empty-file',
  'csv-structure',
  'csv-missing-column',
  'csv-missing-value',
  'csv-bad-date',
  'csv-bad-amount',
  'csv-inconsistent-amounts',
  'csv-bad-siren',
  'csv-siren-checksum',
  'csv-bad-siret',
  'csv-bad-vat',
  'csv-bad-naf',
  'csv-bad-payment-terms',
  'csv-bad-decision-kind',
  'csv-bad-layer',
  'csv-bad-boolean',
  'csv-bad-currency',
  'csv-duplicate-row',
] as const;

export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export type ImportError = {
  readonly code: ImportErrorCode;
  /** 1-based line number in the file; absent for an error about the whole file. */
  readonly line?: number;
  /** Column concerned, as named in the header (or the expected name when it is missing). */
  readonly field?: string;
  /** The offending value or a short technical precision, shown to the user as is. */
  readonly detail: string;
};

export const IMPORT_ERROR_MESSAGES: Readonly<Record<ImportErrorCode, LocalizedText>> = {
  'empty-file': {
    fr: 'Le fichier est vide : exportez à nouveau le FEC depuis votre logiciel comptable.',
    en: 'The file is empty: export the FEC again from your accounting software.',
  },
  'bad-encoding': {
    fr: "Le fichier n'est pas un texte lisible ({detail}) : exportez-le en UTF-8 ou en ISO-8859-15.",
    en: 'The file is not readable text ({detail}): export it as UTF-8 or ISO-8859-15.',
  },
  'not-a-fec': {
    fr: "Ce fichier n'est pas un FEC : la première ligne doit nommer les colonnes (JournalCode, EcritureNum…), séparées par des tabulations ou des « | » ({detail}).",
    en: 'This file is not a FEC: its first line must name the columns (JournalCode, EcritureNum…), separated by tabs or "|" ({detail}).',
  },
  'missing-column': {
    fr: "Colonne obligatoire absente : {field}. Rien n'a été importé ; exportez un FEC complet.",
    en: 'Mandatory column missing: {field}. Nothing was imported; export a complete FEC.',
  },
  'wrong-column-count': {
    fr: "Ligne {line} : nombre de colonnes inattendu ({detail}). Vérifiez qu'aucun libellé ne contient le séparateur.",
    en: 'Line {line}: unexpected number of columns ({detail}). Check that no label contains the separator.',
  },
  'bad-date': {
    fr: 'Ligne {line}, colonne {field} : date illisible « {detail} » (format attendu AAAAMMJJ).',
    en: 'Line {line}, column {field}: unreadable date "{detail}" (expected YYYYMMDD).',
  },
  'bad-amount': {
    fr: 'Ligne {line}, colonne {field} : montant illisible « {detail} » (exemple attendu : 1234,56).',
    en: 'Line {line}, column {field}: unreadable amount "{detail}" (expected e.g. 1234,56).',
  },
  'bad-sense': {
    fr: 'Ligne {line}, colonne {field} : sens « {detail} » inconnu (attendu D ou C).',
    en: 'Line {line}, column {field}: unknown sense "{detail}" (expected D or C).',
  },
  'csv-empty-file': {
    fr: "Le fichier ne contient aucune ligne : enregistrez-le depuis votre tableur avec sa ligne d'en-têtes.",
    en: 'The file has no lines: save it from your spreadsheet with its header row.',
  },
  'csv-structure': {
    fr: 'Ligne {line} : le fichier CSV est mal formé ({detail}). Vérifiez les guillemets de cette ligne.',
    en: 'Line {line}: the CSV file is malformed ({detail}). Check the quotes on this line.',
  },
  'csv-missing-column': {
    fr: "Aucune colonne n'est associée au champ obligatoire {field} : choisissez-la dans l'étape d'association des colonnes.",
    en: 'No column is mapped to the required field {field}: choose it in the column-mapping step.',
  },
  'csv-missing-value': {
    fr: 'Ligne {line}, colonne {field} : valeur obligatoire vide. Complétez-la dans le fichier.',
    en: 'Line {line}, column {field}: required value is empty. Fill it in the file.',
  },
  'csv-bad-date': {
    fr: 'Ligne {line}, colonne {field} : date illisible « {detail} » (formats acceptés : JJ/MM/AAAA, AAAA-MM-JJ, JJ.MM.AAAA, AAAAMMJJ).',
    en: 'Line {line}, column {field}: unreadable date "{detail}" (accepted: DD/MM/YYYY, YYYY-MM-DD, DD.MM.YYYY, YYYYMMDD).',
  },
  'csv-bad-amount': {
    fr: 'Ligne {line}, colonne {field} : montant refusé « {detail} » (exemple attendu : 1 234,56, au centime près, positif).',
    en: 'Line {line}, column {field}: amount refused "{detail}" (expected e.g. 1 234,56, to the cent, positive).',
  },
  'csv-inconsistent-amounts': {
    fr: 'Ligne {line} : le montant HT dépasse le montant TTC ({detail}). Vérifiez que les deux colonnes ne sont pas inversées.',
    en: 'Line {line}: the amount excluding VAT exceeds the amount including VAT ({detail}). Check the two columns are not swapped.',
  },
  'csv-bad-siren': {
    fr: "Ligne {line}, colonne {field} : « {detail} » n'est pas un SIREN (9 chiffres attendus).",
    en: 'Line {line}, column {field}: "{detail}" is not a SIREN (9 digits expected).',
  },
  'csv-siren-checksum': {
    fr: "Ligne {line}, colonne {field} : la clé du SIREN {detail} est fausse ; vérifiez qu'aucun chiffre n'a été mal recopié.",
    en: 'Line {line}, column {field}: the check digit of SIREN {detail} is wrong; check that no digit was mistyped.',
  },
  'csv-bad-siret': {
    fr: 'Ligne {line}, colonne {field} : SIRET invalide « {detail} » (14 chiffres avec une clé valide).',
    en: 'Line {line}, column {field}: invalid SIRET "{detail}" (14 digits with a valid check digit).',
  },
  'csv-bad-vat': {
    fr: 'Ligne {line}, colonne {field} : numéro de TVA invalide « {detail} » (exemple : FR44732829320).',
    en: 'Line {line}, column {field}: invalid VAT number "{detail}" (example: FR44732829320).',
  },
  'csv-bad-naf': {
    fr: 'Ligne {line}, colonne {field} : code NAF invalide « {detail} » (exemple : 62.02A).',
    en: 'Line {line}, column {field}: invalid NAF code "{detail}" (example: 62.02A).',
  },
  'csv-bad-payment-terms': {
    fr: 'Ligne {line}, colonne {field} : conditions de paiement illisibles « {detail} » (exemples : 30 jours nets, 45 jours fin de mois).',
    en: 'Line {line}, column {field}: unreadable payment terms "{detail}" (examples: 30 days net, 45 days end of month).',
  },
  'csv-bad-decision-kind': {
    fr: 'Ligne {line}, colonne {field} : décision inconnue « {detail} » (attendu : accordée, partielle, refusée, réduite, résiliée, expirée, temporaire ou demandée).',
    en: 'Line {line}, column {field}: unknown decision "{detail}" (expected: granted, partial, refused, reduced, cancelled, expired, temporary or requested).',
  },
  'csv-bad-layer': {
    fr: 'Ligne {line}, colonne {field} : type de garantie inconnu « {detail} » (attendu : dénommée, discrétionnaire ou complémentaire).',
    en: 'Line {line}, column {field}: unknown cover layer "{detail}" (expected: named, discretionary or top-up).',
  },
  'csv-bad-boolean': {
    fr: "Ligne {line}, colonne {field} : « {detail} » n'est ni oui ni non.",
    en: 'Line {line}, column {field}: "{detail}" is neither yes nor no.',
  },
  'csv-bad-currency': {
    fr: 'Ligne {line}, colonne {field} : devise inconnue « {detail} » (code ISO à trois lettres attendu, exemple : EUR).',
    en: 'Line {line}, column {field}: unknown currency "{detail}" (three-letter ISO code expected, e.g. EUR).',
  },
  'csv-duplicate-row': {
    fr: 'Ligne {line} : cette ligne reprend un élément déjà présent ligne {detail} avec des valeurs différentes ; gardez-en une seule.',
    en: 'Line {line}: this line repeats an item already on line {detail} with different values; keep only one.',
  },
};

/** The user-facing sentence of an error, placeholders filled. */
export function importErrorMessage(error: ImportError, lang: Lang): string {
  const template = IMPORT_ERROR_MESSAGES[error.code][lang];
  return template
    .replaceAll('{line}', error.line === undefined ? '—' : String(error.line))
    .replaceAll('{field}', error.field ?? '—')
    .replaceAll('{detail}', error.detail);
}
