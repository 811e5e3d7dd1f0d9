/**
 * The alert centre (« Alertes » tab): which buyers need action today, how much is at stake, the nearest
 * deadline and what to do. Three sections — à traiter, pris en compte, reportées — with their alert counts;
 * in each, ONE ROW PER BUYER (`groupByBuyer`) with a severity column rather than a block per severity: a
 * buyer with critical and warning alerts must appear once, at the rank of its worst alert, with all its
 * alerts behind one toggle, and a single table keeps every column aligned down the page. Buyers are sorted
 * by severity, then amount at stake; they are drawn 25 at a time. Above the table, the section's figures.
 */
import {
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAlertCentre } from '../../data/alert-hooks';
import type { AlertStatus } from '../../data/alert-hooks';
import { useWorkspace } from '../../data/workspace-context';
import { formatMoney, formatNumber } from '../../lib/format';
import { SEVERITY_STYLE } from './AlertParts';
import { BuyerAlertRow } from './BuyerAlertRow';
import {
  ALERT_FAMILIES,
  SEVERITIES,
  STATUSES,
  countByStatus,
  filterAlerts,
  groupByBuyer,
  summarizeGroups,
} from './alert-view';
import type { AlertFilter, GroupSummary } from './alert-view';

/** Buyers drawn before « Afficher plus »: the page stays two or three screens tall. */
const PAGE_SIZE = 25;

function Figure(props: { readonly label: string; readonly value: string; readonly color?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text size="lg" fw={700} c={props.color} style={{ whiteSpace: 'nowrap' }}>
        {props.value}
      </Text>
    </Paper>
  );
}

function Summary({ summary }: { readonly summary: GroupSummary }) {
  const { t } = useTranslation();
  const critical = SEVERITY_STYLE.critical.textColor;
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" data-testid="alert-summary">
      <Figure label={t('alertCentre.summary.buyers')} value={formatNumber(summary.buyers)} />
      <Figure
        label={t('alertCentre.summary.critical')}
        value={formatNumber(summary.criticalBuyers)}
        {...(summary.criticalBuyers > 0 ? { color: critical } : {})}
      />
      <Figure label={t('alertCentre.summary.atStake')} value={formatMoney(summary.amountAtStakeCents)} />
      <Figure
        label={t('alertCentre.summary.passed')}
        value={formatNumber(summary.passedDeadlineBuyers)}
        {...(summary.passedDeadlineBuyers > 0 ? { color: critical } : {})}
      />
    </SimpleGrid>
  );
}

export function AlertCentre() {
  const { t } = useTranslation();
  const { today } = useWorkspace();
  const entries = useAlertCentre();
  const [status, setStatus] = useState<AlertStatus>('open');
  const [filter, setFilter] = useState<AlertFilter>({ severity: 'all', family: 'all', buyer: '' });
  const [shown, setShown] = useState(PAGE_SIZE);

  const filtered = useMemo(
    () => (entries === undefined ? [] : filterAlerts(entries, filter)),
    [entries, filter],
  );
  const groups = useMemo(() => groupByBuyer(filtered, status), [filtered, status]);
  if (entries === undefined) return <Loader aria-label={t('alertCentre.loading')} />;

  const counts = countByStatus(filtered);
  const changeFilter = (next: AlertFilter) => {
    setFilter(next);
    setShown(PAGE_SIZE);
  };
  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        <TextInput
          label={t('alertCentre.filterBuyer')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filter.buyer}
          onChange={(event) => {
            changeFilter({ ...filter, buyer: event.currentTarget.value });
          }}
        />
        <Select
          label={t('alertCentre.filterSeverity')}
          data={[
            { value: 'all', label: t('alertCentre.all') },
            ...SEVERITIES.map((value) => ({ value, label: t(`alertCentre.severity.${value}`) })),
          ]}
          value={filter.severity}
          allowDeselect={false}
          onChange={(value) => {
            const severity = SEVERITIES.find((item) => item === value) ?? 'all';
            changeFilter({ ...filter, severity });
          }}
        />
        <Select
          label={t('alertCentre.filterFamily')}
          data={[
            { value: 'all', label: t('alertCentre.all') },
            ...ALERT_FAMILIES.map((value) => ({ value, label: t(`alertCentre.family.${value}`) })),
          ]}
          value={filter.family}
          allowDeselect={false}
          onChange={(value) => {
            const family = ALERT_FAMILIES.find((item) => item === value) ?? 'all';
            changeFilter({ ...filter, family });
          }}
        />
        <SegmentedControl
          ml="auto"
          aria-label={t('alertCentre.sections')}
          value={status}
          onChange={(value) => {
            setStatus(STATUSES.find((item) => item === value) ?? 'open');
            setShown(PAGE_SIZE);
          }}
          data={STATUSES.map((value) => ({
            value,
            label: `${t(`alertCentre.status.${value}`)} (${counts[value]})`,
          }))}
        />
      </Group>
      {groups.length === 0 ? (
        <Paper withBorder p="xl" radius="md">
          <Text c="dimmed" ta="center">
            {t(entries.length === 0 ? 'alertCentre.none' : `alertCentre.emptySection.${status}`)}
          </Text>
        </Paper>
      ) : (
        <>
          <Summary summary={summarizeGroups(groups, today)} />
          <Table.ScrollContainer minWidth={1000}>
            <Table verticalSpacing="xs" highlightOnHover data-testid="alert-buyers">
              <VisuallyHidden component="caption">{t('alertCentre.table.caption')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={44}>
                    <VisuallyHidden>{t('alertCentre.table.detail')}</VisuallyHidden>
                  </Table.Th>
                  <Table.Th scope="col" w={130}>
                    {t('alertCentre.table.severity')}
                  </Table.Th>
                  <Table.Th scope="col">{t('alertCentre.table.buyer')}</Table.Th>
                  <Table.Th scope="col" ta="right" w={130}>
                    {t('alertCentre.atStake')}
                  </Table.Th>
                  <Table.Th scope="col" w={170}>
                    {t('alertCentre.table.nearestDeadline')}
                  </Table.Th>
                  <Table.Th scope="col" w={230}>
                    {t('alertCentre.table.mainAction')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {groups.slice(0, shown).map((group) => (
                  // Keyed by section too: a buyer opened under « À traiter » starts closed elsewhere.
                  <BuyerAlertRow key={`${status}:${group.buyerId}`} group={group} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {groups.length > shown ? (
            <Group justify="center">
              <Button
                variant="subtle"
                onClick={() => {
                  setShown(shown + PAGE_SIZE);
                }}
              >
                {t('alertCentre.showMoreBuyers', { count: groups.length - shown })}
              </Button>
            </Group>
          ) : null}
        </>
      )}
    </Stack>
  );
}
