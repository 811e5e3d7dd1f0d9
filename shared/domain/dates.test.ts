import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format, isValid, parse } from 'date-fns';
import { ISO_DATE_KEY_SPAN, isIsoDate, isoDateKey } from './dates';

// Any text of the YYYY-MM-DD form with month 01–12 and day 01–31 (calendar-valid or not, e.g. 2026-02-30).
const digit = fc.integer({ min: 0, max: 9 });
const pad = (value: number, width: number): string => String(value).padStart(width, '0');
const keyedDate = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([year, month, day]) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);

describe('isoDateKey', () => {
  it('orders exactly like the strings it is computed from', () => {
    fc.assert(
      fc.property(keyedDate, keyedDate, (a, b) => {
        const byText = a < b ? -1 : a > b ? 1 : 0;
        expect(Math.sign(isoDateKey(a) - isoDateKey(b))).toBe(byText);
      }),
    );
  });

  it('stays within [0, ISO_DATE_KEY_SPAN) so that two keys pack exactly into one number', () => {
    fc.assert(
      fc.property(keyedDate, (date) => {
        const key = isoDateKey(date);
        expect(key).toBeGreaterThanOrEqual(0);
        expect(key).toBeLessThan(ISO_DATE_KEY_SPAN);
      }),
    );
  });

  // Hand-computed: (year × 12 + month − 1) × 31 + day − 1.
  it.each([
    ['0000-01-01', 0],
    ['2026-01-01', 2026 * 12 * 31],
    ['2026-03-05', (2026 * 12 + 2) * 31 + 4],
    ['9999-12-31', (9999 * 12 + 11) * 31 + 30],
  ])('isoDateKey(%s) = %i', (date, key) => {
    expect(isoDateKey(date)).toBe(key);
  });

  it.each([
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-01-32',
    '2026-1-01',
    '2026/01/01',
    '202x-01-01',
    '2026-01-0x',
    '2026-0x-01',
    '2026-01-011',
    '',
    ' 2026-01-01',
  ])('rejects %j with -1', (text) => {
    expect(isoDateKey(text)).toBe(-1);
  });

  it('rejects any non-digit in a digit position', () => {
    fc.assert(
      fc.property(
        fc.array(digit, { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 7 }),
        fc.constantFrom('x', ' ', '/', '-', ':', 'é'),
        (digits, at, bad) => {
          const chars = digits.map(String);
          chars[at] = bad;
          const text = `${chars.slice(0, 4).join('')}-${chars.slice(4, 6).join('')}-${chars.slice(6).join('')}`;
          expect(isoDateKey(text)).toBe(-1);
        },
      ),
    );
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2026-11-25', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-05', false],
    ['25/11/2026', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it('agrees with a date-fns parse-and-format round trip (the oracle) on any YYYY-MM-DD text', () => {
    const fourDigitYear = fc
      .tuple(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
      )
      .map(([year, month, day]) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
    fc.assert(
      fc.property(fourDigitYear, (value) => {
        const parsed = parse(value, 'yyyy-MM-dd', new Date(2000, 0, 1));
        const oracle = isValid(parsed) && format(parsed, 'yyyy-MM-dd') === value;
        expect(isIsoDate(value)).toBe(oracle);
      }),
      { numRuns: 2000 },
    );
  });
});
