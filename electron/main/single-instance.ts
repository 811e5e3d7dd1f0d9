/**
 * One process per profile: two Encours processes on the same user data folder would both open the
 * IndexedDB files and corrupt them. The second process quits at once; the first one brings its window back.
 */
export type SingleInstanceApp = {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
};

export type FocusableWindow = {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
};

/** Returns false (after asking the app to quit) when another instance already holds the lock. */
export function acquireSingleInstance(
  app: SingleInstanceApp,
  currentWindow: () => FocusableWindow | null,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = currentWindow();
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  return true;
}
