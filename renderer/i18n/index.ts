/**
 * i18next set up with French as the default language and English as the second. Every visible string comes
 * from `locales/fr.json` / `locales/en.json`; `catalogs.test.ts` fails when a key or a placeholder exists in one
 * language only.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/ipc/contract';
import en from './locales/en.json';
import fr from './locales/fr.json';

export const catalogs = { fr, en } as const;

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: language,
    fallbackLng: 'fr',
    supportedLngs: ['fr', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
