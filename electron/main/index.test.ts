// The wiring of main: what must happen before `ready`, and what `ready` installs. Electron is a fake that
// records calls; each test imports a fresh copy of index.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, IPC_METHODS, channelOf } from '../../shared/ipc/contract';

const state = vi.hoisted(() => ({
  hasLock: true,
  isPackaged: true,
  calls: [] as string[],
  readyResolve: undefined as (() => void) | undefined,
  appListeners: new Map<string, (...args: unknown[]) => void>(),
  handled: [] as string[],
  loadedUrls: [] as string[],
  protocolHandled: [] as string[],
  registeredSchemes: [] as unknown[],
  permissionHandlers: { request: 0, check: 0 },
}));

vi.mock('electron', () => {
  const record = (name: string) => () => {
    state.calls.push(name);
  };
  class BrowserWindow {
    readonly webContents = { send: vi.fn() };
    constructor(readonly options: unknown) {
      state.calls.push('new BrowserWindow');
    }
    on(): this {
      return this;
    }
    once(): this {
      return this;
    }
    loadURL(url: string): Promise<void> {
      state.loadedUrls.push(url);
      return Promise.resolve();
    }
  }
  const app = {
    get isPackaged() {
      return state.isPackaged;
    },
    enableSandbox: record('enableSandbox'),
    requestSingleInstanceLock: () => {
      state.calls.push('requestSingleInstanceLock');
      return state.hasLock;
    },
    quit: record('quit'),
    on: (event: string, listener: (...args: unknown[]) => void) => {
      state.appListeners.set(event, listener);
    },
    whenReady: () =>
      new Promise<void>((resolve) => {
        state.readyResolve = resolve;
      }),
    getName: () => 'Encours',
    getVersion: () => '0.1.0',
    getPath: () => '/tmp',
    showAboutPanel: vi.fn(),
  };
  const protocol = {
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      state.calls.push('registerSchemesAsPrivileged');
      state.registeredSchemes.push(...schemes);
    },
    handle: (scheme: string) => {
      state.calls.push('protocol.handle');
      state.protocolHandled.push(scheme);
    },
  };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: () => {
        state.permissionHandlers.request += 1;
      },
      setPermissionCheckHandler: () => {
        state.permissionHandlers.check += 1;
      },
    },
  };
  const ipcMain = {
    handle: (channel: string) => {
      state.handled.push(channel);
    },
  };
  const Menu = { setApplicationMenu: record('setApplicationMenu'), buildFromTemplate: (t: unknown) => t };
  const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
  const electron = {
    app,
    BrowserWindow,
    dialog: {},
    ipcMain,
    Menu,
    nativeTheme: { shouldUseDarkColors: false },
    Notification: { isSupported: () => false },
    protocol,
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: () => Buffer.alloc(0),
      decryptString: () => '',
      getSelectedStorageBackend: () => 'basic_text',
    },
    screen,
    session,
    shell: { openExternal: vi.fn() },
  };
  return { default: electron, ...electron };
});

vi.mock('./settings', () => ({
  openSettingsStore: () => ({
    getSettings: () => DEFAULT_SETTINGS,
    setSettings: () => DEFAULT_SETTINGS,
    getWindowState: () => ({ isMaximized: false }),
    setWindowState: () => undefined,
    path: '/tmp/settings.json',
  }),
}));

async function start(): Promise<void> {
  await import('./index');
}

async function ready(): Promise<void> {
  expect(state.readyResolve).toBeDefined();
  state.readyResolve?.();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  vi.resetModules();
  Object.assign(state, {
    hasLock: true,
    isPackaged: true,
    calls: [],
    readyResolve: undefined,
    appListeners: new Map(),
    handled: [],
    loadedUrls: [],
    protocolHandled: [],
    registeredSchemes: [],
    permissionHandlers: { request: 0, check: 0 },
  });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('main process start-up', () => {
  it('enables the sandbox and registers the app: scheme before ready', async () => {
    await start();
    expect(state.calls.slice(0, 3)).toEqual([
      'enableSandbox',
      'registerSchemesAsPrivileged',
      'requestSingleInstanceLock',
    ]);
    expect(state.registeredSchemes).toMatchObject([
      { scheme: 'app', privileges: { standard: true, secure: true } },
    ]);
  });

  it('a second instance quits and installs nothing', async () => {
    state.hasLock = false;
    await start();
    expect(state.calls).toContain('quit');
    expect(state.readyResolve).toBeUndefined();
    expect(state.appListeners.size).toBe(0);
  });

  it('on ready: protocol, permission handlers, every IPC channel, the menu, then the window at app://encours/', async () => {
    await start();
    await ready();
    expect(state.protocolHandled).toEqual(['app']);
    expect(state.permissionHandlers).toEqual({ request: 1, check: 1 });
    expect([...state.handled].sort()).toEqual(IPC_METHODS.map(channelOf).sort());
    expect(state.calls).toContain('setApplicationMenu');
    expect(state.calls.indexOf('protocol.handle')).toBeLessThan(state.calls.indexOf('new BrowserWindow'));
    expect(state.loadedUrls).toEqual(['app://encours/']);
  });

  it('a packaged app ignores ELECTRON_RENDERER_URL', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
    state.isPackaged = true;
    await start();
    await ready();
    expect(state.loadedUrls).toEqual(['app://encours/']);
  });

  it('in development loads the loopback dev server, and never a remote one', async () => {
    state.isPackaged = false;
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
    await start();
    await ready();
    expect(state.loadedUrls).toEqual(['http://localhost:5173/']);

    vi.resetModules();
    state.loadedUrls = [];
    vi.stubEnv('ELECTRON_RENDERER_URL', 'https://evil.example/');
    await start();
    await ready();
    expect(state.loadedUrls).toEqual(['app://encours/']);
  });

  it('guards every web contents created, not only the main window', async () => {
    await start();
    const onCreated = state.appListeners.get('web-contents-created');
    expect(onCreated).toBeDefined();
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    onCreated?.({}, contents);
    expect(contents.on).toHaveBeenCalledWith('will-navigate', expect.any(Function));
    expect(contents.on).toHaveBeenCalledWith('will-redirect', expect.any(Function));
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
  });

  it('quits when all windows are closed, except on macOS', async () => {
    await start();
    const onAllClosed = state.appListeners.get('window-all-closed');
    expect(onAllClosed).toBeDefined();
    const platform = Object.getOwnPropertyDescriptor(process, 'platform');
    try {
      Object.defineProperty(process, 'platform', { value: 'darwin' });
      onAllClosed?.();
      expect(state.calls).not.toContain('quit');
      Object.defineProperty(process, 'platform', { value: 'linux' });
      onAllClosed?.();
      expect(state.calls).toContain('quit');
    } finally {
      if (platform) Object.defineProperty(process, 'platform', platform);
    }
  });
});
