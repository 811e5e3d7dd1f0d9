import { Text, useMantineTheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AGING_BUCKETS } from '../../../shared/domain/aging';
import type { DashboardData } from '../../data/dashboard-hooks';
import { useWorkspace } from '../../data/workspace-context';
import { formatDate, formatMoney } from '../../lib/format';
import { ChartFigure } from './ChartFigure';
import { DashboardCard } from './DashboardCard';
import { formatAxisEuros } from './chart-format';
import { dashboardColors } from './dashboard-colors';

const HEIGHT = 260;

/** « Balance âgée »: the open invoices of every buyer, by days past due, on the cover basis. */
export function AgingChart({ data }: { data: DashboardData }) {
  const { t } = useTranslation();
  const { today } = useWorkspace();
  const colors = dashboardColors(useMantineTheme());
  const bars = AGING_BUCKETS.map((bucket) => ({
    key: bucket,
    label: t(`dashboard.aging.${bucket}`),
    cents: data.aging[bucket],
    fill: colors.aging[bucket],
  }));
  const isEmpty = bars.every((bar) => bar.cents === 0);
  return (
    <DashboardCard title={t('dashboard.aging.title')}>
      {isEmpty ? (
        <Text c="dimmed" size="sm">
          {t('dashboard.cover.empty')}
        </Text>
      ) : (
        <ChartFigure
          caption={t('dashboard.aging.caption', { date: formatDate(today), basis: data.basis })}
          headers={[t('dashboard.aging.bucket'), t('dashboard.aging.amount')]}
          rows={bars.map((bar) => ({ key: bar.key, label: bar.label, values: [formatMoney(bar.cents)] }))}
          height={HEIGHT}
        >
          <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 480, height: HEIGHT }}>
            <BarChart
              data={bars}
              margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
              accessibilityLayer={false}
            >
              <CartesianGrid vertical={false} stroke={colors.grid} />
              <XAxis
                dataKey="label"
                tickLine={false}
                axisLine={false}
                tick={{ fill: colors.axis, fontSize: 12 }}
              />
              <YAxis
                tickFormatter={formatAxisEuros}
                tickLine={false}
                axisLine={false}
                width={64}
                tick={{ fill: colors.axis, fontSize: 12 }}
              />
              <Tooltip
                cursor={{ fill: colors.grid, opacity: 0.4 }}
                formatter={(value) => (typeof value === 'number' ? formatMoney(value) : value)}
              />
              <Bar
                dataKey="cents"
                name={t('dashboard.aging.amount')}
                radius={[4, 4, 0, 0]}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </ChartFigure>
      )}
    </DashboardCard>
  );
}
