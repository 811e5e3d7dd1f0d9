import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PrintToPDFOptions, SaveDialogOptions } from 'electron';
import {
  DEFAULT_SETTINGS,
  MAX_IPC_FILE_BYTES,
  type Settings,
  type SettingsPatch,
} from '../../shared/ipc/contract';
import { writeFileAtomically } from './atomic-write';
import { createHandlers, type HandlerDeps } from './handlers';
import { createSyncSecretStore, syncSecretsRoot, type SafeStorageLike } from './sync-secrets';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'encours-handlers-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

class FakeNotification {
  static supported = true;
  static shown: { title?: string; body?: string }[] = [];
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  constructor(private readonly options: { title?: string; body?: string }) {}
  show(): void {
    FakeNotification.shown.push(this.options);
  }
}

function deps(overrides: Partial<HandlerDeps> = {}): HandlerDeps {
  let settings: Settings = DEFAULT_SETTINGS;
  return {
    settings: {
      getSettings: () => settings,
      setSettings: (patch: SettingsPatch) => (settings = { ...settings, ...patch }),
    },
    onSettingsChanged: vi.fn(),
    app: {
      getName: () => 'Encours',
      getVersion: () => '0.1.0',
      getPath: (name) => (name === 'userData' ? '/home/u/.config/Encours' : dir),
    },
    versions: { electron: '45.5.0', chrome: '142.0', node: '22.20.0', v8: '14.2', uv: '1.51' },
    dialogs: {
      showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
      showSaveDialog: () => Promise.resolve({ canceled: true }),
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    Notification: FakeNotification,
    printableContents: () => null,
    syncSecrets: createSyncSecretStore({
      root: syncSecretsRoot(dir),
      safeStorage: fakeSafeStorage(),
      platform: 'linux',
    }),
    ...overrides,
  };
}

/**
 * A stand-in for Electron's safeStorage: "encrypts" by XOR with 0x5a behind a marker, so a test can tell that
 * the file on disk does not hold the token in clear, and that decryption really went through the backend.
 */
function fakeSafeStorage(options: { isAvailable?: boolean; backend?: string } = {}): SafeStorageLike {
  const flip = (bytes: Uint8Array): Buffer => Buffer.from(bytes.map((b) => b ^ 0x5a));
  return {
    isEncryptionAvailable: () => options.isAvailable ?? true,
    encryptString: (text) => Buffer.concat([Buffer.from('ENC1'), flip(Buffer.from(text, 'utf8'))]),
    decryptString: (bytes) => {
      if (bytes.subarray(0, 4).toString() !== 'ENC1')
        throw new Error('Error while decrypting the ciphertext');
      return flip(bytes.subarray(4)).toString('utf8');
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
}

const chooseToOpen = (filePath: string): Partial<HandlerDeps> => ({
  dialogs: {
    showOpenDialog: () => Promise.resolve({ canceled: false, filePaths: [filePath] }),
    showSaveDialog: () => Promise.resolve({ canceled: true }),
  },
});
const chooseToSave = (filePath: string): Partial<HandlerDeps> => ({
  dialogs: {
    showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
    showSaveDialog: () => Promise.resolve({ canceled: false, filePath }),
  },
});

describe('settings handlers', () => {
  it('setSettings stores the patch and tells main (for the menu language)', async () => {
    const d = deps();
    const result = await createHandlers(d).setSettings({ language: 'en' });
    expect(result).toEqual({ ok: true, data: { ...DEFAULT_SETTINGS, language: 'en' } });
    expect(d.onSettingsChanged).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, language: 'en' });
    expect(await createHandlers(d).getSettings()).toEqual({
      ok: true,
      data: { ...DEFAULT_SETTINGS, language: 'en' },
    });
  });
});

describe('getAppInfo', () => {
  it('reports name, version, the user data folder and the runtime versions', async () => {
    expect(await createHandlers(deps()).getAppInfo()).toEqual({
      ok: true,
      data: {
        name: 'Encours',
        version: '0.1.0',
        platform: 'electron',
        dataLocation: '/home/u/.config/Encours',
        versions: { electron: '45.5.0', chrome: '142.0', node: '22.20.0', v8: '14.2' },
      },
    });
  });
});

describe('openFile', () => {
  it('answers null when the user cancels', async () => {
    expect(await createHandlers(deps()).openFile({})).toEqual({ ok: true, data: null });
  });

  it('returns the chosen file as base64', async () => {
    const file = path.join(dir, 'grand-livre.txt');
    writeFileSync(file, 'JournalCode|EcritureNum\n');
    const result = await createHandlers(deps(chooseToOpen(file))).openFile({ title: 'FEC' });
    expect(result).toEqual({
      ok: true,
      data: {
        name: 'grand-livre.txt',
        size: 24,
        base64: Buffer.from('JournalCode|EcritureNum\n').toString('base64'),
      },
    });
  });

  it('refuses a file over MAX_IPC_FILE_BYTES with file-too-large', async () => {
    const file = path.join(dir, 'huge.bin');
    writeFileSync(file, '');
    // A sparse file one byte over the limit: no 64 MB written to disk.
    const { truncateSync } = await import('node:fs');
    truncateSync(file, MAX_IPC_FILE_BYTES + 1);
    const result = await createHandlers(deps(chooseToOpen(file))).openFile({});
    expect(result).toMatchObject({ ok: false, error: { code: 'file-too-large' } });
  });

  it('answers io-error without the path when the file cannot be read', async () => {
    const result = await createHandlers(deps(chooseToOpen(path.join(dir, 'gone.txt')))).openFile({});
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'io-error', message: 'File system error (ENOENT)' },
    });
  });
});

describe('saveFile', () => {
  const args = { suggestedName: 'sauvegarde.json', mimeType: 'application/json', base64: btoa('{"a":1}') };

  it('answers null when the user cancels, and writes nothing', async () => {
    expect(await createHandlers(deps()).saveFile(args)).toEqual({ ok: true, data: null });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('suggests the name in the documents folder and writes the bytes where the user chose', async () => {
    const target = path.join(dir, 'chosen.json');
    const showSaveDialog = vi.fn(() => Promise.resolve({ canceled: false, filePath: target }));
    const d = deps({ dialogs: { showOpenDialog: vi.fn(), showSaveDialog } });
    expect(await createHandlers(d).saveFile(args)).toEqual({ ok: true, data: { savedAs: target } });
    expect(showSaveDialog).toHaveBeenCalledWith({ defaultPath: path.join(dir, 'sauvegarde.json') });
    expect(readFileSync(target, 'utf8')).toBe('{"a":1}');
    expect(readdirSync(dir)).toEqual(['chosen.json']);
  });

  it('refuses text that is not base64', async () => {
    const result = await createHandlers(deps(chooseToSave(path.join(dir, 'x')))).saveFile({
      ...args,
      base64: 'é!',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  });

  it('answers io-error when the folder does not exist', async () => {
    const result = await createHandlers(deps(chooseToSave(path.join(dir, 'missing', 'x.json')))).saveFile(
      args,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'io-error' } });
  });
});

describe('printToPdf', () => {
  /** A stand-in for the window's webContents: records the options, answers fixed PDF bytes. */
  const PDF_BYTES = new TextEncoder().encode('%PDF-1.7 lettre');
  const printable = () => {
    const printToPDF = vi.fn((_options: PrintToPDFOptions) => Promise.resolve(PDF_BYTES));
    return { printToPDF };
  };

  it('prints the window in A4 with backgrounds and saves the PDF where the user chose', async () => {
    const contents = printable();
    const target = path.join(dir, 'mise-en-demeure.pdf');
    const showSaveDialog = vi.fn((_options: SaveDialogOptions) =>
      Promise.resolve({ canceled: false, filePath: target }),
    );
    const d = deps({
      printableContents: () => contents,
      dialogs: { showOpenDialog: vi.fn(), showSaveDialog },
    });
    expect(await createHandlers(d).printToPdf({ suggestedName: 'mise-en-demeure-FA-1' })).toEqual({
      ok: true,
      data: { kind: 'saved', savedAs: target },
    });
    expect(contents.printToPDF).toHaveBeenCalledTimes(1);
    expect(contents.printToPDF.mock.calls[0]?.[0]).toMatchObject({ pageSize: 'A4', printBackground: true });
    // The .pdf extension is added to the suggestion, in the documents folder, with a PDF filter.
    expect(showSaveDialog).toHaveBeenCalledWith({
      defaultPath: path.join(dir, 'mise-en-demeure-FA-1.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 lettre');
    expect(readdirSync(dir)).toEqual(['mise-en-demeure.pdf']);
  });

  it('answers null when the user cancels the save dialog, and writes nothing', async () => {
    const d = deps({ printableContents: printable });
    expect(await createHandlers(d).printToPdf({ suggestedName: 'relance.pdf' })).toEqual({
      ok: true,
      data: null,
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses when there is no window to print', async () => {
    const result = await createHandlers(deps()).printToPdf({ suggestedName: 'relance.pdf' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
  });

  it('answers io-error when the chosen folder does not exist', async () => {
    const d = deps({
      ...chooseToSave(path.join(dir, 'missing', 'relance.pdf')),
      printableContents: printable,
    });
    const result = await createHandlers(d).printToPdf({ suggestedName: 'relance.pdf' });
    expect(result).toMatchObject({ ok: false, error: { code: 'io-error' } });
  });
});

describe('writeFileAtomically', () => {
  it('replaces an existing file and leaves no temporary file', async () => {
    const target = path.join(dir, 'backup.json');
    writeFileSync(target, 'old');
    await writeFileAtomically(target, new TextEncoder().encode('new'));
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['backup.json']);
  });

  it('when the rename fails, keeps the target as it was and removes the temporary file', async () => {
    // A directory in the way makes rename fail after the temporary file was fully written.
    const target = path.join(dir, 'occupied');
    mkdirSync(path.join(target, 'child'), { recursive: true });
    await expect(writeFileAtomically(target, new Uint8Array([1, 2, 3]))).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['occupied']);
  });
});

describe('openExternal', () => {
  it('opens an allowlisted https link', async () => {
    const d = deps();
    expect(await createHandlers(d).openExternal({ url: 'https://www.societe.com/x' })).toEqual({
      ok: true,
      data: { opened: true },
    });
    expect(d.shell.openExternal).toHaveBeenCalledWith('https://www.societe.com/x');
  });

  it('refuses a host off the allowlist with not-allowed', async () => {
    const d = deps();
    const result = await createHandlers(d).openExternal({ url: 'https://evil.example/' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(d.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('showNotification', () => {
  it('shows a native notification when supported, and says so', async () => {
    FakeNotification.supported = true;
    FakeNotification.shown = [];
    const result = await createHandlers(deps()).showNotification({ title: 'Échéance', body: 'Client X' });
    expect(result).toEqual({ ok: true, data: { shown: true } });
    expect(FakeNotification.shown).toEqual([{ title: 'Échéance', body: 'Client X' }]);
  });

  it('answers shown: false where notifications are not supported', async () => {
    FakeNotification.supported = false;
    FakeNotification.shown = [];
    expect(await createHandlers(deps()).showNotification({ title: 't', body: 'b' })).toEqual({
      ok: true,
      data: { shown: false },
    });
    expect(FakeNotification.shown).toEqual([]);
  });
});

describe('automatic backups', () => {
  const userData = (): string => path.join(dir, 'userData');
  const backupDeps = (now: string, keep = 24): HandlerDeps =>
    deps({
      app: { getName: () => 'Encours', getVersion: () => '0.1.0', getPath: () => userData() },
      settings: {
        getSettings: () => ({ ...DEFAULT_SETTINGS, backupKeepCount: keep }),
        setSettings: () => DEFAULT_SETTINGS,
      },
      now: () => new Date(now),
    });
  const b64 = (text: string): string => Buffer.from(text).toString('base64');

  it('writes under <userData>/backups/<workspace>/, rotates with backupKeepCount, lists and reads back', async () => {
    const folder = path.join(userData(), 'backups', 'ws-1');
    const first = await createHandlers(backupDeps('2026-11-25T09:10:00Z', 2)).writeAutoBackup({
      workspaceId: 'ws-1',
      base64: b64('snapshot 9h'),
    });
    expect(first).toEqual({
      ok: true,
      data: { path: path.join(folder, 'hourly-20261125-09.encours-backup'), kept: 2 },
    });
    for (const hour of ['10', '11']) {
      await createHandlers(backupDeps(`2026-11-25T${hour}:10:00Z`, 2)).writeAutoBackup({
        workspaceId: 'ws-1',
        base64: b64(`snapshot ${hour}h`),
      });
    }
    // keep 2: the 9h file rotated out; the day's file holds the day's first snapshot.
    const handlers = createHandlers(backupDeps('2026-11-25T11:30:00Z', 2));
    expect(await handlers.listAutoBackups({ workspaceId: 'ws-1' })).toEqual({
      ok: true,
      data: [
        {
          file: 'hourly-20261125-11.encours-backup',
          kind: 'hourly',
          createdAt: '2026-11-25T11:00:00.000Z',
          size: 12,
        },
        {
          file: 'hourly-20261125-10.encours-backup',
          kind: 'hourly',
          createdAt: '2026-11-25T10:00:00.000Z',
          size: 12,
        },
        {
          file: 'daily-20261125.encours-backup',
          kind: 'daily',
          createdAt: '2026-11-25T00:00:00.000Z',
          size: 11,
        },
      ],
    });
    expect(
      await handlers.readAutoBackup({ workspaceId: 'ws-1', file: 'daily-20261125.encours-backup' }),
    ).toEqual({
      ok: true,
      data: { base64: b64('snapshot 9h') },
    });
    expect(readdirSync(folder)).toHaveLength(3);
  });

  it('refuses to read a well-named file that is not in the list, with not-allowed', async () => {
    const handlers = createHandlers(backupDeps('2026-11-25T09:10:00Z'));
    await handlers.writeAutoBackup({ workspaceId: 'ws-1', base64: b64('x') });
    const result = await handlers.readAutoBackup({
      workspaceId: 'ws-1',
      file: 'hourly-20261124-09.encours-backup',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
  });

  it('refuses invalid or empty base64 and writes nothing', async () => {
    const handlers = createHandlers(backupDeps('2026-11-25T09:10:00Z'));
    for (const base64 of ['not base64!', 'abc', '']) {
      expect(await handlers.writeAutoBackup({ workspaceId: 'ws-1', base64 })).toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments' },
      });
    }
    expect(await handlers.listAutoBackups({ workspaceId: 'ws-1' })).toEqual({ ok: true, data: [] });
  });

  it('answers io-error when the backups folder cannot be created', async () => {
    mkdirSync(userData(), { recursive: true });
    writeFileSync(path.join(userData(), 'backups'), 'a file where the folder should be');
    const result = await createHandlers(backupDeps('2026-11-25T09:10:00Z')).writeAutoBackup({
      workspaceId: 'ws-1',
      base64: b64('x'),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'io-error' } });
  });
});

describe('sync connection (safeStorage)', () => {
  const connection = {
    serverUrl: 'https://sync.dupont.fr',
    remoteWorkspaceId: 'rws-1',
    token: 'enc_secret-token-123',
    deviceId: 'dev-7',
    deviceName: 'Portable compta',
  };

  it('stores the connection encrypted under userData, reads it back, and forgets it', async () => {
    const handlers = createHandlers(deps());
    expect(await handlers.getSyncConnection({ workspaceId: 'ws-1' })).toEqual({ ok: true, data: null });
    expect(await handlers.saveSyncConnection({ workspaceId: 'ws-1', ...connection })).toEqual({
      ok: true,
      data: { persists: true },
    });
    const files = readdirSync(path.join(dir, 'sync-connections'));
    expect(files).toEqual(['ws-1.secret']);
    const onDisk = readFileSync(path.join(dir, 'sync-connections', 'ws-1.secret'));
    expect(onDisk.includes(Buffer.from('secret-token'))).toBe(false);
    expect(onDisk.includes(Buffer.from('sync.dupont.fr'))).toBe(false);
    // Another workspace has its own (absent) connection.
    expect(await handlers.getSyncConnection({ workspaceId: 'ws-2' })).toEqual({ ok: true, data: null });
    expect(await handlers.getSyncConnection({ workspaceId: 'ws-1' })).toEqual({ ok: true, data: connection });

    expect(await handlers.forgetSyncConnection({ workspaceId: 'ws-1' })).toEqual({
      ok: true,
      data: { forgotten: true },
    });
    expect(readdirSync(path.join(dir, 'sync-connections'))).toEqual([]);
    expect(await handlers.getSyncConnection({ workspaceId: 'ws-1' })).toEqual({ ok: true, data: null });
    expect(await handlers.forgetSyncConnection({ workspaceId: 'ws-1' })).toEqual({
      ok: true,
      data: { forgotten: false },
    });
  });

  it('refuses to store anything without an encryption backend', async () => {
    const handlers = createHandlers(
      deps({
        syncSecrets: createSyncSecretStore({
          root: syncSecretsRoot(dir),
          safeStorage: fakeSafeStorage({ isAvailable: false }),
          platform: 'linux',
        }),
      }),
    );
    const saved = await handlers.saveSyncConnection({ workspaceId: 'ws-1', ...connection });
    expect(saved.ok).toBe(false);
    if (!saved.ok) expect(saved.error.code).toBe('encryption-unavailable');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reads a file it cannot decrypt as no connection (the user reconnects)', async () => {
    mkdirSync(path.join(dir, 'sync-connections'));
    writeFileSync(path.join(dir, 'sync-connections', 'ws-1.secret'), 'not encrypted by us');
    expect(await createHandlers(deps()).getSyncConnection({ workspaceId: 'ws-1' })).toEqual({
      ok: true,
      data: null,
    });
  });

  it.each([
    ['linux', 'gnome_libsecret', true, 'gnome_libsecret', true],
    ['linux', 'kwallet5', true, 'kwallet5', true],
    // basic_text: encrypted with a password hard-coded in Chromium, so readable by anyone with the file.
    ['linux', 'basic_text', true, 'basic_text', false],
    ['darwin', 'unused', true, 'keychain', true],
    ['win32', 'unused', true, 'dpapi', true],
    ['linux', 'gnome_libsecret', false, 'gnome_libsecret', false],
  ] as const)(
    'on %s with backend %s (available: %s) reports %s, encrypted: %s',
    async (platform, backend, isAvailable, reported, isEncrypted) => {
      const handlers = createHandlers(
        deps({
          syncSecrets: createSyncSecretStore({
            root: syncSecretsRoot(dir),
            safeStorage: fakeSafeStorage({ isAvailable, backend }),
            platform,
          }),
        }),
      );
      expect(await handlers.getSecretStorageInfo()).toEqual({
        ok: true,
        data: { backend: reported, isEncrypted, persists: true },
      });
    },
  );
});
