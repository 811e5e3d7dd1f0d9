/**
 * What a chosen file is, read from its first bytes only (never the whole file on the main thread): a FEC when
 * its first non-blank line is a FEC header the shared parser accepts, else a CSV whose header row is returned
 * for the column-mapping step.
 */
import { readCsvBytes } from '../../../shared/import/csv-read';
import { decodeFec } from '../../../shared/import/fec-decode';
import { parseFec } from '../../../shared/import/fec-parse';
import type { ImportError } from '../../../shared/import/import-errors';
import { toRejectedLine } from './run-import';
import type { RejectedLine } from './run-import';

export type FileInspection =
  | { readonly kind: 'fec' }
  | { readonly kind: 'csv'; readonly headers: readonly string[] }
  | { readonly kind: 'unreadable'; readonly errors: readonly RejectedLine[] };

const HEAD_BYTES = 64 * 1024;

/** The first complete lines of `head` (a cut last line is dropped unless the file is that short). */
function completeLines(head: Uint8Array, isWholeFile: boolean): Uint8Array {
  if (isWholeFile) return head;
  const lastNewline = head.lastIndexOf(0x0a);
  return lastNewline < 0 ? head : head.subarray(0, lastNewline + 1);
}

export function inspectHead(head: Uint8Array, isWholeFile: boolean): FileInspection {
  const bytes = completeLines(head, isWholeFile);
  const text = decodeFec(bytes).text;
  const firstLine = text.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '';
  if (parseFec(`${firstLine}\n`).header !== undefined) return { kind: 'fec' };
  const read = readCsvBytes(bytes);
  if (read.ok) return { kind: 'csv', headers: read.table.headers };
  const errors: readonly ImportError[] = read.errors;
  return { kind: 'unreadable', errors: errors.map(toRejectedLine) };
}

export async function inspectFile(file: Blob): Promise<FileInspection> {
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  return inspectHead(head, file.size <= HEAD_BYTES);
}
