import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { NAVIGATION_PATHS } from '../../shared/ipc/contract';
import { MENU_LABELS } from './menu-labels';

vi.mock('electron', () => {
  const Menu = { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) };
  return { default: { Menu }, Menu };
});

const { buildMenuTemplate } = await import('./menu');

function build(overrides: Partial<Parameters<typeof buildMenuTemplate>[0]> = {}): {
  template: MenuItemConstructorOptions[];
  navigate: ReturnType<typeof vi.fn<(path: string) => void>>;
  openWebsite: ReturnType<typeof vi.fn>;
  showAbout: ReturnType<typeof vi.fn>;
} {
  const navigate = vi.fn<(path: string) => void>();
  const openWebsite = vi.fn();
  const showAbout = vi.fn();
  const template = buildMenuTemplate({
    language: 'fr',
    platform: 'linux',
    isDev: false,
    appName: 'Encours',
    actions: { navigate, openWebsite, showAbout },
    ...overrides,
  });
  return { template, navigate, openWebsite, showAbout };
}

function submenuOf(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label);
  expect(menu, label).toBeDefined();
  const submenu = menu!.submenu;
  if (!Array.isArray(submenu)) throw new Error(`${label} has no submenu array`);
  return submenu;
}

const labelsOf = (items: MenuItemConstructorOptions[]): (string | undefined)[] =>
  items.filter((item) => item.type !== 'separator').map((item) => item.label);

const click = (item: MenuItemConstructorOptions | undefined): void => {
  // The menu's click handlers ignore their arguments; Electron's signature needs three.
  const handler: ((...args: never[]) => void) | undefined = item?.click;
  handler?.();
};

describe('menu labels', () => {
  it('the French and English catalogs have the same keys and no empty label', () => {
    expect(Object.keys(MENU_LABELS.en).sort()).toEqual(Object.keys(MENU_LABELS.fr).sort());
    for (const catalog of [MENU_LABELS.fr, MENU_LABELS.en]) {
      for (const label of Object.values(catalog)) expect(label.trim()).not.toBe('');
    }
  });
});

describe('buildMenuTemplate', () => {
  it('has the French top-level menus on Windows/Linux', () => {
    expect(labelsOf(build().template)).toEqual(['Fichier', 'Édition', 'Affichage', 'Aller à', 'Aide']);
  });

  it('Fichier, Édition and Aide hold the expected items', () => {
    const { template } = build();
    expect(labelsOf(submenuOf(template, 'Fichier'))).toEqual([
      'Importer un fichier…',
      'Exporter une sauvegarde…',
      'Quitter',
    ]);
    expect(labelsOf(submenuOf(template, 'Édition'))).toEqual([
      'Annuler',
      'Rétablir',
      'Couper',
      'Copier',
      'Coller',
      'Tout sélectionner',
    ]);
    expect(labelsOf(submenuOf(template, 'Aide'))).toEqual(['À propos d’Encours', 'Site web d’Encours']);
  });

  it('Aller à lists every page, the first nine with Ctrl/Cmd+1…9, each navigating to its own path', () => {
    const { template, navigate } = build();
    const items = submenuOf(template, 'Aller à');
    expect(labelsOf(items)).toEqual([
      'Tableau de bord',
      'Clients',
      'Factures',
      'Limites && alertes',
      'Puis-je livrer ?',
      'Sinistres',
      'Simulateur de prime',
      'Import',
      'Paramètres',
      'Conflits',
      'Diagnostic d’un prospect',
    ]);
    expect(items.map((item) => item.accelerator)).toEqual([
      ...['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((n) => `CmdOrCtrl+${n}`),
      undefined,
      undefined,
    ]);
    for (const item of items) click(item);
    expect(navigate.mock.calls.map(([path]) => path)).toEqual([...NAVIGATION_PATHS]);
  });

  it('Reload and developer tools exist only in development', () => {
    const roles = (isDev: boolean): unknown[] =>
      submenuOf(build({ isDev }).template, 'Affichage').map((item) => item.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(roles(false)).toEqual(
      expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']),
    );
  });

  it('Aide items call the about panel and the website opener', () => {
    const { template, showAbout, openWebsite } = build();
    const [about, website] = submenuOf(template, 'Aide');
    click(about);
    click(website);
    expect(showAbout).toHaveBeenCalledOnce();
    expect(openWebsite).toHaveBeenCalledOnce();
  });

  it('speaks English when the setting says so', () => {
    const { template } = build({ language: 'en' });
    expect(labelsOf(template)).toEqual(['File', 'Edit', 'View', 'Go', 'Help']);
    expect(labelsOf(submenuOf(template, 'Go'))[3]).toBe('Limits && alerts');
  });

  it('on macOS starts with the app menu, moves Quit there, adds Window, and keeps a literal &', () => {
    const { template } = build({ platform: 'darwin' });
    expect(template[0]).toEqual({ label: 'Encours', role: 'appMenu' });
    expect(submenuOf(template, 'Fichier').map((item) => item.role)).not.toContain('quit');
    expect(template.map((item) => item.role)).toContain('windowMenu');
    expect(labelsOf(submenuOf(template, 'Aller à'))[3]).toBe('Limites & alertes');
  });
});
