import { describe, expect, it, vi } from 'vitest';
import { acquireSingleInstance, type FocusableWindow, type SingleInstanceApp } from './single-instance';

function fakeApp(
  hasLock: boolean,
): SingleInstanceApp & { secondInstance(): void; quit: ReturnType<typeof vi.fn<() => void>> } {
  let listener: (() => void) | undefined;
  return {
    requestSingleInstanceLock: () => hasLock,
    quit: vi.fn<() => void>(),
    on: (_event, l) => {
      listener = l;
    },
    secondInstance: () => listener?.(),
  };
}

function fakeWindow(
  isMinimized: boolean,
): FocusableWindow & Record<'restore' | 'show' | 'focus', ReturnType<typeof vi.fn<() => void>>> {
  return {
    isMinimized: () => isMinimized,
    restore: vi.fn<() => void>(),
    show: vi.fn<() => void>(),
    focus: vi.fn<() => void>(),
  };
}

describe('acquireSingleInstance', () => {
  it('quits at once when another instance holds the lock', () => {
    const app = fakeApp(false);
    expect(acquireSingleInstance(app, () => null)).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
  });

  it('keeps running with the lock, and a second launch restores and focuses the window', () => {
    const app = fakeApp(true);
    const window = fakeWindow(true);
    expect(acquireSingleInstance(app, () => window)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.secondInstance();
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.show).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
  });

  it('a second launch before the window exists does nothing', () => {
    const app = fakeApp(true);
    acquireSingleInstance(app, () => null);
    expect(() => {
      app.secondInstance();
    }).not.toThrow();
  });
});
