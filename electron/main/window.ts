/**
 * The main window: secure web preferences (security.ts), hidden until its first paint (`ready-to-show`) so
 * the user never sees a white flash, and its size/position/maximized state remembered across runs (saved on
 * `close`, and debounced while moving or resizing so a crash loses at most the last half second).
 */
import { BrowserWindow, screen } from 'electron';
import { secureWebPreferences } from './security';
import type { SettingsStore } from './settings';
import { WINDOW_DEFAULT_SIZE, WINDOW_MIN_SIZE, restorableBounds } from './window-bounds';

export const WINDOW_TITLE = 'Encours';
/** Mantine's body colours (light / dark), so the empty window matches the first painted frame. */
export const WINDOW_BACKGROUND = { light: '#ffffff', dark: '#242424' } as const;
export const SAVE_STATE_DELAY_MS = 500;

export type MainWindowOptions = {
  readonly preloadPath: string;
  readonly entryUrl: string;
  readonly store: Pick<SettingsStore, 'getWindowState' | 'setWindowState'>;
  readonly isDark: boolean;
};

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const state = options.store.getWindowState();
  const bounds = restorableBounds(
    state.bounds,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...(bounds ?? { ...WINDOW_DEFAULT_SIZE, center: true }),
    minWidth: WINDOW_MIN_SIZE.width,
    minHeight: WINDOW_MIN_SIZE.height,
    title: WINDOW_TITLE,
    backgroundColor: options.isDark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    show: false,
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  window.once('ready-to-show', () => {
    if (state.isMaximized) window.maximize();
    window.show();
  });
  rememberWindowState(window, options.store);
  void window.loadURL(options.entryUrl);
  return window;
}

function rememberWindowState(window: BrowserWindow, store: MainWindowOptions['store']): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
    // Normal bounds: the size the window returns to when un-maximized, which is what the next run restores.
    store.setWindowState({ bounds: window.getNormalBounds(), isMaximized: window.isMaximized() });
  };
  const saveSoon = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, SAVE_STATE_DELAY_MS);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('close', save);
}
