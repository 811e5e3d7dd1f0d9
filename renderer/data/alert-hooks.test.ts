import { describe, expect, it } from 'vitest';
import type { AlertStateRow } from '../../shared/commands/entities';
import type { Alert, AlertSeverity } from '../../shared/domain/alerts';
import { alertStatus, newCriticalAlerts, notifiedKeysToKeep } from './alert-hooks';
import type { AlertEntry, AlertStatus } from './alert-hooks';

const TODAY = '2026-11-25';

function state(extra: Partial<AlertStateRow>): AlertStateRow {
  return { id: 'k', buyerId: 'b1', code: 'over-limit', by: 'marie', version: 1, updatedAt: 'x', ...extra };
}

function entry(key: string, severity: AlertSeverity, status: AlertStatus = 'open'): AlertEntry {
  const alert: Alert = {
    code: severity === 'critical' ? 'over-limit' : 'near-limit',
    severity,
    buyerId: 'b1',
    amountAtStakeCents: 100,
    messageKey: severity === 'critical' ? 'alerts.over-limit' : 'alerts.near-limit',
    params: {},
  };
  return { key, alert, buyerName: 'SARL Dupont', status };
}

describe('alertStatus', () => {
  it('no state: to handle', () => {
    expect(alertStatus(undefined, TODAY)).toBe('open');
  });
  it('snoozed until a later date: snoozed; on that date it is back', () => {
    expect(alertStatus(state({ snoozedUntil: '2026-11-26' }), TODAY)).toBe('snoozed');
    expect(alertStatus(state({ snoozedUntil: TODAY }), TODAY)).toBe('open');
  });
  it('acknowledged stays acknowledged, also after a snooze ran out', () => {
    expect(alertStatus(state({ acknowledgedAt: '2026-11-20T10:00:00Z' }), TODAY)).toBe('acknowledged');
    expect(
      alertStatus(state({ acknowledgedAt: '2026-11-20T10:00:00Z', snoozedUntil: '2026-11-22' }), TODAY),
    ).toBe('acknowledged');
  });
});

describe('newCriticalAlerts', () => {
  it('notifies open critical alerts not notified before, a few one by one and counts the rest', () => {
    const entries = [
      entry('a', 'critical'),
      entry('b', 'critical'),
      entry('c', 'critical', 'acknowledged'),
      entry('d', 'critical', 'snoozed'),
      entry('e', 'warning'),
      entry('f', 'critical'),
      entry('g', 'critical'),
      entry('h', 'critical'),
    ];
    // New open critical ones: b, f, g, h (a was notified; c, d are handled; e is a warning).
    const fresh = newCriticalAlerts(entries, new Set(['a']), 3);
    expect(fresh.single.map((item) => item.key)).toEqual(['b', 'f', 'g']);
    expect(fresh.others).toBe(1);
    expect(fresh.keys).toEqual(['b', 'f', 'g', 'h']);
  });

  it('nothing new: nothing to notify', () => {
    const fresh = newCriticalAlerts([entry('a', 'critical')], new Set(['a']));
    expect(fresh).toEqual({ single: [], others: 0, keys: [] });
  });
});

describe('notifiedKeysToKeep', () => {
  it('keeps the keys of alerts still raised plus the ones just notified, drops the others', () => {
    const entries = [entry('a', 'critical'), entry('b', 'critical', 'acknowledged'), entry('w', 'warning')];
    expect(notifiedKeysToKeep(entries, new Set(['a', 'b', 'gone']), ['c'])).toEqual(['a', 'b', 'c']);
  });
});
