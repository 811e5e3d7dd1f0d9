/**
 * « Déclaration de chiffre d'affaires » for the insurer: the insurable turnover of a month or a quarter by
 * buyer country, France / export, and the premium it carries, with how the minimum premium is settled.
 * Plain HTML in French, amounts in the fr-FR format; figures from shared/domain/turnover-declaration.ts.
 */
import type { ReactNode } from 'react';
import type { TurnoverDeclaration } from '../../shared/domain/turnover-declaration';
import type { IsoDate } from '../../shared/domain/types';
import { formatDate, formatMoney, formatNumber } from '../lib/format';

export type TurnoverDeclarationDocumentProps = {
  readonly declaration: TurnoverDeclaration;
  /** « Octobre 2026 », « 3e trimestre 2026 ». */
  readonly periodLabel: string;
  readonly date: IsoDate;
  readonly countryName: (code: string) => string;
};

export function TurnoverDeclarationDocument(props: TurnoverDeclarationDocumentProps): ReactNode {
  const { declaration: d } = props;
  return (
    <article className="doc">
      <div className="header">
        <div>
          <h1>Déclaration de chiffre d'affaires</h1>
          <p>
            Période : <strong>{props.periodLabel}</strong> (du {formatDate(d.range.start)} au{' '}
            {formatDate(d.range.end)})
          </p>
        </div>
        <p className="muted">Établie le {formatDate(props.date)}</p>
      </div>

      <h2>Chiffre d'affaires assurable HT par pays</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Pays</th>
            <th scope="col">Zone</th>
            <th scope="col" className="num">
              Factures
            </th>
            <th scope="col" className="num">
              Factures HT
            </th>
            <th scope="col" className="num">
              Avoirs HT
            </th>
            <th scope="col" className="num">
              Assurable HT
            </th>
          </tr>
        </thead>
        <tbody>
          {d.byCountry.map((country) => (
            <tr key={country.country}>
              <td>{props.countryName(country.country)}</td>
              <td>{country.zone === 'france' ? 'France' : 'Export'}</td>
              <td className="num">{formatNumber(country.invoiceCount)}</td>
              <td className="num">{formatMoney(country.invoicesHtCents)}</td>
              <td className="num">{formatMoney(-country.creditNotesHtCents)}</td>
              <td className="num">{formatMoney(country.insurableCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <table>
        <tbody>
          <tr>
            <th scope="row">France</th>
            <td className="num">{formatMoney(d.franceCents)}</td>
          </tr>
          <tr>
            <th scope="row">Export</th>
            <td className="num">{formatMoney(d.exportCents)}</td>
          </tr>
          <tr>
            <th scope="row">Total du chiffre d'affaires assurable HT</th>
            <td className="num">
              <strong>{formatMoney(d.totalCents)}</strong>
            </td>
          </tr>
          <tr>
            <th scope="row">
              Prime de la période ({formatNumber(d.premiumRateBp / 100)} % du chiffre d'affaires assurable)
            </th>
            <td className="num">
              <strong>{formatMoney(d.premiumCents)}</strong>
            </td>
          </tr>
        </tbody>
      </table>

      <h2>Prime minimale</h2>
      <p>
        Depuis le 1er janvier : chiffre d'affaires assurable {formatMoney(d.yearToDateInsurableCents)}, prime{' '}
        {formatMoney(d.yearToDatePremiumCents)} pour une prime minimale annuelle de{' '}
        {formatMoney(d.minimumPremiumCents)}.
      </p>
      <p className="small">
        La prime minimale s'apprécie sur l'année d'assurance, pas sur chaque période : les périodes sont
        facturées au taux, et l'assureur appelle l'éventuel complément à la régularisation annuelle
        {d.minimumShortfallCents > 0
          ? ` (à ce jour : ${formatMoney(d.minimumShortfallCents)} resteraient dus si l'année s'arrêtait là).`
          : ' (à ce jour, la prime minimale est atteinte).'}
      </p>
      {d.otherCurrencyCount > 0 ? (
        <p className="small">
          {formatNumber(d.otherCurrencyCount)} pièce(s) dans une autre devise que celle de la police ne sont
          pas comptées.
        </p>
      ) : null}
      <p className="small muted">
        Calculé depuis le poste clients : factures HT émises dans la période, moins les avoirs HT de la
        période ; un client sans pays est compté en France.
      </p>
    </article>
  );
}
