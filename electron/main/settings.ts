/**
 * Settings and window state, kept by the main process in electron-store (a JSON file in the user data folder).
 *
 * Layout of the file: `{ settings: Settings, windowState: WindowState, schemaVersion: 1 }`.
 * - The JSON schema of `settings` is derived from the contract's zod `settingsSchema` (one definition).
 * - `clearInvalidConfig`: a file that is not JSON or violates the schema is replaced by the defaults rather
 *   than stopping the app at start-up.
 * - Every read is parsed again with zod, field by field, so a value the JSON schema lets through but the
 *   contract refuses never reaches the renderer: a bad field falls back to its default, the others are kept.
 * - `migrations` run when the app version moves past a key (conf records the last version migrated).
 * - A setting added later (e.g. `presentationMode`) is optional in the contract, so the JSON schema does not
 *   require it: a file written before it existed stays valid (a required field would make
 *   `clearInvalidConfig` wipe every setting), and `sanitizeSettings` fills in its default.
 */
import Store, { type Schema } from 'electron-store';
import { z } from 'zod';
import {
  DEFAULT_SETTINGS,
  settingsPatchSchema,
  settingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../shared/ipc/contract';

export const SETTINGS_SCHEMA_VERSION = 1;

const rectangleSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type Rectangle = z.infer<typeof rectangleSchema>;

export const windowStateSchema = z.object({
  bounds: rectangleSchema.optional(),
  isMaximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { isMaximized: false };

type StoreShape = {
  settings: Settings;
  windowState: WindowState;
  schemaVersion: number;
  /** Pre-0.1.0 previews kept these at the top level; the 0.1.0 migration moves them into `settings`. */
  lang?: unknown;
  theme?: unknown;
};

/** Plain JSON Schema (draft-07, what conf's ajv speaks) from a zod schema, without the root `$schema` key. */
function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-07', io: 'input' });
  return rest;
}

export const STORE_SCHEMA = {
  settings: jsonSchemaOf(settingsSchema),
  windowState: jsonSchemaOf(windowStateSchema),
  schemaVersion: { type: 'integer', minimum: 1 },
} satisfies Schema<StoreShape>;

/** Keeps every field of `raw` the contract accepts; each other field gets its default. */
export function sanitizeSettings(raw: unknown): Settings {
  const candidate: Record<string, unknown> = typeof raw === 'object' && raw !== null ? { ...raw } : {};
  const result: Settings = { ...DEFAULT_SETTINGS };
  for (const key of settingsSchema.keyof().options) {
    // The patch schema has every field optional: a missing field must not be copied over its default.
    if (candidate[key] === undefined) continue;
    const field = settingsPatchSchema.safeParse({ [key]: candidate[key] });
    if (field.success) Object.assign(result, field.data);
  }
  return result;
}

/** What a migration step may do to the store (conf passes its own `Conf` instance). */
type MigratableStore = Pick<Store<StoreShape>, 'get' | 'set' | 'delete'>;

export const SETTINGS_MIGRATIONS: Record<string, (store: MigratableStore) => void> = {
  '0.1.0': (store) => {
    const settings = sanitizeSettings(store.get('settings'));
    const language = settingsSchema.shape.language.safeParse(store.get('lang'));
    const colorScheme = settingsSchema.shape.colorScheme.safeParse(store.get('theme'));
    store.set('settings', {
      ...settings,
      ...(language.success ? { language: language.data } : {}),
      ...(colorScheme.success ? { colorScheme: colorScheme.data } : {}),
    });
    store.delete('lang');
    store.delete('theme');
    store.set('schemaVersion', SETTINGS_SCHEMA_VERSION);
  },
};

export type SettingsStore = {
  getSettings(): Settings;
  /** Applies a validated patch; answers the settings as stored. */
  setSettings(patch: SettingsPatch): Settings;
  getWindowState(): WindowState;
  setWindowState(state: WindowState): void;
  readonly path: string;
};

export type SettingsStoreOptions = {
  /** Folder of the file (tests use a temp dir); default: the app's user data folder. */
  readonly cwd?: string;
  /** The app version migrations compare against; default: `app.getVersion()`. */
  readonly projectVersion?: string;
};

export function openSettingsStore(options: SettingsStoreOptions = {}): SettingsStore {
  const store = new Store<StoreShape>({
    name: 'settings',
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    ...(options.projectVersion !== undefined ? { projectVersion: options.projectVersion } : {}),
    schema: STORE_SCHEMA,
    defaults: {
      settings: DEFAULT_SETTINGS,
      windowState: DEFAULT_WINDOW_STATE,
      schemaVersion: SETTINGS_SCHEMA_VERSION,
    },
    migrations: SETTINGS_MIGRATIONS,
    clearInvalidConfig: true,
  });
  const getSettings = (): Settings => sanitizeSettings(store.get('settings'));
  return {
    getSettings,
    setSettings(patch) {
      const next = settingsSchema.parse({ ...getSettings(), ...settingsPatchSchema.parse(patch) });
      store.set('settings', next);
      return next;
    },
    getWindowState() {
      const parsed = windowStateSchema.safeParse(store.get('windowState'));
      return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
    },
    setWindowState(state) {
      store.set('windowState', windowStateSchema.parse(state));
    },
    path: store.path,
  };
}
