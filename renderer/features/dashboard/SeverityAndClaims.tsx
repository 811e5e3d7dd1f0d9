import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CLAIM_STATUSES } from '../../../shared/domain/claims';
import type { AlertSeverity } from '../../../shared/domain/alerts';
import { pathOf } from '../../app/navigation';
import type { DashboardData } from '../../data/dashboard-hooks';
import { useClaimsByStatus } from '../../data/dashboard-hooks';
import { formatNumber } from '../../lib/format';
import { DashboardCard } from './DashboardCard';

const SEVERITIES: readonly { severity: AlertSeverity; color: string }[] = [
  { severity: 'critical', color: 'red.8' },
  { severity: 'warning', color: 'orange.8' },
  { severity: 'info', color: 'navy' },
];

function CountLine({ label, count, color }: { label: string; count: number; color: string }) {
  return (
    <Group justify="space-between" wrap="nowrap" component="li">
      <Group gap={8} wrap="nowrap">
        <Badge circle size="xs" color={color} aria-hidden="true">
          {' '}
        </Badge>
        <Text size="sm">{label}</Text>
      </Group>
      <Text size="sm" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatNumber(count)}
      </Text>
    </Group>
  );
}

/** « Alertes par gravité »: the alert counts of every buyer, with the way to the alert centre. */
export function AlertsBySeverity({ data }: { data: DashboardData }) {
  const { t } = useTranslation();
  const total = data.alertCounts.critical + data.alertCounts.warning + data.alertCounts.info;
  return (
    <DashboardCard
      title={t('dashboard.alerts.title')}
      action={
        <Anchor component={Link} to={pathOf('limits')} size="sm">
          {t('dashboard.alerts.link')}
        </Anchor>
      }
    >
      {total === 0 ? (
        <Text c="dimmed" size="sm">
          {t('dashboard.alerts.none')}
        </Text>
      ) : (
        <Stack
          gap="xs"
          component="ul"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          data-testid="alerts-by-severity"
        >
          {SEVERITIES.map(({ severity, color }) => (
            <CountLine
              key={severity}
              label={t(`dashboard.alerts.${severity}`)}
              count={data.alertCounts[severity]}
              color={color}
            />
          ))}
        </Stack>
      )}
    </DashboardCard>
  );
}

const KNOWN_STATUSES: ReadonlySet<string> = new Set(CLAIM_STATUSES);

/** « Sinistres par étape »: claim files per status, in the workflow's order. */
export function ClaimsByStage() {
  const { t } = useTranslation();
  const counts = useClaimsByStatus();
  const lines: { key: string; label: string; count: number }[] = CLAIM_STATUSES.filter(
    (status) => (counts?.get(status) ?? 0) > 0,
  ).map((status) => ({
    key: status,
    label: t(`dashboard.claims.status.${status}`),
    count: counts?.get(status) ?? 0,
  }));
  let other = 0;
  for (const [status, count] of counts ?? []) if (!KNOWN_STATUSES.has(status)) other += count;
  if (other > 0) lines.push({ key: 'other', label: t('dashboard.claims.status.other'), count: other });
  return (
    <DashboardCard title={t('dashboard.claims.title')}>
      {counts === undefined ? null : lines.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('dashboard.claims.none')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {lines.map((line) => (
            <CountLine key={line.key} label={line.label} count={line.count} color="navy" />
          ))}
        </Stack>
      )}
    </DashboardCard>
  );
}
