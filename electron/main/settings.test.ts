import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/ipc/contract';

vi.mock('electron', () => {
  const app = {
    getPath: () => tmpdir(),
    getVersion: () => '0.1.0',
    getName: () => 'Encours',
  };
  const ipcMain = { on: vi.fn(), handle: vi.fn() };
  return { default: { app, ipcMain, shell: {} }, app, ipcMain, shell: {} };
});

const { openSettingsStore, sanitizeSettings, STORE_SCHEMA } = await import('./settings');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'encours-settings-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const file = (): string => path.join(dir, 'settings.json');
const writeRaw = (data: unknown): void => {
  writeFileSync(file(), typeof data === 'string' ? data : JSON.stringify(data));
};

describe('openSettingsStore', () => {
  it('starts from DEFAULT_SETTINGS and persists a patch to disk', () => {
    const store = openSettingsStore({ cwd: dir, projectVersion: '0.1.0' });
    expect(store.getSettings()).toEqual(DEFAULT_SETTINGS);
    const next = store.setSettings({ language: 'en', nearLimitAlertPercent: 90 });
    expect(next).toEqual({ ...DEFAULT_SETTINGS, language: 'en', nearLimitAlertPercent: 90 });
    const onDisk: unknown = JSON.parse(readFileSync(file(), 'utf8'));
    expect(onDisk).toMatchObject({ settings: next, schemaVersion: 1 });
    expect(openSettingsStore({ cwd: dir, projectVersion: '0.1.0' }).getSettings()).toEqual(next);
  });

  it('refuses a patch outside the contract and keeps the stored value', () => {
    const store = openSettingsStore({ cwd: dir, projectVersion: '0.1.0' });
    expect(() => store.setSettings({ nearLimitAlertPercent: 120 })).toThrow();
    expect(store.getSettings().nearLimitAlertPercent).toBe(DEFAULT_SETTINGS.nearLimitAlertPercent);
  });

  it('migrates a pre-0.1.0 file: top-level lang/theme move into settings and are deleted', () => {
    writeRaw({ lang: 'en', theme: 'dark', __internal__: { migrations: { version: '0.0.9' } } });
    const store = openSettingsStore({ cwd: dir, projectVersion: '0.1.0' });
    expect(store.getSettings()).toEqual({ ...DEFAULT_SETTINGS, language: 'en', colorScheme: 'dark' });
    const onDisk = JSON.parse(readFileSync(file(), 'utf8')) as Record<string, unknown>;
    expect(onDisk).not.toHaveProperty('lang');
    expect(onDisk).not.toHaveProperty('theme');
    expect(onDisk).toMatchObject({ schemaVersion: 1, __internal__: { migrations: { version: '0.1.0' } } });
  });

  it('a file written before presentation mode existed keeps every value and reads presentation as off', () => {
    // The exact shape 0.1.0 wrote: the five original settings, no presentation fields.
    const before = {
      language: 'en',
      colorScheme: 'dark',
      nearLimitAlertPercent: 90,
      deadlineWarningDays: 30,
      backupKeepCount: 10,
    };
    writeRaw({
      settings: before,
      windowState: { isMaximized: true },
      schemaVersion: 1,
      // Migrated by 0.1.0 already, as a real file of that version is: only the new schema applies.
      __internal__: { migrations: { version: '0.1.0' } },
    });
    const store = openSettingsStore({ cwd: dir, projectVersion: '0.2.0' });
    expect(store.getSettings()).toEqual({ ...before, presentationMode: false, maskBuyerNames: false });
    // Not wiped as invalid: the window state written beside it survives too.
    expect(store.getWindowState()).toEqual({ isMaximized: true });
    const next = store.setSettings({ presentationMode: true, maskBuyerNames: true });
    expect(next).toEqual({ ...before, presentationMode: true, maskBuyerNames: true });
    expect(openSettingsStore({ cwd: dir, projectVersion: '0.2.0' }).getSettings()).toEqual(next);
  });

  it('a presentation field of the wrong type is a schema violation like any other: defaults', () => {
    writeRaw({
      settings: { ...DEFAULT_SETTINGS, language: 'en', presentationMode: 'yes' },
      schemaVersion: 1,
      __internal__: { migrations: { version: '0.1.0' } },
    });
    const store = openSettingsStore({ cwd: dir, projectVersion: '0.2.0' });
    expect(store.getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('a migration ignores an old value the contract refuses', () => {
    writeRaw({ lang: 'de', __internal__: { migrations: { version: '0.0.9' } } });
    const store = openSettingsStore({ cwd: dir, projectVersion: '0.1.0' });
    expect(store.getSettings().language).toBe('fr');
  });

  it.each([
    ['not JSON', '{ "settings": { "language": '],
    ['a schema violation', { settings: { ...DEFAULT_SETTINGS, language: 'klingon' }, schemaVersion: 1 }],
    ['a wrong type', { settings: 'en', schemaVersion: 1 }],
  ])('a hand-edited file with %s falls back to the defaults', (_label, content) => {
    writeRaw(content);
    const store = openSettingsStore({ cwd: dir, projectVersion: '0.1.0' });
    expect(store.getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('window state round-trips and an invalid one reads as the default', () => {
    const store = openSettingsStore({ cwd: dir, projectVersion: '0.1.0' });
    expect(store.getWindowState()).toEqual({ isMaximized: false });
    store.setWindowState({ bounds: { x: 10, y: 20, width: 1300, height: 900 }, isMaximized: true });
    expect(openSettingsStore({ cwd: dir, projectVersion: '0.1.0' }).getWindowState()).toEqual({
      bounds: { x: 10, y: 20, width: 1300, height: 900 },
      isMaximized: true,
    });
    expect(() => {
      store.setWindowState({ bounds: { x: 0, y: 0, width: -5, height: 10 }, isMaximized: false });
    }).toThrow();
  });
});

describe('sanitizeSettings (zod on every read)', () => {
  it.each([
    [null, DEFAULT_SETTINGS],
    ['fr', DEFAULT_SETTINGS],
    [{ language: 'en' }, { ...DEFAULT_SETTINGS, language: 'en' }],
    // 49 is below the contract's minimum of 50; 30 days is inside 1..60, so only the first falls back.
    [
      { nearLimitAlertPercent: 49, deadlineWarningDays: 30 },
      { ...DEFAULT_SETTINGS, deadlineWarningDays: 30 },
    ],
    [
      { backupKeepCount: 2.5, colorScheme: 'auto' },
      { ...DEFAULT_SETTINGS, colorScheme: 'auto' },
    ],
    [
      { language: 'en', extra: true },
      { ...DEFAULT_SETTINGS, language: 'en' },
    ],
  ])('sanitizeSettings(%j)', (raw, expected) => {
    expect(sanitizeSettings(raw)).toEqual(expected);
  });
});

describe('STORE_SCHEMA', () => {
  it('is derived from the contract: every setting is required with its bounds', () => {
    expect(STORE_SCHEMA.settings).toMatchObject({
      type: 'object',
      required: [
        'language',
        'colorScheme',
        'nearLimitAlertPercent',
        'deadlineWarningDays',
        'backupKeepCount',
      ],
      properties: { nearLimitAlertPercent: { type: 'integer', minimum: 50, maximum: 99 } },
    });
    expect(STORE_SCHEMA.settings).toMatchObject({
      properties: { presentationMode: { type: 'boolean' }, maskBuyerNames: { type: 'boolean' } },
    });
    expect(STORE_SCHEMA.settings).not.toHaveProperty('$schema');
  });
});
