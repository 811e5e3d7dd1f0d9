/** Domain checks shared by several commands, each returning a coded rejection or `null` when fine. */
import { validateNaf, validateSiren, validateSiret } from '../domain/identifiers';
import type { IdentifierResult } from '../domain/identifiers';
import { isBefore } from '../domain/dates';
import { reject } from './define';
import type { CommandResult, Reader } from './define';

export function checkDueDate(issueDate: string, dueDate: string, ref: string): CommandResult | null {
  return isBefore(dueDate, issueDate)
    ? reject(
        'invalid',
        `La facture ${ref} échoit (${dueDate}) avant sa date d'émission (${issueDate}) : corrigez l'une des deux dates.`,
        `Invoice ${ref} falls due (${dueDate}) before its issue date (${issueDate}): correct one of the two dates.`,
      )
    : null;
}

type Normalised = { ok: true; value: string } | { ok: false; result: CommandResult };

function normaliseWith(validate: (input: string) => IdentifierResult, input: string): Normalised {
  const checked = validate(input);
  if (checked.ok) return { ok: true, value: checked.value };
  return { ok: false, result: reject('invalid', checked.message.fr, checked.message.en) };
}

/** Normalised SIREN, or a rejection carrying the domain's French and English sentence. */
export function normaliseSiren(siren: string): Normalised {
  return normaliseWith(validateSiren, siren);
}

/**
 * The identity fields of a buyer, normalised (SIREN, SIRET, NAF), or the first rejection. A SIRET must belong
 * to the SIREN when both are given (its first nine digits). `null` (clear) and absent pass through.
 */
export function normaliseBuyerIdentity<
  T extends { siren?: string | null; siret?: string | null; naf?: string | null },
>(fields: T, currentSiren?: string): { ok: true; value: T } | { ok: false; result: CommandResult } {
  const value: T = { ...fields };
  const checks = [
    ['siren', validateSiren],
    ['siret', validateSiret],
    ['naf', validateNaf],
  ] as const;
  for (const [key, validate] of checks) {
    const raw = fields[key];
    if (typeof raw !== 'string') continue;
    const checked = normaliseWith(validate, raw);
    if (!checked.ok) return checked;
    value[key] = checked.value;
  }
  const siren =
    typeof value.siren === 'string' ? value.siren : value.siren === null ? undefined : currentSiren;
  if (typeof value.siret === 'string' && siren !== undefined && !value.siret.startsWith(siren)) {
    return {
      ok: false,
      result: reject(
        'invalid',
        `Le SIRET ${value.siret} n'appartient pas au SIREN ${siren} : ses neuf premiers chiffres doivent être le SIREN.`,
        `SIRET ${value.siret} does not belong to SIREN ${siren}: its first nine digits must be the SIREN.`,
      ),
    };
  }
  return { ok: true, value };
}

export async function checkBuyerExists(reader: Reader, buyerId: string): Promise<CommandResult | null> {
  const buyer = await reader.get('buyers', buyerId);
  return buyer === undefined
    ? reject(
        'not-found',
        `Le client ${buyerId} n'existe pas (ou plus) : créez-le d'abord.`,
        `Buyer ${buyerId} does not exist (any more): create it first.`,
      )
    : null;
}

/** An invoice a payment or credit note names must exist and belong to the same buyer. */
export async function checkInvoiceOfBuyer(
  reader: Reader,
  invoiceId: string | undefined,
  buyerId: string,
): Promise<CommandResult | null> {
  if (invoiceId === undefined) return null;
  const invoice = await reader.get('invoices', invoiceId);
  if (invoice?.buyerId === buyerId) return null;
  return reject(
    'invalid',
    `La facture ${invoiceId} n'appartient pas au client ${buyerId}.`,
    `Invoice ${invoiceId} does not belong to buyer ${buyerId}.`,
  );
}
