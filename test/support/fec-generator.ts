/**
 * Deterministic (seeded) generator of a realistic FEC for end-to-end tests and benchmarks: a sales journal VE
 * (411 debit, 706/707 credit, 44571 VAT at 20 %), a bank journal BQ (512 / 411 payments lettered to their
 * invoice, most invoices paid, some open), and a few credit notes. Tab-separated, 18 columns, LF, UTF-8.
 * The same (lines, seed) always gives the same bytes.
 */
import { mulberry32 as prng } from './prng';

export type FecGeneratorOptions = {
  /** Approximate number of data lines (the result stops at the first piece reaching it). */
  readonly lines: number;
  readonly seed?: number;
  readonly buyers?: number;
  /** First entry date, ISO. */
  readonly startDate?: string;
};

export type GeneratedFec = {
  readonly text: string;
  readonly lineCount: number;
  /** Σ(Debit − Credit) of the 411 lines per CompAuxNum, in cents, as generated. */
  readonly balancesCents: ReadonlyMap<string, number>;
  readonly bytes: () => Uint8Array;
};

const HEADER = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
].join('\t');

const amount = (cents: number): string =>
  `${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')}`;

function dateAfter(start: string, days: number): string {
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10).replaceAll('-', '');
}

/** Lettering codes AA, AB, … ZZ, AAA… per buyer. */
function letteringCode(n: number): string {
  let code = '';
  let value = n;
  do {
    code = String.fromCharCode(65 + (value % 26)) + code;
    value = Math.floor(value / 26) - 1;
  } while (value >= 0);
  return code.length < 2 ? `A${code}` : code;
}

export function generateFec(options: FecGeneratorOptions): GeneratedFec {
  const random = prng(options.seed ?? 42);
  const buyerCount = options.buyers ?? Math.max(5, Math.round(options.lines / 200));
  const start = options.startDate ?? '2025-01-01';
  const out: string[] = [HEADER];
  const balances = new Map<string, number>();
  const letteringCounter = new Map<string, number>();
  let entry = 0;
  let count = 0;
  const push = (cells: readonly string[]): void => {
    out.push(cells.join('\t'));
    count += 1;
  };
  while (count < options.lines) {
    entry += 1;
    const buyerIndex = Math.floor(random() * buyerCount);
    const aux = `C${String(buyerIndex).padStart(5, '0')}`;
    const name = `Client ${buyerIndex} SARL`;
    const day = Math.floor((entry * 365) / Math.max(1, options.lines / 4));
    const date = dateAfter(start, Math.min(day, 364));
    const ht = 1000 + Math.floor(random() * 2_000_000);
    const vat = Math.round(ht * 0.2);
    const ttc = ht + vat;
    const isCreditNote = random() < 0.05;
    const revenue = random() < 0.5 ? '706000' : '707000';
    const piece = `F${entry}`;
    const isPaid = !isCreditNote && random() < 0.8;
    let lettering = '';
    let dateLet = '';
    const payDate = dateAfter(start, Math.min(day, 364) + 30 + Math.floor(random() * 40));
    if (isPaid) {
      const n = letteringCounter.get(aux) ?? 0;
      letteringCounter.set(aux, n + 1);
      lettering = letteringCode(n);
      dateLet = payDate;
    }
    const [d411, c411, dRev, cRev] = isCreditNote
      ? ['0,00', amount(ttc), amount(ht), '0,00']
      : [amount(ttc), '0,00', '0,00', amount(ht)];
    const [dVat, cVat] = isCreditNote ? [amount(vat), '0,00'] : ['0,00', amount(vat)];
    const journal = ['VE', 'Ventes', String(entry), date];
    push([
      ...journal,
      '411000',
      'Clients',
      aux,
      name,
      piece,
      date,
      `Facture ${piece}`,
      d411,
      c411,
      lettering,
      dateLet,
      date,
      '',
      '',
    ]);
    push([
      ...journal,
      revenue,
      'Ventes',
      '',
      '',
      piece,
      date,
      `Facture ${piece}`,
      dRev,
      cRev,
      '',
      '',
      date,
      '',
      '',
    ]);
    push([
      ...journal,
      '445710',
      'TVA collectée',
      '',
      '',
      piece,
      date,
      `Facture ${piece}`,
      dVat,
      cVat,
      '',
      '',
      date,
      '',
      '',
    ]);
    balances.set(aux, (balances.get(aux) ?? 0) + (isCreditNote ? -ttc : ttc));
    if (isPaid) {
      entry += 1;
      const bank = ['BQ', 'Banque', String(entry), payDate];
      push([
        ...bank,
        '512000',
        'Banque',
        '',
        '',
        `VIR${entry}`,
        payDate,
        `Virement ${name}`,
        amount(ttc),
        '0,00',
        '',
        '',
        payDate,
        '',
        '',
      ]);
      push([
        ...bank,
        '411000',
        'Clients',
        aux,
        name,
        `VIR${entry}`,
        payDate,
        `Virement ${name}`,
        '0,00',
        amount(ttc),
        lettering,
        dateLet,
        payDate,
        '',
        '',
      ]);
      balances.set(aux, (balances.get(aux) ?? 0) - ttc);
    }
  }
  const text = `${out.join('\n')}\n`;
  return { text, lineCount: count, balancesCents: balances, bytes: () => new TextEncoder().encode(text) };
}
