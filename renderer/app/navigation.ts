/**
 * The screens: one list shared by the router, the side navigation and the tests, so a page cannot be
 * reachable in one place and missing in another.
 */
import {
  IconAlertTriangle,
  IconCalculator,
  IconFileImport,
  IconFileInvoice,
  IconGauge,
  IconGitCompare,
  IconSettings,
  IconShieldCheck,
  IconStethoscope,
  IconTruckDelivery,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { NavigationPath } from '../../shared/ipc/contract';

export type PageId =
  | 'dashboard'
  | 'clients'
  | 'invoices'
  | 'limits'
  | 'canShip'
  | 'claims'
  | 'premium'
  | 'import'
  | 'conflicts'
  | 'diagnostic'
  | 'settings';
export type NavSection = 'sectionLedger' | 'sectionInsurance' | 'sectionData';

export type NavItem = {
  readonly id: PageId;
  /** One of the contract's paths, so the desktop menu's "Aller à" entries reach the same screens. */
  readonly path: NavigationPath;
  readonly icon: Icon;
  readonly section: NavSection;
};

export const NAV_ITEMS: readonly NavItem[] = [
  { id: 'dashboard', path: '/', icon: IconGauge, section: 'sectionLedger' },
  { id: 'clients', path: '/buyers', icon: IconUsers, section: 'sectionLedger' },
  { id: 'invoices', path: '/invoices', icon: IconFileInvoice, section: 'sectionLedger' },
  { id: 'limits', path: '/limits', icon: IconShieldCheck, section: 'sectionInsurance' },
  { id: 'canShip', path: '/can-ship', icon: IconTruckDelivery, section: 'sectionInsurance' },
  { id: 'claims', path: '/claims', icon: IconAlertTriangle, section: 'sectionInsurance' },
  { id: 'premium', path: '/premium', icon: IconCalculator, section: 'sectionInsurance' },
  { id: 'import', path: '/import', icon: IconFileImport, section: 'sectionData' },
  { id: 'conflicts', path: '/conflicts', icon: IconGitCompare, section: 'sectionData' },
  { id: 'diagnostic', path: '/diagnostic', icon: IconStethoscope, section: 'sectionData' },
  { id: 'settings', path: '/settings', icon: IconSettings, section: 'sectionData' },
];

export const NAV_SECTIONS: readonly NavSection[] = ['sectionLedger', 'sectionInsurance', 'sectionData'];

export function pathOf(id: PageId): NavigationPath {
  const item = NAV_ITEMS.find((i) => i.id === id);
  if (item === undefined) throw new Error(`Unknown page ${id}`);
  return item.path;
}
