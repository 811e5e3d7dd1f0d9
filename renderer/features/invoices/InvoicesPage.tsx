import { IconFileInvoice } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { pathOf } from '../../app/navigation';
import { FeatureEmptyState } from '../../components/FeatureEmptyState';
import { PageHeader } from '../../components/PageHeader';

export function InvoicesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.invoices.title')} subtitle={t('pages.invoices.subtitle')} />
      <FeatureEmptyState
        page="invoices"
        icon={IconFileInvoice}
        action={{ label: t('common.goToImport'), to: pathOf('import') }}
      />
    </>
  );
}
