import { describe, expect, it } from 'vitest';
import { DEMO_SEED, generateDemo } from '../../shared/demo/generate-demo';
import { buyerPseudonym, displayNameOf, isBuyerNameMasked } from './display-name';

describe('buyer pseudonyms (presentation mode)', () => {
  const demoIds = generateDemo({ seed: DEMO_SEED, today: '2026-11-25' }).buyers.map((b) => b.id);

  it('are stable: the same id gives the same pseudonym, call after call', () => {
    const first = demoIds.map(buyerPseudonym);
    expect(demoIds.map(buyerPseudonym)).toEqual(first);
  });

  it('are distinct across the 150 demo buyers and across 1 000 FEC-style ids', () => {
    expect(new Set(demoIds.map(buyerPseudonym)).size).toBe(demoIds.length);
    const fecIds = Array.from({ length: 1000 }, (_, i) => `fec:111111111:411${String(i).padStart(5, '0')}`);
    expect(new Set(fecIds.map(buyerPseudonym)).size).toBe(fecIds.length);
  });

  it('read « Client » then two capital letters and four digits, and never contain the real name', () => {
    const buyer = { id: 'fec:111111111:41101050', name: 'COLRUYT RETAIL FRA' };
    const shown = displayNameOf(buyer, true);
    expect(shown).toMatch(/^Client [A-Z]{2}\d{4}$/);
    expect(shown).not.toContain('COLRUYT');
  });

  it('leave the name untouched when masking is off', () => {
    expect(displayNameOf({ id: 'x', name: 'Boulangerie Martin' }, false)).toBe('Boulangerie Martin');
  });

  it('depend on the id, not on the name: two buyers with the same name stay apart', () => {
    expect(buyerPseudonym('a')).not.toBe(buyerPseudonym('b'));
  });
});

describe('isBuyerNameMasked', () => {
  const base = {
    language: 'fr',
    colorScheme: 'light',
    nearLimitAlertPercent: 80,
    deadlineWarningDays: 15,
    backupKeepCount: 24,
  } as const;
  it.each([
    [{}, false],
    [{ maskBuyerNames: true }, false],
    [{ presentationMode: true }, false],
    [{ presentationMode: true, maskBuyerNames: true }, true],
    [{ presentationMode: false, maskBuyerNames: true }, false],
  ])('%j → %s (masking needs presentation mode on)', (fields, expected) => {
    expect(isBuyerNameMasked({ ...base, ...fields })).toBe(expected);
  });
});
