/**
 * French company identifiers: SIREN (the legal entity an insurer covers), SIRET (one of its establishments),
 * intra-community VAT number, NAF activity code.
 *
 * Rules (domain.md §4 "Identifiers"):
 * - SIREN: 9 digits, Luhn key.
 * - SIRET: 14 digits = SIREN + 5-digit NIC, Luhn key over the 14 digits. Exception: La Poste (SIREN 356000000)
 *   numbers its establishments so that the sum of the 14 digits is a multiple of 5, without a Luhn key; its
 *   head office 356 000 000 00048 keeps an ordinary Luhn key (python-stdnum `fr/siret.py` applies the same rule).
 * - French VAT: "FR" + 2-digit key + SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97. Keys made of letters
 *   (given to entities without a SIREN) are not derived from a SIREN and are reported as `bad-format`.
 * - NAF (APE) code: 2 digits, optional dot, 2 digits, 1 letter; normalised to "62.02A".
 *
 * Input may contain spaces (any kind, including U+00A0 and U+202F), dots or hyphens between digit groups
 * ("732 829 320"); the normalised value has none. Every failure carries a code for the UI to switch on and a
 * French and English sentence saying what to fix.
 */
import type { LocalizedText } from './types';

export type IdentifierErrorReason =
  'empty' | 'wrong-length' | 'not-digits' | 'checksum' | 'bad-format' | 'key-mismatch';

export type IdentifierResult =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly reason: IdentifierErrorReason; readonly message: LocalizedText };

const LA_POSTE_SIREN = '356000000';
const LA_POSTE_HEAD_OFFICE_SIRET = '35600000000048';

function fail(reason: IdentifierErrorReason, fr: string, en: string): IdentifierResult {
  return { ok: false, reason, message: { fr, en } };
}

/** Removes what people type between digit groups: spaces of every kind, dots, hyphens. */
function compact(input: string): string {
  return input.replace(/[\s.-]/g, '');
}

function digitsInEnglish(count: number): string {
  return count === 1 ? '1 digit' : `${count} digits`;
}

/** Luhn sum: from the right, every second digit doubled (minus 9 when over 9). */
function luhnSum(digits: string): number {
  let sum = 0;
  for (let position = 0; position < digits.length; position++) {
    const digit = Number(digits[digits.length - 1 - position]);
    const value = position % 2 === 1 ? digit * 2 : digit;
    sum += value > 9 ? value - 9 : value;
  }
  return sum;
}

/** True when the Luhn sum of `digits` ends in 0. */
export function hasValidLuhnKey(digits: string): boolean {
  return luhnSum(digits) % 10 === 0;
}

/** The digit that completes `prefix` (digits only) into a number with a valid Luhn key. */
export function luhnCheckDigit(prefix: string): string {
  // The check digit sits in an undoubled position, so it adds itself to the sum of `prefix` + "0".
  return String((10 - (luhnSum(`${prefix}0`) % 10)) % 10);
}

function checkDigits(
  input: string,
  length: number,
  name: { readonly fr: string; readonly en: string },
): IdentifierResult {
  const value = compact(input);
  if (value === '') {
    return fail('empty', `Le ${name.fr} est vide.`, `The ${name.en} is empty.`);
  }
  if (!/^\d+$/.test(value)) {
    return fail(
      'not-digits',
      `Un ${name.fr} ne contient que des chiffres ; « ${input.trim()} » contient d'autres caractères.`,
      `A ${name.en} contains digits only; "${input.trim()}" contains other characters.`,
    );
  }
  if (value.length !== length) {
    return fail(
      'wrong-length',
      `Un ${name.fr} compte ${length} chiffres ; celui-ci en a ${value.length}.`,
      `A ${name.en} has ${length} digits; this one has ${digitsInEnglish(value.length)}.`,
    );
  }
  return { ok: true, value };
}

/** Validates a SIREN ("732 829 320" → "732829320"). */
export function validateSiren(input: string): IdentifierResult {
  const checked = checkDigits(input, 9, { fr: 'SIREN', en: 'SIREN' });
  if (!checked.ok) return checked;
  if (!hasValidLuhnKey(checked.value)) {
    return fail(
      'checksum',
      `La clé du SIREN ${checked.value} est fausse : vérifiez qu'aucun chiffre n'a été mal recopié.`,
      `The check digit of SIREN ${checked.value} is wrong: check that no digit was mistyped.`,
    );
  }
  return checked;
}

/** Validates a SIRET ("732 829 320 00074" → "73282932000074"), with La Poste's exception. */
export function validateSiret(input: string): IdentifierResult {
  const checked = checkDigits(input, 14, { fr: 'SIRET', en: 'SIRET' });
  if (!checked.ok) return checked;
  const value = checked.value;
  const isLaPosteEstablishment = value.startsWith(LA_POSTE_SIREN) && value !== LA_POSTE_HEAD_OFFICE_SIRET;
  const isValid = isLaPosteEstablishment ? digitSum(value) % 5 === 0 : hasValidLuhnKey(value);
  if (!isValid) {
    return fail(
      'checksum',
      `La clé du SIRET ${value} est fausse : vérifiez qu'aucun chiffre n'a été mal recopié.`,
      `The check digit of SIRET ${value} is wrong: check that no digit was mistyped.`,
    );
  }
  return checked;
}

function digitSum(digits: string): number {
  let sum = 0;
  for (const digit of digits) sum += Number(digit);
  return sum;
}

/** The two-digit VAT key of a SIREN: (12 + 3 × (SIREN mod 97)) mod 97. */
function vatKey(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return String(key).padStart(2, '0');
}

/**
 * The French intra-community VAT number of a SIREN: `frenchVatNumber('732829320')` → "FR44732829320".
 * Throws a RangeError for an invalid SIREN: validate user input with `validateSiren` first.
 */
export function frenchVatNumber(siren: string): string {
  const checked = validateSiren(siren);
  if (!checked.ok) throw new RangeError(`frenchVatNumber: ${checked.message.en}`);
  return `FR${vatKey(checked.value)}${checked.value}`;
}

/** Validates a French VAT number ("FR 44 732 829 320" → "FR44732829320"). */
export function validateFrenchVat(input: string): IdentifierResult {
  const value = compact(input).toUpperCase();
  if (value === '') return fail('empty', 'Le numéro de TVA est vide.', 'The VAT number is empty.');
  const match = /^FR([0-9A-Z]{2})(\d{9})$/.exec(value);
  if (!match) {
    return fail(
      'bad-format',
      `Un numéro de TVA français s'écrit FR, deux chiffres de clé puis le SIREN (exemple : FR44732829320) ; « ${input.trim()} » ne suit pas ce modèle.`,
      `A French VAT number is FR, a two-digit key, then the SIREN (example: FR44732829320); "${input.trim()}" does not follow it.`,
    );
  }
  const [, key = '', siren = ''] = match;
  if (!/^\d{2}$/.test(key)) {
    return fail(
      'bad-format',
      `La clé « ${key} » contient des lettres : ce numéro n'est pas calculé à partir d'un SIREN et ne peut pas être vérifié ici.`,
      `The key "${key}" contains letters: this number is not derived from a SIREN and cannot be checked here.`,
    );
  }
  const sirenCheck = validateSiren(siren);
  if (!sirenCheck.ok) {
    return fail(
      'checksum',
      `Le SIREN ${siren} contenu dans ce numéro de TVA a une clé fausse.`,
      `The SIREN ${siren} inside this VAT number has a wrong check digit.`,
    );
  }
  const expected = vatKey(siren);
  if (key !== expected) {
    return fail(
      'key-mismatch',
      `La clé de TVA devrait être ${expected} pour le SIREN ${siren}, pas ${key}.`,
      `The VAT key should be ${expected} for SIREN ${siren}, not ${key}.`,
    );
  }
  return { ok: true, value };
}

/** Validates a NAF (APE) code: "6202A", "62.02a" or "62 02 A" → "62.02A". */
export function validateNaf(input: string): IdentifierResult {
  const value = input.replace(/\s/g, '').toUpperCase();
  if (value === '') return fail('empty', 'Le code NAF est vide.', 'The NAF code is empty.');
  const match = /^(\d{2})\.?(\d{2})([A-Z])$/.exec(value);
  if (!match) {
    return fail(
      'bad-format',
      `Un code NAF s'écrit 4 chiffres puis une lettre (exemple : 62.02A) ; « ${input.trim()} » ne suit pas ce modèle.`,
      `A NAF code is 4 digits then a letter (example: 62.02A); "${input.trim()}" does not follow it.`,
    );
  }
  const [, division = '', rest = '', letter = ''] = match;
  return { ok: true, value: `${division}.${rest}${letter}` };
}
