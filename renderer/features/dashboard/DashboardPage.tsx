/**
 * Tableau de bord: what the company is owed, how much of it the insurer covers, what is late, the DSO, and
 * what needs doing — all summed from the stored per-buyer aggregates (never from the invoice table). A
 * workspace without any buyer gets the first-run choice (import a file or load the demo) instead.
 */
import { Grid, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useAggregateRefresh } from '../../data/aggregate-refresh';
import { useBuyerCount, useDashboard } from '../../data/dashboard-hooks';
import { formatDate, formatNumber } from '../../lib/format';
import { FirstRunChoice } from '../onboarding/FirstRunChoice';
import { AgingChart } from './AgingChart';
import { CoverChart } from './CoverChart';
import { DsoTrendChart } from './DsoTrendChart';
import { KpiRow } from './KpiRow';
import { AlertsBySeverity, ClaimsByStage } from './SeverityAndClaims';
import { TopExposures } from './TopExposures';

/** « Mise à jour des chiffres au 25/11/2026… »: shown while stale aggregates are recomputed. */
function RefreshStatus() {
  const { t } = useTranslation();
  const refresh = useAggregateRefresh();
  if (refresh.status !== 'running') return null;
  return (
    <Group gap="xs" wrap="nowrap" role="status">
      <Loader size="xs" />
      <Text size="sm" c="dimmed">
        {t('dashboard.refreshing', {
          date: formatDate(refresh.today),
          done: formatNumber(refresh.done),
          total: formatNumber(refresh.total),
        })}
      </Text>
    </Group>
  );
}

function DashboardContent() {
  const { t } = useTranslation();
  const data = useDashboard();
  if (data === undefined)
    return (
      <Group gap="xs">
        <Loader size="sm" />
        <Text c="dimmed">{t('dashboard.loading')}</Text>
      </Group>
    );
  return (
    <>
      <KpiRow data={data} />
      <Grid gap="md" align="stretch">
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <CoverChart data={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <AgingChart data={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <TopExposures data={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <DsoTrendChart data={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <AlertsBySeverity data={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <ClaimsByStage />
        </Grid.Col>
      </Grid>
    </>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const buyerCount = useBuyerCount();
  return (
    <>
      <PageHeader
        title={t('pages.dashboard.title')}
        subtitle={t('pages.dashboard.subtitle')}
        actions={<RefreshStatus />}
      />
      {buyerCount === undefined ? null : buyerCount === 0 ? <FirstRunChoice /> : <DashboardContent />}
    </>
  );
}
