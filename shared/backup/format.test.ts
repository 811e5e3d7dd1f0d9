import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, type JsonObject } from './canonical-json';
import {
  BACKUP_ERROR_MESSAGES,
  BackupContentError,
  backupFileName,
  parseBackup,
  serializeBackup,
  type BackupContent,
  type BackupErrorCode,
} from './format';

const content: BackupContent = {
  appVersion: '0.1.0',
  schemaVersion: 3,
  createdAt: '2026-11-25T09:30:00.000Z',
  workspace: { id: 'ws-1', name: 'Menuiserie Durand', siren: '552100554' },
  tables: {
    buyers: [
      { id: 'b1', name: 'Alpha SARL', limitCents: 5_000_000 },
      { id: 'b2', name: 'Bêta & Fils', limitCents: 0, tags: ['export', 'btp'] },
    ],
    invoices: [{ id: 'i1', buyerId: 'b1', amountCents: 120_000, dueDate: '2026-12-31', paid: false }],
    outbox: [],
  },
};

const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function codeOf(bytes: Uint8Array, appSchemaVersion?: number): Promise<BackupErrorCode | 'ok'> {
  const result = await parseBackup(bytes, appSchemaVersion === undefined ? {} : { appSchemaVersion });
  return result.ok ? 'ok' : result.error.code;
}

/** Re-serialises a parsed document after `edit`, keeping the original checksum (as a tamperer would). */
async function tampered(edit: (document: Record<string, unknown>) => void): Promise<Uint8Array> {
  const parsed: unknown = JSON.parse(decoder.decode(await serializeBackup(content)));
  if (typeof parsed !== 'object' || parsed === null) throw new Error('unexpected');
  const document: Record<string, unknown> = { ...parsed };
  edit(document);
  return encoder.encode(JSON.stringify(document));
}

describe('serializeBackup / parseBackup', () => {
  it('round-trips a workspace with its format header and a SHA-256 checksum', async () => {
    const bytes = await serializeBackup(content);
    const text = decoder.decode(bytes);
    expect(text.startsWith('{"format":"encours-backup","formatVersion":1,')).toBe(true);
    const result = await parseBackup(bytes, { appSchemaVersion: 3 });
    if (!result.ok) throw new Error(result.error.code);
    const { checksum, ...rest } = result.backup;
    expect(rest).toEqual({ ...content, format: 'encours-backup', formatVersion: 1 });
    expect(checksum.algorithm).toBe('SHA-256');
    expect(checksum.value).toMatch(/^[0-9a-f]{64}$/);
  });

  it('computes the checksum over the canonical JSON of everything but the checksum', async () => {
    const tiny: BackupContent = {
      appVersion: '1',
      schemaVersion: 1,
      createdAt: '2026-01-01T00:00:00Z',
      workspace: { id: 'w', name: 'n' },
      tables: { t: [{ b: 1, a: 'x' }] },
    };
    // Written by hand: keys sorted at every level, no whitespace.
    const canonical =
      '{"appVersion":"1","createdAt":"2026-01-01T00:00:00Z","format":"encours-backup","formatVersion":1,' +
      '"schemaVersion":1,"tables":{"t":[{"a":"x","b":1}]},"workspace":{"id":"w","name":"n"}}';
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(canonical)));
    const expected = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    const result = await parseBackup(await serializeBackup(tiny));
    expect(result.ok && result.backup.checksum.value).toBe(expected);
  });

  it.each([
    ['empty file', 0],
    ['inside the header', 10],
    ['just after the header', 30],
    ['in the middle', 0.5],
    ['inside the checksum', -20],
    ['one byte short', -1],
  ])('refuses a file cut %s as truncated', async (_, at) => {
    const bytes = await serializeBackup(content);
    const end = at < 0 ? bytes.length + at : at < 1 && at > 0 ? Math.floor(bytes.length * at) : at;
    expect(await codeOf(bytes.subarray(0, end))).toBe('truncated');
  });

  it('refuses a file cut inside a multi-byte character as truncated', async () => {
    const bytes = await serializeBackup(content);
    // "Bêta": ê is two bytes in UTF-8 (0xC3 0xAA); cut between them.
    const at = decoder.decode(bytes).indexOf('Bêta') + 1; // ASCII before it: char index = byte index
    expect(bytes[at]).toBe(0xc3);
    expect(await codeOf(bytes.subarray(0, at + 1))).toBe('truncated');
  });

  it('says truncated for every cut point of a small file', async () => {
    const bytes = await serializeBackup({ ...content, tables: { buyers: [{ id: 'b1' }] } });
    for (let end = 0; end < bytes.length; end += 1) {
      expect(await codeOf(bytes.subarray(0, end))).toBe('truncated');
    }
  });

  it('refuses a flipped byte inside a row value with checksum-mismatch', async () => {
    const bytes = new Uint8Array(await serializeBackup(content));
    const at = decoder.decode(bytes).indexOf('Alpha');
    bytes[at] = (bytes[at] ?? 0) ^ 0x01; // 'A' → '@': still valid JSON, different data
    expect(await codeOf(bytes)).toBe('checksum-mismatch');
  });

  it('refuses any single flipped byte', async () => {
    const bytes = await serializeBackup(content);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: bytes.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (at, mask) => {
          const damaged = new Uint8Array(bytes);
          damaged[at] = (damaged[at] ?? 0) ^ mask;
          expect(await codeOf(damaged)).not.toBe('ok');
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each<[string, (d: Record<string, unknown>) => void]>([
    [
      'a changed row',
      (d) => {
        d['tables'] = { ...content.tables, invoices: [{ id: 'i1', buyerId: 'b1', amountCents: 1 }] };
      },
    ],
    [
      'a removed table',
      (d) => {
        d['tables'] = { buyers: content.tables['buyers'] };
      },
    ],
    [
      'a changed schema version',
      (d) => {
        d['schemaVersion'] = 2;
      },
    ],
    [
      'a changed workspace name',
      (d) => {
        d['workspace'] = { id: 'ws-1', name: 'Autre' };
      },
    ],
    [
      'a missing checksum',
      (d) => {
        delete d['checksum'];
      },
    ],
    [
      'an unknown algorithm',
      (d) => {
        d['checksum'] = { algorithm: 'MD5', value: '0'.repeat(64) };
      },
    ],
  ])('refuses %s with checksum-mismatch', async (_, edit) => {
    expect(await codeOf(await tampered(edit))).toBe('checksum-mismatch');
  });

  it.each<[string, string]>([
    ['a FEC text file', 'JournalCode|JournalLib|EcritureNum\nVE|Ventes|1\n'],
    ['another JSON document', '{"language":"fr"}'],
    ['a JSON array', '[1,2,3]'],
    ['a wrong format marker', '{"format":"other-app","formatVersion":1}'],
  ])('refuses %s with not-a-backup', async (_, text) => {
    expect(await codeOf(encoder.encode(text))).toBe('not-a-backup');
  });

  it('refuses a gzip or binary file with not-a-backup', async () => {
    expect(await codeOf(new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe]))).toBe('not-a-backup');
  });

  it('refuses a damaged middle with an intact end as invalid-json', async () => {
    const text = decoder.decode(await serializeBackup(content));
    const damaged = text.replace('"buyers":[', '"buyers":[[');
    expect(await codeOf(encoder.encode(damaged))).toBe('invalid-json');
  });

  it('refuses a checksummed file whose table map holds a __proto__ key, as invalid-json', async () => {
    const header =
      '"format":"encours-backup","formatVersion":1,"appVersion":"1","schemaVersion":1,' +
      '"createdAt":"2026-01-01T00:00:00Z","workspace":{"id":"w","name":"n"},"tables":{"__proto__":[]}';
    const document: unknown = JSON.parse(`{${header}}`);
    const digest = new Uint8Array(
      await crypto.subtle.digest('SHA-256', encoder.encode(canonicalJson(document))),
    );
    const value = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    const text = `{${header},"checksum":{"algorithm":"SHA-256","value":"${value}"}}`;
    expect(await codeOf(encoder.encode(text))).toBe('invalid-json');
  });

  it('refuses a newer format version with unsupported-version', async () => {
    const bytes = await tampered((d) => {
      d['formatVersion'] = 2;
    });
    expect(await codeOf(bytes)).toBe('unsupported-version');
  });

  it('refuses a schema newer than the app, and accepts the same or an older one', async () => {
    const bytes = await serializeBackup(content); // schemaVersion 3
    expect(await codeOf(bytes, 2)).toBe('schema-newer-than-app');
    expect(await codeOf(bytes, 3)).toBe('ok');
    expect(await codeOf(bytes, 4)).toBe('ok');
  });

  it('has a French and an English sentence for every code', () => {
    for (const message of Object.values(BACKUP_ERROR_MESSAGES)) {
      expect(message.fr.length).toBeGreaterThan(20);
      expect(message.en.length).toBeGreaterThan(20);
    }
    expect(BACKUP_ERROR_MESSAGES.truncated.fr).toBe(
      'Ce fichier de sauvegarde est incomplet (tronqué) : il ne peut pas être restauré. Utilisez une sauvegarde plus ancienne.',
    );
  });

  it.each<[string, unknown]>([
    ['a Date', new Date('2026-01-01')],
    ['NaN', Number.NaN],
    ['a Uint8Array', new Uint8Array(2)],
    ['a Map', new Map()],
  ])('refuses to write a row holding %s instead of changing it silently', async (_, value) => {
    const tables = { buyers: [{ id: 'x', value }] };
    await expect(serializeBackup({ ...content, tables })).rejects.toThrow(BackupContentError);
  });

  it('refuses to write an invalid header (bad SIREN, reserved table name)', async () => {
    await expect(
      serializeBackup({ ...content, workspace: { id: 'w', name: 'n', siren: '12' } }),
    ).rejects.toThrow(BackupContentError);
    const tables: Record<string, JsonObject[]> = {};
    Object.defineProperty(tables, '__proto__', { value: [], enumerable: true });
    await expect(serializeBackup({ ...content, tables })).rejects.toThrow(BackupContentError);
  });

  it('round-trips any JSON rows', async () => {
    const rowArbitrary = fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 6 });
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,10}$/),
          fc.array(rowArbitrary, { maxLength: 5 }),
          {
            maxKeys: 4,
          },
        ),
        async (tables) => {
          const result = await parseBackup(await serializeBackup({ ...content, tables }));
          expect(result.ok).toBe(true);
          // Compared as JSON text: -0 becomes 0 through JSON, which is no change for stored data.
          if (result.ok) expect(JSON.stringify(result.backup.tables)).toBe(JSON.stringify(tables));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('backupFileName', () => {
  it('makes a portable name from the workspace and the date', () => {
    expect(backupFileName({ id: 'w', name: 'Bêta & Fils / Nantes' }, '2026-11-25T09:30:00Z')).toBe(
      'encours-beta-fils-nantes-2026-11-25.encours-backup',
    );
    expect(backupFileName({ id: 'w', name: '***' }, '2026-11-25T09:30:00Z')).toBe(
      'encours-espace-2026-11-25.encours-backup',
    );
  });
});
