import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import {
  describeTerms,
  dueDateOf,
  legalCheck,
  paymentTermsSchema,
  TERMS_WHEN_NOTHING_AGREED,
  type PaymentTerms,
} from './payment-terms';

describe('dueDateOf — worked example 7 (invoice dated 2026-01-15)', () => {
  it.each<[string, PaymentTerms, string]>([
    ['60 days net', { kind: 'net', days: 60 }, '2026-03-16'],
    ['45 days EOM, default reading (EOM then +45)', { kind: 'eom-plus', days: 45 }, '2026-03-17'],
    ['45 days EOM, EOM then +45', { kind: 'eom-plus', days: 45, reading: 'eom-then-days' }, '2026-03-17'],
    ['45 days EOM, +45 then EOM', { kind: 'eom-plus', days: 45, reading: 'days-then-eom' }, '2026-03-31'],
  ])('%s → %s', (_label, terms, expected) => {
    expect(dueDateOf('2026-01-15', terms)).toBe(expected);
  });
});

describe('dueDateOf — hand-computed cases', () => {
  it.each<[string, PaymentTerms, string | undefined, string]>([
    // Jan 31 + 28 = Feb 28, + 2 = Mar 2.
    ['2026-01-31', { kind: 'net', days: 30 }, undefined, '2026-03-02'],
    ['2026-01-31', { kind: 'net', days: 0 }, undefined, '2026-01-31'],
    // End of February 2026 is the 28th, + 30 = Mar 30.
    ['2026-02-10', { kind: 'eom-plus', days: 30 }, undefined, '2026-03-30'],
    ['2026-02-10', { kind: 'eom-plus', days: 0 }, undefined, '2026-02-28'],
    ['2028-02-10', { kind: 'eom-plus', days: 0 }, undefined, '2028-02-29'], // leap year
    // Dec 31 + 45: Jan 31 is +31, + 14 = Feb 14.
    ['2026-12-20', { kind: 'eom-plus', days: 45 }, undefined, '2027-02-14'],
    // Dec 20 + 45 = Feb 3 (11 days to Dec 31, 31 to Jan 31, 3 more), then end of February.
    ['2026-12-20', { kind: 'eom-plus', days: 45, reading: 'days-then-eom' }, undefined, '2027-02-28'],
    // Delivered Jan 20, + 30 = Feb 19 (11 to Jan 31, 19 more), whatever the invoice date.
    ['2026-01-31', { kind: 'after-delivery', days: 30 }, '2026-01-20', '2026-02-19'],
    // No delivery date known: the invoice date stands in (Jan 31 + 30 = Mar 2).
    ['2026-01-31', TERMS_WHEN_NOTHING_AGREED, undefined, '2026-03-02'],
    ['2026-01-15', { kind: 'day-of-month', day: 10, monthsAfter: 1 }, undefined, '2026-02-10'],
    ['2026-01-31', { kind: 'day-of-month', day: 31, monthsAfter: 1 }, undefined, '2026-02-28'],
    ['2026-12-05', { kind: 'day-of-month', day: 31, monthsAfter: 2 }, undefined, '2027-02-28'],
    ['2026-05-20', { kind: 'day-of-month', day: 1, monthsAfter: 12 }, undefined, '2027-05-01'],
    ['2026-01-15', { kind: 'fixed-date', dueDate: '2026-04-30' }, undefined, '2026-04-30'],
  ])('invoice %s, %j, delivered %s → %s', (invoiceDate, terms, deliveryDate, expected) => {
    expect(dueDateOf(invoiceDate, terms, deliveryDate)).toBe(expected);
  });

  it('a delivery-based term runs from delivery, even when the invoice came later', () => {
    // Delivered Jan 2, invoiced Feb 15: due Jan 2 + 30 = Feb 1, before the invoice — already overdue.
    expect(dueDateOf('2026-02-15', { kind: 'after-delivery', days: 30 }, '2026-01-02')).toBe('2026-02-01');
  });
});

const isoDateArb = fc.integer({ min: 0, max: 365 * 100 }).map((offset) => addDays('2000-01-01', offset));
const daysArb = fc.integer({ min: 0, max: 366 });
const computedTermsArb: fc.Arbitrary<PaymentTerms> = fc.oneof(
  daysArb.map((days) => ({ kind: 'net' as const, days })),
  fc.record({
    kind: fc.constant('eom-plus' as const),
    days: daysArb,
    reading: fc.constantFrom('eom-then-days' as const, 'days-then-eom' as const, undefined),
  }),
  daysArb.map((days) => ({ kind: 'after-delivery' as const, days })),
  fc.record({
    kind: fc.constant('day-of-month' as const),
    day: fc.integer({ min: 1, max: 31 }),
    monthsAfter: fc.integer({ min: 1, max: 12 }),
  }),
);

describe('dueDateOf — properties', () => {
  it('the due date is never before the invoice date (fixed dates aside; delivery on or after invoicing)', () => {
    fc.assert(
      fc.property(
        isoDateArb,
        computedTermsArb,
        fc.option(fc.nat(60), { nil: undefined }),
        (invoiceDate, terms, lag) => {
          const deliveryDate = lag === undefined ? undefined : addDays(invoiceDate, lag);
          expect(dueDateOf(invoiceDate, terms, deliveryDate) >= invoiceDate).toBe(true);
        },
      ),
    );
  });

  it('either end-of-month reading falls between invoice + N days and invoice + N + 30 days', () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: 0, max: 90 }), (invoiceDate, days) => {
        const a = dueDateOf(invoiceDate, { kind: 'eom-plus', days, reading: 'eom-then-days' });
        const b = dueDateOf(invoiceDate, { kind: 'eom-plus', days, reading: 'days-then-eom' });
        // An end of month is at most 30 days after any day of that month, so each reading adds N plus 0–30 days.
        for (const due of [a, b]) {
          expect(due >= addDays(invoiceDate, days)).toBe(true);
          expect(due <= addDays(invoiceDate, days + 30)).toBe(true);
        }
      }),
    );
  });
});

describe('legalCheck (L441-10)', () => {
  it.each<[PaymentTerms, string | undefined, string, string | undefined]>([
    [{ kind: 'net', days: 60 }, undefined, 'compliant', undefined],
    [{ kind: 'net', days: 61 }, undefined, 'exceeds-legal-maximum', 'net-60-days'],
    [{ kind: 'net', days: 90 }, undefined, 'exceeds-legal-maximum', 'net-60-days'],
    [{ kind: 'eom-plus', days: 45 }, undefined, 'compliant', undefined],
    [{ kind: 'eom-plus', days: 45, reading: 'days-then-eom' }, undefined, 'compliant', undefined],
    [{ kind: 'eom-plus', days: 46 }, undefined, 'exceeds-legal-maximum', 'eom-45-days'],
    [
      { kind: 'eom-plus', days: 60, reading: 'days-then-eom' },
      undefined,
      'exceeds-legal-maximum',
      'eom-45-days',
    ],
    [{ kind: 'after-delivery', days: 30 }, undefined, 'compliant', undefined],
    [{ kind: 'after-delivery', days: 90 }, undefined, 'exceeds-legal-maximum', 'net-60-days'],
    [{ kind: 'day-of-month', day: 10, monthsAfter: 1 }, undefined, 'unchecked', undefined],
    [{ kind: 'fixed-date', dueDate: '2026-03-16' }, undefined, 'unchecked', undefined],
    // Jan 15 → Feb 10 = 26 days.
    [{ kind: 'day-of-month', day: 10, monthsAfter: 1 }, '2026-01-15', 'compliant', undefined],
    // Jan 1 → Mar 20 = 30 + 28 + 19 = 77 days.
    [{ kind: 'day-of-month', day: 20, monthsAfter: 2 }, '2026-01-01', 'exceeds-legal-maximum', 'net-60-days'],
    // Jan 15 → Mar 16 = 60 days (example 7); → Mar 17 = 61 days.
    [{ kind: 'fixed-date', dueDate: '2026-03-16' }, '2026-01-15', 'compliant', undefined],
    [{ kind: 'fixed-date', dueDate: '2026-03-17' }, '2026-01-15', 'exceeds-legal-maximum', 'net-60-days'],
  ])('%j (invoice %s) → %s %s', (terms, invoiceDate, status, rule) => {
    const result = legalCheck(terms, invoiceDate);
    expect(result.status).toBe(status);
    if (result.status === 'exceeds-legal-maximum') expect(result.rule).toBe(rule);
    if (result.status !== 'compliant') {
      expect(result.message.fr).toMatch(/L441-10|date de facture/);
      expect(result.message.en.length).toBeGreaterThan(0);
    }
  });

  it('says what is wrong in both languages', () => {
    expect(legalCheck({ kind: 'net', days: 90 })).toEqual({
      status: 'exceeds-legal-maximum',
      rule: 'net-60-days',
      message: {
        fr: '90 jours nets : au-delà du maximum légal de 60 jours à compter de la date de facture (art. L441-10 du Code de commerce).',
        en: '90 days net: beyond the legal maximum of 60 days from the invoice date (French Commercial Code, L441-10).',
      },
    });
  });
});

describe('describeTerms', () => {
  it.each<[PaymentTerms, string, string]>([
    [{ kind: 'net', days: 60 }, '60 jours nets', '60 days net'],
    [{ kind: 'net', days: 0 }, 'Paiement à réception', 'Due on receipt'],
    [{ kind: 'eom-plus', days: 45 }, '45 jours fin de mois', '45 days end of month'],
    [
      { kind: 'eom-plus', days: 45, reading: 'days-then-eom' },
      '45 jours fin de mois (45 jours puis fin de mois)',
      '45 days end of month (45 days, then end of month)',
    ],
    [{ kind: 'eom-plus', days: 0 }, 'Fin de mois', 'End of month'],
    [{ kind: 'after-delivery', days: 30 }, '30 jours après livraison', '30 days after delivery'],
    [
      { kind: 'day-of-month', day: 10, monthsAfter: 1 },
      'Le 10 du mois suivant',
      'On the 10th of the following month',
    ],
    [
      { kind: 'day-of-month', day: 1, monthsAfter: 1 },
      'Le 1er du mois suivant',
      'On the 1st of the following month',
    ],
    [
      { kind: 'day-of-month', day: 22, monthsAfter: 2 },
      'Le 22 du mois, 2 mois après la facture',
      'On the 22nd of the month, 2 months after the invoice',
    ],
    [
      { kind: 'day-of-month', day: 3, monthsAfter: 1 },
      'Le 3 du mois suivant',
      'On the 3rd of the following month',
    ],
    [
      { kind: 'day-of-month', day: 11, monthsAfter: 1 },
      'Le 11 du mois suivant',
      'On the 11th of the following month',
    ],
    [
      { kind: 'day-of-month', day: 13, monthsAfter: 1 },
      'Le 13 du mois suivant',
      'On the 13th of the following month',
    ],
    [
      { kind: 'day-of-month', day: 31, monthsAfter: 1 },
      'Le 31 du mois suivant',
      'On the 31st of the following month',
    ],
    [
      { kind: 'fixed-date', dueDate: '2026-03-31' },
      'Échéance fixe au 31/03/2026',
      'Fixed due date 31/03/2026',
    ],
  ])('%j → %j / %j', (terms, fr, en) => {
    expect(describeTerms(terms, 'fr')).toBe(fr);
    expect(describeTerms(terms, 'en')).toBe(en);
  });
});

describe('paymentTermsSchema', () => {
  it.each<unknown>([
    { kind: 'net', days: 60 },
    { kind: 'eom-plus', days: 45 },
    { kind: 'eom-plus', days: 45, reading: 'days-then-eom' },
    { kind: 'after-delivery', days: 30 },
    { kind: 'day-of-month', day: 10, monthsAfter: 1 },
    { kind: 'fixed-date', dueDate: '2026-03-31' },
  ])('accepts %j', (value) => {
    expect(paymentTermsSchema.parse(value)).toEqual(value);
  });

  it.each<unknown>([
    { kind: 'net', days: -1 },
    { kind: 'net', days: 1.5 },
    { kind: 'net', days: 400 },
    { kind: 'net' },
    { kind: 'eom-plus', days: 45, reading: 'end-then-days' },
    { kind: 'weekly', days: 7 },
    { kind: 'day-of-month', day: 0, monthsAfter: 1 },
    { kind: 'day-of-month', day: 32, monthsAfter: 1 },
    { kind: 'day-of-month', day: 10, monthsAfter: 0 },
    { kind: 'fixed-date', dueDate: '2026-02-30' },
    { kind: 'fixed-date', dueDate: '31/03/2026' },
    '60 jours',
    null,
  ])('refuses %j', (value) => {
    expect(paymentTermsSchema.safeParse(value).success).toBe(false);
  });
});
