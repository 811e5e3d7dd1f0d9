/**
 * Reads a CSV file (bytes or text) into a header row and data rows, remembering the real file line of each row.
 *
 * Invariants:
 * - Decoding: UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else Windows-1252 (what Excel "CSV
 *   (séparateur : point-virgule)" writes on a French Windows); never a lossy UTF-8 decode with U+FFFD.
 * - Line endings CR, LF and CRLF are all one line break; `lineOf(i)` is the 1-based line of the file where data
 *   row `i` starts, so a quoted field holding newlines moves the following rows down, as a text editor shows.
 * - Blank lines are skipped (they are not rows) but still counted for line numbers.
 * - The delimiter is `;` (French default), `,` or tab, detected from the first lines unless given.
 * - Structural problems (unclosed quote) become `ImportError`s with a line number; nothing throws on bad input.
 *
 * Pure: no DOM, no Node built-ins; runs in a Web Worker and in Node.
 */
import Papa from 'papaparse';
import type { ImportError } from './import-errors';

export type CsvDelimiter = ';' | ',' | '\t';
export type CsvEncoding = 'utf-8' | 'windows-1252';

export type CsvTable = {
  readonly headers: readonly string[];
  /** Data rows (the header row excluded), each padded with '' to the header's width. */
  readonly rows: readonly (readonly string[])[];
  /** The 1-based file line where data row `rowIndex` starts. */
  readonly lineOf: (rowIndex: number) => number;
  /** The file line of the header row. */
  readonly headerLine: number;
  readonly delimiter: CsvDelimiter;
  readonly encoding: CsvEncoding;
};

export type CsvReadResult =
  | { readonly ok: true; readonly table: CsvTable }
  | { readonly ok: false; readonly errors: readonly ImportError[] };

export type CsvReadOptions = {
  /** Forces the delimiter instead of detecting it. */
  readonly delimiter?: CsvDelimiter;
};

const CANDIDATE_DELIMITERS: readonly CsvDelimiter[] = [';', ',', '\t'];

/** Decodes bytes: UTF-8 when valid (BOM dropped), else Windows-1252. */
export function decodeCsvBytes(bytes: Uint8Array): { readonly text: string; readonly encoding: CsvEncoding } {
  try {
    // `fatal` makes invalid UTF-8 throw instead of producing U+FFFD, which is how Windows-1252 is recognised.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Windows-1252 (cp1252) code points of bytes 0x80–0x9F; every other byte is its Latin-1 code point. Decoded by
 * hand because some Node versions decode the `windows-1252` label as ISO-8859-1 (0x80 would not become €).
 * The five bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 controls, as WHATWG does.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? (CP1252_HIGH[byte - 0x80] ?? byte) : byte);
  }
  return text;
}

type RawRow = { readonly cells: readonly string[]; readonly line: number };

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Parses normalised text (LF only) with papaparse, attaching each row's starting line. */
function parseRows(
  text: string,
  delimiter: CsvDelimiter,
  preview?: number,
): { readonly rows: RawRow[]; readonly errors: ImportError[] } {
  const rows: RawRow[] = [];
  const errors: ImportError[] = [];
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    ...(preview === undefined ? {} : { preview }),
    step: (result) => {
      const end = result.meta.cursor;
      // The row spans text[start, end): its first line is `line`; the next row starts after its line breaks.
      const rowLine = line;
      for (let at = start; at < end && at < text.length; at++) if (text.charCodeAt(at) === 10) line++;
      start = end;
      for (const error of result.errors) {
        errors.push({ code: 'csv-structure', line: rowLine, detail: error.message });
      }
      if (!isBlank(result.data)) rows.push({ cells: result.data, line: rowLine });
    },
  });
  return { rows, errors };
}

/** Picks the candidate under which the first lines have the most consistent width (more than one column). */
function detectDelimiter(text: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; score: number; width: number } | undefined;
  for (const delimiter of CANDIDATE_DELIMITERS) {
    const { rows } = parseRows(text, delimiter, 20);
    const width = rows[0]?.cells.length ?? 0;
    if (width < 2) continue;
    const score = rows.filter((row) => row.cells.length === width).length / rows.length;
    // Strictly better only: on a tie the earlier candidate (`;`, the French default) wins.
    if (best === undefined || score > best.score || (score === best.score && width > best.width)) {
      best = { delimiter, score, width };
    }
  }
  return best?.delimiter ?? ';';
}

/** Reads CSV text (already decoded). A leading BOM is dropped. */
export function readCsvText(
  input: string,
  options: CsvReadOptions = {},
  encoding: CsvEncoding = 'utf-8',
): CsvReadResult {
  // CRLF and lone CR become LF: each is one line break, so line numbers are unchanged.
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const { rows, errors } = parseRows(text, delimiter);
  const [header, ...data] = rows;
  if (header === undefined) {
    return { ok: false, errors: [{ code: 'csv-empty-file', detail: '' }] };
  }
  if (errors.length > 0) return { ok: false, errors };
  const headers = header.cells.map((cell) => cell.trim());
  const width = headers.length;
  const padded = data.map((row) =>
    row.cells.length >= width
      ? row.cells
      : [...row.cells, ...Array<string>(width - row.cells.length).fill('')],
  );
  const lines = data.map((row) => row.line);
  const lineOf = (rowIndex: number): number => {
    const line = lines[rowIndex];
    if (line === undefined) throw new RangeError(`lineOf: no data row ${rowIndex}`);
    return line;
  };
  return {
    ok: true,
    table: { headers, rows: padded, lineOf, headerLine: header.line, delimiter, encoding },
  };
}

/** Reads a CSV file's bytes: decodes them (UTF-8, else Windows-1252) then parses. */
export function readCsvBytes(bytes: Uint8Array, options: CsvReadOptions = {}): CsvReadResult {
  const { text, encoding } = decodeCsvBytes(bytes);
  return readCsvText(text, options, encoding);
}
