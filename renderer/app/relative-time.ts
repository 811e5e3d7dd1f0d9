/**
 * "il y a 2 min" for the sync indicator: the age of a past timestamp against a `now` passed in (the screen
 * ticks it), in the interface language. Under 45 seconds it is "à l'instant"; a timestamp in the future
 * (another computer's clock ahead) reads as "à l'instant" too rather than "dans 3 min".
 */
export function formatRelativeTime(iso: string, now: Date, language: string, justNow: string): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const seconds = Math.round((now.getTime() - then) / 1000);
  if (seconds < 45) return justNow;
  const format = new Intl.RelativeTimeFormat(language.startsWith('en') ? 'en' : 'fr', { style: 'short' });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return format.format(-hours, 'hour');
  return format.format(-Math.round(hours / 24), 'day');
}
