import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isOnOrBefore } from './dates';
import { claimDeadlines, insolvencyDeadlines } from './deadlines';
import { DEFAULT_POLICY } from './policy';
import type { Policy } from './policy';

const withPeriods = (
  maxExtensionDays: number,
  dmsDeadlineDays: number,
  dicDeadlineDays = 60,
  waitingPeriodDays = 150,
) =>
  ({
    ...DEFAULT_POLICY,
    maxExtensionDays,
    dmsDeadlineDays,
    dicDeadlineDays,
    waitingPeriodDays,
  }) satisfies Policy;

describe('claimDeadlines', () => {
  // Expected dates counted by hand on a calendar; the comment gives the count.
  it.each([
    {
      // domain.md §5 example 3: 2026-03-31 + 60 (30 in April + 30 in May) = 2026-05-30; + 30 = 2026-06-29;
      // no DMS filed, so the DIC deadline counts from the DMS deadline: 06-29 + 60 (1 + 31 + 28) = 2026-08-28;
      // DIC filed 2026-07-20 + 150 (11 + 31 + 30 + 31 + 30 + 17) = 2026-12-17.
      name: 'worked example 3',
      dueDate: '2026-03-31',
      policy: DEFAULT_POLICY,
      dicFiledOn: '2026-07-20',
      expected: {
        maxExtensionEnd: '2026-05-30',
        dmsDeadline: '2026-06-29',
        dicDeadline: '2026-08-28',
        waitingPeriodEnd: '2026-12-17',
        indemnityDue: '2026-12-17',
      },
    },
    {
      // DMS filed early on 05-10: the DIC deadline counts from it, 05-10 + 60 (21 + 30 + 9) = 2026-07-09.
      name: 'DIC deadline counted from the DMS actually filed',
      dueDate: '2026-03-31',
      policy: DEFAULT_POLICY,
      dmsFiledOn: '2026-05-10',
      expected: { maxExtensionEnd: '2026-05-30', dmsDeadline: '2026-06-29', dicDeadline: '2026-07-09' },
    },
    {
      // Month end into February: 01-31 + 30 (28 + 2) = 03-02; + 30 (29 + 1) = 04-01; + 60 (29 + 31) = 05-31.
      name: 'end of January, short February',
      dueDate: '2026-01-31',
      policy: withPeriods(30, 30),
      expected: { maxExtensionEnd: '2026-03-02', dmsDeadline: '2026-04-01', dicDeadline: '2026-05-31' },
    },
    {
      // Leap year: 2027-12-31 + 60 (31 + 29) lands on 2028-02-29; + 30 (1 + 29) = 2028-03-30.
      name: 'lands on the leap day 2028-02-29',
      dueDate: '2027-12-31',
      policy: DEFAULT_POLICY,
      expected: { maxExtensionEnd: '2028-02-29', dmsDeadline: '2028-03-30', dicDeadline: '2028-05-29' },
    },
    {
      // Due on the leap day: + 60 (31 + 29) = 2028-04-29; + 30 = 2028-05-29; + 60 (2 + 31 + 27) = 2028-07-28.
      name: 'due on the leap day',
      dueDate: '2028-02-29',
      policy: DEFAULT_POLICY,
      expected: { maxExtensionEnd: '2028-04-29', dmsDeadline: '2028-05-29', dicDeadline: '2028-07-28' },
    },
    {
      // Same count in a common year: 2026-12-31 + 60 (31 + 28 + 1) = 2027-03-01.
      name: 'same count without a leap day',
      dueDate: '2026-12-31',
      policy: DEFAULT_POLICY,
      expected: { maxExtensionEnd: '2027-03-01', dmsDeadline: '2027-03-31', dicDeadline: '2027-05-30' },
    },
    {
      // Zero-day periods: every deadline is the due date; waiting 90 days from 2026-02-01 (27 + 31 + 30 + 2).
      name: 'zero periods and a 90-day waiting period',
      dueDate: '2026-02-01',
      policy: withPeriods(0, 0, 0, 90),
      dmsFiledOn: '2026-02-01',
      dicFiledOn: '2026-02-01',
      expected: {
        maxExtensionEnd: '2026-02-01',
        dmsDeadline: '2026-02-01',
        dicDeadline: '2026-02-01',
        waitingPeriodEnd: '2026-05-02',
        indemnityDue: '2026-05-02',
      },
    },
  ])('$name', ({ dueDate, policy, dmsFiledOn, dicFiledOn, expected }) => {
    expect(claimDeadlines({ dueDate, dmsFiledOn, dicFiledOn }, policy)).toEqual(expected);
  });

  it('has no waiting-period end before the DIC is filed', () => {
    const deadlines = claimDeadlines({ dueDate: '2026-03-31' }, DEFAULT_POLICY);
    expect(deadlines.waitingPeriodEnd).toBeUndefined();
    expect(deadlines.indemnityDue).toBeUndefined();
  });

  // Dates as day offsets from 2020-01-01, so the generator only produces real calendar dates.
  const isoDate = fc.integer({ min: 0, max: 365 * 15 }).map((offset) => addDays('2020-01-01', offset));
  const period = fc.nat({ max: 400 });

  it('never goes backwards, for any non-negative periods', () => {
    fc.assert(
      fc.property(
        isoDate,
        period,
        period,
        period,
        period,
        fc.option(fc.nat({ max: 200 }), { nil: undefined }),
        fc.option(fc.nat({ max: 200 }), { nil: undefined }),
        (dueDate, mep, dms, dic, waiting, dmsOffset, dicOffset) => {
          const policy = withPeriods(mep, dms, dic, waiting);
          const dmsFiledOn = dmsOffset === undefined ? undefined : addDays(dueDate, dmsOffset);
          const dicFiledOn = dicOffset === undefined ? undefined : addDays(dmsFiledOn ?? dueDate, dicOffset);
          const d = claimDeadlines({ dueDate, dmsFiledOn, dicFiledOn }, policy);
          expect(isOnOrBefore(dueDate, d.maxExtensionEnd)).toBe(true);
          expect(isOnOrBefore(d.maxExtensionEnd, d.dmsDeadline)).toBe(true);
          expect(isOnOrBefore(dmsFiledOn ?? d.dmsDeadline, d.dicDeadline)).toBe(true);
          if (dicFiledOn === undefined) {
            expect(d.waitingPeriodEnd).toBeUndefined();
          } else {
            expect(d.waitingPeriodEnd).toBeDefined();
            expect(isOnOrBefore(dicFiledOn, d.waitingPeriodEnd ?? '')).toBe(true);
          }
        },
      ),
    );
  });
});

describe('insolvencyDeadlines', () => {
  it.each([
    {
      // Judgment 2026-09-15 + 60 days (15 + 31 + 14) = 2026-11-14; the insurer is told the same day.
      name: 'default: 60 days from the judgment',
      policy: DEFAULT_POLICY,
      options: {},
      expected: {
        judgmentDate: '2026-09-15',
        insurerNotificationDeadline: '2026-09-15',
        claimDeclarationDeadline: '2026-11-14',
        declarationDeadlineBasis: 'judgment',
      },
    },
    {
      // A policy period of 30 days: 2026-09-15 + 30 (15 + 15) = 2026-10-15.
      name: 'period taken from the policy',
      policy: { ...DEFAULT_POLICY, insolvencyDeclarationDays: 30 },
      options: {},
      expected: {
        judgmentDate: '2026-09-15',
        insurerNotificationDeadline: '2026-09-15',
        claimDeclarationDeadline: '2026-10-15',
        declarationDeadlineBasis: 'judgment',
      },
    },
    {
      // BODACC publication known: two calendar months from it, 2026-09-29 → 2026-11-29; admission sets the
      // indemnity date (no waiting period).
      name: 'two months from the BODACC publication, indemnity on admission',
      policy: DEFAULT_POLICY,
      options: { bodaccPublishedOn: '2026-09-29', claimAdmittedOn: '2027-01-20' },
      expected: {
        judgmentDate: '2026-09-15',
        insurerNotificationDeadline: '2026-09-15',
        claimDeclarationDeadline: '2026-11-29',
        declarationDeadlineBasis: 'bodacc-publication',
        indemnityDue: '2027-01-20',
      },
    },
  ])('$name', ({ policy, options, expected }) => {
    expect(insolvencyDeadlines('2026-09-15', policy, options)).toEqual(expected);
  });

  it('clamps two months from a month end to the last day of the month', () => {
    // 2026-12-31 + 2 months: there is no 2027-02-31, so the last day of February.
    const d = insolvencyDeadlines('2026-12-17', DEFAULT_POLICY, { bodaccPublishedOn: '2026-12-31' });
    expect(d.claimDeclarationDeadline).toBe('2027-02-28');
  });
});
