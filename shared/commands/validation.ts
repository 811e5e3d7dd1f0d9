/** Domain checks shared by several commands, each returning a coded rejection or `null` when fine. */
import { validateSiren } from '../domain/identifiers';
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

/** Normalised SIREN, or a rejection carrying the domain's French and English sentence. */
export function normaliseSiren(
  siren: string,
): { ok: true; value: string } | { ok: false; result: CommandResult } {
  const checked = validateSiren(siren);
  if (checked.ok) return { ok: true, value: checked.value };
  return { ok: false, result: reject('invalid', checked.message.fr, checked.message.en) };
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
