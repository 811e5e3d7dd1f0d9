import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  channelOf,
  DEFAULT_SETTINGS,
  IPC_METHODS,
  type EncoursApi,
  type IpcArgs,
  type IpcMethod,
} from '../../shared/ipc/contract';
import type { ExposedApi } from './api';

const bridge = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn<(channel: string, args: unknown) => Promise<unknown>>(),
  listeners: new Map<string, ((event: unknown, payload: unknown) => void)[]>(),
}));

vi.mock('electron', () => {
  const contextBridge = {
    exposeInMainWorld: (key: string, api: unknown) => bridge.exposed.set(key, api),
  };
  const ipcRenderer = {
    invoke: bridge.invoke,
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      bridge.listeners.set(channel, [...(bridge.listeners.get(channel) ?? []), listener]);
    },
    removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      bridge.listeners.set(
        channel,
        (bridge.listeners.get(channel) ?? []).filter((l) => l !== listener),
      );
    },
  };
  return { default: { contextBridge, ipcRenderer }, contextBridge, ipcRenderer };
});

function isExposedApi(value: unknown): value is ExposedApi {
  return typeof value === 'object' && value !== null && IPC_METHODS.every((m) => m in value) && 'on' in value;
}

const SAMPLE_ARGS: { readonly [M in IpcMethod]: IpcArgs<M> } = {
  getSettings: undefined,
  setSettings: { language: 'en' },
  getAppInfo: undefined,
  openFile: { title: 'FEC' },
  saveFile: { suggestedName: 'a.json', mimeType: 'application/json', base64: 'e30=' },
  openExternal: { url: 'https://encours.app/' },
  showNotification: { title: 'Échéance', body: 'Client X' },
  writeAutoBackup: { workspaceId: 'ws-1', base64: 'e30=' },
  listAutoBackups: { workspaceId: 'ws-1' },
  readAutoBackup: { workspaceId: 'ws-1', file: 'daily-20261125.encours-backup' },
  getSyncConnection: { workspaceId: 'ws-1' },
  saveSyncConnection: {
    workspaceId: 'ws-1',
    serverUrl: 'https://sync.example.fr',
    remoteWorkspaceId: 'r1',
    token: 't',
  },
  forgetSyncConnection: { workspaceId: 'ws-1' },
  getSecretStorageInfo: undefined,
  printToPdf: { suggestedName: 'relance.pdf' },
};

let api: ExposedApi;
// The type parameter keeps method and sample argument correlated (a union would not type-check).
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
const callWithSample = <M extends IpcMethod>(method: M): Promise<unknown> => {
  const methods: EncoursApi = api;
  return methods[method](SAMPLE_ARGS[method]);
};
beforeAll(async () => {
  await import('./index');
  const exposed = bridge.exposed.get('encours');
  if (!isExposedApi(exposed)) throw new Error('window.encours was not exposed');
  api = exposed;
});

describe('preload', () => {
  it('exposes only window.encours, with exactly the contract methods plus `on`', () => {
    expect([...bridge.exposed.keys()]).toEqual(['encours']);
    expect(Object.keys(api).sort()).toEqual([...IPC_METHODS, 'on'].sort());
    expect(Object.keys(api.on)).toEqual(['navigate']);
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipcRenderer|invoke|send/);
  });

  it.each(IPC_METHODS)('%s invokes its own channel with its argument', async (method) => {
    bridge.invoke.mockReset();
    bridge.invoke.mockResolvedValue({ ok: false, error: { code: 'not-allowed', message: 'test' } });
    // The preload forwards the argument untouched (main validates it).
    await callWithSample(method);
    expect(bridge.invoke).toHaveBeenCalledExactlyOnceWith(channelOf(method), SAMPLE_ARGS[method]);
  });

  it('passes a valid answer through, and turns a malformed one into an internal error', async () => {
    bridge.invoke.mockResolvedValueOnce({ ok: true, data: DEFAULT_SETTINGS });
    expect(await api.getSettings()).toEqual({ ok: true, data: DEFAULT_SETTINGS });
    bridge.invoke.mockResolvedValueOnce({ ok: true, data: { language: 'klingon' } });
    expect(await api.getSettings()).toMatchObject({ ok: false, error: { code: 'internal' } });
    bridge.invoke.mockResolvedValueOnce('garbage');
    expect(await api.getSettings()).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('on.navigate delivers valid payloads only, and unsubscribes', () => {
    const seen: unknown[] = [];
    const unsubscribe = api.on.navigate((payload) => seen.push(payload.path));
    const emit = (payload: unknown): void => {
      for (const listener of bridge.listeners.get('encours:navigate') ?? []) listener({}, payload);
    };
    emit({ path: '/claims' });
    emit({ path: 'https://evil.example/' });
    emit('nope');
    unsubscribe();
    emit({ path: '/limits' });
    expect(seen).toEqual(['/claims']);
  });
});
