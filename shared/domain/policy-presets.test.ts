import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './policy';
import { findPreset, POLICY_PRESETS, policyFromPreset, PRESET_DISCLAIMER } from './policy-presets';
import { estimatePremium, type PremiumContext } from './premium';

const BRAND_NAMES = /allianz|euler|coface|atradius|cartan|groupama|bpifrance|axa|credendo/i;

function presetOf(id: string) {
  const preset = findPreset(id);
  if (preset === undefined) throw new Error(`no preset ${id}`);
  return preset;
}

describe('POLICY_PRESETS', () => {
  it('has a few presets with distinct ids', () => {
    const ids = POLICY_PRESETS.map((preset) => preset.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(POLICY_PRESETS.map((preset) => [preset.id, preset] as const))(
    '%s: bilingual, disclaimed, no insurer brand, offer consistent with its policy',
    (_id, preset) => {
      for (const text of [preset.label, preset.description, preset.disclaimer]) {
        expect(text.fr.length).toBeGreaterThan(0);
        expect(text.en.length).toBeGreaterThan(0);
        expect(`${text.fr} ${text.en}`).not.toMatch(BRAND_NAMES);
      }
      expect(preset.disclaimer.fr).toContain('Valeurs typiques, non contractuelles');
      expect(preset.disclaimer.en).toContain('Typical values, not contractual');

      const policy = policyFromPreset(preset);
      expect(preset.offer.id).toBe(preset.id);
      expect(preset.offer.quotityBp).toBe(policy.namedQuotityBp);
      expect(preset.offer.maxLiabilityMultiple).toBe(policy.maxLiabilityMultiple);
      // Within the ranges domain.md §3 has seen.
      expect(policy.namedQuotityBp).toBeGreaterThanOrEqual(7000);
      expect(policy.namedQuotityBp).toBeLessThanOrEqual(9500);
      expect(policy.unnamedQuotityBp).toBeGreaterThanOrEqual(6000);
      expect(policy.unnamedQuotityBp).toBeLessThanOrEqual(7500);
      expect(policy.maxLiabilityMultiple).toBeGreaterThanOrEqual(20);
      expect(policy.maxLiabilityMultiple).toBeLessThanOrEqual(40);
      for (const value of Object.values(policy)) {
        if (typeof value === 'number') expect(Number.isSafeInteger(value) && value >= 0).toBe(true);
      }
    },
  );

  it('shares one disclaimer', () => {
    for (const preset of POLICY_PRESETS) expect(preset.disclaimer).toBe(PRESET_DISCLAIMER);
  });
});

describe('policyFromPreset', () => {
  it('overrides only what the preset names', () => {
    const policy = policyFromPreset(presetOf('micro-flat-fee'));
    expect(policy.namedQuotityBp).toBe(8500);
    expect(policy.unnamedThresholdCents).toBe(5_000_00);
    expect(policy.dmsDeadlineDays).toBe(DEFAULT_POLICY.dmsDeadlineDays);
    expect(policy.coverBasis).toBe('HT');
  });

  it('the SME profile is the default policy', () => {
    expect(policyFromPreset(presetOf('sme-major-insurer'))).toEqual(DEFAULT_POLICY);
  });
});

describe('preset offers priced', () => {
  const context: PremiumContext = {
    turnoverHtCents: 2_000_000_00,
    creditShareBp: 8000,
    namedBuyers: 15,
    averageMonthEndOutstandingCents: 150_000_00,
  };

  it.each([
    // Example 5: 4 800 € + 15 × 60 € = 5 700 €; 25 × 4 800 € = 120 000 €.
    ['sme-major-insurer', 5_700_00, 120_000_00],
    // 2 M€ falls in the ≤ 2 M€ band: 3 300 €, monitoring included; 20 × 3 300 € = 66 000 €.
    ['micro-flat-fee', 3_300_00, 66_000_00],
    // 1 600 000 € × 0.45 % = 7 200 € (> 5 000 €) + 15 × 90 € = 8 550 €; 30 × 7 200 € = 216 000 €.
    ['export', 8_550_00, 216_000_00],
    // 150 000 € × 0.60 % = 900 € < 3 000 € minimum; + 15 × 60 € = 3 900 €; 25 × 3 000 € = 75 000 €.
    ['outstanding-based', 3_900_00, 75_000_00],
  ])('%s: %d a year, maximum liability %d', (id, annual, maxLiability) => {
    const result = estimatePremium(presetOf(id).offer, context);
    expect(result).toMatchObject({
      ok: true,
      estimate: { annualCents: annual, maxLiabilityCents: maxLiability },
    });
  });

  it('findPreset returns undefined for an unknown id', () => {
    expect(findPreset('nope')).toBeUndefined();
  });
});
