import { Text, useMantineTheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardData } from '../../data/dashboard-hooks';
import { formatDate } from '../../lib/format';
import { ChartFigure } from './ChartFigure';
import { DashboardCard } from './DashboardCard';
import { formatAxisMonth, formatDays } from './chart-format';
import { dashboardColors } from './dashboard-colors';

const HEIGHT = 260;

/**
 * « Évolution du DSO »: the company DSO at the last 12 month-ends and today. A point whose count-back ran
 * out of sales history is a minimum, not a value: it is left out of the line (and said so in the table).
 */
export function DsoTrendChart({ data }: { data: DashboardData }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'fr';
  const colors = dashboardColors(useMantineTheme());
  const last = data.dsoTrend.length - 1;
  const points = data.dsoTrend.map((point, index) => ({
    key: point.date,
    label: index === last ? t('dashboard.dsoTrend.today') : formatAxisMonth(point.date, language),
    days: point.isComplete ? Math.round(point.days * 10) / 10 : null,
    point,
  }));
  const hasLine = points.some((point) => point.days !== null);
  return (
    <DashboardCard title={t('dashboard.dsoTrend.title')}>
      {!hasLine ? (
        <Text c="dimmed" size="sm">
          {t('dashboard.dsoTrend.empty')}
        </Text>
      ) : (
        <ChartFigure
          caption={t('dashboard.dsoTrend.caption')}
          headers={[t('dashboard.dsoTrend.month'), t('dashboard.dsoTrend.days')]}
          rows={points.map(({ key, point }) => ({
            key,
            label: formatDate(point.date),
            values: [
              point.isComplete
                ? t('dashboard.kpi.days', { days: formatDays(point.days) })
                : `${t('dashboard.kpi.daysAtLeast', { days: formatDays(point.days) })} (${t('dashboard.dsoTrend.incomplete')})`,
            ],
          }))}
          height={HEIGHT}
        >
          <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 480, height: HEIGHT }}>
            <LineChart
              data={points}
              margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
              accessibilityLayer={false}
            >
              <CartesianGrid vertical={false} stroke={colors.grid} />
              <XAxis
                dataKey="label"
                tickLine={false}
                axisLine={false}
                interval="preserveStartEnd"
                minTickGap={8}
                tick={{ fill: colors.axis, fontSize: 12 }}
              />
              <YAxis
                tickFormatter={(days: number) => t('dashboard.kpi.days', { days: formatDays(days) })}
                tickLine={false}
                axisLine={false}
                width={56}
                allowDecimals={false}
                tick={{ fill: colors.axis, fontSize: 12 }}
              />
              <Tooltip
                formatter={(value) =>
                  typeof value === 'number' ? t('dashboard.kpi.days', { days: formatDays(value) }) : value
                }
              />
              <Line
                type="monotone"
                dataKey="days"
                name={t('dashboard.dsoTrend.days')}
                stroke={colors.line}
                strokeWidth={2}
                dot={{ r: 3 }}
                connectNulls={false}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </ChartFigure>
      )}
    </DashboardCard>
  );
}
