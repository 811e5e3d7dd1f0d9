import { describe, expect, it, vi } from 'vitest';
import { channelOf, DEFAULT_SETTINGS, IPC_METHODS, ok, type IpcResult } from '../../shared/ipc/contract';
import { registerIpcHandlers, type IpcHandlers, type IpcListener } from './ipc';
import { APP_ORIGIN } from './origin';
import { createSenderCheck, type IpcSenderEvent } from './security';

const trusted: IpcSenderEvent = { senderFrame: { url: 'app://encours/', parent: null } };
const foreign: IpcSenderEvent = { senderFrame: { url: 'https://evil.example/', parent: null } };

function fakeHandlers(): IpcHandlers {
  return {
    getSettings: vi.fn(() => Promise.resolve(ok(DEFAULT_SETTINGS))),
    setSettings: vi.fn((patch) => Promise.resolve(ok({ ...DEFAULT_SETTINGS, ...patch }))),
    getAppInfo: vi.fn(() =>
      Promise.resolve(
        ok({
          name: 'Encours',
          version: '0.1.0',
          platform: 'electron' as const,
          dataLocation: '/d',
          versions: {},
        }),
      ),
    ),
    openFile: vi.fn(() => Promise.resolve(ok(null))),
    saveFile: vi.fn(() => Promise.resolve(ok({ savedAs: '/tmp/x.json' }))),
    openExternal: vi.fn(() => Promise.resolve(ok({ opened: true }))),
    showNotification: vi.fn(() => Promise.resolve(ok({ shown: true }))),
    writeAutoBackup: vi.fn(() =>
      Promise.resolve(ok({ path: '/d/backups/ws/hourly.encours-backup', kept: 1 })),
    ),
    listAutoBackups: vi.fn(() => Promise.resolve(ok([]))),
    readAutoBackup: vi.fn(() => Promise.resolve(ok({ base64: '' }))),
    getSyncConnection: vi.fn(() => Promise.resolve(ok(null))),
    saveSyncConnection: vi.fn(() => Promise.resolve(ok({ persists: true }))),
    forgetSyncConnection: vi.fn(() => Promise.resolve(ok({ forgotten: false }))),
    getSecretStorageInfo: vi.fn(() =>
      Promise.resolve(ok({ backend: 'gnome_libsecret', isEncrypted: true, persists: true })),
    ),
    printToPdf: vi.fn(() => Promise.resolve(ok({ kind: 'saved' as const, savedAs: '/d/relance.pdf' }))),
  };
}

function register(handlers: IpcHandlers = fakeHandlers()): Map<string, IpcListener> {
  const registered = new Map<string, IpcListener>();
  registerIpcHandlers(
    {
      handle: (channel, listener) => {
        expect(registered.has(channel), `${channel} registered twice`).toBe(false);
        registered.set(channel, listener);
      },
    },
    handlers,
    createSenderCheck(APP_ORIGIN),
  );
  return registered;
}

function call(registered: Map<string, IpcListener>, channel: string, event: IpcSenderEvent, args?: unknown) {
  const listener = registered.get(channel);
  if (listener === undefined) throw new Error(`no handler for ${channel}`);
  return listener(event, args);
}

const errorCode = (result: IpcResult<unknown>): string | undefined =>
  result.ok ? undefined : result.error.code;

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per contract method, on its own channel', () => {
    expect([...register().keys()].sort()).toEqual(IPC_METHODS.map(channelOf).sort());
  });

  it.each(IPC_METHODS)(
    '%s refuses a foreign frame with untrusted-sender and never runs the handler',
    async (m) => {
      const handlers = fakeHandlers();
      const result = await call(register(handlers), channelOf(m), foreign, undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
      expect(handlers[m]).not.toHaveBeenCalled();
    },
  );

  it('refuses a child frame and a destroyed frame too', async () => {
    const registered = register();
    const child = { senderFrame: { url: 'app://encours/', parent: { url: 'app://encours/' } } };
    expect(errorCode(await call(registered, 'encours:getSettings', child))).toBe('untrusted-sender');
    expect(errorCode(await call(registered, 'encours:getSettings', { senderFrame: null }))).toBe(
      'untrusted-sender',
    );
  });

  it('answers a trusted call with the handler data', async () => {
    const registered = register();
    expect(await call(registered, 'encours:getSettings', trusted)).toEqual({
      ok: true,
      data: DEFAULT_SETTINGS,
    });
    expect(await call(registered, 'encours:setSettings', trusted, { language: 'en' })).toEqual({
      ok: true,
      data: { ...DEFAULT_SETTINGS, language: 'en' },
    });
  });

  it.each([
    ['setSettings', { nearLimitAlertPercent: 120 }, 'nearLimitAlertPercent'],
    ['setSettings', { unknownKey: true }, ''],
    ['openExternal', { url: 'http://www.bodacc.fr/' }, 'url'],
    ['saveFile', { suggestedName: '../evil', mimeType: 'text/plain', base64: '' }, 'suggestedName'],
    ['showNotification', 'hello', '(argument)'],
  ] as const)('%s(%j) → invalid-arguments naming %s', async (method, args, path) => {
    const handlers = fakeHandlers();
    const result = await call(register(handlers), channelOf(method), trusted, args);
    expect(errorCode(result)).toBe('invalid-arguments');
    if (!result.ok) expect(result.error.message).toContain(path);
    expect(handlers[method]).not.toHaveBeenCalled();
  });

  it('turns a thrown error into internal without leaking its message or stack', async () => {
    const handlers: IpcHandlers = {
      ...fakeHandlers(),
      getSettings: () => Promise.reject(new Error('EACCES /home/alice/secret/path')),
    };
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await call(register(handlers), 'encours:getSettings', trusted);
    spy.mockRestore();
    expect(errorCode(result)).toBe('internal');
    expect(JSON.stringify(result)).not.toContain('alice');
    expect(JSON.stringify(result)).not.toContain('at ');
  });

  it('refuses to send an answer outside the result schema', async () => {
    const handlers: IpcHandlers = {
      ...fakeHandlers(),
      getSettings: () => Promise.resolve(ok({ ...DEFAULT_SETTINGS, nearLimitAlertPercent: 5 })),
    };
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await call(register(handlers), 'encours:getSettings', trusted);
    spy.mockRestore();
    expect(errorCode(result)).toBe('internal');
  });

  it('passes a coded failure from the handler through unchanged', async () => {
    const handlers: IpcHandlers = {
      ...fakeHandlers(),
      openExternal: () => Promise.resolve({ ok: false, error: { code: 'not-allowed', message: 'no' } }),
    };
    const result = await call(register(handlers), 'encours:openExternal', trusted, {
      url: 'https://example.com/',
    });
    expect(result).toEqual({ ok: false, error: { code: 'not-allowed', message: 'no' } });
  });
});

describe('sync connection channels', () => {
  it('refuse a workspace id that could name a path, before the handler runs', async () => {
    const handlers = fakeHandlers();
    const registered = register(handlers);
    for (const workspaceId of ['../../etc', 'a/b', '']) {
      const result = await call(registered, channelOf('getSyncConnection'), trusted, { workspaceId });
      expect(errorCode(result)).toBe('invalid-arguments');
    }
    const save = await call(registered, channelOf('saveSyncConnection'), trusted, {
      workspaceId: 'ws-1',
      serverUrl: 'file:///etc/passwd',
      remoteWorkspaceId: 'r',
      token: 't',
    });
    expect(errorCode(save)).toBe('invalid-arguments');
    expect(handlers.getSyncConnection).not.toHaveBeenCalled();
    expect(handlers.saveSyncConnection).not.toHaveBeenCalled();
  });
});
