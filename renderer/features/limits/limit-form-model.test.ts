import { describe, expect, it } from 'vitest';
import { amountInput, emptyLimitForm, isNoticeShort, toLimitDecision } from './limit-form-model';
import type { LimitFormValues } from './limit-form-model';

const TODAY = '2026-11-25';

function values(extra: Partial<LimitFormValues>): LimitFormValues {
  return { ...emptyLimitForm(TODAY), buyerId: 'b1', ...extra };
}

describe('toLimitDecision', () => {
  it('a full approval typed the French way', () => {
    const result = toLimitDecision(
      values({ granted: '25 000', quotity: '92,5', insurerReference: ' AGR-1 ' }),
      'd1',
      'EUR',
    );
    expect(result).toEqual({
      ok: true,
      decision: {
        id: 'd1',
        buyerId: 'b1',
        layer: 'named',
        kind: 'granted',
        decisionDate: TODAY,
        effectiveDate: TODAY,
        amountCents: 25_000_00,
        currency: 'EUR',
        quotityBp: 9250,
        insurerReference: 'AGR-1',
      },
    });
  });

  it('a request records the amount asked for and grants nothing', () => {
    const result = toLimitDecision(values({ kind: 'requested', requested: '65 000' }), 'd1', 'EUR');
    expect(result.ok && result.decision).toMatchObject({
      kind: 'requested',
      requestedCents: 65_000_00,
      amountCents: 0,
    });
  });

  it('coded errors: missing buyer and amount, partial not below the request, end before effect, bad quotité', () => {
    expect(toLimitDecision(values({ buyerId: '', granted: '' }), 'd', 'EUR')).toEqual({
      ok: false,
      errors: { buyerId: 'required', granted: 'required' },
    });
    expect(
      toLimitDecision(values({ kind: 'partial', requested: '40 000', granted: '40 000' }), 'd', 'EUR'),
    ).toEqual({ ok: false, errors: { granted: 'partial-not-below-request' } });
    expect(
      toLimitDecision(values({ kind: 'temporary', granted: '10 000', endDate: '2026-11-01' }), 'd', 'EUR'),
    ).toEqual({ ok: false, errors: { endDate: 'end-before-effective' } });
    expect(toLimitDecision(values({ kind: 'temporary', granted: '10 000' }), 'd', 'EUR')).toEqual({
      ok: false,
      errors: { endDate: 'required' },
    });
    expect(toLimitDecision(values({ granted: '1 000', quotity: '120' }), 'd', 'EUR')).toEqual({
      ok: false,
      errors: { quotity: 'quotity' },
    });
  });

  it('a refusal stands at 0 without an amount typed', () => {
    const result = toLimitDecision(values({ kind: 'refused' }), 'd', 'EUR');
    expect(result.ok && result.decision.amountCents).toBe(0);
  });
});

describe('isNoticeShort', () => {
  it('a reduction effective before decision date + 30 days notice is flagged', () => {
    // 2026-11-25 + 30 days = 2026-12-25.
    expect(isNoticeShort(values({ kind: 'reduced', effectiveDate: '2026-12-24' }), 30)).toBe(true);
    expect(isNoticeShort(values({ kind: 'reduced', effectiveDate: '2026-12-25' }), 30)).toBe(false);
    expect(isNoticeShort(values({ kind: 'granted', effectiveDate: TODAY }), 30)).toBe(false);
  });
});

describe('amountInput', () => {
  it('writes cents as a French amount to type', () => {
    expect(amountInput(65_000_00).replace(/\s/g, ' ')).toBe('65 000');
    expect(amountInput(1_234_56).replace(/\s/g, ' ')).toBe('1 234,56');
  });
});
