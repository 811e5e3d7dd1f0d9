/**
 * « Mise en demeure de payer », sent by recorded delivery: the overdue invoices with, for each, the principal
 * still owed, the late-payment penalties at the rate of its half-year (ECB + 10 points unless agreed
 * otherwise) counted to the letter date, and the 40 € flat recovery indemnity (L441-10, D441-5); the total
 * claimed, payment within eight days, then the court. Figures from letter-figures.ts (the domain computes
 * them); plain HTML for print-document.tsx, in French.
 */
import type { ReactNode } from 'react';
import type { ReferenceRateRow } from '../../../shared/domain/late-payment';
import type { BasisPoints, IsoDate } from '../../../shared/domain/types';
import { formatDate, formatLongDate, formatMoney, formatNumber } from '../../lib/format';
import { FORMAL_NOTICE_DAYS, formalNoticeFigures } from './letter-figures';
import type { LetterInvoice, NoticeLine } from './letter-figures';
import { LetterHeader, PlaceAndDate, Signature, formatRateBp, invoiceReferences } from './letter-parts';
import type { LetterRecipient, LetterSender } from './letter-parts';

export const RECORDED_DELIVERY = 'Lettre recommandée avec accusé de réception';

export type FormalNoticeLetterProps = {
  readonly sender: LetterSender;
  readonly recipient: LetterRecipient;
  /** The invoices to claim: only those open and past due on `date` are named. */
  readonly invoices: readonly LetterInvoice[];
  /** The letter date: penalties run to it, and the eight days from it. */
  readonly date: IsoDate;
  /** The ECB rates (REFERENCE_RATES plus what the user entered); REFERENCE_RATES when absent. */
  readonly rates?: readonly ReferenceRateRow[];
  /** A rate agreed in the general terms of sale, if any. */
  readonly contractualRateBp?: BasisPoints;
};

function rateOf(line: NoticeLine): string {
  return line.rate === undefined ? 'non renseigné' : formatRateBp(line.rate.rateBp);
}

/** How the rates were set, in the words of the statute. */
function rateBasis(lines: readonly NoticeLine[]): string {
  const rates = [...new Set(lines.flatMap((line) => (line.rate === undefined ? [] : [line.rate.rateBp])))];
  const list = rates.map(formatRateBp).join(' et ');
  const isAgreed = lines.some((line) => line.rate !== undefined && line.rate.source !== 'ecb-plus-10');
  return isAgreed
    ? `au taux de ${list} prévu par nos conditions générales de vente`
    : `au taux de ${list}, soit le taux de refinancement de la Banque centrale européenne majoré de 10 points`;
}

export function FormalNoticeLetter(props: FormalNoticeLetterProps): ReactNode {
  const figures = formalNoticeFigures({
    invoices: props.invoices,
    letterDate: props.date,
    ...(props.rates === undefined ? {} : { rates: props.rates }),
    ...(props.contractualRateBp === undefined ? {} : { contractualRateBp: props.contractualRateBp }),
  });
  const currency = figures.lines[0]?.invoice.currency ?? 'EUR';
  const money = (cents: number) => formatMoney(cents, currency);
  const count = figures.lines.length;
  const isSingle = count === 1;
  return (
    <article className="doc" lang="fr">
      <LetterHeader sender={props.sender} recipient={props.recipient} mention={RECORDED_DELIVERY} />
      <PlaceAndDate sender={props.sender} date={props.date} />
      <p>
        <strong>Objet : mise en demeure de payer</strong>
        <br />
        {isSingle ? 'Notre facture' : 'Nos factures'} :{' '}
        {invoiceReferences(figures.lines.map((l) => l.invoice))}
      </p>
      <p>Madame, Monsieur,</p>
      <p>
        Malgré nos précédentes relances,{' '}
        {isSingle ? 'la facture suivante, arrivée' : 'les factures suivantes, arrivées'} à échéance,{' '}
        {isSingle ? 'demeure impayée' : 'demeurent impayées'} à ce jour :
      </p>
      <table className="small">
        <thead>
          <tr>
            <th scope="col">Facture</th>
            <th scope="col">Échéance</th>
            <th scope="col" className="num">
              Retard (jours)
            </th>
            <th scope="col" className="num">
              Principal dû
            </th>
            <th scope="col" className="num">
              Taux
            </th>
            <th scope="col" className="num">
              Pénalités
            </th>
            <th scope="col" className="num">
              Indemnité forfaitaire
            </th>
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {figures.lines.map((line) => (
            <tr key={line.invoice.id}>
              <td>{line.invoice.number}</td>
              <td>{formatDate(line.invoice.dueDate)}</td>
              <td className="num">{formatNumber(line.daysLate)}</td>
              <td className="num">{money(line.invoice.openTtcCents)}</td>
              <td className="num">{rateOf(line)}</td>
              <td className="num">{money(line.penaltyCents)}</td>
              <td className="num">{money(line.indemnityCents)}</td>
              <td className="num">{money(line.totalCents)}</td>
            </tr>
          ))}
        </tbody>
        {isSingle ? null : (
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                Total
              </th>
              <td className="num">{money(figures.principalCents)}</td>
              <td />
              <td className="num">{money(figures.penaltyCents)}</td>
              <td className="num">{money(figures.indemnityCents)}</td>
              <td className="num">
                <strong>{money(figures.totalCents)}</strong>
              </td>
            </tr>
          </tfoot>
        )}
      </table>
      <p>
        En conséquence, nous vous mettons en demeure de nous régler, dans un délai de huit (
        {FORMAL_NOTICE_DAYS}) jours à compter de la présente, soit au plus tard le{' '}
        {formatLongDate(figures.deadline)}, la somme de <strong>{money(figures.totalCents)}</strong>, se
        décomposant comme suit :
      </p>
      <ul>
        <li>principal restant dû : {money(figures.principalCents)} TTC ;</li>
        <li>
          pénalités de retard : {money(figures.penaltyCents)}, calculées {rateBasis(figures.lines)}, sur le
          montant TTC restant dû, du lendemain de la date d’échéance jusqu’au {formatDate(props.date)}{' '}
          (article L441-10 du Code de commerce) ;
        </li>
        <li>
          indemnité forfaitaire pour frais de recouvrement : {money(figures.indemnityCents)}
          {isSingle
            ? ''
            : `, soit ${money(figures.lines[0]?.indemnityCents ?? 0)} par facture payée en retard`}{' '}
          (articles L441-10 et D441-5 du Code de commerce).
        </li>
      </ul>
      <p>
        Ces pénalités sont exigibles sans qu’un rappel soit nécessaire et continuent de courir jusqu’au
        complet paiement.
      </p>
      <p>
        À défaut de règlement dans ce délai, nous saisirons la juridiction compétente afin d’obtenir le
        recouvrement de notre créance, sans autre avis de notre part, les frais de procédure restant à votre
        charge.
      </p>
      <p>La présente lettre vaut mise en demeure au sens de l’article 1344 du Code civil.</p>
      <p>Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.</p>
      <Signature sender={props.sender} />
    </article>
  );
}
