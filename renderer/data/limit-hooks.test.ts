import { describe, expect, it } from 'vitest';
import type { LimitDecision } from '../../shared/domain/model';
import { limitOverview } from './limit-hooks';

const TODAY = '2026-11-25';

function decision(id: string, extra: Partial<LimitDecision>): LimitDecision {
  return {
    id,
    buyerId: 'b1',
    layer: 'named',
    kind: 'granted',
    decisionDate: '2026-01-10',
    effectiveDate: '2026-01-10',
    amountCents: 30_000_00,
    currency: 'EUR',
    ...extra,
  };
}

describe('limitOverview', () => {
  it('no decision: no limit, no last decision, nothing pending', () => {
    expect(limitOverview([], TODAY)).toEqual({
      primary: null,
      topUp: null,
      lastDecision: null,
      pendingRequest: null,
    });
  });

  it('a request after a grant is pending; the grant stays in force', () => {
    const grant = decision('d1', {});
    const request = decision('d2', {
      kind: 'requested',
      decisionDate: '2026-11-20',
      effectiveDate: '2026-11-20',
      requestedCents: 60_000_00,
      amountCents: 0,
    });
    const overview = limitOverview([request, grant], TODAY);
    expect(overview.primary?.amountCents).toBe(30_000_00);
    expect(overview.lastDecision?.id).toBe('d2');
    expect(overview.pendingRequest?.id).toBe('d2');
  });

  it('on the same day, the decision recorded last is the last one (a request after a grant is pending)', () => {
    const grant = {
      ...decision('z-grant', { decisionDate: TODAY, effectiveDate: TODAY }),
      updatedAt: '2026-11-25T09:00:00Z',
    };
    const request = {
      ...decision('a-request', {
        kind: 'requested',
        decisionDate: TODAY,
        effectiveDate: TODAY,
        amountCents: 0,
      }),
      updatedAt: '2026-11-25T09:05:00Z',
    };
    const overview = limitOverview([grant, request], TODAY);
    expect(overview.lastDecision?.id).toBe('a-request');
    expect(overview.pendingRequest?.id).toBe('a-request');
  });

  it('same day and same stamp (frozen clock): the request counts as the later one', () => {
    const stamp = '2026-11-25T09:00:00Z';
    const grant = { ...decision('z-grant', { decisionDate: TODAY, effectiveDate: TODAY }), updatedAt: stamp };
    const request = {
      ...decision('a-request', {
        kind: 'requested',
        decisionDate: TODAY,
        effectiveDate: TODAY,
        amountCents: 0,
      }),
      updatedAt: stamp,
    };
    expect(limitOverview([grant, request], TODAY).pendingRequest?.id).toBe('a-request');
    expect(limitOverview([request, grant], TODAY).pendingRequest?.id).toBe('a-request');
  });

  it('a request answered by a later partial grant is no longer pending', () => {
    const overview = limitOverview(
      [
        decision('d1', { kind: 'requested', requestedCents: 60_000_00, amountCents: 0 }),
        decision('d2', {
          kind: 'partial',
          decisionDate: '2026-02-01',
          effectiveDate: '2026-02-01',
          requestedCents: 60_000_00,
          amountCents: 40_000_00,
        }),
      ],
      TODAY,
    );
    expect(overview.pendingRequest).toBeNull();
    expect(overview.primary?.amountCents).toBe(40_000_00);
  });

  it('a reduction decided today but effective later: the old limit is in force, the reduction is the last decision', () => {
    const overview = limitOverview(
      [
        decision('d1', {}),
        decision('d2', {
          kind: 'reduced',
          decisionDate: TODAY,
          effectiveDate: '2026-12-25',
          amountCents: 10_000_00,
        }),
      ],
      TODAY,
    );
    expect(overview.primary?.amountCents).toBe(30_000_00);
    expect(overview.lastDecision?.kind).toBe('reduced');
  });

  it('the discretionary limit stands when there is no named decision; the top-up is reported apart', () => {
    const overview = limitOverview(
      [
        decision('d1', { layer: 'discretionary', amountCents: 8_000_00 }),
        decision('d2', { layer: 'top-up', amountCents: 5_000_00 }),
      ],
      TODAY,
    );
    expect(overview.primary?.decision.layer).toBe('discretionary');
    expect(overview.primary?.amountCents).toBe(8_000_00);
    expect(overview.topUp?.amountCents).toBe(5_000_00);
  });
});
