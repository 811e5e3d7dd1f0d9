/**
 * The eight screens: one list shared by the router, the side navigation and the tests, so a page cannot be
 * reachable in one place and missing in another.
 */
import {
  IconAlertTriangle,
  IconCalculator,
  IconFileImport,
  IconFileInvoice,
  IconGauge,
  IconSettings,
  IconShieldCheck,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';

export type PageId =
  'dashboard' | 'clients' | 'invoices' | 'limits' | 'claims' | 'premium' | 'import' | 'settings';
export type NavSection = 'sectionLedger' | 'sectionInsurance' | 'sectionData';

export type NavItem = {
  readonly id: PageId;
  readonly path: string;
  readonly icon: Icon;
  readonly section: NavSection;
};

export const NAV_ITEMS: readonly NavItem[] = [
  { id: 'dashboard', path: '/', icon: IconGauge, section: 'sectionLedger' },
  { id: 'clients', path: '/clients', icon: IconUsers, section: 'sectionLedger' },
  { id: 'invoices', path: '/factures', icon: IconFileInvoice, section: 'sectionLedger' },
  { id: 'limits', path: '/limites', icon: IconShieldCheck, section: 'sectionInsurance' },
  { id: 'claims', path: '/sinistres', icon: IconAlertTriangle, section: 'sectionInsurance' },
  { id: 'premium', path: '/simulateur', icon: IconCalculator, section: 'sectionInsurance' },
  { id: 'import', path: '/import', icon: IconFileImport, section: 'sectionData' },
  { id: 'settings', path: '/parametres', icon: IconSettings, section: 'sectionData' },
];

export const NAV_SECTIONS: readonly NavSection[] = ['sectionLedger', 'sectionInsurance', 'sectionData'];

export function pathOf(id: PageId): string {
  const item = NAV_ITEMS.find((i) => i.id === id);
  if (item === undefined) throw new Error(`Unknown page ${id}`);
  return item.path;
}
