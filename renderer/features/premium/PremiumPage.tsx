import { IconCalculator } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FeatureEmptyState } from '../../components/FeatureEmptyState';
import { PageHeader } from '../../components/PageHeader';

export function PremiumPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.premium.title')} subtitle={t('pages.premium.subtitle')} />
      <FeatureEmptyState page="premium" icon={IconCalculator} />
    </>
  );
}
