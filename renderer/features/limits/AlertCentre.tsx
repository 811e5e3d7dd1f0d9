/**
 * The alert centre (« Alertes » tab): every alert of every buyer as of today, in three sections — à traiter,
 * pris en compte, reportées — each grouped by severity with counts. An alert shows its buyer, what happens,
 * the amount at stake, the deadline (« dans 5 jours », « dépassée depuis 3 jours ») and what to do, with
 * the team's actions: acknowledge, snooze (a day, a week, until a date), reopen.
 */
import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Menu,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconAlertOctagon,
  IconAlertTriangle,
  IconCheck,
  IconChevronDown,
  IconClockPause,
  IconInfoCircle,
  IconRotate,
  IconSearch,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AlertSeverity } from '../../../shared/domain/alerts';
import { renderAlert } from '../../../shared/domain/alert-messages';
import { addDays, isIsoDate } from '../../../shared/domain/dates';
import { useAlertCentre } from '../../data/alert-hooks';
import type { AlertEntry, AlertStatus } from '../../data/alert-hooks';
import { useCommand } from '../../data/hooks';
import { useWorkspace } from '../../data/workspace-context';
import { formatDate, formatMoney } from '../../lib/format';
import {
  ALERT_FAMILIES,
  SEVERITIES,
  STATUSES,
  countByStatus,
  daysUntil,
  filterAlerts,
  groupBySeverity,
} from './alert-view';
import type { AlertFilter } from './alert-view';
import { DateField } from '../../components/DateField';
import { notify } from './notify';

/** Rows drawn per severity group before « Afficher plus »: thousands of alerts stay smooth. */
const PAGE_SIZE = 50;

export const SEVERITY_STYLE: Readonly<
  Record<AlertSeverity, { color: string; icon: typeof IconAlertOctagon }>
> = {
  critical: { color: 'red', icon: IconAlertOctagon },
  warning: { color: 'orange', icon: IconAlertTriangle },
  info: { color: 'blue', icon: IconInfoCircle },
};

function Deadline({ deadline, today }: { readonly deadline: string; readonly today: string }) {
  const { t } = useTranslation();
  const days = daysUntil(deadline, today);
  const relative =
    days > 0
      ? t('alertCentre.deadlineIn', { count: days })
      : days === 0
        ? t('alertCentre.deadlineToday')
        : t('alertCentre.deadlinePassed', { count: -days });
  return (
    <Text size="sm" fw={days < 0 ? 600 : 400} c={days < 0 ? 'red.9' : undefined}>
      {`${formatDate(deadline)} · ${relative}`}
    </Text>
  );
}

function AlertActions({ entry }: { readonly entry: AlertEntry }) {
  const { t, i18n } = useTranslation();
  const { today } = useWorkspace();
  const { run } = useCommand();
  const [isPickingDate, setIsPickingDate] = useState(false);
  const [until, setUntil] = useState(addDays(today, 14));
  const ref = { id: entry.key, buyerId: entry.alert.buyerId, code: entry.alert.code };

  const report = (result: Awaited<ReturnType<typeof run>>, done: string) => {
    if (result.ok) notify(done);
    else notify(i18n.language === 'en' ? result.error.message.en : result.error.message.fr, true);
  };
  const snooze = async (date: string) => {
    report(
      await run('snoozeAlert', { ...ref, until: date }),
      t('alertCentre.snoozed', { date: formatDate(date) }),
    );
    setIsPickingDate(false);
  };

  if (entry.status !== 'open') {
    return (
      <Button
        size="xs"
        variant="default"
        leftSection={<IconRotate size={14} aria-hidden />}
        onClick={() =>
          void run('reopenAlert', { id: entry.key }).then((r) => {
            report(r, t('alertCentre.reopened'));
          })
        }
      >
        {t('alertCentre.reopen')}
      </Button>
    );
  }
  return (
    <Group gap="xs" wrap="wrap">
      <Button
        size="xs"
        leftSection={<IconCheck size={14} aria-hidden />}
        onClick={() =>
          void run('acknowledgeAlert', ref).then((r) => {
            report(r, t('alertCentre.acknowledgedDone'));
          })
        }
      >
        {t('alertCentre.acknowledge')}
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconClockPause size={14} aria-hidden />}
            rightSection={<IconChevronDown size={14} aria-hidden />}
          >
            {t('alertCentre.snooze')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void snooze(addDays(today, 1))}>{t('alertCentre.snoozeDay')}</Menu.Item>
          <Menu.Item onClick={() => void snooze(addDays(today, 7))}>{t('alertCentre.snoozeWeek')}</Menu.Item>
          <Menu.Item
            onClick={() => {
              setIsPickingDate(true);
            }}
          >
            {t('alertCentre.snoozeUntil')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {isPickingDate ? (
        <Group gap="xs" align="flex-end">
          <DateField size="xs" label={t('alertCentre.snoozeDate')} value={until} onChange={setUntil} />
          <Button size="xs" disabled={!isIsoDate(until) || until <= today} onClick={() => void snooze(until)}>
            {t('alertCentre.snoozeConfirm')}
          </Button>
        </Group>
      ) : null}
    </Group>
  );
}

function AlertCard({ entry }: { readonly entry: AlertEntry }) {
  const { t, i18n } = useTranslation();
  const { today } = useWorkspace();
  const { alert } = entry;
  const message = renderAlert(alert, i18n.language === 'en' ? 'en' : 'fr');
  const style = SEVERITY_STYLE[alert.severity];
  const SeverityIcon = style.icon;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="article"
      aria-label={`${message.title} — ${entry.buyerName}`}
    >
      <Group align="flex-start" wrap="nowrap" gap="md">
        <ThemeIcon color={style.color} variant="light" size="lg" radius="md">
          <SeverityIcon size={20} aria-hidden />
        </ThemeIcon>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div>
              <Text fw={700}>{message.title}</Text>
              <Anchor component={Link} to={`/buyers/${encodeURIComponent(alert.buyerId)}`} size="sm">
                {entry.buyerName}
              </Anchor>
            </div>
            <div style={{ textAlign: 'right' }}>
              <Text size="xs" c="dimmed">
                {t('alertCentre.atStake')}
              </Text>
              <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(alert.amountAtStakeCents)}
              </Text>
            </div>
          </Group>
          <Text size="sm">{message.action}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <div>
              <Text size="xs" c="dimmed">
                {t('alertCentre.todoLabel')}
              </Text>
              <Text size="sm" fw={600}>
                {t(`alertCentre.todo.${alert.code}`, {
                  deadline: alert.deadline === undefined ? '' : formatDate(alert.deadline),
                })}
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                {t('alertCentre.deadline')}
              </Text>
              {alert.deadline === undefined ? (
                <Text size="sm">{t('alertCentre.noDeadline')}</Text>
              ) : (
                <Deadline deadline={alert.deadline} today={today} />
              )}
            </div>
          </SimpleGrid>
          {entry.status === 'snoozed' && entry.state?.snoozedUntil !== undefined ? (
            <Text size="sm" c="dimmed">
              {t('alertCentre.snoozedUntil', {
                date: formatDate(entry.state.snoozedUntil),
                by: entry.state.by,
              })}
            </Text>
          ) : null}
          {entry.status === 'acknowledged' && entry.state?.acknowledgedAt !== undefined ? (
            <Text size="sm" c="dimmed">
              {t('alertCentre.acknowledgedBy', {
                date: formatDate(entry.state.acknowledgedAt.slice(0, 10)),
                by: entry.state.by,
              })}
            </Text>
          ) : null}
          <AlertActions entry={entry} />
        </Stack>
      </Group>
    </Paper>
  );
}

function SeveritySection(props: {
  readonly severity: AlertSeverity;
  readonly entries: readonly AlertEntry[];
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(PAGE_SIZE);
  const headingId = `alerts-${props.severity}`;
  return (
    <section aria-labelledby={headingId}>
      <Group gap="xs" mb="sm">
        <Title order={3} size="h4" id={headingId}>
          {t(`alertCentre.severity.${props.severity}`)}
        </Title>
        <Badge color={SEVERITY_STYLE[props.severity].color} variant="light" aria-hidden>
          {props.entries.length}
        </Badge>
      </Group>
      <Stack gap="sm">
        {props.entries.slice(0, shown).map((entry) => (
          <AlertCard key={entry.key} entry={entry} />
        ))}
        {props.entries.length > shown ? (
          <Button
            variant="subtle"
            onClick={() => {
              setShown(shown + PAGE_SIZE);
            }}
          >
            {t('alertCentre.showMore', { count: props.entries.length - shown })}
          </Button>
        ) : null}
      </Stack>
    </section>
  );
}

export function AlertCentre() {
  const { t } = useTranslation();
  const entries = useAlertCentre();
  const [status, setStatus] = useState<AlertStatus>('open');
  const [filter, setFilter] = useState<AlertFilter>({ severity: 'all', family: 'all', buyer: '' });
  if (entries === undefined) return <Loader aria-label={t('alertCentre.loading')} />;

  const filtered = filterAlerts(entries, filter);
  const counts = countByStatus(filtered);
  const groups = groupBySeverity(filtered, status);
  return (
    <Stack gap="lg">
      <Group gap="md" align="flex-end" wrap="wrap">
        <TextInput
          label={t('alertCentre.filterBuyer')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filter.buyer}
          onChange={(event) => {
            setFilter({ ...filter, buyer: event.currentTarget.value });
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
            setFilter({ ...filter, severity });
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
            setFilter({ ...filter, family });
          }}
        />
      </Group>
      <SegmentedControl
        aria-label={t('alertCentre.sections')}
        value={status}
        onChange={(value) => {
          setStatus(STATUSES.find((item) => item === value) ?? 'open');
        }}
        data={STATUSES.map((value) => ({
          value,
          label: `${t(`alertCentre.status.${value}`)} (${counts[value]})`,
        }))}
      />
      {groups.length === 0 ? (
        <Paper withBorder p="xl" radius="md">
          <Text c="dimmed" ta="center">
            {t(entries.length === 0 ? 'alertCentre.none' : `alertCentre.emptySection.${status}`)}
          </Text>
        </Paper>
      ) : (
        groups.map((group) => (
          <SeveritySection key={group.severity} severity={group.severity} entries={group.entries} />
        ))
      )}
    </Stack>
  );
}
