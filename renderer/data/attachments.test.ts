import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openAppDb } from '../db/open-db';
import { readAttachmentBytes, releaseAttachmentBytes, sha256Hex, storeAttachmentBytes } from './attachments';

const bytesOf = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

describe('attachment bytes', () => {
  it('hashes with SHA-256 (the FIPS 180-2 test vector of "abc")', async () => {
    expect(await sha256Hex(bytesOf('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('stores once per content, reads back the same bytes, releases when no row refers to them', async () => {
    const db = await openAppDb(`attachments-${crypto.randomUUID()}`);
    const content = bytesOf('Bon de livraison n° 42 — signé le 02/03/2026');
    const sha = await storeAttachmentBytes(db, content);
    expect(await storeAttachmentBytes(db, content)).toBe(sha);
    expect(await db.attachmentBlobs.count()).toBe(1);
    expect(Array.from((await readAttachmentBytes(db, sha)) ?? [])).toEqual(Array.from(content));

    // Still referenced by a metadata row: kept.
    await db.attachments.put({
      id: 'a1',
      ownerEntity: 'claims',
      ownerId: 'c1',
      fileName: 'bl.pdf',
      mimeType: 'application/pdf',
      sizeBytes: content.length,
      sha256: sha,
      version: 1,
      updatedAt: '2026-11-25T09:00:00.000Z',
    });
    await releaseAttachmentBytes(db, sha);
    expect(await readAttachmentBytes(db, sha)).toBeDefined();

    await db.attachments.delete('a1');
    await releaseAttachmentBytes(db, sha);
    expect(await readAttachmentBytes(db, sha)).toBeUndefined();
    db.close();
  });
});
