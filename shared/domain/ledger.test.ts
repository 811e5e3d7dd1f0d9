import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, openBalance, openItemsOf, sortByKeys } from './ledger';
import type { LedgerDocuments } from './ledger';
import { creditNote, invoice, ledgerOf, payment } from './test-builders';

const docs = ledgerOf;
const openById = (ledger: LedgerDocuments, asOf: string): Record<string, number> =>
  Object.fromEntries(allocate(ledger, asOf).invoices.map((item) => [item.invoiceId, item.openTtcCents]));

describe('allocate', () => {
  it('applies an unnamed payment to the oldest due invoice first, then the next', () => {
    const ledger = docs({
      invoices: [invoice('late', 1_000, '2026-03-31'), invoice('early', 500, '2026-02-28')],
      payments: [payment('p1', 700, '2026-03-01')],
    });
    // 700 → early (500) in full, then 200 on late: 1 000 − 200 = 800.
    expect(openById(ledger, '2026-04-01')).toEqual({ early: 0, late: 800 });
  });

  it.each([
    ['same due date: earlier issue date first', '2026-01-10', '2026-01-05', 'b'],
    ['same due and issue dates: smaller id first', '2026-01-05', '2026-01-05', 'a'],
  ])('%s', (_label, issueA, issueB, firstSettled) => {
    const ledger = docs({
      invoices: [
        invoice('a', 100, '2026-03-31', { issueDate: issueA }),
        invoice('b', 100, '2026-03-31', { issueDate: issueB }),
      ],
      payments: [payment('p', 100, '2026-03-01')],
    });
    const open = openById(ledger, '2026-04-01');
    expect(open[firstSettled]).toBe(0);
  });

  it('applies a named payment to its invoice even when an older one is open', () => {
    const ledger = docs({
      invoices: [invoice('old', 1_000, '2026-01-31'), invoice('new', 1_000, '2026-02-28')],
      payments: [payment('p', 400, '2026-02-01', 'new')],
    });
    expect(openById(ledger, '2026-03-01')).toEqual({ old: 1_000, new: 600 });
  });

  it('settles named documents before unnamed ones whatever their dates', () => {
    // An unnamed 1 000 (earlier) would take `a` first if processed in date order, leaving the named 1 000
    // for `a` nothing to settle; named first: a ← named 1 000, then unnamed → b.
    const ledger = docs({
      invoices: [invoice('a', 1_000, '2026-01-31'), invoice('b', 1_000, '2026-02-28')],
      payments: [payment('p1', 1_000, '2026-02-01'), payment('p2', 1_000, '2026-02-10', 'a')],
    });
    const allocation = allocate(ledger, '2026-03-01');
    expect(openById(ledger, '2026-03-01')).toEqual({ a: 0, b: 0 });
    expect(allocation.unappliedCents).toBe(0);
  });

  it('sends the excess of a named payment to the oldest open invoice, then to unapplied', () => {
    const ledger = docs({
      invoices: [invoice('a', 300, '2026-01-31'), invoice('b', 500, '2026-02-28')],
      payments: [payment('p', 1_000, '2026-02-01', 'b')],
    });
    const allocation = allocate(ledger, '2026-03-01');
    // 1 000: 500 to b, 300 to a, 200 left on account.
    expect(openById(ledger, '2026-03-01')).toEqual({ a: 0, b: 0 });
    expect(allocation.unappliedPaymentCents).toBe(200);
    expect(allocation.unappliedCents).toBe(200);
    expect(openBalance(allocation)).toBe(-200);
  });

  it('finds a named invoice the same way in a large ledger (more invoices than a linear scan handles)', () => {
    // 40 invoices of 100 due on successive days; the payment names the newest one, so it must not go to the
    // oldest: i39 is settled, every other invoice is still open at 100.
    const invoices = Array.from({ length: 40 }, (_, i) =>
      invoice(`i${i}`, 100, `2026-02-${String((i % 28) + 1).padStart(2, '0')}`, { issueDate: '2026-01-01' }),
    );
    const open = openById(
      docs({ invoices, payments: [payment('p', 100, '2026-01-15', 'i39')] }),
      '2026-03-01',
    );
    expect(open['i39']).toBe(0);
    expect(Object.values(open).reduce((sum, cents) => sum + cents, 0)).toBe(39 * 100);
  });

  it('treats a payment naming an unknown invoice as unnamed', () => {
    const ledger = docs({
      invoices: [invoice('a', 300, '2026-01-31')],
      payments: [payment('p', 100, '2026-02-01', 'missing')],
    });
    expect(openById(ledger, '2026-03-01')).toEqual({ a: 200 });
  });

  it('applies credit notes to their invoice, unused credit to the oldest, and records credited amounts', () => {
    const ledger = docs({
      invoices: [invoice('a', 1_000, '2026-01-31'), invoice('b', 1_000, '2026-02-28')],
      creditNotes: [creditNote('c1', 1_200, '2026-02-01', 'b'), creditNote('c2', 100, '2026-02-02')],
      payments: [payment('p', 300, '2026-02-03')],
    });
    const allocation = allocate(ledger, '2026-03-01');
    const a = allocation.invoices.find((item) => item.invoiceId === 'a');
    const b = allocation.invoices.find((item) => item.invoiceId === 'b');
    // b ← c1 1 000 (full), c1 excess 200 → a; c2 100 → a; payment 300 → a. a: 1 000 − 300 credit − 300 paid.
    expect(b).toMatchObject({ openTtcCents: 0, creditedCents: 1_000, paidCents: 0 });
    expect(a).toMatchObject({ openTtcCents: 400, creditedCents: 300, paidCents: 300 });
  });

  it('ignores documents dated after asOf and invoices issued after asOf', () => {
    const ledger = docs({
      invoices: [
        invoice('a', 1_000, '2026-01-31'),
        invoice('future', 1_000, '2026-05-31', { issueDate: '2026-04-02' }),
      ],
      payments: [payment('p-late', 1_000, '2026-04-02')],
      creditNotes: [creditNote('c-late', 50, '2026-04-02')],
    });
    const allocation = allocate(ledger, '2026-04-01');
    expect(allocation.invoices.map((item) => item.invoiceId)).toEqual(['a']);
    expect(allocation.receivedCents).toBe(0);
    expect(openBalance(allocation)).toBe(1_000);
  });

  it('keeps the HT share of unused credit notes at the note’s own ratio', () => {
    // Credit 1 200 TTC / 1 000 HT, nothing to apply it to: unused HT = 1 000.
    const allocation = allocate(
      docs({ creditNotes: [creditNote('c', 1_200, '2026-01-01', undefined, 1_000)] }),
      '2026-02-01',
    );
    expect(allocation.unappliedCreditCents).toBe(1_200);
    expect(allocation.unappliedCreditHtCents).toBe(1_000);
  });

  it.each([
    // [HT, TTC, paid, expected open HT, hand computation]
    [100_000, 120_000, 50_000, 58_333, '100 000 × 70 000 / 120 000 = 58 333.33 → 58 333'],
    [1, 2, 1, 1, '1 × 1 / 2 = 0.5 → 1 (half up)'],
    [100_000, 120_000, 0, 100_000, 'nothing paid: the full HT'],
    [100_000, 120_000, 120_000, 0, 'fully paid'],
    [83_333, 100_000, 40_000, 50_000, '83 333 × 60 000 / 100 000 = 49 999.8 → 50 000'],
  ])('open HT of HT %i / TTC %i after %i paid is %i (%s)', (ht, ttc, paid, expected) => {
    const ledger = docs({
      invoices: [invoice('a', ttc, '2026-01-31', { amountHtCents: ht })],
      payments: [payment('p', paid, '2026-01-15')],
    });
    expect(allocate(ledger, '2026-02-01').invoices[0]?.openHtCents).toBe(expected);
  });

  it('openItemsOf keeps only invoices with something open', () => {
    const ledger = docs({
      invoices: [invoice('a', 100, '2026-01-31'), invoice('b', 100, '2026-02-28')],
      payments: [payment('p', 100, '2026-01-15')],
    });
    expect(openItemsOf(allocate(ledger, '2026-03-01')).map((item) => item.invoiceId)).toEqual(['b']);
  });
});

const dates = fc
  .integer({ min: 0, max: 120 })
  .map((offset) => new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10));

const ledgerArbitrary = fc.record({
  invoices: fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 3 }),
      ttc: fc.integer({ min: 0, max: 1_000_000 }),
      htPercent: fc.integer({ min: 50, max: 100 }),
      issueDate: dates,
      terms: fc.integer({ min: 0, max: 90 }),
      disputed: fc.boolean(),
    }),
    { selector: (entry) => entry.id, maxLength: 12 },
  ),
  payments: fc.array(
    fc.record({ amount: fc.integer({ min: 1, max: 1_000_000 }), date: dates, target: fc.option(fc.nat(15)) }),
    { maxLength: 10 },
  ),
  notes: fc.array(
    fc.record({ amount: fc.integer({ min: 1, max: 500_000 }), date: dates, target: fc.option(fc.nat(15)) }),
    { maxLength: 5 },
  ),
});

/** Builds plain documents from the generated shape (due date = issue date + terms). */
function toDocuments(
  generated: typeof ledgerArbitrary extends fc.Arbitrary<infer T> ? T : never,
): LedgerDocuments {
  const invoices = generated.invoices.map((entry) => {
    const due = new Date(Date.parse(`${entry.issueDate}T00:00:00Z`) + entry.terms * 86_400_000);
    return invoice(entry.id, entry.ttc, due.toISOString().slice(0, 10), {
      issueDate: entry.issueDate,
      amountHtCents: Math.floor((entry.ttc * entry.htPercent) / 100),
      disputed: entry.disputed,
    });
  });
  const target = (index: number | null): string | undefined =>
    index === null ? undefined : (invoices[index]?.id ?? `unknown-${index}`);
  return {
    invoices,
    payments: generated.payments.map((entry, index) =>
      payment(`p${index}`, entry.amount, entry.date, target(entry.target)),
    ),
    creditNotes: generated.notes.map((entry, index) =>
      creditNote(`c${index}`, entry.amount, entry.date, target(entry.target)),
    ),
  };
}

describe('allocate — properties', () => {
  it('conserves money: Σ money in (≤ asOf) = Σ paid + Σ credited + unapplied', () => {
    fc.assert(
      fc.property(ledgerArbitrary, dates, (generated, asOf) => {
        const ledger = toDocuments(generated);
        const allocation = allocate(ledger, asOf);
        // Independent sum over the inputs, not over the allocation.
        const moneyIn =
          ledger.payments.filter((p) => p.date <= asOf).reduce((sum, p) => sum + p.amountCents, 0) +
          ledger.creditNotes.filter((c) => c.date <= asOf).reduce((sum, c) => sum + c.amountTtcCents, 0);
        const applied = allocation.invoices.reduce(
          (sum, item) => sum + item.paidCents + item.creditedCents,
          0,
        );
        expect(applied + allocation.unappliedCents).toBe(moneyIn);
        expect(allocation.receivedCents).toBe(moneyIn);
        const invoiced = ledger.invoices
          .filter((i) => i.issueDate <= asOf)
          .reduce((sum, i) => sum + i.amountTtcCents, 0);
        expect(openBalance(allocation)).toBe(invoiced - moneyIn);
      }),
    );
  });

  it('keeps each invoice consistent: open = TTC − paid − credited, 0 ≤ open HT ≤ HT', () => {
    fc.assert(
      fc.property(ledgerArbitrary, dates, (generated, asOf) => {
        for (const item of allocate(toDocuments(generated), asOf).invoices) {
          expect(item.openTtcCents).toBe(item.invoice.amountTtcCents - item.paidCents - item.creditedCents);
          expect(item.openTtcCents).toBeGreaterThanOrEqual(0);
          expect(item.openHtCents).toBeGreaterThanOrEqual(0);
          expect(item.openHtCents).toBeLessThanOrEqual(item.invoice.amountHtCents);
        }
      }),
    );
  });

  it('leaves money unapplied only when every invoice is settled', () => {
    fc.assert(
      fc.property(ledgerArbitrary, dates, (generated, asOf) => {
        const allocation = allocate(toDocuments(generated), asOf);
        if (allocation.unappliedCents > 0) {
          expect(allocation.invoices.every((item) => item.openTtcCents === 0)).toBe(true);
        }
      }),
    );
  });

  it('does not depend on the order of the documents', () => {
    fc.assert(
      fc.property(ledgerArbitrary, dates, fc.infiniteStream(fc.nat()), (generated, asOf, seeds) => {
        const ledger = toDocuments(generated);
        const shuffle = <T>(items: readonly T[]): T[] => {
          const copy = [...items];
          for (let i = copy.length - 1; i > 0; i -= 1) {
            const j = (seeds.next().value ?? 0) % (i + 1);
            [copy[i], copy[j]] = [copy[j]!, copy[i]!];
          }
          return copy;
        };
        const shuffled = {
          invoices: shuffle(ledger.invoices),
          payments: shuffle(ledger.payments),
          creditNotes: shuffle(ledger.creditNotes),
        };
        expect(allocate(shuffled, asOf)).toEqual(allocate(ledger, asOf));
      }),
    );
  });
});

describe('sortByKeys', () => {
  // Reference: the built-in stable sort on (key, tie-break); both the insertion path (≤ 48) and the large path.
  it('gives the same order as a stable comparator sort on (key, tie-break), moving keys along', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            key: fc.integer({ min: 0, max: 5 }),
            id: fc.integer({ min: 0, max: 3 }),
            at: fc.nat(),
          }),
          {
            maxLength: 120,
          },
        ),
        (entries) => {
          const items = entries.map((entry, index) => ({ ...entry, at: index }));
          const keys = items.map((item) => item.key);
          const expected = [...items].sort((a, b) => a.key - b.key || a.id - b.id);
          sortByKeys(items, keys, (a, b) => a.id - b.id);
          expect(items).toEqual(expected);
          expect(keys).toEqual(expected.map((item) => item.key));
        },
      ),
    );
  });
});
