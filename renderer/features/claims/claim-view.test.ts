import { describe, expect, it } from 'vitest';
import { openClaim } from '../../../shared/domain/claims';
import type { Claim } from '../../../shared/domain/claims';
import { DEFAULT_POLICY } from '../../../shared/domain/policy';
import { columnOf, disabledReasonOf, nextDeadlineOf } from './claim-view';

const OPEN: Claim = openClaim({
  id: 'c1',
  buyerId: 'b1',
  dueDate: '2026-03-31',
  openedOn: '2026-04-15',
  openedBy: 'Claire',
  openAmountCents: 3_000_000,
});

describe('claim view', () => {
  it('puts each stage in its board column', () => {
    expect(columnOf('open')).toBe('unpaid');
    expect(columnOf('dms-filed')).toBe('dms');
    expect(columnOf('waiting-period')).toBe('collection');
    expect(columnOf('recovering')).toBe('settled');
    expect(columnOf('paid-in-full')).toBe('closed');
  });

  it('counts down to the DMS deadline of example 3 (2026-06-29)', () => {
    // 2026-06-17 → 2026-06-29: 12 days; on 2026-07-01 it is 2 days past.
    expect(nextDeadlineOf(OPEN, DEFAULT_POLICY, '2026-06-17')).toEqual({
      kind: 'dms',
      date: '2026-06-29',
      days: 12,
    });
    expect(nextDeadlineOf(OPEN, DEFAULT_POLICY, '2026-07-01')?.days).toBe(-2);
  });

  it('gives the reason of a step that is not possible yet, none for an allowed one', () => {
    expect(disabledReasonOf(OPEN, 'dms-filed')).toBeNull();
    expect(disabledReasonOf(OPEN, 'dic-filed')).toBe('dms-first');
    expect(disabledReasonOf(OPEN, 'indemnity-paid')).toBe('dms-first');
    expect(
      disabledReasonOf({ ...OPEN, status: 'dms-filed', dmsFiledOn: '2026-06-20' }, 'indemnity-paid'),
    ).toBe('dic-first');
    expect(disabledReasonOf({ ...OPEN, status: 'disputed' }, 'dms-filed')).toBe('frozen');
    expect(disabledReasonOf({ ...OPEN, status: 'closed' }, 'reminder-sent')).toBe('closed');
    expect(disabledReasonOf(OPEN, 'closed')).toBe('settle-first');
  });
});
