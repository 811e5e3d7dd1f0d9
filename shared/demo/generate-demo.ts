/**
 * The demo workspace (« Essayer avec des données de démonstration »): a realistic French SME's receivables,
 * built by a deterministic generator as the arguments of the `importLedger` command, so the demo goes through
 * exactly the path of a real import.
 *
 * What it holds: 150 buyers (valid SIREN and head-office SIRET, real NAF codes, addresses with real postal
 * codes, 1–2 contacts, terms of 30/45/60 days, an insurer grade that follows how they pay), about 3,000
 * invoices issued over the 18 months before `today` (TTC = HT × 1.2), their payments (most on time, some
 * late, some partial, some never), a few % of credit notes, and a limit history with every kind of decision:
 * requested, granted, partial, refused, exactly one reduction (taking effect in the future), cancelled
 * (the buyer in redressement judiciaire), expired, temporary (one running, one ended), a top-up layer,
 * discretionary limits, and buyers without any limit (covered as unnamed).
 *
 * Invariants:
 * - Pure and deterministic: the same `{ seed, today }` gives deep-equal output (a seeded PRNG, no clock,
 *   no `Math.random`). Every date is relative to `today`, so the demo stays current whatever the day.
 * - Limits are set from each buyer's exposure on `today`, computed by the domain's `exposureOf`: that is what
 *   guarantees buyers over their limit, near it, and comfortably below it, whatever the seed.
 * - Ids all start with `demo-`, so a demo row can never collide with an imported one.
 */
import type { ImportLedgerArgs } from '../commands/import-ledger';
import { dayNumber, fromDayNumber } from '../domain/aging';
import { exposureOf } from '../domain/exposure';
import { luhnCheckDigit } from '../domain/identifiers';
import { DEFAULT_POLICY } from '../domain/policy';
import type { Cents, IsoDate } from '../domain/types';
import {
  ACCOUNTING_ROLES,
  ACTIVITIES,
  FAMILY_NAMES,
  FIRST_NAMES,
  LEGAL_FORMS,
  MANAGEMENT_ROLES,
  PARKS,
  PLACES,
  STREETS,
  TOWNS,
} from './demo-catalogue';
import type { Activity, JobTitle } from './demo-catalogue';
import { createRandom } from './random';
import type { Random } from './random';

export type DemoOptions = { readonly seed: number; readonly today: IsoDate };

export const DEMO_SEED = 2026;
export const DEMO_BUYER_COUNT = 150;
/** Invoices aimed at; the per-buyer rounding makes the real count land within a few % of it. */
export const DEMO_INVOICE_TARGET = 3_000;
/** Days of history before `today` (18 months). */
export const DEMO_HISTORY_DAYS = 548;
export const DEMO_IMPORT_ID = 'demo-import';

type Buyer = ImportLedgerArgs['buyers'][number];
type Invoice = ImportLedgerArgs['invoices'][number];
type Payment = ImportLedgerArgs['payments'][number];
type CreditNote = ImportLedgerArgs['creditNotes'][number];
type Decision = ImportLedgerArgs['limitDecisions'][number];

/** How a buyer pays: drives the delays, the unpaid invoices and the insurer's grade. */
type Behaviour = 'prompt' | 'regular' | 'slow' | 'bad';

/** The part a buyer plays in the demo's story of limits. */
type Role =
  | 'standard'
  | 'unnamed'
  | 'discretionary'
  | 'over-limit'
  | 'near-limit'
  | 'reduced'
  | 'temporary'
  | 'temporary-ended'
  | 'top-up'
  | 'partial'
  | 'refused'
  | 'expired'
  | 'pending'
  | 'insolvent';

/** Buyers per special role; the rest are `standard`. */
const ROLE_COUNTS: readonly (readonly [Role, number])[] = [
  ['insolvent', 1],
  ['reduced', 1],
  ['refused', 1],
  ['expired', 1],
  ['pending', 1],
  ['temporary', 1],
  ['temporary-ended', 1],
  ['top-up', 2],
  ['partial', 4],
  ['over-limit', 3],
  ['near-limit', 4],
  ['discretionary', 5],
  ['unnamed', 25],
];

/** Roles whose story needs an exposure on `today`: they buy often, in large amounts, until now. */
const BIG_ROLES: ReadonlySet<Role> = new Set([
  'over-limit',
  'near-limit',
  'reduced',
  'temporary',
  'top-up',
  'insolvent',
  'refused',
]);

const EURO = 100;
const VAT_RATE_PERCENT = 20;

type Profile = {
  readonly index: number;
  readonly id: string;
  readonly role: Role;
  readonly behaviour: Behaviour;
  readonly terms: number;
  readonly firstDay: number;
  readonly lastDay: number;
  /** Typical invoice, HT cents. */
  readonly baseCents: number;
  /** Invoices per 30 days before scaling to the target. */
  readonly rate: number;
  /** Day of the insolvency judgment (insolvent buyer only). */
  readonly judgmentDay?: number;
};

const roundUp = (value: number, step: number): number => Math.ceil(value / step) * step;
const roundDown = (value: number, step: number): number => Math.floor(value / step) * step;
const ttcOf = (ht: Cents): Cents => Math.round((ht * (100 + VAT_RATE_PERCENT)) / 100);
const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** Lower-case ASCII words joined by hyphens, for e-mail addresses. */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Saturdays and Sundays move back to the Friday: invoices are issued on working days. */
function workingDay(day: number): number {
  // Day 0 (1970-01-01) was a Thursday: (day + 4) % 7 is 0 on Sundays, 6 on Saturdays.
  const weekday = (((day + 4) % 7) + 7) % 7;
  if (weekday === 6) return day - 1;
  if (weekday === 0) return day - 2;
  return day;
}

function behaviourOf(role: Role, random: Random): Behaviour {
  switch (role) {
    case 'insolvent':
      return 'bad';
    case 'refused':
    case 'reduced':
      return 'slow';
    case 'expired':
    case 'pending':
      return 'prompt';
    case 'over-limit':
      return random.weighted([
        ['regular', 2],
        ['slow', 1],
      ]);
    case 'near-limit':
    case 'temporary':
    case 'top-up':
      return random.weighted([
        ['prompt', 1],
        ['regular', 2],
      ]);
    default:
      return random.weighted([
        ['prompt', 55],
        ['regular', 28],
        ['slow', 12],
        ['bad', 5],
      ]);
  }
}

/** The insurer's grade (1 best … 10 worst): it follows how the buyer pays; insolvency is 10. */
function gradeOf(profile: Profile, random: Random): number {
  if (profile.role === 'insolvent') return 10;
  if (profile.role === 'refused') return random.int(8, 9);
  if (profile.role === 'reduced') return 7;
  switch (profile.behaviour) {
    case 'prompt':
      return random.int(1, 3);
    case 'regular':
      return random.int(3, 5);
    case 'slow':
      return random.int(5, 7);
    case 'bad':
      return random.int(7, 8);
  }
}

function makeProfiles(random: Random, today: number): Profile[] {
  const roles: Role[] = [];
  for (const [role, count] of ROLE_COUNTS) for (let i = 0; i < count; i++) roles.push(role);
  while (roles.length < DEMO_BUYER_COUNT) roles.push('standard');
  const start = today - DEMO_HISTORY_DAYS;
  return random.shuffle(roles).map((role, index): Profile => {
    const behaviour = behaviourOf(role, random);
    const terms = random.weighted([
      [30, 3],
      [45, 4],
      [60, 3],
    ]);
    const isBig = BIG_ROLES.has(role);
    // Log-uniform typical invoice: many small buyers, a few large ones.
    const [low, high] =
      role === 'unnamed' || role === 'pending' ? [250, 1_500] : isBig ? [4_000, 12_000] : [600, 9_000];
    const baseCents = Math.round(low * EURO * Math.pow(high / low, random.next()));
    const rate =
      role === 'unnamed'
        ? 0.3 + 0.6 * random.next()
        : isBig
          ? 2.5 + 2 * random.next()
          : 0.4 + 4 * random.next() ** 2;
    // A new customer now and then; the special roles have dates their story needs.
    let firstDay = !isBig && random.chance(0.15) ? start + random.int(60, 420) : start + random.int(0, 20);
    let lastDay = today - 1;
    let judgmentDay: number | undefined;
    if (role === 'pending') firstDay = today - random.int(60, 80);
    if (role === 'expired') lastDay = today - random.int(170, 200);
    if (role === 'insolvent') {
      judgmentDay = today - 25;
      lastDay = judgmentDay - random.int(15, 25);
    }
    return {
      index,
      id: `demo-b${pad(index + 1, 3)}`,
      role,
      behaviour,
      terms,
      firstDay,
      lastDay,
      baseCents,
      rate,
      ...(judgmentDay === undefined ? {} : { judgmentDay }),
    };
  });
}

type Identity = Omit<Buyer, 'id' | 'paymentTermsDays' | 'grade' | 'insolvency'>;

function makeIdentity(
  random: Random,
  activity: Activity,
  usedNames: Set<string>,
  usedSirens: Set<string>,
): Identity {
  let core: string;
  let name: string;
  do {
    const family = random.pick(FAMILY_NAMES);
    // Two partners' names ("Girard-Perrin"), never the same one twice.
    let other = random.pick(FAMILY_NAMES);
    while (other === family) other = random.pick(FAMILY_NAMES);
    const word = random.pick(activity.words);
    const pattern = random.weighted([
      [0, 3],
      [1, 3],
      [2, 2],
      [3, 1],
      [4, 1],
      [5, 1],
    ]);
    core =
      pattern === 0
        ? `${word} ${family}`
        : pattern === 1
          ? `${family} ${word}`
          : pattern === 2
            ? `${random.pick(PLACES)} ${word}`
            : pattern === 3
              ? `Établissements ${family}`
              : pattern === 4
                ? `${family} & Fils`
                : `${family}-${other}`;
    name = `${core} ${random.weighted(LEGAL_FORMS)}`;
  } while (usedNames.has(name));
  usedNames.add(name);

  let siren: string;
  do {
    // Real SIRENs of companies start with 3 to 9; La Poste (356000000) is left out of reach by the loop.
    const prefix = `${random.int(3, 9)}${pad(random.int(0, 9_999_999), 7)}`;
    siren = `${prefix}${luhnCheckDigit(prefix)}`;
  } while (usedSirens.has(siren) || siren.startsWith('356000000'));
  usedSirens.add(siren);
  const nicPrefix = `${siren}000${random.int(1, 9)}`;
  const siret = `${nicPrefix}${luhnCheckDigit(nicPrefix)}`;

  const town = random.weighted(TOWNS);
  const street = random.chance(0.75)
    ? `${random.int(1, 180)} ${random.pick(STREETS)}`
    : `${random.pick(PARKS)}, ${random.int(1, 40)} ${random.pick(STREETS)}`;
  const domain = `${slug(core)}.fr`;
  const phone = (): string =>
    `${town.phone} ${pad(random.int(0, 99), 2)} ${pad(random.int(0, 99), 2)} ${pad(random.int(0, 99), 2)}`;
  const contact = (titles: readonly [JobTitle, ...JobTitle[]]) => {
    const [first, gender] = random.pick(FIRST_NAMES);
    const last = random.pick(FAMILY_NAMES);
    return {
      name: `${first} ${last}`,
      role: random.pick(titles)[gender],
      email: `${slug(first)}.${slug(last)}@${domain}`,
      phone: phone(),
    };
  };
  const contacts = [contact(ACCOUNTING_ROLES)];
  if (random.chance(0.5)) contacts.push(contact(MANAGEMENT_ROLES));
  return {
    name,
    siren,
    siret,
    naf: activity.naf,
    country: 'FR',
    address: { street, postalCode: town.postalCode, city: town.city },
    contacts,
  };
}

/** Days between the due date and the payment, by behaviour; `null`: not paid (yet). */
function paymentDelay(profile: Profile, dueDay: number, today: number, random: Random): number | null {
  if (profile.judgmentDay !== undefined && dueDay >= profile.judgmentDay - 75) return null;
  switch (profile.behaviour) {
    case 'prompt':
      return random.int(-4, 4);
    case 'regular':
      return random.int(0, 18);
    case 'slow':
      return random.int(10, 50);
    case 'bad':
      // Recent debts of a bad payer may never be paid; older ones were, very late.
      if (dueDay > today - 200 && random.chance(0.35)) return null;
      return random.int(25, 95);
  }
}

type Ledger = {
  invoices: Invoice[];
  payments: Payment[];
  creditNotes: CreditNote[];
};

/** Issue days of one buyer's invoices, ascending, on working days within its active window. */
function issueDays(profile: Profile, count: number, today: number, random: Random): number[] {
  const days: number[] = [];
  for (let i = 0; i < count; i++) days.push(workingDay(random.int(profile.firstDay, profile.lastDay)));
  // Buyers whose story needs an exposure on `today` always have a recent delivery.
  if (BIG_ROLES.has(profile.role) && profile.role !== 'insolvent')
    days.push(workingDay(today - random.int(3, 12)));
  // The refused buyer was still delivered after the refusal: an invoice overdue by a few weeks.
  if (profile.role === 'refused') days.push(workingDay(today - profile.terms - random.int(20, 30)));
  return days.sort((a, b) => a - b);
}

/** The documents of one buyer; invoice numbers are given later, in date order across all buyers. */
function makeLedger(profile: Profile, count: number, today: number, random: Random): Ledger {
  const ledger: Ledger = { invoices: [], payments: [], creditNotes: [] };
  issueDays(profile, count, today, random).forEach((issueDay, n) => {
    const invoiceId = `${profile.id}-f${pad(n + 1, 3)}`;
    // Roughly normal spread around the buyer's typical amount (sum of three uniforms).
    const spread = Math.exp((random.next() + random.next() + random.next() - 1.5) * 0.7);
    const ht = Math.max(150 * EURO, Math.round(profile.baseCents * spread));
    const ttc = ttcOf(ht);
    const dueDay = issueDay + profile.terms;
    ledger.invoices.push({
      id: invoiceId,
      buyerId: profile.id,
      number: '',
      issueDate: fromDayNumber(issueDay),
      deliveryDate: fromDayNumber(issueDay - random.int(0, 2)),
      dueDate: fromDayNumber(dueDay),
      amountHtCents: ht,
      amountTtcCents: ttc,
      currency: 'EUR',
    });

    let owedTtc = ttc;
    if (random.chance(0.035)) {
      const creditDay = issueDay + random.int(3, 25);
      if (creditDay < today) {
        const share = random.pick([0.05, 0.1, 0.15, 0.25, 1] as const);
        const creditHt = Math.max(1, Math.round(ht * share));
        const creditTtc = Math.min(owedTtc, ttcOf(creditHt));
        owedTtc -= creditTtc;
        ledger.creditNotes.push({
          id: `${invoiceId}-av`,
          buyerId: profile.id,
          number: '',
          date: fromDayNumber(creditDay),
          amountHtCents: creditHt,
          amountTtcCents: creditTtc,
          currency: 'EUR',
          invoiceId,
        });
      }
    }
    if (owedTtc === 0) return;
    const delay = paymentDelay(profile, dueDay, today, random);
    if (delay === null) return;
    const payDay = dueDay + delay;
    if (payDay >= today) return;
    const isPartial = random.chance(0.06);
    const first = isPartial ? Math.round(owedTtc * (0.3 + 0.4 * random.next())) : owedTtc;
    ledger.payments.push({
      id: `${invoiceId}-r1`,
      buyerId: profile.id,
      date: fromDayNumber(payDay),
      amountCents: first,
      currency: 'EUR',
      invoiceId,
    });
    const restDay = payDay + random.int(20, 45);
    // A bad payer's balance sometimes stays open: a partly paid invoice in the aging.
    if (isPartial && restDay < today && !(profile.behaviour === 'bad' && random.chance(0.5))) {
      ledger.payments.push({
        id: `${invoiceId}-r2`,
        buyerId: profile.id,
        date: fromDayNumber(restDay),
        amountCents: owedTtc - first,
        currency: 'EUR',
        invoiceId,
      });
    }
  });
  return ledger;
}

/** A limit decision of the demo, with the id and currency every one of them shares. */
function decision(
  profile: Profile,
  n: number,
  fields: Omit<Decision, 'id' | 'buyerId' | 'currency' | 'decisionDate' | 'effectiveDate'> & {
    readonly decisionDay: number;
    readonly effectiveDay?: number;
  },
): Decision {
  const { decisionDay, effectiveDay, ...rest } = fields;
  return {
    id: `${profile.id}-l${n}`,
    buyerId: profile.id,
    currency: 'EUR',
    decisionDate: fromDayNumber(decisionDay),
    effectiveDate: fromDayNumber(effectiveDay ?? decisionDay),
    insurerReference: `AG-${profile.id.slice(-3)}-${pad(n, 2)}`,
    ...rest,
  };
}

/**
 * The limit history of one buyer, shaped from its exposure `exposure` (HT cents) on `today`: ratios against
 * the limit in force are what the alerts look at (80 % near, 100 % over, DEFAULT_POLICY).
 */
function makeDecisions(profile: Profile, exposure: Cents, today: number, random: Random): Decision[] {
  const requestDay = profile.firstDay - random.int(15, 40);
  const grantDay = requestDay + random.int(3, 12);
  const k5 = 5_000 * EURO;
  const request = (n: number, amount: Cents, day = requestDay): Decision =>
    decision(profile, n, {
      layer: 'named',
      kind: 'requested',
      decisionDay: day,
      requestedCents: amount,
      amountCents: 0,
    });
  const comfortable = Math.max(k5, roundUp(exposure / 0.55, k5));
  switch (profile.role) {
    case 'unnamed':
      return [];
    case 'standard': {
      const grant = decision(profile, 2, {
        layer: 'named',
        kind: 'granted',
        decisionDay: grantDay,
        requestedCents: comfortable,
        amountCents: comfortable,
      });
      return random.chance(0.6) ? [request(1, comfortable), grant] : [grant];
    }
    case 'discretionary':
      return [
        decision(profile, 1, {
          layer: 'discretionary',
          kind: 'granted',
          decisionDay: grantDay,
          amountCents: Math.max(k5, roundUp(exposure / 0.5, 1_000 * EURO)),
          quotityBp: DEFAULT_POLICY.unnamedQuotityBp,
        }),
      ];
    case 'over-limit': {
      // Granted below what is now owed: the buyer was delivered beyond its limit.
      const limit = Math.max(1_000 * EURO, roundDown(exposure * 0.85, 1_000 * EURO));
      const isPartial = profile.index % 2 === 0;
      return [
        request(1, isPartial ? roundUp(limit * 1.6, k5) : limit),
        decision(profile, 2, {
          layer: 'named',
          kind: isPartial ? 'partial' : 'granted',
          decisionDay: grantDay,
          requestedCents: isPartial ? roundUp(limit * 1.6, k5) : limit,
          amountCents: Math.min(limit, exposure),
        }),
      ];
    }
    case 'near-limit': {
      // Between 80 % and 100 % of the limit: a round limit when it keeps the ratio there, else an exact one.
      let limit = roundUp(exposure / 0.88, 1_000 * EURO);
      if (exposure * 100 < limit * 80) limit = Math.ceil(exposure / 0.88);
      return [
        request(1, limit),
        decision(profile, 2, {
          layer: 'named',
          kind: 'granted',
          decisionDay: grantDay,
          requestedCents: limit,
          amountCents: limit,
        }),
      ];
    }
    case 'reduced': {
      // The one reduction: decided 12 days ago, in force in 18 days (30 days' notice), below today's exposure.
      const granted = Math.max(4 * k5, roundUp(exposure / 0.45, 2 * k5));
      const reduced = Math.max(k5, roundDown(exposure * 0.7, k5));
      return [
        request(1, granted),
        decision(profile, 2, {
          layer: 'named',
          kind: 'granted',
          decisionDay: grantDay,
          requestedCents: granted,
          amountCents: granted,
        }),
        decision(profile, 3, {
          layer: 'named',
          kind: 'reduced',
          decisionDay: today - 12,
          effectiveDay: today - 12 + DEFAULT_POLICY.limitReductionNoticeDays,
          amountCents: reduced,
        }),
      ];
    }
    case 'temporary': {
      // A seasonal extra: a temporary limit running now, ending within a fortnight.
      const granted = Math.max(k5, roundUp(exposure / 0.75, k5));
      const extra = granted + roundUp(granted * 0.5, k5);
      return [
        decision(profile, 1, {
          layer: 'named',
          kind: 'granted',
          decisionDay: grantDay,
          requestedCents: granted,
          amountCents: granted,
        }),
        decision(profile, 2, {
          layer: 'named',
          kind: 'temporary',
          decisionDay: today - 45,
          effectiveDay: today - 40,
          endDate: fromDayNumber(today + 12),
          requestedCents: extra,
          amountCents: extra,
        }),
      ];
    }
    case 'temporary-ended': {
      const extra = comfortable + roundUp(comfortable * 0.4, k5);
      return [
        decision(profile, 1, {
          layer: 'named',
          kind: 'granted',
          decisionDay: grantDay,
          requestedCents: comfortable,
          amountCents: comfortable,
        }),
        decision(profile, 2, {
          layer: 'named',
          kind: 'temporary',
          decisionDay: today - 215,
          effectiveDay: today - 210,
          endDate: fromDayNumber(today - 120),
          requestedCents: extra,
          amountCents: extra,
        }),
      ];
    }
    case 'top-up': {
      // Partial named limit completed by a top-up layer with its own quotité (CAP-style complément).
      const requested = Math.max(4 * k5, roundUp(exposure / 0.5, 2 * k5));
      const named = Math.max(k5, roundDown(requested * 0.4, k5));
      const topUp = Math.max(k5, roundUp(exposure / 0.7 - named, k5));
      return [
        request(1, requested),
        decision(profile, 2, {
          layer: 'named',
          kind: 'partial',
          decisionDay: grantDay,
          requestedCents: requested,
          amountCents: named,
        }),
        decision(profile, 3, {
          layer: 'top-up',
          kind: 'granted',
          decisionDay: grantDay + 10,
          requestedCents: topUp,
          amountCents: topUp,
          quotityBp: 8_000,
          insurerReference: `CAP-${profile.id.slice(-3)}`,
        }),
      ];
    }
    case 'partial': {
      const granted = Math.max(k5, roundUp(exposure / 0.7, k5));
      const requested = granted + 2 * k5 * random.int(1, 3);
      return [
        request(1, requested),
        decision(profile, 2, {
          layer: 'named',
          kind: 'partial',
          decisionDay: grantDay,
          requestedCents: requested,
          amountCents: granted,
        }),
      ];
    }
    case 'refused': {
      const requested = Math.max(2 * k5, roundUp(exposure * 2, 2 * k5));
      return [
        request(1, requested, today - 75),
        decision(profile, 2, {
          layer: 'named',
          kind: 'refused',
          decisionDay: today - 62,
          requestedCents: requested,
          amountCents: 0,
        }),
      ];
    }
    case 'expired': {
      const granted = Math.max(2 * k5, roundUp(profile.baseCents * 4, k5));
      return [
        decision(profile, 1, {
          layer: 'named',
          kind: 'granted',
          decisionDay: grantDay,
          requestedCents: granted,
          amountCents: granted,
        }),
        decision(profile, 2, {
          layer: 'named',
          kind: 'expired',
          decisionDay: today - 125,
          effectiveDay: today - 120,
          amountCents: 0,
        }),
      ];
    }
    case 'pending':
      return [request(1, 25_000 * EURO, today - 6)];
    case 'insolvent': {
      // The insurer cancelled the limit three days after the judgment: earlier deliveries stay covered.
      const granted = Math.max(2 * k5, roundUp(exposure / 0.7, k5));
      const judgmentDay = profile.judgmentDay ?? today;
      return [
        request(1, granted),
        decision(profile, 2, {
          layer: 'named',
          kind: 'granted',
          decisionDay: grantDay,
          requestedCents: granted,
          amountCents: granted,
        }),
        decision(profile, 3, {
          layer: 'named',
          kind: 'cancelled',
          decisionDay: judgmentDay + 3,
          amountCents: 0,
        }),
      ];
    }
  }
}

/** Numbers documents in date order, per year, as an invoicing package does (`FA2026-00042`). */
function numberInDateOrder<T extends { number: string }>(
  rows: T[],
  dateOf: (row: T) => IsoDate,
  prefix: string,
  width: number,
): T[] {
  const sorted = [...rows].sort((a, b) => {
    const da = dateOf(a);
    const db = dateOf(b);
    return da < db ? -1 : da > db ? 1 : 0;
  });
  const perYear = new Map<string, number>();
  return sorted.map((row) => {
    const year = dateOf(row).slice(0, 4);
    const next = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, next);
    return { ...row, number: `${prefix}${year}-${pad(next, width)}` };
  });
}

/** The demo workspace as `importLedger` arguments. */
export function generateDemo(options: DemoOptions): ImportLedgerArgs {
  const random = createRandom(options.seed);
  const today = dayNumber(options.today);
  const profiles = makeProfiles(random, today);

  // Invoice counts scaled so the whole ledger is about DEMO_INVOICE_TARGET invoices.
  const raw = profiles.map((p) => (p.rate * (p.lastDay - p.firstDay + 1)) / 30);
  const scale = DEMO_INVOICE_TARGET / raw.reduce((sum, value) => sum + value, 0);

  const usedNames = new Set<string>();
  const usedSirens = new Set<string>();
  const buyers: Buyer[] = [];
  const invoices: Invoice[] = [];
  const payments: Payment[] = [];
  const creditNotes: CreditNote[] = [];
  const limitDecisions: Decision[] = [];
  // Who the buyers are comes first, from a stream that never depends on `today`; their documents draw from a
  // second stream (how many fall on a weekend, before today… does depend on it).
  const people = profiles.map((profile) => ({
    profile,
    identity: makeIdentity(random, random.pick(ACTIVITIES), usedNames, usedSirens),
    grade: gradeOf(profile, random),
  }));
  const documents = createRandom(options.seed ^ 0x5bd1e995);
  people.forEach(({ profile, identity, grade }, index) => {
    const buyer: Buyer = {
      id: profile.id,
      ...identity,
      paymentTermsDays: profile.terms,
      grade,
      ...(profile.judgmentDay === undefined
        ? {}
        : {
            insolvency: { kind: 'redressement' as const, judgmentDate: fromDayNumber(profile.judgmentDay) },
          }),
    };
    buyers.push(buyer);
    const count = Math.max(2, Math.round((raw[index] ?? 0) * scale));
    const ledger = makeLedger(profile, count, today, documents);
    const exposure = exposureOf(
      {
        buyer,
        invoices: ledger.invoices,
        payments: ledger.payments,
        creditNotes: ledger.creditNotes,
        limitDecisions: [],
      },
      DEFAULT_POLICY,
      options.today,
    ).exposureCents;
    invoices.push(...ledger.invoices);
    payments.push(...ledger.payments);
    creditNotes.push(...ledger.creditNotes);
    limitDecisions.push(...makeDecisions(profile, exposure, today, documents));
  });

  return {
    import: {
      id: DEMO_IMPORT_ID,
      kind: 'demo',
      fileName: 'Données de démonstration',
      importedAt: `${options.today}T08:00:00.000Z`,
      rejectedLines: 0,
    },
    buyers,
    invoices: numberInDateOrder(invoices, (row) => row.issueDate, 'FA', 5),
    payments,
    creditNotes: numberInDateOrder(creditNotes, (row) => row.date, 'AV', 4),
    limitDecisions,
  };
}
