import { IconGauge } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { pathOf } from '../../app/navigation';
import { FeatureEmptyState } from '../../components/FeatureEmptyState';
import { PageHeader } from '../../components/PageHeader';

export function DashboardPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.dashboard.title')} subtitle={t('pages.dashboard.subtitle')} />
      <FeatureEmptyState
        page="dashboard"
        icon={IconGauge}
        action={{ label: t('common.goToImport'), to: pathOf('import') }}
      />
    </>
  );
}
