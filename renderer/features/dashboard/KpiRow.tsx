import { Anchor, Card, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pathOf } from '../../app/navigation';
import type { DashboardData } from '../../data/dashboard-hooks';
import { dsoMonthsBack } from '../../data/dashboard-summary';
import { formatDate, formatMoney, formatMoneyWhole, formatNumber, formatPercent } from '../../lib/format';
import { formatDays } from './chart-format';

/** How far back the DSO card compares (domain: a quarter is the usual horizon of a DSO review). */
const DSO_COMPARE_MONTHS = 3;

function share(part: number, total: number): number {
  return total === 0 ? 0 : part / total;
}

function KpiCard({
  id,
  label,
  value,
  exactValue,
  children,
}: {
  id: string;
  label: string;
  value: string;
  /** The figure to the cent, shown on hover and read by screen readers when `value` is rounded. */
  exactValue?: string;
  children?: ReactNode;
}) {
  const labelId = useId();
  return (
    <Card
      withBorder
      padding="lg"
      radius="md"
      h="100%"
      role="group"
      aria-labelledby={labelId}
      data-testid={`kpi-${id}`}
    >
      <Stack gap={6}>
        <Text id={labelId} size="sm" fw={600} c="dimmed">
          {label}
        </Text>
        <Text
          fz={24}
          fw={700}
          lh={1.15}
          data-testid="kpi-value"
          title={exactValue}
          style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
        >
          {value}
        </Text>
        {children}
      </Stack>
    </Card>
  );
}

export function KpiRow({ data }: { data: DashboardData }) {
  const { t } = useTranslation();
  const total = data.exposureCents;
  const current = data.dsoTrend.at(-1);
  const before = dsoMonthsBack(data.dsoTrend, DSO_COMPARE_MONTHS);
  const daysText = (days: number, isComplete: boolean): string =>
    t(isComplete ? 'dashboard.kpi.days' : 'dashboard.kpi.daysAtLeast', { days: formatDays(days) });
  let dsoValue = t('dashboard.kpi.notAvailable');
  let dsoNote = t('dashboard.kpi.dsoNoSales');
  if (current !== undefined && current.monthsUsed > 0) {
    dsoValue = daysText(current.days, current.isComplete);
    if (!current.isComplete) dsoNote = t('dashboard.kpi.dsoIncomplete');
    else if (before !== undefined && before.isComplete && before.monthsUsed > 0) {
      const change = Math.round(current.days) - Math.round(before.days);
      dsoNote = t('dashboard.kpi.dsoChange', {
        change: change > 0 ? `+${formatNumber(change)}` : formatNumber(change),
        date: formatDate(before.date),
      });
    } else dsoNote = t('dashboard.kpi.dsoNoChange');
  }
  const critical = data.alertCounts.critical;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="md" mb="md">
      <KpiCard
        id="exposure"
        label={t('dashboard.kpi.exposure')}
        value={formatMoneyWhole(total)}
        exactValue={formatMoney(total)}
      >
        <Text size="xs" c="dimmed">
          {t('dashboard.kpi.exposureBasis', { basis: data.basis, count: formatNumber(data.buyerCount) })}
        </Text>
        <Text size="xs" c="dimmed" data-testid="kpi-receivable">
          {t('dashboard.kpi.receivable', { amount: formatMoney(data.receivableTtcCents) })}
        </Text>
      </KpiCard>
      <KpiCard
        id="cover"
        label={t('dashboard.kpi.coverTitle')}
        value={formatPercent(share(data.coveredCents, total))}
      >
        <Progress.Root size="sm" aria-hidden="true">
          <Progress.Section value={share(data.coveredCents, total) * 100} color="navy" />
          <Progress.Section value={share(data.uncoveredCents, total) * 100} color="red.7" />
        </Progress.Root>
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Text size="xs">{t('dashboard.kpi.covered')}</Text>
          <Text size="xs" fw={600} data-testid="kpi-covered">
            {formatMoney(data.coveredCents)}
          </Text>
        </Group>
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Text size="xs" c="red.8">
            {t('dashboard.kpi.uncovered')}
          </Text>
          <Text size="xs" fw={600} c="red.8" data-testid="kpi-uncovered">
            {formatMoney(data.uncoveredCents)}
          </Text>
        </Group>
      </KpiCard>
      <KpiCard
        id="overdue"
        label={t('dashboard.kpi.overdue')}
        value={formatMoneyWhole(data.overdueCents)}
        exactValue={formatMoney(data.overdueCents)}
      >
        <Text size="xs" c={data.overdueCents > 0 ? 'red.8' : 'dimmed'}>
          {t('dashboard.kpi.overdueShare', { percent: formatPercent(share(data.overdueCents, total)) })}
        </Text>
      </KpiCard>
      <KpiCard id="dso" label={t('dashboard.kpi.dso')} value={dsoValue}>
        <Text size="xs" c="dimmed">
          {dsoNote}
        </Text>
      </KpiCard>
      <KpiCard id="critical" label={t('dashboard.kpi.critical')} value={formatNumber(critical)}>
        {critical > 0 ? (
          <Anchor component={Link} to={pathOf('limits')} size="xs" c="red.8" fw={600}>
            {t('dashboard.kpi.criticalLink')}
          </Anchor>
        ) : (
          <Text size="xs" c="dimmed">
            {t('dashboard.kpi.criticalNone')}
          </Text>
        )}
      </KpiCard>
    </SimpleGrid>
  );
}
