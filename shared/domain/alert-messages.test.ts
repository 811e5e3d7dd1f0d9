import { describe, expect, it } from 'vitest';
import { alertMessages, formatAlertParam, placeholdersOf, renderAlert } from './alert-messages';
import { ALERT_CODES, alertsFor } from './alerts';
import type { Alert, AlertCode } from './alerts';
import type { BuyerLedger, Invoice } from './model';
import { DEFAULT_POLICY } from './policy';
import { invoice as buildInvoice, decision, ledgerOf } from './test-builders';

const sortedPlaceholders = (code: AlertCode, language: 'fr' | 'en'): string[] => {
  const message = alertMessages[language][code];
  return [...new Set([...placeholdersOf(message.title), ...placeholdersOf(message.action)])].sort();
};

describe('alertMessages', () => {
  it('has the same codes in French and English, and every alert code', () => {
    expect(Object.keys(alertMessages.fr).sort()).toEqual([...ALERT_CODES].sort());
    expect(Object.keys(alertMessages.en).sort()).toEqual([...ALERT_CODES].sort());
  });

  it.each(ALERT_CODES)('%s uses the same placeholders in both languages', (code) => {
    expect(sortedPlaceholders(code, 'en')).toEqual(sortedPlaceholders(code, 'fr'));
  });

  it.each(ALERT_CODES)('%s has a non-empty title and action in both languages', (code) => {
    for (const language of ['fr', 'en'] as const) {
      expect(alertMessages[language][code].title.trim()).not.toBe('');
      expect(alertMessages[language][code].action.trim()).not.toBe('');
    }
  });

  it('says what to do when the limit is exceeded, in French', () => {
    expect(alertMessages.fr['over-limit'].title).toBe('Limite dépassée');
    expect(alertMessages.fr['over-limit'].action).toContain(
      "Réduisez l'encours ou demandez une augmentation de limite à l'assureur avant toute nouvelle livraison.",
    );
  });

  it('placeholdersOf finds each name once', () => {
    expect(placeholdersOf('{{a}} and {{ b }} then {{a}}')).toEqual(['a', 'b']);
  });
});

describe('messages match what the alerts carry', () => {
  const invoice = (id: string, cents: number, issueDate: string, dueDate: string): Invoice =>
    buildInvoice(id, cents, dueDate, { issueDate });
  const base = (partial: Partial<BuyerLedger>): BuyerLedger =>
    ledgerOf({
      buyer: { id: 'b1', name: 'Client', insolvency: { kind: 'liquidation', judgmentDate: '2026-05-01' } },
      ...partial,
    });
  // Scenarios that together raise every alert code (asOf 2026-06-01 unless said).
  const alerts: Alert[] = [
    ...alertsFor(
      base({
        invoices: [
          invoice('overdue', 1_000, '2026-05-01', '2026-05-20'),
          invoice('mep', 1_000, '2026-02-01', '2026-03-01'),
          invoice('dms', 1_000, '2026-02-01', '2026-03-10'),
          invoice('dic', 1_000, '2026-01-01', '2026-01-31'),
          invoice('dicmiss', 1_000, '2026-01-01', '2026-01-30'),
          invoice('terms', 1_000, '2026-05-01', '2026-12-31'),
        ],
        limitDecisions: [
          decision('g', 'granted', '2026-01-01', 2_000, { endDate: '2026-06-20' }),
          decision('red', 'reduced', '2026-06-15', 1_500, {
            decisionDate: '2026-05-20',
            endDate: '2026-06-20',
          }),
          decision('top', 'granted', '2026-01-01', 3_000, { layer: 'top-up', endDate: '2026-06-25' }),
        ],
      }),
      DEFAULT_POLICY,
      '2026-06-01',
      { claimFilings: { dic: { dmsFiledOn: '2026-04-10' }, dicmiss: { dmsFiledOn: '2026-03-01' } } },
    ),
    ...alertsFor(
      base({
        invoices: [invoice('x', 1_000, '2026-05-01', '2026-06-28')],
        limitDecisions: [decision('c', 'cancelled', '2026-05-15', 0)],
      }),
      DEFAULT_POLICY,
      '2026-06-01',
    ),
    ...alertsFor(
      base({
        invoices: [invoice('x', 900, '2026-05-01', '2026-06-28')],
        limitDecisions: [decision('g', 'granted', '2026-01-01', 1_000)],
      }),
      DEFAULT_POLICY,
      '2026-06-01',
    ),
  ];

  it('the scenarios cover every code', () => {
    expect([...new Set(alerts.map((alert) => alert.code))].sort()).toEqual([...ALERT_CODES].sort());
  });

  it('every placeholder of a message is a parameter of its alerts', () => {
    for (const alert of alerts) {
      for (const name of sortedPlaceholders(alert.code, 'fr')) {
        expect(alert.params, `${alert.code} lacks ${name}`).toHaveProperty(name);
      }
    }
  });

  it('renders every alert with no placeholder left', () => {
    for (const alert of alerts) {
      for (const language of ['fr', 'en'] as const) {
        const rendered = renderAlert(alert, language);
        expect(rendered.action).not.toMatch(/\{\{/);
        expect(rendered.title).not.toMatch(/\{\{/);
      }
    }
  });
});

describe('formatAlertParam', () => {
  it('formats cents as currency and ISO dates as day/month/year', () => {
    // Intl's French grouping uses a narrow no-break space; compare without spaces of any kind.
    expect(formatAlertParam('amount', 1_234_56, 'fr').replace(/\s/g, '')).toBe('1234,56€');
    expect(formatAlertParam('limit', 1_234_56, 'en')).toBe('€1,234.56');
    expect(formatAlertParam('deadline', '2026-06-29', 'fr')).toBe('29/06/2026');
    expect(formatAlertParam('days', 12, 'en')).toBe('12');
    expect(formatAlertParam('invoice', 'F-1', 'fr')).toBe('F-1');
  });
});
