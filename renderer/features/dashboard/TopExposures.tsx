import { Anchor, Box, Progress, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardData } from '../../data/dashboard-hooks';
import { useBuyerDisplayName } from '../../data/display-name';
import { formatMoney } from '../../lib/format';
import { LimitAmount } from '../clients/LimitAmount';
import { DashboardCard } from './DashboardCard';

/**
 * « Principales expositions »: the 10 largest exposures as a table whose last column draws each one as a
 * horizontal stacked bar (covered, uncovered) on a common scale, with a tick at the credit limit. A table
 * rather than an SVG chart: the names are links, and the figures are read by everyone, screen readers too.
 * The limit says what it is (« non dénommé », « Sans garantie »…): a buyer whose limit was cancelled shows
 * « Sans garantie » yet a covered bar, because shipments made before the cancellation keep their cover.
 */
export function TopExposures({ data }: { data: DashboardData }) {
  const { t } = useTranslation();
  const displayName = useBuyerDisplayName();
  const scale = Math.max(1, ...data.topExposures.map((top) => Math.max(top.exposureCents, top.limitCents)));
  const percentOf = (cents: number): number => (cents / scale) * 100;
  return (
    <DashboardCard title={t('dashboard.top.title')}>
      {data.topExposures.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('dashboard.top.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={6} data-testid="top-exposures">
            <Table.Caption style={{ captionSide: 'bottom', textAlign: 'left' }}>
              <Text component="span" size="xs" c="dimmed">
                {t('dashboard.top.caption')}
              </Text>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dashboard.top.buyer')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('dashboard.top.exposure')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('dashboard.top.limit')}
                </Table.Th>
                <Table.Th scope="col" w="30%">
                  {t('dashboard.top.cover')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.topExposures.map((top) => {
                const name = displayName({
                  id: top.buyerId,
                  name: data.names.get(top.buyerId) ?? top.buyerId,
                });
                return (
                  <Table.Tr key={top.buyerId}>
                    <Table.Th scope="row" fw={500} miw={200} maw={320}>
                      <Anchor
                        component={Link}
                        to={`/buyers/${encodeURIComponent(top.buyerId)}`}
                        size="sm"
                        lineClamp={1}
                        title={name}
                      >
                        {name}
                      </Anchor>
                    </Table.Th>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                      {formatMoney(top.exposureCents)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                      <LimitAmount
                        limitCents={top.limitCents}
                        source={top.limitSource}
                        coveredCents={top.coveredCents}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Box
                        pos="relative"
                        title={
                          top.limitCents > 0
                            ? t('dashboard.top.bar', {
                                covered: formatMoney(top.coveredCents),
                                uncovered: formatMoney(top.uncoveredCents),
                                limit: formatMoney(top.limitCents),
                              })
                            : t('dashboard.top.barNoLimit', {
                                covered: formatMoney(top.coveredCents),
                                uncovered: formatMoney(top.uncoveredCents),
                              })
                        }
                      >
                        <Progress.Root size={14} radius="sm" aria-hidden="true">
                          <Progress.Section value={percentOf(top.coveredCents)} color="navy" />
                          <Progress.Section value={percentOf(top.uncoveredCents)} color="red.7" />
                        </Progress.Root>
                        {top.limitCents > 0 && (
                          <Box
                            aria-hidden="true"
                            pos="absolute"
                            top={-3}
                            bottom={-3}
                            w={2}
                            bg="dark.6"
                            style={{ left: `calc(${percentOf(top.limitCents)}% - 1px)` }}
                          />
                        )}
                      </Box>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </DashboardCard>
  );
}
