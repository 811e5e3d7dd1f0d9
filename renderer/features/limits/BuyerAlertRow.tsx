/**
 * One buyer in the alert centre's table: its worst severity, its name (link to the buyer page) with a chip
 * per kind of alert, the amount at stake counted once (`amountAtStake`), the nearest deadline and what to do
 * first (the todo of its most urgent alert). A toggle button (aria-expanded) opens a row below with the
 * actions on all its alerts at once (« Tout prendre en compte », « Tout reporter ») and its alerts one line
 * each, in a table of their own, drawn a page at a time. The bulk actions live there rather than in the row:
 * one decides for all of a buyer's alerts after seeing them, and the row keeps its width for the name and
 * the chips (a 1 366 px screen has no room for both).
 */
import { ActionIcon, Anchor, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { renderAlert } from '../../../shared/domain/alert-messages';
import { BuyerName } from '../../components/BuyerName';
import type { AlertEntry } from '../../data/alert-hooks';
import { useWorkspace } from '../../data/workspace-context';
import { formatDate, formatMoney } from '../../lib/format';
import { AlertActions, BuyerActions } from './AlertActions';
import { Deadline, KindChip, SEVERITY_STYLE, SeverityBadge } from './AlertParts';
import type { BuyerAlertGroup } from './alert-view';

/** The outer table's columns, for the detail row's colSpan. */
export const BUYER_COLUMNS = 6;

/** Alert lines drawn at first in a buyer's detail: a buyer with 80 invoice alerts stays readable. */
const DETAIL_PAGE = 20;

function todoOf(entry: AlertEntry, t: ReturnType<typeof useTranslation>['t']): string {
  const { deadline } = entry.alert;
  return t(`alertCentre.todo.${entry.alert.code}`, {
    deadline: deadline === undefined ? '' : formatDate(deadline),
  });
}

/** « Pris en compte le 25/11/2026 par marie » / « Reportée jusqu'au … par … », when set aside. */
function StateNote({ entry }: { readonly entry: AlertEntry }) {
  const { t } = useTranslation();
  const state = entry.state;
  if (entry.status === 'snoozed' && state?.snoozedUntil !== undefined) {
    return (
      <Text size="xs" c="dimmed">
        {t('alertCentre.snoozedUntil', { date: formatDate(state.snoozedUntil), by: state.by })}
      </Text>
    );
  }
  if (entry.status === 'acknowledged' && state?.acknowledgedAt !== undefined) {
    return (
      <Text size="xs" c="dimmed">
        {t('alertCentre.acknowledgedBy', {
          date: formatDate(state.acknowledgedAt.slice(0, 10)),
          by: state.by,
        })}
      </Text>
    );
  }
  return null;
}

function AlertDetail({ group }: { readonly group: BuyerAlertGroup }) {
  const { t, i18n } = useTranslation();
  const { today } = useWorkspace();
  const [shown, setShown] = useState(DETAIL_PAGE);
  const language = i18n.language === 'en' ? 'en' : 'fr';
  const rest = group.entries.length - shown;
  return (
    <Stack gap="xs" py="sm" pl={40} pr="xs">
      <BuyerActions buyerName={group.buyerName} entries={group.entries} />
      <Table
        verticalSpacing={6}
        horizontalSpacing="sm"
        withRowBorders
        bg="var(--mantine-color-gray-0)"
        style={{ borderRadius: 'var(--mantine-radius-md)' }}
      >
        <VisuallyHidden component="caption">
          {t('alertCentre.table.detailCaption', { name: group.buyerName })}
        </VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('alertCentre.table.alert')}</Table.Th>
            <Table.Th scope="col" ta="right" style={{ whiteSpace: 'nowrap' }}>
              {t('alertCentre.atStake')}
            </Table.Th>
            <Table.Th scope="col">{t('alertCentre.deadline')}</Table.Th>
            <Table.Th scope="col">{t('alertCentre.todoLabel')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('alertCentre.table.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {group.entries.slice(0, shown).map((entry) => {
            const { alert } = entry;
            const invoice = alert.params['invoice'];
            const Icon = SEVERITY_STYLE[alert.severity].icon;
            return (
              <Table.Tr key={entry.key}>
                <Table.Th scope="row" fw={400}>
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Text component="span" c={SEVERITY_STYLE[alert.severity].textColor} lh={1} pt={2}>
                      <Icon size={16} aria-hidden />
                      <VisuallyHidden>{t(`alertCentre.severity.${alert.severity}`)}</VisuallyHidden>
                    </Text>
                    <Stack gap={0}>
                      <Text size="sm" fw={600}>
                        {renderAlert(alert, language).title}
                      </Text>
                      {invoice === undefined ? null : (
                        <Text size="xs" c="dimmed">
                          {t('alertCentre.table.invoice', { invoice })}
                        </Text>
                      )}
                      <StateNote entry={entry} />
                    </Stack>
                  </Group>
                </Table.Th>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{formatMoney(alert.amountAtStakeCents)}</Text>
                </Table.Td>
                <Table.Td>
                  <Deadline deadline={alert.deadline} today={today} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{todoOf(entry, t)}</Text>
                </Table.Td>
                <Table.Td>
                  <AlertActions entry={entry} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {rest > 0 ? (
        <Group justify="center">
          <Button
            variant="subtle"
            size="xs"
            onClick={() => {
              setShown(shown + DETAIL_PAGE);
            }}
          >
            {t('alertCentre.showMore', { count: rest })}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

export function BuyerAlertRow({ group }: { readonly group: BuyerAlertGroup }) {
  const { t } = useTranslation();
  const { today } = useWorkspace();
  const [isOpen, setIsOpen] = useState(false);
  const detailId = `alert-detail-${group.buyerId}`;
  const first = group.entries[0];
  return (
    <>
      <Table.Tr data-severity={group.severity}>
        <Table.Td>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-expanded={isOpen}
            aria-controls={isOpen ? detailId : undefined}
            aria-label={t('alertCentre.table.expand', { name: group.buyerName })}
            onClick={() => {
              setIsOpen(!isOpen);
            }}
          >
            {isOpen ? <IconChevronDown size={18} aria-hidden /> : <IconChevronRight size={18} aria-hidden />}
          </ActionIcon>
        </Table.Td>
        <Table.Td>
          <SeverityBadge severity={group.severity} />
        </Table.Td>
        <Table.Th scope="row" fw={400}>
          <Stack gap={4}>
            <Group gap={8} wrap="nowrap">
              <Anchor
                component={Link}
                to={`/buyers/${encodeURIComponent(group.buyerId)}`}
                size="sm"
                fw={600}
                lineClamp={1}
              >
                <BuyerName id={group.buyerId} name={group.buyerName} />
              </Anchor>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {t('alertCentre.alertCount', { count: group.entries.length })}
              </Text>
            </Group>
            <Group gap={4}>
              {group.kinds.map((kind) => (
                <KindChip key={kind.code} code={kind.code} severity={kind.severity} count={kind.count} />
              ))}
            </Group>
          </Stack>
        </Table.Th>
        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
          <Text size="sm" fw={700}>
            {formatMoney(group.amountAtStakeCents)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Deadline deadline={group.nearestDeadline} today={today} />
        </Table.Td>
        <Table.Td>
          <Text size="sm">{first === undefined ? '' : todoOf(first, t)}</Text>
        </Table.Td>
      </Table.Tr>
      {isOpen ? (
        <Table.Tr id={detailId}>
          <Table.Td colSpan={BUYER_COLUMNS} p={0}>
            <AlertDetail group={group} />
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}
