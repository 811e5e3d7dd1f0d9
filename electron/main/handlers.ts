/**
 * The implementations behind the IPC contract. Everything Electron-specific is passed in (`HandlerDeps`), so
 * the handlers are tested with plain fakes and real temporary files. Failures the user can act on are
 * answered as coded errors (`file-too-large`, `not-allowed`, `io-error`); anything else throws and
 * ipc.ts turns it into `internal`.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type {
  NotificationConstructorOptions,
  OpenDialogOptions,
  PrintToPDFOptions,
  SaveDialogOptions,
} from 'electron';
import { fail, MAX_IPC_FILE_BYTES, ok, type Settings } from '../../shared/ipc/contract';
import { writeFileAtomically } from './atomic-write';
import { listAutoBackups, readAutoBackup, writeAutoBackup } from './auto-backup';
import { openExternalSafely, type ExternalOpener } from './external-links';
import type { IpcHandlers } from './ipc';
import type { SettingsStore } from './settings';
import type { SyncSecretStore } from './sync-secrets';

export type HandlerDeps = {
  readonly settings: Pick<SettingsStore, 'getSettings' | 'setSettings'>;
  /** Called after a successful settings change (main rebuilds the menu when the language changes). */
  readonly onSettingsChanged: (settings: Settings) => void;
  readonly app: {
    getName(): string;
    getVersion(): string;
    getPath(name: 'userData' | 'documents'): string;
  };
  readonly versions: Readonly<Record<string, string | undefined>>;
  readonly dialogs: {
    showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
    showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  };
  readonly shell: ExternalOpener;
  readonly Notification: { isSupported(): boolean } & (new (options: NotificationConstructorOptions) => {
    show(): void;
  });
  /** The team-sync connections, encrypted with safeStorage (sync-secrets.ts). */
  readonly syncSecrets: SyncSecretStore;
  /**
   * The page that asks for a PDF (the main window's webContents), or null when there is no window. Its
   * `printToPDF` renders the print media: only the document in `#print-root` (print-document.css).
   */
  readonly printableContents: () => { printToPDF(options: PrintToPDFOptions): Promise<Uint8Array> } | null;
  /** The clock for automatic backup names; the system clock when absent (tests pass a fixed one). */
  readonly now?: () => Date;
};

/** Automatic backups live beside the profile, outside IndexedDB (see auto-backup.ts). */
export function autoBackupRoot(userData: string): string {
  return path.join(userData, 'backups');
}

/** A4 like the print stylesheet's `@page`; backgrounds kept (table rules, shaded cells). */
export const PDF_OPTIONS: PrintToPDFOptions = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
};

const PDF_FILTERS = [{ name: 'PDF', extensions: ['pdf'] }];

/** The suggested name with a `.pdf` extension, whatever the caller sent. */
function pdfFileName(name: string): string {
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`;
}

/** The runtime versions shown on the Paramètres page. */
const REPORTED_VERSIONS = ['electron', 'chrome', 'node', 'v8'] as const;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function ioMessage(error: unknown): string {
  // Only the error code (ENOENT, EACCES…): the message may contain paths the renderer has no need for.
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown';
  return `File system error (${code})`;
}

export function createHandlers(deps: HandlerDeps): IpcHandlers {
  return {
    getSettings: () => Promise.resolve(ok(deps.settings.getSettings())),

    setSettings: (patch) => {
      const next = deps.settings.setSettings(patch);
      deps.onSettingsChanged(next);
      return Promise.resolve(ok(next));
    },

    getAppInfo: () => {
      const versions: Record<string, string> = {};
      for (const name of REPORTED_VERSIONS) {
        const version = deps.versions[name];
        if (version !== undefined) versions[name] = version;
      }
      return Promise.resolve(
        ok({
          name: deps.app.getName(),
          version: deps.app.getVersion(),
          platform: 'electron',
          dataLocation: deps.app.getPath('userData'),
          versions,
        }),
      );
    },

    openFile: async (args) => {
      const choice = await deps.dialogs.showOpenDialog({
        properties: ['openFile'],
        ...(args.title !== undefined ? { title: args.title } : {}),
        ...(args.filters !== undefined ? { filters: args.filters } : {}),
      });
      const filePath = choice.filePaths[0];
      if (choice.canceled || filePath === undefined) return ok(null);
      try {
        const { size } = await stat(filePath);
        if (size > MAX_IPC_FILE_BYTES) return fail('file-too-large', `${size} bytes > ${MAX_IPC_FILE_BYTES}`);
        const bytes = await readFile(filePath);
        // The file may have grown between stat and read.
        if (bytes.byteLength > MAX_IPC_FILE_BYTES) {
          return fail('file-too-large', `${bytes.byteLength} bytes > ${MAX_IPC_FILE_BYTES}`);
        }
        return ok({
          name: path.basename(filePath),
          size: bytes.byteLength,
          base64: bytes.toString('base64'),
        });
      } catch (error) {
        return fail('io-error', ioMessage(error));
      }
    },

    saveFile: async (args) => {
      if (!BASE64.test(args.base64) || args.base64.length % 4 !== 0) {
        return fail('invalid-arguments', 'base64: not valid base64');
      }
      const bytes = Buffer.from(args.base64, 'base64');
      if (bytes.byteLength > MAX_IPC_FILE_BYTES) {
        return fail('file-too-large', `${bytes.byteLength} bytes > ${MAX_IPC_FILE_BYTES}`);
      }
      const choice = await deps.dialogs.showSaveDialog({
        defaultPath: path.join(deps.app.getPath('documents'), args.suggestedName),
        ...(args.filters !== undefined ? { filters: args.filters } : {}),
      });
      if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return ok(null);
      try {
        await writeFileAtomically(choice.filePath, bytes);
      } catch (error) {
        return fail('io-error', ioMessage(error));
      }
      return ok({ savedAs: choice.filePath });
    },

    openExternal: async ({ url }) =>
      (await openExternalSafely(url, deps.shell))
        ? ok({ opened: true })
        : fail('not-allowed', 'Only https links to the allowed sites can be opened'),

    showNotification: ({ title, body }) => {
      if (!deps.Notification.isSupported()) return Promise.resolve(ok({ shown: false }));
      new deps.Notification({ title, body }).show();
      return Promise.resolve(ok({ shown: true }));
    },

    writeAutoBackup: async ({ workspaceId, base64 }) => {
      if (!BASE64.test(base64) || base64.length % 4 !== 0) {
        return fail('invalid-arguments', 'base64: not valid base64');
      }
      const bytes = Buffer.from(base64, 'base64');
      if (bytes.byteLength === 0) return fail('invalid-arguments', 'base64: empty backup');
      const root = autoBackupRoot(deps.app.getPath('userData'));
      const now = deps.now?.() ?? new Date();
      try {
        return ok(
          await writeAutoBackup(root, workspaceId, bytes, now, deps.settings.getSettings().backupKeepCount),
        );
      } catch (error) {
        return fail('io-error', ioMessage(error));
      }
    },

    listAutoBackups: async ({ workspaceId }) => {
      try {
        return ok(await listAutoBackups(autoBackupRoot(deps.app.getPath('userData')), workspaceId));
      } catch (error) {
        return fail('io-error', ioMessage(error));
      }
    },

    readAutoBackup: async ({ workspaceId, file }) => {
      let bytes: Uint8Array | null;
      try {
        bytes = await readAutoBackup(autoBackupRoot(deps.app.getPath('userData')), workspaceId, file);
      } catch (error) {
        return fail('io-error', ioMessage(error));
      }
      if (bytes === null) return fail('not-allowed', `${file}: not an automatic backup of this workspace`);
      if (bytes.byteLength > MAX_IPC_FILE_BYTES) {
        return fail('file-too-large', `${bytes.byteLength} bytes > ${MAX_IPC_FILE_BYTES}`);
      }
      return ok({ base64: Buffer.from(bytes).toString('base64') });
    },

    getSyncConnection: async ({ workspaceId }) => {
      try {
        return ok(await deps.syncSecrets.get(workspaceId));
      } catch (error) {
        return fail('io-error', ioMessage(error));
      }
    },

    saveSyncConnection: async ({ workspaceId, ...connection }) => {
      let saved: boolean;
      try {
        saved = await deps.syncSecrets.save(workspaceId, connection);
      } catch (error) {
        return fail('io-error', ioMessage(error));
      }
      return saved
        ? ok({ persists: true })
        : fail('encryption-unavailable', 'No encryption backend: the token was not stored');
    },

    forgetSyncConnection: async ({ workspaceId }) => {
      try {
        return ok({ forgotten: await deps.syncSecrets.forget(workspaceId) });
      } catch (error) {
        return fail('io-error', ioMessage(error));
      }
    },

    getSecretStorageInfo: () => Promise.resolve(ok(deps.syncSecrets.info())),

    printToPdf: async ({ suggestedName }) => {
      const contents = deps.printableContents();
      if (contents === null) return fail('not-allowed', 'No window to print');
      // Printed before the dialog opens: the page shows the document now, whatever happens while the
      // user chooses a folder.
      const bytes = await contents.printToPDF(PDF_OPTIONS);
      if (bytes.byteLength > MAX_IPC_FILE_BYTES) {
        return fail('file-too-large', `${bytes.byteLength} bytes > ${MAX_IPC_FILE_BYTES}`);
      }
      const choice = await deps.dialogs.showSaveDialog({
        defaultPath: path.join(deps.app.getPath('documents'), pdfFileName(suggestedName)),
        filters: PDF_FILTERS,
      });
      if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return ok(null);
      try {
        await writeFileAtomically(choice.filePath, bytes);
      } catch (error) {
        return fail('io-error', ioMessage(error));
      }
      return ok({ kind: 'saved', savedAs: choice.filePath });
    },
  };
}
