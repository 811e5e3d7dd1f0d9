import { IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { pathOf } from '../../app/navigation';
import { FeatureEmptyState } from '../../components/FeatureEmptyState';
import { PageHeader } from '../../components/PageHeader';

export function ClientsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.clients.title')} subtitle={t('pages.clients.subtitle')} />
      <FeatureEmptyState
        page="clients"
        icon={IconUsers}
        action={{ label: t('common.goToImport'), to: pathOf('import') }}
      />
    </>
  );
}
