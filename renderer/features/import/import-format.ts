/** Display helpers of the Import screen: an import's date and time, a language code from i18next. */
import type { Lang } from '../../../shared/domain/types';

const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short' });

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

export function langOf(language: string): Lang {
  return language.startsWith('en') ? 'en' : 'fr';
}
