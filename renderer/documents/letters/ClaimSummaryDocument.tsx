/**
 * The claim summary for the insurer (« Récapitulatif de sinistre », to send with the DMS — déclaration de
 * menace de sinistre — or the DIC — demande d'intervention contentieuse): the insured and its policy number,
 * the buyer (SIREN, address), the unpaid invoices with their dates, amounts and open balances, the credit
 * limit in force and the quotité, the dates of the claim's steps against their deadlines (claimDeadlines of
 * the domain, from the policy), and the timeline. Plain HTML in French for print-document.tsx.
 *
 * Used by the claim page (the claims feature renders it and calls `printDocument`).
 */
import type { ReactNode } from 'react';
import { claimDeadlines } from '../../../shared/domain/deadlines';
import type { Claim, ClaimEventType, ClaimStatus } from '../../../shared/domain/claims';
import { sumCents } from '../../../shared/domain/money';
import type { Policy } from '../../../shared/domain/policy';
import type { BasisPoints, Cents, IsoDate } from '../../../shared/domain/types';
import { formatDate, formatMoney, formatPercent } from '../../lib/format';
import type { LetterInvoice } from './letter-figures';
import { SENDER_PLACEHOLDER, formatSiren } from './letter-parts';
import type { LetterRecipient, LetterSender } from './letter-parts';

export type ClaimSummaryDocumentProps = {
  readonly claim: Claim;
  /** The buyer (débiteur): a buyer row fits. */
  readonly buyer: LetterRecipient;
  /** The invoices of the claim, with their open balance on `date`. */
  readonly invoices: readonly LetterInvoice[];
  /** « Votre entreprise »: the insured, its policy number and insurer. */
  readonly company: LetterSender;
  /** The policy in force: the deadlines are computed from it. */
  readonly policy: Policy;
  /** The document date. */
  readonly date: IsoDate;
  /** The credit limit applicable to these invoices (ClaimRow.applicableLimitCents), when known. */
  readonly limitInForceCents?: Cents;
  /** The quotité garantie of that limit (ClaimRow.quotityBp), when known. */
  readonly quotityBp?: BasisPoints;
};

const STATUS_LABELS: Readonly<Record<ClaimStatus, string>> = {
  open: 'Ouvert',
  reminded: 'Relancé',
  'dms-filed': 'Menace de sinistre déclarée (DMS)',
  'dic-filed': 'Demande d’intervention contentieuse déposée (DIC)',
  'waiting-period': 'Délai de carence en cours',
  'insolvency-declared': 'Procédure collective déclarée',
  disputed: 'En litige',
  indemnified: 'Indemnisé',
  rejected: 'Refusé par l’assureur',
  recovering: 'Récupérations en cours',
  'paid-in-full': 'Réglé par le débiteur',
  closed: 'Clos',
};

const EVENT_LABELS: Readonly<Record<ClaimEventType, string>> = {
  'reminder-sent': 'Relance envoyée',
  'dms-filed': 'DMS déposée',
  'dic-filed': 'DIC déposée',
  'waiting-period-started': 'Début du délai de carence',
  'indemnity-paid': 'Indemnité versée',
  'claim-rejected': 'Sinistre refusé',
  'recovery-received': 'Récupération encaissée',
  'paid-in-full': 'Paiement intégral du débiteur',
  'insolvency-declared': 'Procédure collective déclarée',
  'claim-admitted': 'Créance admise',
  'dispute-opened': 'Litige ouvert',
  'dispute-resolved': 'Litige résolu',
  closed: 'Dossier clos',
};

function Row(props: { readonly label: string; readonly children: ReactNode }): ReactNode {
  return (
    <tr>
      <th scope="row" style={{ width: '45%' }}>
        {props.label}
      </th>
      <td>{props.children}</td>
    </tr>
  );
}

function filed(on: IsoDate | undefined, deadline: IsoDate, isLate: boolean): string {
  if (on === undefined) return `à déposer au plus tard le ${formatDate(deadline)}`;
  return `déposée le ${formatDate(on)} (délai : ${formatDate(deadline)}${isLate ? ', HORS DÉLAI' : ''})`;
}

export function ClaimSummaryDocument(props: ClaimSummaryDocumentProps): ReactNode {
  const { claim, company, buyer, policy } = props;
  const deadlines = claimDeadlines(
    {
      dueDate: claim.dueDate,
      ...(claim.dmsFiledOn === undefined ? {} : { dmsFiledOn: claim.dmsFiledOn }),
      ...(claim.dicFiledOn === undefined ? {} : { dicFiledOn: claim.dicFiledOn }),
    },
    policy,
  );
  const currency = props.invoices[0]?.currency ?? policy.currency;
  const money = (cents: Cents) => formatMoney(cents, currency);
  const totalTtc = sumCents(props.invoices.map((invoice) => invoice.amountTtcCents));
  const totalOpen = sumCents(props.invoices.map((invoice) => invoice.openTtcCents));
  return (
    <article className="doc" lang="fr">
      <div className="header">
        <div>
          <h1>Récapitulatif de sinistre</h1>
          <p>Déclaration de menace de sinistre (DMS) / demande d’intervention contentieuse (DIC)</p>
        </div>
        <p className="muted">Établi le {formatDate(props.date)}</p>
      </div>

      <h2>Assuré</h2>
      <table>
        <tbody>
          <Row label="Entreprise">{company?.name ?? SENDER_PLACEHOLDER}</Row>
          <Row label="SIREN">{company?.siren === undefined ? '—' : formatSiren(company.siren)}</Row>
          <Row label="Assureur">{company?.insurerName ?? '—'}</Row>
          <Row label="Numéro de police">{company?.policyNumber ?? '—'}</Row>
          <Row label="Interlocuteur">
            {company?.contact === undefined
              ? '—'
              : [company.contact.name, company.contact.phone, company.contact.email]
                  .filter((part) => part !== undefined && part !== '')
                  .join(' — ')}
          </Row>
        </tbody>
      </table>

      <h2>Acheteur (débiteur)</h2>
      <table>
        <tbody>
          <Row label="Raison sociale">{buyer.name}</Row>
          <Row label="SIREN">{buyer.siren === undefined ? '—' : formatSiren(buyer.siren)}</Row>
          <Row label="Adresse">
            {[
              buyer.address?.street,
              [buyer.address?.postalCode, buyer.address?.city].filter(Boolean).join(' '),
            ]
              .filter((part) => part !== undefined && part !== '')
              .join(', ') || '—'}
          </Row>
          <Row label="Limite de crédit en vigueur">
            {props.limitInForceCents === undefined ? '—' : money(props.limitInForceCents)}
          </Row>
          <Row label="Quotité garantie">
            {props.quotityBp === undefined ? '—' : formatPercent(props.quotityBp / 10_000)}
          </Row>
        </tbody>
      </table>

      <h2>Créances impayées</h2>
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
              Reste dû TTC
            </th>
          </tr>
        </thead>
        <tbody>
          {props.invoices.map((invoice) => (
            <tr key={invoice.id}>
              <td>{invoice.number}</td>
              <td>{formatDate(invoice.issueDate)}</td>
              <td>{formatDate(invoice.dueDate)}</td>
              <td className="num">{money(invoice.amountTtcCents)}</td>
              <td className="num">{money(invoice.openTtcCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total
            </th>
            <td className="num">{money(totalTtc)}</td>
            <td className="num">
              <strong>{money(totalOpen)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>

      <h2>Dossier et délais</h2>
      <table>
        <tbody>
          <Row label="État du dossier">{STATUS_LABELS[claim.status]}</Row>
          <Row label="Dossier ouvert le">{formatDate(claim.openedOn)}</Row>
          <Row label="Montant de la créance à l’ouverture">{money(claim.openAmountCents)}</Row>
          <Row label="Échéance impayée la plus ancienne">{formatDate(claim.dueDate)}</Row>
          <Row label="Fin du délai maximum de prorogation">{formatDate(deadlines.maxExtensionEnd)}</Row>
          <Row label="Déclaration de menace de sinistre (DMS)">
            {filed(claim.dmsFiledOn, deadlines.dmsDeadline, claim.isDmsLate)}
          </Row>
          <Row label="Demande d’intervention contentieuse (DIC)">
            {filed(claim.dicFiledOn, deadlines.dicDeadline, claim.isDicLate)}
          </Row>
          <Row label="Fin du délai de carence">
            {deadlines.waitingPeriodEnd === undefined
              ? 'après le dépôt de la DIC'
              : formatDate(deadlines.waitingPeriodEnd)}
          </Row>
          {claim.recoveredBeforeSettlementCents > 0 ? (
            <Row label="Récupéré avant indemnisation">{money(claim.recoveredBeforeSettlementCents)}</Row>
          ) : null}
          {claim.indemnityPaidCents > 0 ? (
            <Row label="Indemnité versée">{money(claim.indemnityPaidCents)}</Row>
          ) : null}
        </tbody>
      </table>

      {claim.timeline.length === 0 ? null : (
        <>
          <h2>Historique</h2>
          <table className="small">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Étape</th>
                <th scope="col" className="num">
                  Montant
                </th>
                <th scope="col">Commentaire</th>
              </tr>
            </thead>
            <tbody>
              {claim.timeline.map((entry, index) => (
                <tr key={index}>
                  <td>{formatDate(entry.date)}</td>
                  <td>{EVENT_LABELS[entry.type]}</td>
                  <td className="num">{entry.amountCents === undefined ? '' : money(entry.amountCents)}</td>
                  <td>{entry.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <p className="small muted">
        Document établi par l’assuré à partir de sa comptabilité ; les pièces justificatives (factures, bons
        de livraison, relances, mise en demeure) sont jointes ou tenues à disposition de l’assureur.
      </p>
    </article>
  );
}
