/**
 * Builds `window.encours` from the IPC contract: one method per channel, each invoking its own channel, and
 * `on.<event>` subscriptions for main → renderer events. Nothing else crosses the bridge (never
 * `ipcRenderer` itself). Answers from main and event payloads are parsed with the contract's schemas
 * before the page sees them, so the page's types are true at run time too.
 */
import { z } from 'zod';
import {
  channelOf,
  eventChannelOf,
  fail,
  ipcContract,
  ipcErrorCodeSchema,
  ipcEvents,
  type EncoursApi,
  type EncoursEvents,
  type IpcArgs,
  type IpcData,
  type IpcEvent,
  type IpcEventPayload,
  type IpcMethod,
  type IpcResult,
} from '../../shared/ipc/contract';

/** The part of `ipcRenderer` the preload uses. */
export type PreloadIpc = {
  invoke(channel: string, args: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
};

/** What the preload needs of a zod schema; taking it structurally keeps the method types concrete. */
type Parser<T> = {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
};

const envelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: ipcErrorCodeSchema, message: z.string() }) }),
]);

function invoker<M extends IpcMethod>(
  ipc: PreloadIpc,
  method: M,
  resultSchema: Parser<IpcData<M>>,
): (args: IpcArgs<M>) => Promise<IpcResult<IpcData<M>>> {
  return async (args) => {
    const envelope = envelopeSchema.safeParse(await ipc.invoke(channelOf(method), args));
    if (!envelope.success) return fail('internal', `${method}: malformed answer from the main process`);
    if (!envelope.data.ok) return envelope.data;
    const data = resultSchema.safeParse(envelope.data.data);
    return data.success
      ? { ok: true, data: data.data }
      : fail('internal', `${method}: answer outside the contract`);
  };
}

function subscriber<E extends IpcEvent>(
  ipc: PreloadIpc,
  event: E,
  schema: Parser<IpcEventPayload<E>>,
): (callback: (payload: IpcEventPayload<E>) => void) => () => void {
  return (callback) => {
    const listener = (_event: unknown, payload: unknown): void => {
      const parsed = schema.safeParse(payload);
      if (parsed.success) callback(parsed.data);
    };
    ipc.on(eventChannelOf(event), listener);
    return () => {
      ipc.removeListener(eventChannelOf(event), listener);
    };
  };
}

export type ExposedApi = EncoursApi & EncoursEvents;

export function buildEncoursApi(ipc: PreloadIpc): ExposedApi {
  return {
    getSettings: invoker(ipc, 'getSettings', ipcContract.getSettings.result),
    setSettings: invoker(ipc, 'setSettings', ipcContract.setSettings.result),
    getAppInfo: invoker(ipc, 'getAppInfo', ipcContract.getAppInfo.result),
    openFile: invoker(ipc, 'openFile', ipcContract.openFile.result),
    saveFile: invoker(ipc, 'saveFile', ipcContract.saveFile.result),
    openExternal: invoker(ipc, 'openExternal', ipcContract.openExternal.result),
    showNotification: invoker(ipc, 'showNotification', ipcContract.showNotification.result),
    writeAutoBackup: invoker(ipc, 'writeAutoBackup', ipcContract.writeAutoBackup.result),
    listAutoBackups: invoker(ipc, 'listAutoBackups', ipcContract.listAutoBackups.result),
    readAutoBackup: invoker(ipc, 'readAutoBackup', ipcContract.readAutoBackup.result),
    getSyncConnection: invoker(ipc, 'getSyncConnection', ipcContract.getSyncConnection.result),
    saveSyncConnection: invoker(ipc, 'saveSyncConnection', ipcContract.saveSyncConnection.result),
    forgetSyncConnection: invoker(ipc, 'forgetSyncConnection', ipcContract.forgetSyncConnection.result),
    getSecretStorageInfo: invoker(ipc, 'getSecretStorageInfo', ipcContract.getSecretStorageInfo.result),
    printToPdf: invoker(ipc, 'printToPdf', ipcContract.printToPdf.result),
    on: {
      navigate: subscriber(ipc, 'navigate', ipcEvents.navigate),
    },
  } satisfies ExposedApi;
}
