/**
 * The offers' results side by side (one column per offer, the best highlighted), the expected loss without
 * insurance with its source, the break-even sales, and a chart of annual cost against the expected loss each
 * offer would pay. Every figure comes from `compareOffers` (shared/domain/premium.ts).
 */
import { Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfferComparison, OfferComparisonRow, PremiumErrorReason } from '../../../shared/domain/premium';
import { formatMoney, formatMoneyWhole } from '../../lib/format';
import { ChartFigure } from '../dashboard/ChartFigure';
import { comparisonSeries, type OfferValues } from './simulation-model';

type OkRow = Extract<OfferComparisonRow, { ok: true }>;
const HEIGHT = 260;

export function useReasonText(): (reason: PremiumErrorReason) => string {
  const { t } = useTranslation();
  return (reason) => {
    switch (reason) {
      case 'turnover-above-bands':
        return t('premium.reasons.turnoverAboveBands');
      case 'no-outstanding-figures':
        return t('premium.reasons.noOutstandingFigures');
    }
  };
}

export function SimulationResults(props: {
  readonly comparison: OfferComparison;
  readonly offers: readonly OfferValues[];
  readonly bestOfferId: string | undefined;
}) {
  const { t } = useTranslation();
  const reasonText = useReasonText();
  const { comparison, offers } = props;
  const labelOf = (offerId: string): string => offers.find((offer) => offer.id === offerId)?.label ?? offerId;
  const line = (
    key: string,
    label: string,
    value: (row: OkRow) => ReactNode,
    isStrong = false,
  ): ReactNode => (
    <Table.Tr key={key}>
      <Table.Th scope="row" fw={isStrong ? 700 : 500}>
        {label}
      </Table.Th>
      {comparison.rows.map((row) => (
        <Table.Td
          key={row.offerId}
          ta="right"
          fw={isStrong ? 700 : undefined}
          style={{ whiteSpace: 'nowrap' }}
        >
          {row.ok ? value(row) : '—'}
        </Table.Td>
      ))}
    </Table.Tr>
  );
  const series = comparisonSeries(comparison, labelOf);
  const expected = comparison.expectedLoss;
  return (
    <Stack gap="lg">
      <Card withBorder radius="lg" padding="lg">
        <Title order={2} size="h4" mb="sm">
          {t('premium.results.title')}
        </Title>
        <Table.ScrollContainer minWidth={560}>
          <Table data-testid="premium-results" striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('premium.results.perOffer')}</Table.Th>
                {comparison.rows.map((row) => (
                  <Table.Th key={row.offerId} scope="col" ta="right">
                    {labelOf(row.offerId)}
                    {row.offerId === props.bestOfferId ? (
                      <Badge ml="xs" color="teal.9" variant="filled">
                        {t('premium.results.best')}
                      </Badge>
                    ) : null}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {line('base', t('premium.results.base'), (row) => (
                <>
                  {formatMoney(row.estimate.premiumBaseCents)}
                  {row.estimate.isMinimumApplied ? (
                    <Text component="span" size="xs" c="dimmed" display="block">
                      {t('premium.results.minimumApplied')}
                    </Text>
                  ) : null}
                </>
              ))}
              {line('fees', t('premium.results.fees'), (row) =>
                formatMoney(row.estimate.monitoringFeesCents),
              )}
              {line(
                'annual',
                t('premium.results.annual'),
                (row) => formatMoney(row.estimate.annualCents),
                true,
              )}
              {line('month', t('premium.results.perMonth'), (row) => formatMoney(row.estimate.perMonthCents))}
              {line('day', t('premium.results.perDay'), (row) => formatMoney(row.estimate.perDayCents))}
              {line('liability', t('premium.results.maxLiability'), (row) =>
                formatMoney(row.estimate.maxLiabilityCents),
              )}
              {line('covered', t('premium.results.coveredLoss'), (row) =>
                formatMoney(row.coveredExpectedLossCents),
              )}
              {line('net', t('premium.results.netCost'), (row) => formatMoney(row.netCostCents), true)}
              {comparison.lossBreakEvenSalesCents === undefined
                ? null
                : line('breakEven', t('premium.results.premiumBreakEven'), (row) =>
                    row.premiumBreakEvenSalesCents === undefined
                      ? '—'
                      : formatMoney(row.premiumBreakEvenSalesCents),
                  )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {comparison.rows.map((row) =>
          row.ok ? null : (
            <Text key={row.offerId} size="sm" c="orange.8" mt="xs" role="status">
              {t('premium.results.notApplicable', {
                label: labelOf(row.offerId),
                reason: reasonText(row.reason),
              })}
            </Text>
          ),
        )}
        <Text size="xs" c="dimmed" mt="sm">
          {t('premium.results.bestRule')}
        </Text>
      </Card>

      <Card withBorder radius="lg" padding="lg">
        <Title order={2} size="h4" mb="sm">
          {t('premium.loss.title')}
        </Title>
        <Text data-testid="expected-loss">
          {t('premium.loss.expected', { amount: formatMoney(expected.cents) })}{' '}
          <Text span c="dimmed" size="sm">
            {expected.source === 'history' ? t('premium.loss.fromHistory') : t('premium.loss.fromSeed')}
          </Text>
        </Text>
        <Text mt="xs" data-testid="break-even">
          {comparison.lossBreakEvenSalesCents === undefined
            ? t('premium.loss.noMargin')
            : t('premium.loss.breakEven', { amount: formatMoney(comparison.lossBreakEvenSalesCents) })}
        </Text>
        {series.length === 0 ? null : (
          <ChartFigure
            caption={t('premium.chart.caption', { loss: formatMoneyWhole(expected.cents) })}
            headers={[
              t('premium.chart.offer'),
              t('premium.chart.annualCost'),
              t('premium.chart.coveredLoss'),
            ]}
            rows={series.map((point) => ({
              key: point.offer,
              label: point.offer,
              values: [formatMoneyWhole(point.annualCost * 100), formatMoneyWhole(point.coveredLoss * 100)],
            }))}
            height={HEIGHT}
          >
            <ResponsiveContainer
              width="100%"
              height={HEIGHT}
              initialDimension={{ width: 640, height: HEIGHT }}
            >
              <BarChart
                data={series}
                margin={{ top: 16, right: 16, bottom: 0, left: 8 }}
                accessibilityLayer={false}
              >
                <CartesianGrid vertical={false} stroke="var(--mantine-color-gray-3)" />
                <XAxis dataKey="offer" tickLine={false} axisLine={false} tick={{ fontSize: 12 }} />
                <YAxis
                  // Room for the dashed expected-loss line even when it is above every bar.
                  domain={[0, (dataMax: number) => Math.max(dataMax, Math.round(expected.cents / 100))]}
                  tickFormatter={(value: number) => formatMoneyWhole(value * 100)}
                  tickLine={false}
                  axisLine={false}
                  width={96}
                  tick={{ fontSize: 12 }}
                />
                <Tooltip
                  formatter={(value) => (typeof value === 'number' ? formatMoneyWhole(value * 100) : value)}
                />
                <Legend />
                <ReferenceLine
                  y={Math.round(expected.cents / 100)}
                  stroke="var(--mantine-color-red-6)"
                  strokeDasharray="4 4"
                  label={{ value: t('premium.chart.expectedLoss'), position: 'insideTopRight', fontSize: 12 }}
                />
                <Bar
                  dataKey="annualCost"
                  name={t('premium.chart.annualCost')}
                  fill="var(--mantine-color-blue-6)"
                  radius={[4, 4, 0, 0]}
                  isAnimationActive={false}
                />
                <Bar
                  dataKey="coveredLoss"
                  name={t('premium.chart.coveredLoss')}
                  fill="var(--mantine-color-teal-5)"
                  radius={[4, 4, 0, 0]}
                  isAnimationActive={false}
                />
              </BarChart>
            </ResponsiveContainer>
          </ChartFigure>
        )}
      </Card>
    </Stack>
  );
}
