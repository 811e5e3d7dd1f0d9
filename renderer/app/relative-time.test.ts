import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './relative-time';

const NOW = new Date('2026-11-25T09:30:00Z');

// French puts a no-break space between the number and the unit.
describe('formatRelativeTime', () => {
  it.each([
    ['2026-11-25T09:29:50Z', 'fr', "à l'instant"],
    ['2026-11-25T09:31:00Z', 'fr', "à l'instant"],
    // 09:30 − 09:28 = 2 minutes.
    ['2026-11-25T09:28:00Z', 'fr', 'il y a 2\u00a0min'],
    ['2026-11-25T09:28:00Z', 'en', '2 min. ago'],
    // 09:30 − 06:30 = 3 hours.
    ['2026-11-25T06:30:00Z', 'fr', 'il y a 3\u00a0h'],
    // 25 − 23 = 2 days.
    ['2026-11-23T09:30:00Z', 'fr', 'il y a 2\u00a0j'],
  ])('%s in %s reads %j', (iso, language, expected) => {
    expect(formatRelativeTime(iso, NOW, language, "à l'instant")).toBe(expected);
  });
});
