import { IconFileInvoice } from '@tabler/icons-react';
import { FeatureEmptyPage } from '../../components/FeatureEmptyPage';

export function InvoicesPage() {
  return <FeatureEmptyPage page="invoices" icon={IconFileInvoice} leadsToImport={true} />;
}
