/**
 * Pieces every letter shares: the sender and recipient blocks (`.header`), the « Fait à …, le … » line and the
 * signature, and the few French formats a letter needs beyond renderer/lib/format.ts. Plain HTML only (see
 * print-document.tsx); French wording whatever the interface language: the letters go to French companies.
 * A sender not yet entered in Paramètres shows a bracketed placeholder, so the gap is seen on the preview.
 */
import type { ReactNode } from 'react';
import type { BuyerAddress, BuyerContact, CompanyFields } from '../../../shared/commands/entities';
import type { BasisPoints, IsoDate } from '../../../shared/domain/types';
import { formatDate, formatLongDate, formatNumber } from '../../lib/format';

/** Who a letter is addressed to: a buyer row has these fields. */
export type LetterRecipient = {
  readonly name: string;
  readonly siren?: string | undefined;
  readonly address?: BuyerAddress | undefined;
  readonly contacts?: readonly BuyerContact[] | undefined;
};

/** The sender: the stored « Votre entreprise », or undefined when it was never entered. */
export type LetterSender = CompanyFields | undefined;

export const SENDER_PLACEHOLDER = '[Votre entreprise : à renseigner dans Paramètres]';

/** « 12,15 % » from basis points. */
export function formatRateBp(rateBp: BasisPoints): string {
  return `${formatNumber(rateBp / 100)} %`;
}

/** « 732 829 320 »: a SIREN as it is printed on French documents. */
export function formatSiren(siren: string): string {
  return siren.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
}

function AddressLines(props: { readonly address: BuyerAddress | undefined }): ReactNode {
  const { address } = props;
  if (address === undefined) return null;
  const city = [address.postalCode, address.city].filter((part) => part !== undefined && part !== '');
  return (
    <>
      {address.street === undefined || address.street === '' ? null : (
        <>
          {address.street}
          <br />
        </>
      )}
      {city.length === 0 ? null : (
        <>
          {city.join(' ')}
          <br />
        </>
      )}
    </>
  );
}

export function LetterHeader(props: {
  readonly sender: LetterSender;
  readonly recipient: LetterRecipient;
  /** A line above the recipient, e.g. « Lettre recommandée avec accusé de réception ». */
  readonly mention?: string;
}): ReactNode {
  const { sender, recipient } = props;
  const contact = sender?.contact;
  const attention = recipient.contacts?.[0];
  return (
    <div className="header">
      <address style={{ fontStyle: 'normal' }}>
        <strong>{sender?.name ?? SENDER_PLACEHOLDER}</strong>
        <br />
        <AddressLines address={sender?.address} />
        {sender?.siren === undefined ? null : (
          <>
            SIREN {formatSiren(sender.siren)}
            <br />
          </>
        )}
        {contact?.phone === undefined || contact.phone === '' ? null : (
          <>
            Tél. {contact.phone}
            <br />
          </>
        )}
        {contact?.email === undefined || contact.email === '' ? null : <>{contact.email}</>}
      </address>
      <address style={{ fontStyle: 'normal', minWidth: '70mm' }}>
        {props.mention === undefined ? null : (
          <>
            <strong>{props.mention}</strong>
            <br />
            <br />
          </>
        )}
        <strong>{recipient.name}</strong>
        <br />
        {attention === undefined ? null : (
          <>
            À l’attention de {attention.name}
            {attention.role === undefined || attention.role === '' ? '' : `, ${attention.role}`}
            <br />
          </>
        )}
        <AddressLines address={recipient.address} />
        {recipient.siren === undefined ? null : <>SIREN {formatSiren(recipient.siren)}</>}
      </address>
    </div>
  );
}

/** « Lyon, le 25 novembre 2026 » (the place is the sender's city when known). */
export function PlaceAndDate(props: { readonly sender: LetterSender; readonly date: IsoDate }): ReactNode {
  const city = props.sender?.address?.city;
  const place = city === undefined || city === '' ? '' : `${city}, `;
  return (
    <p style={{ textAlign: 'right' }}>
      {place}le {formatLongDate(props.date)}
    </p>
  );
}

export function Signature(props: { readonly sender: LetterSender }): ReactNode {
  const contact = props.sender?.contact;
  return (
    <p style={{ marginTop: '10mm', marginLeft: '90mm' }}>
      {contact === undefined ? (
        <>Signature</>
      ) : (
        <>
          {contact.name}
          {contact.role === undefined || contact.role === '' ? null : (
            <>
              <br />
              {contact.role}
            </>
          )}
        </>
      )}
      <br />
      {props.sender?.name ?? SENDER_PLACEHOLDER}
    </p>
  );
}

/** The references line of a letter: « Nos factures : FA-1 du 01/02/2026, … ». */
export function invoiceReferences(
  invoices: readonly { readonly number: string; readonly issueDate: IsoDate }[],
): string {
  return invoices.map((invoice) => `${invoice.number} du ${formatDate(invoice.issueDate)}`).join(', ');
}
