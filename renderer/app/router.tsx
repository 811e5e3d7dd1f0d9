/**
 * Routes. A hash router: the desktop app is served from `app://encours/index.html` and browser mode from a
 * static folder, and both must open any screen after a reload without server-side rewrites.
 */
import { createHashRouter } from 'react-router';
import { CanShipPage } from '../features/can-ship/CanShipPage';
import { ClaimPage } from '../features/claims/ClaimPage';
import { ClaimsPage } from '../features/claims/ClaimsPage';
import { BuyerPage } from '../features/clients/BuyerPage';
import { ClientsPage } from '../features/clients/ClientsPage';
import { ConflictsPage } from '../features/conflicts/ConflictsPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { DiagnosticPage } from '../features/diagnostic/DiagnosticPage';
import { ImportPage } from '../features/import/ImportPage';
import { InvoicesPage } from '../features/invoices/InvoicesPage';
import { LimitsPage } from '../features/limits/LimitsPage';
import { PremiumPage } from '../features/premium/PremiumPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { AppLayout } from './AppLayout';
import { NotFoundPage, RouteErrorPage } from './ErrorPages';
import { NAV_ITEMS, type PageId } from './navigation';

const PAGES: Record<PageId, () => React.JSX.Element> = {
  dashboard: DashboardPage,
  clients: ClientsPage,
  invoices: InvoicesPage,
  limits: LimitsPage,
  canShip: CanShipPage,
  claims: ClaimsPage,
  premium: PremiumPage,
  import: ImportPage,
  conflicts: ConflictsPage,
  diagnostic: DiagnosticPage,
  settings: SettingsPage,
};

export function createAppRouter() {
  return createHashRouter([
    {
      element: <AppLayout />,
      errorElement: <RouteErrorPage />,
      children: [
        ...NAV_ITEMS.map(({ id, path }) => {
          const Page = PAGES[id];
          return path === '/' ? { index: true, element: <Page /> } : { path, element: <Page /> };
        }),
        { path: '/buyers/:buyerId', element: <BuyerPage /> },
        { path: '/claims/:claimId', element: <ClaimPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
