/**
 * Sinistres: every claim on a board by stage (one column per group of CLAIM_STATUSES) or as a list sorted by
 * the nearest deadline, each with its countdown (« DMS dans 12 jours », red once passed). « Nouveau sinistre »
 * opens the form, also from the URL (`?buyer=<id>&invoices=<id,id>`) so other screens can link to it.
 */
import {
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ClaimRow } from '../../../shared/commands/entities';
import type { Policy } from '../../../shared/domain/policy';
import { FeatureEmptyState } from '../../components/FeatureEmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useBuyerNames, useClaims } from '../../data/claim-hooks';
import { useEffectivePolicy } from '../../data/policy-hooks';
import { useWorkspace } from '../../data/workspace-context';
import { formatDate, formatMoney } from '../../lib/format';
import { BOARD_COLUMNS, columnOf, compareByUrgency, nextDeadlineOf } from './claim-view';
import type { NextDeadline } from './claim-view';
import { NewClaimModal } from './NewClaimModal';

export function Countdown({ next }: { readonly next: NextDeadline | null }) {
  const { t } = useTranslation();
  if (next === null)
    return (
      <Text size="sm" c="dimmed">
        {t('claims.countdown.none')}
      </Text>
    );
  const label = t(`claims.deadlineKind.${next.kind}`);
  const text =
    next.days > 0
      ? t('claims.countdown.in', { label, count: next.days })
      : next.days === 0
        ? t('claims.countdown.today', { label })
        : t('claims.countdown.late', { label, count: -next.days });
  return (
    <Text size="sm" fw={600} c={next.days < 0 ? 'red.8' : next.days <= 15 ? 'orange.9' : undefined}>
      {text} · {formatDate(next.date)}
    </Text>
  );
}

type Item = { readonly row: ClaimRow; readonly next: NextDeadline | null; readonly buyer: string };

function ClaimCard({ item }: { readonly item: Item }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" component="li" aria-label={item.buyer}>
      <Stack gap={4}>
        <Link to={`/claims/${item.row.id}`} style={{ fontWeight: 600 }}>
          {item.buyer}
        </Link>
        <Group justify="space-between" gap="xs">
          <Text size="sm" className="num">
            {formatMoney(item.row.openTtcCents)} TTC
          </Text>
          <Badge variant="light" size="sm">
            {t(`claims.status.${item.row.status}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t('claims.invoiceCount', { count: item.row.invoiceIds.length })}
        </Text>
        <Countdown next={item.next} />
      </Stack>
    </Card>
  );
}

function Board({ items }: { readonly items: readonly Item[] }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid
      cols={{ base: 1, sm: 2, lg: 5 }}
      spacing="md"
      aria-label={t('claims.boardLabel')}
      component="section"
    >
      {BOARD_COLUMNS.map((column) => {
        const inColumn = items.filter((item) => columnOf(item.row.status) === column);
        return (
          <Stack key={column} gap="xs" data-testid={`claims-column-${column}`}>
            <Title order={2} size="h5">
              {t(`claims.columns.${column}`)} ({inColumn.length})
            </Title>
            {inColumn.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('claims.emptyColumn')}
              </Text>
            ) : (
              <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {inColumn.map((item) => (
                  <ClaimCard key={item.row.id} item={item} />
                ))}
              </Stack>
            )}
          </Stack>
        );
      })}
    </SimpleGrid>
  );
}

function List({ items }: { readonly items: readonly Item[] }) {
  const { t } = useTranslation();
  return (
    <Table striped highlightOnHover aria-label={t('claims.list.label')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('claims.list.buyer')}</Table.Th>
          <Table.Th scope="col" style={{ textAlign: 'right' }}>
            {t('claims.list.amount')}
          </Table.Th>
          <Table.Th scope="col">{t('claims.list.status')}</Table.Th>
          <Table.Th scope="col">{t('claims.list.next')}</Table.Th>
          <Table.Th scope="col">{t('claims.list.openedOn')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.row.id}>
            <Table.Th scope="row" fw={500}>
              <Link to={`/claims/${item.row.id}`}>{item.buyer}</Link>
            </Table.Th>
            <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
              {formatMoney(item.row.openTtcCents)}
            </Table.Td>
            <Table.Td>{t(`claims.status.${item.row.status}`)}</Table.Td>
            <Table.Td>
              <Countdown next={item.next} />
            </Table.Td>
            <Table.Td>{formatDate(item.row.openedOn)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function itemsOf(
  claims: readonly ClaimRow[],
  names: ReadonlyMap<string, string>,
  policy: Policy,
  today: string,
): Item[] {
  return claims
    .map((row) => ({
      row,
      next: nextDeadlineOf(row, policy, today),
      buyer: names.get(row.buyerId) ?? row.buyerId,
    }))
    .sort(compareByUrgency);
}

export function ClaimsPage() {
  const { t } = useTranslation();
  const { today } = useWorkspace();
  const claims = useClaims();
  const policy = useEffectivePolicy();
  const names = useBuyerNames(claims?.map((claim) => claim.buyerId) ?? []);
  const [params, setParams] = useSearchParams();
  const [view, setView] = useState<'board' | 'list'>('board');
  const [isCreating, setCreating] = useState(false);
  const linkedBuyer = params.get('buyer');
  const linkedInvoices =
    params
      .get('invoices')
      ?.split(',')
      .filter((id) => id !== '') ?? [];
  const isOpen = isCreating || linkedBuyer !== null;
  const items = useMemo(
    () =>
      claims === undefined || names === undefined || policy === undefined
        ? undefined
        : itemsOf(claims, names, policy, today),
    [claims, names, policy, today],
  );
  const close = () => {
    setCreating(false);
    if (linkedBuyer !== null) setParams({});
  };
  const newButton = (
    <Button
      leftSection={<IconPlus size={16} aria-hidden />}
      onClick={() => {
        setCreating(true);
      }}
    >
      {t('claims.newClaim')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('pages.claims.title')} subtitle={t('pages.claims.subtitle')} actions={newButton} />
      {items === undefined ? null : items.length === 0 ? (
        <FeatureEmptyState page="claims" icon={IconAlertTriangle} />
      ) : (
        <Stack gap="md">
          <SegmentedControl
            aria-label={t('claims.view.label')}
            value={view}
            onChange={(value) => {
              setView(value === 'list' ? 'list' : 'board');
            }}
            data={[
              { value: 'board', label: t('claims.view.board') },
              { value: 'list', label: t('claims.view.list') },
            ]}
            w="fit-content"
          />
          {view === 'board' ? <Board items={items} /> : <List items={items} />}
        </Stack>
      )}
      {isOpen ? (
        <NewClaimModal initialBuyerId={linkedBuyer} initialInvoiceIds={linkedInvoices} onClose={close} />
      ) : null}
    </>
  );
}
