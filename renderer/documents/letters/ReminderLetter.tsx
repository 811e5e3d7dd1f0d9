/**
 * « Relance amiable »: a courteous reminder of a buyer's overdue invoices (number, dates, amount still owed,
 * days late on the letter date), in French with the L441-10 reminder that late payment carries penalties
 * and the 40 € flat indemnity. Plain HTML for print-document.tsx.
 */
import type { ReactNode } from 'react';
import type { IsoDate } from '../../../shared/domain/types';
import { formatDate, formatMoney, formatNumber } from '../../lib/format';
import { reminderFigures } from './letter-figures';
import type { LetterInvoice } from './letter-figures';
import { LetterHeader, PlaceAndDate, Signature } from './letter-parts';
import type { LetterRecipient, LetterSender } from './letter-parts';

export type ReminderLetterProps = {
  readonly sender: LetterSender;
  readonly recipient: LetterRecipient;
  /** The buyer's invoices: only those open and past due on `date` are named. */
  readonly invoices: readonly LetterInvoice[];
  /** The letter date (days late are counted to it). */
  readonly date: IsoDate;
};

export function ReminderLetter(props: ReminderLetterProps): ReactNode {
  const figures = reminderFigures(props.invoices, props.date);
  const currency = figures.lines[0]?.invoice.currency ?? 'EUR';
  const contact = props.sender?.contact;
  const isSingle = figures.lines.length === 1;
  return (
    <article className="doc" lang="fr">
      <LetterHeader sender={props.sender} recipient={props.recipient} />
      <PlaceAndDate sender={props.sender} date={props.date} />
      <p>
        <strong>Objet : relance — {isSingle ? 'facture échue impayée' : 'factures échues impayées'}</strong>
      </p>
      <p>Madame, Monsieur,</p>
      <p>
        Sauf erreur ou omission de notre part, nous constatons que{' '}
        {isSingle ? 'la facture ci-dessous, arrivée' : 'les factures ci-dessous, arrivées'} à échéance,{' '}
        {isSingle ? 'reste impayée' : 'restent impayées'} à ce jour :
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Facture</th>
            <th scope="col">Date</th>
            <th scope="col">Échéance</th>
            <th scope="col" className="num">
              Montant TTC
            </th>
            <th scope="col" className="num">
              Reste dû
            </th>
            <th scope="col" className="num">
              Jours de retard
            </th>
          </tr>
        </thead>
        <tbody>
          {figures.lines.map((line) => (
            <tr key={line.invoice.id}>
              <td>{line.invoice.number}</td>
              <td>{formatDate(line.invoice.issueDate)}</td>
              <td>{formatDate(line.invoice.dueDate)}</td>
              <td className="num">{formatMoney(line.invoice.amountTtcCents, line.invoice.currency)}</td>
              <td className="num">{formatMoney(line.invoice.openTtcCents, line.invoice.currency)}</td>
              <td className="num">{formatNumber(line.daysLate)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>
              Total restant dû
            </th>
            <td className="num">
              <strong>{formatMoney(figures.totalOpenCents, currency)}</strong>
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
      <p>
        Il s’agit peut-être d’un simple oubli : nous vous remercions de bien vouloir procéder au règlement de
        la somme de {formatMoney(figures.totalOpenCents, currency)} dans les meilleurs délais. Si votre
        paiement a été effectué entre-temps, nous vous prions de ne pas tenir compte de la présente relance.
      </p>
      <p>
        Nous vous rappelons que, conformément à l’article L441-10 du Code de commerce, tout retard de paiement
        donne lieu de plein droit à des pénalités de retard ainsi qu’à une indemnité forfaitaire pour frais de
        recouvrement de 40 € par facture.
      </p>
      <p>
        {contact === undefined
          ? 'Nous restons à votre disposition pour toute question.'
          : `${contact.name} reste à votre disposition pour toute question${
              contact.phone === undefined || contact.phone === '' ? '' : ` (${contact.phone})`
            }.`}
      </p>
      <p>Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.</p>
      <Signature sender={props.sender} />
    </article>
  );
}
