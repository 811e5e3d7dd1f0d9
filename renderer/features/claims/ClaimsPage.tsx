import { IconAlertTriangle } from '@tabler/icons-react';
import { FeatureEmptyPage } from '../../components/FeatureEmptyPage';

export function ClaimsPage() {
  return <FeatureEmptyPage page="claims" icon={IconAlertTriangle} leadsToImport={true} />;
}
