import { IconShieldCheck } from '@tabler/icons-react';
import { FeatureEmptyPage } from '../../components/FeatureEmptyPage';

export function LimitsPage() {
  return <FeatureEmptyPage page="limits" icon={IconShieldCheck} leadsToImport={true} />;
}
