/**
 * Main process entry: wires the security checklist (architecture §4) in the order Electron requires.
 * Before `ready`: sandbox for every renderer, the privileged `app:` scheme, the single-instance lock (a
 * second process quits before touching the profile). On `ready`: the protocol handler, permission
 * handlers, IPC, menu, window. Every web contents ever created gets the navigation guards and the
 * deny-all window-open handler, not only the main window's.
 */
import { fileURLToPath } from 'node:url';
import {
  app,
  type BrowserWindow,
  dialog,
  ipcMain,
  nativeTheme,
  Notification,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { eventChannelOf, type Language, type NavigationPath } from '../../shared/ipc/contract';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { openExternalSafely, WEBSITE_URL } from './external-links';
import { createHandlers } from './handlers';
import { registerIpcHandlers } from './ipc';
import { installMenu } from './menu';
import { APP_SCHEME } from './origin';
import { rendererEntry } from './renderer-entry';
import { createSenderCheck, installNavigationGuards, installPermissionHandlers } from './security';
import { openSettingsStore, type SettingsStore } from './settings';
import { acquireSingleInstance } from './single-instance';
import { createSyncSecretStore, syncSecretsRoot } from './sync-secrets';
import { createMainWindow } from './window';

// Built layout (electron-vite): out/main/index.js, out/preload/index.cjs, out/renderer/index.html.
const RENDERER_ROOT = fileURLToPath(new URL('../renderer/', import.meta.url));
const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

let mainWindow: BrowserWindow | null = null;

app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (acquireSingleInstance(app, () => mainWindow)) {
  const entry = rendererEntry(app.isPackaged, process.env['ELECTRON_RENDERER_URL']);
  const openExternal = (url: string): Promise<boolean> => openExternalSafely(url, shell);

  app.on('web-contents-created', (_event, contents) => {
    installNavigationGuards(contents, entry.origin, openExternal);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  const navigate = (path: NavigationPath): void => {
    mainWindow?.webContents.send(eventChannelOf('navigate'), { path });
  };
  const rebuildMenu = (language: Language): void => {
    installMenu({
      language,
      platform: process.platform,
      isDev: entry.isDevServer,
      appName: app.getName(),
      actions: {
        navigate,
        showAbout: () => {
          app.showAboutPanel();
        },
        openWebsite: () => void openExternal(WEBSITE_URL),
      },
    });
  };
  const openWindow = (store: SettingsStore): void => {
    const colorScheme = store.getSettings().colorScheme;
    mainWindow = createMainWindow({
      preloadPath: PRELOAD_PATH,
      entryUrl: entry.url,
      store,
      isDark: colorScheme === 'dark' || (colorScheme === 'auto' && nativeTheme.shouldUseDarkColors),
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  void app.whenReady().then(() => {
    protocol.handle(APP_SCHEME, createAppProtocolHandler(RENDERER_ROOT));
    installPermissionHandlers(session.defaultSession, entry.origin);
    const store = openSettingsStore();
    let language = store.getSettings().language;
    registerIpcHandlers(
      ipcMain,
      createHandlers({
        settings: store,
        onSettingsChanged: (settings) => {
          if (settings.language === language) return;
          language = settings.language;
          rebuildMenu(language);
        },
        app,
        versions: process.versions,
        dialogs: {
          showOpenDialog: (options) =>
            mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options),
          showSaveDialog: (options) =>
            mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
        },
        shell,
        Notification,
        printableContents: () => mainWindow?.webContents ?? null,
        syncSecrets: createSyncSecretStore({
          root: syncSecretsRoot(app.getPath('userData')),
          safeStorage,
          platform: process.platform,
        }),
      }),
      createSenderCheck(entry.origin),
    );
    rebuildMenu(language);
    openWindow(store);
    app.on('activate', () => {
      if (mainWindow === null) openWindow(store);
    });
  });
}
