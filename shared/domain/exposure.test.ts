import { describe, expect, it } from 'vitest';
import { exposureOf } from './exposure';
import type { Invoice } from './model';
import { DEFAULT_POLICY } from './policy';
import { invoice as buildInvoice, ledgerOf, payment } from './test-builders';

/** Invoice issued 2026-01-01 with VAT: `ht` excluded, `ttc` included. */
const invoice = (
  id: string,
  ht: number,
  ttc: number,
  dueDate: string,
  extra: Partial<Invoice> = {},
): Invoice => buildInvoice(id, ttc, dueDate, { number: id, amountHtCents: ht, ...extra });

// a: 10 000 HT / 12 000 TTC due 01-31, 6 000 paid → open 6 000 TTC, 5 000 HT (half), overdue on 02-15.
// b: 20 000 HT / 24 000 TTC due 03-31, disputed, untouched.
const ledger = ledgerOf({
  invoices: [
    invoice('a', 10_000, 12_000, '2026-01-31'),
    invoice('b', 20_000, 24_000, '2026-03-31', { disputed: true }),
  ],
  payments: [payment('p', 6_000, '2026-02-01', 'a')],
  deliveredNotInvoicedCents: 1_000,
  openOrdersCents: 2_000,
});

describe('exposureOf', () => {
  it('on the HT basis (default): open HT, overdue, disputed reported apart', () => {
    const exposure = exposureOf(ledger, DEFAULT_POLICY, '2026-02-15');
    expect(exposure).toMatchObject({
      basis: 'HT',
      exposureCents: 25_000,
      exposureHtCents: 25_000,
      exposureTtcCents: 30_000,
      overdueCents: 5_000,
      disputedCents: 20_000,
      insurableCents: 5_000,
      deliveredNotInvoicedCents: 0,
      openOrdersCents: 0,
    });
    expect(exposure.openItems.map((item) => item.invoiceId)).toEqual(['a', 'b']);
  });

  it('on the TTC basis', () => {
    const exposure = exposureOf(ledger, { ...DEFAULT_POLICY, coverBasis: 'TTC' }, '2026-02-15');
    expect(exposure).toMatchObject({
      exposureCents: 30_000,
      overdueCents: 6_000,
      disputedCents: 24_000,
      insurableCents: 6_000,
    });
  });

  it.each([
    [false, false, 25_000],
    [true, false, 26_000],
    [false, true, 27_000],
    [true, true, 28_000],
  ])('delivered-not-invoiced included %s, open orders %s → %i HT', (dni, orders, expected) => {
    const policy = { ...DEFAULT_POLICY, includeDeliveredNotInvoiced: dni, includeOpenOrders: orders };
    expect(exposureOf(ledger, policy, '2026-02-15').exposureCents).toBe(expected);
  });

  it('subtracts a payment on account, converted to HT at the invoices’ HT ÷ TTC', () => {
    // Invoice 10 000 HT / 12 000 TTC fully paid + 2 400 on account (HT 2 400 × 10/12 = 2 000);
    // delivered not invoiced 5 000 → HT 5 000 − 2 000 = 3 000; TTC 5 000 − 2 400 = 2 600.
    const exposure = exposureOf(
      ledgerOf({
        invoices: [invoice('a', 10_000, 12_000, '2026-01-31')],
        payments: [payment('p', 14_400, '2026-01-15')],
        deliveredNotInvoicedCents: 5_000,
      }),
      { ...DEFAULT_POLICY, includeDeliveredNotInvoiced: true },
      '2026-02-15',
    );
    expect(exposure.unappliedCents).toBe(2_400);
    expect(exposure.exposureHtCents).toBe(3_000);
    expect(exposure.exposureTtcCents).toBe(2_600);
    expect(exposure.openItems).toEqual([]);
  });

  it('is floored at 0 when the buyer is in credit', () => {
    const exposure = exposureOf(
      ledgerOf({
        invoices: [invoice('a', 100, 120, '2026-01-31')],
        payments: [payment('p', 500, '2026-01-15')],
      }),
      DEFAULT_POLICY,
      '2026-02-15',
    );
    expect(exposure.exposureCents).toBe(0);
    expect(exposure.exposureTtcCents).toBe(0);
    expect(exposure.unappliedCents).toBe(380);
  });

  it('counts an invoice due on asOf as not overdue', () => {
    const exposure = exposureOf(
      ledgerOf({ invoices: [invoice('a', 100, 120, '2026-02-15')] }),
      DEFAULT_POLICY,
      '2026-02-15',
    );
    expect(exposure.overdueCents).toBe(0);
    expect(exposure.exposureCents).toBe(100);
  });
});
