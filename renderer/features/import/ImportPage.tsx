import { IconFileImport } from '@tabler/icons-react';
import { FeatureEmptyPage } from '../../components/FeatureEmptyPage';

export function ImportPage() {
  return <FeatureEmptyPage page="import" icon={IconFileImport} leadsToImport={false} />;
}
