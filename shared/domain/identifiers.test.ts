import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  frenchVatNumber,
  hasValidLuhnKey,
  luhnCheckDigit,
  validateFrenchVat,
  validateNaf,
  validateSiren,
  validateSiret,
} from './identifiers';

/**
 * A Luhn key computed differently from the module (left to right, knowing the final length): in a number of
 * `length` digits the digits doubled are those at an even distance from the right end of the key, i.e. index i
 * with (length - 1 - i) odd.
 */
function referenceKey(prefix: string, length: number): string {
  let sum = 0;
  for (let i = 0; i < prefix.length; i++) {
    const digit = Number(prefix[i]);
    if ((length - 1 - i) % 2 === 1) {
      const doubled = digit * 2;
      sum += Math.floor(doubled / 10) + (doubled % 10);
    } else {
      sum += digit;
    }
  }
  return String((10 - (sum % 10)) % 10);
}

const digitString = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));

describe('validateSiren', () => {
  // Luhn by hand, from the right, every second digit doubled (minus 9 above 9):
  // 732829320: 0 + (2→4) + 3 + (9→18→9) + 2 + (8→16→7) + 2 + (3→6) + 7 = 40 ✓
  // 552032534: 4 + (3→6) + 5 + (2→4) + 3 + (0→0) + 2 + (5→10→1) + 5 = 30 ✓
  // 542107651: 1 + (5→10→1) + 6 + (7→14→5) + 0 + (1→2) + 2 + (4→8) + 5 = 30 ✓
  // 356000000 (La Poste): 0+0+0+0+0+0 + 6 + (5→10→1) + 3 = 10 ✓
  it.each([
    ['732829320', '732829320'],
    ['552032534', '552032534'],
    ['542107651', '542107651'],
    ['356000000', '356000000'],
    ['732 829 320', '732829320'],
    [' 732\u00a0829\u202f320 ', '732829320'],
    ['732.829.320', '732829320'],
  ])('accepts %j as %s', (input, value) => {
    expect(validateSiren(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['73282932', 'wrong-length'],
    ['7328293200', 'wrong-length'],
    ['73282932A', 'not-digits'],
    // 732829321: the last digit adds 1 to the sum of 40 → 41 ✗
    ['732829321', 'checksum'],
    // two neighbours swapped: 7 3 2 8 2 9 3 0 2 → 2 + (0→0) + 3 + 9 + 2 + 7 + 2 + 6 + 7 = 38 ✗
    ['732829302', 'checksum'],
  ])('refuses %j with %s', (input, reason) => {
    expect(validateSiren(input)).toMatchObject({ ok: false, reason });
  });

  it('explains the length in words', () => {
    expect(validateSiren('73282932')).toEqual({
      ok: false,
      reason: 'wrong-length',
      message: {
        fr: 'Un SIREN compte 9 chiffres ; celui-ci en a 8.',
        en: 'A SIREN has 9 digits; this one has 8 digits.',
      },
    });
    expect(validateSiren('7')).toMatchObject({
      message: { en: 'A SIREN has 9 digits; this one has 1 digit.' },
    });
  });

  it('every message has a French and an English sentence', () => {
    for (const input of ['', 'x', '1', '732829321']) {
      const result = validateSiren(input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message.fr).toMatch(/SIREN/);
        expect(result.message.en).toMatch(/SIREN/);
      }
    }
  });

  it('a SIREN made with a Luhn key always validates; changing one digit makes it fail', () => {
    fc.assert(
      fc.property(digitString(8), fc.nat(8), fc.integer({ min: 1, max: 9 }), (prefix, position, shift) => {
        const siren = `${prefix}${referenceKey(prefix, 9)}`;
        expect(luhnCheckDigit(prefix)).toBe(referenceKey(prefix, 9));
        expect(validateSiren(siren)).toEqual({ ok: true, value: siren });
        const changed = (Number(siren[position]) + shift) % 10;
        const corrupted = `${siren.slice(0, position)}${changed}${siren.slice(position + 1)}`;
        expect(validateSiren(corrupted)).toMatchObject({ ok: false, reason: 'checksum' });
      }),
    );
  });
});

describe('validateSiret', () => {
  // 73282932000074 from the right: 4 + (7→14→5) + 0+0+0+0 + 2 + (3→6) + 9 + (2→4) + 8 + (2→4) + 3 + (7→14→5)
  // = 50 ✓
  it.each([
    ['73282932000074', '73282932000074'],
    ['732 829 320 00074', '73282932000074'],
    // La Poste head office keeps an ordinary Luhn key: 8 + (4→8) + 0… + (6→12→3) + 5 + (3→6) = 30 ✓
    // (its digit sum 3+5+6+4+8 = 26 is NOT a multiple of 5: the mod-5 rule is not what makes it valid).
    ['35600000000048', '35600000000048'],
    // A La Poste establishment: digit sum 3+5+6+1 = 15 ≡ 0 mod 5 ✓, although its Luhn sum
    // 1 + (6→12→3) + 5 + (3→6) = 15 fails.
    ['35600000000001', '35600000000001'],
    // 3+5+6+2+4 = 20 ✓
    ['356 000 000 00024', '35600000000024'],
  ])('accepts %j as %s', (input, value) => {
    expect(validateSiret(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'empty'],
    ['7328293200007', 'wrong-length'],
    ['7328293200007X', 'not-digits'],
    ['73282932000075', 'checksum'],
    // La Poste establishment whose Luhn sum is fine (4 + (1→2) + 3 + 5 + 6 = 20) but whose digit sum
    // 3+5+6+1+4 = 19 is not a multiple of 5 → refused: La Poste's rule replaces Luhn.
    ['35600000000014', 'checksum'],
  ])('refuses %j with %s', (input, reason) => {
    expect(validateSiret(input)).toMatchObject({ ok: false, reason });
  });

  it('says how many digits a SIRET needs', () => {
    expect(validateSiret('123')).toMatchObject({
      message: {
        fr: 'Un SIRET compte 14 chiffres ; celui-ci en a 3.',
        en: 'A SIRET has 14 digits; this one has 3 digits.',
      },
    });
  });

  it('a SIRET made with a Luhn key validates; one changed digit fails', () => {
    fc.assert(
      fc.property(
        digitString(13).filter((p) => !p.startsWith('356000000')),
        fc.nat(13),
        fc.integer({ min: 1, max: 9 }),
        (prefix, position, shift) => {
          const siret = `${prefix}${referenceKey(prefix, 14)}`;
          expect(validateSiret(siret)).toEqual({ ok: true, value: siret });
          const changed = (Number(siret[position]) + shift) % 10;
          const corrupted = `${siret.slice(0, position)}${changed}${siret.slice(position + 1)}`;
          // A change in the first 9 digits may land on La Poste's SIREN, where another rule applies.
          fc.pre(!corrupted.startsWith('356000000'));
          expect(validateSiret(corrupted)).toMatchObject({ ok: false, reason: 'checksum' });
        },
      ),
    );
  });
});

describe('hasValidLuhnKey', () => {
  it.each([
    ['0', true],
    ['18', true], // 8 + (1→2) = 10
    ['19', false],
    ['79927398713', true], // the textbook example
  ])('%s → %s', (digits, expected) => {
    expect(hasValidLuhnKey(digits)).toBe(expected);
  });
});

describe('French VAT numbers', () => {
  // Keys by hand, key = (12 + 3 × (SIREN mod 97)) mod 97:
  // 732829320 = 97 × 7 554 941 + 43 → (12 + 129) mod 97 = 44
  // 552032534 = 97 × 5 691 057 + 5 → (12 + 15) mod 97 = 27
  // 542107651 = 97 × 5 588 738 + 65 → (12 + 195) mod 97 = 13
  // 100000207 = 97 × 1 030 929 + 94 → (12 + 282) mod 97 = 294 - 291 = 3 → "03" (the leading zero stays)
  it.each([
    ['732829320', 'FR44732829320'],
    ['552032534', 'FR27552032534'],
    ['542107651', 'FR13542107651'],
    ['100000207', 'FR03100000207'],
    ['732 829 320', 'FR44732829320'],
  ])('frenchVatNumber(%j) = %s', (siren, vat) => {
    expect(frenchVatNumber(siren)).toBe(vat);
    expect(validateFrenchVat(vat)).toEqual({ ok: true, value: vat });
  });

  it('refuses to build a VAT number from an invalid SIREN', () => {
    expect(() => frenchVatNumber('732829321')).toThrow(RangeError);
  });

  it.each([
    ['FR 44 732 829 320', 'FR44732829320'],
    ['fr44732829320', 'FR44732829320'],
    ['FR44-732-829-320', 'FR44732829320'],
  ])('validateFrenchVat(%j) normalises to %s', (input, value) => {
    expect(validateFrenchVat(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'empty'],
    ['DE123456789', 'bad-format'],
    ['FR4473282932', 'bad-format'],
    ['FR44732829320X', 'bad-format'],
    ['FRXA732829320', 'bad-format'], // letter keys are not derived from a SIREN
    ['FR45732829320', 'key-mismatch'],
    ['FR03732829320', 'key-mismatch'],
    ['FR44732829321', 'checksum'],
  ])('validateFrenchVat(%j) → %s', (input, reason) => {
    expect(validateFrenchVat(input)).toMatchObject({ ok: false, reason });
  });

  it('names the expected key', () => {
    expect(validateFrenchVat('FR45732829320')).toMatchObject({
      message: {
        fr: 'La clé de TVA devrait être 44 pour le SIREN 732829320, pas 45.',
        en: 'The VAT key should be 44 for SIREN 732829320, not 45.',
      },
    });
  });
});

describe('validateNaf', () => {
  it.each([
    ['62.02A', '62.02A'],
    ['6202A', '62.02A'],
    ['62.02a', '62.02A'],
    [' 62 02 A ', '62.02A'],
    ['01.11Z', '01.11Z'],
  ])('accepts %j as %s', (input, value) => {
    expect(validateNaf(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'empty'],
    ['6202', 'bad-format'],
    ['62.02AB', 'bad-format'],
    ['620A', 'bad-format'],
    ['62-02A', 'bad-format'],
    ['AB.CDE', 'bad-format'],
  ])('refuses %j with %s', (input, reason) => {
    expect(validateNaf(input)).toMatchObject({ ok: false, reason });
  });
});
