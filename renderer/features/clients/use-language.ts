/** The interface language as the domain's texts are keyed ('fr' | 'en'), and the forms' own messages. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormMessages } from './buyer-form';

export function useLanguage(): 'fr' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language.startsWith('en') ? 'en' : 'fr';
}

export function useFormMessages(): FormMessages {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      nameRequired: t('buyer.errors.nameRequired'),
      country: t('buyer.errors.country'),
      terms: t('buyer.errors.terms'),
      grade: t('buyer.errors.grade'),
      contactName: t('buyer.errors.contactName'),
    }),
    [t],
  );
}
