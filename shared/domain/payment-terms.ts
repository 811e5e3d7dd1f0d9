/**
 * Payment terms (conditions de paiement) and the due date they give an invoice (domain.md §4 "Payment terms",
 * worked example 7).
 *
 * Code de commerce L441-10: at most 60 days from the invoice date, or 45 days end of month when the contract
 * says so expressly; 30 days after delivery when nothing is agreed. "45 jours fin de mois" is read two ways in
 * practice and both are accepted by the administration: end of month then +45 days (default, `eom-then-days`)
 * or +45 days then end of month (`days-then-eom`). Sector-specific shorter maxima (transport, perishable
 * food…) are not modelled.
 *
 * Invariants: every due date is computed by whole calendar days/months on ISO dates (`dates.ts`). The due date
 * is never before the invoice date, with two deliberate exceptions: a user-given fixed date is taken as given,
 * and a delivery-based term runs from the delivery, so an invoice issued after that term has run is already due.
 */
import { z } from 'zod';
import { addDays, addMonths, daysBetween, endOfMonth, isIsoDate } from './dates';
import type { IsoDate, Lang, LocalizedText } from './types';

const days = z.number().int().min(0).max(366);
const isoDate = z.string().refine(isIsoDate, { message: 'Expected an ISO calendar date (YYYY-MM-DD)' });

/** Zod schema of every supported kind of terms; the `PaymentTerms` type is inferred from it. */
export const paymentTermsSchema = z.discriminatedUnion('kind', [
  /** N jours nets: invoice date + N days. */
  z.object({ kind: z.literal('net'), days }),
  /** N jours fin de mois / fin de mois + N jours; `reading` defaults to end of month then +N days. */
  z.object({
    kind: z.literal('eom-plus'),
    days,
    reading: z.enum(['eom-then-days', 'days-then-eom']).optional(),
  }),
  /** N jours après livraison (30 when nothing is agreed): counted from the delivery date. */
  z.object({ kind: z.literal('after-delivery'), days }),
  /** Le J du mois M après la facture ("le 10 du mois suivant" = day 10, monthsAfter 1); clamped to month end. */
  z.object({
    kind: z.literal('day-of-month'),
    day: z.number().int().min(1).max(31),
    monthsAfter: z.number().int().min(1).max(12),
  }),
  /** An agreed due date, taken as given. */
  z.object({ kind: z.literal('fixed-date'), dueDate: isoDate }),
]);

export type PaymentTerms = z.infer<typeof paymentTermsSchema>;

export type EomReading = 'eom-then-days' | 'days-then-eom';

export const DEFAULT_EOM_READING: EomReading = 'eom-then-days';

/** Terms that apply when the parties agreed nothing (L441-10 I). */
export const TERMS_WHEN_NOTHING_AGREED: PaymentTerms = { kind: 'after-delivery', days: 30 };

/**
 * The due date of an invoice under `terms`. `deliveryDate` is used by `after-delivery` terms; when it is
 * unknown the invoice date stands in for it (an invoice is issued on delivery, L441-9).
 */
export function dueDateOf(invoiceDate: IsoDate, terms: PaymentTerms, deliveryDate?: IsoDate): IsoDate {
  switch (terms.kind) {
    case 'net':
      return addDays(invoiceDate, terms.days);
    case 'eom-plus':
      return (terms.reading ?? DEFAULT_EOM_READING) === 'eom-then-days'
        ? addDays(endOfMonth(invoiceDate), terms.days)
        : endOfMonth(addDays(invoiceDate, terms.days));
    case 'after-delivery':
      return addDays(deliveryDate ?? invoiceDate, terms.days);
    case 'day-of-month': {
      const month = addMonths(`${invoiceDate.slice(0, 7)}-01`, terms.monthsAfter);
      const lastDay = Number(endOfMonth(month).slice(8, 10));
      return `${month.slice(0, 8)}${String(Math.min(terms.day, lastDay)).padStart(2, '0')}`;
    }
    case 'fixed-date':
      return terms.dueDate;
  }
}

export type LegalCheck =
  | { readonly status: 'compliant' }
  | {
      readonly status: 'exceeds-legal-maximum';
      readonly rule: 'net-60-days' | 'eom-45-days';
      readonly message: LocalizedText;
    }
  /** Terms whose length depends on the invoice date, checked without one. */
  | { readonly status: 'unchecked'; readonly message: LocalizedText };

export const LEGAL_MAX_NET_DAYS = 60;
export const LEGAL_MAX_EOM_DAYS = 45;

function beyond60(description: LocalizedText): LegalCheck {
  return {
    status: 'exceeds-legal-maximum',
    rule: 'net-60-days',
    message: {
      fr: `${description.fr} : au-delà du maximum légal de 60 jours à compter de la date de facture (art. L441-10 du Code de commerce).`,
      en: `${description.en}: beyond the legal maximum of 60 days from the invoice date (French Commercial Code, L441-10).`,
    },
  };
}

/**
 * Checks terms against the L441-10 maxima: more than 60 days net, or more than 45 days end of month (either
 * reading). `after-delivery` terms are held to 60 days (the invoice is issued on delivery). A day of month or
 * a fixed date is checked only when `invoiceDate` is given: the due date must then fall within 60 days.
 */
export function legalCheck(terms: PaymentTerms, invoiceDate?: IsoDate): LegalCheck {
  switch (terms.kind) {
    case 'net':
    case 'after-delivery':
      return terms.days > LEGAL_MAX_NET_DAYS ? beyond60(describeBoth(terms)) : { status: 'compliant' };
    case 'eom-plus':
      if (terms.days <= LEGAL_MAX_EOM_DAYS) return { status: 'compliant' };
      return {
        status: 'exceeds-legal-maximum',
        rule: 'eom-45-days',
        message: {
          fr: `${describeTerms(terms, 'fr')} : au-delà du maximum légal de 45 jours fin de mois (art. L441-10 du Code de commerce).`,
          en: `${describeTerms(terms, 'en')}: beyond the legal maximum of 45 days end of month (French Commercial Code, L441-10).`,
        },
      };
    case 'day-of-month':
    case 'fixed-date': {
      if (invoiceDate === undefined) {
        return {
          status: 'unchecked',
          message: {
            fr: 'Le délai dépend de la date de facture : indiquez-la pour vérifier le maximum légal de 60 jours.',
            en: 'The term depends on the invoice date: give it to check the legal maximum of 60 days.',
          },
        };
      }
      const length = daysBetween(invoiceDate, dueDateOf(invoiceDate, terms));
      return length > LEGAL_MAX_NET_DAYS ? beyond60(describeBoth(terms)) : { status: 'compliant' };
    }
  }
}

function describeBoth(terms: PaymentTerms): LocalizedText {
  return { fr: describeTerms(terms, 'fr'), en: describeTerms(terms, 'en') };
}

function englishOrdinal(day: number): string {
  const lastTwo = day % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${day}th`;
  const suffixes: Record<number, string> = { 1: 'st', 2: 'nd', 3: 'rd' };
  return `${day}${suffixes[day % 10] ?? 'th'}`;
}

function dayMonthYear(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/**
 * The terms as people write them: "60 jours nets", "45 jours fin de mois". The default end-of-month reading gets
 * the usual short label; the other reading says so in brackets, since the two give different due dates.
 */
export function describeTerms(terms: PaymentTerms, lang: Lang): string {
  const fr = lang === 'fr';
  switch (terms.kind) {
    case 'net':
      if (terms.days === 0) return fr ? 'Paiement à réception' : 'Due on receipt';
      return fr ? `${terms.days} jours nets` : `${terms.days} days net`;
    case 'eom-plus': {
      if (terms.days === 0) return fr ? 'Fin de mois' : 'End of month';
      const base = fr ? `${terms.days} jours fin de mois` : `${terms.days} days end of month`;
      if ((terms.reading ?? DEFAULT_EOM_READING) === 'eom-then-days') return base;
      return fr
        ? `${base} (${terms.days} jours puis fin de mois)`
        : `${base} (${terms.days} days, then end of month)`;
    }
    case 'after-delivery':
      return fr ? `${terms.days} jours après livraison` : `${terms.days} days after delivery`;
    case 'day-of-month': {
      const day = fr ? (terms.day === 1 ? '1er' : String(terms.day)) : englishOrdinal(terms.day);
      if (terms.monthsAfter === 1)
        return fr ? `Le ${day} du mois suivant` : `On the ${day} of the following month`;
      return fr
        ? `Le ${day} du mois, ${terms.monthsAfter} mois après la facture`
        : `On the ${day} of the month, ${terms.monthsAfter} months after the invoice`;
    }
    case 'fixed-date':
      return fr
        ? `Échéance fixe au ${dayMonthYear(terms.dueDate)}`
        : `Fixed due date ${dayMonthYear(terms.dueDate)}`;
  }
}
