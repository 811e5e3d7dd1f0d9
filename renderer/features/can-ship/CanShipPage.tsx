import { IconTruckDelivery } from '@tabler/icons-react';
import { FeatureEmptyPage } from '../../components/FeatureEmptyPage';

export function CanShipPage() {
  return <FeatureEmptyPage page="canShip" icon={IconTruckDelivery} leadsToImport={true} />;
}
