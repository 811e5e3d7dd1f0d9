import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { limitHistory, limitInForce } from './limits';
import type { LimitDecision, LimitDecisionKind, LimitLayer } from './model';
import { decision } from './test-builders';

const amountOn = (
  decisions: readonly LimitDecision[],
  date: string,
  layer: LimitLayer = 'named',
): number | null => limitInForce(decisions, layer, date)?.amountCents ?? null;

describe('limitInForce', () => {
  it('is null with no decision, and with only a pending request (no cover yet, no named decision)', () => {
    expect(amountOn([], '2026-01-01')).toBeNull();
    const requested = [decision('r', 'requested', '2026-01-01', 0, { requestedCents: 30_000 })];
    expect(amountOn(requested, '2026-02-01')).toBeNull();
  });

  it.each([
    ['granted', 30_000, 30_000],
    ['partial', 20_000, 20_000],
    ['refused', 0, 0],
  ] as const)('a %s decision is in force from its effective date at %i', (kind, amount, expected) => {
    const decisions = [
      decision('r', 'requested', '2026-01-01', 0, { requestedCents: 30_000 }),
      decision('d', kind, '2026-01-10', amount, { requestedCents: 30_000 }),
    ];
    expect(amountOn(decisions, '2026-01-09')).toBeNull();
    expect(amountOn(decisions, '2026-01-10')).toBe(expected);
    expect(limitInForce(decisions, 'named', '2026-06-01')?.decision.id).toBe('d');
  });

  it('keeps a standing limit while a new request is pending', () => {
    const decisions = [
      decision('g', 'granted', '2026-01-01', 30_000),
      decision('r', 'requested', '2026-03-01', 0, { requestedCents: 60_000 }),
    ];
    expect(amountOn(decisions, '2026-03-15')).toBe(30_000);
  });

  it('applies a reduction only from its effective date (decision date + notice)', () => {
    const decisions = [
      decision('g', 'granted', '2026-01-01', 50_000),
      decision('red', 'reduced', '2026-06-15', 20_000, { decisionDate: '2026-05-16' }),
    ];
    expect(amountOn(decisions, '2026-06-14')).toBe(50_000);
    expect(amountOn(decisions, '2026-06-15')).toBe(20_000);
  });

  it.each(['cancelled', 'expired'] as const)('a %s limit is 0 (not null) from its effective date', (kind) => {
    const decisions = [decision('g', 'granted', '2026-01-01', 50_000), decision('x', kind, '2026-04-01', 0)];
    expect(amountOn(decisions, '2026-03-31')).toBe(50_000);
    expect(amountOn(decisions, '2026-04-01')).toBe(0);
    expect(limitInForce(decisions, 'named', '2026-04-01')?.decision.kind).toBe(kind);
  });

  it('a temporary limit applies through its end date, then the previous standing limit returns', () => {
    const decisions = [
      decision('g', 'granted', '2026-01-01', 30_000),
      decision('t', 'temporary', '2026-03-01', 80_000, { endDate: '2026-03-31' }),
    ];
    expect(amountOn(decisions, '2026-02-28')).toBe(30_000);
    expect(amountOn(decisions, '2026-03-01')).toBe(80_000);
    expect(amountOn(decisions, '2026-03-31')).toBe(80_000);
    expect(amountOn(decisions, '2026-04-01')).toBe(30_000);
    expect(limitInForce(decisions, 'named', '2026-04-01')?.decision.id).toBe('g');
  });

  it('a temporary limit with nothing before it leaves no decision in force when it ends', () => {
    const decisions = [decision('t', 'temporary', '2026-03-01', 80_000, { endDate: '2026-03-31' })];
    expect(amountOn(decisions, '2026-04-01')).toBeNull();
  });

  it('a decision during a temporary limit supersedes it', () => {
    const decisions = [
      decision('g', 'granted', '2026-01-01', 30_000),
      decision('t', 'temporary', '2026-03-01', 80_000, { endDate: '2026-05-31' }),
      decision('red', 'reduced', '2026-04-01', 10_000),
    ];
    expect(amountOn(decisions, '2026-04-15')).toBe(10_000);
    expect(amountOn(decisions, '2026-06-15')).toBe(10_000);
  });

  it('a granted limit with a validity end is 0 from the next day', () => {
    const decisions = [decision('g', 'granted', '2026-01-01', 30_000, { endDate: '2026-12-31' })];
    expect(amountOn(decisions, '2026-12-31')).toBe(30_000);
    expect(amountOn(decisions, '2027-01-01')).toBe(0);
  });

  it('orders same-day decisions by decision date, then id', () => {
    const decisions = [
      decision('b', 'granted', '2026-02-01', 40_000, { decisionDate: '2026-01-20' }),
      decision('a', 'granted', '2026-02-01', 10_000, { decisionDate: '2026-01-25' }),
      decision('c', 'granted', '2026-03-01', 70_000),
      decision('d', 'granted', '2026-03-01', 90_000),
    ];
    // Feb 1: b (decided 01-20) then a (01-25) → a wins. Mar 1: same decision date → id: c then d → d wins.
    expect(amountOn(decisions, '2026-02-15')).toBe(10_000);
    expect(amountOn(decisions, '2026-03-15')).toBe(90_000);
  });

  it('keeps layers apart', () => {
    const decisions = [
      decision('n', 'granted', '2026-01-01', 30_000),
      decision('t', 'granted', '2026-01-01', 15_000, { layer: 'top-up' }),
    ];
    expect(amountOn(decisions, '2026-02-01', 'named')).toBe(30_000);
    expect(amountOn(decisions, '2026-02-01', 'top-up')).toBe(15_000);
    expect(amountOn(decisions, '2026-02-01', 'discretionary')).toBeNull();
  });

  it('does not depend on the order of the decisions (property)', () => {
    const kinds: LimitDecisionKind[] = [
      'requested',
      'granted',
      'partial',
      'refused',
      'reduced',
      'cancelled',
      'expired',
      'temporary',
    ];
    const day = fc
      .integer({ min: 0, max: 60 })
      .map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ kind: fc.constantFrom(...kinds), day, amount: fc.nat(100_000), end: fc.option(day) }),
          { maxLength: 8 },
        ),
        day,
        (entries, asOf) => {
          const decisions = entries.map((entry, index) =>
            decision(
              `d${index}`,
              entry.kind,
              entry.day,
              entry.amount,
              entry.end === null ? {} : { endDate: entry.end },
            ),
          );
          expect(limitInForce([...decisions].reverse(), 'named', asOf)).toEqual(
            limitInForce(decisions, 'named', asOf),
          );
        },
      ),
    );
  });
});

describe('limitHistory', () => {
  it('lists every dated change with the amount before and after, expiries included', () => {
    const decisions = [
      decision('t', 'temporary', '2026-03-01', 80_000, { endDate: '2026-03-31' }),
      decision('r', 'requested', '2026-01-01', 0, { requestedCents: 50_000 }),
      decision('p', 'partial', '2026-01-10', 30_000, { requestedCents: 50_000 }),
      decision('c', 'granted', '2026-01-10', 5_000, { layer: 'top-up' }),
      decision('red', 'reduced', '2026-06-15', 20_000, { decisionDate: '2026-05-16' }),
    ];
    expect(
      limitHistory(decisions).map((row) => [
        row.date,
        row.layer,
        row.event,
        row.previousAmountCents,
        row.amountCents,
      ]),
    ).toEqual([
      ['2026-01-01', 'named', 'requested', null, null],
      ['2026-01-10', 'named', 'partial', null, 30_000],
      ['2026-01-10', 'top-up', 'granted', null, 5_000],
      ['2026-03-01', 'named', 'temporary', 30_000, 80_000],
      ['2026-04-01', 'named', 'temporary-ended', 80_000, 30_000],
      ['2026-06-15', 'named', 'reduced', 30_000, 20_000],
    ]);
    const reduced = limitHistory(decisions).find((row) => row.event === 'reduced');
    expect(reduced).toMatchObject({ decisionId: 'red', decisionDate: '2026-05-16' });
  });

  it('shows the end of a limit with a validity', () => {
    const rows = limitHistory([decision('g', 'granted', '2026-01-01', 30_000, { endDate: '2026-12-31' })]);
    expect(rows.at(-1)).toMatchObject({
      date: '2027-01-01',
      event: 'validity-ended',
      amountCents: 0,
      previousAmountCents: 30_000,
    });
  });
});
