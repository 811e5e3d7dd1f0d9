import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowState } from './settings';

// A stand-in BrowserWindow that records its options and lets the test fire its events.
const fakes = vi.hoisted(() => {
  type Listener = () => void;
  class FakeWindow {
    static instances: FakeWindow[] = [];
    readonly listeners = new Map<string, Listener[]>();
    readonly shown = { count: 0 };
    isMaximizedNow = false;
    bounds = { x: 0, y: 0, width: 1280, height: 800 };
    loadedUrl: string | undefined;
    constructor(readonly options: BrowserWindowConstructorOptions) {
      FakeWindow.instances.push(this);
    }
    on(event: string, listener: Listener): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    once(event: string, listener: Listener): this {
      return this.on(event, listener);
    }
    emit(event: string): void {
      for (const listener of this.listeners.get(event) ?? []) listener();
    }
    show(): void {
      this.shown.count += 1;
    }
    maximize(): void {
      this.isMaximizedNow = true;
    }
    isMaximized(): boolean {
      return this.isMaximizedNow;
    }
    isMinimized(): boolean {
      return false;
    }
    isFullScreen(): boolean {
      return false;
    }
    isDestroyed(): boolean {
      return false;
    }
    getNormalBounds(): typeof this.bounds {
      return this.bounds;
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      return Promise.resolve();
    }
  }
  const displays = { workAreas: [{ x: 0, y: 0, width: 1920, height: 1040 }] };
  return { FakeWindow, displays };
});

vi.mock('electron', () => {
  const screen = { getAllDisplays: () => fakes.displays.workAreas.map((workArea) => ({ workArea })) };
  return { default: { BrowserWindow: fakes.FakeWindow, screen }, BrowserWindow: fakes.FakeWindow, screen };
});

const { createMainWindow, SAVE_STATE_DELAY_MS } = await import('./window');

function storeWith(state: WindowState): {
  getWindowState: () => WindowState;
  setWindowState: ReturnType<typeof vi.fn<(s: WindowState) => void>>;
} {
  return { getWindowState: () => state, setWindowState: vi.fn<(s: WindowState) => void>() };
}

function open(state: WindowState): {
  window: InstanceType<typeof fakes.FakeWindow>;
  store: ReturnType<typeof storeWith>;
} {
  const store = storeWith(state);
  createMainWindow({
    preloadPath: '/app/out/preload/index.cjs',
    entryUrl: 'app://encours/',
    store,
    isDark: false,
  });
  const window = fakes.FakeWindow.instances.at(-1)!;
  return { window, store };
}

const optionsOf = (window: InstanceType<typeof fakes.FakeWindow>): BrowserWindowConstructorOptions =>
  window.options;

beforeEach(() => {
  fakes.FakeWindow.instances = [];
  fakes.displays.workAreas = [{ x: 0, y: 0, width: 1920, height: 1040 }];
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createMainWindow', () => {
  it('creates the window with the secure web preferences and the preload', () => {
    const { window } = open({ isMaximized: false });
    expect(optionsOf(window).webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('opens hidden at 1280×800 (min 1024×680), titled Encours, then shows on ready-to-show', () => {
    const { window } = open({ isMaximized: false });
    expect(optionsOf(window)).toMatchObject({
      width: 1280,
      height: 800,
      center: true,
      minWidth: 1024,
      minHeight: 680,
      title: 'Encours',
      backgroundColor: '#ffffff',
      show: false,
    });
    expect(window.shown.count).toBe(0);
    window.emit('ready-to-show');
    expect(window.shown.count).toBe(1);
    expect(window.loadedUrl).toBe('app://encours/');
  });

  it('restores saved bounds that are on a connected display, and the maximized state', () => {
    const { window } = open({ bounds: { x: 50, y: 60, width: 1400, height: 900 }, isMaximized: true });
    expect(optionsOf(window)).toMatchObject({ x: 50, y: 60, width: 1400, height: 900 });
    expect(optionsOf(window).center).toBeUndefined();
    window.emit('ready-to-show');
    expect(window.isMaximized()).toBe(true);
  });

  it('falls back to centered defaults when the saved bounds are on a disconnected monitor', () => {
    const { window } = open({ bounds: { x: 2400, y: 100, width: 1400, height: 900 }, isMaximized: false });
    expect(optionsOf(window)).toMatchObject({ width: 1280, height: 800, center: true });
    expect(optionsOf(window).x).toBeUndefined();
  });

  it('saves the state on close', () => {
    const { window, store } = open({ isMaximized: false });
    window.bounds = { x: 10, y: 20, width: 1111, height: 777 };
    window.emit('close');
    expect(store.setWindowState).toHaveBeenCalledWith({
      bounds: { x: 10, y: 20, width: 1111, height: 777 },
      isMaximized: false,
    });
  });

  it('saves once, debounced, after a burst of moves and resizes', () => {
    vi.useFakeTimers();
    const { window, store } = open({ isMaximized: false });
    window.emit('move');
    window.emit('resize');
    window.emit('move');
    vi.advanceTimersByTime(SAVE_STATE_DELAY_MS - 1);
    expect(store.setWindowState).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(store.setWindowState).toHaveBeenCalledOnce();
  });
});
