/**
 * What the team can do about alerts: acknowledge (« Pris en compte »), snooze (a day, a week, until a date)
 * and reopen — for one alert, or for all the alerts of a buyer shown in the current section at once. A bulk
 * action runs the same command once per alert (each is its own transaction and outbox entry, exactly as if
 * done one by one) and reports once.
 */
import { Button, Group, Menu, Popover, Stack } from '@mantine/core';
import { IconCheck, IconChevronDown, IconClockPause, IconRotate } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, isIsoDate } from '../../../shared/domain/dates';
import type { AlertEntry } from '../../data/alert-hooks';
import { useCommand } from '../../data/hooks';
import { useWorkspace } from '../../data/workspace-context';
import { DateField } from '../../components/DateField';
import { formatDate } from '../../lib/format';
import { notify } from './notify';

type RunResult = Awaited<ReturnType<ReturnType<typeof useCommand>['run']>>;

function refOf(entry: AlertEntry) {
  return { id: entry.key, buyerId: entry.alert.buyerId, code: entry.alert.code };
}

/**
 * Runs `perform` for each entry in turn and notifies once: the success message with the count done, or the
 * first error (the entries before it stay done, as they would by hand).
 */
function useBulk() {
  const { i18n } = useTranslation();
  return async (
    entries: readonly AlertEntry[],
    perform: (entry: AlertEntry) => Promise<RunResult>,
    done: (count: number) => string,
  ): Promise<void> => {
    let count = 0;
    for (const entry of entries) {
      const result = await perform(entry);
      if (!result.ok) {
        notify(i18n.language === 'en' ? result.error.message.en : result.error.message.fr, true);
        return;
      }
      count += 1;
    }
    notify(done(count));
  };
}

/** « Reporter » with its menu; « Jusqu'à une date… » opens a small date form beside the button. */
function SnoozeMenu(props: {
  readonly label: string;
  readonly ariaLabel?: string;
  readonly onSnooze: (until: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { today } = useWorkspace();
  const [isPickingDate, setIsPickingDate] = useState(false);
  const [until, setUntil] = useState(addDays(today, 14));
  const snooze = async (date: string) => {
    setIsPickingDate(false);
    await props.onSnooze(date);
  };
  return (
    // No roles: the target is a plain wrapper (aria-expanded is not allowed on a div); the menu button
    // already says it opens a menu, and the date form takes the focus when it opens.
    <Popover
      opened={isPickingDate}
      onChange={setIsPickingDate}
      position="bottom-end"
      trapFocus
      withinPortal
      withRoles={false}
    >
      <Popover.Target>
        <div style={{ display: 'inline-block' }}>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button
                size="xs"
                variant="default"
                aria-label={props.ariaLabel}
                leftSection={<IconClockPause size={14} aria-hidden />}
                rightSection={<IconChevronDown size={14} aria-hidden />}
              >
                {props.label}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void snooze(addDays(today, 1))}>
                {t('alertCentre.snoozeDay')}
              </Menu.Item>
              <Menu.Item onClick={() => void snooze(addDays(today, 7))}>
                {t('alertCentre.snoozeWeek')}
              </Menu.Item>
              <Menu.Item
                onClick={() => {
                  setIsPickingDate(true);
                }}
              >
                {t('alertCentre.snoozeUntil')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </div>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <DateField size="xs" label={t('alertCentre.snoozeDate')} value={until} onChange={setUntil} />
          <Group gap="xs" justify="flex-end">
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                setIsPickingDate(false);
              }}
            >
              {t('alertCentre.cancel')}
            </Button>
            <Button
              size="xs"
              disabled={!isIsoDate(until) || until <= today}
              onClick={() => void snooze(until)}
            >
              {t('alertCentre.snoozeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** The actions on one alert: acknowledge and snooze while it is to handle, reopen once set aside. */
export function AlertActions({ entry }: { readonly entry: AlertEntry }) {
  const { t } = useTranslation();
  const { run } = useCommand();
  const bulk = useBulk();
  if (entry.status !== 'open') {
    return (
      <Button
        size="xs"
        variant="default"
        leftSection={<IconRotate size={14} aria-hidden />}
        onClick={() =>
          void bulk(
            [entry],
            (one) => run('reopenAlert', { id: one.key }),
            () => t('alertCentre.reopened'),
          )
        }
      >
        {t('alertCentre.reopen')}
      </Button>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      <Button
        size="xs"
        variant="light"
        leftSection={<IconCheck size={14} aria-hidden />}
        onClick={() =>
          void bulk(
            [entry],
            (one) => run('acknowledgeAlert', refOf(one)),
            () => t('alertCentre.acknowledgedDone'),
          )
        }
      >
        {t('alertCentre.acknowledge')}
      </Button>
      <SnoozeMenu
        label={t('alertCentre.snooze')}
        onSnooze={(until) =>
          bulk(
            [entry],
            (one) => run('snoozeAlert', { ...refOf(one), until }),
            () => t('alertCentre.snoozed', { date: formatDate(until) }),
          )
        }
      />
    </Group>
  );
}

/** The same actions for every alert of a buyer in the section shown (its `entries` share one status). */
export function BuyerActions(props: { readonly buyerName: string; readonly entries: readonly AlertEntry[] }) {
  const { t } = useTranslation();
  const { run } = useCommand();
  const bulk = useBulk();
  const [isBusy, setIsBusy] = useState(false);
  const { entries, buyerName } = props;
  const busy = async (work: Promise<void>) => {
    setIsBusy(true);
    try {
      await work;
    } finally {
      setIsBusy(false);
    }
  };
  const open = entries.filter((entry) => entry.status === 'open');
  if (open.length === 0) {
    return (
      <Group justify="flex-end">
        <Button
          size="xs"
          variant="default"
          loading={isBusy}
          aria-label={t('alertCentre.reopenAllFor', { name: buyerName })}
          leftSection={<IconRotate size={14} aria-hidden />}
          onClick={() =>
            void busy(
              bulk(
                entries,
                (one) => run('reopenAlert', { id: one.key }),
                (count) => t('alertCentre.reopenedAll', { count }),
              ),
            )
          }
        >
          {t('alertCentre.reopenAll')}
        </Button>
      </Group>
    );
  }
  return (
    <Group gap={6} wrap="nowrap" justify="flex-end">
      <Button
        size="xs"
        loading={isBusy}
        aria-label={t('alertCentre.acknowledgeAllFor', { name: buyerName })}
        leftSection={<IconCheck size={14} aria-hidden />}
        onClick={() =>
          void busy(
            bulk(
              open,
              (one) => run('acknowledgeAlert', refOf(one)),
              (count) => t('alertCentre.acknowledgedAll', { count }),
            ),
          )
        }
      >
        {t('alertCentre.acknowledgeAll')}
      </Button>
      <SnoozeMenu
        label={t('alertCentre.snoozeAll')}
        ariaLabel={t('alertCentre.snoozeAllFor', { name: buyerName })}
        onSnooze={(until) =>
          busy(
            bulk(
              open,
              (one) => run('snoozeAlert', { ...refOf(one), until }),
              (count) => t('alertCentre.snoozedAll', { count, date: formatDate(until) }),
            ),
          )
        }
      />
    </Group>
  );
}
