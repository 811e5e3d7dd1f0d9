import { describe, expect, it } from 'vitest';
import {
  normalizeLabel,
  parseCsvBoolean,
  parseCsvDate,
  parseCurrency,
  parseDecisionKind,
  parseLayer,
  parsePaymentTerms,
} from './csv-values';

describe('parseCsvDate', () => {
  it.each([
    ['25/11/2026', '2026-11-25'],
    ['5/3/2026', '2026-03-05'],
    ['2026-11-25', '2026-11-25'],
    ['25.11.2026', '2026-11-25'],
    ['25-11-2026', '2026-11-25'],
    ['20261125', '2026-11-25'],
    [' 29/02/2028 ', '2028-02-29'],
    ['15/03/2026 00:00', '2026-03-15'],
  ])('%s → %s', (input, expected) => {
    expect(parseCsvDate(input)).toBe(expected);
  });

  it.each(['', '31/02/2026', '29/02/2027', '2026/11/25', '11/25/2026', '2026-13-01', '2026112', 'demain'])(
    'refuses %j',
    (input) => {
      expect(parseCsvDate(input)).toBeUndefined();
    },
  );
});

describe('parseCsvBoolean', () => {
  it.each([
    ['oui', true],
    ['OUI', true],
    ['Yes', true],
    ['x', true],
    ['1', true],
    ['non', false],
    ['No', false],
    ['', false],
    ['0', false],
  ])('%j → %s', (input, expected) => {
    expect(parseCsvBoolean(input)).toBe(expected);
  });
  it('refuses other words', () => {
    expect(parseCsvBoolean('peut-être')).toBeUndefined();
  });
});

describe('parseDecisionKind', () => {
  it.each([
    ['Accordée', 'granted'],
    ['ACCORDEE', 'granted'],
    ['granted', 'granted'],
    ['partielle', 'partial'],
    ['Partial', 'partial'],
    ['refusée', 'refused'],
    ['Refused', 'refused'],
    ['réduite', 'reduced'],
    ['reduced', 'reduced'],
    ['résiliée', 'cancelled'],
    ['Cancelled', 'cancelled'],
    ['expirée', 'expired'],
    ['expired', 'expired'],
    ['temporaire', 'temporary'],
    ['Temporary', 'temporary'],
    ['demandée', 'requested'],
    ['requested', 'requested'],
  ])('%s → %s', (input, expected) => {
    expect(parseDecisionKind(input)).toBe(expected);
  });
  it('refuses an unknown word', () => {
    expect(parseDecisionKind('peut-être')).toBeUndefined();
  });
});

describe('parseLayer / parseCurrency / normalizeLabel', () => {
  it.each([
    ['', 'named'],
    ['Dénommée', 'named'],
    ['discrétionnaire', 'discretionary'],
    ['Complémentaire', 'top-up'],
    ['top-up', 'top-up'],
  ])('layer %j → %s', (input, expected) => {
    expect(parseLayer(input)).toBe(expected);
  });
  it('currencies', () => {
    expect([parseCurrency('eur'), parseCurrency('€'), parseCurrency(' GBP '), parseCurrency('euro')]).toEqual(
      ['EUR', 'EUR', 'GBP', undefined],
    );
  });
  it('normalises labels', () => {
    expect(normalizeLabel("  Date d'Échéance ")).toBe('date d echeance');
    expect(normalizeLabel('N° facture')).toBe('n facture');
  });
});

describe('parsePaymentTerms', () => {
  it.each([
    ['30 jours nets', { kind: 'net', days: 30 }],
    ['60 j', { kind: 'net', days: 60 }],
    ['45 jours fin de mois', { kind: 'eom-plus', days: 45 }],
    ['Fin de mois + 45 jours', { kind: 'eom-plus', days: 45 }],
    ['30 jours après livraison', { kind: 'after-delivery', days: 30 }],
    ['30 days net', { kind: 'net', days: 30 }],
    ['45 days end of month', { kind: 'eom-plus', days: 45 }],
  ])('%s', (input, expected) => {
    expect(parsePaymentTerms(input)).toEqual(expected);
  });
  it.each(['comptant à réception', 'chèque', '30 jours sauf accord', '400 jours'])('refuses %j', (input) => {
    expect(parsePaymentTerms(input)).toBeUndefined();
  });
});
