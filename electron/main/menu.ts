/**
 * The application menu, in the user's language. `buildMenuTemplate` is pure (labels, platform and actions
 * in, a template out) so its structure is unit-tested; `installMenu` hands it to Electron.
 * "Aller à" sends `encours:navigate` to the renderer (Ctrl/Cmd+1…9); File › Import opens the Import page and
 * Export a backup the Settings page, where those actions live. Reload and developer tools exist only in dev.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Language, NavigationPath } from '../../shared/ipc/contract';
import { MENU_LABELS, type MenuLabels } from './menu-labels';

export type MenuActions = {
  readonly navigate: (path: NavigationPath) => void;
  readonly showAbout: () => void;
  readonly openWebsite: () => void;
};

export type MenuOptions = {
  readonly language: Language;
  readonly platform: NodeJS.Platform;
  readonly isDev: boolean;
  readonly appName: string;
  readonly actions: MenuActions;
};

/** The pages of "Aller à", in accelerator order (Ctrl/Cmd+1 is the dashboard; the first nine have one). */
export const GO_TO_PAGES = [
  ['dashboard', '/'],
  ['buyers', '/buyers'],
  ['invoices', '/invoices'],
  ['limits', '/limits'],
  ['canShip', '/can-ship'],
  ['claims', '/claims'],
  ['premium', '/premium'],
  ['import', '/import'],
  ['settings', '/settings'],
  ['conflicts', '/conflicts'],
  ['diagnostic', '/diagnostic'],
] as const satisfies readonly (readonly [keyof MenuLabels, NavigationPath])[];

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { actions, platform, isDev } = options;
  const isMac = platform === 'darwin';
  // On Windows and Linux a single `&` marks a mnemonic; `&&` shows a literal ampersand.
  const raw = MENU_LABELS[options.language];
  const t = (key: keyof MenuLabels): string => (isMac ? raw[key] : raw[key].replaceAll('&', '&&'));

  const goTo =
    (path: NavigationPath): (() => void) =>
    () => {
      actions.navigate(path);
    };

  const appMenu: MenuItemConstructorOptions[] = isMac ? [{ label: options.appName, role: 'appMenu' }] : [];
  const file: MenuItemConstructorOptions = {
    label: t('file'),
    submenu: [
      { label: t('importFile'), accelerator: 'CmdOrCtrl+O', click: goTo('/import') },
      {
        label: t('exportBackup'),
        accelerator: 'CmdOrCtrl+Shift+S',
        click: goTo('/settings'),
      },
      ...(isMac ? [] : [{ type: 'separator' } as const, { label: t('quit'), role: 'quit' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: t('edit'),
    submenu: [
      { label: t('undo'), role: 'undo' },
      { label: t('redo'), role: 'redo' },
      { type: 'separator' },
      { label: t('cut'), role: 'cut' },
      { label: t('copy'), role: 'copy' },
      { label: t('paste'), role: 'paste' },
      { label: t('selectAll'), role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: t('view'),
    submenu: [
      ...(isDev
        ? [
            { label: t('reload'), role: 'reload' } as const,
            { label: t('devTools'), role: 'toggleDevTools' } as const,
            { type: 'separator' } as const,
          ]
        : []),
      { label: t('zoomIn'), role: 'zoomIn' },
      { label: t('zoomOut'), role: 'zoomOut' },
      { label: t('resetZoom'), role: 'resetZoom' },
      { type: 'separator' },
      { label: t('fullScreen'), role: 'togglefullscreen' },
    ],
  };
  const go: MenuItemConstructorOptions = {
    label: t('go'),
    submenu: GO_TO_PAGES.map(([key, path], index) => ({
      label: t(key),
      ...(index < 9 ? { accelerator: `CmdOrCtrl+${index + 1}` } : {}),
      click: goTo(path),
    })),
  };
  const windowMenu: MenuItemConstructorOptions[] = isMac ? [{ label: t('window'), role: 'windowMenu' }] : [];
  const help: MenuItemConstructorOptions = {
    label: t('help'),
    role: 'help',
    submenu: [
      { label: t('about'), click: actions.showAbout },
      { label: t('website'), click: actions.openWebsite },
    ],
  };
  return [...appMenu, file, edit, view, go, ...windowMenu, help];
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
