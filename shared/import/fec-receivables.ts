/**
 * FEC entries → the receivables ledger (buyers, invoices, credit notes, payments), domain.md §6.
 *
 * Rules and choices:
 * - Receivable accounts: 411 (clients), 413 (bills receivable), 416 (doubtful: the buyer is flagged), 419
 *   (customer credits / advances: counted in the buyer's net balance) become documents; 418 (to be invoiced)
 *   becomes `deliveredNotInvoicedCents` per buyer (Σ Debit − Credit), never an invoice.
 * - Buyer key = CompAuxNum (name CompAuxLib); when blank, CompteNum (name CompteLib).
 * - Each receivable line is one document, by the sign of Debit − Credit:
 *   debit → an invoice (in a sales journal: a sale; in an opening journal AN/ANO/RAN: an open balance carried
 *   forward, dated at the opening entry date; elsewhere — a refund, a 411→413 transfer — a debit document
 *   so that the balance stays Σ(Debit − Credit));
 *   credit → a credit note in a sales journal, else a payment (opening credits: a payment on account).
 *   Sales journal = the `salesJournals` option, else a journal code starting with "V" (VE, VEN, VT…), or any
 *   piece with a 70x revenue line.
 * - HT of a sale: the piece's 70x revenue (Credit − Debit) shared pro rata of the receivable lines of the
 *   piece (`mulRatio`); without revenue lines, TTC − the piece's 4457 VAT pro rata; without either, HT = TTC.
 *   Non-sales documents take HT = TTC.
 * - Lettering (EcritureLet, per buyer): when a lettering code gathers exactly one invoice, every payment and
 *   credit note carrying that code names it (`invoiceId`); otherwise they stay unnamed and the domain
 *   allocates them to the oldest open invoice first. A lettering date after the as-of date needs no special
 *   case: the domain counts only payments dated on or before the as-of date.
 * - Due dates: the FEC has none; `dueDateOf(issueDate, terms)` with `termsByBuyer[key]`, else `defaultTerms`
 *   (default 30 days net: the L441-10 fallback when nothing is agreed, counted from the invoice date because
 *   the FEC has no delivery date).
 * - Ids are deterministic: `fec:<company>:<buyer key>:<journal>:<entry number>[:n]` where company is the
 *   SIREN from the file name (or `companyKey`), so re-importing a file, or a later FEC repeating a piece,
 *   yields the same ids (upsert, no duplicate). Buyer ids: `fec:<company>:<buyer key>`.
 * Known limit: à-nouveaux of a later fiscal year restate balances of earlier invoices under other ids; the
 * caller importing successive years should drop the opening documents of a year whose previous FEC is loaded.
 */
import { mulRatio } from '../domain/money';
import type { Buyer, BuyerLedger, CreditNote, Invoice, Payment } from '../domain/model';
import { dueDateOf } from '../domain/payment-terms';
import type { PaymentTerms } from '../domain/payment-terms';
import type { Cents, IsoDate } from '../domain/types';
import type { FecEntry } from './fec-parse';

export type FecFileName = {
  readonly siren?: string;
  readonly identifier?: string;
  readonly closingDate?: IsoDate;
};

/** `{SIREN}FEC{AAAAMMJJ}.txt` → its parts; anything else → {}. Directory parts are ignored. */
export function parseFecFileName(fileName: string): FecFileName {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const match = /^(\d+)FEC(\d{4})(\d{2})(\d{2})/i.exec(base);
  if (match === null) return {};
  const [, identifier = '', year = '', month = '', day = ''] = match;
  const closingDate = `${year}-${month}-${day}`;
  return {
    identifier,
    ...(identifier.length === 9 ? { siren: identifier } : {}),
    ...(Number(month) >= 1 && Number(month) <= 12 && Number(day) >= 1 && Number(day) <= 31
      ? { closingDate }
      : {}),
  };
}

export type ReceivablesOptions = {
  readonly fileName?: string;
  /** Stable company key for ids when the file name carries no SIREN. */
  readonly companyKey?: string;
  readonly defaultTerms?: PaymentTerms;
  readonly termsByBuyer?: Readonly<Record<string, PaymentTerms>>;
  readonly salesJournals?: readonly string[];
  readonly openingJournals?: readonly string[];
  readonly currency?: string;
};

export const DEFAULT_FEC_TERMS: PaymentTerms = { kind: 'net', days: 30 };
const DEFAULT_OPENING_JOURNALS = ['AN', 'ANO', 'RAN'];

export type ReceivableFlag =
  | { readonly code: 'doubtful'; readonly buyerId: string; readonly accountNumber: string }
  | { readonly code: 'customer-credit'; readonly buyerId: string; readonly balanceCents: Cents };

export type FecBuyer = Buyer & {
  /** CompAuxNum, or the 411 sub-account when the file has no auxiliary accounts. */
  readonly key: string;
  readonly deliveredNotInvoicedCents: Cents;
  readonly isDoubtful: boolean;
};

export type FecReceivables = {
  readonly company: { readonly siren?: string; readonly closingDate?: IsoDate; readonly key: string };
  readonly buyers: readonly FecBuyer[];
  readonly invoices: readonly Invoice[];
  readonly creditNotes: readonly CreditNote[];
  readonly payments: readonly Payment[];
  readonly flags: readonly ReceivableFlag[];
  /** Net revenue of the file's 70x accounts (Credit − Debit): the turnover HT for a premium estimate. */
  readonly revenueHtCents: Cents;
  /** Latest EcritureDate of the file (undefined for a file with no entry). */
  readonly lastEntryDate?: IsoDate;
};

type ReceivableKind = 'customer' | 'to-be-invoiced' | 'customer-credit' | 'doubtful';

function receivableKind(account: string): ReceivableKind | undefined {
  if (!account.startsWith('41')) return undefined;
  const prefix = account.slice(0, 3);
  if (prefix === '411' || prefix === '413') return 'customer';
  if (prefix === '416') return 'doubtful';
  if (prefix === '418') return 'to-be-invoiced';
  if (prefix === '419') return 'customer-credit';
  return undefined;
}

type Piece = {
  readonly entries: FecEntry[];
  revenue: Cents;
  vat: Cents;
  receivableDebit: Cents;
  receivableCredit: Cents;
};

/** Builds the receivables from parsed entries (the caller refuses the file first if it had errors). */
export function receivablesFromFec(
  entries: readonly FecEntry[],
  options: ReceivablesOptions = {},
): FecReceivables {
  const name = options.fileName === undefined ? {} : parseFecFileName(options.fileName);
  const companyKey = name.siren ?? options.companyKey ?? name.identifier ?? 'fec';
  const currency = options.currency ?? 'EUR';
  const salesJournals = options.salesJournals?.map((j) => j.toUpperCase());
  const openingJournals = (options.openingJournals ?? DEFAULT_OPENING_JOURNALS).map((j) => j.toUpperCase());
  const isSalesJournal = (code: string): boolean =>
    salesJournals === undefined
      ? code.toUpperCase().startsWith('V')
      : salesJournals.includes(code.toUpperCase());

  const pieces = new Map<string, Piece>();
  let revenueHtCents = 0;
  let lastEntryDate: IsoDate | undefined;
  for (const entry of entries) {
    if (lastEntryDate === undefined || entry.entryDate > lastEntryDate) lastEntryDate = entry.entryDate;
    const key = `${entry.journalCode}\u0000${entry.entryNumber}`;
    let piece = pieces.get(key);
    if (piece === undefined) {
      piece = { entries: [], revenue: 0, vat: 0, receivableDebit: 0, receivableCredit: 0 };
      pieces.set(key, piece);
    }
    piece.entries.push(entry);
    const account = entry.accountNumber;
    if (account.startsWith('70')) {
      piece.revenue += entry.creditCents - entry.debitCents;
      revenueHtCents += entry.creditCents - entry.debitCents;
    } else if (account.startsWith('4457')) piece.vat += entry.creditCents - entry.debitCents;
    else {
      const kind = receivableKind(account);
      if (kind === 'customer' || kind === 'doubtful') {
        const net = entry.debitCents - entry.creditCents;
        if (net > 0) piece.receivableDebit += net;
        else piece.receivableCredit -= net;
      }
    }
  }

  const buyers = new Map<
    string,
    { key: string; name: string; dni: Cents; isDoubtful: boolean; doubtfulAccount?: string; credit: Cents }
  >();
  const invoices: Invoice[] = [];
  const creditNotes: CreditNote[] = [];
  const pendingPayments: { payment: Payment; lettering?: string }[] = [];
  const pendingNotes: { note: CreditNote; lettering?: string }[] = [];
  const invoicesByLettering = new Map<string, string[]>();
  const usedIds = new Map<string, number>();
  const uniqueId = (base: string): string => {
    const seen = (usedIds.get(base) ?? 0) + 1;
    usedIds.set(base, seen);
    return seen === 1 ? base : `${base}:${seen}`;
  };
  const buyerIdOf = (key: string): string => `fec:${companyKey}:${key}`;

  for (const piece of pieces.values()) {
    for (const entry of piece.entries) {
      const kind = receivableKind(entry.accountNumber);
      if (kind === undefined) continue;
      const key = entry.auxAccountNumber ?? entry.accountNumber;
      const buyerName =
        entry.auxAccountNumber === undefined ? entry.accountLabel : (entry.auxAccountLabel ?? key);
      let buyer = buyers.get(key);
      if (buyer === undefined) {
        buyer = { key, name: buyerName, dni: 0, isDoubtful: false, credit: 0 };
        buyers.set(key, buyer);
      }
      const net = entry.debitCents - entry.creditCents;
      if (kind === 'to-be-invoiced') {
        buyer.dni += net;
        continue;
      }
      if (kind === 'doubtful') {
        buyer.isDoubtful = true;
        buyer.doubtfulAccount ??= entry.accountNumber;
      }
      if (kind === 'customer-credit') buyer.credit += net;
      if (net === 0) continue;
      const buyerId = buyerIdOf(key);
      const id = uniqueId(`fec:${companyKey}:${key}:${entry.journalCode}:${entry.entryNumber}`);
      const isSale = kind !== 'customer-credit' && (isSalesJournal(entry.journalCode) || piece.revenue !== 0);
      const isOpening = openingJournals.includes(entry.journalCode.toUpperCase());
      const number = entry.pieceRef === '' ? entry.entryNumber : entry.pieceRef;
      const letteringKey =
        entry.letteringCode === undefined ? undefined : `${key}\u0000${entry.letteringCode}`;
      if (net > 0) {
        const issueDate = isOpening ? entry.entryDate : (entry.pieceDate ?? entry.entryDate);
        const terms = options.termsByBuyer?.[key] ?? options.defaultTerms ?? DEFAULT_FEC_TERMS;
        invoices.push({
          id,
          buyerId,
          number,
          issueDate,
          dueDate: dueDateOf(issueDate, terms),
          amountTtcCents: net,
          amountHtCents:
            isSale && !isOpening ? htOf(net, piece.revenue, piece.vat, piece.receivableDebit) : net,
          currency,
        });
        if (letteringKey !== undefined) {
          const list = invoicesByLettering.get(letteringKey) ?? [];
          list.push(id);
          invoicesByLettering.set(letteringKey, list);
        }
      } else if (isSale && !isOpening) {
        pendingNotes.push({
          note: {
            id,
            buyerId,
            number,
            date: entry.pieceDate ?? entry.entryDate,
            amountTtcCents: -net,
            amountHtCents: htOf(-net, -piece.revenue, -piece.vat, piece.receivableCredit),
            currency,
          },
          lettering: letteringKey,
        });
      } else {
        pendingPayments.push({
          payment: { id, buyerId, date: entry.entryDate, amountCents: -net, currency },
          lettering: letteringKey,
        });
      }
    }
  }

  const namedInvoice = (lettering: string | undefined): string | undefined => {
    if (lettering === undefined) return undefined;
    const list = invoicesByLettering.get(lettering);
    return list?.length === 1 ? list[0] : undefined;
  };
  for (const { note, lettering } of pendingNotes) {
    const invoiceId = namedInvoice(lettering);
    creditNotes.push(invoiceId === undefined ? note : { ...note, invoiceId });
  }
  const payments = pendingPayments.map(({ payment, lettering }) => {
    const invoiceId = namedInvoice(lettering);
    return invoiceId === undefined ? payment : { ...payment, invoiceId };
  });

  const flags: ReceivableFlag[] = [];
  const buyerList: FecBuyer[] = [...buyers.values()].map((b) => {
    if (b.isDoubtful)
      flags.push({ code: 'doubtful', buyerId: buyerIdOf(b.key), accountNumber: b.doubtfulAccount ?? '416' });
    if (b.credit < 0)
      flags.push({ code: 'customer-credit', buyerId: buyerIdOf(b.key), balanceCents: b.credit });
    return {
      id: buyerIdOf(b.key),
      key: b.key,
      name: b.name,
      deliveredNotInvoicedCents: b.dni,
      isDoubtful: b.isDoubtful,
    };
  });

  return {
    company: {
      key: companyKey,
      ...(name.siren === undefined ? {} : { siren: name.siren }),
      ...(name.closingDate === undefined ? {} : { closingDate: name.closingDate }),
    },
    buyers: buyerList,
    invoices,
    creditNotes,
    payments,
    flags,
    revenueHtCents,
    ...(lastEntryDate === undefined ? {} : { lastEntryDate }),
  };
}

/** HT of one receivable line of `ttc` in a piece (see the module header). Never above TTC nor below 0. */
function htOf(ttc: Cents, pieceRevenue: Cents, pieceVat: Cents, pieceReceivable: Cents): Cents {
  if (pieceReceivable <= 0) return ttc;
  if (pieceRevenue > 0 && pieceRevenue <= pieceReceivable)
    return mulRatio(ttc, pieceRevenue, pieceReceivable);
  if (pieceVat > 0 && pieceVat < pieceReceivable) return ttc - mulRatio(ttc, pieceVat, pieceReceivable);
  return ttc;
}

/** One `BuyerLedger` per buyer (no limit decisions: the FEC knows none). */
export function buyerLedgersOf(receivables: FecReceivables): BuyerLedger[] {
  const byBuyer = new Map<string, { invoices: Invoice[]; creditNotes: CreditNote[]; payments: Payment[] }>();
  for (const buyer of receivables.buyers)
    byBuyer.set(buyer.id, { invoices: [], creditNotes: [], payments: [] });
  for (const invoice of receivables.invoices) byBuyer.get(invoice.buyerId)?.invoices.push(invoice);
  for (const note of receivables.creditNotes) byBuyer.get(note.buyerId)?.creditNotes.push(note);
  for (const payment of receivables.payments) byBuyer.get(payment.buyerId)?.payments.push(payment);
  return receivables.buyers.map((buyer) => {
    const docs = byBuyer.get(buyer.id) ?? { invoices: [], creditNotes: [], payments: [] };
    return {
      buyer: { id: buyer.id, name: buyer.name },
      ...docs,
      limitDecisions: [],
      deliveredNotInvoicedCents: buyer.deliveredNotInvoicedCents,
    };
  });
}
