/**
 * The application menu's words, French first with the English equivalent. `MenuLabels` is the French
 * catalog's type, so an English catalog with a missing or extra key does not compile (a test checks it too).
 */
import type { Language } from '../../shared/ipc/contract';

const fr = {
  file: 'Fichier',
  importFile: 'Importer un fichier…',
  exportBackup: 'Exporter une sauvegarde…',
  quit: 'Quitter',
  edit: 'Édition',
  undo: 'Annuler',
  redo: 'Rétablir',
  cut: 'Couper',
  copy: 'Copier',
  paste: 'Coller',
  selectAll: 'Tout sélectionner',
  view: 'Affichage',
  reload: 'Recharger',
  devTools: 'Outils de développement',
  zoomIn: 'Zoom avant',
  zoomOut: 'Zoom arrière',
  resetZoom: 'Taille réelle',
  fullScreen: 'Plein écran',
  go: 'Aller à',
  dashboard: 'Tableau de bord',
  buyers: 'Clients',
  invoices: 'Factures',
  limits: 'Limites & alertes',
  claims: 'Sinistres',
  premium: 'Simulateur de prime',
  import: 'Import',
  settings: 'Paramètres',
  conflicts: 'Conflits',
  window: 'Fenêtre',
  help: 'Aide',
  about: 'À propos d’Encours',
  website: 'Site web d’Encours',
};

export type MenuLabels = { readonly [K in keyof typeof fr]: string };

const en: MenuLabels = {
  file: 'File',
  importFile: 'Import a file…',
  exportBackup: 'Export a backup…',
  quit: 'Quit',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select all',
  view: 'View',
  reload: 'Reload',
  devTools: 'Developer tools',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  resetZoom: 'Actual size',
  fullScreen: 'Full screen',
  go: 'Go',
  dashboard: 'Dashboard',
  buyers: 'Buyers',
  invoices: 'Invoices',
  limits: 'Limits & alerts',
  claims: 'Claims',
  premium: 'Premium simulator',
  import: 'Import',
  settings: 'Settings',
  conflicts: 'Conflicts',
  window: 'Window',
  help: 'Help',
  about: 'About Encours',
  website: 'Encours website',
};

export const MENU_LABELS: { readonly [L in Language]: MenuLabels } = { fr, en };
