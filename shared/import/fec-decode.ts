/**
 * FEC bytes → text. Runs anywhere TextDecoder exists (Node, a browser worker): no Buffer.
 *
 * Rules:
 * - UTF-8 first, strict (`fatal: true`); a BOM is removed and reported.
 * - When the bytes are not valid UTF-8 the file is a legacy single-byte export. ISO-8859-15 and Windows-1252
 *   agree on every letter French uses except a few code points; the ones that matter in a ledger are 0xA4
 *   ('€' in 8859-15, '¤' in 1252) and the 0x80–0x9F range (printable in 1252 — '€' is 0x80 —, control
 *   characters in 8859-15). Heuristic: any byte in 0x80–0x9F → Windows-1252; otherwise a 0xA4 byte →
 *   ISO-8859-15 (nobody writes '¤' in a ledger); otherwise Windows-1252 (identical to 8859-15 on those bytes
 *   but for 0xA6, 0xA8, 0xB4, 0xB8, 0xBC–0xBE, which are rare symbols either way). `options.encoding` overrides
 *   the guess.
 * - Line ends are left as they are; the parser accepts CR, LF and CRLF.
 * - The single-byte encodings are decoded here by table, not by `TextDecoder('windows-1252')`: Node 24's
 *   decoder treats that label as Latin-1 (0x80 → U+0080 instead of '€'), which browsers do not.
 */

export type FecEncoding = 'utf-8' | 'windows-1252' | 'iso-8859-15';

export type DecodedText = {
  readonly text: string;
  readonly encoding: FecEncoding;
  readonly hadBom: boolean;
};

export type DecodeOptions = {
  /** Forces an encoding instead of detecting it. */
  readonly encoding?: FecEncoding;
};

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Guesses the single-byte encoding of bytes that are not UTF-8 (see the module header). */
export function guessSingleByteEncoding(bytes: Uint8Array): 'windows-1252' | 'iso-8859-15' {
  let hasEuroSign8859 = false;
  for (const byte of bytes) {
    if (byte >= 0x80 && byte <= 0x9f) return 'windows-1252';
    if (byte === 0xa4) hasEuroSign8859 = true;
  }
  return hasEuroSign8859 ? 'iso-8859-15' : 'windows-1252';
}

/** Decodes a whole FEC file. Never throws: every byte sequence is readable as Windows-1252. */
export function decodeFec(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const hadBom = hasUtf8Bom(bytes);
  const body = hadBom ? bytes.subarray(3) : bytes;
  const forced = options.encoding;
  if (forced === undefined || forced === 'utf-8') {
    try {
      // ignoreBOM: the BOM was already stripped above; a second one would be data.
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
      return { text, encoding: 'utf-8', hadBom };
    } catch {
      if (forced === 'utf-8') {
        return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', hadBom };
      }
    }
  }
  const encoding = forced ?? guessSingleByteEncoding(body);
  return { text: decodeSingleByte(body, encoding), encoding, hadBom };
}

/** Windows-1252 0x80–0x9F (undefined positions kept as the C1 control, as browsers do). */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

/** The eight code points where ISO-8859-15 differs from ISO-8859-1. */
const ISO_8859_15_CHANGES: Readonly<Record<number, number>> = {
  0xa4: 0x20ac,
  0xa6: 0x160,
  0xa8: 0x161,
  0xb4: 0x17d,
  0xb8: 0x17e,
  0xbc: 0x152,
  0xbd: 0x153,
  0xbe: 0x178,
};

function codeTable(encoding: 'windows-1252' | 'iso-8859-15'): Uint16Array {
  const table = new Uint16Array(256);
  for (let i = 0; i < 256; i += 1) table[i] = i;
  if (encoding === 'windows-1252') WINDOWS_1252_HIGH.forEach((code, i) => (table[0x80 + i] = code));
  else for (const [byte, code] of Object.entries(ISO_8859_15_CHANGES)) table[Number(byte)] = code;
  return table;
}

/** Table decoding, in chunks so that `String.fromCharCode` never gets too many arguments. */
export function decodeSingleByte(bytes: Uint8Array, encoding: 'windows-1252' | 'iso-8859-15'): string {
  const table = codeTable(encoding);
  const chunkSize = 16_384;
  const codes = new Uint16Array(Math.min(chunkSize, bytes.length));
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += chunkSize) {
    const end = Math.min(start + chunkSize, bytes.length);
    for (let i = start; i < end; i += 1) codes[i - start] = table[bytes[i] ?? 0] ?? 0;
    parts.push(String.fromCharCode(...codes.subarray(0, end - start)));
  }
  return parts.join('');
}
