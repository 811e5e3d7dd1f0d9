/**
 * Primitive types shared by every domain module.
 *
 * Invariants: amounts are integer cents (never floats); dates are ISO calendar dates `YYYY-MM-DD` with no
 * time zone; "today" is always a parameter (`asOf`), never read from the clock.
 */

/** An amount in integer cents (1 234,56 € = 123456). Always `Number.isSafeInteger`. */
export type Cents = number;

/** ISO 4217 currency code. The ledger is kept in EUR; limits may be in another currency. */
export type Currency = string;

/** An amount with its currency. */
export type Money = { readonly cents: Cents; readonly currency: Currency };

/** An ISO calendar date, `YYYY-MM-DD` (e.g. `2026-11-25`). */
export type IsoDate = string;

/** A ratio in basis points (1 % = 100 bp, 90 % = 9000 bp) so percentages stay integers. */
export type BasisPoints = number;

/** A sentence for a person, French first (the UI's language) with its English equivalent. */
export type LocalizedText = { readonly fr: string; readonly en: string };

/** The UI languages. */
export type Lang = 'fr' | 'en';
