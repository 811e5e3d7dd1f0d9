import { IconGauge } from '@tabler/icons-react';
import { FeatureEmptyPage } from '../../components/FeatureEmptyPage';

export function DashboardPage() {
  return <FeatureEmptyPage page="dashboard" icon={IconGauge} leadsToImport={true} />;
}
