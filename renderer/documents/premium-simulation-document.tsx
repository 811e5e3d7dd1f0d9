/**
 * « Simulation de prime d'assurance-crédit » for a prospect: the firm's figures, the offers side by side with
 * every figure computed by shared/domain/premium.ts, the comparison with the expected loss without insurance,
 * the assumptions, and the disclaimer. Plain HTML in French (a document for a French prospect, whatever the
 * interface language), amounts in the fr-FR format.
 */
import type { ReactNode } from 'react';
import type { OfferComparison, OfferComparisonRow } from '../../shared/domain/premium';
import type { IsoDate } from '../../shared/domain/types';
import { formatDate, formatMoney, formatNumber } from '../lib/format';
import type { OfferValues, SimulationValues } from '../features/premium/simulation-model';

export const SIMULATION_DISCLAIMER = 'Estimation indicative, non contractuelle.';

const KIND_LABELS: Record<OfferValues['kind'], string> = {
  'turnover-rate': "Taux sur chiffre d'affaires assurable",
  'turnover-band': "Forfait par tranche de chiffre d'affaires",
  'outstanding-rate': 'Taux sur encours moyen de fin de mois',
};

const percent = (value: number | ''): string => (value === '' ? '—' : `${formatNumber(value)} %`);
const euros = (value: number | ''): string => (value === '' ? '—' : formatMoney(Math.round(value * 100)));

export type PremiumSimulationDocumentProps = {
  readonly date: IsoDate;
  readonly values: SimulationValues;
  readonly sectorLabel: string | undefined;
  readonly comparison: OfferComparison;
  readonly bestOfferId: string | undefined;
  /** Who the simulation is for, when the broker names the prospect. */
  readonly prospect?: string;
};

function cell(
  row: OfferComparisonRow,
  value: (estimateRow: Extract<OfferComparisonRow, { ok: true }>) => string,
): string {
  return row.ok ? value(row) : '—';
}

export function PremiumSimulationDocument(props: PremiumSimulationDocumentProps): ReactNode {
  const { values, comparison } = props;
  const offers = values.offers;
  const rows = comparison.rows;
  const best = offers.find((offer) => offer.id === props.bestOfferId);
  const resultLine = (
    label: string,
    value: (row: Extract<OfferComparisonRow, { ok: true }>) => string,
  ): ReactNode => (
    <tr>
      <th scope="row">{label}</th>
      {rows.map((row) => (
        <td key={row.offerId} className="num">
          {cell(row, value)}
        </td>
      ))}
    </tr>
  );
  const paramLine = (label: string, value: (offer: OfferValues) => string): ReactNode => (
    <tr>
      <th scope="row">{label}</th>
      {offers.map((offer) => (
        <td key={offer.id} className="num">
          {value(offer)}
        </td>
      ))}
    </tr>
  );
  return (
    <article className="doc">
      <div className="header">
        <div>
          <h1>Simulation de prime d'assurance-crédit</h1>
          {props.prospect === undefined ? null : <p>Pour : {props.prospect}</p>}
        </div>
        <p className="muted">Établie le {formatDate(props.date)}</p>
      </div>

      <h2>Votre entreprise</h2>
      <table>
        <tbody>
          <tr>
            <th scope="row">Chiffre d'affaires annuel HT</th>
            <td className="num">{euros(values.turnover)}</td>
          </tr>
          <tr>
            <th scope="row">Part vendue à crédit aux entreprises</th>
            <td className="num">{percent(values.creditSharePercent)}</td>
          </tr>
          <tr>
            <th scope="row">Part export</th>
            <td className="num">{percent(values.exportSharePercent)}</td>
          </tr>
          <tr>
            <th scope="row">Secteur d'activité</th>
            <td className="num">{props.sectorLabel ?? '—'}</td>
          </tr>
          <tr>
            <th scope="row">Nombre de clients / clients dénommés</th>
            <td className="num">
              {formatNumber(values.buyers)} / {formatNumber(values.namedBuyers)}
            </td>
          </tr>
          <tr>
            <th scope="row">Marge brute</th>
            <td className="num">{percent(values.marginPercent)}</td>
          </tr>
        </tbody>
      </table>

      <h2>Offres comparées</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Conditions</th>
            {offers.map((offer) => (
              <th key={offer.id} scope="col" className="num">
                {offer.label}
                {offer.id === props.bestOfferId ? ' (meilleure offre)' : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {paramLine('Formule', (offer) => KIND_LABELS[offer.kind])}
          {paramLine('Taux de prime', (offer) =>
            offer.kind === 'turnover-band' ? '—' : percent(offer.ratePercent),
          )}
          {paramLine('Prime minimale', (offer) =>
            offer.kind === 'turnover-band' ? '—' : euros(offer.minimumPremium),
          )}
          {paramLine('Frais de surveillance par client dénommé', (offer) => euros(offer.monitoringFee))}
          {paramLine(
            "Plafond d'indemnisation (multiple de la prime)",
            (offer) => `${formatNumber(offer.maxLiabilityMultiple)} ×`,
          )}
          {paramLine('Quotité garantie', (offer) => percent(offer.quotityPercent))}
          {paramLine('Franchise par sinistre', (offer) => euros(offer.deductible))}
        </tbody>
      </table>

      <h2>Résultats</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Par offre</th>
            {offers.map((offer) => (
              <th key={offer.id} scope="col" className="num">
                {offer.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {resultLine('Prime de base', (row) => formatMoney(row.estimate.premiumBaseCents))}
          {resultLine('Frais de surveillance', (row) => formatMoney(row.estimate.monitoringFeesCents))}
          {resultLine('Prime annuelle totale', (row) => formatMoney(row.estimate.annualCents))}
          {resultLine('Par mois', (row) => formatMoney(row.estimate.perMonthCents))}
          {resultLine('Par jour', (row) => formatMoney(row.estimate.perDayCents))}
          {resultLine("Plafond d'indemnisation", (row) => formatMoney(row.estimate.maxLiabilityCents))}
          {resultLine('Perte attendue prise en charge', (row) => formatMoney(row.coveredExpectedLossCents))}
          {resultLine('Coût net (prime − perte prise en charge)', (row) => formatMoney(row.netCostCents))}
        </tbody>
      </table>
      {rows.some((row) => !row.ok) ? (
        <ul className="small">
          {rows.map((row) =>
            row.ok ? null : (
              <li key={row.offerId}>
                {offers.find((offer) => offer.id === row.offerId)?.label} : {row.message.fr}
              </li>
            ),
          )}
        </ul>
      ) : null}

      <h2>Sans assurance</h2>
      <p>
        Perte attendue par an sans assurance : <strong>{formatMoney(comparison.expectedLoss.cents)}</strong>{' '}
        {comparison.expectedLoss.source === 'history'
          ? '(moyenne de vos pertes des années passées).'
          : '(repère : 7 impayés par an de 9 400 € en moyenne pour une TPE).'}
      </p>
      {comparison.lossBreakEvenSalesCents === undefined ? null : (
        <p>
          Chiffre d'affaires supplémentaire nécessaire pour compenser cette perte à votre marge :{' '}
          <strong>{formatMoney(comparison.lossBreakEvenSalesCents)}</strong>.
        </p>
      )}
      {best === undefined ? null : (
        <p>
          Offre la plus avantageuse (coût net le plus bas) : <strong>{best.label}</strong>.
        </p>
      )}

      <h2>Hypothèses</h2>
      <ul className="small">
        <li>Chiffre d'affaires assurable = chiffre d'affaires HT × part vendue à crédit aux entreprises.</li>
        <li>
          Prime = max(prime minimale, taux × chiffre d'affaires assurable) + frais de surveillance × clients
          dénommés.
        </li>
        <li>Plafond d'indemnisation = multiple × prime de base, hors frais de surveillance.</li>
        <li>
          Perte prise en charge = min(perte attendue, plafond) × quotité ; la franchise n'est pas déduite.
        </li>
        <li>Montants annuels ; par mois = annuel ÷ 12, par jour = annuel ÷ 365, arrondis au centime.</li>
      </ul>
      <p>
        <strong>{SIMULATION_DISCLAIMER}</strong> Seules les conditions particulières proposées par l'assureur
        font foi.
      </p>
    </article>
  );
}
