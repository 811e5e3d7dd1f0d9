import { IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FeatureEmptyState } from '../../components/FeatureEmptyState';
import { PageHeader } from '../../components/PageHeader';

export function ImportPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.import.title')} subtitle={t('pages.import.subtitle')} />
      <FeatureEmptyState page="import" icon={IconFileImport} />
    </>
  );
}
