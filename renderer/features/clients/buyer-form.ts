/**
 * The buyer forms' values (what the inputs hold: strings, and numbers or '' for number inputs), their zod
 * schema for what the form itself checks (required name, number ranges, country code), and the conversion
 * into `createBuyer` arguments or an `updateBuyer` patch.
 *
 * SIREN, SIRET and NAF are NOT checked here: the commands check them and answer with the domain's sentence,
 * which the form shows under the field (see identity-field.ts). A blank field means "not known": absent on
 * creation, cleared (`null`) on update when it had a value.
 */
import { z } from 'zod';
import type { BuyerContact, BuyerRow } from '../../../shared/commands/entities';

export type ContactValues = { name: string; role: string; email: string; phone: string };

export type BuyerFormValues = {
  name: string;
  siren: string;
  siret: string;
  naf: string;
  country: string;
  paymentTermsDays: number | string;
  grade: number | string;
  street: string;
  postalCode: string;
  city: string;
  contacts: ContactValues[];
};

export type FormMessages = {
  readonly nameRequired: string;
  readonly country: string;
  readonly terms: string;
  readonly grade: string;
  readonly contactName: string;
};

const blankOr = <T extends z.ZodType>(schema: T) => z.union([z.literal(''), schema]);

export function buyerFormSchema(messages: FormMessages) {
  return z.object({
    name: z.string().trim().min(1, messages.nameRequired),
    country: blankOr(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z]{2}$/, messages.country),
    ),
    paymentTermsDays: blankOr(
      z.number({ error: messages.terms }).int(messages.terms).min(0, messages.terms).max(365, messages.terms),
    ),
    grade: blankOr(
      z.number({ error: messages.grade }).int(messages.grade).min(1, messages.grade).max(10, messages.grade),
    ),
    contacts: z.array(z.object({ name: z.string().trim().min(1, messages.contactName) })),
  });
}

export function emptyBuyerForm(): BuyerFormValues {
  return {
    name: '',
    siren: '',
    siret: '',
    naf: '',
    country: 'FR',
    paymentTermsDays: '',
    grade: '',
    street: '',
    postalCode: '',
    city: '',
    contacts: [],
  };
}

export function formValuesOf(buyer: BuyerRow): BuyerFormValues {
  return {
    name: buyer.name,
    siren: buyer.siren ?? '',
    siret: buyer.siret ?? '',
    naf: buyer.naf ?? '',
    country: buyer.country ?? '',
    paymentTermsDays: buyer.paymentTermsDays ?? '',
    grade: buyer.grade ?? '',
    street: buyer.address?.street ?? '',
    postalCode: buyer.address?.postalCode ?? '',
    city: buyer.address?.city ?? '',
    contacts: (buyer.contacts ?? []).map((contact) => ({
      name: contact.name,
      role: contact.role ?? '',
      email: contact.email ?? '',
      phone: contact.phone ?? '',
    })),
  };
}

const text = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());
const numberOf = (value: number | string): number | undefined =>
  typeof value === 'number' ? value : undefined;

function contactsOf(values: BuyerFormValues): BuyerContact[] {
  return values.contacts.map((contact) => ({
    name: contact.name.trim(),
    ...(text(contact.role) === undefined ? {} : { role: contact.role.trim() }),
    ...(text(contact.email) === undefined ? {} : { email: contact.email.trim() }),
    ...(text(contact.phone) === undefined ? {} : { phone: contact.phone.trim() }),
  }));
}

function addressOf(values: BuyerFormValues) {
  const street = text(values.street);
  const postalCode = text(values.postalCode);
  const city = text(values.city);
  if (street === undefined && postalCode === undefined && city === undefined) return undefined;
  return {
    ...(street === undefined ? {} : { street }),
    ...(postalCode === undefined ? {} : { postalCode }),
    ...(city === undefined ? {} : { city }),
  };
}

export type CreateBuyerArgs = {
  id: string;
  name: string;
  siren?: string;
  siret?: string;
  naf?: string;
  country?: string;
  paymentTermsDays?: number;
};

export function createArgsOf(id: string, values: BuyerFormValues): CreateBuyerArgs {
  const siren = text(values.siren);
  const siret = text(values.siret);
  const naf = text(values.naf);
  const country = text(values.country);
  const terms = numberOf(values.paymentTermsDays);
  return {
    id,
    name: values.name.trim(),
    ...(siren === undefined ? {} : { siren }),
    ...(siret === undefined ? {} : { siret }),
    ...(naf === undefined ? {} : { naf }),
    ...(country === undefined ? {} : { country: country.toUpperCase() }),
    ...(terms === undefined ? {} : { paymentTermsDays: terms }),
  };
}

export type BuyerPatch = {
  name?: string;
  siren?: string | null;
  siret?: string | null;
  naf?: string | null;
  country?: string | null;
  paymentTermsDays?: number | null;
  grade?: number | null;
  address?: { street?: string; postalCode?: string; city?: string } | null;
  contacts?: BuyerContact[] | null;
};

/** Only the fields that differ from the stored row; a blank field that had a value becomes `null`. */
export function patchOf(buyer: BuyerRow, values: BuyerFormValues): BuyerPatch {
  const patch: BuyerPatch = {};
  if (values.name.trim() !== buyer.name) patch.name = values.name.trim();
  const strings = [
    ['siren', buyer.siren],
    ['siret', buyer.siret],
    ['naf', buyer.naf],
  ] as const;
  for (const [key, stored] of strings) {
    const next = text(values[key]);
    if (next !== stored) patch[key] = next ?? null;
  }
  const country = text(values.country)?.toUpperCase();
  if (country !== buyer.country) patch.country = country ?? null;
  const terms = numberOf(values.paymentTermsDays);
  if (terms !== buyer.paymentTermsDays) patch.paymentTermsDays = terms ?? null;
  const grade = numberOf(values.grade);
  if (grade !== buyer.grade) patch.grade = grade ?? null;
  const address = addressOf(values);
  if (JSON.stringify(address) !== JSON.stringify(buyer.address)) patch.address = address ?? null;
  const contacts = contactsOf(values);
  const storedContacts = buyer.contacts ?? [];
  if (JSON.stringify(contacts) !== JSON.stringify(storedContacts)) {
    patch.contacts = contacts.length === 0 ? null : contacts;
  }
  return patch;
}
