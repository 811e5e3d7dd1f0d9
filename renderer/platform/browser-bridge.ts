/**
 * Browser mode: the `EncoursApi` contract implemented with web APIs, for the broker's web demo and for the
 * end-to-end tests on machines without an Electron binary.
 *
 * Same contract, same validation: arguments are parsed with the contract's zod schemas and every answer is an
 * `IpcResult`, so screens behave identically in both modes. Settings live in localStorage; files are chosen
 * with a file input and saved as downloads; a PDF is made through the print dialog. A team-sync connection (it holds a device token) lives in
 * sessionStorage only: never in localStorage or IndexedDB, and forgotten when the tab closes.
 */
import type { z } from 'zod';
import {
  DEFAULT_SETTINGS,
  MAX_IPC_FILE_BYTES,
  fail,
  ipcContract,
  ok,
  settingsSchema,
  syncConnectionSchema,
  type EncoursApi,
  type EncoursEvents,
  type IpcResult,
  type Settings,
} from '../../shared/ipc/contract';
import { base64ToBytes, bytesToBase64 } from './base64';

export const SETTINGS_STORAGE_KEY = 'encours.settings';

/** sessionStorage key of a workspace's sync connection. */
export function syncConnectionKey(workspaceId: string): string {
  return `encours.sync.${workspaceId}`;
}

declare const __APP_VERSION__: string;

/** Runs `impl` on arguments parsed by the contract; invalid arguments and exceptions become error results. */
function handler<A extends z.ZodType, R extends z.ZodType>(
  channel: { readonly args: A; readonly result: R },
  impl: (args: z.output<A>) => Promise<IpcResult<z.output<R>>>,
): (args: unknown) => Promise<IpcResult<z.output<R>>> {
  return async (args: unknown) => {
    const parsed = channel.args.safeParse(args);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail('invalid-arguments', `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
    }
    try {
      return await impl(parsed.data);
    } catch (error) {
      return fail('internal', error instanceof Error ? error.message : String(error));
    }
  };
}

export function readStoredSettings(storage: Storage): Settings {
  const raw = storage.getItem(SETTINGS_STORAGE_KEY);
  if (raw === null) return DEFAULT_SETTINGS;
  try {
    // Unknown or corrupt values fall back to the default one by one, so one bad key loses nothing else.
    const stored: unknown = JSON.parse(raw);
    const merged = { ...DEFAULT_SETTINGS, ...(typeof stored === 'object' && stored !== null ? stored : {}) };
    const parsed = settingsSchema.safeParse(merged);
    if (parsed.success) return parsed.data;
    const repaired: Record<string, unknown> = { ...merged };
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if (typeof key === 'string' && key in DEFAULT_SETTINGS) {
        repaired[key] = DEFAULT_SETTINGS[key as keyof Settings];
      }
    }
    return settingsSchema.catch(DEFAULT_SETTINGS).parse(repaired);
  } catch {
    return DEFAULT_SETTINGS;
  }
}

function autoBackupsNotSupported(): IpcResult<never> {
  return fail('not-supported', 'Automatic backups exist only in the desktop app; use export instead');
}

function pickFile(win: Window, accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = win.document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    win.document.body.append(input);
    input.click();
  });
}

export function createBrowserBridge(win: Window): EncoursApi & EncoursEvents {
  const storage = win.localStorage;
  return {
    getSettings: handler(ipcContract.getSettings, () => Promise.resolve(ok(readStoredSettings(storage)))),
    setSettings: handler(ipcContract.setSettings, (patch) => {
      const next = settingsSchema.parse({ ...readStoredSettings(storage), ...patch });
      storage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(next));
      return Promise.resolve(ok(next));
    }),
    getAppInfo: handler(ipcContract.getAppInfo, () =>
      Promise.resolve(
        ok({
          name: 'Encours',
          version: __APP_VERSION__,
          platform: 'browser' as const,
          dataLocation: `IndexedDB — ${win.location.origin}`,
          versions: { navigator: win.navigator.userAgent },
        }),
      ),
    ),
    openFile: handler(ipcContract.openFile, async (args) => {
      const accept = (args.filters ?? []).flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
      const file = await pickFile(win, accept);
      if (file === null) return ok(null);
      if (file.size > MAX_IPC_FILE_BYTES) return fail('file-too-large', `${file.name}: ${file.size} bytes`);
      const bytes = new Uint8Array(await file.arrayBuffer());
      return ok({ name: file.name, size: file.size, base64: bytesToBase64(bytes) });
    }),
    saveFile: handler(ipcContract.saveFile, (args) => {
      const blob = new Blob([base64ToBytes(args.base64)], { type: args.mimeType });
      const url = URL.createObjectURL(blob);
      const link = win.document.createElement('a');
      link.href = url;
      link.download = args.suggestedName;
      win.document.body.append(link);
      link.click();
      link.remove();
      // Revoke later: the download reads the blob after the click returns.
      win.setTimeout(() => {
        URL.revokeObjectURL(url);
      }, 60_000);
      return Promise.resolve(ok({ savedAs: args.suggestedName }));
    }),
    openExternal: handler(ipcContract.openExternal, (args) => {
      const opened = win.open(args.url, '_blank', 'noopener,noreferrer');
      return Promise.resolve(ok({ opened: opened !== null }));
    }),
    showNotification: handler(ipcContract.showNotification, async (args) => {
      if (typeof Notification === 'undefined') return ok({ shown: false });
      const permission =
        Notification.permission === 'default'
          ? await Notification.requestPermission()
          : Notification.permission;
      if (permission !== 'granted') return ok({ shown: false });
      new Notification(args.title, { body: args.body });
      return ok({ shown: true });
    }),
    // Automatic backups need a folder outside the browser's storage: browser mode offers manual
    // export/import only (saveFile/openFile), and says so with a code the UI can word.
    writeAutoBackup: handler(ipcContract.writeAutoBackup, () => Promise.resolve(autoBackupsNotSupported())),
    listAutoBackups: handler(ipcContract.listAutoBackups, () => Promise.resolve(autoBackupsNotSupported())),
    readAutoBackup: handler(ipcContract.readAutoBackup, () => Promise.resolve(autoBackupsNotSupported())),
    getSyncConnection: handler(ipcContract.getSyncConnection, ({ workspaceId }) => {
      const raw = win.sessionStorage.getItem(syncConnectionKey(workspaceId));
      if (raw === null) return Promise.resolve(ok(null));
      let stored: unknown;
      try {
        stored = JSON.parse(raw);
      } catch {
        return Promise.resolve(ok(null));
      }
      const parsed = syncConnectionSchema.safeParse(stored);
      return Promise.resolve(ok(parsed.success ? parsed.data : null));
    }),
    saveSyncConnection: handler(ipcContract.saveSyncConnection, ({ workspaceId, ...connection }) => {
      win.sessionStorage.setItem(syncConnectionKey(workspaceId), JSON.stringify(connection));
      return Promise.resolve(ok({ persists: false }));
    }),
    forgetSyncConnection: handler(ipcContract.forgetSyncConnection, ({ workspaceId }) => {
      const key = syncConnectionKey(workspaceId);
      const forgotten = win.sessionStorage.getItem(key) !== null;
      win.sessionStorage.removeItem(key);
      return Promise.resolve(ok({ forgotten }));
    }),
    getSecretStorageInfo: handler(ipcContract.getSecretStorageInfo, () =>
      Promise.resolve(ok({ backend: 'session', isEncrypted: false, persists: false })),
    ),
    // No file system here: the browser's print dialog offers « Enregistrer au format PDF » itself. The page
    // shows only `#print-root` under print media (print-document.css), so the dialog prints the document.
    printToPdf: handler(ipcContract.printToPdf, () => {
      win.print();
      return Promise.resolve(ok({ kind: 'print-dialog' as const }));
    }),
    // The desktop menu is the only source of navigation events; a page has none.
    on: { navigate: () => () => undefined },
  } satisfies EncoursApi & EncoursEvents;
}
