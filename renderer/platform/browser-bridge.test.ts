import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, IPC_METHODS, type IpcResult } from '../../shared/ipc/contract';
import { base64ToBytes, bytesToBase64 } from './base64';
import {
  SETTINGS_STORAGE_KEY,
  createBrowserBridge,
  readStoredSettings,
  syncConnectionKey,
} from './browser-bridge';

describe('browser bridge', () => {
  beforeEach(() => {
    window.localStorage.clear();
  });

  it('implements every method of the IPC contract, and nothing else', () => {
    expect(Object.keys(createBrowserBridge(window)).sort()).toEqual([...IPC_METHODS, 'on'].sort());
  });

  it('starts from the default settings and persists a change in localStorage', async () => {
    const bridge = createBrowserBridge(window);
    expect(await bridge.getSettings()).toEqual({ ok: true, data: DEFAULT_SETTINGS });
    const saved = await bridge.setSettings({ language: 'en', nearLimitAlertPercent: 85 });
    expect(saved).toEqual({
      ok: true,
      data: { ...DEFAULT_SETTINGS, language: 'en', nearLimitAlertPercent: 85 },
    });
    const reread = await createBrowserBridge(window).getSettings();
    expect(reread.ok && reread.data.language).toBe('en');
  });

  it('refuses invalid arguments with a coded error and changes nothing', async () => {
    const bridge = createBrowserBridge(window);
    // An out-of-range threshold and an unknown key, as a compromised or buggy caller would send them.
    const tooLow: unknown = { nearLimitAlertPercent: 5 };
    const unknownKey: unknown = { theme: 'pink' };
    const setUnchecked = bridge.setSettings as (args: unknown) => ReturnType<typeof bridge.setSettings>;
    for (const args of [tooLow, unknownKey]) {
      const result = await setUnchecked(args);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid-arguments');
    }
    expect(window.localStorage.getItem(SETTINGS_STORAGE_KEY)).toBeNull();
  });

  it('makes a PDF through the print dialog and says so', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    try {
      const result = await createBrowserBridge(window).printToPdf({ suggestedName: 'relance.pdf' });
      expect(result).toEqual({ ok: true, data: { kind: 'print-dialog' } });
      expect(print).toHaveBeenCalledTimes(1);
    } finally {
      print.mockRestore();
    }
  });

  it('refuses a PDF name that is a path, without opening the dialog', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    try {
      const result = await createBrowserBridge(window).printToPdf({ suggestedName: '../x/relance.pdf' });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
      expect(print).not.toHaveBeenCalled();
    } finally {
      print.mockRestore();
    }
  });

  it('only opens https links', async () => {
    const bridge = createBrowserBridge(window);
    const result = await bridge.openExternal({ url: 'http://example.com/' });
    expect(result.ok).toBe(false);
  });

  it('repairs a corrupt stored value key by key instead of losing every setting', () => {
    window.localStorage.setItem(
      SETTINGS_STORAGE_KEY,
      JSON.stringify({ language: 'en', nearLimitAlertPercent: 'lots' }),
    );
    expect(readStoredSettings(window.localStorage)).toEqual({ ...DEFAULT_SETTINGS, language: 'en' });
    window.localStorage.setItem(SETTINGS_STORAGE_KEY, '{not json');
    expect(readStoredSettings(window.localStorage)).toEqual(DEFAULT_SETTINGS);
  });

  it('round-trips bytes through base64, including large buffers', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    expect(bytesToBase64(new TextEncoder().encode('Encours'))).toBe(btoa('Encours'));
  });
});

describe('browser bridge app info', () => {
  it('says it runs in the browser and where the data lives', async () => {
    const info = await createBrowserBridge(window).getAppInfo();
    expect(info).toMatchObject({
      ok: true,
      data: { name: 'Encours', platform: 'browser', version: '0.0.0-test' },
    });
    expect(info.ok && info.data.dataLocation).toContain(window.location.origin);
  });
});

describe('browser bridge: automatic backups', () => {
  type Bridge = ReturnType<typeof createBrowserBridge>;
  it.each<[string, (bridge: Bridge) => Promise<IpcResult<unknown>>]>([
    ['writeAutoBackup', (b) => b.writeAutoBackup({ workspaceId: 'ws-1', base64: 'e30=' })],
    ['listAutoBackups', (b) => b.listAutoBackups({ workspaceId: 'ws-1' })],
    [
      'readAutoBackup',
      (b) => b.readAutoBackup({ workspaceId: 'ws-1', file: 'daily-20261125.encours-backup' }),
    ],
  ])('%s answers not-supported (browser mode offers manual export only)', async (_, call) => {
    expect(await call(createBrowserBridge(window))).toMatchObject({
      ok: false,
      error: { code: 'not-supported' },
    });
  });

  it('still validates the arguments first', async () => {
    const result = await createBrowserBridge(window).readAutoBackup({ workspaceId: 'ws-1', file: '../x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  });
});

describe('browser bridge: sync connection', () => {
  beforeEach(() => {
    window.localStorage.clear();
    window.sessionStorage.clear();
  });
  const connection = {
    serverUrl: 'http://127.0.0.1:8787',
    remoteWorkspaceId: 'rws-1',
    token: 'enc_token-abc',
    deviceId: 'dev-1',
  };

  it('keeps the connection in sessionStorage only, says it does not persist, and forgets it', async () => {
    const bridge = createBrowserBridge(window);
    expect(await bridge.getSecretStorageInfo()).toEqual({
      ok: true,
      data: { backend: 'session', isEncrypted: false, persists: false },
    });
    expect(await bridge.saveSyncConnection({ workspaceId: 'ws-1', ...connection })).toEqual({
      ok: true,
      data: { persists: false },
    });
    expect(await bridge.getSyncConnection({ workspaceId: 'ws-1' })).toEqual({ ok: true, data: connection });
    expect(await bridge.getSyncConnection({ workspaceId: 'ws-2' })).toEqual({ ok: true, data: null });
    // The token never reaches localStorage.
    expect(window.sessionStorage.getItem(syncConnectionKey('ws-1'))).toContain('enc_token-abc');
    const local = Array.from({ length: window.localStorage.length }, (_, i) => {
      const key = window.localStorage.key(i) ?? '';
      return `${key}=${window.localStorage.getItem(key) ?? ''}`;
    });
    expect(local.join('\n')).not.toContain('enc_token-abc');
    expect(await bridge.forgetSyncConnection({ workspaceId: 'ws-1' })).toEqual({
      ok: true,
      data: { forgotten: true },
    });
    expect(await bridge.getSyncConnection({ workspaceId: 'ws-1' })).toEqual({ ok: true, data: null });
  });

  it('reads a corrupt stored connection as none', async () => {
    window.sessionStorage.setItem(syncConnectionKey('ws-1'), '{"serverUrl":"ftp://x"}');
    expect(await createBrowserBridge(window).getSyncConnection({ workspaceId: 'ws-1' })).toEqual({
      ok: true,
      data: null,
    });
  });
});
