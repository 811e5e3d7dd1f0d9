import { describe, expect, it } from 'vitest';
import type { Alert, AlertCode, AlertSeverity } from '../../../shared/domain/alerts';
import type { AlertEntry, AlertStatus } from '../../data/alert-hooks';
import { amountAtStake, groupByBuyer, summarizeGroups } from './alert-view';

const TODAY = '2026-11-25';

function alert(
  code: AlertCode,
  severity: AlertSeverity,
  amountAtStakeCents: number,
  extra: Partial<Alert> = {},
): Alert {
  return {
    code,
    severity,
    buyerId: 'b1',
    amountAtStakeCents,
    messageKey: `alerts.${code}`,
    params: {},
    ...extra,
  };
}

function entry(a: Alert, buyerName: string, status: AlertStatus = 'open'): AlertEntry {
  return { key: `${a.code}|${a.buyerId}|${a.invoiceId ?? ''}`, alert: a, buyerName, status };
}

describe('amountAtStake', () => {
  it('counts an invoice once whatever its number of alerts, and adds distinct invoices', () => {
    const alerts = [
      alert('stop-shipments', 'critical', 2_400_00, { invoiceId: 'i1', deadline: '2026-10-31' }),
      alert('dms-due', 'warning', 2_400_00, { invoiceId: 'i1', deadline: '2026-11-30' }),
      // terms-exceeded carries the HT (2 000 €) of the same invoice: the TTC (2 400 €) is kept.
      alert('terms-exceeded', 'warning', 2_000_00, { invoiceId: 'i1' }),
      alert('invoice-overdue', 'warning', 6_000_00, { invoiceId: 'i2', deadline: '2026-11-30' }),
    ];
    // 2 400 (i1) + 6 000 (i2) = 8 400 €, not 12 800 € (the plain sum).
    expect(amountAtStake(alerts)).toBe(8_400_00);
  });

  it('takes the largest buyer-level amount when it exceeds the invoices (they are part of the exposure)', () => {
    const alerts = [
      alert('over-limit', 'critical', 12_000_00),
      alert('limit-expiring', 'warning', 30_000_00, { deadline: '2026-12-10' }),
      alert('invoice-overdue', 'warning', 2_400_00, { invoiceId: 'i1', deadline: '2026-11-30' }),
    ];
    // max(12 000, 30 000) = 30 000 € ≥ 2 400 € of invoices.
    expect(amountAtStake(alerts)).toBe(30_000_00);
  });

  it('takes the invoices when their sum exceeds the buyer-level amounts', () => {
    const alerts = [
      alert('over-limit', 'critical', 1_000_00),
      alert('invoice-overdue', 'warning', 3_000_00, { invoiceId: 'i1' }),
      alert('invoice-overdue', 'warning', 4_000_00, { invoiceId: 'i2' }),
    ];
    // 3 000 + 4 000 = 7 000 € > 1 000 €.
    expect(amountAtStake(alerts)).toBe(7_000_00);
  });
});

describe('groupByBuyer', () => {
  const a1 = alert('near-limit', 'warning', 9_000_00);
  const a2 = alert('invoice-overdue', 'warning', 1_000_00, { invoiceId: 'i1', deadline: '2026-12-05' });
  const a3 = alert('invoice-overdue', 'warning', 2_000_00, { invoiceId: 'i2', deadline: '2026-11-20' });
  const b1 = alert('stop-shipments', 'critical', 500_00, {
    buyerId: 'b2',
    invoiceId: 'i9',
    deadline: '2026-11-01',
  });
  const b2 = alert('dms-due', 'warning', 500_00, { buyerId: 'b2', invoiceId: 'i9', deadline: '2026-12-01' });
  const c1 = alert('near-limit', 'warning', 20_000_00, { buyerId: 'b3' });
  const entries = [
    entry(a1, 'Alpha'),
    entry(a2, 'Alpha'),
    entry(a3, 'Alpha'),
    entry(b2, 'Bravo'),
    entry(b1, 'Bravo'),
    entry(c1, 'Charlie'),
    entry(alert('over-limit', 'critical', 99_00, { buyerId: 'b4' }), 'Delta', 'acknowledged'),
  ];

  it('one group per buyer of the status: worst severity first, then the largest amount at stake', () => {
    const groups = groupByBuyer(entries, 'open');
    // Bravo is critical (stop-shipments) although it has the smallest amount; Charlie 20 000 € > Alpha 9 000 €.
    expect(groups.map((group) => group.buyerName)).toEqual(['Bravo', 'Charlie', 'Alpha']);
    const alpha = groups[2];
    expect(alpha?.severity).toBe('warning');
    // Buyer level 9 000 € vs invoices 1 000 + 2 000 = 3 000 €.
    expect(alpha?.amountAtStakeCents).toBe(9_000_00);
    expect(alpha?.nearestDeadline).toBe('2026-11-20');
    expect(alpha?.kinds).toEqual([
      { code: 'invoice-overdue', severity: 'warning', count: 2 },
      { code: 'near-limit', severity: 'warning', count: 1 },
    ]);
    const bravo = groups[0];
    // Critical first inside the group, whatever the input order; one invoice counted once: 500 €.
    expect(bravo?.entries.map((one) => one.alert.code)).toEqual(['stop-shipments', 'dms-due']);
    expect(bravo?.amountAtStakeCents).toBe(500_00);
    expect(groupByBuyer(entries, 'acknowledged').map((group) => group.buyerName)).toEqual(['Delta']);
    expect(groupByBuyer(entries, 'snoozed')).toEqual([]);
  });

  it('sums the buyers in the summary and counts the critical ones and those past a deadline', () => {
    const summary = summarizeGroups(groupByBuyer(entries, 'open'), TODAY);
    // 500 + 20 000 + 9 000 = 29 500 €; Bravo (2026-11-01) and Alpha (2026-11-20) are past 2026-11-25.
    expect(summary).toEqual({
      buyers: 3,
      criticalBuyers: 1,
      amountAtStakeCents: 29_500_00,
      passedDeadlineBuyers: 2,
    });
  });
});
