import { IconUsers } from '@tabler/icons-react';
import { FeatureEmptyPage } from '../../components/FeatureEmptyPage';

export function ClientsPage() {
  return <FeatureEmptyPage page="clients" icon={IconUsers} leadsToImport={true} />;
}
