/**
 * Reads one CSV cell into a typed value: dates, amounts, yes/no, limit decision kinds and layers, payment terms.
 *
 * Invariants: every reader is total (returns `undefined` for what it cannot read, never throws) and never
 * guesses: a date must be a real calendar date in one of the four accepted layouts; an amount goes through the
 * domain's `parseAmount` (integer cents, no rounding); words are matched without case or accents.
 */
import { isIsoDate } from '../domain/dates';
import type { LimitDecisionKind, LimitLayer } from '../domain/model';
import type { PaymentTerms } from '../domain/payment-terms';
import type { IsoDate } from '../domain/types';

/** Lower case, accents removed, runs of non-alphanumerics collapsed to one space, trimmed. */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const DATE_LAYOUTS: readonly { readonly pattern: RegExp; readonly order: 'dmy' | 'ymd' }[] = [
  { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: 'dmy' },
  { pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: 'dmy' },
  { pattern: /^(\d{1,2})-(\d{1,2})-(\d{4})$/, order: 'dmy' },
  { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, order: 'ymd' },
  { pattern: /^(\d{4})(\d{2})(\d{2})$/, order: 'ymd' },
];

/**
 * `JJ/MM/AAAA`, `JJ.MM.AAAA`, `JJ-MM-AAAA`, `AAAA-MM-JJ`, `AAAAMMJJ` → ISO date; a time after a space
 * ("15/03/2026 00:00", as spreadsheets export) is ignored. Day-first always: a French file never means MM/DD.
 */
export function parseCsvDate(input: string): IsoDate | undefined {
  const text = input.trim().replace(/[ T]\d{1,2}:\d{2}(?::\d{2})?$/, '');
  for (const { pattern, order } of DATE_LAYOUTS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [, a = '', b = '', c = ''] = match;
    const [year, month, day] = order === 'dmy' ? [c, b, a] : [a, b, c];
    const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : undefined;
  }
  return undefined;
}

const TRUE_WORDS = new Set([
  'oui',
  'o',
  'yes',
  'y',
  'vrai',
  'true',
  '1',
  'x',
  'litige',
  'en litige',
  'disputed',
]);
const FALSE_WORDS = new Set(['non', 'n', 'no', 'faux', 'false', '0', '']);

/** Oui/non, yes/no, vrai/faux, 1/0, x; an empty cell is "no". */
export function parseCsvBoolean(input: string): boolean | undefined {
  const word = normalizeLabel(input);
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

const DECISION_WORDS: readonly (readonly [LimitDecisionKind, readonly string[]])[] = [
  [
    'granted',
    ['accordee', 'accorde', 'accord', 'agreee', 'agree', 'granted', 'grant', 'approved', 'total', 'totale'],
  ],
  ['partial', ['partielle', 'partiel', 'accord partiel', 'partial', 'partially granted', 'partial grant']],
  ['refused', ['refusee', 'refuse', 'refus', 'refused', 'declined', 'rejected']],
  ['reduced', ['reduite', 'reduit', 'reduction', 'reduced', 'decreased']],
  [
    'cancelled',
    ['resiliee', 'resilie', 'resiliation', 'annulee', 'annule', 'cancelled', 'canceled', 'withdrawn'],
  ],
  ['expired', ['expiree', 'expire', 'echue', 'expired']],
  ['temporary', ['temporaire', 'provisoire', 'temporary']],
  ['requested', ['demandee', 'demande', 'en attente', 'requested', 'request', 'pending']],
];

const DECISION_BY_WORD = new Map<string, LimitDecisionKind>(
  DECISION_WORDS.flatMap(([kind, words]) => words.map((word) => [word, kind] as const)),
);

/** "Accordée", "refusée", "Partial"… → the decision kind. */
export function parseDecisionKind(input: string): LimitDecisionKind | undefined {
  return DECISION_BY_WORD.get(normalizeLabel(input));
}

const LAYER_BY_WORD = new Map<string, LimitLayer>([
  ['denommee', 'named'],
  ['agrement', 'named'],
  ['named', 'named'],
  ['discretionnaire', 'discretionary'],
  ['non denommee', 'discretionary'],
  ['discretionary', 'discretionary'],
  ['complementaire', 'top-up'],
  ['cap', 'top-up'],
  ['top up', 'top-up'],
]);

/** "Dénommée", "discrétionnaire", "complémentaire" (or English) → layer; empty → named (the usual case). */
export function parseLayer(input: string): LimitLayer | undefined {
  const word = normalizeLabel(input);
  return word === '' ? 'named' : LAYER_BY_WORD.get(word);
}

/**
 * Payment terms written the usual ways: "30 jours nets", "60 j", "45 jours fin de mois", "fin de mois + 45",
 * "30 jours après livraison", "30 days net", "45 days end of month". Anything else is `undefined`.
 */
export function parsePaymentTerms(input: string): PaymentTerms | undefined {
  const text = normalizeLabel(input);
  const number = /\b(\d{1,3})\b/.exec(text);
  if (!number) return undefined;
  const days = Number(number[1]);
  if (days > 366) return undefined;
  const words = text.replace(number[0], ' ');
  const known =
    /\b(jours?|j|days?|d|nets?|net|fin|de|mois|fdm|eom|end|of|month|apres|after|livraison|delivery|le|the|a|at|plus)\b/g;
  if (words.replace(known, '').trim() !== '') return undefined;
  if (/\b(fin de mois|fdm|eom|end of month)\b/.test(text)) {
    // "fin de mois + 45" and "45 jours fin de mois" are the same deal, read end-of-month first (the default).
    return { kind: 'eom-plus', days };
  }
  if (/\b(livraison|delivery)\b/.test(text)) return { kind: 'after-delivery', days };
  return { kind: 'net', days };
}

/** ISO 4217-looking code, upper-cased; "€" reads as EUR. */
export function parseCurrency(input: string): string | undefined {
  const text = input.trim().toUpperCase();
  if (text === '€') return 'EUR';
  return /^[A-Z]{3}$/.test(text) ? text : undefined;
}
