import { IconCalculator } from '@tabler/icons-react';
import { FeatureEmptyPage } from '../../components/FeatureEmptyPage';

export function PremiumPage() {
  return <FeatureEmptyPage page="premium" icon={IconCalculator} leadsToImport={false} />;
}
