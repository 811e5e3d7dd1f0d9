/**
 * FEC text → `FecEntry` rows (domain.md §6), with every rejected line reported as an `ImportError` value.
 *
 * Accepted variants: tab or `|` separator (read from the header line); header names in any case and with
 * known spelling variants (`MontantDevise`, `Montantdevise`); 18 columns, 22 (DateRglt, ModeRglt, NatOp,
 * IdClient) or any extra columns (ignored); Montant + Sens instead of Debit + Credit; space-padded fields
 * (trimmed); zero-padded amounts; a trailing separator (an empty last column); CR, LF or CRLF line ends.
 *
 * Invariants: a missing mandatory column is one error for the whole file and no entry is returned; otherwise
 * every line is either an entry or at least one error carrying its 1-based line number, never both. Amounts
 * are integer cents (debit and credit both ≥ 0: a negative debit is moved to the credit side and vice versa);
 * dates are ISO. Speed: one pass, `indexOf`/`split`/`charCodeAt`; no regular expression on the hot path.
 */
import { parseAmount } from '../domain/money';
import type { Cents, IsoDate } from '../domain/types';
import { decodeFec } from './fec-decode';
import type { DecodeOptions, FecEncoding } from './fec-decode';
import type { ImportError } from './import-errors';

export type FecSeparator = '\t' | '|';
export type FecAmountStyle = 'debit-credit' | 'amount-sense';

/** One accounting line (écriture) of the FEC. */
export type FecEntry = {
  /** 1-based line number in the file. */
  readonly line: number;
  readonly journalCode: string;
  readonly journalLabel: string;
  readonly entryNumber: string;
  readonly entryDate: IsoDate;
  readonly accountNumber: string;
  readonly accountLabel: string;
  readonly auxAccountNumber?: string;
  readonly auxAccountLabel?: string;
  readonly pieceRef: string;
  readonly pieceDate?: IsoDate;
  readonly label: string;
  readonly debitCents: Cents;
  readonly creditCents: Cents;
  readonly letteringCode?: string;
  readonly letteringDate?: IsoDate;
  readonly validDate?: IsoDate;
  /** Montantdevise / Idevise when given (signed as written, integer cents of that currency). */
  readonly currencyAmountCents?: Cents;
  readonly currency?: string;
  /** 22-column variant (BOI-CF-IOR-60-40-20): DateRglt, ModeRglt, NatOp, IdClient. */
  readonly paymentDate?: IsoDate;
  readonly paymentMethod?: string;
  readonly operationNature?: string;
  readonly clientId?: string;
};

export type FecHeader = {
  readonly separator: FecSeparator;
  /** Columns as named in the file (trailing empty column included when the header ends with a separator). */
  readonly columns: readonly string[];
  readonly amountStyle: FecAmountStyle;
};

export type FecParseResult = {
  /** Absent when the header could not be read. */
  readonly header?: FecHeader;
  readonly entries: readonly FecEntry[];
  /** Empty when every line was read; the app then imports, else it imports nothing and lists them all. */
  readonly errors: readonly ImportError[];
  /** Number of data lines seen (blank lines excluded). */
  readonly lineCount: number;
};

/** Canonical column keys, lower-case. Several spellings map to one key. */
type ColumnKey =
  | 'journalcode'
  | 'journallib'
  | 'ecriturenum'
  | 'ecrituredate'
  | 'comptenum'
  | 'comptelib'
  | 'compauxnum'
  | 'compauxlib'
  | 'pieceref'
  | 'piecedate'
  | 'ecriturelib'
  | 'debit'
  | 'credit'
  | 'montant'
  | 'sens'
  | 'ecriturelet'
  | 'datelet'
  | 'validdate'
  | 'montantdevise'
  | 'idevise'
  | 'datereglt'
  | 'modereglt'
  | 'natop'
  | 'idclient';

const ALIASES: Readonly<Record<string, ColumnKey>> = {
  journalcode: 'journalcode',
  journallib: 'journallib',
  ecriturenum: 'ecriturenum',
  ecrituredate: 'ecrituredate',
  comptenum: 'comptenum',
  comptelib: 'comptelib',
  compauxnum: 'compauxnum',
  compauxlib: 'compauxlib',
  pieceref: 'pieceref',
  piecedate: 'piecedate',
  ecriturelib: 'ecriturelib',
  debit: 'debit',
  credit: 'credit',
  montant: 'montant',
  sens: 'sens',
  ecriturelet: 'ecriturelet',
  datelet: 'datelet',
  validdate: 'validdate',
  montantdevise: 'montantdevise',
  idevise: 'idevise',
  datereglt: 'datereglt',
  daterglt: 'datereglt',
  modereglt: 'modereglt',
  moderglt: 'modereglt',
  natop: 'natop',
  idclient: 'idclient',
};

/** The columns without which no line can be read (Montantdevise / Idevise are often missing: optional). */
const MANDATORY: readonly { readonly key: ColumnKey; readonly name: string }[] = [
  { key: 'journalcode', name: 'JournalCode' },
  { key: 'journallib', name: 'JournalLib' },
  { key: 'ecriturenum', name: 'EcritureNum' },
  { key: 'ecrituredate', name: 'EcritureDate' },
  { key: 'comptenum', name: 'CompteNum' },
  { key: 'comptelib', name: 'CompteLib' },
  { key: 'compauxnum', name: 'CompAuxNum' },
  { key: 'compauxlib', name: 'CompAuxLib' },
  { key: 'pieceref', name: 'PieceRef' },
  { key: 'piecedate', name: 'PieceDate' },
  { key: 'ecriturelib', name: 'EcritureLib' },
  { key: 'ecriturelet', name: 'EcritureLet' },
  { key: 'datelet', name: 'DateLet' },
  { key: 'validdate', name: 'ValidDate' },
];

/** Normalises a header cell: trimmed, lower-case, accents and inner spaces/underscores removed. */
function normaliseColumnName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f\s_-]/g, '');
}

/** Splits text into lines, whatever the line ends; calls `onLine(text, lineNumber)` for each. */
function forEachLine(text: string, onLine: (line: string, lineNumber: number) => void): void {
  // A file with no LF at all uses CR alone (old Mac exports); otherwise LF ends a line and a CR before it
  // is dropped.
  const hasLf = text.includes('\n');
  const end = hasLf ? '\n' : '\r';
  let start = 0;
  let lineNumber = 1;
  const length = text.length;
  while (start < length) {
    let next = text.indexOf(end, start);
    if (next === -1) next = length;
    let stop = next;
    if (hasLf && stop > start && text.charCodeAt(stop - 1) === 13) stop -= 1;
    onLine(text.slice(start, stop), lineNumber);
    start = next + 1;
    lineNumber += 1;
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (DAYS_IN_MONTH[month - 1] ?? 0);
}

/**
 * AAAAMMJJ (the legal format) → ISO; also tolerates `AAAA-MM-JJ` and `JJ/MM/AAAA`, seen in hand-made files.
 * Returns undefined when the value is not a real calendar date.
 */
export function parseFecDate(value: string): IsoDate | undefined {
  let year: string;
  let month: string;
  let day: string;
  if (value.length === 8) {
    for (let i = 0; i < 8; i += 1) if (!isDigit(value.charCodeAt(i))) return undefined;
    year = value.slice(0, 4);
    month = value.slice(4, 6);
    day = value.slice(6, 8);
  } else if (value.length === 10 && value[4] === '-' && value[7] === '-') {
    year = value.slice(0, 4);
    month = value.slice(5, 7);
    day = value.slice(8, 10);
  } else if (value.length === 10 && value[2] === '/' && value[5] === '/') {
    year = value.slice(6, 10);
    month = value.slice(3, 5);
    day = value.slice(0, 2);
  } else {
    return undefined;
  }
  const digits = year + month + day;
  for (let i = 0; i < 8; i += 1) if (!isDigit(digits.charCodeAt(i))) return undefined;
  if (!isValidDay(Number(year), Number(month), Number(day))) return undefined;
  return `${year}-${month}-${day}`;
}

/**
 * A FEC amount → integer cents. Fast path for the legal form (`-?digits[,.]d{0,2}`, zero padding included),
 * else the general French reader of `money.ts` (spaces between thousands, etc.).
 */
export function parseFecAmount(value: string): Cents | undefined {
  const length = value.length;
  if (length === 0) return undefined;
  let i = 0;
  let isNegative = false;
  const first = value.charCodeAt(0);
  if (first === 45 || first === 43) {
    isNegative = first === 45;
    i = 1;
  }
  let units = 0;
  let digitCount = 0;
  while (i < length && isDigit(value.charCodeAt(i))) {
    units = units * 10 + (value.charCodeAt(i) - 48);
    i += 1;
    digitCount += 1;
  }
  let cents = 0;
  let fractionDigits = 0;
  if (i < length && (value.charCodeAt(i) === 44 || value.charCodeAt(i) === 46)) {
    i += 1;
    while (i < length && fractionDigits < 2 && isDigit(value.charCodeAt(i))) {
      cents = cents * 10 + (value.charCodeAt(i) - 48);
      i += 1;
      fractionDigits += 1;
    }
    if (fractionDigits === 1) cents *= 10;
  }
  if (i === length && digitCount > 0 && digitCount <= 13) {
    const total = units * 100 + cents;
    return isNegative && total !== 0 ? -total : total;
  }
  const general = parseAmount(value);
  return general.ok ? general.cents : undefined;
}

function detectSeparator(headerLine: string): FecSeparator | undefined {
  const tabs = headerLine.split('\t').length;
  const pipes = headerLine.split('|').length;
  if (tabs < 3 && pipes < 3) return undefined;
  return tabs >= pipes ? '\t' : '|';
}

type ColumnIndex = Partial<Record<ColumnKey, number>>;

type HeaderReading =
  | { readonly ok: true; readonly header: FecHeader; readonly index: ColumnIndex }
  | { readonly ok: false; readonly error: ImportError };

function readHeader(headerLine: string): HeaderReading {
  const line = headerLine.charCodeAt(0) === 0xfeff ? headerLine.slice(1) : headerLine;
  const separator = detectSeparator(line);
  if (separator === undefined) {
    return { ok: false, error: { code: 'not-a-fec', line: 1, detail: line.slice(0, 60) } };
  }
  const columns = line.split(separator).map((c) => c.trim());
  const index: ColumnIndex = {};
  columns.forEach((column, at) => {
    const key = ALIASES[normaliseColumnName(column)];
    if (key !== undefined && index[key] === undefined) index[key] = at;
  });
  const known = Object.keys(index).length;
  if (index.journalcode === undefined && index.comptenum === undefined && known < 4) {
    return { ok: false, error: { code: 'not-a-fec', line: 1, detail: line.slice(0, 60) } };
  }
  const hasDebitCredit = index.debit !== undefined && index.credit !== undefined;
  const hasAmountSense = index.montant !== undefined && index.sens !== undefined;
  const missing = MANDATORY.filter((m) => index[m.key] === undefined).map((m) => m.name);
  if (!hasDebitCredit && !hasAmountSense) {
    if (index.montant !== undefined) missing.push('Sens');
    else if (index.sens !== undefined) missing.push('Montant');
    else {
      if (index.debit === undefined) missing.push('Debit');
      if (index.credit === undefined) missing.push('Credit');
    }
  }
  if (missing.length > 0) {
    return {
      ok: false,
      error: { code: 'missing-column', line: 1, field: missing.join(', '), detail: missing.join(', ') },
    };
  }
  return {
    ok: true,
    header: { separator, columns, amountStyle: hasDebitCredit ? 'debit-credit' : 'amount-sense' },
    index,
  };
}

/** Parses a whole decoded FEC. */
export function parseFec(text: string): FecParseResult {
  if (text.includes('\u0000')) {
    return {
      entries: [],
      errors: [{ code: 'bad-encoding', detail: 'NUL bytes (UTF-16 ?)' }],
      lineCount: 0,
    };
  }
  let headerReading: HeaderReading | undefined;
  const entries: FecEntry[] = [];
  const errors: ImportError[] = [];
  let lineCount = 0;
  let read: ((fields: string[], lineNumber: number) => void) | undefined;
  let expected = 0;
  let headerEndsEmpty = false;
  let separator: FecSeparator = '\t';
  forEachLine(text, (line, lineNumber) => {
    if (headerReading === undefined) {
      if (line.trim() === '') return;
      headerReading = readHeader(line);
      if (headerReading.ok) {
        separator = headerReading.header.separator;
        const columns = headerReading.header.columns;
        expected = columns.length;
        headerEndsEmpty = columns[columns.length - 1] === '';
        read = makeLineReader(
          headerReading.index,
          headerReading.header.amountStyle,
          columns,
          entries,
          errors,
        );
      }
      return;
    }
    if (read === undefined) return;
    if (line.length === 0 || line.trim() === '') return;
    lineCount += 1;
    const fields = line.split(separator);
    const count = fields.length;
    const fits =
      count === expected ||
      (count === expected + 1 && fields[count - 1]?.trim() === '') ||
      (count === expected - 1 && headerEndsEmpty);
    if (!fits) {
      errors.push({
        code: 'wrong-column-count',
        line: lineNumber,
        detail: `${count} / ${expected}`,
      });
      return;
    }
    read(fields, lineNumber);
  });
  if (headerReading === undefined) {
    return { entries: [], errors: [{ code: 'empty-file', detail: '' }], lineCount: 0 };
  }
  const reading: HeaderReading = headerReading;
  if (!reading.ok) return { entries: [], errors: [reading.error], lineCount: 0 };
  return { header: reading.header, entries, errors, lineCount };
}

function makeLineReader(
  index: ColumnIndex,
  amountStyle: FecAmountStyle,
  columns: readonly string[],
  entries: FecEntry[],
  errors: ImportError[],
): (fields: string[], lineNumber: number) => void {
  const at = (key: ColumnKey): number => index[key] ?? -1;
  const iJournal = at('journalcode');
  const iJournalLib = at('journallib');
  const iNum = at('ecriturenum');
  const iDate = at('ecrituredate');
  const iAccount = at('comptenum');
  const iAccountLib = at('comptelib');
  const iAux = at('compauxnum');
  const iAuxLib = at('compauxlib');
  const iPiece = at('pieceref');
  const iPieceDate = at('piecedate');
  const iLabel = at('ecriturelib');
  const iDebit = at('debit');
  const iCredit = at('credit');
  const iAmount = at('montant');
  const iSense = at('sens');
  const iLet = at('ecriturelet');
  const iDateLet = at('datelet');
  const iValid = at('validdate');
  const iCurAmount = at('montantdevise');
  const iCurrency = at('idevise');
  const iPayDate = at('datereglt');
  const iPayMethod = at('modereglt');
  const iNatOp = at('natop');
  const iClientId = at('idclient');
  const nameOf = (i: number): string => columns[i] ?? '';

  return (fields, lineNumber) => {
    const get = (i: number): string => (i < 0 ? '' : (fields[i] ?? '').trim());
    let isRejected = false;
    const date = (i: number, isRequired: boolean): IsoDate | undefined => {
      const raw = get(i);
      if (raw === '') {
        if (isRequired) {
          isRejected = true;
          errors.push({ code: 'bad-date', line: lineNumber, field: nameOf(i), detail: raw });
        }
        return undefined;
      }
      const iso = parseFecDate(raw);
      if (iso === undefined) {
        isRejected = true;
        errors.push({ code: 'bad-date', line: lineNumber, field: nameOf(i), detail: raw });
      }
      return iso;
    };
    const amount = (i: number, emptyIsZero: boolean): Cents => {
      const raw = get(i);
      if (raw === '' && emptyIsZero) return 0;
      const cents = parseFecAmount(raw);
      if (cents === undefined) {
        isRejected = true;
        errors.push({ code: 'bad-amount', line: lineNumber, field: nameOf(i), detail: raw });
        return 0;
      }
      return cents;
    };

    const entryDate = date(iDate, true);
    const pieceDate = date(iPieceDate, false);
    const letteringDate = date(iDateLet, false);
    const validDate = date(iValid, false);
    const paymentDate = iPayDate < 0 ? undefined : date(iPayDate, false);

    let debit = 0;
    let credit = 0;
    if (amountStyle === 'debit-credit') {
      debit = amount(iDebit, true);
      credit = amount(iCredit, true);
    } else {
      const value = amount(iAmount, false);
      const sense = get(iSense).toUpperCase();
      if (sense === 'D' || sense === '+1' || sense === '1' || sense === '+') debit = value;
      else if (sense === 'C' || sense === '-1' || sense === '-') credit = value;
      else {
        isRejected = true;
        errors.push({ code: 'bad-sense', line: lineNumber, field: nameOf(iSense), detail: get(iSense) });
      }
    }
    // A negative debit is a credit (some packages write corrections that way); keep both sides ≥ 0.
    if (debit < 0) {
      credit -= debit;
      debit = 0;
    }
    if (credit < 0) {
      debit -= credit;
      credit = 0;
    }
    const curRaw = get(iCurAmount);
    const currencyAmountCents = curRaw === '' ? undefined : parseFecAmount(curRaw);
    if (isRejected || entryDate === undefined) return;

    const aux = get(iAux);
    const auxLib = get(iAuxLib);
    const lettering = get(iLet);
    const currency = get(iCurrency);
    const paymentMethod = get(iPayMethod);
    const natOp = get(iNatOp);
    const clientId = get(iClientId);
    entries.push({
      line: lineNumber,
      journalCode: get(iJournal),
      journalLabel: get(iJournalLib),
      entryNumber: get(iNum),
      entryDate,
      accountNumber: get(iAccount),
      accountLabel: get(iAccountLib),
      auxAccountNumber: aux === '' ? undefined : aux,
      auxAccountLabel: auxLib === '' ? undefined : auxLib,
      pieceRef: get(iPiece),
      pieceDate,
      label: get(iLabel),
      debitCents: debit,
      creditCents: credit,
      letteringCode: lettering === '' ? undefined : lettering,
      letteringDate,
      validDate,
      currencyAmountCents,
      currency: currency === '' ? undefined : currency,
      paymentDate,
      paymentMethod: paymentMethod === '' ? undefined : paymentMethod,
      operationNature: natOp === '' ? undefined : natOp,
      clientId: clientId === '' ? undefined : clientId,
    });
  };
}

export type FecReadResult = FecParseResult & {
  readonly encoding: FecEncoding;
  readonly hadBom: boolean;
};

/** Bytes → entries: `decodeFec` then `parseFec`. An empty byte array is an `empty-file` error. */
export function parseFecBytes(bytes: Uint8Array, options: DecodeOptions = {}): FecReadResult {
  const decoded = decodeFec(bytes, options);
  return { ...parseFec(decoded.text), encoding: decoded.encoding, hadBom: decoded.hadBom };
}
