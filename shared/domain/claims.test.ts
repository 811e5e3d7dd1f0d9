import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import { CLAIM_EVENT_TYPES, allowedEvents, applyClaimEvent, applyClaimEvents, openClaim } from './claims';
import type { Claim, ClaimEvent, ClaimEventType, ClaimStatus } from './claims';
import { DEFAULT_POLICY } from './policy';

// Example 3 + 4 of domain.md §5: invoice due 2026-03-31, debt 30 000 €, limit 25 000 €, quotité 90 %
// → maximum indemnity 22 500 €; DMS deadline 2026-06-29.
const claim0 = openClaim({
  id: 'c1',
  buyerId: 'b1',
  dueDate: '2026-03-31',
  openedOn: '2026-04-15',
  openedBy: 'claire',
  openAmountCents: 3_000_000,
  maxIndemnityCents: 2_250_000,
});

const ev = (type: ClaimEventType, date: string, extra: Partial<ClaimEvent> = {}): ClaimEvent => ({
  type,
  date,
  by: 'claire',
  ...extra,
});

function run(events: readonly ClaimEvent[], start: Claim = claim0): Claim {
  const result = applyClaimEvents(start, events, DEFAULT_POLICY);
  if (!result.ok) throw new Error(`event ${result.index} refused: ${result.reason.code}`);
  return result.claim;
}

const toWaitingPeriod: readonly ClaimEvent[] = [
  ev('reminder-sent', '2026-04-15'),
  ev('dms-filed', '2026-06-15'),
  ev('dic-filed', '2026-07-20'),
  ev('waiting-period-started', '2026-07-20'),
];

describe('applyClaimEvent: the main path', () => {
  it('walks example 3 + 4 from open to closed, keeping a dated, attributed timeline', () => {
    const events = [
      ev('reminder-sent', '2026-04-15'),
      ev('reminder-sent', '2026-05-02', { by: 'marc', note: 'mise en demeure' }),
      ev('dms-filed', '2026-06-15'),
      ev('dic-filed', '2026-07-20'),
      ev('waiting-period-started', '2026-07-20'),
      ev('indemnity-paid', '2026-12-17', { amountCents: 2_250_000 }),
      ev('recovery-received', '2027-02-10', { amountCents: 1_000_000 }),
      ev('closed', '2027-03-01'),
    ];
    const claim = run(events);
    expect(claim.timeline.map((e) => [e.type, e.from, e.to])).toEqual([
      ['reminder-sent', 'open', 'reminded'],
      ['reminder-sent', 'reminded', 'reminded'],
      ['dms-filed', 'reminded', 'dms-filed'],
      ['dic-filed', 'dms-filed', 'dic-filed'],
      ['waiting-period-started', 'dic-filed', 'waiting-period'],
      ['indemnity-paid', 'waiting-period', 'indemnified'],
      ['recovery-received', 'indemnified', 'recovering'],
      ['closed', 'recovering', 'closed'],
    ]);
    expect(claim.status).toBe('closed');
    expect(claim.timeline[1]).toMatchObject({ by: 'marc', note: 'mise en demeure', date: '2026-05-02' });
    // DMS 06-15 ≤ deadline 06-29; DIC deadline from the DMS filed: 06-15 + 60 (15 + 31 + 14) = 08-14.
    expect(claim.timeline[2]).toMatchObject({ isLate: false, deadline: '2026-06-29' });
    expect(claim.timeline[3]).toMatchObject({ isLate: false, deadline: '2026-08-14' });
    // Example 4: 10 000 € recovered after an indemnity of 22 500 on a loss of 30 000 → 7 500 / 2 500.
    expect(claim.timeline[6]?.recoverySplit).toEqual({ insurerCents: 750_000, insuredCents: 250_000 });
    expect(claim.insurerShareOfRecoveriesCents).toBe(750_000);
    expect(claim.indemnityPaidCents).toBe(2_250_000);
    expect(claim.dmsFiledOn).toBe('2026-06-15');
    expect(claim.dicFiledOn).toBe('2026-07-20');
  });

  it('does not change the claim it was given', () => {
    const result = applyClaimEvent(claim0, ev('reminder-sent', '2026-04-20'), DEFAULT_POLICY);
    expect(result.ok).toBe(true);
    expect(claim0.status).toBe('open');
    expect(claim0.timeline).toHaveLength(0);
  });
});

describe('late filings are accepted and flagged', () => {
  it.each([
    { dmsOn: '2026-06-29', isLate: false }, // on the deadline day
    { dmsOn: '2026-06-30', isLate: true }, // one day after 2026-06-29
  ])('DMS filed $dmsOn → isLate $isLate', ({ dmsOn, isLate }) => {
    const claim = run([ev('dms-filed', dmsOn)]);
    expect(claim.status).toBe('dms-filed');
    expect(claim.isDmsLate).toBe(isLate);
    expect(claim.timeline[0]).toMatchObject({ isLate, deadline: '2026-06-29' });
  });

  it.each([
    { dicOn: '2026-08-14', isLate: false },
    { dicOn: '2026-08-15', isLate: true },
  ])(
    'DIC filed $dicOn after a DMS on 2026-06-15 (deadline 2026-08-14) → isLate $isLate',
    ({ dicOn, isLate }) => {
      const claim = run([ev('dms-filed', '2026-06-15'), ev('dic-filed', dicOn)]);
      expect(claim.isDicLate).toBe(isLate);
      expect(claim.timeline[1]).toMatchObject({ isLate, deadline: '2026-08-14' });
    },
  );
});

describe('refusals', () => {
  const waiting = run(toWaitingPeriod);
  const closed = run([...toWaitingPeriod, ev('claim-rejected', '2026-12-20'), ev('closed', '2026-12-21')]);
  const paid = run([ev('paid-in-full', '2026-05-01', { amountCents: 3_000_000 })]);
  const disputed = run([ev('dms-filed', '2026-06-01'), ev('dispute-opened', '2026-06-10')]);
  const insolvent = run([ev('insolvency-declared', '2026-05-04')]);
  const withoutMax = openClaim({ ...claim0, maxIndemnityCents: undefined });
  const withoutMaxWaiting = run(toWaitingPeriod, withoutMax);
  const reducedByRecovery = run([ev('recovery-received', '2026-08-01', { amountCents: 1_000_000 })], waiting);

  it.each([
    { name: 'DIC before DMS', claim: claim0, event: ev('dic-filed', '2026-05-01'), code: 'dms-required' },
    {
      name: 'an event dated before the previous one',
      claim: run([ev('reminder-sent', '2026-05-02')]),
      event: ev('dms-filed', '2026-05-01'),
      code: 'date-before-previous',
    },
    {
      name: 'an event before the opening',
      claim: claim0,
      event: ev('reminder-sent', '2026-04-14'),
      code: 'date-before-previous',
    },
    {
      name: 'a date that does not exist',
      claim: claim0,
      event: ev('reminder-sent', '2026-02-30'),
      code: 'invalid-date',
    },
    {
      name: 'no author',
      claim: claim0,
      event: { ...ev('reminder-sent', '2026-05-01'), by: '  ' },
      code: 'missing-author',
    },
    // 22 500 € is the computed maximum (example 4): one cent more is refused.
    {
      name: 'an indemnity above the computed maximum',
      claim: waiting,
      event: ev('indemnity-paid', '2026-12-17', { amountCents: 2_250_001 }),
      code: 'indemnity-above-maximum',
    },
    // Without a computed maximum the bound is 90 % × 30 000 = 27 000 €.
    {
      name: 'an indemnity above quotité × loss',
      claim: withoutMaxWaiting,
      event: ev('indemnity-paid', '2026-12-17', { amountCents: 2_700_001 }),
      code: 'indemnity-above-maximum',
    },
    // 10 000 € recovered in the waiting period: loss 20 000 → bound 18 000 < 22 500.
    {
      name: 'an indemnity above the bound once a recovery reduced the claim',
      claim: reducedByRecovery,
      event: ev('indemnity-paid', '2026-12-17', { amountCents: 1_800_001 }),
      code: 'indemnity-above-maximum',
    },
    {
      name: 'an indemnity with no amount',
      claim: waiting,
      event: ev('indemnity-paid', '2026-12-17'),
      code: 'amount-required',
    },
    {
      name: 'a recovery above what is owed',
      claim: waiting,
      event: ev('recovery-received', '2026-08-01', { amountCents: 3_000_001 }),
      code: 'recovery-above-outstanding',
    },
    {
      name: 'anything on a closed claim',
      claim: closed,
      event: ev('recovery-received', '2027-01-01', { amountCents: 1 }),
      code: 'claim-closed',
    },
    {
      name: 'anything once paid in full',
      claim: paid,
      event: ev('reminder-sent', '2026-05-02'),
      code: 'claim-closed',
    },
    {
      name: 'a reminder on a disputed claim',
      claim: disputed,
      event: ev('reminder-sent', '2026-06-11'),
      code: 'claim-frozen',
    },
    {
      name: 'an indemnity in insolvency before admission',
      claim: insolvent,
      event: ev('indemnity-paid', '2026-09-01', { amountCents: 100 }),
      code: 'admission-required',
    },
    {
      name: 'a second admission',
      claim: run([ev('claim-admitted', '2026-08-01')], insolvent),
      event: ev('claim-admitted', '2026-08-02'),
      code: 'already-admitted',
    },
    {
      name: 'closing a claim still open',
      claim: claim0,
      event: ev('closed', '2026-05-01'),
      code: 'event-not-allowed',
    },
    {
      name: 'an indemnity straight after the DMS',
      claim: run([ev('dms-filed', '2026-06-01')]),
      event: ev('indemnity-paid', '2026-06-02', { amountCents: 1 }),
      code: 'event-not-allowed',
    },
  ])('refuses $name ($code)', ({ claim, event, code }) => {
    const result = applyClaimEvent(claim, event, DEFAULT_POLICY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason.code).toBe(code);
    expect(result.reason.message.fr.length).toBeGreaterThan(0);
    expect(result.reason.message.en.length).toBeGreaterThan(0);
  });

  it('accepts the maximum exactly', () => {
    const result = applyClaimEvent(
      waiting,
      ev('indemnity-paid', '2026-12-17', { amountCents: 2_250_000 }),
      DEFAULT_POLICY,
    );
    expect(result.ok && result.claim.status).toBe('indemnified');
  });

  it('lets a recovery in the waiting period reduce the claim without leaving the state', () => {
    expect(reducedByRecovery.status).toBe('waiting-period');
    expect(reducedByRecovery.recoveredBeforeSettlementCents).toBe(1_000_000);
  });
});

describe('side branches', () => {
  it('resumes a disputed claim where it was', () => {
    const claim = run([
      ev('dms-filed', '2026-06-01'),
      ev('dispute-opened', '2026-06-10'),
      ev('dispute-resolved', '2026-07-01'),
      ev('dic-filed', '2026-07-02'),
    ]);
    expect(claim.timeline.map((e) => e.to)).toEqual(['dms-filed', 'disputed', 'dms-filed', 'dic-filed']);
    expect(claim.resumeStatus).toBeUndefined();
  });

  it('pays an insolvency claim after admission, with no waiting period', () => {
    const claim = run([
      ev('reminder-sent', '2026-04-20'),
      ev('insolvency-declared', '2026-05-04'),
      ev('claim-admitted', '2026-09-01'),
      ev('indemnity-paid', '2026-09-15', { amountCents: 2_250_000 }),
    ]);
    expect(claim.status).toBe('indemnified');
    expect(claim.insolvencyDeclaredOn).toBe('2026-05-04');
    expect(claim.admittedOn).toBe('2026-09-01');
  });

  it.each([
    ['open'],
    ['reminded'],
    ['dms-filed'],
    ['dic-filed'],
    ['waiting-period'],
    ['insolvency-declared'],
  ] as const)('can be paid in full from %s', (status) => {
    const prefix: Record<typeof status, readonly ClaimEvent[]> = {
      open: [],
      reminded: [ev('reminder-sent', '2026-04-20')],
      'dms-filed': [ev('dms-filed', '2026-06-01')],
      'dic-filed': toWaitingPeriod.slice(0, 3),
      'waiting-period': toWaitingPeriod,
      'insolvency-declared': [ev('insolvency-declared', '2026-05-04')],
    };
    const before = run(prefix[status]);
    expect(before.status).toBe(status);
    const after = run([ev('paid-in-full', '2026-12-01')], before);
    expect(after.status).toBe('paid-in-full');
    expect(allowedEvents(after)).toEqual([]);
  });
});

describe('allowedEvents', () => {
  it.each<[ClaimStatus, readonly ClaimEvent[], readonly ClaimEventType[]]>([
    ['open', [], ['reminder-sent', 'dms-filed', 'paid-in-full', 'insolvency-declared', 'dispute-opened']],
    [
      'dms-filed',
      [ev('dms-filed', '2026-06-01')],
      ['reminder-sent', 'dic-filed', 'paid-in-full', 'insolvency-declared', 'dispute-opened'],
    ],
    ['disputed', [ev('dispute-opened', '2026-06-01')], ['dispute-resolved']],
    [
      'indemnified',
      [...toWaitingPeriod, ev('indemnity-paid', '2026-12-17', { amountCents: 100 })],
      ['recovery-received', 'closed'],
    ],
  ])('%s', (status, events, expected) => {
    const claim = run(events);
    expect(claim.status).toBe(status);
    expect([...allowedEvents(claim)].sort()).toEqual([...expected].sort());
  });
});

describe('properties', () => {
  it('keeps its invariants under any sequence of events', () => {
    const eventArb = fc.record({
      type: fc.constantFrom(...CLAIM_EVENT_TYPES),
      dayOffset: fc.integer({ min: -5, max: 60 }),
      amountCents: fc.option(fc.integer({ min: 0, max: 4_000_000 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 30 }), (steps) => {
        let claim = claim0;
        let date = claim0.openedOn;
        let accepted = 0;
        for (const step of steps) {
          date = addDays(date, step.dayOffset);
          const event = ev(
            step.type,
            date,
            step.amountCents === undefined ? {} : { amountCents: step.amountCents },
          );
          const wasTerminal = claim.status === 'paid-in-full' || claim.status === 'closed';
          const result = applyClaimEvent(claim, event, DEFAULT_POLICY);
          if (wasTerminal) expect(result.ok).toBe(false);
          if (!result.ok) continue;
          // An accepted event was offered by allowedEvents beforehand.
          expect(allowedEvents(claim)).toContain(step.type);
          claim = result.claim;
          accepted += 1;
        }
        expect(claim.timeline).toHaveLength(accepted);
        const dates = claim.timeline.map((e) => e.date);
        expect(dates).toEqual([...dates].sort());
        expect(claim.indemnityPaidCents).toBeLessThanOrEqual(2_250_000);
        expect(claim.insurerShareOfRecoveriesCents).toBeLessThanOrEqual(claim.recoveredAfterSettlementCents);
        expect(claim.recoveredBeforeSettlementCents).toBeLessThanOrEqual(claim.openAmountCents);
      }),
    );
  });
});
