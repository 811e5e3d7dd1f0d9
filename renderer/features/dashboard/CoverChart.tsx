import { Box, Group, Stack, Text, useMantineTheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import type { DashboardData } from '../../data/dashboard-hooks';
import { formatMoney, formatPercent } from '../../lib/format';
import { ChartFigure } from './ChartFigure';
import { DashboardCard } from './DashboardCard';
import { dashboardColors } from './dashboard-colors';

const HEIGHT = 220;

/** « Couvert / non couvert »: a donut of the two parts of the exposure, the covered share in its centre. */
export function CoverChart({ data }: { data: DashboardData }) {
  const { t } = useTranslation();
  const colors = dashboardColors(useMantineTheme());
  const total = data.exposureCents;
  const parts = [
    {
      key: 'covered',
      label: t('dashboard.kpi.covered'),
      cents: data.coveredCents,
      color: colors.covered,
      fill: colors.covered,
    },
    {
      key: 'uncovered',
      label: t('dashboard.kpi.uncovered'),
      cents: data.uncoveredCents,
      color: colors.uncovered,
    },
  ];
  const shareOf = (cents: number): string => formatPercent(total === 0 ? 0 : cents / total);
  return (
    <DashboardCard title={t('dashboard.cover.title')}>
      {total === 0 ? (
        <Text c="dimmed" size="sm">
          {t('dashboard.cover.empty')}
        </Text>
      ) : (
        <ChartFigure
          caption={t('dashboard.cover.caption', { basis: data.basis })}
          headers={[t('dashboard.cover.part'), t('dashboard.cover.amount'), t('dashboard.cover.share')]}
          rows={parts.map((part) => ({
            key: part.key,
            label: part.label,
            values: [formatMoney(part.cents), shareOf(part.cents)],
          }))}
          height={HEIGHT}
        >
          <Box pos="relative" h={HEIGHT}>
            <ResponsiveContainer
              width="100%"
              height={HEIGHT}
              initialDimension={{ width: 260, height: HEIGHT }}
            >
              <PieChart accessibilityLayer={false}>
                <Pie
                  data={parts}
                  dataKey="cents"
                  nameKey="label"
                  innerRadius="62%"
                  outerRadius="92%"
                  startAngle={90}
                  endAngle={-270}
                  stroke="none"
                  rootTabIndex={-1}
                  isAnimationActive={false}
                ></Pie>
                <Tooltip formatter={(value) => (typeof value === 'number' ? formatMoney(value) : value)} />
              </PieChart>
            </ResponsiveContainer>
            <Stack
              gap={0}
              align="center"
              pos="absolute"
              top="50%"
              left="50%"
              style={{ transform: 'translate(-50%, -50%)', pointerEvents: 'none' }}
            >
              <Text fz={22} fw={700}>
                {shareOf(data.coveredCents)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('dashboard.cover.centre')}
              </Text>
            </Stack>
          </Box>
        </ChartFigure>
      )}
      {total > 0 && (
        <Stack gap={4} mt="sm" aria-hidden="true">
          {parts.map((part) => (
            <Group key={part.key} justify="space-between" wrap="nowrap">
              <Group gap={6} wrap="nowrap">
                <Box w={10} h={10} style={{ borderRadius: 2, background: part.color }} />
                <Text size="sm">{part.label}</Text>
              </Group>
              <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {`${formatMoney(part.cents)} · ${shareOf(part.cents)}`}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </DashboardCard>
  );
}
