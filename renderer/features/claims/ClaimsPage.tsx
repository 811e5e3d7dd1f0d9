import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { pathOf } from '../../app/navigation';
import { FeatureEmptyState } from '../../components/FeatureEmptyState';
import { PageHeader } from '../../components/PageHeader';

export function ClaimsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.claims.title')} subtitle={t('pages.claims.subtitle')} />
      <FeatureEmptyState
        page="claims"
        icon={IconAlertTriangle}
        action={{ label: t('common.goToImport'), to: pathOf('import') }}
      />
    </>
  );
}
