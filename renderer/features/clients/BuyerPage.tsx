import { useParams } from 'react-router';
import { IconUsers } from '@tabler/icons-react';
import { FeatureEmptyPage } from '../../components/FeatureEmptyPage';

/** One buyer: identity, terms, ledger, limit history, alerts, timeline (to be built). */
export function BuyerPage() {
  const { buyerId } = useParams();
  return <FeatureEmptyPage page="clients" icon={IconUsers} leadsToImport={buyerId === undefined} />;
}
