/**
 * Attached files (proofs of delivery, letters…) of a claim. The metadata is an `attachments` row written by
 * the `addAttachment` / `removeAttachment` commands (synced); the bytes go to the local-only
 * `attachmentBlobs` table, keyed by their SHA-256 (crypto.subtle), so the same file added twice is stored
 * once. Opening a file hands its bytes to the platform bridge (`saveFile`: a download in browser mode, a save
 * dialog in the desktop app).
 *
 * Invariants: the bytes are written before the metadata, so a listed file always has its bytes on the
 * computer that added it (another computer of the team sees the row and is told the file is not there); the
 * bytes are deleted only when no attachment row refers to them any more.
 */
import { useCallback } from 'react';
import { MAX_ATTACHMENT_BYTES } from '../../shared/commands/claim-commands';
import type { AttachmentRow, EntityName } from '../../shared/commands/entities';
import type { LocalizedText } from '../../shared/domain/types';
import type { AppDB } from '../db/app-db';
import { base64ToBytes, bytesToBase64 } from '../platform/base64';
import { bridge } from '../platform/bridge';
import { useCommand } from './hooks';
import { useWorkspace } from './workspace-context';

export { MAX_ATTACHMENT_BYTES };

export type AttachmentErrorCode = 'too-large' | 'missing-here' | 'save-failed' | 'command';

export type AttachmentOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: AttachmentErrorCode; readonly message: LocalizedText };

const TOO_LARGE: LocalizedText = {
  fr: 'Ce fichier dépasse 20 Mo : réduisez-le (PDF compressé, scan en niveaux de gris) puis recommencez.',
  en: 'This file is larger than 20 MB: make it smaller (compressed PDF, greyscale scan) and try again.',
};

const MISSING_HERE: LocalizedText = {
  fr: "Ce fichier a été ajouté sur un autre ordinateur : il n'est conservé que là-bas. Ouvrez-le depuis cet ordinateur ou ajoutez-le à nouveau ici.",
  en: 'This file was added on another computer and is kept there only. Open it from that computer or add it again here.',
};

/** Lower-case hex SHA-256 of the bytes. */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Stores the bytes (once per content) and returns their hash. Runs outside any command transaction. */
export async function storeAttachmentBytes(db: AppDB, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const sha256 = await sha256Hex(bytes);
  if ((await db.attachmentBlobs.get(sha256)) === undefined) {
    await db.attachmentBlobs.put({ sha256, base64: bytesToBase64(bytes), sizeBytes: bytes.length });
  }
  return sha256;
}

/** The bytes of an attachment on this computer, or `undefined` when it was added elsewhere. */
export async function readAttachmentBytes(
  db: AppDB,
  sha256: string,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const row = await db.attachmentBlobs.get(sha256);
  return row === undefined ? undefined : base64ToBytes(row.base64);
}

/** Deletes the bytes when no attachment row refers to them any more. */
export async function releaseAttachmentBytes(db: AppDB, sha256: string): Promise<void> {
  await db.transaction('rw', db.attachments, db.attachmentBlobs, async () => {
    const stillUsed = await db.attachments.filter((row) => row.sha256 === sha256).count();
    if (stillUsed === 0) await db.attachmentBlobs.delete(sha256);
  });
}

/** A file as the screens hand it over (a DOM `File` fits). */
export type FileToAttach = {
  readonly name: string;
  readonly type: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
};

export type AttachmentActions = {
  add(file: FileToAttach, owner: { entity: EntityName; id: string }): Promise<AttachmentOutcome>;
  open(attachment: AttachmentRow): Promise<AttachmentOutcome>;
  remove(attachment: AttachmentRow): Promise<AttachmentOutcome>;
};

export function useAttachmentActions(): AttachmentActions {
  const { db } = useWorkspace();
  const { run } = useCommand();

  const add = useCallback<AttachmentActions['add']>(
    async (file, owner) => {
      // Checked before reading: a 2 Go video must not be loaded into memory to be refused.
      if (file.size > MAX_ATTACHMENT_BYTES) return { ok: false, code: 'too-large', message: TOO_LARGE };
      const bytes = new Uint8Array(await file.arrayBuffer());
      const sha256 = await storeAttachmentBytes(db, bytes);
      const result = await run('addAttachment', {
        attachment: {
          id: crypto.randomUUID(),
          ownerEntity: owner.entity,
          ownerId: owner.id,
          fileName: file.name,
          mimeType: file.type === '' ? 'application/octet-stream' : file.type,
          sizeBytes: bytes.length,
          sha256,
        },
      });
      if (!result.ok) {
        await releaseAttachmentBytes(db, sha256);
        return { ok: false, code: 'command', message: result.error.message };
      }
      return { ok: true };
    },
    [db, run],
  );

  const open = useCallback<AttachmentActions['open']>(
    async (attachment) => {
      const bytes = await readAttachmentBytes(db, attachment.sha256);
      if (bytes === undefined) return { ok: false, code: 'missing-here', message: MISSING_HERE };
      const saved = await bridge.saveFile({
        suggestedName: attachment.fileName.replace(/[\\/]/g, '_'),
        mimeType: attachment.mimeType,
        base64: bytesToBase64(bytes),
      });
      if (!saved.ok) {
        return {
          ok: false,
          code: 'save-failed',
          message: {
            fr: `Le fichier n'a pas pu être enregistré (${saved.error.message}).`,
            en: `The file could not be saved (${saved.error.message}).`,
          },
        };
      }
      return { ok: true };
    },
    [db],
  );

  const remove = useCallback<AttachmentActions['remove']>(
    async (attachment) => {
      const result = await run('removeAttachment', { id: attachment.id });
      if (!result.ok) return { ok: false, code: 'command', message: result.error.message };
      await releaseAttachmentBytes(db, attachment.sha256);
      return { ok: true };
    },
    [db, run],
  );

  return { add, open, remove };
}
