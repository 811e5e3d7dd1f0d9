/**
 * The team-sync connection of each local workspace, kept by the main process (architecture §3): the device
 * token is a credential, so the whole connection is encrypted with Electron's safeStorage and written under
 * `<userData>/sync-connections/<workspaceId>.secret` (atomically: a crash never leaves half a secret).
 *
 * Invariants:
 * - Nothing is written in clear: without an encryption backend, saving fails with `encryption-unavailable`.
 *   On Linux, safeStorage may fall back to `basic_text` (a fixed password): it is reported, so the UI can say
 *   the token is only weakly protected.
 * - A file that cannot be decrypted or parsed (another OS user, a changed keyring) reads as "no connection":
 *   the user reconnects with a new invite code; the local data is untouched.
 * - Workspace ids are checked by the contract's pattern, so a file name never names a path elsewhere.
 */
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  syncConnectionSchema,
  workspaceIdSchema,
  type SecretStorageInfo,
  type SyncConnection,
} from '../../shared/ipc/contract';
import { writeFileAtomically } from './atomic-write';

/** The part of Electron's `safeStorage` used here (structural, so tests pass a fake). */
export type SafeStorageLike = {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron. */
  getSelectedStorageBackend(): string;
};

export type SyncSecretStore = {
  info(): SecretStorageInfo;
  get(workspaceId: string): Promise<SyncConnection | null>;
  /** False when no encryption is available: nothing was written. */
  save(workspaceId: string, connection: SyncConnection): Promise<boolean>;
  /** True when a stored connection was removed. */
  forget(workspaceId: string): Promise<boolean>;
};

/** The folder under userData; one file per workspace. */
export function syncSecretsRoot(userData: string): string {
  return path.join(userData, 'sync-connections');
}

const BACKEND_BY_PLATFORM: Readonly<Record<string, string>> = { darwin: 'keychain', win32: 'dpapi' };

export function createSyncSecretStore(options: {
  readonly root: string;
  readonly safeStorage: SafeStorageLike;
  readonly platform: NodeJS.Platform;
}): SyncSecretStore {
  const { root, safeStorage, platform } = options;
  const fileOf = (workspaceId: string): string =>
    path.join(root, `${workspaceIdSchema.parse(workspaceId)}.secret`);

  const info = (): SecretStorageInfo => {
    const isAvailable = safeStorage.isEncryptionAvailable();
    const backend =
      platform === 'linux'
        ? safeStorage.getSelectedStorageBackend()
        : (BACKEND_BY_PLATFORM[platform] ?? 'system');
    return { backend, isEncrypted: isAvailable && backend !== 'basic_text', persists: true };
  };

  return {
    info,
    async get(workspaceId) {
      let bytes: Buffer;
      try {
        bytes = await readFile(fileOf(workspaceId));
      } catch (error) {
        if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT')
          return null;
        throw error;
      }
      if (!safeStorage.isEncryptionAvailable()) return null;
      try {
        const parsed = syncConnectionSchema.safeParse(JSON.parse(safeStorage.decryptString(bytes)));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    async save(workspaceId, connection) {
      if (!safeStorage.isEncryptionAvailable()) return false;
      const encrypted = safeStorage.encryptString(JSON.stringify(syncConnectionSchema.parse(connection)));
      await mkdir(root, { recursive: true });
      await writeFileAtomically(fileOf(workspaceId), encrypted);
      return true;
    },
    async forget(workspaceId) {
      const file = fileOf(workspaceId);
      try {
        await stat(file);
      } catch {
        return false;
      }
      await rm(file, { force: true });
      return true;
    },
  };
}
