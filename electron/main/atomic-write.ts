/**
 * Writes a file so that a crash or a full disk never leaves a half-written file under the user's chosen
 * name: the bytes go to a temporary file in the same folder (same file system, so `rename` is atomic),
 * are flushed to disk, then renamed over the target. On failure the temporary file is removed.
 */
import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export async function writeFileAtomically(filePath: string, bytes: Uint8Array): Promise<void> {
  const temporary = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${randomUUID()}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, filePath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
