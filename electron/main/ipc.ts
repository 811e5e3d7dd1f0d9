/**
 * Registers one `ipcMain.handle` per method of the contract. For every call, in this order:
 * 1. the sender must pass `isTrustedSender` (our main frame, our origin) → else `untrusted-sender`;
 * 2. the argument is parsed with the method's zod schema → else `invalid-arguments` with the issue paths;
 * 3. the handler runs; a thrown error becomes `internal` with a fixed message (never the stack or the
 *    error's own text, which could carry paths or data);
 * 4. a successful answer is parsed with the result schema, so main can never send what the contract
 *    does not describe.
 * The `IpcHandlers` mapped type makes a missing handler a compile error.
 */
import type { z } from 'zod';
import {
  channelOf,
  fail,
  IPC_METHODS,
  ipcContract,
  ok,
  type IpcData,
  type IpcMethod,
  type IpcResult,
} from '../../shared/ipc/contract';
import type { IpcSenderEvent, SenderCheck } from './security';

/** What a handler receives: the argument after zod parsing. */
export type IpcParsedArgs<M extends IpcMethod> = z.output<(typeof ipcContract)[M]['args']>;

export type IpcHandlers = {
  readonly [M in IpcMethod]: (args: IpcParsedArgs<M>) => Promise<IpcResult<IpcData<M>>>;
};

/** The part of `ipcMain` used here (a structural type, so tests can pass a fake). */
export type IpcListener = (event: IpcSenderEvent, args: unknown) => Promise<IpcResult<unknown>>;

export type IpcRegistrar = {
  handle(channel: string, listener: IpcListener): void;
};

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map(
      (issue) =>
        `${issue.path.length > 0 ? issue.path.map(String).join('.') : '(argument)'}: ${issue.message}`,
    )
    .join('; ');
}

function guarded<A extends z.ZodType, R extends z.ZodType>(
  method: IpcMethod,
  schemas: { readonly args: A; readonly result: R },
  handler: (args: z.output<A>) => Promise<IpcResult<z.output<R>>>,
  isTrustedSender: SenderCheck,
): IpcListener {
  return async (event, raw) => {
    if (!isTrustedSender(event))
      return fail('untrusted-sender', `${method}: the sender is not the app's page`);
    const parsed = schemas.args.safeParse(raw);
    if (!parsed.success) return fail('invalid-arguments', describeIssues(parsed.error));
    let answer: IpcResult<z.output<R>>;
    try {
      answer = await handler(parsed.data);
    } catch (error) {
      console.error(`[ipc] ${method} failed`, error);
      return fail('internal', `${method}: unexpected error`);
    }
    if (!answer.ok) return answer;
    const checked = schemas.result.safeParse(answer.data);
    if (!checked.success) {
      console.error(`[ipc] ${method} answered outside the contract`, describeIssues(checked.error));
      return fail('internal', `${method}: invalid answer`);
    }
    return ok(checked.data);
  };
}

export function registerIpcHandlers(
  ipcMain: IpcRegistrar,
  handlers: IpcHandlers,
  isTrustedSender: SenderCheck,
): void {
  // Spelled out per method so each schema and handler pair is checked with concrete types; the mapped
  // type makes a method added to the contract a compile error here until it is wired.
  const listeners: { readonly [M in IpcMethod]: IpcListener } = {
    getSettings: guarded('getSettings', ipcContract.getSettings, handlers.getSettings, isTrustedSender),
    setSettings: guarded('setSettings', ipcContract.setSettings, handlers.setSettings, isTrustedSender),
    getAppInfo: guarded('getAppInfo', ipcContract.getAppInfo, handlers.getAppInfo, isTrustedSender),
    openFile: guarded('openFile', ipcContract.openFile, handlers.openFile, isTrustedSender),
    saveFile: guarded('saveFile', ipcContract.saveFile, handlers.saveFile, isTrustedSender),
    openExternal: guarded('openExternal', ipcContract.openExternal, handlers.openExternal, isTrustedSender),
    showNotification: guarded(
      'showNotification',
      ipcContract.showNotification,
      handlers.showNotification,
      isTrustedSender,
    ),
    writeAutoBackup: guarded(
      'writeAutoBackup',
      ipcContract.writeAutoBackup,
      handlers.writeAutoBackup,
      isTrustedSender,
    ),
    listAutoBackups: guarded(
      'listAutoBackups',
      ipcContract.listAutoBackups,
      handlers.listAutoBackups,
      isTrustedSender,
    ),
    readAutoBackup: guarded(
      'readAutoBackup',
      ipcContract.readAutoBackup,
      handlers.readAutoBackup,
      isTrustedSender,
    ),
    getSyncConnection: guarded(
      'getSyncConnection',
      ipcContract.getSyncConnection,
      handlers.getSyncConnection,
      isTrustedSender,
    ),
    saveSyncConnection: guarded(
      'saveSyncConnection',
      ipcContract.saveSyncConnection,
      handlers.saveSyncConnection,
      isTrustedSender,
    ),
    forgetSyncConnection: guarded(
      'forgetSyncConnection',
      ipcContract.forgetSyncConnection,
      handlers.forgetSyncConnection,
      isTrustedSender,
    ),
    getSecretStorageInfo: guarded(
      'getSecretStorageInfo',
      ipcContract.getSecretStorageInfo,
      handlers.getSecretStorageInfo,
      isTrustedSender,
    ),
    printToPdf: guarded('printToPdf', ipcContract.printToPdf, handlers.printToPdf, isTrustedSender),
  };
  for (const method of IPC_METHODS) {
    ipcMain.handle(channelOf(method), listeners[method]);
  }
}
