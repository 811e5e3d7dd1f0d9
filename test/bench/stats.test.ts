import { describe, expect, it } from 'vitest';
import { median, modeFromArgs, percentile, repeat } from './stats';

describe('bench statistics', () => {
  it('takes the middle value, the upper one for an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(3);
    expect(median([])).toBeNaN();
  });

  it('p95 of 1..200 is 190 (nearest rank: ceil(0.95 × 200) = 190th sample)', () => {
    const samples = Array.from({ length: 200 }, (_, i) => 200 - i);
    expect(percentile(samples, 95)).toBe(190);
    expect(percentile(samples, 100)).toBe(200);
    expect(percentile([7], 95)).toBe(7);
  });

  it('reads --quick', () => {
    expect(modeFromArgs(['node', 'bench', '--quick'])).toBe('quick');
    expect(modeFromArgs(['node', 'bench'])).toBe('full');
  });

  it('discards the warm-up runs', async () => {
    const seen: number[] = [];
    const results = await repeat(3, 2, (index) => {
      seen.push(index);
      return Promise.resolve(index);
    });
    expect(seen).toEqual([-1, -2, 0, 1, 2]);
    expect(results).toEqual([0, 1, 2]);
  });
});
