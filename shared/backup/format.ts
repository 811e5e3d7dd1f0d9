/**
 * The workspace backup file (`.encours-backup`): one JSON document, UTF-8, written by `serializeBackup` and
 * checked by `parseBackup` before anything is restored.
 *
 * ```
 * { "format": "encours-backup", "formatVersion": 1, "appVersion", "schemaVersion", "createdAt",
 *   "workspace": { "id", "name", "siren"? }, "tables": { "<table>": [rows…] },
 *   "checksum": { "algorithm": "SHA-256", "value": "<64 lower-case hex>" } }
 * ```
 * Invariants:
 * - The checksum is the SHA-256 of the canonical JSON (canonical-json.ts) of the document without its
 *   `checksum` key, so any changed byte of content (a header field, a row) is detected.
 * - The file starts with `{"format":"encours-backup",` and ends with the checksum object: a file that starts
 *   right but does not end right was cut short (`truncated`), the most common damage (a full disk, a copy
 *   interrupted, a sync tool that uploaded half a file).
 * - Rows are plain JSON objects; a row with a Date, a Blob or NaN is refused at export, not silently changed.
 * - `formatVersion` says how to read the file; `schemaVersion` is the database schema the rows belong to:
 *   an app refuses a backup from a newer schema it cannot understand.
 *
 * Pure: no DOM, no Node built-ins. `crypto.subtle`, `TextEncoder` and `TextDecoder` are globals in browsers,
 * workers and Node ≥ 20; they are declared below because shared/ compiles without the DOM library.
 */
import { z } from 'zod';
import { canonicalJson, findNonJson, isJsonObject, type JsonObject } from './canonical-json';

declare const crypto: {
  readonly subtle: { digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer> };
};
declare const TextEncoder: new () => { encode(input: string): Uint8Array };
declare const TextDecoder: new (
  label: 'utf-8',
  options: { fatal: boolean },
) => { decode(input: Uint8Array): string };

export const BACKUP_FORMAT = 'encours-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_FILE_EXTENSION = 'encours-backup';
export const BACKUP_MIME_TYPE = 'application/json';

/** Dexie table names; `__proto__` is refused so a table map can never touch a prototype. */
export const backupTableNameSchema = z
  .string()
  .regex(/^[A-Za-z_$][A-Za-z0-9_$]{0,99}$/)
  .refine((name) => name !== '__proto__', 'reserved name');

export const backupWorkspaceSchema = z
  .object({
    id: z.string().min(1).max(200),
    name: z.string().max(500),
    siren: z
      .string()
      .regex(/^\d{9}$/)
      .optional(),
  })
  .strict();
export type BackupWorkspace = z.infer<typeof backupWorkspaceSchema>;

const backupRowSchema = z.custom<JsonObject>(isJsonObject, 'a row must be a JSON object');

/** What the app puts in a backup; the format fields and the checksum are added by `serializeBackup`. */
export const backupContentSchema = z
  .object({
    appVersion: z.string().min(1).max(100),
    schemaVersion: z.number().int().positive(),
    /** ISO 8601 timestamp of the snapshot (display only; ordering never relies on a laptop's clock). */
    createdAt: z.iso.datetime({ offset: true }),
    workspace: backupWorkspaceSchema,
    tables: z.record(backupTableNameSchema, z.array(backupRowSchema)),
  })
  .strict();
export type BackupContent = z.infer<typeof backupContentSchema>;

/** What `serializeBackup` accepts: rows straight from the database, checked to be plain JSON objects. */
export type BackupInput = Omit<BackupContent, 'tables'> & {
  readonly tables: Readonly<Record<string, readonly unknown[]>>;
};

const checksumSchema = z
  .object({ algorithm: z.literal('SHA-256'), value: z.string().regex(/^[0-9a-f]{64}$/) })
  .strict();

export const backupSchema = backupContentSchema
  .extend({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(BACKUP_FORMAT_VERSION),
    checksum: checksumSchema,
  })
  .strict();
export type Backup = z.infer<typeof backupSchema>;

export type BackupErrorCode =
  | 'not-a-backup'
  | 'truncated'
  | 'checksum-mismatch'
  | 'unsupported-version'
  | 'schema-newer-than-app'
  | 'invalid-json';

export type LocalizedMessage = { readonly fr: string; readonly en: string };
export type BackupError = { readonly code: BackupErrorCode; readonly message: LocalizedMessage };
export type ParseBackupResult =
  { readonly ok: true; readonly backup: Backup } | { readonly ok: false; readonly error: BackupError };

/** One sentence per code, saying what happened and what to do. */
export const BACKUP_ERROR_MESSAGES: { readonly [C in BackupErrorCode]: LocalizedMessage } = {
  'not-a-backup': {
    fr: "Ce fichier n'est pas une sauvegarde Encours. Choisissez un fichier .encours-backup.",
    en: 'This file is not an Encours backup. Choose a .encours-backup file.',
  },
  truncated: {
    fr: 'Ce fichier de sauvegarde est incomplet (tronqué) : il ne peut pas être restauré. Utilisez une sauvegarde plus ancienne.',
    en: 'This backup file is incomplete (truncated): it cannot be restored. Use an older backup.',
  },
  'checksum-mismatch': {
    fr: 'Ce fichier de sauvegarde a été modifié ou endommagé (somme de contrôle incorrecte) : il ne peut pas être restauré. Utilisez une autre sauvegarde.',
    en: 'This backup file has been modified or damaged (checksum mismatch): it cannot be restored. Use another backup.',
  },
  'unsupported-version': {
    fr: "Ce fichier de sauvegarde a été créé par une version d'Encours dont le format n'est pas pris en charge. Mettez Encours à jour puis réessayez.",
    en: 'This backup was made by a version of Encours whose file format is not supported. Update Encours and try again.',
  },
  'schema-newer-than-app': {
    fr: "Cette sauvegarde vient d'une version plus récente d'Encours. Mettez Encours à jour pour la restaurer.",
    en: 'This backup comes from a newer version of Encours. Update Encours to restore it.',
  },
  'invalid-json': {
    fr: 'Ce fichier de sauvegarde est endommagé (contenu illisible) : il ne peut pas être restauré. Utilisez une autre sauvegarde.',
    en: 'This backup file is damaged (unreadable content): it cannot be restored. Use another backup.',
  },
};

/** Thrown by `serializeBackup` when the content cannot be written faithfully (a programming error). */
export class BackupContentError extends Error {
  override readonly name = 'BackupContentError';
}

const HEADER_PREFIX = `{"format":"${BACKUP_FORMAT}",`;
/** How every complete file ends: the checksum object closes the document. */
const TRAILER = /,"checksum":\{"algorithm":"SHA-256","value":"[0-9a-f]{64}"\}\}$/;

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function checksumInput(document: Readonly<Record<string, unknown>>): string {
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(document)) if (key !== 'checksum') rest[key] = value;
  return canonicalJson(rest);
}

function failure(code: BackupErrorCode): ParseBackupResult {
  return { ok: false, error: { code, message: BACKUP_ERROR_MESSAGES[code] } };
}

/** Writes a backup file. Throws `BackupContentError` when the content is not valid or not plain JSON. */
export async function serializeBackup(content: BackupInput): Promise<Uint8Array> {
  const parsed = backupContentSchema.safeParse(content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackupContentError(`${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  for (const [table, rows] of Object.entries(content.tables)) {
    // zod's record drops a `__proto__` key instead of refusing it: checked here, name by name.
    if (!backupTableNameSchema.safeParse(table).success) {
      throw new BackupContentError(`${table}: not a valid table name`);
    }
    const where = findNonJson(rows, table);
    if (where !== null) throw new BackupContentError(`${where}: not a plain JSON value`);
  }
  // Key order matters for the file (HEADER_PREFIX first, checksum last), not for the checksum (canonical).
  const document = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: content.appVersion,
    schemaVersion: content.schemaVersion,
    createdAt: content.createdAt,
    workspace: content.workspace,
    tables: content.tables,
  };
  const checksum = { algorithm: 'SHA-256', value: await sha256Hex(checksumInput(document)) };
  return new TextEncoder().encode(JSON.stringify({ ...document, checksum }));
}

function startsLikeBackup(bytes: Uint8Array): boolean {
  const prefix = new TextEncoder().encode(HEADER_PREFIX);
  const length = Math.min(bytes.length, prefix.length);
  for (let i = 0; i < length; i += 1) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/**
 * Reads and checks a backup file. In order: readable JSON (else `truncated` when the file starts like a
 * backup but lacks its end, `invalid-json` or `not-a-backup`), the format marker, the format version (checked
 * before the checksum: a future format may checksum differently), the checksum, the structure, then the
 * schema version against `appSchemaVersion` when given.
 */
export async function parseBackup(
  bytes: Uint8Array,
  options: { readonly appSchemaVersion?: number } = {},
): Promise<ParseBackupResult> {
  const looksLikeBackup = startsLikeBackup(bytes);
  // An empty file, or one cut inside the header, is a backup whose write was interrupted.
  if (looksLikeBackup && bytes.length <= HEADER_PREFIX.length) return failure('truncated');

  let text: string;
  let document: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (!looksLikeBackup) return failure('not-a-backup');
    // A cut inside a multi-byte character, or a damaged byte: the end of the file tells which.
    const tail = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(-200));
    return failure(TRAILER.test(tail) ? 'invalid-json' : 'truncated');
  }
  try {
    document = JSON.parse(text);
  } catch {
    if (looksLikeBackup) return failure(TRAILER.test(text.trimEnd()) ? 'invalid-json' : 'truncated');
    return failure(text.trimStart().startsWith('{') ? 'invalid-json' : 'not-a-backup');
  }

  if (!isJsonObject(document) || document['format'] !== BACKUP_FORMAT) return failure('not-a-backup');
  if (document['formatVersion'] !== BACKUP_FORMAT_VERSION) {
    return failure(typeof document['formatVersion'] === 'number' ? 'unsupported-version' : 'invalid-json');
  }
  // A missing or unreadable checksum means the file's integrity cannot be verified: same answer as a wrong one.
  const checksum = checksumSchema.safeParse(document['checksum']);
  if (!checksum.success || checksum.data.value !== (await sha256Hex(checksumInput(document)))) {
    return failure('checksum-mismatch');
  }
  const backup = backupSchema.safeParse(document);
  if (!backup.success) return failure('invalid-json');
  const tableNames = isJsonObject(document['tables']) ? Object.keys(document['tables']) : [];
  if (tableNames.some((name) => !backupTableNameSchema.safeParse(name).success)) {
    return failure('invalid-json');
  }
  if (options.appSchemaVersion !== undefined && backup.data.schemaVersion > options.appSchemaVersion) {
    return failure('schema-newer-than-app');
  }
  return { ok: true, backup: backup.data };
}

/** A file name for a manual export: `encours-<workspace>-<YYYY-MM-DD>.encours-backup`. */
export function backupFileName(workspace: BackupWorkspace, createdAt: string): string {
  const slug =
    workspace.name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'espace';
  return `encours-${slug}-${createdAt.slice(0, 10)}.${BACKUP_FILE_EXTENSION}`;
}
