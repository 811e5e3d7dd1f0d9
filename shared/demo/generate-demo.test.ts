// The demo workspace: deterministic, valid row by row, accepted by `importLedger`, and — judged by the
// domain's own functions (exposureOf, coverAsOf, alertsFor) on DEFAULT_POLICY as of `today` — telling every
// story the issue asks for (over and near the limit, a reduction, an insolvency, no cover, overdue, stop).
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../commands/define';
import {
  buyerFieldsSchema,
  creditNoteFieldsSchema,
  importFieldsSchema,
  invoiceFieldsSchema,
  limitDecisionFieldsSchema,
  paymentFieldsSchema,
} from '../commands/entities';
import { importLedger } from '../commands/import-ledger';
import type { ImportLedgerArgs } from '../commands/import-ledger';
import { createMemoryStore } from '../commands/memory-store';
import { dayNumber } from '../domain/aging';
import { alertsFor } from '../domain/alerts';
import type { AlertCode } from '../domain/alerts';
import { coverAsOf } from '../domain/cover';
import { exposureOf } from '../domain/exposure';
import { validateNaf, validateSiren, validateSiret } from '../domain/identifiers';
import type { BuyerLedger } from '../domain/model';
import { DEFAULT_POLICY } from '../domain/policy';
import { generateDemo } from './generate-demo';

const TODAY = '2026-11-25';
const demo = generateDemo({ seed: 2026, today: TODAY });

function ledgersOf(args: ImportLedgerArgs): BuyerLedger[] {
  return args.buyers.map((buyer) => ({
    buyer,
    invoices: args.invoices.filter((row) => row.buyerId === buyer.id),
    payments: args.payments.filter((row) => row.buyerId === buyer.id),
    creditNotes: args.creditNotes.filter((row) => row.buyerId === buyer.id),
    limitDecisions: args.limitDecisions.filter((row) => row.buyerId === buyer.id),
  }));
}

describe('generateDemo', () => {
  it('is deterministic: same seed and day, same workspace; another seed, another one', () => {
    expect(generateDemo({ seed: 2026, today: TODAY })).toEqual(demo);
    const other = generateDemo({ seed: 7, today: TODAY });
    expect(other.buyers.map((b) => b.name)).not.toEqual(demo.buyers.map((b) => b.name));
  });

  it('has 150 buyers and about 3,000 invoices over the 18 months before today', () => {
    expect(demo.buyers).toHaveLength(150);
    expect(demo.invoices.length).toBeGreaterThanOrEqual(2_800);
    expect(demo.invoices.length).toBeLessThanOrEqual(3_200);
    // 18 months ≈ 548 days; nothing issued today or later.
    const first = dayNumber(TODAY) - 548;
    for (const invoice of demo.invoices) {
      expect(dayNumber(invoice.issueDate)).toBeGreaterThanOrEqual(first);
      expect(invoice.issueDate < TODAY).toBe(true);
    }
    // Most invoices are paid, a few % have a credit note.
    expect(demo.payments.length).toBeGreaterThan(demo.invoices.length * 0.8);
    expect(demo.creditNotes.length).toBeGreaterThan(demo.invoices.length * 0.01);
    expect(demo.creditNotes.length).toBeLessThan(demo.invoices.length * 0.08);
  });

  it('gives every buyer a valid SIREN, head-office SIRET of that SIREN, NAF code, address and contact', () => {
    const sirens = new Set<string>();
    const names = new Set<string>();
    for (const buyer of demo.buyers) {
      expect(validateSiren(buyer.siren ?? '').ok).toBe(true);
      expect(validateSiret(buyer.siret ?? '').ok).toBe(true);
      expect(buyer.siret?.startsWith(buyer.siren ?? '-')).toBe(true);
      expect(validateNaf(buyer.naf ?? '')).toEqual({ ok: true, value: buyer.naf });
      expect(buyer.address?.postalCode).toMatch(/^\d{5}$/);
      expect(buyer.contacts?.length).toBeGreaterThanOrEqual(1);
      expect(buyer.contacts?.length).toBeLessThanOrEqual(2);
      expect([30, 45, 60]).toContain(buyer.paymentTermsDays);
      sirens.add(buyer.siren ?? '');
      names.add(buyer.name);
    }
    expect(sirens.size).toBe(150);
    expect(names.size).toBe(150);
  });

  it('writes rows that pass their schemas, with TTC = HT × 1.2 and due dates after issue', () => {
    expect(importFieldsSchema.safeParse(demo.import).success).toBe(true);
    for (const row of demo.buyers) expect(buyerFieldsSchema.safeParse(row).success).toBe(true);
    for (const row of demo.payments) expect(paymentFieldsSchema.safeParse(row).success).toBe(true);
    for (const row of demo.creditNotes) expect(creditNoteFieldsSchema.safeParse(row).success).toBe(true);
    for (const row of demo.limitDecisions)
      expect(limitDecisionFieldsSchema.safeParse(row).success).toBe(true);
    for (const row of demo.invoices) {
      expect(invoiceFieldsSchema.safeParse(row).success).toBe(true);
      expect(Math.abs(row.amountTtcCents - row.amountHtCents * 1.2)).toBeLessThanOrEqual(0.5);
      // A few hundred to tens of thousands of euros.
      expect(row.amountHtCents).toBeGreaterThanOrEqual(150_00);
      expect(row.amountHtCents).toBeLessThanOrEqual(100_000_00);
      expect(row.dueDate > row.issueDate).toBe(true);
    }
    const ids = [...demo.invoices, ...demo.payments, ...demo.creditNotes].map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    const numbers = demo.invoices.map((row) => row.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('has every kind of limit decision, exactly one reduction (in the future) and one insolvency', () => {
    const kinds = new Set(demo.limitDecisions.map((d) => d.kind));
    for (const kind of limitDecisionFieldsSchema.shape.kind.options) expect(kinds).toContain(kind);
    expect(new Set(demo.limitDecisions.map((d) => d.layer))).toEqual(
      new Set(['named', 'discretionary', 'top-up']),
    );
    const reductions = demo.limitDecisions.filter((d) => d.kind === 'reduced');
    expect(reductions).toHaveLength(1);
    expect((reductions[0]?.effectiveDate ?? '') > TODAY).toBe(true);
    expect(demo.limitDecisions.some((d) => d.kind === 'temporary' && d.endDate !== undefined)).toBe(true);
    const withDecision = new Set(demo.limitDecisions.map((d) => d.buyerId));
    expect(demo.buyers.filter((b) => !withDecision.has(b.id)).length).toBeGreaterThanOrEqual(10);
    const insolvent = demo.buyers.filter((b) => b.insolvency !== undefined);
    expect(insolvent).toHaveLength(1);
    expect(insolvent[0]?.insolvency?.kind).toBe('redressement');
    expect((insolvent[0]?.insolvency?.judgmentDate ?? TODAY) < TODAY).toBe(true);
    expect(insolvent[0]?.grade).toBeGreaterThanOrEqual(9);
  });

  it('tells every alert story on today, by the domain functions and DEFAULT_POLICY', () => {
    const buyersWith = new Map<AlertCode, number>();
    const buckets = { '1-30': 0, '31-60': 0, '61-90': 0, '>90': 0 };
    for (const ledger of ledgersOf(demo)) {
      const exposure = exposureOf(ledger, DEFAULT_POLICY, TODAY);
      const cover = coverAsOf(ledger, DEFAULT_POLICY, TODAY, exposure);
      const codes = new Set(alertsFor(ledger, DEFAULT_POLICY, TODAY, { exposure, cover }).map((a) => a.code));
      for (const code of codes) buyersWith.set(code, (buyersWith.get(code) ?? 0) + 1);
      for (const item of exposure.openItems) {
        const late = dayNumber(TODAY) - dayNumber(item.invoice.dueDate);
        if (late >= 1 && late <= 30) buckets['1-30']++;
        else if (late > 30 && late <= 60) buckets['31-60']++;
        else if (late > 60 && late <= 90) buckets['61-90']++;
        else if (late > 90) buckets['>90']++;
      }
    }
    const required: AlertCode[] = [
      'over-limit',
      'near-limit',
      'limit-reduced',
      'insolvency',
      'no-cover',
      'invoice-overdue',
      'stop-shipments',
    ];
    for (const code of required) expect(buyersWith.get(code) ?? 0, code).toBeGreaterThanOrEqual(1);
    // Some, not all: a demo where every buyer is in trouble would not look real.
    expect(buyersWith.get('over-limit') ?? 0).toBeLessThan(15);
    expect(buyersWith.get('stop-shipments') ?? 0).toBeLessThan(40);
    for (const [bucket, count] of Object.entries(buckets)) expect(count, bucket).toBeGreaterThan(0);
  });

  it('grades buyers by how they pay: those with invoices past the extension period grade worse', () => {
    const late: number[] = [];
    const clean: number[] = [];
    for (const ledger of ledgersOf(demo)) {
      const codes = alertsFor(ledger, DEFAULT_POLICY, TODAY).map((a) => a.code);
      const grade = demo.buyers.find((b) => b.id === ledger.buyer.id)?.grade ?? 0;
      expect(grade).toBeGreaterThanOrEqual(1);
      if (codes.includes('stop-shipments')) late.push(grade);
      else if (!codes.includes('invoice-overdue')) clean.push(grade);
    }
    const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
    expect(mean(late)).toBeGreaterThan(mean(clean) + 1);
  });

  it('dates everything relative to today: another day shifts the same story', () => {
    const later = generateDemo({ seed: 2026, today: '2027-03-02' });
    expect(later.buyers.map((b) => b.name)).toEqual(demo.buyers.map((b) => b.name));
    // 97 days between the two todays.
    const shift = dayNumber('2027-03-02') - dayNumber(TODAY);
    const reduced = (args: ImportLedgerArgs) => args.limitDecisions.find((d) => d.kind === 'reduced');
    expect(dayNumber(reduced(later)?.effectiveDate ?? '')).toBe(
      dayNumber(reduced(demo)?.effectiveDate ?? '') + shift,
    );
  });

  it('passes the importLedger command as is, which stores every row', async () => {
    const store = createMemoryStore();
    const now = `${TODAY}T09:00:00.000Z`;
    const ctx: CommandContext = { reader: store.reader, actor: 'demo', clientId: 'c1', now };
    const result = await importLedger.execute(ctx, importLedger.args.parse(demo));
    expect(result.ok ? null : result.rejected).toBeNull();
    if (!result.ok) return;
    store.apply(result.changes, now);
    expect(store.rows('buyers')).toHaveLength(demo.buyers.length);
    expect(store.rows('invoices')).toHaveLength(demo.invoices.length);
    expect(store.rows('payments')).toHaveLength(demo.payments.length);
    expect(store.rows('creditNotes')).toHaveLength(demo.creditNotes.length);
    expect(store.rows('limitDecisions')).toHaveLength(demo.limitDecisions.length);
    expect(store.rows('imports').map((row) => row.kind)).toEqual(['demo']);
  });
});
