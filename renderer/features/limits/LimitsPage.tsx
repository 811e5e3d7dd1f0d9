import { IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { pathOf } from '../../app/navigation';
import { FeatureEmptyState } from '../../components/FeatureEmptyState';
import { PageHeader } from '../../components/PageHeader';

export function LimitsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.limits.title')} subtitle={t('pages.limits.subtitle')} />
      <FeatureEmptyState
        page="limits"
        icon={IconShieldCheck}
        action={{ label: t('common.goToImport'), to: pathOf('import') }}
      />
    </>
  );
}
