/**
 * Column mapping of a CSV import: which column of the file feeds which field of a buyer, an invoice or a limit
 * decision. `guessMapping` proposes one from French or English header names; the user confirms or corrects it
 * and the app stores it under `mappingKey(headers)`, so the next file with the same header row is mapped
 * without asking.
 *
 * Invariants: a mapping points each field at a column index of the header row; no column feeds two fields;
 * header names are compared without case, accents or punctuation (`normalizeLabel`). A saved mapping names
 * columns by header text, not index, and is re-resolved against the headers of the file being imported.
 */
import { z } from 'zod';
import type { LocalizedText } from '../domain/types';
import { normalizeLabel } from './csv-values';

export const CSV_TARGETS = ['buyers', 'invoices', 'limits'] as const;
export type CsvTarget = (typeof CSV_TARGETS)[number];

export const BUYER_FIELDS = [
  'key',
  'name',
  'siren',
  'siret',
  'vat',
  'naf',
  'address',
  'postcode',
  'city',
  'country',
  'paymentTerms',
  'contactEmail',
  'contactPhone',
] as const;
export const INVOICE_FIELDS = [
  'buyerKey',
  'buyerSiren',
  'number',
  'issueDate',
  'deliveryDate',
  'dueDate',
  'amountHt',
  'amountTtc',
  'currency',
  'disputed',
] as const;
export const LIMIT_FIELDS = [
  'buyerKey',
  'buyerSiren',
  'kind',
  'decisionDate',
  'effectiveDate',
  'amount',
  'requestedAmount',
  'endDate',
  'layer',
  'insurerReference',
] as const;

export type BuyerField = (typeof BUYER_FIELDS)[number];
export type InvoiceField = (typeof INVOICE_FIELDS)[number];
export type LimitField = (typeof LIMIT_FIELDS)[number];
export type CsvFieldOf<T extends CsvTarget> = T extends 'buyers'
  ? BuyerField
  : T extends 'invoices'
    ? InvoiceField
    : LimitField;

/** Field → column index in the header row. A field absent from the mapping is not imported. */
export type CsvMapping<T extends CsvTarget> = Partial<Record<CsvFieldOf<T>, number>>;

type FieldSpec = {
  readonly label: LocalizedText;
  /** Header names that mean this field, normalised (`normalizeLabel`). */
  readonly synonyms: readonly string[];
};

/** Fields of which at least one must be mapped (a group of one is a plain required field). */
type Requirement<F extends string> = readonly F[];

const BUYER_REF: Requirement<'buyerKey' | 'buyerSiren'> = ['buyerSiren', 'buyerKey'];

const BUYER_SPECS: Record<BuyerField, FieldSpec> = {
  key: {
    label: { fr: 'Code client', en: 'Customer code' },
    synonyms: [
      'code client',
      'code',
      'compte client',
      'compte auxiliaire',
      'compauxnum',
      'customer code',
      'customer id',
      'account',
      'ref client',
      'reference client',
    ],
  },
  name: {
    label: { fr: 'Raison sociale', en: 'Company name' },
    synonyms: [
      'raison sociale',
      'nom',
      'nom client',
      'client',
      'denomination',
      'societe',
      'entreprise',
      'company name',
      'company',
      'name',
      'customer',
      'customer name',
      'buyer',
      'acheteur',
    ],
  },
  siren: {
    label: { fr: 'SIREN', en: 'SIREN' },
    synonyms: ['siren', 'n siren', 'numero siren', 'siren number', 'company number'],
  },
  siret: {
    label: { fr: 'SIRET', en: 'SIRET' },
    synonyms: ['siret', 'n siret', 'numero siret', 'siret number'],
  },
  vat: {
    label: { fr: 'N° TVA intracommunautaire', en: 'VAT number' },
    synonyms: [
      'tva intracommunautaire',
      'n tva intracommunautaire',
      'numero de tva',
      'n tva',
      'tva',
      'vat',
      'vat number',
      'vat id',
    ],
  },
  naf: {
    label: { fr: 'Code NAF', en: 'NAF code' },
    synonyms: ['naf', 'code naf', 'ape', 'code ape', 'naf code', 'activity code'],
  },
  address: {
    label: { fr: 'Adresse', en: 'Address' },
    synonyms: ['adresse', 'adresse 1', 'rue', 'address', 'street', 'address line 1'],
  },
  postcode: {
    label: { fr: 'Code postal', en: 'Postcode' },
    synonyms: ['code postal', 'cp', 'postcode', 'postal code', 'zip', 'zip code'],
  },
  city: { label: { fr: 'Ville', en: 'City' }, synonyms: ['ville', 'commune', 'localite', 'city', 'town'] },
  country: {
    label: { fr: 'Pays', en: 'Country' },
    synonyms: ['pays', 'code pays', 'country', 'country code'],
  },
  paymentTerms: {
    label: { fr: 'Conditions de paiement', en: 'Payment terms' },
    synonyms: [
      'conditions de paiement',
      'condition de paiement',
      'delai de paiement',
      'conditions de reglement',
      'mode de reglement',
      'echeance',
      'payment terms',
      'terms',
    ],
  },
  contactEmail: {
    label: { fr: 'E-mail du contact', en: 'Contact email' },
    synonyms: ['email', 'e mail', 'mail', 'courriel', 'adresse e mail', 'email contact', 'contact email'],
  },
  contactPhone: {
    label: { fr: 'Téléphone du contact', en: 'Contact phone' },
    synonyms: [
      'telephone',
      'tel',
      'tel contact',
      'telephone contact',
      'phone',
      'contact phone',
      'phone number',
    ],
  },
};

const BUYER_KEY_SPEC: FieldSpec = {
  label: { fr: 'Code client', en: 'Customer code' },
  synonyms: [
    'code client',
    'compte client',
    'compte auxiliaire',
    'compauxnum',
    'customer code',
    'customer id',
    'ref client',
    'reference client',
    'client',
    'customer',
    'acheteur',
    'buyer',
  ],
};
const BUYER_SIREN_SPEC: FieldSpec = {
  label: { fr: 'SIREN du client', en: 'Customer SIREN' },
  synonyms: [
    'siren',
    'siren client',
    'n siren',
    'numero siren',
    'customer siren',
    'buyer siren',
    'siren acheteur',
  ],
};

const INVOICE_SPECS: Record<InvoiceField, FieldSpec> = {
  buyerKey: BUYER_KEY_SPEC,
  buyerSiren: BUYER_SIREN_SPEC,
  number: {
    label: { fr: 'N° de facture', en: 'Invoice number' },
    synonyms: [
      'n facture',
      'no facture',
      'numero facture',
      'numero de facture',
      'facture',
      'num facture',
      'ref facture',
      'piece',
      'n piece',
      'invoice number',
      'invoice no',
      'invoice',
      'number',
    ],
  },
  issueDate: {
    label: { fr: 'Date de facture', en: 'Invoice date' },
    synonyms: [
      'date facture',
      'date de facture',
      'date d emission',
      'date emission',
      'date',
      'invoice date',
      'issue date',
    ],
  },
  deliveryDate: {
    label: { fr: 'Date de livraison', en: 'Delivery date' },
    synonyms: [
      'date de livraison',
      'date livraison',
      'livraison',
      'date d expedition',
      'delivery date',
      'shipment date',
      'shipping date',
    ],
  },
  dueDate: {
    label: { fr: "Date d'échéance", en: 'Due date' },
    synonyms: ['date d echeance', 'date echeance', 'echeance', 'date limite de paiement', 'due date', 'due'],
  },
  amountHt: {
    label: { fr: 'Montant HT', en: 'Amount excl. VAT' },
    synonyms: [
      'montant ht',
      'total ht',
      'ht',
      'amount excl vat',
      'amount excluding vat',
      'net amount',
      'amount net',
    ],
  },
  amountTtc: {
    label: { fr: 'Montant TTC', en: 'Amount incl. VAT' },
    synonyms: [
      'montant ttc',
      'total ttc',
      'ttc',
      'montant',
      'amount incl vat',
      'amount including vat',
      'gross amount',
      'total amount',
      'amount',
      'total',
    ],
  },
  currency: { label: { fr: 'Devise', en: 'Currency' }, synonyms: ['devise', 'monnaie', 'currency'] },
  disputed: {
    label: { fr: 'En litige', en: 'Disputed' },
    synonyms: ['litige', 'en litige', 'litigieux', 'contestee', 'disputed', 'dispute', 'in dispute'],
  },
};

const LIMIT_SPECS: Record<LimitField, FieldSpec> = {
  buyerKey: BUYER_KEY_SPEC,
  buyerSiren: BUYER_SIREN_SPEC,
  kind: {
    label: { fr: 'Décision', en: 'Decision' },
    synonyms: [
      'decision',
      'type de decision',
      'nature',
      'statut',
      'etat',
      'decision kind',
      'decision type',
      'status',
    ],
  },
  decisionDate: {
    label: { fr: 'Date de décision', en: 'Decision date' },
    synonyms: ['date de decision', 'date decision', 'date', 'decision date', 'date of decision'],
  },
  effectiveDate: {
    label: { fr: "Date d'effet", en: 'Effective date' },
    synonyms: ['date d effet', 'date effet', 'effet', 'a compter du', 'effective date', 'effective from'],
  },
  amount: {
    label: { fr: 'Limite accordée', en: 'Limit granted' },
    synonyms: [
      'limite accordee',
      'montant accorde',
      'limite',
      'agrement',
      'montant agree',
      'montant garanti',
      'garantie',
      'montant',
      'limit granted',
      'granted amount',
      'credit limit',
      'limit',
      'amount',
    ],
  },
  requestedAmount: {
    label: { fr: 'Montant demandé', en: 'Amount requested' },
    synonyms: [
      'montant demande',
      'limite demandee',
      'demande',
      'requested amount',
      'amount requested',
      'requested limit',
    ],
  },
  endDate: {
    label: { fr: 'Date de fin', en: 'End date' },
    synonyms: [
      'date de fin',
      'date fin',
      'fin',
      'date d expiration',
      'expiration',
      'valable jusqu au',
      'end date',
      'expiry date',
      'valid until',
    ],
  },
  layer: {
    label: { fr: 'Type de garantie', en: 'Cover layer' },
    synonyms: [
      'type de garantie',
      'type de limite',
      'couche',
      'niveau',
      'type',
      'layer',
      'cover layer',
      'limit type',
    ],
  },
  insurerReference: {
    label: { fr: "Référence de l'assureur", en: 'Insurer reference' },
    synonyms: [
      'reference assureur',
      'ref assureur',
      'reference',
      'n agrement',
      'numero d agrement',
      'n decision',
      'insurer reference',
      'reference number',
    ],
  },
};

type TargetSpec<F extends string> = {
  readonly fields: readonly F[];
  readonly specs: Readonly<Record<F, FieldSpec>>;
  readonly requirements: readonly Requirement<F>[];
};

const TARGETS: { readonly [T in CsvTarget]: TargetSpec<CsvFieldOf<T>> } = {
  buyers: { fields: BUYER_FIELDS, specs: BUYER_SPECS, requirements: [['name']] },
  invoices: {
    fields: INVOICE_FIELDS,
    specs: INVOICE_SPECS,
    requirements: [BUYER_REF, ['number'], ['issueDate'], ['dueDate'], ['amountHt'], ['amountTtc']],
  },
  limits: {
    fields: LIMIT_FIELDS,
    specs: LIMIT_SPECS,
    requirements: [BUYER_REF, ['kind'], ['decisionDate'], ['effectiveDate'], ['amount']],
  },
};

/** The fields of a target, in display order. */
export function fieldsOf<T extends CsvTarget>(target: T): readonly CsvFieldOf<T>[] {
  const spec: TargetSpec<CsvFieldOf<T>> = TARGETS[target];
  return spec.fields;
}

/** The French / English label of a field, for the mapping screen and error messages. */
export function fieldLabel<T extends CsvTarget>(target: T, field: CsvFieldOf<T>): LocalizedText {
  const spec: TargetSpec<CsvFieldOf<T>> = TARGETS[target];
  return spec.specs[field].label;
}

/** How well `header` names a field: exact synonym ≫ synonym contained as whole words; 0 when unrelated. */
function score(header: string, synonyms: readonly string[]): number {
  let best = 0;
  for (const synonym of synonyms) {
    if (header === synonym) best = Math.max(best, 1000 + synonym.length);
    else if (` ${header} `.includes(` ${synonym} `)) best = Math.max(best, synonym.length);
  }
  return best;
}

/**
 * Proposes a mapping from the header names. Every (field, column) pair is scored and the best pairs are taken
 * first, so "Montant HT" goes to the HT field even though "montant" alone would mean TTC; a column is used
 * once. Deterministic: ties go to the earlier field, then the earlier column.
 */
export function guessMapping<T extends CsvTarget>(headers: readonly string[], target: T): CsvMapping<T> {
  const spec: TargetSpec<CsvFieldOf<T>> = TARGETS[target];
  const normalized = headers.map(normalizeLabel);
  const pairs: { field: CsvFieldOf<T>; column: number; score: number; order: number }[] = [];
  spec.fields.forEach((field, fieldOrder) => {
    normalized.forEach((header, column) => {
      const value = score(header, spec.specs[field].synonyms);
      if (value > 0) pairs.push({ field, column, score: value, order: fieldOrder * 10_000 + column });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.order - b.order);
  const mapping: CsvMapping<T> = {};
  const usedColumns = new Set<number>();
  for (const pair of pairs) {
    if (mapping[pair.field] !== undefined || usedColumns.has(pair.column)) continue;
    mapping[pair.field] = pair.column;
    usedColumns.add(pair.column);
  }
  return mapping;
}

/** A required field (or group of alternatives, any one of which will do) that the mapping leaves out. */
export type MissingField<T extends CsvTarget> = {
  readonly anyOf: readonly CsvFieldOf<T>[];
  readonly label: LocalizedText;
};

/**
 * The required fields the mapping does not provide, and columns out of the header row's range. Empty when the
 * mapping can be applied. `columnCount` (the header width) is checked when given.
 */
export function validateMapping<T extends CsvTarget>(
  mapping: CsvMapping<T>,
  target: T,
  columnCount?: number,
): readonly MissingField<T>[] {
  const spec: TargetSpec<CsvFieldOf<T>> = TARGETS[target];
  const isMapped = (field: CsvFieldOf<T>): boolean => {
    const column = mapping[field];
    return (
      column !== undefined &&
      Number.isInteger(column) &&
      column >= 0 &&
      (columnCount === undefined || column < columnCount)
    );
  };
  return spec.requirements
    .filter((group) => !group.some(isMapped))
    .map((group) => ({
      anyOf: group,
      label: {
        fr: group.map((field) => spec.specs[field].label.fr).join(' ou '),
        en: group.map((field) => spec.specs[field].label.en).join(' or '),
      },
    }));
}

/** 32-bit FNV-1a of a string, as 8 hex digits: a short, stable, dependency-free fingerprint. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * A stable signature of a header row: the same headers (ignoring case, accents, punctuation and surrounding
 * spaces) in the same order give the same key. Order counts because a mapping is applied by position.
 */
export function mappingKey(headers: readonly string[]): string {
  const canonical = headers.map(normalizeLabel).join('\u001f');
  return `csv-headers:v1:${headers.length}:${fnv1a(canonical)}`;
}

/** A confirmed mapping as the app stores it: columns named by their header text. */
export const savedCsvMappingSchema = z.object({
  version: z.literal(1),
  target: z.enum(CSV_TARGETS),
  key: z.string().min(1),
  /** Field name → header text of its column. */
  columns: z.record(z.string(), z.string()),
});
export type SavedCsvMapping = z.infer<typeof savedCsvMappingSchema>;

/** Turns a confirmed mapping into what the app stores. */
export function toSavedMapping<T extends CsvTarget>(
  mapping: CsvMapping<T>,
  target: T,
  headers: readonly string[],
): SavedCsvMapping {
  const columns: Record<string, string> = {};
  for (const field of fieldsOf(target)) {
    const column = mapping[field];
    const header = column === undefined ? undefined : headers[column];
    if (header !== undefined) columns[field] = header;
  }
  return { version: 1, target, key: mappingKey(headers), columns };
}

function isFieldOf<T extends CsvTarget>(target: T, name: string): name is CsvFieldOf<T> {
  return fieldsOf(target).some((field) => field === name);
}

/**
 * Re-applies a stored mapping to a file: `undefined` when the stored one is for another header row or target
 * (then `guessMapping` and the mapping step run again).
 */
export function fromSavedMapping<T extends CsvTarget>(
  saved: SavedCsvMapping,
  target: T,
  headers: readonly string[],
): CsvMapping<T> | undefined {
  if (saved.target !== target || saved.key !== mappingKey(headers)) return undefined;
  const normalized = headers.map(normalizeLabel);
  const mapping: CsvMapping<T> = {};
  for (const [field, header] of Object.entries(saved.columns)) {
    const column = normalized.indexOf(normalizeLabel(header));
    if (!isFieldOf(target, field) || column < 0) return undefined;
    mapping[field] = column;
  }
  return mapping;
}
