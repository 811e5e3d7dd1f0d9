/**
 * The renderer ↔ main contract: every channel, with zod schemas for its arguments and its result.
 *
 * Main registers one handler per entry (checking the sender and parsing the arguments), the preload exposes
 * exactly these methods as `window.encours`, and browser mode implements the same `EncoursApi` with web APIs.
 * Nothing is declared twice: the TypeScript types below are inferred from the schemas.
 */
import { z } from 'zod';

export const LANGUAGES = ['fr', 'en'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

export const colorSchemeSchema = z.enum(['light', 'dark', 'auto']);

/** User settings kept by the main process (electron-store) or, in browser mode, localStorage. */
export const settingsSchema = z.object({
  language: languageSchema,
  colorScheme: colorSchemeSchema,
  /** Exposure ÷ limit ratio (percent) from which a buyer is flagged as near its limit. */
  nearLimitAlertPercent: z.number().int().min(50).max(99),
  /** Days before a declaration deadline from which it is flagged as coming. */
  deadlineWarningDays: z.number().int().min(1).max(60),
  /** Automatic backups kept by the main process. */
  backupKeepCount: z.number().int().min(1).max(100),
  /**
   * Presentation mode (a broker's demo on a projector): larger type. Optional so that a settings file written
   * before it existed still validates (a required field would make electron-store wipe the whole file).
   */
  presentationMode: z.boolean().optional(),
  /** In presentation mode, buyer names are replaced by stable pseudonyms (« Client A12 »). */
  maskBuyerNames: z.boolean().optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'fr',
  colorScheme: 'light',
  nearLimitAlertPercent: 80,
  deadlineWarningDays: 15,
  backupKeepCount: 24,
  presentationMode: false,
  maskBuyerNames: false,
};

export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.enum(['electron', 'browser']),
  /** Where the data lives, said in words for the Paramètres page (a folder, or "this browser"). */
  dataLocation: z.string(),
  /** Electron / Chromium / Node versions when known. */
  versions: z.record(z.string(), z.string()),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

const fileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    // Letters, digits and inner hyphens, as in `encours-backup`; never a dot or a path.
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,19}$/i))
    .min(1)
    .max(20),
});

export const openFileArgsSchema = z
  .object({
    title: z.string().max(200).optional(),
    filters: z.array(fileFilterSchema).max(10).optional(),
  })
  .strict();

/** A file the user chose. Bytes travel as base64 so the same shape works over IPC and in the browser. */
export const openedFileSchema = z.object({
  name: z.string(),
  size: z.number().int().nonnegative(),
  base64: z.string(),
});
export type OpenedFile = z.infer<typeof openedFileSchema>;

/** Opening a file returns the file, or null when the user cancelled. */
export const openFileResultSchema = openedFileSchema.nullable();

/** Files larger than this are refused by the open/save channels (the import worker reads big files itself). */
export const MAX_IPC_FILE_BYTES = 64 * 1024 * 1024;

export const saveFileArgsSchema = z
  .object({
    suggestedName: z
      .string()
      .min(1)
      .max(200)
      .refine((n) => !/[\\/]/.test(n), 'A file name, not a path'),
    mimeType: z.string().max(100),
    base64: z.string().max(Math.ceil(MAX_IPC_FILE_BYTES / 3) * 4),
    filters: z.array(fileFilterSchema).max(10).optional(),
  })
  .strict();

/** Saving returns where the file went (a path, or the download name), or null when cancelled. */
export const saveFileResultSchema = z.object({ savedAs: z.string() }).nullable();

export const openExternalArgsSchema = z.object({ url: z.url({ protocol: /^https$/ }) }).strict();

export const notificationArgsSchema = z
  .object({
    title: z.string().min(1).max(200),
    body: z.string().max(1000),
  })
  .strict();

/**
 * Rolling automatic backups (Electron only; browser mode answers `not-supported`). The renderer hands main a
 * snapshot made by `exportWorkspace`; main keeps it under `<userData>/backups/<workspaceId>/`. Ids and file
 * names are restricted to safe characters so neither can name a path outside that folder.
 */
export const workspaceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - only');
export const AUTO_BACKUP_KINDS = ['hourly', 'daily'] as const;
export const autoBackupFileSchema = z
  .string()
  .regex(/^(hourly-\d{8}-\d{2}|daily-\d{8})\.encours-backup$/, 'an automatic backup file name');

export const writeAutoBackupArgsSchema = z
  .object({ workspaceId: workspaceIdSchema, base64: z.string().max(Math.ceil(MAX_IPC_FILE_BYTES / 3) * 4) })
  .strict();
export const writeAutoBackupResultSchema = z.object({
  path: z.string(),
  /** Automatic backups of this workspace left after rotation (both kinds). */
  kept: z.number().int().nonnegative(),
});
export const listAutoBackupsArgsSchema = z.object({ workspaceId: workspaceIdSchema }).strict();
export const autoBackupEntrySchema = z.object({
  file: autoBackupFileSchema,
  kind: z.enum(AUTO_BACKUP_KINDS),
  /** The period the file stands for (UTC hour or day), as an ISO timestamp. */
  createdAt: z.string(),
  size: z.number().int().nonnegative(),
});
export type AutoBackupEntry = z.infer<typeof autoBackupEntrySchema>;
export const readAutoBackupArgsSchema = z
  .object({ workspaceId: workspaceIdSchema, file: autoBackupFileSchema })
  .strict();

/**
 * The team-sync connection of one local workspace (architecture §3): the device token is a credential, so
 * main keeps it encrypted with safeStorage under userData (never in IndexedDB or localStorage); browser mode
 * keeps it in sessionStorage only, for the life of the tab. `remoteWorkspaceId` is the server's id of the
 * workspace, which differs from the local database's id.
 */
export const syncServerUrlSchema = z.url({ protocol: /^https?$/ }).max(500);
export const syncConnectionSchema = z
  .object({
    serverUrl: syncServerUrlSchema,
    remoteWorkspaceId: z.string().min(1).max(200),
    token: z.string().min(1).max(1000),
    deviceId: z.string().min(1).max(200).optional(),
    deviceName: z.string().min(1).max(200).optional(),
    /** ISO timestamp of the connection (display only). */
    connectedAt: z.string().max(40).optional(),
  })
  .strict();
export type SyncConnection = z.infer<typeof syncConnectionSchema>;
export const syncConnectionArgsSchema = z.object({ workspaceId: workspaceIdSchema }).strict();
export const saveSyncConnectionArgsSchema = syncConnectionSchema
  .extend({ workspaceId: workspaceIdSchema })
  .strict();

/** Where secrets are kept, for the Paramètres page: `basic_text` (Linux without a keyring) is weak. */
export const secretStorageInfoSchema = z.object({
  /** safeStorage's backend (`gnome_libsecret`, `kwallet5`, `basic_text`…, `keychain`, `dpapi`) or `session`. */
  backend: z.string().max(100),
  /** False when the secret is stored readable by anyone who can read the file (`basic_text`, browser). */
  isEncrypted: z.boolean(),
  /** False in browser mode: the connection is forgotten when the tab closes. */
  persists: z.boolean(),
});
export type SecretStorageInfo = z.infer<typeof secretStorageInfoSchema>;

/**
 * Printing the document mounted in `#print-root` to PDF. Desktop: main prints the window under print media
 * (A4) and asks where to save it: `saved` with the path, or null when the user cancelled the save dialog.
 * Browser mode has no file system: it opens the print dialog (« Enregistrer au format PDF ») and says so.
 */
export const printToPdfArgsSchema = z
  .object({
    suggestedName: z
      .string()
      .min(1)
      .max(200)
      .refine((n) => !/[\\/]/.test(n), 'A file name, not a path'),
  })
  .strict();
export const printToPdfResultSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('saved'), savedAs: z.string() }),
    z.object({ kind: z.literal('print-dialog') }),
  ])
  .nullable();
export type PrintToPdfResult = z.infer<typeof printToPdfResultSchema>;

/**
 * The channels. The key is the method name on `window.encours`; the IPC channel is `encours:<key>`.
 * `args` is the schema of the single argument (z.void() when there is none).
 */
export const ipcContract = {
  getSettings: { args: z.void(), result: settingsSchema },
  setSettings: { args: settingsPatchSchema, result: settingsSchema },
  getAppInfo: { args: z.void(), result: appInfoSchema },
  openFile: { args: openFileArgsSchema, result: openFileResultSchema },
  saveFile: { args: saveFileArgsSchema, result: saveFileResultSchema },
  openExternal: { args: openExternalArgsSchema, result: z.object({ opened: z.boolean() }) },
  showNotification: { args: notificationArgsSchema, result: z.object({ shown: z.boolean() }) },
  writeAutoBackup: { args: writeAutoBackupArgsSchema, result: writeAutoBackupResultSchema },
  listAutoBackups: { args: listAutoBackupsArgsSchema, result: z.array(autoBackupEntrySchema) },
  readAutoBackup: { args: readAutoBackupArgsSchema, result: z.object({ base64: z.string() }) },
  getSyncConnection: { args: syncConnectionArgsSchema, result: syncConnectionSchema.nullable() },
  saveSyncConnection: { args: saveSyncConnectionArgsSchema, result: z.object({ persists: z.boolean() }) },
  forgetSyncConnection: { args: syncConnectionArgsSchema, result: z.object({ forgotten: z.boolean() }) },
  getSecretStorageInfo: { args: z.void(), result: secretStorageInfoSchema },
  printToPdf: { args: printToPdfArgsSchema, result: printToPdfResultSchema },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;

export type IpcMethod = keyof typeof ipcContract;
export const IPC_METHODS = Object.keys(ipcContract) as readonly IpcMethod[];

export function channelOf(method: IpcMethod): `encours:${IpcMethod}` {
  return `encours:${method}`;
}

/** Error codes a handler can answer with; the UI words them by `switch`, never by message text. */
export const ipcErrorCodeSchema = z.enum([
  'invalid-arguments',
  'untrusted-sender',
  'not-allowed',
  'file-too-large',
  'io-error',
  'internal',
  /** The channel exists only in the desktop app (browser mode: automatic backups). */
  'not-supported',
  /** The operating system offers no way to encrypt a secret (safeStorage unavailable): nothing was stored. */
  'encryption-unavailable',
]);
export type IpcErrorCode = z.infer<typeof ipcErrorCodeSchema>;

export type IpcError = { readonly code: IpcErrorCode; readonly message: string };
export type IpcResult<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: IpcError };

export type IpcArgs<M extends IpcMethod> = z.input<(typeof ipcContract)[M]['args']>;
export type IpcData<M extends IpcMethod> = z.output<(typeof ipcContract)[M]['result']>;

/** What `window.encours` is, in Electron (preload) and in browser mode alike. */
export type EncoursApi = {
  readonly [M in IpcMethod]: (args: IpcArgs<M>) => Promise<IpcResult<IpcData<M>>>;
};

export function ok<T>(data: T): IpcResult<T> {
  return { ok: true, data };
}

export function fail(code: IpcErrorCode, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

/**
 * One-way events from main to the renderer (today: the "Aller à" menu). Each event has its own channel
 * `encours:<key>` and a payload schema; the preload parses every payload before handing it on.
 */
export const NAVIGATION_PATHS = [
  '/',
  '/buyers',
  '/invoices',
  '/limits',
  '/can-ship',
  '/claims',
  '/premium',
  '/import',
  '/settings',
  '/conflicts',
  '/diagnostic',
] as const;
export type NavigationPath = (typeof NAVIGATION_PATHS)[number];

export const ipcEvents = {
  navigate: z.object({ path: z.enum(NAVIGATION_PATHS) }),
} as const satisfies Record<string, z.ZodType>;

export type IpcEvent = keyof typeof ipcEvents;
export type IpcEventPayload<E extends IpcEvent> = z.output<(typeof ipcEvents)[E]>;

export function eventChannelOf(event: IpcEvent): `encours:${IpcEvent}` {
  return `encours:${event}`;
}

/** The subscriptions `window.encours.on` offers; each returns its unsubscribe function. */
export type EncoursEvents = {
  readonly on: {
    readonly [E in IpcEvent]: (callback: (payload: IpcEventPayload<E>) => void) => () => void;
  };
};
