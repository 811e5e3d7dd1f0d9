/**
 * Integer-cent money: parsing French amounts, formatting, and the one rounding rule of the domain.
 *
 * Invariants:
 * - Every amount is an integer number of cents within `Number.MAX_SAFE_INTEGER`; no function here returns a
 *   float, and none parses an amount through `parseFloat`/`Number` (digits are read as strings, then BigInt).
 * - Rounding rule (arrondi commercial): an operation that produces a fraction of a cent is rounded to the
 *   nearest cent, halves away from zero (0,5 c → 1 c; −0,5 c → −1 c). It is applied once, on the exact
 *   rational result computed with BigInt (`mulRatio`, `applyBp`), so 90 % of 27 000,00 € is exactly
 *   24 300,00 € and never 24 299,99 €.
 * - Allocation (`allocateProportionally`) uses the largest-remainder method and always sums to the total.
 */
import type { BasisPoints, Cents, LocalizedText } from './types';

export type AmountErrorReason = 'empty' | 'not-a-number' | 'too-many-decimals' | 'out-of-range';

export type ParseAmountResult =
  | { readonly ok: true; readonly cents: Cents }
  | { readonly ok: false; readonly reason: AmountErrorReason; readonly message: LocalizedText };

const MAX_CENTS = BigInt(Number.MAX_SAFE_INTEGER);

/** True when `value` can be stored as an amount: a safe integer number of cents. */
export function isCents(value: number): boolean {
  return Number.isSafeInteger(value);
}

function assertCents(value: number, what: string): void {
  if (!isCents(value)) throw new RangeError(`${what} must be a safe integer number of cents, got ${value}`);
}

function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
}

/** Converts an exact BigInt result back to cents, refusing anything a `number` cannot hold exactly. */
function toCents(value: bigint): Cents {
  if (value > MAX_CENTS || value < -MAX_CENTS) throw new RangeError(`Amount out of range: ${value} cents`);
  return Number(value);
}

function failure(reason: AmountErrorReason, input: string): ParseAmountResult {
  const messages: Record<AmountErrorReason, LocalizedText> = {
    empty: { fr: 'Le montant est vide.', en: 'The amount is empty.' },
    'not-a-number': {
      fr: `« ${input} » n'est pas un montant lisible (exemple : 1 234,56 €).`,
      en: `"${input}" is not a readable amount (example: 1 234,56 €).`,
    },
    'too-many-decimals': {
      fr: `« ${input} » a plus de deux décimales : un montant s'exprime au centime près.`,
      en: `"${input}" has more than two decimals: amounts are kept to the cent.`,
    },
    'out-of-range': {
      fr: `« ${input} » est trop grand pour être enregistré.`,
      en: `"${input}" is too large to be stored.`,
    },
  };
  return { ok: false, reason, message: messages[reason] };
}

const SIGN = /^[+\-\u2212]/;
const CURRENCY_PREFIX = /^(?:€|eur)\s*/i;
const CURRENCY_SUFFIX = /\s*(?:€|eur)$/i;

/**
 * Reads an amount written the French way (or the English way when unambiguous) into integer cents.
 *
 * Accepted: `1 234,56 €`, group separators space / U+00A0 / U+202F, `-12,5`, `0000000069,60`, padding,
 * `12.50`, `(12,00)` (negative), `€`/`EUR` before or after, `1.234,56` and `1,234.56` (the separator that comes
 * last is the decimal one). Rules for the ambiguous cases:
 * - a separator that appears more than once is a group separator (`1.234.567` = 1 234 567 €);
 * - a lone `,` or `.` is a decimal separator, so `1.234` reads as 1,234 € and is refused for having three
 *   decimals rather than silently taken as 1 234 €;
 * - groups after the first must have exactly three digits; decimals beyond the second are accepted only when
 *   they are zeros (`12,500` = 12,50 €), so no rounding ever happens while parsing.
 */
export function parseAmount(input: string): ParseAmountResult {
  let text = input.trim();
  if (text === '') return failure('empty', input);

  const parenthesised = /^\((.*)\)$/.exec(text);
  if (parenthesised) text = (parenthesised[1] ?? '').trim();

  // The sign may come before or after a leading currency symbol ("-€1,234.56" is how en-GB writes it).
  let sign = '';
  const leadingSign = SIGN.exec(text);
  if (leadingSign) {
    sign = leadingSign[0];
    text = text.slice(1).trim();
  }
  text = text.replace(CURRENCY_PREFIX, '');
  const signAfterCurrency = sign === '' ? SIGN.exec(text) : null;
  if (signAfterCurrency) {
    sign = signAfterCurrency[0];
    text = text.slice(1).trim();
  }
  text = text.replace(CURRENCY_SUFFIX, '');
  if (sign !== '' && parenthesised) return failure('not-a-number', input);
  const isNegative = parenthesised !== null || sign === '-' || sign === '\u2212';

  if (!/^[\d\s.,]+$/.test(text)) return failure('not-a-number', input);

  const commas = text.split(',').length - 1;
  const dots = text.split('.').length - 1;
  let decimalSeparator: ',' | '.' | undefined;
  if (commas > 0 && dots > 0) decimalSeparator = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
  else if (commas === 1) decimalSeparator = ',';
  else if (dots === 1) decimalSeparator = '.';

  let integerText = text;
  let fractionText = '';
  if (decimalSeparator !== undefined) {
    const at = text.lastIndexOf(decimalSeparator);
    integerText = text.slice(0, at);
    fractionText = text.slice(at + 1);
    if (!/^\d+$/.test(fractionText) || integerText.includes(decimalSeparator)) {
      return failure('not-a-number', input);
    }
  }

  const groups = integerText.split(/[\s.,]/);
  const [firstGroup = '', ...otherGroups] = groups;
  if (otherGroups.length > 0) {
    const wellGrouped = /^\d{1,3}$/.test(firstGroup) && otherGroups.every((group) => /^\d{3}$/.test(group));
    if (!wellGrouped) return failure('not-a-number', input);
  }
  const integerDigits = groups.join('');
  if (integerDigits === '' && fractionText === '') return failure('not-a-number', input);

  if (fractionText.length > 2 && !/^0+$/.test(fractionText.slice(2)))
    return failure('too-many-decimals', input);
  const centsText = fractionText.slice(0, 2).padEnd(2, '0');

  const magnitude = BigInt(integerDigits === '' ? '0' : integerDigits) * 100n + BigInt(centsText);
  if (magnitude > MAX_CENTS) return failure('out-of-range', input);
  const cents = Number(magnitude);
  // `0 - 0` would be fine, but `-0` must never be stored: -(0) is -0 in JavaScript.
  return { ok: true, cents: isNegative && cents !== 0 ? -cents : cents };
}

export type FormatCentsOptions = {
  /** ISO 4217 code; EUR by default. */
  readonly currency?: string;
  /** fr-FR by default: "1 234,56 €" with U+202F between groups and U+00A0 before the symbol. */
  readonly locale?: 'fr-FR' | 'en-GB';
};

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  return formatter;
}

function isDecimalLiteral(value: string): value is `${number}` {
  return /^-?\d+\.\d{2}$/.test(value);
}

/**
 * Formats cents for a person: `formatCents(123456)` → "1 234,56 €" (fr-FR). The value is handed to Intl as an
 * exact decimal string, so even amounts above 2^53 / 100 euros keep their last cent.
 */
export function formatCents(cents: Cents, options: FormatCentsOptions = {}): string {
  assertCents(cents, 'formatCents: cents');
  const magnitude = Math.abs(cents);
  const literal = `${cents < 0 ? '-' : ''}${Math.trunc(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
  const formatter = formatterFor(options.locale ?? 'fr-FR', options.currency ?? 'EUR');
  return formatter.format(isDecimalLiteral(literal) ? literal : cents / 100);
}

/**
 * The rounding rule of the domain on an exact fraction: `numerator / denominator` rounded to the nearest
 * integer, halves away from zero. BigInt in, BigInt out, so no float ever enters.
 */
export function roundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('roundHalfAwayFromZero: division by zero');
  const isNegative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d;
  const remainder = n % d;
  const rounded = 2n * remainder >= d ? quotient + 1n : quotient;
  return isNegative ? -rounded : rounded;
}

/**
 * `cents × numerator ÷ denominator`, exact, then rounded once (half away from zero). The one rounding function
 * of the domain: HT shares of open amounts, quotités, recovery splits, premiums all go through it.
 *
 * Fast path: when |cents × numerator| ≤ Number.MAX_SAFE_INTEGER the product is exact as a `number`, `%` on
 * safe integers is exact, and `(product − remainder) ÷ denominator` is an exact integer quotient, so plain
 * arithmetic gives the same result as BigInt without allocating. Beyond, BigInt.
 */
export function mulRatio(cents: Cents, numerator: number, denominator: number): Cents {
  assertCents(cents, 'mulRatio: cents');
  assertSafeInteger(numerator, 'mulRatio: numerator');
  assertSafeInteger(denominator, 'mulRatio: denominator');
  if (denominator === 0) throw new RangeError('mulRatio: division by zero');
  const product = cents * numerator;
  // A product beyond 2^53 cannot round down into the safe range, so this test is exact.
  if (Math.abs(product) <= Number.MAX_SAFE_INTEGER) {
    const remainder = product % denominator;
    let quotient = (product - remainder) / denominator;
    if (2 * Math.abs(remainder) >= Math.abs(denominator)) {
      quotient += product < 0 !== denominator < 0 ? -1 : 1;
    }
    // 0 ÷ −3 is −0 in JavaScript, and a negative zero would print as "-0,00 €".
    return quotient === 0 ? 0 : quotient;
  }
  const rounded = roundHalfAwayFromZero(BigInt(cents) * BigInt(numerator), BigInt(denominator));
  // A negative zero would print as "-0,00 €".
  return rounded === 0n ? 0 : toCents(rounded);
}

/** A percentage in basis points of an amount: `applyBp(27_000_00, 9000)` = 24 300,00 €. */
export function applyBp(cents: Cents, bp: BasisPoints): Cents {
  return mulRatio(cents, bp, 10_000);
}

/** Exact sum of amounts; throws a RangeError rather than return an inexact total. */
export function sumCents(values: readonly Cents[]): Cents {
  let total = 0n;
  for (const value of values) {
    assertCents(value, 'sumCents: value');
    total += BigInt(value);
  }
  return toCents(total);
}

/**
 * Splits `totalCents` in proportion to `weights` (non-negative safe integers, e.g. amounts in cents) by the
 * largest-remainder method: every share gets the floor of its exact part, then the cents left over go one by
 * one to the largest remainders (ties: the earlier weight first). The shares always sum to the total; for a
 * non-negative total none is negative; a negative total is split as its magnitude, then negated.
 */
export function allocateProportionally(totalCents: Cents, weights: readonly number[]): Cents[] {
  assertCents(totalCents, 'allocateProportionally: total');
  let weightSum = 0n;
  for (const weight of weights) {
    if (!Number.isSafeInteger(weight) || weight < 0) {
      throw new RangeError(
        `allocateProportionally: weights must be non-negative safe integers, got ${weight}`,
      );
    }
    weightSum += BigInt(weight);
  }
  if (weightSum === 0n) throw new RangeError('allocateProportionally: the weights sum to zero');

  const magnitude = BigInt(Math.abs(totalCents));
  const parts = weights.map((weight, index) => {
    const exact = magnitude * BigInt(weight);
    return { index, share: exact / weightSum, remainder: exact % weightSum };
  });
  let leftOver = magnitude - parts.reduce((sum, part) => sum + part.share, 0n);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const part of byRemainder) {
    if (leftOver === 0n) break;
    part.share += 1n;
    leftOver -= 1n;
  }
  return parts.map((part) => {
    const share = Number(part.share);
    return totalCents < 0 && share !== 0 ? -share : share;
  });
}
