import { describe, expect, it } from 'vitest';
import { formatAxisEuros, formatAxisMonth, formatDays } from './chart-format';

describe('chart axis formats', () => {
  it.each([
    [950_00, '950\u00a0€'],
    [12_345_00, '12,3\u00a0k€'],
    [1_200_000_00, '1,2\u00a0M€'],
    [-25_000_00, '-25\u00a0k€'],
    [0, '0\u00a0€'],
  ])('%i cents → %s', (cents, text) => {
    expect(formatAxisEuros(cents)).toBe(text);
  });

  it('writes months the French short way', () => {
    expect(formatAxisMonth('2026-11-25')).toBe('nov. 26');
    expect(formatAxisMonth('2026-02-28')).toBe('févr. 26');
    expect(formatAxisMonth('2026-11-25', 'en')).toBe('Nov 26');
  });

  it('rounds days', () => {
    expect(formatDays(40.5)).toBe('41');
    expect(formatDays(1234.2)).toBe('1\u202f234');
  });
});
