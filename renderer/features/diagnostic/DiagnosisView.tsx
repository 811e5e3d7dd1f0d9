/**
 * The receivables diagnostic of a prospect, drawn from the shared `Diagnosis` (the very object
 * `encours diagnose --format json` prints): headline cards, aging, insurable exposure, alerts, main buyers.
 * Nothing is computed here beyond shares for display; amounts go through renderer/lib/format.
 */
import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Diagnosis } from '../../../shared/diagnose/diagnose';
import { alertMessages } from '../../../shared/domain/alert-messages';
import { AGING_BUCKETS } from '../../../shared/domain/aging';
import { ALERT_CODES } from '../../../shared/domain/alerts';
import { useBuyerDisplayName } from '../../data/display-name';
import { formatDate, formatMoney, formatNumber, formatPercent } from '../../lib/format';

const TOP_BUYERS = 10;

function Kpi(props: { label: string; value: string; detail?: string; testId: string }) {
  return (
    <Card withBorder radius="lg" padding="lg">
      <Text size="sm" c="dimmed" fw={500}>
        {props.label}
      </Text>
      <Text fz={26} fw={700} mt={4} data-testid={props.testId} style={{ whiteSpace: 'nowrap' }}>
        {props.value}
      </Text>
      {props.detail !== undefined && (
        <Text size="xs" c="dimmed" mt={4}>
          {props.detail}
        </Text>
      )}
    </Card>
  );
}

export function DiagnosisView({ diagnosis }: { diagnosis: Diagnosis }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'fr';
  const displayName = useBuyerDisplayName();
  const total = diagnosis.total;
  const premium = diagnosis.premium;
  const share = (cents: number): string =>
    total.openBalanceCents === 0 ? '—' : formatPercent(cents / total.openBalanceCents);
  const alertTitle = (code: string): string => {
    const known = ALERT_CODES.find((candidate) => candidate === code);
    return known === undefined ? code : alertMessages[lang][known].title;
  };
  const alertRows = Object.entries(total.alertCounts).sort((a, b) => b[1] - a[1]);
  const top = diagnosis.buyers.slice(0, TOP_BUYERS);

  return (
    <Stack gap="lg" data-testid="diagnosis">
      <Title order={2} size="h3">
        {t('diagnostic.asOf', { date: formatDate(diagnosis.asOf) })}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        <Kpi
          label={t('diagnostic.kpiOpen')}
          value={formatMoney(total.openBalanceCents)}
          detail={t('diagnostic.kpiBuyers', { count: total.buyers })}
          testId="diag-open"
        />
        <Kpi
          label={t('diagnostic.kpiOverdue')}
          value={formatMoney(total.overdueCents)}
          detail={t('diagnostic.kpiOverdueShare', { percent: share(total.overdueCents) })}
          testId="diag-overdue"
        />
        <Kpi
          label={t('diagnostic.kpiDso')}
          value={t('diagnostic.kpiDsoValue', { days: formatNumber(total.dsoDays) })}
          testId="diag-dso"
        />
        <Kpi
          label={t('diagnostic.kpiPremium')}
          value={premium === undefined ? '—' : formatMoney(premium.annualCents)}
          detail={
            premium === undefined
              ? t('diagnostic.kpiPremiumNone')
              : t('diagnostic.kpiPremiumDetail', {
                  month: formatMoney(premium.perMonthCents),
                  day: formatMoney(premium.perDayCents),
                  turnover: formatMoney(total.turnoverHtCents),
                })
          }
          testId="diag-premium"
        />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder radius="lg" padding="lg">
          <Title order={3} size="h5" mb="sm">
            {t('diagnostic.agingTitle')}
          </Title>
          <Table aria-label={t('diagnostic.agingTitle')} data-testid="diag-aging">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('diagnostic.bucket')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('diagnostic.amount')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('diagnostic.share')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {AGING_BUCKETS.map((bucket) => (
                <Table.Tr key={bucket} data-bucket={bucket}>
                  <Table.Th scope="row" fw={400}>
                    {t(`diagnostic.${bucket}`)}
                  </Table.Th>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(total.aging[bucket])}
                  </Table.Td>
                  <Table.Td ta="right">{share(total.aging[bucket])}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr data-bucket="unapplied">
                <Table.Th scope="row" fw={400}>
                  {t('diagnostic.unapplied')}
                </Table.Th>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(total.aging.unappliedCents)}
                </Table.Td>
                <Table.Td ta="right">{share(total.aging.unappliedCents)}</Table.Td>
              </Table.Tr>
              <Table.Tr data-bucket="total">
                <Table.Th scope="row">{t('diagnostic.total')}</Table.Th>
                <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(total.openBalanceCents)}
                </Table.Td>
                <Table.Td />
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Card>

        <Stack gap="md">
          <Card withBorder radius="lg" padding="lg">
            <Title order={3} size="h5" mb="sm">
              {t('diagnostic.exposureTitle')}
            </Title>
            <Table data-testid="diag-exposure">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th scope="row" fw={400}>
                    {t('diagnostic.exposure', { basis: diagnosis.basis })}
                  </Table.Th>
                  <Table.Td ta="right" fw={600} data-testid="diag-exposure-total">
                    {formatMoney(total.exposureCents)}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row" fw={400}>
                    {t('diagnostic.aboveThreshold')}
                  </Table.Th>
                  <Table.Td ta="right" data-testid="diag-above">
                    {formatMoney(total.aboveUnnamedThresholdCents)}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row" fw={400}>
                    {t('diagnostic.limitsToRequest')}
                  </Table.Th>
                  <Table.Td ta="right" data-testid="diag-limits">
                    {formatNumber(total.buyersAboveUnnamedThreshold)}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row" fw={400}>
                    {t('diagnostic.concentration')}
                  </Table.Th>
                  <Table.Td ta="right" data-testid="diag-concentration">
                    {formatPercent(total.top10ShareBp / 10_000)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Card>
          <Card withBorder radius="lg" padding="lg">
            <Title order={3} size="h5" mb="sm">
              {t('diagnostic.alertsTitle')}
            </Title>
            {alertRows.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('diagnostic.alertsNone')}
              </Text>
            ) : (
              <Table data-testid="diag-alerts">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('diagnostic.alert')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('diagnostic.count')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {alertRows.map(([code, count]) => (
                    <Table.Tr key={code} data-code={code}>
                      <Table.Th scope="row" fw={400}>
                        {alertTitle(code)}
                      </Table.Th>
                      <Table.Td ta="right">{formatNumber(count)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        </Stack>
      </SimpleGrid>

      <Card withBorder radius="lg" padding="lg">
        <Title order={3} size="h5" mb="sm">
          {t('diagnostic.topTitle')}
        </Title>
        <Table.ScrollContainer minWidth={720}>
          <Table striped data-testid="diag-top" aria-label={t('diagnostic.topTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('diagnostic.colAccount')}</Table.Th>
                <Table.Th scope="col">{t('diagnostic.colBuyer')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('diagnostic.colBalance')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('diagnostic.colOverdue')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('diagnostic.colExposure')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('diagnostic.colDso')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {top.map((buyer) => (
                <Table.Tr key={buyer.key} data-key={buyer.key}>
                  <Table.Td ff="monospace" fz="sm">
                    {buyer.key}
                  </Table.Td>
                  <Table.Th scope="row" fw={500}>
                    <Group gap={6} wrap="nowrap">
                      <span>{displayName({ id: buyer.key, name: buyer.name })}</span>
                      {buyer.isDoubtful && (
                        <Badge size="xs" color="orange" variant="light">
                          {t('diagnostic.doubtful')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Th>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(buyer.openBalanceCents)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(buyer.overdueCents)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(buyer.exposureCents)}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(Math.round(buyer.dsoDays))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {diagnosis.buyers.length > TOP_BUYERS && (
          <Text size="xs" c="dimmed" mt="xs">
            {t('diagnostic.moreBuyers', { count: diagnosis.buyers.length - TOP_BUYERS })}
          </Text>
        )}
      </Card>
    </Stack>
  );
}
